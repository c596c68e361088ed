"""SQL for alert thresholds (live ones have deleted_at NULL). No HTTP here."""

from __future__ import annotations

from typing import Any

from careplan.storage.db import Executor, Row

COLUMNS = "id, patient_id, reading_type, component, level, comparison, value, set_by, set_at"
_FIELDS = COLUMNS.split(", ")


async def live_thresholds(
    db: Executor, patient_id: str, reading_type: str | None = None
) -> list[Row]:
    """Bounded by alert_thresholds_by_patient; ordered for a stable list."""
    if reading_type is None:
        return await db.fetch_all(
            f"SELECT {COLUMNS} FROM alert_thresholds WHERE patient_id = ? AND deleted_at IS NULL "
            "ORDER BY reading_type, component, level, comparison",
            patient_id,
        )
    return await db.fetch_all(
        f"SELECT {COLUMNS} FROM alert_thresholds WHERE patient_id = ? AND reading_type = ? "
        "AND deleted_at IS NULL",
        patient_id,
        reading_type,
    )


async def hold_patient(db: Executor, patient_id: str) -> None:
    """Serialise threshold changes for one patient until the transaction ends: a no-op
    update takes the patient's row lock (PostgreSQL); SQLite's write lock already does."""
    await db.execute("UPDATE patients SET updated_at = updated_at WHERE id = ?", patient_id)


async def retire_same(db: Executor, row: dict[str, Any], now: int) -> None:
    """Soft-delete the live level this new one replaces (same type, component, level, side)."""
    await db.execute(
        "UPDATE alert_thresholds SET deleted_at = ? WHERE patient_id = ? AND reading_type = ? "
        "AND component = ? AND level = ? AND comparison = ? AND deleted_at IS NULL",
        now,
        row["patient_id"],
        row["reading_type"],
        row["component"],
        row["level"],
        row["comparison"],
    )


async def insert_threshold(db: Executor, row: dict[str, Any]) -> None:
    marks = ", ".join("?" for _ in _FIELDS)
    await db.execute(
        f"INSERT INTO alert_thresholds ({COLUMNS}) VALUES ({marks})",
        *(row[name] for name in _FIELDS),
    )


async def live_threshold(db: Executor, threshold_id: str) -> Row | None:
    return await db.fetch_one(
        f"SELECT {COLUMNS} FROM alert_thresholds WHERE id = ? AND deleted_at IS NULL",
        threshold_id,
    )


async def soft_delete(db: Executor, threshold_id: str, now: int) -> bool:
    deleted = await db.execute(
        "UPDATE alert_thresholds SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
        now,
        threshold_id,
    )
    return deleted == 1
