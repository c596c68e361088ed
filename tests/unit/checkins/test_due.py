"""Due computation: cadences, the DST rule, quiet hours (pure; ADR 0009)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from careplan.checkins.due import (
    DEFAULT_QUIET,
    Cadence,
    QuietHours,
    next_due,
    next_occurrence,
    occurrence_day,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # DST of 30 minutes, southern hemisphere
NO_QUIET = QuietHours(time(0), time(0))


def ms(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp() * 1000)


def iso(epoch_ms: int) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%MZ")


def daily(at: time, start=date(2026, 1, 1), end=None) -> Cadence:
    return Cadence("daily", at, start_date=start, end_date=end)


def walk(cadence, zone, quiet, after_iso, count) -> list[str]:
    """COUNT successive due instants after AFTER_ISO, each call fed the previous answer."""
    found, after = [], ms(after_iso)
    for _ in range(count):
        after = next_due(cadence, zone, quiet, after)
        if after is None:
            break
        found.append(iso(after))
    return found


# --- the DST rule, around both Europe/London transitions ---------------------------------


def test_a_missing_local_time_moves_forward_by_the_gap():
    # 2027-03-28: clocks go from 01:00 GMT to 02:00 BST, so 01:30 does not exist that day.
    assert walk(daily(time(1, 30)), LONDON, NO_QUIET, "2027-03-27T12:00Z", 3) == [
        "2027-03-28T01:30Z",  # 01:30 "moved forward by the gap" = 02:30 BST
        "2027-03-29T00:30Z",  # 01:30 BST
        "2027-03-30T00:30Z",
    ]


def test_an_ambiguous_local_time_fires_once_at_its_first_occurrence():
    # 2026-10-25: clocks go back from 02:00 BST to 01:00 GMT, so 01:30 happens twice.
    assert walk(daily(time(1, 30)), LONDON, NO_QUIET, "2026-10-24T12:00Z", 3) == [
        "2026-10-25T00:30Z",  # the first 01:30 (BST); the second (01:30Z) is not used
        "2026-10-26T01:30Z",
        "2026-10-27T01:30Z",
    ]


def test_times_outside_the_transition_keep_their_wall_clock_time_across_it():
    assert walk(daily(time(9)), LONDON, DEFAULT_QUIET, "2026-10-24T00:00Z", 2) == [
        "2026-10-24T08:00Z",  # 09:00 BST
        "2026-10-25T09:00Z",  # 09:00 GMT
    ]
    assert walk(daily(time(9)), LONDON, DEFAULT_QUIET, "2027-03-27T00:00Z", 2) == [
        "2027-03-27T09:00Z",
        "2027-03-28T08:00Z",
    ]


def test_a_call_at_the_first_of_two_ambiguous_instants_skips_the_second():
    first = ms("2026-10-25T00:30Z")
    assert iso(next_due(daily(time(1, 30)), LONDON, NO_QUIET, first)) == "2026-10-26T01:30Z"
    # ...and a call between the two 01:30s does not pick the second one either.
    between = ms("2026-10-25T01:00Z")
    assert iso(next_due(daily(time(1, 30)), LONDON, NO_QUIET, between)) == "2026-10-26T01:30Z"


def test_another_zone_follows_its_own_transitions():
    # New York: 2026-11-01 01:30 is ambiguous (EDT first), 2027-03-14 02:30 does not exist.
    assert walk(daily(time(1, 30)), NEW_YORK, NO_QUIET, "2026-10-31T12:00Z", 2) == [
        "2026-11-01T05:30Z",  # 01:30 EDT (-4), not 01:30 EST (06:30Z)
        "2026-11-02T06:30Z",
    ]
    assert walk(daily(time(2, 30)), NEW_YORK, NO_QUIET, "2027-03-13T12:00Z", 2) == [
        "2027-03-14T07:30Z",  # 02:30 EST = 03:30 EDT
        "2027-03-15T06:30Z",
    ]


def test_a_half_hour_transition_moves_a_missing_time_forward_by_half_an_hour():
    # Lord Howe Island: 2026-10-04 02:00 +10:30 becomes 02:30 +11:00.
    assert walk(daily(time(2, 15)), LORD_HOWE, NO_QUIET, "2026-10-03T00:00Z", 2) == [
        "2026-10-03T15:45Z",  # 04 Oct 02:15 +10:30 = 02:45 +11:00
        "2026-10-04T15:15Z",
    ]


# --- quiet hours -------------------------------------------------------------------------


def test_a_time_in_evening_quiet_hours_is_deferred_to_the_next_morning():
    assert walk(daily(time(22)), LONDON, DEFAULT_QUIET, "2026-11-22T10:00Z", 2) == [
        "2026-11-23T08:00Z",  # Sunday's 22:00 goes out Monday 08:00
        "2026-11-24T08:00Z",
    ]


def test_a_time_in_early_morning_quiet_hours_is_deferred_to_that_same_morning():
    assert walk(daily(time(6, 30)), LONDON, DEFAULT_QUIET, "2026-11-22T10:00Z", 1) == [
        "2026-11-23T08:00Z"
    ]


def test_quiet_hours_that_do_not_wrap_midnight_and_none_at_all():
    lunch = QuietHours(time(12), time(14))
    assert walk(daily(time(13)), LONDON, lunch, "2026-11-22T00:00Z", 1) == ["2026-11-22T14:00Z"]
    assert walk(daily(time(14)), LONDON, lunch, "2026-11-22T00:00Z", 1) == ["2026-11-22T14:00Z"]
    assert walk(daily(time(11, 59)), LONDON, lunch, "2026-11-22T00:00Z", 1) == ["2026-11-22T11:59Z"]
    assert walk(daily(time(23)), LONDON, NO_QUIET, "2026-11-22T00:00Z", 1) == ["2026-11-22T23:00Z"]


def test_the_deferred_time_takes_the_dst_rule_of_the_morning_it_lands_on():
    # Saturday 22:00 GMT is deferred to Sunday 08:00, which is BST after the clocks change.
    assert walk(daily(time(22)), LONDON, DEFAULT_QUIET, "2027-03-27T12:00Z", 1) == [
        "2027-03-28T07:00Z"
    ]
    # A quiet end inside the gap moves forward by the gap, like any missing time.
    early = QuietHours(time(21), time(1, 30))
    assert walk(daily(time(23)), LONDON, early, "2027-03-27T12:00Z", 1) == ["2027-03-28T01:30Z"]


def test_a_time_pushed_by_the_gap_into_quiet_hours_is_deferred_too():
    # 01:30 is not quiet, but it becomes 02:30 BST, inside quiet hours that start at 02:00.
    quiet = QuietHours(time(2), time(8))
    assert walk(daily(time(1, 30)), LONDON, quiet, "2027-03-27T12:00Z", 1) == ["2027-03-28T07:00Z"]


# --- cadences and dates ------------------------------------------------------------------


def test_weekly_fires_only_on_the_chosen_iso_weekdays():
    mon_thu = Cadence("weekly", time(9), frozenset({1, 4}), start_date=date(2026, 1, 1))
    # 2026-11-22 is a Sunday.
    assert walk(mon_thu, LONDON, DEFAULT_QUIET, "2026-11-22T10:00Z", 3) == [
        "2026-11-23T09:00Z",
        "2026-11-26T09:00Z",
        "2026-11-30T09:00Z",
    ]
    sunday = Cadence("weekly", time(9), frozenset({7}), start_date=date(2026, 1, 1))
    assert walk(sunday, LONDON, DEFAULT_QUIET, "2026-11-22T08:59Z", 1) == ["2026-11-22T09:00Z"]


def test_every_n_days_counts_from_the_start_date():
    every_three = Cadence("every_n_days", time(9), every_n_days=3, start_date=date(2026, 11, 20))
    assert walk(every_three, LONDON, DEFAULT_QUIET, "2026-11-01T00:00Z", 3) == [
        "2026-11-20T09:00Z",
        "2026-11-23T09:00Z",
        "2026-11-26T09:00Z",
    ]
    assert walk(every_three, LONDON, DEFAULT_QUIET, "2026-11-23T09:00Z", 1) == ["2026-11-26T09:00Z"]


def test_start_and_end_dates_are_inclusive_local_dates():
    short = daily(time(9), start=date(2026, 11, 23), end=date(2026, 11, 25))
    assert walk(short, LONDON, DEFAULT_QUIET, "2026-11-01T00:00Z", 10) == [
        "2026-11-23T09:00Z",
        "2026-11-24T09:00Z",
        "2026-11-25T09:00Z",
    ]
    assert next_due(short, LONDON, DEFAULT_QUIET, ms("2026-11-25T09:00Z")) is None


def test_the_end_dates_occurrence_still_fires_when_quiet_hours_defer_it_past_midnight():
    late = daily(time(22), start=date(2026, 11, 23), end=date(2026, 11, 23))
    assert walk(late, LONDON, DEFAULT_QUIET, "2026-11-01T00:00Z", 5) == ["2026-11-24T08:00Z"]


def test_weekly_with_no_usable_weekday_never_fires():
    nothing = Cadence("weekly", time(9), frozenset({9}), start_date=date(2026, 1, 1))
    assert next_due(nothing, LONDON, DEFAULT_QUIET, ms("2026-11-22T00:00Z")) is None


def test_nothing_is_due_past_the_last_representable_date():
    last = daily(time(22), start=date(9999, 12, 31))
    assert next_due(last, ZoneInfo("UTC"), DEFAULT_QUIET, ms("9999-12-30T00:00Z")) is None


# --- one occurrence per day across a change of rule --------------------------------------


def test_the_occurrence_day_of_an_instant_is_found_even_when_deferred_past_midnight():
    late = daily(time(22))
    assert occurrence_day(late, LONDON, DEFAULT_QUIET, ms("2026-11-23T08:00Z")) == date(
        2026, 11, 22
    )
    assert occurrence_day(late, LONDON, DEFAULT_QUIET, ms("2026-11-23T08:01Z")) is None


def test_after_day_skips_a_day_that_already_had_its_occurrence():
    # Today's 07:00 went out; the time is moved to 10:00 at 07:30: next is tomorrow's 10:00.
    moved = daily(time(10))
    at = ms("2026-11-23T07:30Z")
    assert iso(next_due(moved, LONDON, NO_QUIET, at)) == "2026-11-23T10:00Z"
    found = next_occurrence(moved, LONDON, NO_QUIET, at, after_day=date(2026, 11, 23))
    assert found is not None
    assert (found.day, iso(found.due_at)) == (date(2026, 11, 24), "2026-11-24T10:00Z")


# --- a year of repeated calls, for many schedules ----------------------------------------

ZONES = st.sampled_from(
    [
        "Europe/London",
        "America/New_York",
        "Australia/Sydney",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "UTC",
    ]
)
# Half the times fall in the small hours, where the clocks change.
TIMES = st.builds(
    time,
    st.integers(0, 3) | st.integers(0, 23),
    st.sampled_from([0, 1, 15, 30, 45, 59]),
)


@st.composite
def quiet_hours(draw) -> QuietHours:
    """No quiet hours, or a window of at most 20 hours (as the API allows)."""
    start = draw(TIMES)
    length = draw(st.sampled_from([0, 30, 60, 120, 600, 780, 1200]))
    end = (datetime.combine(date(2026, 1, 1), start) + timedelta(minutes=length)).time()
    return QuietHours(start, end)


@st.composite
def cadences(draw) -> Cadence:
    kind = draw(st.sampled_from(["daily", "weekly", "every_n_days"]))
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 500)))
    return Cadence(
        kind,
        draw(TIMES),
        frozenset(draw(st.sets(st.integers(1, 7), min_size=1))),
        draw(st.integers(1, 30)),
        start,
        draw(st.none() | st.builds(lambda n: start + timedelta(days=n), st.integers(0, 400))),
    )


@settings(max_examples=300, deadline=None)
@given(cadences(), ZONES, quiet_hours(), st.integers(0, 700))
# The corners, always tried: a gap pushing a time into quiet hours; a quiet end in the gap.
@example(daily(time(1, 30)), "Europe/London", QuietHours(time(2), time(8)), 400)
@example(daily(time(23)), "Europe/London", QuietHours(time(21), time(1, 30)), 400)
@example(daily(time(1, 30)), "America/New_York", QuietHours(time(3), time(3)), 200)
def test_a_year_of_calls_is_strictly_increasing_never_quiet_and_loses_no_day(
    cadence, zone_name, quiet, offset_days
):
    zone = ZoneInfo(zone_name)
    after = ms("2026-01-01T00:00Z") + offset_days * 86_400_000
    year_end = after + 366 * 86_400_000
    first = next_occurrence(cadence, zone, quiet, after)
    seen_days, seen = [], []
    while after < year_end:
        found = next_occurrence(cadence, zone, quiet, after)
        assert next_due(cadence, zone, quiet, after) == (found and found.due_at)
        if found is None:
            break
        assert found.due_at > after
        wall = datetime.fromtimestamp(found.due_at / 1000, zone).time()
        assert not quiet.contains(wall), (iso(found.due_at), wall)
        seen_days.append(found.day)
        seen.append(found.due_at)
        after = found.due_at
    assert len(set(seen)) == len(seen)
    assert seen == sorted(seen)
    if first is not None and seen_days:
        # Every day the cadence picks between the first and the last found, none skipped.
        span = (seen_days[-1] - first.day).days + 1
        expected = [
            first.day + timedelta(days=n)
            for n in range(span)
            if cadence.occurs_on(first.day + timedelta(days=n))
        ]
        assert seen_days == expected
