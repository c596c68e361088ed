"""Pure rules for actions: which local days an action is due, streaks and weekly adherence.

Weeks start on Monday (ISO). Outcomes count as: done 1, partly ½, not today 0.
- daily: due every day from its start date;
- weekdays: due on the chosen ISO weekdays;
- times_per_week: flexible — due on any day until the week's target is met (or it was
  already logged today), and the week expects `times_per_week` occurrences.
A streak is the run of consecutive due days (or, for flexible actions, days with a log)
ending today or — if today is not logged yet — yesterday, each done or partly done; a
"not today" logged today ends it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

WEEKS_SHOWN = 4
STREAK_LOOKBACK_DAYS = 62
COUNTS_AS_DONE = frozenset({"done", "partly"})


@dataclass(frozen=True, slots=True)
class Schedule:
    frequency: str
    times_per_week: int | None
    weekdays: tuple[int, ...]
    start: date


@dataclass(frozen=True, slots=True)
class Week:
    week_start: date
    expected: int
    done: int
    partly: int

    @property
    def adherence(self) -> float | None:
        if self.expected == 0:
            return None
        return round(min(1.0, (self.done + 0.5 * self.partly) / self.expected), 3)


def week_start(day: date) -> date:
    return day - timedelta(days=day.isoweekday() - 1)


def first_day_needed(today: date) -> date:
    """The earliest log any of today's figures look at (bounds the query)."""
    oldest_week = week_start(today) - timedelta(weeks=WEEKS_SHOWN - 1)
    return min(oldest_week, today - timedelta(days=STREAK_LOOKBACK_DAYS))


def scheduled_on(schedule: Schedule, day: date) -> bool:
    """Whether a fixed-schedule action is due on DAY (flexible actions: any day)."""
    if day < schedule.start:
        return False
    if schedule.frequency == "weekdays":
        return day.isoweekday() in schedule.weekdays
    return True


def done_in_week(outcomes: Mapping[date, str], monday: date) -> int:
    return sum(
        1 for offset in range(7) if outcomes.get(monday + timedelta(days=offset)) in COUNTS_AS_DONE
    )


def due_today(schedule: Schedule, outcomes: Mapping[date, str], today: date) -> bool:
    if not scheduled_on(schedule, today):
        return False
    if schedule.frequency != "times_per_week":
        return True
    target = schedule.times_per_week or 1
    return today in outcomes or done_in_week(outcomes, week_start(today)) < target


def streak(schedule: Schedule, outcomes: Mapping[date, str], today: date) -> int:
    flexible = schedule.frequency == "times_per_week"
    day = today if today in outcomes else today - timedelta(days=1)  # "not today" ends it
    run = 0
    for _ in range(STREAK_LOOKBACK_DAYS):
        if day < schedule.start:
            break
        if flexible or scheduled_on(schedule, day):
            if outcomes.get(day) not in COUNTS_AS_DONE:
                break
            run += 1
        day -= timedelta(days=1)
    return run


def weeks(schedule: Schedule, outcomes: Mapping[date, str], today: date) -> list[Week]:
    """The last WEEKS_SHOWN weeks, oldest first, the current week counted up to today."""
    result = []
    this_monday = week_start(today)
    for back in range(WEEKS_SHOWN - 1, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        days = [monday + timedelta(days=i) for i in range(7) if monday + timedelta(days=i) <= today]
        live = [d for d in days if d >= schedule.start]
        if schedule.frequency == "times_per_week":
            expected = (schedule.times_per_week or 1) if live else 0
        else:
            expected = sum(1 for d in live if scheduled_on(schedule, d))
        logged = [outcomes.get(d) for d in live]
        result.append(
            Week(
                week_start=monday,
                expected=expected,
                done=logged.count("done"),
                partly=logged.count("partly"),
            )
        )
    return result
