"""SQL for a patient's check-in settings: quiet hours, pause, channel. No HTTP here."""

from __future__ import annotations

from datetime import time
from typing import Any

from careplan.checkins.due import DEFAULT_QUIET, QuietHours
from careplan.storage.db import Executor, Row

DEFAULTS: dict[str, Any] = {
    "quiet_start": "21:00",
    "quiet_end": "08:00",
    "paused_until": None,
    "paused_by": None,
    "channel": "sms",
    "updated_at": None,
}
_COLUMNS = "quiet_start, quiet_end, paused_until, paused_by, channel, updated_at"


async def checkin_settings(ex: Executor, patient_id: str) -> Row:
    """The patient's settings, or the defaults (21:00-08:00, not paused, sms) when never set."""
    row = await ex.fetch_one(
        f"SELECT {_COLUMNS} FROM checkin_settings WHERE patient_id = ?", patient_id
    )
    return {"patient_id": patient_id, **(dict(row) if row is not None else DEFAULTS)}


def quiet_hours(settings: Row) -> QuietHours:
    """QuietHours from a settings row (or any row with quiet_start/quiet_end, NULL = default)."""
    start, end = settings["quiet_start"], settings["quiet_end"]
    if start is None or end is None:
        return DEFAULT_QUIET
    return QuietHours(time.fromisoformat(start), time.fromisoformat(end))


async def upsert_settings(ex: Executor, patient_id: str, values: dict[str, Any], now: int) -> None:
    await ex.execute(
        "INSERT INTO checkin_settings (patient_id, quiet_start, quiet_end, paused_until, "
        "paused_by, channel, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (patient_id) DO UPDATE SET quiet_start = excluded.quiet_start, "
        "quiet_end = excluded.quiet_end, paused_until = excluded.paused_until, "
        "paused_by = excluded.paused_by, channel = excluded.channel, "
        "updated_at = excluded.updated_at",
        patient_id,
        values["quiet_start"],
        values["quiet_end"],
        values["paused_until"],
        values["paused_by"],
        values["channel"],
        now,
    )
