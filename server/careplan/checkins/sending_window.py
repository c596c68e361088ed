"""When a patient may be texted: not in their quiet hours, judged in their own time zone.

Due times already avoid quiet hours (`due.next_due`); this is the check at the moment of
sending, for a tick that runs late, a retry, a reminder, or quiet hours changed meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from careplan.checkins.due import QuietHours, fire_at
from careplan.checkins.settings_repo import quiet_hours
from careplan.storage.db import Executor

DEFAULT_ZONE = "Europe/London"

Window = tuple[ZoneInfo, QuietHours]


def quiet_until(now_ms: int, window: Window) -> int | None:
    """The instant (UTC ms) the quiet hours around NOW end, or None when NOW is not quiet."""
    zone, quiet = window
    wall = datetime.fromtimestamp(now_ms / 1000, tz=UTC).astimezone(zone)
    if not quiet.contains(wall.time()):
        return None
    day, end = quiet.end_after(wall.date(), wall.time())
    return fire_at(day, end, zone, quiet)


async def windows(ex: Executor, patient_ids: Iterable[str]) -> dict[str, Window]:
    """patient id -> (zone, quiet hours), defaults where the patient set none."""
    wanted = sorted(set(patient_ids))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    rows = await ex.fetch_all(
        "SELECT p.id, p.time_zone, s.quiet_start, s.quiet_end FROM patients p "
        f"LEFT JOIN checkin_settings s ON s.patient_id = p.id WHERE p.id IN ({marks})",
        *wanted,
    )
    return {row["id"]: (_zone(row["time_zone"]), quiet_hours(row)) for row in rows}


def _zone(name: str | None) -> ZoneInfo:
    return ZoneInfo(name or DEFAULT_ZONE)
