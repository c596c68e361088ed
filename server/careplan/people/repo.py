"""SQL for organisations, clinicians, patients and care teams. No HTTP here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from careplan.storage.db import Executor, Row

_PATIENT_COLUMNS = (
    "id, organisation_id, given_name, family_name, birth_date, nhs_number, phone, "
    "preferred_language, time_zone, created_at, updated_at"
)
PATIENT_FIELDS = _PATIENT_COLUMNS.split(", ")


async def organisation(db: Executor, organisation_id: str) -> Row | None:
    return await db.fetch_one("SELECT * FROM organisations WHERE id = ?", organisation_id)


async def insert_organisation(db: Executor, row: dict[str, Any]) -> None:
    await db.execute(
        "INSERT INTO organisations (id, name, time_zone, sms_sender, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        row["id"],
        row["name"],
        row["time_zone"],
        row["sms_sender"],
        row["created_at"],
    )


async def organisation_by_name(db: Executor, name: str) -> Row | None:
    return await db.fetch_one("SELECT * FROM organisations WHERE name = ?", name)


async def insert_clinician(db: Executor, row: dict[str, Any]) -> None:
    await db.execute(
        "INSERT INTO clinicians (id, organisation_id, email, display_name, role, password_hash, "
        "active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
        row["id"],
        row["organisation_id"],
        row["email"],
        row["display_name"],
        row["role"],
        row["password_hash"],
        row["created_at"],
        row["created_at"],
    )


async def clinician_by_email(db: Executor, email: str) -> Row | None:
    return await db.fetch_one("SELECT * FROM clinicians WHERE email = ?", email)


async def clinicians_in_organisation(
    db: Executor, organisation_id: str, ids: Sequence[str]
) -> set[str]:
    """Which of these ids are active clinicians of the organisation."""
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    rows = await db.fetch_all(
        f"SELECT id FROM clinicians WHERE organisation_id = ? AND active = 1 AND id IN ({marks})",
        organisation_id,
        *ids,
    )
    return {row["id"] for row in rows}


async def list_clinicians(db: Executor, organisation_id: str) -> list[Row]:
    return await db.fetch_all(
        "SELECT id, display_name, role FROM clinicians WHERE organisation_id = ? AND active = 1 "
        "ORDER BY display_name",
        organisation_id,
    )


async def insert_patient(db: Executor, row: dict[str, Any]) -> None:
    marks = ", ".join("?" for _ in PATIENT_FIELDS)
    await db.execute(
        f"INSERT INTO patients ({_PATIENT_COLUMNS}) VALUES ({marks})",
        *(row[name] for name in PATIENT_FIELDS),
    )


async def patient(db: Executor, patient_id: str) -> Row | None:
    return await db.fetch_one(f"SELECT {_PATIENT_COLUMNS} FROM patients WHERE id = ?", patient_id)


async def patient_time_zone(db: Executor, patient_id: str) -> str | None:
    return await db.fetch_value("SELECT time_zone FROM patients WHERE id = ?", patient_id)


async def patient_by_nhs_number(db: Executor, organisation_id: str, nhs_number: str) -> Row | None:
    return await db.fetch_one(
        "SELECT id FROM patients WHERE organisation_id = ? AND nhs_number = ?",
        organisation_id,
        nhs_number,
    )


async def patient_ids_by_phone(db: Executor, phone: str) -> list[str]:
    rows = await db.fetch_all("SELECT id FROM patients WHERE phone = ? ORDER BY created_at", phone)
    return [row["id"] for row in rows]


async def update_patient(db: Executor, patient_id: str, changes: dict[str, Any]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in changes)
    await db.execute(
        f"UPDATE patients SET {assignments} WHERE id = ?",
        *changes.values(),
        patient_id,
    )


async def list_patients(
    db: Executor, organisation_id: str | None, patient_id: str | None, limit: int, offset: int
) -> tuple[list[Row], int]:
    where = "organisation_id = ?" if organisation_id is not None else "id = ?"
    key = organisation_id if organisation_id is not None else patient_id
    rows = await db.fetch_all(
        f"SELECT id, given_name, family_name, birth_date, nhs_number FROM patients "
        f"WHERE {where} ORDER BY family_name, given_name, id LIMIT ? OFFSET ?",
        key,
        limit,
        offset,
    )
    total = await db.fetch_value(f"SELECT COUNT(*) FROM patients WHERE {where}", key)
    return rows, int(total)


async def care_team(db: Executor, patient_id: str) -> list[Row]:
    return await db.fetch_all(
        "SELECT t.clinician_id, c.display_name, c.role, t.team_role FROM care_team_members t "
        "JOIN clinicians c ON c.id = t.clinician_id WHERE t.patient_id = ? "
        "ORDER BY CASE t.team_role WHEN 'named_clinician' THEN 0 "
        "WHEN 'care_coordinator' THEN 1 ELSE 2 END, c.display_name",
        patient_id,
    )


async def replace_care_team(
    db: Executor, patient_id: str, members: list[tuple[str, str]], now_ms: int
) -> None:
    await db.execute("DELETE FROM care_team_members WHERE patient_id = ?", patient_id)
    await db.executemany(
        "INSERT INTO care_team_members (patient_id, clinician_id, team_role, added_at) "
        "VALUES (?, ?, ?, ?)",
        [(patient_id, clinician_id, team_role, now_ms) for clinician_id, team_role in members],
    )
