"""`careplan demo`: a practice, two clinicians and five patients whose phones are on the
dev phone (Ofcom drama numbers, which never reach a real person). Safe to run again."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from careplan.auth.passwords import hash_password
from careplan.careplans.demo import load_demo_plans
from careplan.carers.demo import load_demo_carer
from careplan.checkins.demo import load_demo_checkins
from careplan.clock import Clock
from careplan.people import repo
from careplan.storage.db import Database

DEMO_PASSWORD = "careplan-demo"  # noqa: S105 - published demo credentials
PRACTICE = "Riverside Medical Practice"


@dataclass(frozen=True, slots=True)
class DemoPatient:
    given_name: str
    family_name: str
    birth_date: str
    nhs_number: str  # 999 prefix: NHS test numbers, never issued to real people
    phone: str
    preferred_language: str = "en"


CLINICIANS = [
    ("amira.hassan@riverside.example", "Dr Amira Hassan", "gp"),
    ("tom.evans@riverside.example", "Tom Evans", "nurse"),
]
PATIENTS = [
    DemoPatient("Margaret", "Jones", "1948-03-14", "9990000018", "+447700900101"),
    DemoPatient("David", "Okafor", "1961-09-02", "9990000026", "+447700900102"),
    DemoPatient("Siân", "Williams", "1955-12-20", "9990000034", "+447700900103", "cy"),
    DemoPatient("Peter", "Novak", "1972-06-30", "9990000042", "+447700900104"),
    DemoPatient("Grace", "Campbell", "1939-01-08", "9990000050", "+447700900105"),
]


async def load_demo(db: Database, clock: Clock) -> list[str]:
    """Create what is missing; returns lines describing what exists, for the console."""
    now = clock.now_ms()
    organisation = await repo.organisation_by_name(db, PRACTICE)
    if organisation is None:
        organisation_id = uuid.uuid4().hex
        await repo.insert_organisation(
            db,
            {
                "id": organisation_id,
                "name": PRACTICE,
                "time_zone": "Europe/London",
                "sms_sender": None,
                "created_at": now,
            },
        )
    else:
        organisation_id = organisation["id"]

    clinician_ids = []
    for email, name, role in CLINICIANS:
        existing = await repo.clinician_by_email(db, email)
        if existing is None:
            clinician_id = uuid.uuid4().hex
            await repo.insert_clinician(
                db,
                {
                    "id": clinician_id,
                    "organisation_id": organisation_id,
                    "email": email,
                    "display_name": name,
                    "role": role,
                    "password_hash": hash_password(DEMO_PASSWORD),
                    "created_at": now,
                },
            )
        else:
            clinician_id = existing["id"]
        clinician_ids.append(clinician_id)

    for index, person in enumerate(PATIENTS):
        if await repo.patient_by_nhs_number(db, organisation_id, person.nhs_number):
            continue
        patient_id = uuid.uuid4().hex
        async with db.transaction() as tx:
            await repo.insert_patient(
                tx,
                {
                    "id": patient_id,
                    "organisation_id": organisation_id,
                    "given_name": person.given_name,
                    "family_name": person.family_name,
                    "birth_date": person.birth_date,
                    "nhs_number": person.nhs_number,
                    "phone": person.phone,
                    "preferred_language": person.preferred_language,
                    "time_zone": "Europe/London",
                    "created_at": now,
                    "updated_at": now,
                },
            )
            named = clinician_ids[index % len(clinician_ids)]
            await repo.replace_care_team(
                tx,
                patient_id,
                [
                    (named, "named_clinician"),
                    (clinician_ids[1], "care_coordinator"),
                ],
                now,
            )

    plans = await load_demo_plans(db, clock, organisation_id)
    checkins = await load_demo_checkins(db, clock, organisation_id)
    carer = await load_demo_carer(db, clock, organisation_id)
    lines = [f"Practice: {PRACTICE}", f"Clinicians (password: {DEMO_PASSWORD}):"]
    lines += [f"  {name} ({role}): {email}" for email, name, role in CLINICIANS]
    lines.append("Patients (sign in with the phone; the code arrives on the dev phone):")
    lines += [f"  {p.given_name} {p.family_name}: {p.phone}" for p in PATIENTS]
    if plans:
        lines.append(f"Care plans with six weeks of logs and readings written for {plans}.")
    if checkins:
        lines.append(f"Check-in schedules set up for {checkins} patients.")
    if carer:
        lines.append(carer)
    return lines
