"""The whole record as one FHIR R4 Bundle (type collection), for whoever may read it.

Access (ADR 0016): the export is a read of the record, so it is allowed exactly where
VIEW_RECORD is (the patient, a carer with view_plan, the practice's clinicians, a practice
administrator). It never shows more than the same person could read in the app: the thread
(Communication) only to those who may read messages, and the carers (RelatedPerson, Consent)
only to those who may see who the carers are. One audit row, "fhir.export", records it, the
patient's own export included: the record leaving the system is worth a line in their log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from litestar.exceptions import NotFoundException, PermissionDeniedException

from careplan.audit.service import record as record_audit
from careplan.careplans.local_time import local_day
from careplan.careplans.schemas import CarePlan
from careplan.careplans.service import whole_plan
from careplan.carers.service import delegation_status
from careplan.checkins.outcomes import CHECKIN_PURPOSE
from careplan.clock import Clock
from careplan.fhir import repo
from careplan.fhir.careplan import care_plan
from careplan.fhir.careteam import care_team
from careplan.fhir.communication import communication
from careplan.fhir.condition import condition
from careplan.fhir.consent import consent
from careplan.fhir.datatypes import Json, Links, full_url, instant
from careplan.fhir.goal import goal
from careplan.fhir.observation import observation
from careplan.fhir.organization import organization
from careplan.fhir.patient import patient
from careplan.fhir.practitioner import practitioner
from careplan.fhir.related_person import carer, related_person
from careplan.people.access import NOT_FOUND, Action, authorise
from careplan.people.actor import Actor
from careplan.storage.db import Database, Executor, Row

NO_LONGER_REGISTERED = "Someone no longer registered"


@dataclass(frozen=True, slots=True)
class Record:
    """What the export reads; None for a part the reader may not see."""

    patient: Row
    plan: CarePlan
    readings: list[Row]
    messages: list[Row] | None
    delegations: list[Row] | None


async def export_record(db: Database, clock: Clock, actor: Actor, patient_id: str) -> Json:
    acting = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    sees_thread = await _may(db, actor, patient_id, Action.VIEW_MESSAGES)
    sees_carers = await _may(db, actor, patient_id, Action.VIEW_CARERS)
    record = await read_record(db, patient_id, sees_thread, sees_carers)
    bundle = await assemble(db, record, clock.now_ms())
    await record_audit(db, clock, acting, "fhir.export", [patient_id], "record")
    return bundle


async def _may(db: Executor, actor: Actor, patient_id: str, action: Action) -> bool:
    try:
        await authorise(db, actor, patient_id, action)
    except (NotFoundException, PermissionDeniedException):
        return False
    return True


async def read_record(
    db: Executor, patient_id: str, sees_thread: bool, sees_carers: bool
) -> Record:
    row = await repo.patient(db, patient_id)
    if row is None:  # deleted between the access check and now
        raise NotFoundException(NOT_FOUND)
    return Record(
        patient=row,
        plan=await whole_plan(db, patient_id),
        readings=await repo.readings(db, patient_id),
        messages=await repo.messages(db, patient_id) if sees_thread else None,
        delegations=await repo.delegations(db, patient_id) if sees_carers else None,
    )


async def assemble(db: Executor, record: Record, now: int) -> Json:
    """Map every part, then add an entry for each person a part refers to."""
    links = Links(record.patient["id"])
    plan = record.plan
    today = local_day(now, record.patient["time_zone"])
    head = [
        patient(record.patient, links),
        organization(record.patient["practice"], links),
        care_team(plan.care_team, record.patient["practice"], links),
    ]
    body = _plan_parts(plan, today, links)
    body += [observation(row, links) for row in record.readings]
    body += _thread(record.messages or [], links)
    carers, consents = _carers(record.delegations or [], now, links)
    people = [practitioner(row, links) for row in await _clinicians(db, links.clinicians)]
    known = {row["carer_id"] for row in record.delegations or []}
    people += carers + [
        related_person(row["id"], row["display_name"], links)
        for row in await _carer_names(db, [c for c in links.carers if c not in known])
    ]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": instant(now),
        "entry": [
            {"fullUrl": full_url(resource), "resource": resource}
            for resource in head + people + body + consents
        ],
    }


def _plan_parts(plan: CarePlan, today: date, links: Links) -> list[Json]:
    condition_ids = {c.id for c in plan.conditions}
    goal_ids = {g.id for g in plan.goals}
    return [
        *(condition(c, links) for c in plan.conditions),
        care_plan(plan, goal_ids, today, links),
        *(goal(g, condition_ids, links) for g in plan.goals),
    ]


def _thread(messages: list[Row], links: Links) -> list[Json]:
    """Each message; a reply to a check-in points at the check-in's question."""
    questions = {
        row["checkin_id"]: row["id"]
        for row in reversed(messages)  # the first question of a check-in wins
        if row["direction"] == "outbound"
        and row["purpose"] == CHECKIN_PURPOSE
        and row["checkin_id"]
    }
    return [
        communication(
            row,
            questions.get(row["checkin_id"]) if row["direction"] == "inbound" else None,
            links,
        )
        for row in messages
    ]


def _carers(delegations: list[Row], now: int, links: Links) -> tuple[list[Json], list[Json]]:
    """A RelatedPerson per carer (from their newest access) and a Consent per access."""
    newest: dict[str, Row] = {}
    helping: dict[str, bool] = {}
    consents = []
    for row in delegations:  # oldest first
        status = delegation_status(row, now)
        newest[row["carer_id"]] = row
        helping[row["carer_id"]] = helping.get(row["carer_id"], False) or status == "active"
        consents.append(consent(row, status, links))
    people = [carer(row, helping[carer_id], links) for carer_id, row in newest.items()]
    return people, consents


async def _clinicians(db: Executor, ids: list[str]) -> list[Row]:
    """In the order first referred to; a clinician no longer stored is still someone."""
    found = {row["id"]: row for row in await repo.clinicians(db, ids)}
    return [found.get(i, {"id": i, "display_name": NO_LONGER_REGISTERED, "active": 0}) for i in ids]


async def _carer_names(db: Executor, ids: list[str]) -> list[Row]:
    found = {row["id"]: row for row in await repo.carers(db, ids)}
    return [found.get(i, {"id": i, "display_name": NO_LONGER_REGISTERED}) for i in ids]
