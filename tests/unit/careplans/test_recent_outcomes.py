"""The recent-outcomes string kept on each action (ADR 0008)."""

import random

from careplan.careplans.recent_outcomes import HISTORY_DAYS, decode, encode

NEWEST = 739_942  # 2026-11-22


def test_round_trip_keeps_every_outcome_of_the_newest_days():
    rng = random.Random(8)
    for _ in range(500):
        outcomes = {
            NEWEST - back: rng.choice(["done", "partly", "not_today"])
            for back in rng.sample(range(HISTORY_DAYS), rng.randint(1, 30))
        }
        assert decode(encode(outcomes)) == outcomes


def test_only_the_newest_history_days_are_kept():
    outcomes = {NEWEST: "done", NEWEST - HISTORY_DAYS + 1: "partly", NEWEST - HISTORY_DAYS: "done"}
    assert decode(encode(outcomes)) == {NEWEST: "done", NEWEST - HISTORY_DAYS + 1: "partly"}


def test_nothing_logged_and_not_yet_computed_both_read_as_no_outcomes():
    assert encode({}) == ""
    assert decode("") == {} and decode(None) == {}
