"""Quiet hours at the moment of sending, in the patient's own zone, across midnight and DST."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from careplan.checkins.due import QuietHours
from careplan.checkins.sending_window import quiet_until

LONDON = ZoneInfo("Europe/London")
NIGHT = QuietHours(time(21, 0), time(8, 0))


def ms(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp() * 1000)


def test_outside_quiet_hours_a_text_may_go():
    assert quiet_until(ms("2026-11-22T10:00:00+00:00"), (LONDON, NIGHT)) is None


def test_late_evening_waits_for_the_next_morning():
    assert quiet_until(ms("2026-11-22T22:30:00+00:00"), (LONDON, NIGHT)) == ms(
        "2026-11-23T08:00:00+00:00"
    )


def test_early_morning_waits_for_the_same_morning():
    assert quiet_until(ms("2026-11-23T06:00:00+00:00"), (LONDON, NIGHT)) == ms(
        "2026-11-23T08:00:00+00:00"
    )


def test_summer_time_is_the_patients_wall_clock():
    # 07:30 UTC is 08:30 BST: not quiet in London in July.
    assert quiet_until(ms("2026-07-01T07:30:00+00:00"), (LONDON, NIGHT)) is None
    # 06:30 UTC is 07:30 BST: quiet until 08:00 BST = 07:00 UTC.
    assert quiet_until(ms("2026-07-01T06:30:00+00:00"), (LONDON, NIGHT)) == ms(
        "2026-07-01T07:00:00+00:00"
    )


def test_the_night_the_clocks_go_forward():
    # 2027-03-28: 01:00 GMT becomes 02:00 BST. 00:30 GMT is quiet until 08:00 BST (07:00 UTC).
    assert quiet_until(ms("2027-03-28T00:30:00+00:00"), (LONDON, NIGHT)) == ms(
        "2027-03-28T07:00:00+00:00"
    )


def test_no_quiet_hours_when_start_equals_end():
    always = QuietHours(time(0, 0), time(0, 0))
    assert quiet_until(ms("2026-11-22T23:59:00+00:00"), (LONDON, always)) is None


def test_other_zones_use_their_own_clock():
    new_york = ZoneInfo("America/New_York")
    # 02:00 UTC is 21:00 in New York (EST): quiet until 08:00 EST = 13:00 UTC.
    assert (
        quiet_until(ms("2026-11-23T02:00:00+00:00"), (new_york, NIGHT))
        == datetime(2026, 11, 23, 13, 0, tzinfo=UTC).timestamp() * 1000
    )
