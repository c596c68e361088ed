"""The recent-outcomes string kept on each action (ADR 0008)."""

import random

from careplan.careplans.adherence import NOTHING
from careplan.careplans.recent_outcomes import HISTORY_DAYS, decode, encode

NEWEST = 739_942  # 2026-11-22
NAMES = {"d": "done", "p": "partly", "n": "not_today"}


def by_day(text: str) -> dict[int, str]:
    """Every outcome the stored string holds, day by day through the public reader."""
    outcomes = decode(text)
    days = range(NEWEST - 2 * HISTORY_DAYS, NEWEST + 3)
    return {day: NAMES[outcomes.on(day)] for day in days if outcomes.on(day) != NOTHING}


def test_round_trip_keeps_every_outcome_of_the_newest_days():
    rng = random.Random(8)
    for _ in range(500):
        outcomes = {
            NEWEST - back: rng.choice(["done", "partly", "not_today"])
            for back in rng.sample(range(HISTORY_DAYS), rng.randint(1, 30))
        }
        assert by_day(encode(outcomes)) == outcomes


def test_only_the_newest_history_days_are_kept():
    outcomes = {NEWEST: "done", NEWEST - HISTORY_DAYS + 1: "partly", NEWEST - HISTORY_DAYS: "done"}
    assert by_day(encode(outcomes)) == {NEWEST: "done", NEWEST - HISTORY_DAYS + 1: "partly"}


def test_nothing_logged_and_not_yet_computed_both_read_as_no_outcomes():
    assert encode({}) == ""
    assert by_day("") == {}
    assert decode(None) == decode("")
