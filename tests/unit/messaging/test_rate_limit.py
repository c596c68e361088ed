"""The per-process send pacing: one slot per 1/rate seconds, debts carried, never bunched."""

from __future__ import annotations

import pytest

from careplan.messaging.rate_limit import RateLimiter, process_limiter


class Ticking:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_sends_at_once_are_spaced_one_interval_apart():
    clock = Ticking()
    limiter = RateLimiter(4, monotonic=clock)

    waits = [limiter.reserve() for _ in range(5)]

    assert waits == [0.0, 0.25, 0.5, 0.75, 1.0]


def test_an_idle_limiter_does_not_save_up_a_burst():
    clock = Ticking()
    limiter = RateLimiter(10, monotonic=clock)
    limiter.reserve()
    clock.now += 60  # a quiet minute

    assert [limiter.reserve() for _ in range(3)] == pytest.approx([0.0, 0.1, 0.2])


def test_one_limiter_per_rate_is_shared_by_the_process():
    assert process_limiter(7) is process_limiter(7)
    assert process_limiter(7) is not process_limiter(8)
