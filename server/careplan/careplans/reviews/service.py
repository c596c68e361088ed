"""The rules of the review cycle (Year of Care): schedule a review, share results with plain
notes before it, let the patient write their agenda, and record what was agreed.

A review changes only while it is scheduled; once completed it is the record of what happened.
At most one review per patient is scheduled at a time, so results and the agenda always go to
the one review the patient and clinician are preparing for.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import msgspec
from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.careplans import service as plan_service
from careplan.careplans.local_time import patient_today
from careplan.careplans.reviews import repo
from careplan.careplans.reviews.prompts import AGENDA_PROMPTS
from careplan.careplans.reviews.schemas import (
    Agenda,
    ResultShare,
    Review,
    ReviewComplete,
    ReviewCreate,
    ReviewResult,
    ReviewSummary,
)
from careplan.clock import Clock
from careplan.errors import Conflict, InvalidField
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor, ClinicianRole
from careplan.people.schemas import ClinicianSummary
from careplan.storage.db import Database, Executor, Row

REVIEW_NOT_FOUND = "No review with that id for this patient"
# A typo in the year must not push a review (or the next recall) out of sight for decades.
LATEST_AHEAD = timedelta(days=3 * 366)
_EMPTY_AGENDA = msgspec.json.encode(Agenda()).decode()


async def schedule_review(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: ReviewCreate
) -> Review:
    actor = await authorise(db, actor, patient_id, Action.MANAGE_REVIEWS)
    today = await patient_today(db, clock, patient_id)
    scheduled_for = _checked_day(data.scheduled_for, "scheduled_for", today, earliest=today)
    clinician_id = await _checked_reviewer(db, actor, data.clinician_id or actor.id)
    now = clock.now_ms()
    review_id = uuid.uuid4().hex
    async with db.transaction() as tx:
        await repo.hold_patient(tx, patient_id)
        if await repo.scheduled_review_id(tx, patient_id) is not None:
            raise Conflict(
                "this patient already has a scheduled review: complete it before scheduling another"
            )
        await repo.insert_review(
            tx,
            {
                "id": review_id,
                "patient_id": patient_id,
                "clinician_id": clinician_id,
                "scheduled_for": scheduled_for,
                "agenda": _EMPTY_AGENDA,
                "created_at": now,
            },
        )
        await record_audit(tx, clock, actor, "review.create", [patient_id], "review", review_id)
    return await _review(db, patient_id, review_id)


async def list_reviews(
    db: Database, clock: Clock, actor: Actor, patient_id: str
) -> list[ReviewSummary]:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    rows = await repo.reviews_for_patient(db, patient_id)
    await record_audit(db, clock, actor, "review.list", [patient_id], "review")
    return [
        ReviewSummary(
            id=row["id"],
            status=row["status"],
            scheduled_for=row["scheduled_for"],
            clinician=_clinician(row),
            results_shared=int(row["results_shared"]),
            agenda_updated_at=row["agenda_updated_at"],
            next_review_date=row["next_review_date"],
            completed_at=row["completed_at"],
        )
        for row in rows
    ]


async def read_review(
    db: Database, clock: Clock, actor: Actor, patient_id: str, review_id: str
) -> Review:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    review = await _review(db, patient_id, review_id)
    await record_audit(db, clock, actor, "review.read", [patient_id], "review", review_id)
    return review


async def share_result(
    db: Database, clock: Clock, actor: Actor, patient_id: str, review_id: str, data: ResultShare
) -> ReviewResult:
    actor = await authorise(db, actor, patient_id, Action.MANAGE_REVIEWS)
    await _existing(db, patient_id, review_id)
    now = clock.now_ms()
    result = ReviewResult(
        id=uuid.uuid4().hex,
        label=_words(data.label, "label"),
        value=_words(data.value, "value"),
        plain_note=_words(data.plain_note, "plain_note"),
        shared_by=ClinicianSummary(id=actor.id, display_name=actor.display_name, role=actor.role),
        shared_at=now,
    )
    async with db.transaction() as tx:
        if not await repo.touch_if_scheduled(tx, patient_id, review_id, now):
            raise Conflict("results are shared before a review: this review has already happened")
        await repo.insert_result(
            tx,
            {
                "id": result.id,
                "review_id": review_id,
                "patient_id": patient_id,
                "label": result.label,
                "value": result.value,
                "plain_note": result.plain_note,
                "shared_by": actor.id,
                "shared_at": now,
            },
        )
        await record_audit(
            tx, clock, actor, "review.result_share", [patient_id], "review_result", result.id
        )
    return result


async def write_agenda(
    db: Database, clock: Clock, actor: Actor, patient_id: str, review_id: str, data: Agenda
) -> Review:
    """Replace the agenda; items that are only spaces are dropped, the words kept as written."""
    actor = await authorise(db, actor, patient_id, Action.WRITE_AGENDA)
    await _existing(db, patient_id, review_id)
    agenda = Agenda(items=[item for item in data.items if item.strip()], other=data.other)
    now = clock.now_ms()
    async with db.transaction() as tx:
        stored = msgspec.json.encode(agenda).decode()
        if not await repo.set_agenda_if_scheduled(tx, patient_id, review_id, stored, now):
            raise Conflict("this review has already happened: its agenda can no longer change")
        await record_audit(
            tx, clock, actor, "review.agenda_update", [patient_id], "review", review_id
        )
    return await _review(db, patient_id, review_id)


async def complete_review(
    db: Database, clock: Clock, actor: Actor, patient_id: str, review_id: str, data: ReviewComplete
) -> Review:
    """Mark the review done and agree the plan at it, all or nothing: a stale plan version
    leaves the review scheduled, so nothing agreed is recorded against the wrong plan."""
    actor = await authorise(db, actor, patient_id, Action.MANAGE_REVIEWS)
    await _existing(db, patient_id, review_id)
    today = await patient_today(db, clock, patient_id)
    next_review_date = _checked_day(
        data.next_review_date, "next_review_date", today, earliest=today + timedelta(days=1)
    )
    agreed = _words(data.agreed, "agreed")
    now = clock.now_ms()
    async with db.transaction() as tx:
        if not await repo.complete_if_scheduled(
            tx, patient_id, review_id, agreed, next_review_date, now
        ):
            raise Conflict("this review has already been completed")
        await plan_service.agree_at_review(
            tx,
            clock,
            actor,
            patient_id,
            expected_version=data.plan_version,
            next_review_date=next_review_date,
            review_id=review_id,
        )
        await record_audit(tx, clock, actor, "review.complete", [patient_id], "review", review_id)
    return await _review(db, patient_id, review_id)


async def _checked_reviewer(db: Executor, actor: Actor, clinician_id: str) -> str:
    """The agenda goes to whoever holds the review: a clinician of this practice who may
    complete it, never an administrator or someone elsewhere."""
    role = await repo.active_clinician_role(db, actor.organisation_id, clinician_id)
    if role is None:
        raise InvalidField("clinician_id", f"no clinician {clinician_id[:40]!r} in this practice")
    if role == ClinicianRole.ADMIN:
        raise InvalidField("clinician_id", "a practice administrator cannot hold a review")
    return clinician_id


def _words(raw: str, field: str) -> str:
    """Trimmed words; NUL is refused here because PostgreSQL cannot store it in TEXT."""
    text = raw.strip()
    if not text:
        raise InvalidField(field, "must not be blank")
    if "\x00" in text:
        raise InvalidField(field, "must not contain NUL characters")
    return text


def _checked_day(raw: str, field: str, today: date, *, earliest: date) -> str:
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise InvalidField(field, "not a real date (use YYYY-MM-DD)") from None
    if day < earliest:
        when = "today or later" if earliest == today else "after today"
        raise InvalidField(field, f"must be {when} (today is {today.isoformat()})")
    if day > today + LATEST_AHEAD:
        raise InvalidField(field, "must be within three years of today")
    return raw


async def _existing(db: Executor, patient_id: str, review_id: str) -> Row:
    row = await repo.review(db, patient_id, review_id)
    if row is None:
        raise NotFoundException(REVIEW_NOT_FOUND)
    return row


async def _review(db: Executor, patient_id: str, review_id: str) -> Review:
    row = await _existing(db, patient_id, review_id)
    results = [
        ReviewResult(
            id=r["id"],
            label=r["label"],
            value=r["value"],
            plain_note=r["plain_note"],
            shared_by=ClinicianSummary(
                id=r["shared_by"],
                display_name=r["shared_by_name"] or "Someone no longer registered",
                role=r["shared_by_role"] or "clinician",
            ),
            shared_at=r["shared_at"],
        )
        for r in await repo.results(db, review_id)
    ]
    return Review(
        id=row["id"],
        patient_id=row["patient_id"],
        status=row["status"],
        scheduled_for=row["scheduled_for"],
        clinician=_clinician(row),
        results=results,
        agenda=msgspec.json.decode(row["agenda"], type=Agenda),
        agenda_updated_at=row["agenda_updated_at"],
        agenda_prompts=list(AGENDA_PROMPTS),
        agreed=row["agreed"],
        next_review_date=row["next_review_date"],
        completed_at=row["completed_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _clinician(row: Row) -> ClinicianSummary:
    return ClinicianSummary(
        id=row["clinician_id"], display_name=row["clinician_name"], role=row["clinician_role"]
    )
