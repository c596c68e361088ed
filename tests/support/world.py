"""A small two-practice world for integration tests, written straight to the database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from careplan.auth.passwords import hash_password
from careplan.clock import Clock
from careplan.people import repo
from careplan.storage.db import Database

PASSWORD = "correct horse battery staple"  # noqa: S105 - test data
_PASSWORD_HASH = hash_password(PASSWORD)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    phone_or_email: str
    organisation_id: str


@dataclass(frozen=True, slots=True)
class World:
    gp: Person  # Riverside, named clinician of alice
    nurse: Person  # Riverside
    other_gp: Person  # Hillside: a stranger to Riverside's patients
    alice: Person  # Riverside patient
    bob: Person  # Riverside patient
    carol: Person  # Hillside patient


async def _organisation(db: Database, name: str, now: int) -> str:
    organisation_id = uuid.uuid4().hex
    await repo.insert_organisation(
        db,
        {
            "id": organisation_id,
            "name": name,
            "time_zone": "Europe/London",
            "sms_sender": None,
            "created_at": now,
        },
    )
    return organisation_id


async def _clinician(
    db: Database, organisation_id: str, email: str, name: str, role: str, now: int
) -> Person:
    clinician_id = uuid.uuid4().hex
    await repo.insert_clinician(
        db,
        {
            "id": clinician_id,
            "organisation_id": organisation_id,
            "email": email,
            "display_name": name,
            "role": role,
            "password_hash": _PASSWORD_HASH,
            "created_at": now,
        },
    )
    return Person(clinician_id, email, organisation_id)


async def _patient(
    db: Database, organisation_id: str, given: str, family: str, nhs: str, phone: str, now: int
) -> Person:
    patient_id = uuid.uuid4().hex
    await repo.insert_patient(
        db,
        {
            "id": patient_id,
            "organisation_id": organisation_id,
            "given_name": given,
            "family_name": family,
            "birth_date": "1950-05-17",
            "nhs_number": nhs,
            "phone": phone,
            "preferred_language": "en",
            "time_zone": "Europe/London",
            "created_at": now,
            "updated_at": now,
        },
    )
    return Person(patient_id, phone, organisation_id)


async def build_world(db: Database, clock: Clock) -> World:
    now = clock.now_ms()
    riverside = await _organisation(db, "Riverside", now)
    hillside = await _organisation(db, "Hillside", now)
    gp = await _clinician(db, riverside, "gp@riverside.test", "Dr Ada Gee", "gp", now)
    nurse = await _clinician(db, riverside, "nurse@riverside.test", "Nia Nurse", "nurse", now)
    other_gp = await _clinician(db, hillside, "gp@hillside.test", "Dr Hal Hill", "gp", now)
    alice = await _patient(db, riverside, "Alice", "Able", "9990000018", "+447700900201", now)
    bob = await _patient(db, riverside, "Bob", "Baker", "9990000026", "+447700900202", now)
    carol = await _patient(db, hillside, "Carol", "Cole", "9990000034", "+447700900203", now)
    async with db.transaction() as tx:
        await repo.replace_care_team(
            tx, alice.id, [(gp.id, "named_clinician"), (nurse.id, "care_coordinator")], now
        )
    return World(gp, nurse, other_gp, alice, bob, carol)
