"""Logging actions (done / partly / not today) and the patient's "today".

A log is for one action and one local day, made with a client UUID. The same UUID again is
a harmless replay; a new UUID for the same day replaces the outcome, keeping the old row
(soft-deleted) so what was logged when is never lost.
"""

from __future__ import annotations

from datetime import date, timedelta

from careplan.audit.service import record as record_audit
from careplan.careplans import adherence, repo
from careplan.careplans.goals_actions import action_from_row
from careplan.careplans.local_time import local_day, patient_today
from careplan.careplans.schemas import (
    ActionLog,
    ActionLogCreate,
    PlanAction,
    Today,
    TodayItem,
    WeekAdherence,
)
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
    )


async def log_action(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: ActionLogCreate
) -> tuple[ActionLog, bool]:
    await authorise(db, actor, patient_id, Action.LOG_SELF_CARE)
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
        await record_audit(tx, clock, actor, "action_log.delete", [patient_id], "action_log")
    return retired


async def today(db: Database, clock: Clock, actor: Actor, patient_id: str) -> Today:
    await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    zone, rows = await repo.time_zone_and_actions(db, patient_id)
    time_zone = zone or "Europe/London"
    day = local_day(clock.now_ms(), time_zone)
    today_number = day.toordinal()
    first_day = date.fromordinal(adherence.first_day_needed(today_number)).isoformat()
    outcomes: dict[str, dict[int, str]] = {}
    logged_today = False
    for row in await repo.outcomes_since(db, patient_id, first_day):
        logged_on = date.fromisoformat(row["day"]).toordinal()
        outcomes.setdefault(row["action_id"], {})[logged_on] = row["outcome"]
        logged_today = logged_today or logged_on == today_number
    todays_logs = (
        {
            r["action_id"]: log_from_row(r)
            for r in await repo.logs_on(db, patient_id, day.isoformat())
        }
        if logged_today
        else {}
    )
    mondays = [date.fromordinal(m).isoformat() for m in adherence.week_starts(today_number)]
    items = []
    for row in rows:
        action = action_from_row(row)
        schedule = adherence.Schedule(
            frequency=action.frequency,
            times_per_week=action.times_per_week,
            weekdays=frozenset(action.weekdays),
            start=date.fromisoformat(action.start_date).toordinal(),
        )
        summary = adherence.summarise(schedule, outcomes.get(action.id, {}), today_number)
        items.append(_today_item(action, summary, todays_logs.get(action.id), mondays))
    await record_audit(db, clock, actor, "today.read", [patient_id], "care_plan")
    return Today(patient_id=patient_id, day=day.isoformat(), time_zone=time_zone, items=items)


def _today_item(
    action: PlanAction, summary: adherence.Summary, log: ActionLog | None, mondays: list[str]
) -> TodayItem:
    return TodayItem(
        action=action,
        due_today=summary.due_today,
        log=log,
        streak_days=summary.streak_days,
        done_this_week=summary.done_this_week,
        weeks=[
            WeekAdherence(
                week_start=monday,
                expected=week.expected,
                done=week.done,
                partly=week.partly,
                adherence=week.adherence,
            )
            for monday, week in zip(mondays, summary.weeks, strict=True)
        ],
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
