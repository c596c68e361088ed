"""Arranging check-ins for scheduler tests, and reading what reached the dev phone."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import httpx

from careplan.checkins.schedules_repo import pending_day, reschedule
from careplan.settings import DEV_ACCOUNT_SID, DEV_AUTH_TOKEN
from careplan.storage.db import Database, Executor


def token() -> str:
    """A word no other test's text contains: texts are counted by it on the shared phone."""
    return f"t{uuid.uuid4().hex[:10]}"


async def add_patient(db: Database, organisation_id: str, phone: str, now: int) -> str:
    """A patient of ORGANISATION with PHONE (several may share a number in these tests)."""
    patient_id = uuid.uuid4().hex
    nhs = str(9_000_000_000 + uuid.uuid4().int % 999_999_999)
    await db.execute(
        "INSERT INTO patients (id, organisation_id, given_name, family_name, birth_date, "
        "nhs_number, phone, preferred_language, time_zone, created_at, updated_at) "
        "VALUES (?, ?, 'Test', 'Patient', '1950-01-01', ?, ?, 'en', 'Europe/London', ?, ?)",
        patient_id,
        organisation_id,
        nhs,
        phone,
        now,
        now,
    )
    return patient_id


async def add_schedule(
    ex: Executor,
    patient_id: str,
    question: str,
    local_time: str,
    now: int,
    *,
    kind: str = "scale",
    options: str = '{"min": 0, "max": 10}',
    start_date: str = "2026-11-01",
) -> str:
    """A daily schedule at LOCAL_TIME, with next_due_at computed as the app computes it."""
    schedule_id = uuid.uuid4().hex
    await ex.execute(
        "INSERT INTO checkin_schedules (id, patient_id, kind, question, options, cadence, "
        "local_time, start_date, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 'daily', ?, ?, 'test', ?, ?)",
        schedule_id,
        patient_id,
        kind,
        question,
        options,
        local_time,
        start_date,
        now,
        now,
    )
    await reschedule(ex, schedule_id, now)
    return schedule_id


async def due_now(ex: Executor, schedule_id: str, due_at: int) -> None:
    """Make the schedule due at DUE_AT (as if its time had come while nothing ticked)."""
    await ex.execute(
        "UPDATE checkin_schedules SET next_due_at = ? WHERE id = ?", due_at, schedule_id
    )


async def set_quiet_hours(
    db: Database, patient_id: str, schedule_id: str, start: str, end: str, now: int
) -> None:
    """Change quiet hours as the app does: an occurrence already due keeps its instant (the
    tick must then hold its text back until the quiet hours end)."""
    async with db.transaction() as tx:
        pending = await pending_day(tx, schedule_id, now)
        await tx.execute(
            "INSERT INTO checkin_settings (patient_id, quiet_start, quiet_end, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (patient_id) DO UPDATE SET "
            "quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end",
            patient_id,
            start,
            end,
            now,
        )
        await reschedule(tx, schedule_id, now, pending)


async def texts_with(dev_phone: str, phone: str, word: str) -> list[dict]:
    """Texts the dev phone holds for PHONE whose body contains WORD, newest first."""
    url = (
        f"{dev_phone}/2010-04-01/Accounts/{DEV_ACCOUNT_SID}/Messages.json"
        f"?To={quote(phone)}&PageSize=1000"
    )
    async with httpx.AsyncClient(auth=(DEV_ACCOUNT_SID, DEV_AUTH_TOKEN)) as http:
        answer = await http.get(url)
    answer.raise_for_status()
    return [text for text in answer.json()["messages"] if word in text["body"]]
