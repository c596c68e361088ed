"""A patient's local calendar day: "today" and logs are in the patient's own time zone."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.people.repo import patient_time_zone
from careplan.storage.db import Executor


def checked_date(field: str, raw: str | None) -> str | None:
    """A YYYY-MM-DD that is a real calendar date (the schema checks only its shape)."""
    if raw is None:
        return None
    try:
        date.fromisoformat(raw)
    except ValueError:
        raise InvalidField(field, f"{raw!r} is not a real date (use YYYY-MM-DD)") from None
    return raw


@lru_cache(maxsize=4096)
def day_number(iso_day: str) -> int:
    """The ordinal of a stored YYYY-MM-DD: parsed once per distinct day, not once per row."""
    return date.fromisoformat(iso_day).toordinal()


def local_day(epoch_ms: int, time_zone: str) -> date:
    return datetime.fromtimestamp(epoch_ms / 1000, tz=ZoneInfo(time_zone)).date()


async def patient_today(db: Executor, clock: Clock, patient_id: str) -> date:
    """Today on the patient's own calendar."""
    time_zone = await patient_time_zone(db, patient_id) or "Europe/London"
    return local_day(clock.now_ms(), time_zone)
