"""A patient's check-in settings: quiet hours, pause (snooze) and channel.

The patient or a clinician of their practice may change them (MANAGE_CHECKINS); who paused
is recorded. New quiet hours move every active schedule's next due time at once.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date, datetime, time

from careplan.audit.service import record as record_audit
from careplan.checkins import settings_repo
from careplan.checkins.rescheduling import rescheduled
from careplan.checkins.schedule_rules import checked_time
from careplan.checkins.schedule_schemas import CheckinSettings, CheckinSettingsUpdate
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.storage.db import Database, Row

LONGEST_QUIET_MINUTES = 20 * 60  # leaves at least 4 hours a day for check-ins to go out


def checked_quiet_hours(start: str, end: str) -> tuple[str, str]:
    checked_time("quiet_start", start)
    checked_time("quiet_end", end)
    minutes = _minutes_between(start, end)
    if minutes > LONGEST_QUIET_MINUTES:
        raise InvalidField(
            "quiet_end",
            f"quiet hours from {start} to {end} last {minutes // 60} h {minutes % 60} min; "
            "they may last at most 20 hours, so check-ins can still go out each day",
        )
    return start, end


async def read_settings(
    db: Database, clock: Clock, actor: Actor, patient_id: str
) -> CheckinSettings:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    row = await settings_repo.checkin_settings(db, patient_id)
    await record_audit(db, clock, actor, "checkin_settings.read", [patient_id], "checkin_settings")
    return _settings(row)


async def replace_settings(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: CheckinSettingsUpdate
) -> CheckinSettings:
    actor = await authorise(db, actor, patient_id, Action.MANAGE_CHECKINS)
    quiet_start, quiet_end = checked_quiet_hours(data.quiet_start, data.quiet_end)
    now = clock.now_ms()
    paused_until = data.paused_until if data.paused_until and data.paused_until > now else None
    async with db.transaction() as tx:
        before = await settings_repo.checkin_settings(tx, patient_id)
        paused_by = before["paused_by"] if paused_until == before["paused_until"] else actor.id
        quiet_moved = (quiet_start, quiet_end) != (before["quiet_start"], before["quiet_end"])
        async with rescheduled(tx, patient_id, now) if quiet_moved else nullcontext():
            await settings_repo.upsert_settings(
                tx,
                patient_id,
                {
                    "quiet_start": quiet_start,
                    "quiet_end": quiet_end,
                    "paused_until": paused_until,
                    "paused_by": None if paused_until is None else paused_by,
                    "channel": data.channel,
                },
                now,
            )
        await record_audit(
            tx, clock, actor, "checkin_settings.update", [patient_id], "checkin_settings"
        )
        row = await settings_repo.checkin_settings(tx, patient_id)
    return _settings(row)


def _minutes_between(start: str, end: str) -> int:
    """Length of [start, end) in minutes, wrapping midnight; 0 when equal (no quiet hours)."""
    day = date(2000, 1, 1)
    first = datetime.combine(day, time.fromisoformat(start))
    last = datetime.combine(day, time.fromisoformat(end))
    return int((last - first).total_seconds() // 60) % (24 * 60)


def _settings(row: Row) -> CheckinSettings:
    return CheckinSettings(
        quiet_start=row["quiet_start"],
        quiet_end=row["quiet_end"],
        paused_until=row["paused_until"],
        channel=row["channel"],
        paused_by=row["paused_by"],
        updated_at=row["updated_at"],
    )
