"""The rules for readings: store (idempotently, by the client's id), list, chart, delete.

`store_reading` and `soft_delete_reading` neither authorise nor audit: the offline sync calls
them inside its own transaction after doing both. The other functions are the routes' and do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.careplans.readings import repo
from careplan.careplans.readings.catalogue import READING_TYPES, checked_reading, reading_kind
from careplan.careplans.readings.schemas import (
    Reading,
    ReadingCreate,
    ReadingPage,
    ReadingTypeInfo,
    Series,
    SeriesPoint,
)
from careplan.checkins.note_flags import flag_note
from careplan.checkins.thresholds_service import alert_on_reading
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.people.repo import patient_time_zone
from careplan.storage.db import Database, Executor, Row

DAY_MS = 86_400_000
DEFAULT_SERIES_MS = 30 * DAY_MS
LONGEST_SERIES_MS = 400 * DAY_MS
LONGEST_UNAGGREGATED_MS = 31 * DAY_MS
READING_NOT_FOUND = "No reading with that id"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# --- for the offline sync (no access decision, no audit) -----------------------------------


async def store_reading(
    tx: Executor,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    data: ReadingCreate,
    source: str,
    *,
    check_thresholds: bool = True,
) -> tuple[Reading, bool]:
    """(reading, created). A replay of an id already stored for this patient returns the
    stored reading unchanged (even if since deleted: a replay never brings it back).

    A new reading is checked against the patient's alert thresholds (an alert item if it
    crosses one) and its note for red-flag words; `check_thresholds=False` is for a caller
    that evaluated the thresholds itself (the reply pipeline reads them before its
    transaction)."""
    now = clock.now_ms()
    checked = checked_reading(data, now)
    row = {
        "id": checked.id,
        "patient_id": patient_id,
        "reading_type": checked.reading_type,
        "value": checked.value,
        "value2": checked.value2,
        "unit": checked.unit,
        "taken_at": checked.taken_at,
        "note": checked.note,
        "source": source,
        "actor_kind": actor.kind.value,
        "actor_id": actor.id,
        "on_behalf_of": actor.on_behalf_of,
        "created_at": now,
        "actor_name": actor.display_name or None,
    }
    if await repo.insert_reading(tx, row):
        if check_thresholds:
            await alert_on_reading(
                tx, clock, patient_id, checked.reading_type, checked.value, checked.value2
            )
        await flag_note(tx, clock, actor, patient_id, checked.note, "a reading")
        return _reading(row), True
    stored = await repo.reading_by_id(tx, checked.id)
    assert stored is not None  # the insert found it taken, and readings are never removed
    if stored["patient_id"] != patient_id:
        raise InvalidField("id", "is already used by another reading; make a new id")
    return _reading(stored), False


async def soft_delete_reading(tx: Executor, clock: Clock, patient_id: str, reading_id: str) -> bool:
    """True if a live reading of this patient was deleted now."""
    return await repo.soft_delete(tx, patient_id, reading_id, clock.now_ms())


# --- for the routes ------------------------------------------------------------------------


def reading_types() -> list[ReadingTypeInfo]:
    return [kind.info() for kind in READING_TYPES.values()]


async def create_reading(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: ReadingCreate
) -> tuple[Reading, bool]:
    """A replay shows the actor the stored reading, so it is audited as a read."""
    actor = await authorise(db, actor, patient_id, Action.LOG_SELF_CARE)
    async with db.transaction() as tx:
        reading, created = await store_reading(tx, clock, actor, patient_id, data, "app")
        action = "reading.create" if created else "reading.read"
        await record_audit(tx, clock, actor, action, [patient_id], "reading", reading.id)
    return reading, created


async def delete_reading(
    db: Database, clock: Clock, actor: Actor, patient_id: str, reading_id: str
) -> None:
    actor = await authorise(db, actor, patient_id, Action.LOG_SELF_CARE)
    async with db.transaction() as tx:
        if not await soft_delete_reading(tx, clock, patient_id, reading_id):
            raise NotFoundException(READING_NOT_FOUND)
        await record_audit(tx, clock, actor, "reading.delete", [patient_id], "reading", reading_id)


async def list_readings(
    db: Database,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    reading_type: str | None,
    before: int | None,
    limit: int,
) -> ReadingPage:
    """Newest first. Readings taken at the same instant stay on one page (the page may run
    past LIMIT for them), since the cursor is the instant alone."""
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    if reading_type is not None:
        reading_kind(reading_type)
    rows = await repo.newest_readings(db, patient_id, reading_type, before, limit + 1)
    next_before = None
    if len(rows) > limit:
        page, next_before = rows[:limit], rows[limit - 1]["taken_at"]
        if rows[limit]["taken_at"] == next_before:
            page = [r for r in page if r["taken_at"] != next_before]
            page += await repo.readings_at(db, patient_id, reading_type, next_before)
        rows = page
    await record_audit(db, clock, actor, "reading.read", [patient_id], "reading")
    return ReadingPage(items=[_reading(row) for row in rows], next_before=next_before)


async def reading_series(
    db: Database,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    reading_type: str,
    start: int | None,
    end: int | None,
) -> Series:
    """Readings with start <= taken_at <= end; daily aggregates in the patient's own time zone
    when the period is longer than 31 days, so a year's chart stays small."""
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    kind = reading_kind(reading_type)
    end = clock.now_ms() if end is None else end
    start = end - DEFAULT_SERIES_MS if start is None else start
    if end <= start:
        raise InvalidField("end", "must be after start")
    if end - start > LONGEST_SERIES_MS:
        raise InvalidField("end", "the period from start to end is at most 400 days")
    daily = end - start > LONGEST_UNAGGREGATED_MS
    if daily:
        time_zone = await patient_time_zone(db, patient_id)
        points = await _daily_points(db, patient_id, kind.reading_type, start, end, time_zone)
    else:
        rows = await repo.readings_between(db, patient_id, kind.reading_type, start, end + 1)
        points = [SeriesPoint(at=r["taken_at"], value=r["value"], value2=r["value2"]) for r in rows]
    await record_audit(db, clock, actor, "reading.read", [patient_id], "reading")
    return Series(
        reading_type=kind.reading_type,  # type: ignore[arg-type]  # checked by reading_kind
        unit=kind.unit,
        start=start,
        end=end,
        aggregated="daily" if daily else "none",
        points=points,
    )


