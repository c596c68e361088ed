"""SQL for the append-only audit trail: inserts and reads, never updates or deletes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from careplan.storage.db import Executor, Row

_INSERT = (
    "INSERT INTO audit_events (id, at, actor_kind, actor_id, on_behalf_of, action, patient_id, "
    "target_kind, target_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


async def insert_events(db: Executor, rows: Sequence[Sequence[Any]]) -> None:
    if len(rows) == 1:
        await db.execute(_INSERT, *rows[0])
    elif rows:
        await db.executemany(_INSERT, rows)


async def events_for_patient(
    db: Executor, patient_id: str, before: tuple[int, str] | None, actor_id: str | None, limit: int
) -> list[Row]:
    """Newest first (keyset on at, id), with the actor's name whoever they are (a share link
    is named by its label: nobody signs in to view one)."""
    conditions = ["a.patient_id = ?"]
    args: list[Any] = [patient_id]
    if before is not None:
        conditions.append("(a.at < ? OR (a.at = ? AND a.id < ?))")
        args.extend([before[0], before[0], before[1]])
    if actor_id is not None:
        conditions.append("a.actor_id = ?")
        args.append(actor_id)
    return await db.fetch_all(
        "SELECT a.id, a.at, a.actor_kind, a.actor_id, a.on_behalf_of, a.action, a.target_kind, "
        "a.target_id, a.request_id, COALESCE(c.display_name, k.display_name, "
        "p.given_name || ' ' || p.family_name, "
        "CASE WHEN s.label = '' THEN 'Share link' ELSE 'Share link: ' || s.label END) "
        "AS actor_name, c.role AS actor_role "
        "FROM audit_events a "
        "LEFT JOIN clinicians c ON a.actor_kind = 'clinician' AND c.id = a.actor_id "
        "LEFT JOIN carers k ON a.actor_kind = 'carer' AND k.id = a.actor_id "
        "LEFT JOIN patients p ON a.actor_kind = 'patient' AND p.id = a.actor_id "
        "LEFT JOIN share_links s ON a.actor_kind = 'share_link' AND s.id = a.actor_id "
        f"WHERE {' AND '.join(conditions)} ORDER BY a.at DESC, a.id DESC LIMIT ?",
        *args,
        limit,
    )
