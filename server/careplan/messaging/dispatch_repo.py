"""SQL for sending texts: claims, attempts, outcomes. No HTTP and no provider calls here.

A message moves queued -> sending (claimed, attempt row written) -> sent (provider's SID)
-> delivered / undelivered / failed (receipts); or it is skipped, expired or failed before
it is ever handed over. Writes that can run for many messages at once are executemany.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from careplan.storage.db import Executor, Row
from careplan.storage.leases import claim

_CLAIMED = "id, patient_id, phone, body, purpose, checkin_id, expires_at, attempts"
_RELEASE = "claimed_by = NULL, lease_until = NULL"


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


async def claim_sendable(
    tx: Executor,
    dialect: str,
    *,
    now: int,
    worker_id: str,
    lease_until: int,
    limit: int,
    message_id: str | None = None,
) -> list[Row]:
    """Queued texts whose time has come, and texts whose sender's lease ran out.

    A claimed text waits at `next_attempt_at = lease_until`, so a crashed worker's texts
    come up again by themselves when their lease ends (the same index finds them).
    """
    pick = "status IN ('queued', 'sending') AND next_attempt_at <= ?"
    pick_args: list[Any] = [now]
    if message_id is not None:
        pick += " AND id = ?"
        pick_args.append(message_id)
    return await claim(
        tx,
        dialect,
        table="messages",
        pick=pick,
        pick_args=pick_args,
        order_by="next_attempt_at",
        limit=limit,
        assign="status = 'sending', claimed_by = ?, lease_until = ?, next_attempt_at = ?, "
        "updated_at = ?",
        assign_args=(worker_id, lease_until, lease_until, now),
        returning=_CLAIMED,
    )


async def open_attempts(ex: Executor, message_ids: Sequence[str]) -> dict[str, Row]:
    """message id -> its attempt that started and never recorded an outcome (a crash)."""
    if not message_ids:
        return {}
    rows = await ex.fetch_all(
        "SELECT message_id, attempt, started_at FROM message_attempts "
        f"WHERE outcome IS NULL AND message_id IN ({_marks(message_ids)})",
        *message_ids,
    )
    return {row["message_id"]: row for row in rows}


async def start_attempts(ex: Executor, attempts: Sequence[tuple[str, str, int, int]]) -> None:
    """(attempt id, message id, attempt number, started_at): written BEFORE the provider call,
    so a crash after it leaves a trace that the text may have gone."""
    if not attempts:
        return
    await ex.executemany(
        "INSERT INTO message_attempts (id, message_id, attempt, started_at) VALUES (?, ?, ?, ?)",
        attempts,
    )
    await ex.executemany(
        "UPDATE messages SET attempts = ? WHERE id = ?",
        [(number, message_id) for _, message_id, number, _ in attempts],
    )


async def finish_attempts(
    ex: Executor,
    outcomes: Sequence[tuple[int, str, str | None, int | None, str | None, str, int]],
) -> None:
    """(finished_at, outcome, provider sid, error code, reason, message id, attempt number);
    an attempt keeps the first outcome recorded for it."""
    if not outcomes:
        return
    await ex.executemany(
        "UPDATE message_attempts SET finished_at = ?, outcome = ?, provider_sid = ?, "
        "error_code = ?, reason = ? WHERE message_id = ? AND attempt = ? AND outcome IS NULL",
        outcomes,
    )


async def record_sent(ex: Executor, sent: Sequence[tuple[str, int, str, str]]) -> None:
    """(provider sid, now, message id, worker id): only while that worker still holds it
    (every way out of 'sending' clears claimed_by, so the worker's id is the whole check).

    Looked up by primary key only: a status condition here lets PostgreSQL pick the partial
    index of texts to send, which after a burst holds thousands of rows its statistics do
    not know of yet, and scan it once per row."""
    if not sent:
        return
    await ex.executemany(
        "UPDATE messages SET status = 'sent', provider_sid = ?, next_attempt_at = NULL, "
        f"{_RELEASE}, updated_at = ? WHERE id = ? AND claimed_by = ?",
        sent,
    )


async def record_reconciled(ex: Executor, message_id: str, sid: str, now: int) -> None:
    await ex.execute(
        "UPDATE messages SET status = 'sent', provider_sid = ?, next_attempt_at = NULL, "
        f"{_RELEASE}, "
        "updated_at = ? WHERE id = ? AND status = 'sending'",
        sid,
        now,
        message_id,
    )


async def close_unsent(ex: Executor, closed: Iterable[tuple[str, str | None, int, str]]) -> None:
    """(status skipped | expired, reason, now, message id): never handed to the provider."""
    await ex.executemany(
        f"UPDATE messages SET status = ?, skip_reason = ?, next_attempt_at = NULL, {_RELEASE}, "
        "updated_at = ? WHERE id = ?",
        list(closed),
    )


async def requeue(ex: Executor, requeued: Iterable[tuple[int, int | None, int, str]]) -> None:
    """(next_attempt_at, error code, now, message id): back in the queue, unclaimed."""
    await ex.executemany(
        "UPDATE messages SET status = 'queued', next_attempt_at = ?, "
        f"error_code = COALESCE(?, error_code), {_RELEASE}, "
        "updated_at = ? WHERE id = ?",
        list(requeued),
    )


async def postpone_reconcile(ex: Executor, message_id: str, at: int, now: int) -> None:
    """The provider could not be asked whether a text went: ask again at AT, never resend
    meanwhile (the open attempt stays open, so the next claim reconciles again)."""
    await ex.execute(
        f"UPDATE messages SET next_attempt_at = ?, {_RELEASE}, updated_at = ? "
        "WHERE id = ? AND status = 'sending'",
        at,
        now,
        message_id,
    )


async def set_final_status(
    ex: Executor, message_id: str, status: str, error_code: int | None, now: int
) -> None:
    await ex.execute(
        f"UPDATE messages SET status = ?, error_code = COALESCE(?, error_code), "
        f"next_attempt_at = NULL, {_RELEASE}, updated_at = ? WHERE id = ?",
        status,
        error_code,
        now,
        message_id,
    )


async def message_by_sid(ex: Executor, sid: str) -> Row | None:
    return await ex.fetch_one(
        "SELECT id, patient_id, phone, purpose, checkin_id, status FROM messages "
        "WHERE provider_sid = ?",
        sid,
    )


async def known_sids(ex: Executor, sids: Sequence[str]) -> set[str]:
    if not sids:
        return set()
    rows = await ex.fetch_all(
        f"SELECT provider_sid FROM messages WHERE provider_sid IN ({_marks(sids)})", *sids
    )
    return {row["provider_sid"] for row in rows}


async def store_receipt(
    ex: Executor, sid: str, status: str, error_code: int | None, now: int
) -> bool:
    """Keep a receipt once per (sid, status); False when it was already kept."""
    inserted = await ex.execute(
        "INSERT INTO message_receipts (provider_sid, status, error_code, received_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (provider_sid, status) DO NOTHING",
        sid,
        status,
        error_code,
        now,
    )
    return inserted == 1


async def receipts_for(ex: Executor, sids: Sequence[str]) -> list[Row]:
    """Receipts that arrived before their SID was recorded (a callback can beat the record)."""
    if not sids:
        return []
    return await ex.fetch_all(
        "SELECT provider_sid, status, error_code FROM message_receipts "
        f"WHERE provider_sid IN ({_marks(sids)}) ORDER BY received_at",
        *sids,
    )
