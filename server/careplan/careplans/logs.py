"""Logging actions (done / partly / not today) and the patient's "today".

A log is for one action and one local day, made with a client UUID. The same UUID again is
a harmless replay; a new UUID for the same day replaces the outcome, keeping the old row
(soft-deleted) so what was logged when is never lost.
"""

from __future__ import annotations

from datetime import date, timedelta

from careplan.audit.service import record as record_audit
from careplan.careplans import adherence, recent_outcomes, repo
from careplan.careplans.goals_actions import action_from_row
from careplan.careplans.local_time import day_number, local_day, patient_today
from careplan.careplans.schemas import (
    ActionLog,
    ActionLogCreate,
    Today,
    TodayItem,
    WeekAdherence,
)
from careplan.checkins.note_flags import flag_note
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.storage.db import Database, Executor, Row

OLDEST_LOGGABLE_DAYS = 60


def log_from_row(row: Row) -> ActionLog:
    return ActionLog(
        id=row["id"],
        action_id=row["action_id"],
        day=row["day"],
        outcome=row["outcome"],
        note=row["note"],
        logged_at=row["logged_at"],
        actor_kind=row["actor_kind"],
        actor_id=row["actor_id"],
        on_behalf_of=row["on_behalf_of"],
        actor_name=row["actor_name"],
    )


async def log_action(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: ActionLogCreate
) -> tuple[ActionLog, bool]:
    actor = await authorise(db, actor, patient_id, Action.LOG_SELF_CARE)
    async with db.transaction() as tx:
        return await store_log(tx, clock, actor, patient_id, data, source="app")


async def store_log(
    tx: Executor, clock: Clock, actor: Actor, patient_id: str, data: ActionLogCreate, source: str
) -> tuple[ActionLog, bool]:
    """(the log, whether it was new). The caller has authorised; this audits."""
    existing = await repo.log_by_id(tx, data.id)
    if existing is not None:
        if existing["patient_id"] != patient_id:
            raise InvalidField("id", "is already used; make a new one")
        return log_from_row(existing), False
    if await repo.action(tx, patient_id, data.action_id) is None:
        raise InvalidField("action_id", f"no action {data.action_id[:40]!r} in this plan")
    await _check_day(tx, clock, patient_id, data.day)
    now = clock.now_ms()
    await repo.retire_log(tx, data.action_id, data.day, now)
    await repo.insert_log(
        tx,
        {
            "id": data.id,
            "patient_id": patient_id,
            "action_id": data.action_id,
            "day": data.day,
            "outcome": data.outcome,
            "note": data.note,
            "source": source,
            "actor_kind": actor.kind.value,
            "actor_id": actor.id,
            "on_behalf_of": actor.on_behalf_of,
            "logged_at": now,
        },
    )
    await refresh_recent_outcomes(tx, data.action_id)
    await flag_note(tx, clock, actor, patient_id, data.note, "an action log")
    await record_audit(tx, clock, actor, "action_log.create", [patient_id], "action_log", data.id)
    stored = await repo.log_by_id(tx, data.id)
    assert stored is not None
    return log_from_row(stored), True


async def retire_log(
    tx: Executor, clock: Clock, actor: Actor, patient_id: str, action_id: str, day: str
) -> bool:
    """Take back the live log for an action and day (the caller has authorised)."""
    if await repo.action(tx, patient_id, action_id) is None:
        raise InvalidField("action_id", f"no action {action_id[:40]!r} in this plan")
    retired = await repo.retire_log(tx, action_id, day, clock.now_ms()) > 0
    if retired:
        await refresh_recent_outcomes(tx, action_id)
        await record_audit(tx, clock, actor, "action_log.delete", [patient_id], "action_log")
    return retired


async def refresh_recent_outcomes(tx: Executor, action_id: str) -> None:
    """Rewrite the action's recent outcomes from its live logs (ADR 0008). One live log per
    day, so the latest HISTORY_DAYS logs hold every day the string keeps."""
    rows = await repo.newest_live_outcomes(tx, action_id, recent_outcomes.HISTORY_DAYS)
    outcomes = {day_number(day): outcome for day, outcome in rows}
    await repo.set_recent_outcomes(tx, action_id, recent_outcomes.encode(outcomes))