# --- daily aggregates ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayRun:
    """Consecutive local days of one length (24 h; or one 23 h or 25 h day when the clocks
    change), so SQL can bucket them by integer division. `midnights` are the days' starts."""

    day_ms: int
    midnights: list[int]

    @property
    def stop(self) -> int:
        return self.midnights[-1] + self.day_ms


def day_runs(start: int, end: int, time_zone: str) -> list[DayRun]:
    """The local days (in TIME_ZONE) that cover start..end inclusive, grouped into runs."""
    zone = ZoneInfo(time_zone)
    first, last = _local_date(start, zone), _local_date(end, zone)
    days = [first + timedelta(days=n) for n in range((last - first).days + 2)]
    midnights = [_midnight_ms(day, zone) for day in days]
    runs: list[DayRun] = []
    for here, following in zip(midnights, midnights[1:], strict=False):
        length = following - here
        if runs and length == DAY_MS == runs[-1].day_ms:
            runs[-1].midnights.append(here)
        else:
            runs.append(DayRun(length, [here]))
    return runs


async def _daily_points(
    db: Executor, patient_id: str, reading_type: str, start: int, end: int, time_zone: str | None
) -> list[SeriesPoint]:
    points = []
    for run in day_runs(start, end, time_zone or "UTC"):
        origin = run.midnights[0]
        rows = await repo.day_totals(
            db,
            patient_id,
            reading_type,
            origin,
            run.day_ms,
            max(start, origin),
            min(end + 1, run.stop),
        )
        points += [_day_point(run.midnights[row["day"]], row) for row in rows]
    return points


def _day_point(at: int, row: Row) -> SeriesPoint:
    count = row["n"]
    total2 = row["total2"]
    return SeriesPoint(
        at=at,
        value=row["total"] / count,
        value2=None if total2 is None else total2 / count,
        minimum=row["minimum"],
        maximum=row["maximum"],
        count=count,
    )


def _local_date(epoch_ms: int, zone: ZoneInfo) -> date:
    return (_EPOCH + timedelta(milliseconds=epoch_ms)).astimezone(zone).date()


def _midnight_ms(day: date, zone: ZoneInfo) -> int:
    """The instant the local day starts (a skipped midnight moves forward, as zoneinfo does)."""
    local = datetime.combine(day, time(0), tzinfo=zone)
    return (local - _EPOCH) // timedelta(milliseconds=1)


def _reading(row: Row | dict) -> Reading:
    return Reading(**{name: row[name] for name in Reading.__struct_fields__})
