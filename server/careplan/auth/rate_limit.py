"""Fixed-window rate limits kept in the database, so they hold across workers and nodes."""

from __future__ import annotations

from dataclasses import dataclass

from careplan.errors import TooManyRequests
from careplan.storage.db import Database


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    max_hits: int
    window_seconds: int
    message: str


SMS_CODE_PER_PHONE = Limit(
    "sms-code:phone", 5, 3600, "Too many codes requested for this phone. Try again later."
)
SMS_CODE_PER_ADDRESS = Limit(
    "sms-code:address", 20, 3600, "Too many codes requested from this device. Try again later."
)
SMS_VERIFY_PER_ADDRESS = Limit(
    "sms-verify:address", 30, 900, "Too many sign-in attempts. Try again later."
)
LOGIN_PER_EMAIL = Limit("login:email", 10, 900, "Too many sign-in attempts. Try again later.")
LOGIN_PER_ADDRESS = Limit("login:address", 30, 900, "Too many sign-in attempts. Try again later.")


async def hit(db: Database, limit: Limit, key: str, now_ms: int) -> None:
    """Count one attempt; raise 429 with Retry-After once the window's allowance is spent."""
    window_ms = limit.window_seconds * 1000
    window_start = now_ms - now_ms % window_ms
    async with db.transaction() as tx:
        hits = await tx.fetch_value(
            "INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES (?, ?, 1) "
            "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1 "
            "RETURNING hits",
            f"{limit.name}:{key}",
            window_start,
        )
        # Old windows are dead weight; drop them for this bucket as we pass.
        await tx.execute(
            "DELETE FROM rate_limit_hits WHERE bucket = ? AND window_start < ?",
            f"{limit.name}:{key}",
            window_start,
        )
    if hits > limit.max_hits:
        retry_after = max(1, (window_start + window_ms - now_ms + 999) // 1000)
        raise TooManyRequests(limit.message, retry_after)
