"""The people every bench data set starts from: one practice, its clinicians, its patients,
each with a named clinician, and ready sessions.

Written straight to the database by `tests.bench.bulk` (seconds, not minutes), after the real
migrations. Sessions are inserted directly because the sign-in endpoints are rate limited, as
they should be. `build_dataset` is the `GET /api/me` case's data set: 10,000 patients.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tests.bench.bulk import Table, load

from careplan.auth.passwords import hash_password
from careplan.auth.tokens import hash_session_token, new_session_token

PATIENTS = 10_000
CLINICIANS = 20
PATIENT_SESSIONS = 32
CLINICIAN_SESSIONS = 4
SESSION_HOURS = 12
TIME_ZONE = "Europe/London"
_ROLES = ["gp", "nurse", "care_coordinator", "pharmacist", "health_coach"]


@dataclass(frozen=True, slots=True)
class Session:
    token: str  # what the browser holds; the database keeps only its hash
    user_id: str


@dataclass(frozen=True, slots=True)
class People:
    patient_ids: list[str]
    sessions: list[Session]  # the patients' first, then the clinicians'
    tables: list[Table]


def now_ms() -> int:
    return int(time.time() * 1000)


def nhs_numbers() -> Iterator[str]:
    """Valid test NHS numbers (999 prefix, Modulus 11 check digit), in order."""
    for serial in range(999_000_000, 1_000_000_000):
        stem = str(serial)
        check = 11 - sum(int(d) * w for d, w in zip(stem, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            yield f"{stem}{check}"


def build_dataset(database_url: str) -> list[str]:
    """Migrate DATABASE_URL, fill it, and return the session tokens (patients first)."""
    crowd = people(PATIENTS, now_ms(), range(PATIENT_SESSIONS), CLINICIAN_SESSIONS)
    load(database_url, crowd.tables)
    return [session.token for session in crowd.sessions]


def people(
    patient_count: int, now: int, signed_in_patients: Iterable[int], signed_in_clinicians: int
) -> People:
    """PATIENT_COUNT patients; sessions for the patients at those positions and the first
    SIGNED_IN_CLINICIANS clinicians."""
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
            1,
            now,
            now,
        )
        for i in range(CLINICIANS)
    ]
    clinician_ids = [clinician[0] for clinician in clinicians]
    patient_ids = [uuid.uuid4().hex for _ in range(patient_count)]
    numbers = nhs_numbers()
    patients = (
        (
            patient_id,
            organisation_id,
            f"Given{i}",
            f"Family{i}",
            "1950-05-17",
            next(numbers),
            f"+447700900{i % 1000:03d}",
            "en",
            TIME_ZONE,
            now,
            now,
        )
        for i, patient_id in enumerate(patient_ids)
    )
    care_team = (
        (patient_id, clinician_ids[i % CLINICIANS], "named_clinician", now)
        for i, patient_id in enumerate(patient_ids)
    )
    signed_in = [("patient", patient_ids[i]) for i in signed_in_patients]
    signed_in += [("clinician", user_id) for user_id in clinician_ids[:signed_in_clinicians]]
    sessions = [Session(new_session_token(), user_id) for _, user_id in signed_in]
    session_rows = [
        (hash_session_token(s.token), kind, s.user_id, now, now, now + SESSION_HOURS * 3_600_000)
        for s, (kind, _) in zip(sessions, signed_in, strict=True)
    ]
    tables = [
        Table(
            "organisations",
            ("id", "name", "time_zone", "sms_sender", "created_at"),
            [(organisation_id, "Bench Practice", TIME_ZONE, None, now)],
        ),
        Table(
            "clinicians",
            (
                "id",
                "organisation_id",
                "email",
                "display_name",
                "role",
                "password_hash",
                "active",
                "created_at",
                "updated_at",
            ),
            clinicians,
        ),
        Table(
            "patients",
            (
                "id",
                "organisation_id",
                "given_name",
                "family_name",
                "birth_date",
                "nhs_number",
                "phone",
                "preferred_language",
                "time_zone",
                "created_at",
                "updated_at",
            ),
            patients,
        ),
        Table(
            "care_team_members", ("patient_id", "clinician_id", "team_role", "added_at"), care_team
        ),
        Table(
            "sessions",
            ("token_hash", "user_kind", "user_id", "created_at", "last_seen_at", "expires_at"),
            session_rows,
        ),
    ]
    return People(patient_ids, sessions, tables)
