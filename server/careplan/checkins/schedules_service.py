"""Check-in schedules: set up, list, change (compare-and-set on version), stop, send now.

Who: the patient, a carer allowed to manage schedules, and the clinicians of their practice
(MANAGE_CHECKINS); practice administrators may read but not write; send-now is for
clinicians (SEND_CHECKIN_NOW). Check-ins may go to a carer's phone (recipient 'carer' and
their carer id) only while that carer has live access that includes answer_checkins.
Every change is audited and bumps `version`; a change of timing recomputes `next_due_at`.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.careplans import repo as plan_repo
from careplan.careplans.local_time import patient_today
from careplan.careplans.versions import stale
from careplan.checkins import schedules_repo as repo
from careplan.checkins.carer_recipients import answers_checkins, carers_of_schedules, live_scopes
from careplan.checkins.schedule_rules import checked_schedule
from careplan.checkins.schedule_schemas import (
    Schedule,
    ScheduleCreate,
    ScheduleList,
    ScheduleOptions,
    ScheduleUpdate,
    SentNow,
)
from careplan.checkins.settings_repo import checkin_settings
from careplan.clock import Clock
from careplan.errors import Conflict, InvalidField
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row

SCHEDULE_NOT_FOUND = "No check-in schedule with that id"
# Changing any of these moves the schedule's next due time.
TIMING_FIELDS = frozenset(
    {"cadence", "weekdays", "every_n_days", "local_time", "start_date", "end_date", "active"}
)
_RULE_FIELDS = (
    "kind",
    "question",
    "options",
    "cadence",
    "weekdays",
    "every_n_days",
    "local_time",
    "start_date",
    "end_date",
    "recipient",
    "recipient_carer_id",
    "channel",
)


def schedule_from_row(row: Row, carer: tuple[str, bool] | None = None) -> Schedule:
    """CARER: (name, may answer check-ins now) of a carer recipient."""
    return Schedule(
        id=row["id"],
        patient_id=row["patient_id"],
        kind=row["kind"],
        question=row["question"],
        options=msgspec.json.decode(row["options"], type=ScheduleOptions),
        cadence=row["cadence"],
        weekdays=msgspec.json.decode(row["weekdays"]) if row["weekdays"] else [],
        every_n_days=row["every_n_days"],
        local_time=row["local_time"],
        start_date=row["start_date"],
        end_date=row["end_date"],
        recipient=row["recipient"],
        channel=row["channel"],
        active=bool(row["active"]),
        paused_until=row["paused_until"],
        next_due_at=row["next_due_at"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        recipient_carer_id=row["recipient_carer_id"],
        recipient_carer_name=carer[0] if carer else None,
        carer_access_ended=row["recipient"] == "carer" and not (carer and carer[1]),
    )


async def _views(ex: Executor, rows: list[Row], now: int) -> list[Schedule]:
    """Schedules as shown: a carer recipient's name, and whether they may still answer."""
    carer_ids = [row["recipient_carer_id"] for row in rows if row["recipient"] == "carer"]
    carers = await carers_of_schedules(ex, rows[0]["patient_id"], carer_ids, now) if rows else {}
    return [schedule_from_row(row, carers.get(row["recipient_carer_id"])) for row in rows]


async def create_schedule(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: ScheduleCreate
) -> Schedule:
    actor = await authorise(db, actor, patient_id, Action.MANAGE_CHECKINS)
    fields = {name: getattr(data, name) for name in _RULE_FIELDS}
    async with db.transaction() as tx:
        if fields["start_date"] is None:
            fields["start_date"] = (await patient_today(tx, clock, patient_id)).isoformat()
        checked = checked_schedule(fields)
        await _check_action(tx, patient_id, data.kind, data.options)
        await _check_carer(tx, patient_id, checked, clock.now_ms())
        return await _insert_schedule(tx, clock, actor, patient_id, checked)


