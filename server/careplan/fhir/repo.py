"""SQL for the export: the rows of one patient's whole record that no other module reads in
this shape (the plan, goals, actions and care team come from careplans.service.whole_plan).
Each query reads one table range by patient; no HTTP here."""

from __future__ import annotations

from collections.abc import Sequence

from careplan.storage.db import Executor, Row


async def patient(db: Executor, patient_id: str) -> Row | None:
    return await db.fetch_one(
        "SELECT p.id, p.given_name, p.family_name, p.birth_date, p.nhs_number, p.phone, "
        "p.preferred_language, p.time_zone, p.organisation_id, o.name AS practice "
        "FROM patients p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ?",
        patient_id,
    )


async def readings(db: Executor, patient_id: str) -> list[Row]:
    """Every live reading, oldest first."""
    return await db.fetch_all(
        "SELECT id, reading_type, value, value2, unit, taken_at, note, actor_kind, actor_id, "
        "created_at FROM readings WHERE patient_id = ? AND deleted_at IS NULL "
        "ORDER BY taken_at, id",
        patient_id,
    )


async def messages(db: Executor, patient_id: str) -> list[Row]:
    """The whole thread, oldest first. `to_carer` names the carer an outbound text went to
    (a check-in the patient chose to have texted to a carer's phone)."""
    return await db.fetch_all(
        "SELECT m.id, m.direction, m.channel, m.body, m.status, m.skip_reason, m.author_kind, "
        "m.author_id, m.checkin_id, m.purpose, m.created_at, k.id AS to_carer "
        "FROM messages m JOIN patients p ON p.id = m.patient_id "
        "LEFT JOIN carers k ON m.direction = 'outbound' AND k.phone = m.phone "
        "AND m.phone <> p.phone WHERE m.patient_id = ? ORDER BY m.created_at, m.id",
        patient_id,
    )


async def delegations(db: Executor, patient_id: str) -> list[Row]:
    """Every carer access ever granted, oldest first, with the carer."""
    return await db.fetch_all(
        "SELECT d.id, d.carer_id, k.display_name AS carer_name, k.phone AS carer_phone, "
        "k.preferred_language AS carer_language, d.relationship, d.scopes, d.status, "
        "d.ends_on, d.ends_at, d.granted_by_kind, d.granted_by_id, d.created_at, "
        "d.accepted_at, d.revoked_at FROM carer_delegations d "
        "JOIN carers k ON k.id = d.carer_id WHERE d.patient_id = ? ORDER BY d.created_at, d.id",
        patient_id,
    )


async def clinicians(db: Executor, ids: Sequence[str]) -> list[Row]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return await db.fetch_all(
        f"SELECT id, display_name, role, active FROM clinicians WHERE id IN ({marks})", *ids
    )


async def carers(db: Executor, ids: Sequence[str]) -> list[Row]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return await db.fetch_all(f"SELECT id, display_name FROM carers WHERE id IN ({marks})", *ids)
