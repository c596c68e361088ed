"""Due days, streaks and weekly adherence for actions (pure rules on day ordinals)."""

import random
from datetime import date, timedelta

from careplan.careplans.adherence import (
    Schedule,
    Summary,
    first_day_needed,
    summarise,
    week_start,
)
from careplan.careplans.recent_outcomes import decode, encode

SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 16)


def schedule(frequency="daily", start=date(2026, 1, 1), times=None, weekdays=()) -> Schedule:
    return Schedule(frequency, times, frozenset(weekdays), start.toordinal())


def summary(rhythm: Schedule, outcomes: dict[date, str], today: date) -> Summary:
    stored = encode({d.toordinal(): o for d, o in outcomes.items()})
    return summarise(rhythm, decode(stored), today.toordinal())


def test_weeks_start_on_monday():
    assert week_start(SUNDAY.toordinal()) == MONDAY.toordinal()
    assert week_start(MONDAY.toordinal()) == MONDAY.toordinal()


def test_weekday_actions_are_due_only_on_their_days():
    mon_wed_fri = schedule("weekdays", weekdays=(1, 3, 5))
    assert summary(mon_wed_fri, {}, MONDAY).due_today
    assert not summary(mon_wed_fri, {}, MONDAY + timedelta(days=1)).due_today
    assert not summary(schedule(start=SUNDAY + timedelta(days=1)), {}, SUNDAY).due_today


def test_flexible_actions_stop_being_due_once_the_week_is_met_unless_logged_today():
    twice = schedule("times_per_week", times=2)
    outcomes = {MONDAY: "done"}
    assert summary(twice, outcomes, SUNDAY).due_today
    outcomes[MONDAY + timedelta(days=1)] = "partly"
    assert not summary(twice, outcomes, SUNDAY).due_today
    outcomes[SUNDAY] = "done"
    assert summary(twice, outcomes, SUNDAY).due_today


def test_streak_counts_back_from_yesterday_until_today_is_logged():
    outcomes = {SUNDAY - timedelta(days=d): "done" for d in (1, 2, 3)}
    outcomes[SUNDAY - timedelta(days=4)] = "not_today"
    assert summary(schedule(), outcomes, SUNDAY).streak_days == 3
    outcomes[SUNDAY] = "partly"
    assert summary(schedule(), outcomes, SUNDAY).streak_days == 4
    outcomes[SUNDAY] = "not_today"
    assert summary(schedule(), outcomes, SUNDAY).streak_days == 0


def test_streak_skips_days_a_weekday_action_is_not_due():
    mon_wed_fri = schedule("weekdays", weekdays=(1, 3, 5))
    friday = SUNDAY - timedelta(days=2)
    outcomes = {friday: "done", friday - timedelta(days=2): "done", MONDAY: "done"}
    assert summary(mon_wed_fri, outcomes, SUNDAY).streak_days == 3


def test_streak_never_counts_before_the_start_date():
    outcomes = {SUNDAY - timedelta(days=d): "done" for d in range(1, 30)}
    assert summary(schedule(start=SUNDAY - timedelta(days=5)), outcomes, SUNDAY).streak_days == 5


def test_weekly_adherence_counts_partly_as_half_and_the_current_week_to_today():
    outcomes = {MONDAY: "done", MONDAY + timedelta(days=1): "partly"}
    shown = summary(schedule(), outcomes, MONDAY + timedelta(days=3))
    assert len(shown.weeks) == 4 and shown.done_this_week == 2
    current = shown.weeks[-1]
    assert (current.week_start, current.expected, current.done, current.partly) == (
        MONDAY.toordinal(),
        4,
        1,
        1,
    )
    assert current.adherence == 0.375
    assert shown.weeks[0].week_start == (MONDAY - timedelta(weeks=3)).toordinal()


def test_weekly_adherence_for_flexible_and_not_yet_started_actions():
    twice = schedule("times_per_week", start=MONDAY, times=2)
    outcomes = {MONDAY + timedelta(days=d): "done" for d in (0, 2, 3)}
    shown = summary(twice, outcomes, SUNDAY).weeks
    assert shown[-1].adherence == 1.0  # capped: more than asked is still 100%
    assert shown[0].expected == 0 and shown[0].adherence is None


def test_the_log_query_reaches_back_far_enough_for_every_figure():
    today = SUNDAY.toordinal()
    assert first_day_needed(today) <= today - 62
    assert first_day_needed(today) <= week_start(today) - 21


def _weeks_by_counting_every_day(rhythm: Schedule, outcomes: dict, today: date) -> list:
    """The plain definition, with dates, day by day: the reference the fast version matches."""
    start = date.fromordinal(rhythm.start)
    this_monday = today - timedelta(days=today.isoweekday() - 1)
    shown = []
    for back in range(3, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        live = [monday + timedelta(days=i) for i in range(7)]
        live = [d for d in live if start <= d <= today]
        if rhythm.frequency == "times_per_week":
            expected = (rhythm.times_per_week or 1) if live else 0
        elif rhythm.frequency == "weekdays":
            expected = sum(1 for d in live if d.isoweekday() in rhythm.weekdays)
        else:
            expected = len(live)
        logged = [outcomes.get(d) for d in live]
        shown.append((monday.toordinal(), expected, logged.count("done"), logged.count("partly")))
    return shown


def test_weekly_figures_agree_with_counting_every_day():
    rng = random.Random(20261122)
    for _ in range(2000):
        today = SUNDAY - timedelta(days=rng.randrange(0, 14))
        frequency = rng.choice(["daily", "weekdays", "times_per_week"])
        rhythm = schedule(
            frequency,
            start=today - timedelta(days=rng.randrange(-3, 40)),
            times=rng.randrange(1, 8) if frequency == "times_per_week" else None,
            weekdays=rng.sample(range(1, 8), rng.randrange(1, 8))
            if frequency == "weekdays"
            else (),
        )
        outcomes = {
            today - timedelta(days=rng.randrange(-2, 40)): rng.choice(
                ["done", "partly", "not_today"]
            )
            for _ in range(rng.randrange(0, 35))
        }
        fast = [
            (w.week_start, w.expected, w.done, w.partly)
            for w in summary(rhythm, outcomes, today).weeks
        ]
        assert fast == _weeks_by_counting_every_day(rhythm, outcomes, today), rhythm
