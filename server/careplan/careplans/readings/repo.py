"""SQL for readings. Every query is bounded by `readings_by_patient_type_time`. No HTTP here."""

from __future__ import annotations

from typing import Any

from careplan.people.actor_names import name_column, name_joins
from careplan.storage.db import Executor, Row

COLUMNS = (
    "id, patient_id, reading_type, value, value2, unit, taken_at, note, source, actor_kind, "
    "actor_id, on_behalf_of, created_at"
)
_FIELDS = COLUMNS.split(", ")
_LIVE = "r.deleted_at IS NULL"
# A reading as shown: its columns and the name of whoever recorded it.
_SELECT = (
    f"SELECT {', '.join(f'r.{name}' for name in _FIELDS)}, {name_column('r')} FROM readings r"
    + name_joins("r")
)


async def insert_reading(db: Executor, row: dict[str, Any]) -> bool:
    """Insert unless the id is taken; True if inserted. `ON CONFLICT DO NOTHING` rather than
    catching the violation, because on PostgreSQL a violation aborts the caller's transaction."""
    marks = ", ".join("?" for _ in _FIELDS)
    inserted = await db.execute(
        f"INSERT INTO readings ({COLUMNS}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
        *(row[name] for name in _FIELDS),
    )
    return inserted == 1


async def reading_by_id(db: Executor, reading_id: str) -> Row | None:
    """Deleted ones too: a replayed create must not bring a deleted reading back."""
    return await db.fetch_one(f"{_SELECT} WHERE r.id = ?", reading_id)


async def soft_delete(db: Executor, patient_id: str, reading_id: str, now: int) -> bool:
    deleted = await db.execute(
        "UPDATE readings SET deleted_at = ? WHERE id = ? AND patient_id = ? AND deleted_at IS NULL",
        now,
        reading_id,
        patient_id,
    )
    return deleted == 1


async def newest_readings(
    db: Executor, patient_id: str, reading_type: str | None, before: int | None, limit: int
) -> list[Row]:
    """Live readings newest first, taken strictly before BEFORE."""
    conditions = ["r.patient_id = ?", _LIVE]
    args: list[Any] = [patient_id]
    if reading_type is not None:
        conditions.append("r.reading_type = ?")
        args.append(reading_type)
    if before is not None:
        conditions.append("r.taken_at < ?")
        args.append(before)
    return await db.fetch_all(
        f"{_SELECT} WHERE {' AND '.join(conditions)} ORDER BY r.taken_at DESC, r.id DESC LIMIT ?",
        *args,
        limit,
    )


async def readings_at(
    db: Executor, patient_id: str, reading_type: str | None, taken_at: int
) -> list[Row]:
    """Every live reading taken at exactly this instant (to keep a page boundary whole)."""
    conditions = ["r.patient_id = ?", _LIVE, "r.taken_at = ?"]
    args: list[Any] = [patient_id, taken_at]
    if reading_type is not None:
        conditions.append("r.reading_type = ?")
        args.append(reading_type)
    return await db.fetch_all(
        f"{_SELECT} WHERE {' AND '.join(conditions)} ORDER BY r.id DESC",
        *args,
    )


async def readings_between(
    db: Executor, patient_id: str, reading_type: str, start: int, end: int
) -> list[Row]:
    """Live readings with start <= taken_at < end, oldest first."""
    return await db.fetch_all(
        "SELECT taken_at, value, value2 FROM readings WHERE patient_id = ? AND reading_type = ? "
        "AND taken_at >= ? AND taken_at < ? AND deleted_at IS NULL ORDER BY taken_at, id",
        patient_id,
        reading_type,
        start,
        end,
    )


async def day_totals(
    db: Executor,
    patient_id: str,
    reading_type: str,
    origin: int,
    day_ms: int,
    start: int,
    end: int,
) -> list[Row]:
    """Per-day sums of live readings with start <= taken_at < end, for a run of days that are
    all DAY_MS long, the first beginning at ORIGIN: `day` is the day's index in the run."""
    return await db.fetch_all(
        "SELECT day, SUM(value) AS total, SUM(value2) AS total2, MIN(value) AS minimum, "
        "MAX(value) AS maximum, COUNT(*) AS n FROM ("
        "SELECT (taken_at - ?) / ? AS day, value, value2 FROM readings "
        "WHERE patient_id = ? AND reading_type = ? AND taken_at >= ? AND taken_at < ? "
        "AND deleted_at IS NULL) AS d GROUP BY day ORDER BY day",
        origin,
        day_ms,
        patient_id,
        reading_type,
        start,
        end,
    )
