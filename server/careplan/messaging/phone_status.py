"""What the provider told us about a number: opted out (21610) or not a usable number.

STOP/START by text are recorded by the inbound handler (source 'keyword'); these are the
provider's verdicts (source 'provider'). The dispatcher reads both at send time.
"""

from __future__ import annotations

from collections.abc import Iterable

from careplan.storage.db import Executor, Row


async def statuses(ex: Executor, phones: Iterable[str]) -> dict[str, Row]:
    """phone -> its status row, for those of PHONES that have one."""
    wanted = sorted(set(phones))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    rows = await ex.fetch_all(
        f"SELECT phone, opted_out, invalid_at FROM phone_status WHERE phone IN ({marks})", *wanted
    )
    return {row["phone"]: row for row in rows}


async def mark_opted_out_by_provider(ex: Executor, phone: str, now: int) -> bool:
    """Record that the provider refused the number as unsubscribed; True if that is news."""
    before = await ex.fetch_value("SELECT opted_out FROM phone_status WHERE phone = ?", phone)
    await ex.execute(
        "INSERT INTO phone_status (phone, opted_out, opted_out_at, opt_out_source, updated_at) "
        "VALUES (?, 1, ?, 'provider', ?) ON CONFLICT (phone) DO UPDATE SET opted_out = 1, "
        "opted_out_at = excluded.opted_out_at, opt_out_source = 'provider', "
        "updated_at = excluded.updated_at",
        phone,
        now,
        now,
    )
    return not before


async def mark_invalid(ex: Executor, phone: str, code: int | None, now: int) -> bool:
    """Flag the number as unusable (21211 not a number, 21614 not a mobile); True if news."""
    before = await ex.fetch_value("SELECT invalid_at FROM phone_status WHERE phone = ?", phone)
    await ex.execute(
        "INSERT INTO phone_status (phone, invalid_at, invalid_code, updated_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (phone) DO UPDATE SET invalid_at = excluded.invalid_at, "
        "invalid_code = excluded.invalid_code, updated_at = excluded.updated_at",
        phone,
        now,
        code,
        now,
    )
    return before is None
