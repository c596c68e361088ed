"""SQL for share links and the summary their page shows. No HTTP here."""

from __future__ import annotations

from typing import Any

from careplan.storage.db import Executor, Row

_LINK = (
    "SELECT id, patient_id, token_hash, label, created_at, expires_at, revoked_at, view_count, "
    "last_viewed_at FROM share_links "
)
LIST_LIMIT = 100


async def insert_link(ex: Executor, values: dict[str, Any]) -> None:
    await ex.execute(
        "INSERT INTO share_links (id, patient_id, token_hash, label, created_by_kind, "
        "created_by_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values["id"],
        values["patient_id"],
        values["token_hash"],
        values["label"],
        values["created_by_kind"],
        values["created_by_id"],
        values["created_at"],
        values["expires_at"],
    )


async def link(ex: Executor, link_id: str) -> Row | None:
    return await ex.fetch_one(_LINK + "WHERE id = ?", link_id)


async def link_by_hash(ex: Executor, token_hash: str) -> Row | None:
    return await ex.fetch_one(_LINK + "WHERE token_hash = ?", token_hash)


async def links_for_patient(ex: Executor, patient_id: str) -> list[Row]:
    return await ex.fetch_all(
        _LINK + "WHERE patient_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        patient_id,
        LIST_LIMIT,
    )


async def revoke(ex: Executor, link_id: str, now: int) -> bool:
    """End a link that is not yet ended; False if it already was revoked."""
    changed = await ex.execute(
        "UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, link_id
    )
    return changed == 1


async def count_view(ex: Executor, link_id: str, now: int) -> bool:
    """Count a view of a link still open at NOW; False if it was revoked or ran out meanwhile,
    so a view racing a revocation is refused rather than shown."""
    changed = await ex.execute(
        "UPDATE share_links SET view_count = view_count + 1, last_viewed_at = ? "
        "WHERE id = ? AND revoked_at IS NULL AND expires_at > ?",
        now,
        link_id,
        now,
    )
    return changed == 1


# --- what the story page shows --------------------------------------------------------------


async def patient_card(ex: Executor, patient_id: str) -> Row | None:
    return await ex.fetch_one(
        "SELECT p.given_name, p.family_name, p.birth_date, p.nhs_number, p.time_zone, "
        "o.name AS practice FROM patients p JOIN organisations o ON o.id = p.organisation_id "
        "WHERE p.id = ?",
        patient_id,
    )


async def newest_reading(ex: Executor, patient_id: str, reading_type: str) -> Row | None:
    return await ex.fetch_one(
        "SELECT reading_type, value, value2, unit, taken_at FROM readings "
        "WHERE patient_id = ? AND reading_type = ? AND deleted_at IS NULL "
        "ORDER BY taken_at DESC, id DESC LIMIT 1",
        patient_id,
        reading_type,
    )
