"""SQL for carers, delegations and capacity. No HTTP here."""

from __future__ import annotations

from typing import Any

from careplan.storage.db import Executor, Row

_DELEGATION = (
    "SELECT d.id, d.patient_id, d.carer_id, k.display_name AS carer_name, k.phone AS carer_phone, "
    "d.relationship, d.scopes, d.status, d.ends_on, d.ends_at, d.granted_by_kind, d.created_at, "
    "d.accepted_at, d.revoked_at, d.version "
    "FROM carer_delegations d JOIN carers k ON k.id = d.carer_id "
)
_HELPED = (
    "SELECT d.id, d.patient_id, p.given_name || ' ' || p.family_name AS patient_name, "
    "o.name AS practice, d.relationship, d.scopes, d.status, d.ends_on, d.ends_at, d.created_at "
    "FROM carer_delegations d JOIN patients p ON p.id = d.patient_id "
    "JOIN organisations o ON o.id = p.organisation_id "
)


async def carer_by_phone(ex: Executor, phone: str) -> Row | None:
    return await ex.fetch_one("SELECT id, display_name FROM carers WHERE phone = ?", phone)


async def insert_carer(ex: Executor, carer_id: str, phone: str, name: str, now: int) -> None:
    await ex.execute(
        "INSERT INTO carers (id, phone, display_name, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        carer_id,
        phone,
        name,
        now,
        now,
    )


async def insert_delegation(ex: Executor, values: dict[str, Any]) -> None:
    await ex.execute(
        "INSERT INTO carer_delegations (id, patient_id, carer_id, relationship, scopes, status, "
        "ends_on, ends_at, granted_by_kind, granted_by_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 'invited', ?, ?, ?, ?, ?, ?)",
        values["id"],
        values["patient_id"],
        values["carer_id"],
        values["relationship"],
        values["scopes"],
        values["ends_on"],
        values["ends_at"],
        values["granted_by_kind"],
        values["granted_by_id"],
        values["created_at"],
        values["created_at"],
    )


async def live_delegation_exists(ex: Executor, carer_id: str, patient_id: str) -> bool:
    found = await ex.fetch_value(
        "SELECT 1 FROM carer_delegations WHERE carer_id = ? AND patient_id = ? "
        "AND status IN ('invited', 'active')",
        carer_id,
        patient_id,
    )
    return found is not None


async def close_ended(
    ex: Executor, carer_id: str, patient_id: str, by: tuple[str, str], now: int
) -> None:
    """Close a live delegation of this carer and patient whose end date has passed, so a new
    invitation can take its place (it reads as expired: revoked after it ended)."""
    await ex.execute(
        "UPDATE carer_delegations SET status = 'revoked', revoked_at = ?, revoked_by_kind = ?, "
        "revoked_by_id = ?, updated_at = ?, version = version + 1 WHERE carer_id = ? "
        "AND patient_id = ? AND status IN ('invited', 'active') AND ends_at <= ?",
        now,
        *by,
        now,
        carer_id,
        patient_id,
        now,
    )


async def revoke(ex: Executor, delegation_id: str, by: tuple[str, str], now: int) -> bool:
    """End a live delegation whatever its version; False if it was not live."""
    changed = await ex.execute(
        "UPDATE carer_delegations SET status = 'revoked', revoked_at = ?, revoked_by_kind = ?, "
        "revoked_by_id = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND status IN ('invited', 'active')",
        now,
        *by,
        now,
        delegation_id,
    )
    return changed == 1


async def answer(ex: Executor, delegation_id: str, carer_id: str, accept: bool, now: int) -> bool:
    """Accept or decline a still-open invitation; False if it was revoked, ended or answered
    meanwhile (never turns a revoked delegation back on)."""
    changed = await ex.execute(
        "UPDATE carer_delegations SET status = ?, accepted_at = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND carer_id = ? AND status = 'invited' "
        "AND (ends_at IS NULL OR ends_at > ?)",
        "active" if accept else "declined",
        now if accept else None,
        now,
        delegation_id,
        carer_id,
        now,
    )
    return changed == 1


async def delegation(ex: Executor, delegation_id: str) -> Row | None:
    return await ex.fetch_one(_DELEGATION + "WHERE d.id = ?", delegation_id)


async def delegations_for_patient(ex: Executor, patient_id: str) -> list[Row]:
    return await ex.fetch_all(
        _DELEGATION + "WHERE d.patient_id = ? ORDER BY d.created_at DESC, d.id", patient_id
    )


async def update_delegation(
    ex: Executor, delegation_id: str, version: int, columns: dict[str, Any], now: int
) -> bool:
    """Compare-and-set on `version`; False when someone changed it first."""
    assignments = [f"{name} = ?" for name in columns] + ["updated_at = ?", "version = version + 1"]
    changed = await ex.execute(
        f"UPDATE carer_delegations SET {', '.join(assignments)} WHERE id = ? AND version = ?",
        *columns.values(),
        now,
        delegation_id,
        version,
    )
    return changed == 1


async def helped_by(ex: Executor, carer_id: str, now: int) -> list[Row]:
    """The carer's live delegations: invitations and accepted access not yet ended."""
    return await ex.fetch_all(
        _HELPED + "WHERE d.carer_id = ? AND d.status IN ('invited', 'active') "
        "AND (d.ends_at IS NULL OR d.ends_at > ?) ORDER BY p.family_name, p.given_name, d.id",
        carer_id,
        now,
    )


async def invitation_for(ex: Executor, delegation_id: str, carer_id: str) -> Row | None:
    return await ex.fetch_one(
        _HELPED + "WHERE d.id = ? AND d.carer_id = ?", delegation_id, carer_id
    )


async def carer_signs_in(ex: Executor, phone: str, now: int) -> str | None:
    """The carer id for a phone that has a live invitation or access; None otherwise."""
    return await ex.fetch_value(
        "SELECT k.id FROM carers k JOIN carer_delegations d ON d.carer_id = k.id "
        "WHERE k.phone = ? AND d.status IN ('invited', 'active') "
        "AND (d.ends_at IS NULL OR d.ends_at > ?) LIMIT 1",
        phone,
        now,
    )


async def capacity(ex: Executor, patient_id: str) -> Row | None:
    return await ex.fetch_one(
        "SELECT p.lacks_capacity, p.capacity_reason, p.capacity_recorded_at, "
        "c.display_name AS recorded_by FROM patients p "
        "LEFT JOIN clinicians c ON c.id = p.capacity_recorded_by WHERE p.id = ?",
        patient_id,
    )


async def set_capacity(
    ex: Executor, patient_id: str, lacks: bool, reason: str | None, clinician_id: str, now: int
) -> None:
    await ex.execute(
        "UPDATE patients SET lacks_capacity = ?, capacity_reason = ?, capacity_recorded_by = ?, "
        "capacity_recorded_at = ?, updated_at = ? WHERE id = ?",
        int(lacks),
        reason,
        clinician_id,
        now,
        now,
        patient_id,
    )
