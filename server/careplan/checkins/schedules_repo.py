"""SQL for check-in schedules, and keeping each schedule's `next_due_at` right. No HTTP here.

`next_due_at` is what the tick looks at (through the partial index `checkin_schedules_due`);
it is recomputed here, in the patient's zone with their quiet hours, whenever an occurrence
has come due (`advance_schedule`) and whenever the schedule or the quiet hours change
(`reschedule`). `last_occurrence_day` keeps it to one occurrence per local day across changes.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

import msgspec

from careplan.checkins.due import Cadence, QuietHours, next_occurrence, occurrence_day
from careplan.checkins.settings_repo import checkin_settings, quiet_hours
from careplan.storage.db import Executor, Row

__all__ = [
    "advance_schedule",
    "cadence_from_row",
    "checkin_settings",
    "due_schedules",
    "pending_day",
    "reschedule",
]

DEFAULT_ZONE = "Europe/London"
COLUMNS = (
    "id, patient_id, kind, question, options, cadence, weekdays, every_n_days, local_time, "
    "start_date, end_date, recipient, recipient_carer_id, channel, active, paused_until, "
    "next_due_at, last_occurrence_day, version, created_by, created_at, updated_at"
)
_FIELDS = COLUMNS.split(", ")
_S_COLUMNS = ", ".join(f"s.{name}" for name in _FIELDS)


def cadence_from_row(row: Row) -> Cadence:
    weekdays = msgspec.json.decode(row["weekdays"]) if row["weekdays"] else []
    return Cadence(
        kind=row["cadence"],
        local_time=time.fromisoformat(row["local_time"]),
        weekdays=frozenset(weekdays),
        every_n_days=row["every_n_days"],
        start_date=date.fromisoformat(row["start_date"]),
        end_date=date.fromisoformat(row["end_date"]) if row["end_date"] else None,
    )


# --- for the tick --------------------------------------------------------------------------


async def due_schedules(ex: Executor, now: int, limit: int) -> list[Row]:
    """Active schedules with next_due_at <= NOW, earliest first. `patient_paused_until` is the
    patient-wide pause from checkin_settings (the schedule's own is `paused_until`)."""
    return await ex.fetch_all(
        f"SELECT {_S_COLUMNS}, cs.paused_until AS patient_paused_until "
        "FROM checkin_schedules s LEFT JOIN checkin_settings cs ON cs.patient_id = s.patient_id "
        "WHERE s.active = 1 AND s.next_due_at IS NOT NULL AND s.next_due_at <= ? "
        "ORDER BY s.next_due_at LIMIT ?",
        now,
        limit,
    )


async def advance_schedule(ex: Executor, schedule_id: str, after_ms: int) -> int | None:
    """Store and return the schedule's next due instant after the occurrence at AFTER_MS (or
    after AFTER_MS when no occurrence fired then); None when it has ended or is stopped."""
    timing = await _timing(ex, schedule_id)
    if timing is None:
        return None
    row, rule = timing
    last_day = _stored_day(row)
    if rule is not None:
        fired = occurrence_day(*rule, after_ms)
        if fired is not None and (last_day is None or fired > last_day):
            last_day = fired
    return await _store_next(ex, schedule_id, rule, after_ms, last_day)


async def pending_day(ex: Executor, schedule_id: str, now: int) -> date | None:
    """Call BEFORE changing a schedule or quiet hours: the day of an occurrence that is due
    (next_due_at <= NOW) but not yet picked up by the tick, under the rule it was due by."""
    timing = await _timing(ex, schedule_id)
    if timing is None:
        return None
    row, rule = timing
    if rule is None or row["next_due_at"] is None or row["next_due_at"] > now:
        return None
    return occurrence_day(*rule, row["next_due_at"])


async def reschedule(
    ex: Executor, schedule_id: str, now: int, pending: date | None = None
) -> int | None:
    """After a change of the schedule or of quiet hours: the next due instant after NOW on a
    day after the last occurrence's. An occurrence already due (PENDING, from pending_day)
    keeps its instant and still goes out; the new rule takes over from the day after it."""
    timing = await _timing(ex, schedule_id)
    if timing is None:
        return None
    row, rule = timing
    last_day = _stored_day(row)
    if rule is not None and pending is not None:
        last_day = pending if last_day is None else max(last_day, pending)
        await ex.execute(
            "UPDATE checkin_schedules SET last_occurrence_day = ? WHERE id = ?",
            last_day.isoformat(),
            schedule_id,
        )
        return row["next_due_at"]
    return await _store_next(ex, schedule_id, rule, now, last_day)


Rule = tuple[Cadence, ZoneInfo, QuietHours]


async def _timing(ex: Executor, schedule_id: str) -> tuple[Row, Rule | None] | None:
    """The schedule and, when it is active, its rule: cadence, patient's zone, quiet hours."""
    row = await ex.fetch_one(
        "SELECT s.active, s.next_due_at, s.last_occurrence_day, s.cadence, s.weekdays, "
        "s.every_n_days, s.local_time, s.start_date, s.end_date, p.time_zone, "
        "cs.quiet_start, cs.quiet_end "
        "FROM checkin_schedules s JOIN patients p ON p.id = s.patient_id "
        "LEFT JOIN checkin_settings cs ON cs.patient_id = s.patient_id WHERE s.id = ?",
        schedule_id,
    )
    if row is None:
        return None
    if not row["active"]:
        return row, None
    zone = ZoneInfo(row["time_zone"] or DEFAULT_ZONE)
    return row, (cadence_from_row(row), zone, quiet_hours(row))


async def _store_next(
    ex: Executor, schedule_id: str, rule: Rule | None, after_ms: int, last_day: date | None
) -> int | None:
    following = None if rule is None else next_occurrence(*rule, after_ms, last_day)
    next_due_at = None if following is None else following.due_at
    await ex.execute(
        "UPDATE checkin_schedules SET next_due_at = ?, last_occurrence_day = ? WHERE id = ?",
        next_due_at,
        None if last_day is None else last_day.isoformat(),
        schedule_id,
    )
    return next_due_at


def _stored_day(row: Row) -> date | None:
    stored = row["last_occurrence_day"]
    return date.fromisoformat(stored) if stored else None


# --- for the API ---------------------------------------------------------------------------


async def insert_schedule(ex: Executor, row: dict[str, Any]) -> None:
    marks = ", ".join("?" for _ in _FIELDS)
    await ex.execute(
        f"INSERT INTO checkin_schedules ({COLUMNS}) VALUES ({marks})",
        *(row[name] for name in _FIELDS),
    )


async def schedule_by_id(ex: Executor, schedule_id: str) -> Row | None:
    return await ex.fetch_one(f"SELECT {COLUMNS} FROM checkin_schedules WHERE id = ?", schedule_id)


async def schedules_of_patient(ex: Executor, patient_id: str) -> list[Row]:
    return await ex.fetch_all(
        f"SELECT {COLUMNS} FROM checkin_schedules WHERE patient_id = ? ORDER BY created_at, id",
        patient_id,
    )


async def active_schedule_ids(ex: Executor, patient_id: str) -> list[str]:
    rows = await ex.fetch_all(
        "SELECT id FROM checkin_schedules WHERE patient_id = ? AND active = 1", patient_id
    )
    return [row["id"] for row in rows]


async def update_schedule(
    ex: Executor, schedule_id: str, expected_version: int, changes: dict[str, Any], now: int
) -> bool:
    """Compare-and-set on version: True if this version was current and is now bumped."""
    assignments = "".join(f"{name} = ?, " for name in changes)
    updated = await ex.execute(
        f"UPDATE checkin_schedules SET {assignments}version = version + 1, updated_at = ? "
        "WHERE id = ? AND version = ?",
        *changes.values(),
        now,
        schedule_id,
        expected_version,
    )
    return updated == 1


async def open_unsent_checkin(ex: Executor, schedule_id: str) -> Row | None:
    """A check-in of this schedule that is due but not yet sent (it is going out anyway)."""
    return await ex.fetch_one(
        "SELECT id, due_at FROM checkins WHERE schedule_id = ? AND status IN ('due', 'claimed') "
        "ORDER BY due_at LIMIT 1",
        schedule_id,
    )


async def insert_checkin_due_now(ex: Executor, row: dict[str, Any]) -> Row:
    """A check-in due at once; (schedule_id, due_at) is unique, so a second in the same
    millisecond is the same check-in."""
    await ex.execute(
        "INSERT INTO checkins (id, schedule_id, patient_id, due_at, window_ends_at, status, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'due', ?, ?) "
        "ON CONFLICT (schedule_id, due_at) DO NOTHING",
        row["id"],
        row["schedule_id"],
        row["patient_id"],
        row["due_at"],
        row["window_ends_at"],
        row["due_at"],
        row["due_at"],
    )
    stored = await ex.fetch_one(
        "SELECT id, due_at FROM checkins WHERE schedule_id = ? AND due_at = ?",
        row["schedule_id"],
        row["due_at"],
    )
    assert stored is not None  # inserted now, or there already; check-ins are never removed
    return stored
