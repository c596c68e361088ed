"""Backoff for retryable send failures: doubling from 30 s, jittered, capped; 5 attempts."""

from __future__ import annotations

from careplan.messaging.failures import DELIVERY_FAILURE, INVALID_NUMBER, OPTED_OUT, kind_of
from careplan.messaging.retry import LONGEST_DELAY_MS, MAX_ATTEMPTS, backoff_ms, should_retry


def test_backoff_doubles_with_jitter_between_half_and_all_of_it():
    assert [backoff_ms(attempt, rand=0.0) for attempt in (1, 2, 3)] == [15_000, 30_000, 60_000]
    assert backoff_ms(1, rand=0.999) < 30_000
    assert backoff_ms(20, rand=0.999) < LONGEST_DELAY_MS
    assert backoff_ms(20, rand=0.0) == LONGEST_DELAY_MS // 2


def test_jitter_spreads_texts_that_failed_together():
    delays = {backoff_ms(2) for _ in range(50)}
    assert len(delays) > 1 and all(30_000 <= delay < 60_000 for delay in delays)


def test_attempts_are_capped():
    assert [should_retry(attempt) for attempt in range(1, MAX_ATTEMPTS + 1)] == [True] * (
        MAX_ATTEMPTS - 1
    ) + [False]


def test_error_codes_say_what_the_team_hears():
    assert kind_of(21610) == OPTED_OUT
    assert kind_of(21211) == kind_of(21614) == INVALID_NUMBER
    assert kind_of(30003) == kind_of(None) == DELIVERY_FAILURE
