"""Pacing sends to a number of texts per second, shared by everything one process sends.

Carriers and Twilio queue (and eventually refuse) texts sent faster than a sender may send:
about 1 a second for a UK long code, more for a short code or a Messaging Service. The
limit is per process: N scheduler processes send up to N times the rate (ADR 0013).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

# Waits shorter than this are carried as debt instead of slept: sleeping costs more than
# the wait at high rates, and the average rate holds either way.
_SHORTEST_SLEEP = 0.002


class RateLimiter:
    def __init__(self, per_second: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._interval = 1.0 / per_second
        self._monotonic = monotonic
        self._next = 0.0

    def reserve(self) -> float:
        """Take the next free slot; the seconds to wait before sending in it."""
        now = self._monotonic()
        slot = max(now, self._next)
        self._next = slot + self._interval
        return slot - now

    async def wait(self) -> None:
        delay = self.reserve()
        if delay >= _SHORTEST_SLEEP:
            await asyncio.sleep(delay)


_limiters: dict[float, RateLimiter] = {}


def process_limiter(per_second: float) -> RateLimiter:
    """The process's one limiter for this rate (every dispatch in the process shares it)."""
    limiter = _limiters.get(per_second)
    if limiter is None:
        limiter = _limiters[per_second] = RateLimiter(per_second)
    return limiter
