"""SQL for the clinician inbox: items, notes, routing when away. No HTTP here.

Every list is one query bounded by an index (`inbox_open`, `inbox_resolved`): names come
from joins and the note count from a correlated count on `inbox_notes_by_item`, never from a
query per item.
"""

from __future__ import annotations

from typing import Any

from careplan.people.actor_names import name_column, name_joins
from careplan.storage.db import Executor, Row

TEAM = "team"

_ITEM = (
    "SELECT i.id, i.organisation_id, i.patient_id, i.kind, i.urgency, i.summary, i.message_id, "
    "i.checkin_id, i.routed_to, i.assigned_to, i.status, i.created_at, i.first_reply_at, "
    "i.first_reply_by, i.resolved_at, i.resolved_by, i.updated_at, "
    "p.given_name, p.family_name, rc.display_name AS routed_to_name, "
    "ac.display_name AS assigned_to_name, "
    "(SELECT COUNT(*) FROM inbox_notes n WHERE n.item_id = i.id) AS note_count, "
    f"m.author_kind AS message_author_kind, {name_column('m', 'message_author_name')} "
    "FROM inbox_items i "
    "LEFT JOIN patients p ON p.id = i.patient_id "
    "LEFT JOIN clinicians rc ON rc.id = i.routed_to "
    "LEFT JOIN clinicians ac ON ac.id = i.assigned_to "
    "LEFT JOIN messages m ON m.id = i.message_id"
    + name_joins("m", "author_kind", "author_id")
    + " "
)

# An item routed to someone who has since gone (deactivated, or away without the move having
# happened) is the team's: every item reaches someone present.
_TEAMS = "(i.routed_to = 'team' OR rc.active = 0 OR rc.away_until > ?)"


def _scope(scope: str, clinician_id: str, now: int) -> tuple[str, list[Any]]:
    if scope == "mine":
        return " AND (i.routed_to = ? OR i.assigned_to = ?)", [clinician_id, clinician_id]
    if scope == "team":
        return f" AND {_TEAMS}", [now]
    return "", []


async def open_items(
    db: Executor,
    organisation_id: str,
    scope: str,
    clinician_id: str,
    now: int,
    after: tuple[int, int, str] | None,
    limit: int,
) -> list[Row]:
    """Open items, urgent first, then oldest first, then by id; strictly after AFTER."""
    where, args = _scope(scope, clinician_id, now)
    if after is not None:
        urgency, created_at, item_id = after
        where += (
            " AND (i.urgency < ? OR (i.urgency = ? AND (i.created_at > ? "
            "OR (i.created_at = ? AND i.id > ?))))"
        )
        args += [urgency, urgency, created_at, created_at, item_id]
    return await db.fetch_all(
        f"{_ITEM}WHERE i.organisation_id = ? AND i.status = 'open'{where} "
        "ORDER BY i.urgency DESC, i.created_at, i.id LIMIT ?",
        organisation_id,
        *args,
        limit,
    )


async def resolved_items(
    db: Executor,
    organisation_id: str,
    scope: str,
    clinician_id: str,
    now: int,
    after: tuple[int, str] | None,
    limit: int,
) -> list[Row]:
    """Resolved items, most recently resolved first; strictly after AFTER."""
    where, args = _scope(scope, clinician_id, now)
    if after is not None:
        resolved_at, item_id = after
        where += " AND (i.resolved_at < ? OR (i.resolved_at = ? AND i.id < ?))"
        args += [resolved_at, resolved_at, item_id]
    return await db.fetch_all(
        f"{_ITEM}WHERE i.organisation_id = ? AND i.status = 'resolved'{where} "
        "ORDER BY i.resolved_at DESC, i.id DESC LIMIT ?",
        organisation_id,
        *args,
        limit,
    )


async def item(db: Executor, organisation_id: str, item_id: str) -> Row | None:
    """The item, only if it belongs to this practice."""
    return await db.fetch_one(
        f"{_ITEM}WHERE i.id = ? AND i.organisation_id = ?", item_id, organisation_id
    )


async def colleague(db: Executor, organisation_id: str, clinician_id: str) -> Row | None:
    return await db.fetch_one(
        "SELECT id, display_name, role, active, away_until FROM clinicians "
        "WHERE id = ? AND organisation_id = ?",
        clinician_id,
        organisation_id,
    )


