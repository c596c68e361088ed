"""The rules for registering patients, changing their details and their care team."""

from __future__ import annotations

import uuid
from contextlib import nullcontext
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.checkins.rescheduling import rescheduled
from careplan.clock import Clock, to_datetime
from careplan.errors import Conflict, InvalidField
from careplan.people import repo
from careplan.people.access import (
    NOT_FOUND,
    Action,
    authorise,
    authorise_create_patient,
    patients_listable_by,
)
from careplan.people.actor import Actor
from careplan.people.identifiers import IdentifierError, normalise_nhs_number, normalise_phone
from careplan.people.schemas import (
    CareTeamUpdate,
    ClinicianSummary,
    Patient,
    PatientCreate,
    PatientPage,
    PatientSummary,
    PatientUpdate,
    TeamMember,
)
from careplan.storage.db import Database, Executor

_DEMOGRAPHIC_FIELDS = frozenset({"given_name", "family_name", "birth_date", "nhs_number", "phone"})


def checked_nhs_number(raw: str) -> str:
    try:
        return normalise_nhs_number(raw)
    except IdentifierError as exc:
        raise InvalidField("nhs_number", str(exc)) from None


def checked_phone(raw: str) -> str:
    try:
        return normalise_phone(raw)
    except IdentifierError as exc:
        raise InvalidField("phone", str(exc)) from None


def checked_birth_date(raw: str, today: date) -> str:
    try:
        born = date.fromisoformat(raw)
    except ValueError:
        raise InvalidField("birth_date", "not a real date (use YYYY-MM-DD)") from None
    if born > today:
        raise InvalidField("birth_date", "cannot be in the future")
    if born.year < 1880:
        raise InvalidField("birth_date", "is before 1880")
    return raw


