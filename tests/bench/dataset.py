"""The bench data set: one practice, its clinicians, 10,000 patients, and ready sessions.

Written straight to the database with executemany (seconds, not minutes), after the real
migrations, so the server under test runs on exactly the schema it ships with. Sessions are
inserted directly because the sign-in endpoints are rate limited, as they should be.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

from careplan.auth.passwords import hash_password
from careplan.auth.tokens import hash_session_token, new_session_token
from careplan.storage.db import Database, connect
from careplan.storage.migrate import migrate

PATIENTS = 10_000
CLINICIANS = 20
PATIENT_SESSIONS = 32
CLINICIAN_SESSIONS = 4
SESSION_HOURS = 12
_ROLES = ["gp", "nurse", "care_coordinator", "pharmacist", "health_coach"]


def nhs_numbers() -> Iterator[str]:
    """Valid test NHS numbers (999 prefix, Modulus 11 check digit), in order."""
    for serial in range(999_000_000, 1_000_000_000):
        stem = str(serial)
        check = 11 - sum(int(d) * w for d, w in zip(stem, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            yield f"{stem}{check}"


async def build_dataset(database_url: str) -> list[str]:
    """Migrate DATABASE_URL, fill it, and return the session tokens (patients first)."""
    db = await connect(database_url)
    try:
        await migrate(db)
        return await _fill(db, int(time.time() * 1000))
    finally:
        await db.close()


async def _fill(db: Database, now: int) -> list[str]:
    organisation_id = uuid.uuid4().hex
    password_hash = hash_password(uuid.uuid4().hex)  # nobody signs in with it
    clinicians = [
        (
            uuid.uuid4().hex,
            organisation_id,
            f"clinician{i}@bench.example",
            f"Clinician {i}",
            _ROLES[i % len(_ROLES)],
            password_hash,
            now,
            now,
        )
        for i in range(CLINICIANS)
    ]
    numbers = nhs_numbers()
    patients = [
        (
            uuid.uuid4().hex,
            organisation_id,
            f"Given{i}",
            f"Family{i}",
            "1950-05-17",
            next(numbers),
            f"+447700900{i % 1000:03d}",
            "en",
            "Europe/London",
            now,
            now,
        )
        for i in range(PATIENTS)
    ]
    care_team = [
        (patient[0], clinicians[i % CLINICIANS][0], "named_clinician", now)
        for i, patient in enumerate(patients)
    ]
    signed_in = [("patient", p[0]) for p in patients[:PATIENT_SESSIONS]]
    signed_in += [("clinician", c[0]) for c in clinicians[:CLINICIAN_SESSIONS]]
    tokens = [new_session_token() for _ in signed_in]
    sessions = [
        (hash_session_token(token), kind, user_id, now, now, now + SESSION_HOURS * 3_600_000)
        for token, (kind, user_id) in zip(tokens, signed_in, strict=True)
    ]
    async with db.transaction() as tx:
        await tx.execute(
            "INSERT INTO organisations (id, name, time_zone, sms_sender, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            organisation_id,
            "Bench Practice",
            "Europe/London",
            None,
            now,
        )
        await tx.executemany(
            "INSERT INTO clinicians (id, organisation_id, email, display_name, role, "
            "password_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
            clinicians,
        )
        await tx.executemany(
            "INSERT INTO patients (id, organisation_id, given_name, family_name, birth_date, "
            "nhs_number, phone, preferred_language, time_zone, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            patients,
        )
        await tx.executemany(
            "INSERT INTO care_team_members (patient_id, clinician_id, team_role, added_at) "
            "VALUES (?, ?, ?, ?)",
            care_team,
        )
        await tx.executemany(
            "INSERT INTO sessions (token_hash, user_kind, user_id, created_at, last_seen_at, "
            "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            sessions,
        )
    return tokens
