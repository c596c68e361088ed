"""SQL for a patient's thread: every message to or from them, with who wrote it. No HTTP.

Pages are keyset ranges of `messages_by_patient (patient_id, created_at)`; author names (for
a carer, the carer's own) come from joins, never a query per message.
"""

from __future__ import annotations

from typing import Any

from careplan.people.actor_names import name_column, name_joins
from careplan.storage.db import Executor, Row

_MESSAGE = (
    "SELECT m.id, m.patient_id, m.direction, m.channel, m.purpose, m.body, m.status, "
    "m.author_kind, m.author_id, m.on_behalf_of, m.checkin_id, m.created_at, m.skip_reason, "
    f"{name_column('m', 'author_name')} FROM messages m"
    + name_joins("m", "author_kind", "author_id")
    + " "
)


async def newest_messages(
    db: Executor, patient_id: str, before: tuple[int, str] | None, limit: int
) -> list[Row]:
    """The patient's messages newest first, strictly before BEFORE (created_at, id)."""
    where, args = "", []
    if before is not None:
        where = " AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))"
        args = [before[0], before[0], before[1]]
    return await db.fetch_all(
        f"{_MESSAGE}WHERE m.patient_id = ?{where} ORDER BY m.created_at DESC, m.id DESC LIMIT ?",
        patient_id,
        *args,
        limit,
    )


async def message(db: Executor, message_id: str) -> Row | None:
    return await db.fetch_one(f"{_MESSAGE}WHERE m.id = ?", message_id)


async def insert_inbound_app_message(db: Executor, row: dict[str, Any]) -> bool:
    """Store a message written in the app; False if the id is taken (a replay, or a clash)."""
    inserted = await db.execute(
        "INSERT INTO messages (id, patient_id, direction, channel, purpose, body, author_kind, "
        "author_id, on_behalf_of, status, created_at, updated_at) "
        "VALUES (?, ?, 'inbound', 'app', ?, ?, ?, ?, ?, 'received', ?, ?) "
        "ON CONFLICT (id) DO NOTHING",
        row["id"],
        row["patient_id"],
        row["purpose"],
        row["body"],
        row["author_kind"],
        row["author_id"],
        row["on_behalf_of"],
        row["created_at"],
        row["created_at"],
    )
    return inserted == 1


async def patient_phone(db: Executor, patient_id: str) -> str | None:
    return await db.fetch_value("SELECT phone FROM patients WHERE id = ?", patient_id)
