"""Due days, streaks and weekly adherence for actions (pure rules)."""

from datetime import date, timedelta

from careplan.careplans.adherence import (
    Schedule,
    due_today,
    first_day_needed,
    streak,
    week_start,
    weeks,
)

SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 16)


def daily(start: date = date(2026, 1, 1)) -> Schedule:
    return Schedule("daily", None, (), start)


def test_weeks_start_on_monday():
    assert week_start(SUNDAY) == MONDAY
    assert week_start(MONDAY) == MONDAY


def test_weekday_actions_are_due_only_on_their_days():
    mon_wed_fri = Schedule("weekdays", None, (1, 3, 5), date(2026, 1, 1))
    assert due_today(mon_wed_fri, {}, MONDAY)
    assert not due_today(mon_wed_fri, {}, MONDAY + timedelta(days=1))
    assert not due_today(daily(start=SUNDAY + timedelta(days=1)), {}, SUNDAY)


def test_flexible_actions_stop_being_due_once_the_week_is_met_unless_logged_today():
    twice = Schedule("times_per_week", 2, (), date(2026, 1, 1))
    outcomes = {MONDAY: "done"}
    assert due_today(twice, outcomes, SUNDAY)
    outcomes[MONDAY + timedelta(days=1)] = "partly"
    assert not due_today(twice, outcomes, SUNDAY)
    outcomes[SUNDAY] = "done"
    assert due_today(twice, outcomes, SUNDAY)


def test_streak_counts_back_from_yesterday_until_today_is_logged():
    outcomes = {SUNDAY - timedelta(days=d): "done" for d in (1, 2, 3)}
    outcomes[SUNDAY - timedelta(days=4)] = "not_today"
    assert streak(daily(), outcomes, SUNDAY) == 3
    outcomes[SUNDAY] = "partly"
    assert streak(daily(), outcomes, SUNDAY) == 4
    outcomes[SUNDAY] = "not_today"
    assert streak(daily(), outcomes, SUNDAY) == 0


def test_streak_skips_days_a_weekday_action_is_not_due():
    mon_wed_fri = Schedule("weekdays", None, (1, 3, 5), date(2026, 1, 1))
    friday = SUNDAY - timedelta(days=2)
    outcomes = {friday: "done", friday - timedelta(days=2): "done", MONDAY: "done"}
    assert streak(mon_wed_fri, outcomes, SUNDAY) == 3


def test_streak_never_counts_before_the_start_date():
    outcomes = {SUNDAY - timedelta(days=d): "done" for d in range(1, 30)}
    assert streak(daily(start=SUNDAY - timedelta(days=5)), outcomes, SUNDAY) == 5


def test_weekly_adherence_counts_partly_as_half_and_the_current_week_to_today():
    outcomes = {MONDAY: "done", MONDAY + timedelta(days=1): "partly"}
    shown = weeks(daily(), outcomes, MONDAY + timedelta(days=3))
    assert len(shown) == 4
    current = shown[-1]
    assert (current.week_start, current.expected, current.done, current.partly) == (
        MONDAY,
        4,
        1,
        1,
    )
    assert current.adherence == 0.375
    assert shown[0].week_start == MONDAY - timedelta(weeks=3)


def test_weekly_adherence_for_flexible_and_not_yet_started_actions():
    twice = Schedule("times_per_week", 2, (), MONDAY)
    outcomes = {
        MONDAY: "done",
        MONDAY + timedelta(days=2): "done",
        MONDAY + timedelta(days=3): "done",
    }
    shown = weeks(twice, outcomes, SUNDAY)
    assert shown[-1].adherence == 1.0  # capped: more than asked is still 100%
    assert shown[0].expected == 0 and shown[0].adherence is None


def test_the_log_query_reaches_back_far_enough_for_every_figure():
    assert first_day_needed(SUNDAY) <= SUNDAY - timedelta(days=62)
    assert first_day_needed(SUNDAY) <= week_start(SUNDAY) - timedelta(weeks=3)