async def store_checked_schedule(
    tx: Executor, patient_id: str, checked: dict[str, Any], created_by: str, now: int
) -> str:
    """Insert an already checked schedule, active, and set its first due time; returns its id.

    No access check or audit: callers (the service, and tests of due times) do those.
    """
    schedule_id = uuid.uuid4().hex
    await repo.insert_schedule(
        tx,
        {
            **checked,
            "id": schedule_id,
            "patient_id": patient_id,
            "active": 1,
            "paused_until": None,
            "next_due_at": None,
            "last_occurrence_day": None,
            "version": 1,
            "created_by": created_by,
            "created_at": now,
            "updated_at": now,
        },
    )
    await repo.reschedule(tx, schedule_id, now)
    return schedule_id


async def _insert_schedule(
    tx: Executor, clock: Clock, actor: Actor, patient_id: str, checked: dict[str, Any]
) -> Schedule:
    """Store a checked schedule with its first due time, and audit it."""
    schedule_id = await store_checked_schedule(tx, patient_id, checked, actor.id, clock.now_ms())
    await record_audit(
        tx, clock, actor, "checkin_schedule.create", [patient_id], "checkin_schedule", schedule_id
    )
    [view] = await _views(tx, [_found(await repo.schedule_by_id(tx, schedule_id))], clock.now_ms())
    return view


async def list_schedules(db: Database, clock: Clock, actor: Actor, patient_id: str) -> ScheduleList:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    rows = await repo.schedules_of_patient(db, patient_id)
    await record_audit(db, clock, actor, "checkin_schedule.list", [patient_id], "checkin_schedule")
    return ScheduleList(schedules=await _views(db, rows, clock.now_ms()))


async def update_schedule(
    db: Database, clock: Clock, actor: Actor, schedule_id: str, data: ScheduleUpdate
) -> Schedule:
    changes = {
        k: v
        for k, v in msgspec.structs.asdict(data).items()
        if v is not msgspec.UNSET and k != "version"
    }
    if not changes:
        raise InvalidField("body", "send at least one field to change besides version")
    now = clock.now_ms()
    async with db.transaction() as tx:
        row, actor = await _authorised_schedule(tx, actor, schedule_id, Action.MANAGE_CHECKINS)
        if data.version != row["version"]:
            raise stale(row["version"], "check-in schedule")
        patient_id = row["patient_id"]
        columns: dict[str, Any] = {}
        if changes.keys() & set(_RULE_FIELDS):
            merged = {**_updatable_fields(row, changes), **changes}
            checked = checked_schedule(merged)
            if changes.keys() & {"kind", "options"}:
                await _check_action(tx, patient_id, checked["kind"], merged["options"])
            if changes.keys() & {"recipient", "recipient_carer_id"}:
                await _check_carer(tx, patient_id, checked, now)
            columns = {name: checked[name] for name in _RULE_FIELDS}
        if "active" in changes:
            columns["active"] = int(changes["active"])
        if "paused_until" in changes:
            columns["paused_until"] = changes["paused_until"]
        timing_changed = bool(changes.keys() & TIMING_FIELDS)
        pending = await repo.pending_day(tx, schedule_id, now) if timing_changed else None
        if not await repo.update_schedule(tx, schedule_id, data.version, columns, now):
            current = _found(await repo.schedule_by_id(tx, schedule_id))
            raise stale(current["version"], "check-in schedule")
        if timing_changed:
            await repo.reschedule(tx, schedule_id, now, pending)
        await record_audit(
            tx,
            clock,
            actor,
            "checkin_schedule.update",
            [patient_id],
            "checkin_schedule",
            schedule_id,
        )
        [view] = await _views(tx, [_found(await repo.schedule_by_id(tx, schedule_id))], now)
        return view


