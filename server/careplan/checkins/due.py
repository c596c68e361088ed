"""When a check-in is next due: pure, in the patient's own time zone, one explicit DST rule.

The rule (ADR 0009, docs/decisions/0009-checkin-due-times.md):
- Each occurrence belongs to a local calendar day the cadence picks (daily; weekly on chosen ISO
  weekdays; every N days counted from start_date), start_date..end_date inclusive.
- Its wall-clock time is `local_time`. A wall time that does not exist (the spring-forward gap)
  moves forward by the gap; an ambiguous one (autumn fall-back) fires once, at its first
  occurrence (fold=0). Both are what zoneinfo does with fold=0.
- If the resulting wall time falls inside the patient's quiet hours [start, end) it is deferred
  to the end of that quiet period (the same local morning, or the next one when quiet hours
  began that evening), and the DST rule is applied to that time again.
Because the rule is the same every day, later days always give later instants: repeated
calls with the previous answer walk the occurrences in order, never twice, never skipping one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

CadenceKind = Literal["daily", "weekly", "every_n_days"]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)
_DAY = timedelta(days=1)
_ISO_WEEKDAYS = frozenset(range(1, 8))


@dataclass(frozen=True, slots=True)
class Cadence:
    kind: CadenceKind
    local_time: time
    weekdays: frozenset[int] = frozenset()  # ISO 1=Mon..7=Sun, for 'weekly'
    every_n_days: int | None = None  # for 'every_n_days'
    start_date: date = date(1970, 1, 1)
    end_date: date | None = None

    def occurs_on(self, day: date) -> bool:
        if day < self.start_date or (self.end_date is not None and day > self.end_date):
            return False
        if self.kind == "weekly":
            return day.isoweekday() in self.weekdays
        if self.kind == "every_n_days":
            return (day - self.start_date).days % (self.every_n_days or 1) == 0
        return True


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local wall-clock times with no texts: [start, end), wrapping midnight when start > end.
    start == end means no quiet hours."""

    start: time
    end: time

    def contains(self, wall: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= wall < self.end
        return wall >= self.start or wall < self.end

    def end_after(self, day: date, wall: time) -> tuple[date, time]:
        """The local (day, time) this quiet period ends, for a wall time inside it."""
        if self.start > self.end and wall >= self.start:
            return day + _DAY, self.end
        return day, self.end


DEFAULT_QUIET = QuietHours(time(21, 0), time(8, 0))


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One firing: the local day the cadence picked, and the instant it fires (UTC ms)."""

    day: date
    due_at: int


def next_due(cadence: Cadence, zone: ZoneInfo, quiet: QuietHours, after_ms: int) -> int | None:
    """The first due instant (UTC epoch-ms) strictly after AFTER_MS, or None once ended."""
    found = next_occurrence(cadence, zone, quiet, after_ms)
    return None if found is None else found.due_at


def next_occurrence(
    cadence: Cadence,
    zone: ZoneInfo,
    quiet: QuietHours,
    after_ms: int,
    after_day: date | None = None,
) -> Occurrence | None:
    """The first occurrence firing strictly after AFTER_MS whose day is after AFTER_DAY.

    AFTER_DAY keeps one occurrence per day when the rule changes: a schedule moved from 07:00
    to 10:00 at 07:30, after today's text went out, must not ask again at 10:00 today.
    """
    try:
        # A day's occurrence may be deferred into the next day, so start a day early.
        first = max(_local_date(after_ms, zone) - _DAY, cadence.start_date)
        if after_day is not None:
            first = max(first, after_day + _DAY)
        for day in _occurrence_days(cadence, first):
            due = fire_at(day, cadence.local_time, zone, quiet)
            if due > after_ms:
                return Occurrence(day, due)
    except OverflowError:  # past year 9999: nothing more is ever due
        return None
    return None


def occurrence_day(cadence: Cadence, zone: ZoneInfo, quiet: QuietHours, due_ms: int) -> date | None:
    """The day whose occurrence fires at DUE_MS under this rule, if any (it fires that day
    or, deferred past midnight by quiet hours, the next)."""
    try:
        today = _local_date(due_ms, zone)
        for day in (today - _DAY, today):
            if cadence.occurs_on(day) and fire_at(day, cadence.local_time, zone, quiet) == due_ms:
                return day
    except OverflowError:
        return None
    return None


def fire_at(day: date, local_time: time, zone: ZoneInfo, quiet: QuietHours) -> int:
    """The instant the occurrence of DAY fires: the DST rule, then quiet hours deferral."""
    due = _resolve(day, local_time, zone)
    # Twice at most, unless clocks change on consecutive nights: a deferred time is the quiet
    # end, which is outside quiet hours unless a DST gap pushed it back into them.
    for _ in range(3):
        wall = due.astimezone(UTC).astimezone(zone)  # the real wall time (after a gap)
        if not quiet.contains(wall.time()):
            break
        due = _resolve(*quiet.end_after(wall.date(), wall.time()), zone)
    return (due - _EPOCH) // _MS


def _local_date(epoch_ms: int, zone: ZoneInfo) -> date:
    return (_EPOCH + epoch_ms * _MS).astimezone(zone).date()


def _resolve(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """fold=0: a missing wall time takes the offset before the gap (so it moves forward by the
    gap); an ambiguous one takes the first of its two instants."""
    return datetime.combine(day, wall, tzinfo=zone).replace(fold=0)


def _occurrence_days(cadence: Cadence, first: date) -> Iterator[date]:
    """The cadence's days from FIRST on, in order, ending with end_date."""
    day = first
    if cadence.kind == "every_n_days":
        step = max(1, cadence.every_n_days or 1)
        day += timedelta(days=-(day - cadence.start_date).days % step)
        while cadence.end_date is None or day <= cadence.end_date:
            yield day
            day += timedelta(days=step)
        return
    if cadence.kind == "weekly" and not cadence.weekdays & _ISO_WEEKDAYS:
        return
    while cadence.end_date is None or day <= cadence.end_date:
        if cadence.occurs_on(day):
            yield day
        day += _DAY
