"""SQL for reviews and the results shared before them. No HTTP here.

Every change to a review is a compare-and-set on `status = 'scheduled'`: PostgreSQL re-checks
the condition after waiting on a concurrent writer's row lock, so a result shared, or an agenda
written, at the moment the review is completed finds it completed rather than slipping in after.
"""

from __future__ import annotations

from typing import Any

from careplan.storage.db import Executor, Row

_REVIEW_COLUMNS = (
    "r.id, r.patient_id, r.clinician_id, r.scheduled_for, r.status, r.agenda, "
    "r.agenda_updated_at, r.agreed, r.next_review_date, r.completed_at, r.created_at, "
    "r.updated_at, c.display_name AS clinician_name, c.role AS clinician_role"
)


async def active_clinician_role(
    db: Executor, organisation_id: str, clinician_id: str
) -> str | None:
    return await db.fetch_value(
        "SELECT role FROM clinicians WHERE id = ? AND organisation_id = ? AND active = 1",
        clinician_id,
        organisation_id,
    )


async def hold_patient(db: Executor, patient_id: str) -> None:
    """Serialise scheduling for one patient until the transaction ends.

    No unique index says "one scheduled review per patient", so a no-op update takes the
    patient's row lock (PostgreSQL); SQLite's transactions already hold the write lock.
    """
    await db.execute("UPDATE patients SET updated_at = updated_at WHERE id = ?", patient_id)


async def scheduled_review_id(db: Executor, patient_id: str) -> str | None:
    return await db.fetch_value(
        "SELECT id FROM reviews WHERE patient_id = ? AND status = 'scheduled'", patient_id
    )


async def insert_review(db: Executor, row: dict[str, Any]) -> None:
    await db.execute(
        "INSERT INTO reviews (id, patient_id, clinician_id, scheduled_for, status, agenda, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, 'scheduled', ?, ?, ?)",
        row["id"],
        row["patient_id"],
        row["clinician_id"],
        row["scheduled_for"],
        row["agenda"],
        row["created_at"],
        row["created_at"],
    )


async def review(db: Executor, patient_id: str, review_id: str) -> Row | None:
    return await db.fetch_one(
        f"SELECT {_REVIEW_COLUMNS} FROM reviews r JOIN clinicians c ON c.id = r.clinician_id "
        "WHERE r.id = ? AND r.patient_id = ?",
        review_id,
        patient_id,
    )


async def reviews_for_patient(db: Executor, patient_id: str) -> list[Row]:
    """Newest first, each with how many results were shared before it."""
    return await db.fetch_all(
        f"SELECT {_REVIEW_COLUMNS}, (SELECT COUNT(*) FROM review_results x "
        "WHERE x.review_id = r.id) AS results_shared "
        "FROM reviews r JOIN clinicians c ON c.id = r.clinician_id "
        "WHERE r.patient_id = ? ORDER BY r.scheduled_for DESC, r.created_at DESC, r.id DESC",
        patient_id,
    )


async def results(db: Executor, review_id: str) -> list[Row]:
    return await db.fetch_all(
        "SELECT x.id, x.label, x.value, x.plain_note, x.shared_by, x.shared_at, "
        "c.display_name AS shared_by_name, c.role AS shared_by_role "
        "FROM review_results x LEFT JOIN clinicians c ON c.id = x.shared_by "
        "WHERE x.review_id = ? ORDER BY x.shared_at, x.id",
        review_id,
    )


async def touch_if_scheduled(db: Executor, patient_id: str, review_id: str, now_ms: int) -> bool:
    """Claim a scheduled review for a change in this transaction; False if it is not one."""
    changed = await db.execute(
        "UPDATE reviews SET updated_at = ? WHERE id = ? AND patient_id = ? "
        "AND status = 'scheduled'",
        now_ms,
        review_id,
        patient_id,
    )
    return changed == 1


async def insert_result(db: Executor, row: dict[str, Any]) -> None:
    await db.execute(
        "INSERT INTO review_results (id, review_id, patient_id, label, value, plain_note, "
        "shared_by, shared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        row["id"],
        row["review_id"],
        row["patient_id"],
        row["label"],
        row["value"],
        row["plain_note"],
        row["shared_by"],
        row["shared_at"],
    )


async def set_agenda_if_scheduled(
    db: Executor, patient_id: str, review_id: str, agenda_json: str, now_ms: int
) -> bool:
    changed = await db.execute(
        "UPDATE reviews SET agenda = ?, agenda_updated_at = ?, updated_at = ? "
        "WHERE id = ? AND patient_id = ? AND status = 'scheduled'",
        agenda_json,
        now_ms,
        now_ms,
        review_id,
        patient_id,
    )
    return changed == 1


async def complete_if_scheduled(
    db: Executor,
    patient_id: str,
    review_id: str,
    agreed: str,
    next_review_date: str,
    now_ms: int,
) -> bool:
    changed = await db.execute(
        "UPDATE reviews SET status = 'completed', agreed = ?, next_review_date = ?, "
        "completed_at = ?, updated_at = ? "
        "WHERE id = ? AND patient_id = ? AND status = 'scheduled'",
        agreed,
        next_review_date,
        now_ms,
        now_ms,
        review_id,
        patient_id,
    )
    return changed == 1
