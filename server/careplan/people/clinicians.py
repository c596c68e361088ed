"""Creating clinician accounts (the CLI's create-clinician)."""

from __future__ import annotations

import uuid

from careplan.auth.passwords import MIN_LENGTH, hash_password
from careplan.clock import Clock
from careplan.people import repo
from careplan.people.actor import ClinicianRole
from careplan.storage.db import Database, UniqueViolation


class ClinicianError(ValueError):
    """The account cannot be created as asked; the message says why."""


async def create_clinician(
    db: Database,
    clock: Clock,
    *,
    email: str,
    name: str,
    role: str,
    password: str,
    organisation_name: str | None,
) -> str:
    email = email.strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise ClinicianError(f"--email: {email!r} is not an email address")
    if not name.strip():
        raise ClinicianError("--name: must not be empty")
    if role not in set(ClinicianRole):
        raise ClinicianError(f"--role: must be one of {', '.join(ClinicianRole)}")
    if len(password) < MIN_LENGTH:
        raise ClinicianError(f"password: must be at least {MIN_LENGTH} characters")
    organisation_id = await _organisation_id(db, organisation_name)
    clinician_id = uuid.uuid4().hex
    try:
        await repo.insert_clinician(
            db,
            {
                "id": clinician_id,
                "organisation_id": organisation_id,
                "email": email,
                "display_name": name.strip(),
                "role": role,
                "password_hash": hash_password(password),
                "created_at": clock.now_ms(),
            },
        )
    except UniqueViolation:
        raise ClinicianError(f"--email: a clinician with {email} already exists") from None
    return clinician_id


async def _organisation_id(db: Database, name: str | None) -> str:
    if name is not None:
        row = await repo.organisation_by_name(db, name)
        if row is None:
            raise ClinicianError(f"--organisation: no practice named {name!r}")
        return row["id"]
    rows = await db.fetch_all("SELECT id FROM organisations LIMIT 2")
    if len(rows) != 1:
        raise ClinicianError("--organisation: name the practice (there is not exactly one)")
    return rows[0]["id"]