async def backfill_recent_outcomes(db: Database, batch: int = 500) -> int:
    """Fill the recent outcomes of actions that have none yet (after migration 0005); how many.

    A batch of actions at a time, one read and one write each. An action that gets a log
    meanwhile keeps what that log wrote: only strings still missing are filled."""
    filled = 0
    after = ""
    while action_ids := await repo.actions_without_recent_outcomes(db, after, batch):
        outcomes: dict[str, dict[int, str]] = {action_id: {} for action_id in action_ids}
        for action_id, day, outcome in await repo.live_logs_of(db, action_ids):
            outcomes[action_id][day_number(day)] = outcome
        await repo.fill_recent_outcomes(
            db, [(recent_outcomes.encode(o), action_id) for action_id, o in outcomes.items()]
        )
        filled += len(action_ids)
        after = action_ids[-1]
    return filled


async def today(db: Database, clock: Clock, actor: Actor, patient_id: str) -> Today:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    now = clock.now_ms()
    utc_day = local_day(now, "UTC")
    candidates = [(utc_day + timedelta(days=shift)).isoformat() for shift in (-1, 0, 1)]
    rows = await repo.today_rows(db, patient_id, candidates)
    time_zone = (rows[0]["time_zone"] if rows else None) or "Europe/London"
    day = local_day(now, time_zone).isoformat()
    today_number = day_number(day)
    mondays = [date.fromordinal(m).isoformat() for m in adherence.week_starts(today_number)]
    items: list[TodayItem] = []
    for row in rows:
        if row["id"] is None:
            continue
        if items and items[-1].action.id == row["id"]:
            item = items[-1]  # the same action again, with another day's log
        else:
            item = _today_item(row, today_number, mondays)
            items.append(item)
        if row["log_day"] == day:
            item.log = _todays_log(row)
    await record_audit(db, clock, actor, "today.read", [patient_id], "care_plan")
    return Today(patient_id=patient_id, day=day, time_zone=time_zone, items=items)


def _today_item(row: Row, today_number: int, mondays: list[str]) -> TodayItem:
    action = action_from_row(row)
    schedule = adherence.Schedule(
        action.frequency,
        action.times_per_week,
        frozenset(action.weekdays),
        day_number(action.start_date),
    )
    outcomes = recent_outcomes.decode(row["recent_outcomes"])
    summary = adherence.summarise(schedule, outcomes, today_number)
    return TodayItem(
        action=action,
        due_today=summary.due_today,
        log=None,
        streak_days=summary.streak_days,
        done_this_week=summary.done_this_week,
        weeks=[
            WeekAdherence(monday, week.expected, week.done, week.partly, week.adherence)
            for monday, week in zip(mondays, summary.weeks, strict=True)
        ],
    )


def _todays_log(row: Row) -> ActionLog:
    return ActionLog(
        id=row["log_id"],
        action_id=row["log_action_id"],
        day=row["log_day"],
        outcome=row["log_outcome"],
        note=row["log_note"],
        logged_at=row["log_logged_at"],
        actor_kind=row["log_actor_kind"],
        actor_id=row["log_actor_id"],
        on_behalf_of=row["log_on_behalf_of"],
        actor_name=row["log_actor_name"],
    )


async def _check_day(tx: Executor, clock: Clock, patient_id: str, raw: str) -> None:
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise InvalidField("day", "not a real date (use YYYY-MM-DD)") from None
    today = await patient_today(tx, clock, patient_id)
    if day > today:
        raise InvalidField("day", f"{raw} is after today ({today.isoformat()}) where you live")
    if day < today - timedelta(days=OLDEST_LOGGABLE_DAYS):
        raise InvalidField("day", f"is more than {OLDEST_LOGGABLE_DAYS} days ago")
