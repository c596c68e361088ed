"""Queueing an outbound text: the intent row every sender (check-ins, replies, safety-net)
writes. The dispatcher (`messaging/dispatch.py`) turns intents into attempts and receipts.

Queueing never talks to the provider, so it can run inside the caller's transaction: the text
exists exactly when the thing that caused it does.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from careplan.storage.db import Executor

_INSERT = (
    "INSERT INTO messages (id, patient_id, direction, channel, purpose, phone, body, "
    "checkin_id, author_kind, author_id, on_behalf_of, status, next_attempt_at, expires_at, "
    "created_at, updated_at) "
    "VALUES (?, ?, 'outbound', 'sms', ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)"
)


async def queue_text(
    ex: Executor,
    *,
    patient_id: str | None,
    phone: str,
    body: str,
    purpose: str,
    now: int,
    expires_at: int | None = None,
    checkin_id: str | None = None,
    author_kind: str = "system",
    author_id: str | None = None,
    on_behalf_of: str | None = None,
    send_after: int | None = None,
    message_id: str | None = None,
) -> str:
    """Record the intent to text `phone`; returns the message id. Sent by the next dispatch.

    `message_id` lets a caller use a client-made id, so an offline replay is stored once.
    """
    message_id = message_id or uuid.uuid4().hex
    await ex.execute(
        _INSERT,
        message_id,
        patient_id,
        purpose,
        phone,
        body,
        checkin_id,
        author_kind,
        author_id,
        on_behalf_of,
        send_after if send_after is not None else now,
        expires_at,
        now,
        now,
    )
    return message_id


@dataclass(frozen=True, slots=True)
class SystemText:
    """One text the system sends about a check-in (the tick queues hundreds at a time)."""

    message_id: str
    patient_id: str
    phone: str
    body: str
    purpose: str
    checkin_id: str
    expires_at: int | None
    # Held until then (a check-in sent as an app notification first); None: send now.
    send_after: int | None = None


async def queue_system_texts(ex: Executor, texts: Sequence[SystemText], now: int) -> None:
    """Queue many system texts in one round trip: the same rows `queue_text` writes."""
    await ex.executemany(
        _INSERT,
        [
            (
                text.message_id,
                text.patient_id,
                text.purpose,
                text.phone,
                text.body,
                text.checkin_id,
                "system",
                None,
                None,
                now if text.send_after is None else text.send_after,
                text.expires_at,
                now,
                now,
            )
            for text in texts
        ],
    )
