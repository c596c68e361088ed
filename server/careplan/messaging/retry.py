"""When to try a text again after a failure worth retrying (rate limit, 5xx, network).

Exponential backoff with jitter, so many texts that failed together do not retry together;
capped attempts, after which the text has failed and the team is told.
"""

from __future__ import annotations

import random

MAX_ATTEMPTS = 5
FIRST_DELAY_MS = 30_000
LONGEST_DELAY_MS = 30 * 60_000


def backoff_ms(attempt: int, rand: float | None = None) -> int:
    """Delay after failed attempt number ATTEMPT (1-based): 30 s, 60 s, 2 min... (max 30 min),
    each scaled by a random factor in [0.5, 1.0)."""
    base = min(FIRST_DELAY_MS * 2 ** (attempt - 1), LONGEST_DELAY_MS)
    factor = 0.5 + 0.5 * (random.random() if rand is None else rand)  # noqa: S311 - jitter
    return int(base * factor)


def should_retry(attempt: int) -> bool:
    return attempt < MAX_ATTEMPTS
