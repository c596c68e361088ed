"""Pure rules for actions: which local days an action is due, streaks and weekly adherence.

Weeks start on Monday (ISO). Outcomes count as: done 1, partly ½, not today 0.
- daily: due every day from its start date;
- weekdays: due on the chosen ISO weekdays;
- times_per_week: flexible — due on any day until the week's target is met (or it was
  already logged today), and the week expects `times_per_week` occurrences.
A streak is the run of consecutive due days (or, for flexible actions, days with a log)
ending today or — if today is not logged yet — yesterday, each done or partly done; a
"not today" logged today ends it.

Days are proleptic ordinals (`date.toordinal()`), and an action's outcomes are one string of
marks, newest day first (`Outcomes`): counting a week is a slice and `str.count`, a streak a
slice and `lstrip`. This runs for every action on every "today", the app's most frequent read.
"""

from __future__ import annotations

from typing import NamedTuple

WEEKS_SHOWN = 4
STREAK_LOOKBACK_DAYS = 62
MARKS = {"done": "d", "partly": "p", "not_today": "n"}
NOTHING = "."
_DONE_MARKS = "dp"  # done or partly both keep a streak going


def iso_weekday(day: int) -> int:
    """1 Monday … 7 Sunday (ordinal 1, 1 January of year 1, was a Monday)."""
    return (day - 1) % 7 + 1


def week_start(day: int) -> int:
    return day - (day - 1) % 7


def first_day_needed(today: int) -> int:
    """The earliest outcome any of today's figures look at."""
    oldest_week = week_start(today) - 7 * (WEEKS_SHOWN - 1)
    return min(oldest_week, today - STREAK_LOOKBACK_DAYS)


def week_starts(today: int) -> list[int]:
    """The Mondays of the weeks shown, oldest first."""
    this_monday = week_start(today)
    return [this_monday - 7 * back for back in range(WEEKS_SHOWN - 1, -1, -1)]


class Outcomes(NamedTuple):
    """An action's outcomes: `marks[i]` is the mark (d, p, n or .) of day `newest - i`."""

    newest: int
    marks: str

    def on(self, day: int) -> str:
        back = self.newest - day
        return self.marks[back] if 0 <= back < len(self.marks) else NOTHING

    def between(self, first: int, last: int) -> str:
        """The marks of the days FIRST..LAST (inclusive; newest first)."""
        return self.marks[max(self.newest - last, 0) : max(self.newest - first + 1, 0)]


NO_OUTCOMES = Outcomes(0, "")


class Schedule(NamedTuple):
    """Tuples rather than dataclasses: several are made for every action on every "today"."""

    frequency: str
    times_per_week: int | None
    weekdays: frozenset[int]
    start: int

    def scheduled_on(self, day: int) -> bool:
        """Due on DAY, for fixed rhythms; flexible actions may be done any day."""
        if day < self.start:
            return False
        return self.frequency != "weekdays" or iso_weekday(day) in self.weekdays


class Week(NamedTuple):
    week_start: int
    expected: int
    done: int
    partly: int

    @property
    def adherence(self) -> float | None:
        if self.expected == 0:
            return None
        return round(min(1.0, (self.done + 0.5 * self.partly) / self.expected), 3)


class Summary(NamedTuple):
    due_today: bool
    streak_days: int
    done_this_week: int
    weeks: list[Week]


def summarise(schedule: Schedule, outcomes: Outcomes, today: int) -> Summary:
    """Everything "today" shows for one action."""
    shown = weeks(schedule, outcomes, today)
    this_week = shown[-1]
    return Summary(
        due_today=_due_today(schedule, outcomes, today, this_week.done + this_week.partly),
        streak_days=streak(schedule, outcomes, today),
        done_this_week=this_week.done + this_week.partly,
        weeks=shown,
    )


def _due_today(schedule: Schedule, outcomes: Outcomes, today: int, done: int) -> bool:
    if not schedule.scheduled_on(today):
        return False
    if schedule.frequency != "times_per_week":
        return True
    return outcomes.on(today) != NOTHING or done < (schedule.times_per_week or 1)


def streak(schedule: Schedule, outcomes: Outcomes, today: int) -> int:
    day = today if outcomes.on(today) != NOTHING else today - 1  # "not today" today ends it
    oldest = max(schedule.start, day - STREAK_LOOKBACK_DAYS + 1)
    if schedule.frequency != "weekdays":  # every day counts: the leading run of done marks
        run = outcomes.between(oldest, day)
        return len(run) - len(run.lstrip(_DONE_MARKS)) if outcomes.newest >= day else 0
    count = 0
    for earlier in range(day, oldest - 1, -1):
        if iso_weekday(earlier) in schedule.weekdays:
            if outcomes.on(earlier) not in _DONE_MARKS:
                break
            count += 1
    return count


def weeks(schedule: Schedule, outcomes: Outcomes, today: int) -> list[Week]:
    """The last WEEKS_SHOWN weeks, oldest first, the current week counted up to today."""
    shown = []
    for monday in week_starts(today):
        first, last = max(monday, schedule.start), min(monday + 6, today)
        marks = outcomes.between(first, last)
        shown.append(
            Week(monday, _expected(schedule, first, last), marks.count("d"), marks.count("p"))
        )
    return shown


def _expected(schedule: Schedule, first: int, last: int) -> int:
    """How many times the action was due from FIRST to LAST (within one week)."""
    span = last - first + 1
    if span <= 0:
        return 0
    if schedule.frequency == "times_per_week":
        return schedule.times_per_week or 1
    if schedule.frequency == "weekdays":
        if span == 7:
            return len(schedule.weekdays)
        first_weekday = iso_weekday(first)
        return sum(1 for weekday in schedule.weekdays if (weekday - first_weekday) % 7 < span)
    return span
