"""The tick's claims on check-ins: make due occurrences, then queue their texts.

Materialising is idempotent: (schedule_id, due_at) is unique and the schedule row is locked
(PostgreSQL: FOR UPDATE SKIP LOCKED, re-checking next_due_at; SQLite: the transaction holds
the write lock) while its occurrence is written and `next_due_at` advanced, so two workers
never make an occurrence twice or skip one. Queueing claims due check-ins with a lease and,
in the same transaction, writes each one's text (the outbox) or, when its window has passed,
expires it with an 'expired' text in the thread, so a missed check-in is visible. A check-in
going to the patient's app first has its text held (`push_first.py`); one going to a carer's
phone is addressed to it, or skipped if the carer can no longer answer (`carer_recipients.py`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

import msgspec

from careplan.checkins.carer_recipients import readdressed
from careplan.checkins.outcomes import CHECKIN_PURPOSE
from careplan.checkins.prompts import checkin_text
from careplan.checkins.push_first import Notification, hold_texts
from careplan.checkins.schedules_repo import advance_schedule, due_schedules
from careplan.messaging.outbox import SystemText, queue_system_texts
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row
from careplan.storage.leases import claim, lock_clause

log = logging.getLogger(__name__)

BATCH = 200


async def materialise(db: Database, settings: Settings, now: int, limit: int) -> tuple[int, int]:
    """Occurrences due by NOW become check-ins; (made due, made skipped because paused)."""
    window_ms = settings.checkin_window_minutes * 60_000
    made = paused = 0
    while made + paused < limit:
        async with db.transaction() as tx:
            schedules = await due_schedules(tx, now, min(BATCH, limit - made - paused))
            held = 0
            for schedule in schedules:
                if not await _hold(tx, db.dialect, schedule):
                    continue  # another worker has it
                held += 1
                status = "skipped" if _paused(schedule, now) else "due"
                await _insert_occurrence(tx, schedule, status, window_ms, now)
                await advance_schedule(tx, schedule["id"], schedule["next_due_at"])
                made += status == "due"
                paused += status == "skipped"
        if held == 0:  # nothing (left) that this worker may take
            break
    return made, paused


async def _hold(tx: Executor, dialect: str, schedule: Row) -> bool:
    held = await tx.fetch_value(
        "SELECT id FROM checkin_schedules WHERE id = ? AND next_due_at = ?" + lock_clause(dialect),
        schedule["id"],
        schedule["next_due_at"],
    )
    return held is not None


def _paused(schedule: Row, now: int) -> bool:
    return any(
        until is not None and until > now
        for until in (schedule["paused_until"], schedule["patient_paused_until"])
    )


async def _insert_occurrence(
    tx: Executor, schedule: Row, status: str, window_ms: int, now: int
) -> None:
    due_at = schedule["next_due_at"]
    await tx.execute(
        "INSERT INTO checkins (id, schedule_id, patient_id, due_at, window_ends_at, status, "
        "skip_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (schedule_id, due_at) DO NOTHING",
        uuid.uuid4().hex,
        schedule["id"],
        schedule["patient_id"],
        due_at,
        due_at + window_ms,
        status,
        "paused" if status == "skipped" else None,
        now,
        now,
    )
    if status == "skipped":
        log.info("check-in skipped", extra={"schedule_id": schedule["id"], "reason": "paused"})


async def queue_due(
    db: Database, settings: Settings, now: int, worker_id: str, limit: int
) -> tuple[int, int, list[Notification]]:
    """Claim due check-ins and queue their texts; (queued, expired, the app notifications to
    send once this has committed: their texts are held, `checkins/push_first.py`)."""
    queued = expired = 0
    notifications: list[Notification] = []
    while queued + expired < limit:
        async with db.transaction() as tx:
            claimed = await claim(
                tx,
                db.dialect,
                table="checkins",
                pick="status = 'due' AND due_at <= ?",
                pick_args=(now,),
                order_by="due_at",
                limit=min(BATCH, limit - queued - expired),
                assign="status = 'claimed', claimed_by = ?, lease_until = ?, updated_at = ?",
                assign_args=(worker_id, now + settings.lease_seconds * 1000, now),
                returning="id",
            )
            questions = await _questions(tx, [r["id"] for r in claimed])
            questions = await readdressed(tx, questions, now)  # a carer's, or skipped
            texts = [_text(checkin) for checkin in questions]
            late = [
                text for text in texts if text.expires_at is not None and text.expires_at <= now
            ]
            texts, pushes = await hold_texts(tx, settings, questions, texts, now)
            await queue_system_texts(tx, texts, now)
            await tx.executemany(
                "UPDATE checkins SET message_id = ? WHERE id = ?",
                [(text.message_id, text.checkin_id) for text in texts],
            )
            for text in late:
                await _expire(tx, text, now)
            queued += len(texts) - len(late)
            expired += len(late)
        notifications += pushes
        if len(claimed) < BATCH:
            break
    return queued, expired, notifications


async def _questions(tx: Executor, checkin_ids: Sequence[str]) -> list[Row]:
    if not checkin_ids:
        return []
    marks = ", ".join("?" for _ in checkin_ids)
    return await tx.fetch_all(
        "SELECT c.id, c.patient_id, c.window_ends_at, s.kind, s.question, s.options, p.phone, "
        "o.name AS practice FROM checkins c JOIN checkin_schedules s ON s.id = c.schedule_id "
        "JOIN patients p ON p.id = c.patient_id JOIN organisations o ON o.id = p.organisation_id "
        f"WHERE c.id IN ({marks})",
        *checkin_ids,
    )


def _text(checkin: Row) -> SystemText:
    options = msgspec.json.decode(checkin["options"] or "{}")
    return SystemText(
        message_id=uuid.uuid4().hex,
        patient_id=checkin["patient_id"],
        phone=checkin["phone"],
        body=checkin_text(
            checkin["kind"],
            checkin["question"],
            options,
            checkin["practice"],
            checkin.get("about"),
        ),
        purpose=CHECKIN_PURPOSE,
        checkin_id=checkin["id"],
        expires_at=checkin["window_ends_at"],
    )


async def _expire(tx: Executor, text: SystemText, now: int) -> None:
    """The question's window passed before it could go: shown in the thread as expired."""
    await tx.execute(
        "UPDATE messages SET status = 'expired', skip_reason = 'window_passed', "
        "next_attempt_at = NULL WHERE id = ?",
        text.message_id,
    )
    await tx.execute(
        "UPDATE checkins SET status = 'expired', skip_reason = 'window_passed', "
        "claimed_by = NULL, lease_until = NULL, updated_at = ? WHERE id = ?",
        now,
        text.checkin_id,
    )
    log.info("check-in expired", extra={"checkin_id": text.checkin_id, "reason": "window_passed"})