def checked_time_zone(raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidField("time_zone", f"{raw!r} is not a known time zone") from None
    return raw


async def create_patient(db: Database, clock: Clock, actor: Actor, data: PatientCreate) -> Patient:
    authorise_create_patient(actor)
    now = clock.now_ms()
    organisation = await repo.organisation(db, actor.organisation_id)
    assert organisation is not None  # the session joined it
    row: dict[str, Any] = {
        "id": uuid.uuid4().hex,
        "organisation_id": actor.organisation_id,
        "given_name": data.given_name.strip(),
        "family_name": data.family_name.strip(),
        "birth_date": checked_birth_date(data.birth_date, to_datetime(now).date()),
        "nhs_number": checked_nhs_number(data.nhs_number),
        "phone": checked_phone(data.phone),
        "preferred_language": data.preferred_language,
        "time_zone": checked_time_zone(data.time_zone or organisation["time_zone"]),
        "created_at": now,
        "updated_at": now,
    }
    team = CareTeamUpdate(data.named_clinician_id, data.care_coordinator_id)
    members = await _checked_team(db, actor.organisation_id, team)
    async with db.transaction() as tx:
        if await repo.patient_by_nhs_number(tx, actor.organisation_id, row["nhs_number"]):
            raise Conflict("nhs_number: a patient with this NHS number is already registered")
        await repo.insert_patient(tx, row)
        await repo.replace_care_team(tx, row["id"], members, now)
        await record_audit(tx, clock, actor, "patient.create", [row["id"]], "patient")
    return await _patient(db, row["id"])


async def read_patient(db: Database, clock: Clock, actor: Actor, patient_id: str) -> Patient:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    patient = await _patient(db, patient_id)
    await record_audit(db, clock, actor, "patient.read", [patient_id], "patient")
    return patient


async def update_patient(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: PatientUpdate
) -> Patient:
    changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
    needed = (
        Action.EDIT_DEMOGRAPHICS
        if changes.keys() & _DEMOGRAPHIC_FIELDS
        else (Action.EDIT_PREFERENCES)
    )
    actor = await authorise(db, actor, patient_id, needed)
    if not changes:
        raise InvalidField("body", "send at least one field to change")
    now = clock.now_ms()
    if "nhs_number" in changes:
        changes["nhs_number"] = checked_nhs_number(changes["nhs_number"])
    if "phone" in changes:
        changes["phone"] = checked_phone(changes["phone"])
    if "birth_date" in changes:
        checked_birth_date(changes["birth_date"], to_datetime(now).date())
    if "time_zone" in changes:
        checked_time_zone(changes["time_zone"])
    changes["updated_at"] = now
    async with db.transaction() as tx:
        if "nhs_number" in changes:
            organisation_id = await tx.fetch_value(
                "SELECT organisation_id FROM patients WHERE id = ?", patient_id
            )
            other = await repo.patient_by_nhs_number(tx, organisation_id, changes["nhs_number"])
            if other is not None and other["id"] != patient_id:
                raise Conflict("nhs_number: another patient has this NHS number")
        moved = "time_zone" in changes
        async with rescheduled(tx, patient_id, now) if moved else nullcontext():
            await repo.update_patient(tx, patient_id, changes)
        await record_audit(tx, clock, actor, "patient.update", [patient_id], "patient")
    return await _patient(db, patient_id)


async def set_care_team(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: CareTeamUpdate
) -> Patient:
    actor = await authorise(db, actor, patient_id, Action.EDIT_CARE_TEAM)
    members = await _checked_team(db, actor.organisation_id, data)
    async with db.transaction() as tx:
        await repo.replace_care_team(tx, patient_id, members, clock.now_ms())
        await record_audit(tx, clock, actor, "care_team.update", [patient_id], "care_team")
    return await _patient(db, patient_id)


async def list_patients(
    db: Database, clock: Clock, actor: Actor, limit: int, offset: int
) -> PatientPage:
    organisation_id, patient_id = patients_listable_by(actor)
    rows, total = await repo.list_patients(db, organisation_id, patient_id, limit, offset)
    items = [
        PatientSummary(**{k: row[k] for k in PatientSummary.__struct_fields__}) for row in rows
    ]
    await record_audit(db, clock, actor, "patient.list", [i.id for i in items], "patient")
    return PatientPage(items=items, total=total, limit=limit, offset=offset)


async def list_clinicians(db: Database, actor: Actor) -> list[ClinicianSummary]:
    rows = await repo.list_clinicians(db, actor.organisation_id)
    return [
        ClinicianSummary(id=r["id"], display_name=r["display_name"], role=r["role"]) for r in rows
    ]


async def _checked_team(
    db: Executor, organisation_id: str, data: CareTeamUpdate
) -> list[tuple[str, str]]:
    """(clinician_id, team_role) pairs, every clinician checked to be of this organisation."""
    wanted = [
        (data.named_clinician_id, "named_clinician"),
        (data.care_coordinator_id, "care_coordinator"),
    ]
    members = [(cid, role) for cid, role in wanted if cid is not None]
    members += [(cid, "member") for cid in dict.fromkeys(data.member_ids)]
    known = await repo.clinicians_in_organisation(db, organisation_id, [c for c, _ in members])
    for clinician_id, role in members:
        if clinician_id not in known:
            field = {
                "named_clinician": "named_clinician_id",
                "care_coordinator": "care_coordinator_id",
            }.get(role, "member_ids")
            raise InvalidField(field, f"no clinician {clinician_id[:40]!r} in this practice")
    return members


async def care_team_members(db: Executor, patient_id: str) -> list[TeamMember]:
    return [
        TeamMember(
            clinician_id=r["clinician_id"],
            display_name=r["display_name"],
            role=r["role"],
            team_role=r["team_role"],
        )
        for r in await repo.care_team(db, patient_id)
    ]


async def _patient(db: Executor, patient_id: str) -> Patient:
    row = await repo.patient(db, patient_id)
    if row is None:
        raise NotFoundException(NOT_FOUND)
    team = await care_team_members(db, patient_id)
    return Patient(**{k: row[k] for k in repo.PATIENT_FIELDS}, care_team=team)