async def send_now(
    db: Database, clock: Clock, settings: Settings, actor: Actor, schedule_id: str
) -> SentNow:
    """One check-in due now (window as configured); the regular next_due_at is unchanged. A
    check-in of this schedule already due and not yet sent is returned instead of a second."""
    now = clock.now_ms()
    async with db.transaction() as tx:
        row, actor = await _authorised_schedule(tx, actor, schedule_id, Action.SEND_CHECKIN_NOW)
        patient_id = row["patient_id"]
        if not row["active"]:
            raise Conflict("this check-in schedule is stopped: start it again (active: true) first")
        paused_until = await _paused_until(tx, row, now)
        if paused_until is not None:
            raise Conflict(
                "check-ins are paused until "
                f"{paused_until} (UTC epoch-ms): resume them first (paused_until: null)",
                extra={"paused_until": paused_until},
            )
        checkin = await repo.open_unsent_checkin(tx, schedule_id)
        if checkin is None:
            window_ms = settings.checkin_window_minutes * 60_000
            checkin = await repo.insert_checkin_due_now(
                tx,
                {
                    "id": uuid.uuid4().hex,
                    "schedule_id": schedule_id,
                    "patient_id": patient_id,
                    "due_at": now,
                    "window_ends_at": now + window_ms,
                },
            )
        await record_audit(
            tx, clock, actor, "checkin_schedule.send_now", [patient_id], "checkin", checkin["id"]
        )
    return SentNow(checkin_id=checkin["id"], due_at=checkin["due_at"])


# --- shared --------------------------------------------------------------------------------


async def _authorised_schedule(
    tx: Executor, actor: Actor, schedule_id: str, action: Action
) -> tuple[Row, Actor]:
    """The schedule and the actor acting for its patient, if they may do ACTION; a stranger
    gets the same 404 as for a schedule that does not exist."""
    row = await repo.schedule_by_id(tx, schedule_id)
    if row is None:
        raise NotFoundException(SCHEDULE_NOT_FOUND)
    try:
        acting = await authorise(tx, actor, row["patient_id"], action)
    except NotFoundException:
        raise NotFoundException(SCHEDULE_NOT_FOUND) from None
    return row, acting


def _updatable_fields(row: Row, changes: dict[str, Any]) -> dict[str, Any]:
    """The stored schedule as fields to merge a change into. A new cadence drops the old
    one's details, and a new kind its options, unless they are sent too."""
    stored: dict[str, Any] = {
        **{name: row[name] for name in _RULE_FIELDS},
        "options": msgspec.json.decode(row["options"], type=ScheduleOptions),
        "weekdays": msgspec.json.decode(row["weekdays"]) if row["weekdays"] else None,
    }
    if "cadence" in changes:
        stored["weekdays"] = stored["every_n_days"] = None
    if "kind" in changes:
        stored["options"] = None
    if "recipient" in changes:
        stored["recipient_carer_id"] = None
    return stored


async def _check_action(
    tx: Executor, patient_id: str, kind: str, options: ScheduleOptions | None
) -> None:
    """An action_done check-in asks about one of THIS patient's live actions."""
    action_id = options.action_id if options is not None else None
    if kind != "action_done" or action_id is None:
        return  # a missing action_id is refused by checked_options
    if await plan_repo.action(tx, patient_id, action_id) is None:
        raise InvalidField("options.action_id", "not one of this patient's current actions")


async def _check_carer(tx: Executor, patient_id: str, checked: dict[str, Any], now: int) -> None:
    """A carer recipient is one of THIS patient's carers, whose access is accepted, live, and
    includes answer_checkins (re-checked at every send: `checkins/carer_recipients.py`)."""
    if checked["recipient"] != "carer":
        return
    scopes = await live_scopes(tx, checked["recipient_carer_id"], patient_id, now)
    if scopes is None:
        raise InvalidField(
            "recipient_carer_id",
            "not a carer with access to this patient's record now: they must have accepted "
            "the invitation, and it must not be revoked or past its end date",
        )
    if not answers_checkins(scopes):
        raise InvalidField(
            "recipient_carer_id",
            "this carer has not been asked to answer check-ins: add 'answer check-ins' to what "
            "they may do (the patient's carers), then choose them here",
        )


async def _paused_until(tx: Executor, row: Row, now: int) -> int | None:
    """The later of the schedule's and the patient's pause, if either is still running."""
    patient_pause = (await checkin_settings(tx, row["patient_id"]))["paused_until"]
    pauses = [p for p in (row["paused_until"], patient_pause) if p is not None and p > now]
    return max(pauses) if pauses else None


def _found(row: Row | None) -> Row:
    if row is None:
        raise NotFoundException(SCHEDULE_NOT_FOUND)
    return row