async def assign(db: Executor, item_id: str, clinician_id: str, now: int) -> None:
    await db.execute(
        "UPDATE inbox_items SET assigned_to = ?, updated_at = ? WHERE id = ?",
        clinician_id,
        now,
        item_id,
    )


async def insert_note(db: Executor, row: dict[str, Any]) -> None:
    await db.execute(
        "INSERT INTO inbox_notes (id, item_id, clinician_id, body, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        row["id"],
        row["item_id"],
        row["clinician_id"],
        row["body"],
        row["created_at"],
    )
    await db.execute(
        "UPDATE inbox_items SET updated_at = ? WHERE id = ?", row["created_at"], row["item_id"]
    )


async def notes(db: Executor, item_id: str) -> list[Row]:
    return await db.fetch_all(
        "SELECT n.id, n.item_id, n.clinician_id, c.display_name AS clinician_name, n.body, "
        "n.created_at FROM inbox_notes n LEFT JOIN clinicians c ON c.id = n.clinician_id "
        "WHERE n.item_id = ? ORDER BY n.created_at, n.id",
        item_id,
    )


async def record_first_reply(db: Executor, item_id: str, clinician_id: str, now: int) -> None:
    """Only the first reply counts: later ones leave the figure alone."""
    await db.execute(
        "UPDATE inbox_items SET first_reply_at = ?, first_reply_by = ?, updated_at = ? "
        "WHERE id = ? AND first_reply_at IS NULL",
        now,
        clinician_id,
        now,
        item_id,
    )


async def record_first_reply_to_patient(
    db: Executor, patient_id: str, clinician_id: str, now: int
) -> list[Row]:
    """A message to the patient answers every open item of theirs not yet answered; returns
    those items (for live updates)."""
    answered = await db.fetch_all(
        "SELECT id, organisation_id, kind, urgency, patient_id FROM inbox_items "
        "WHERE patient_id = ? AND status = 'open' AND first_reply_at IS NULL",
        patient_id,
    )
    if answered:
        await db.execute(
            "UPDATE inbox_items SET first_reply_at = ?, first_reply_by = ?, updated_at = ? "
            "WHERE patient_id = ? AND status = 'open' AND first_reply_at IS NULL",
            now,
            clinician_id,
            now,
            patient_id,
        )
    return answered


async def resolve(db: Executor, item_id: str, clinician_id: str, now: int) -> bool:
    """True if the item was open and is now resolved (a second resolve changes nothing)."""
    changed = await db.execute(
        "UPDATE inbox_items SET status = 'resolved', resolved_at = ?, resolved_by = ?, "
        "updated_at = ? WHERE id = ? AND status = 'open'",
        now,
        clinician_id,
        now,
        item_id,
    )
    return changed == 1


async def set_away(db: Executor, clinician_id: str, until: int | None, now: int) -> None:
    await db.execute(
        "UPDATE clinicians SET away_until = ?, updated_at = ? WHERE id = ?",
        until,
        now,
        clinician_id,
    )


async def away_until(db: Executor, clinician_id: str) -> int | None:
    return await db.fetch_value("SELECT away_until FROM clinicians WHERE id = ?", clinician_id)


async def hand_to_team(
    db: Executor, organisation_id: str, clinician_id: str, now: int
) -> list[Row]:
    """Move a departing clinician's open items to the team: those routed to them go to the
    team, and their assignments are cleared. Returns the items moved."""
    moved = await db.fetch_all(
        "SELECT id, organisation_id, kind, urgency, patient_id FROM inbox_items "
        "WHERE organisation_id = ? AND status = 'open' AND (routed_to = ? OR assigned_to = ?)",
        organisation_id,
        clinician_id,
        clinician_id,
    )
    if moved:
        await db.execute(
            "UPDATE inbox_items SET routed_to = CASE WHEN routed_to = ? THEN 'team' "
            "ELSE routed_to END, assigned_to = CASE WHEN assigned_to = ? THEN NULL "
            "ELSE assigned_to END, updated_at = ? "
            "WHERE organisation_id = ? AND status = 'open' AND (routed_to = ? OR assigned_to = ?)",
            clinician_id,
            clinician_id,
            now,
            organisation_id,
            clinician_id,
            clinician_id,
        )
    return moved
