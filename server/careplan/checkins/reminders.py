"""Non-response: one reminder after a while, then a task for the team.

A check-in sent and not answered by `reminder_due_at` gets one reminder text (status
'reminded'); still unanswered after as long again, it becomes 'unanswered' with a routine
'non_response' item. Replies are matched to a check-in only inside its window, so nothing
waits past it: a reminder that could not go before the window ends is not sent, and the
team hears at the window's end at the latest. A reminder due in the patient's quiet hours
waits for the morning (and the team's item with it). A check-in sent to a carer is reminded
on the carer's phone while they may still answer; otherwise the team hears at once
(`carer_recipients.py`).
"""

from __future__ import annotations

import logging

import msgspec

from careplan.checkins.carer_recipients import reminders_readdressed
from careplan.checkins.outcomes import REMINDER_PURPOSE
from careplan.checkins.prompts import reminder_text
from careplan.checkins.sending_window import Window, quiet_until, windows
from careplan.inbox.items import ROUTINE, open_item
from careplan.messaging.outbox import queue_text
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row
from careplan.storage.leases import claim

log = logging.getLogger(__name__)

BATCH = 200
NON_RESPONSE_SUMMARY = "No answer to a check-in, after one reminder: {question}"
QUESTION_SHOWN = 80


async def follow_up(db: Database, settings: Settings, now: int, limit: int) -> tuple[int, int]:
    """Send due reminders and open due non-response items; (reminded, unanswered)."""
    reminded = unanswered = 0
    while reminded + unanswered < limit:
        async with db.transaction() as tx:
            # Claimed and handled in one transaction: the claim only needs to lock the rows.
            claimed = await claim(
                tx,
                db.dialect,
                table="checkins",
                pick="status IN ('sent', 'reminded') AND reminder_due_at <= ?",
                pick_args=(now,),
                order_by="reminder_due_at",
                limit=min(BATCH, limit - reminded - unanswered),
                assign="updated_at = ?",
                assign_args=(now,),
                returning="id",
            )
            rows = await _details(tx, [row["id"] for row in claimed])
            rows = await reminders_readdressed(tx, rows, now)  # a carer's phone
            quiet = await windows(tx, [row["patient_id"] for row in rows])
            for row in rows:
                outcome = await _follow_up_one(tx, settings, row, quiet[row["patient_id"]], now)
                reminded += outcome == "reminded"
                unanswered += outcome == "unanswered"
        if len(claimed) < BATCH:
            break
    return reminded, unanswered


async def _follow_up_one(
    tx: Executor, settings: Settings, row: Row, window: Window, now: int
) -> str:
    if row["status"] == "reminded" or row["window_ends_at"] <= now:
        await _unanswered(tx, row, now)
        return "unanswered"
    morning = quiet_until(now, window)
    if morning is not None:
        # At the window's end nothing is reminded: the team hears instead.
        await _set(tx, row["id"], "sent", min(morning, row["window_ends_at"]), now)
        log.info("check-in reminder deferred: quiet hours", extra={"checkin_id": row["id"]})
        return "deferred"
    delay = settings.reminder_minutes * 60_000
    follow_up_at = min(now + delay, row["window_ends_at"])
    options = msgspec.json.decode(row["options"] or "{}")
    await queue_text(
        tx,
        patient_id=row["patient_id"],
        phone=row["phone"],
        body=reminder_text(row["kind"], row["question"], options, row["practice"], row["about"]),
        purpose=REMINDER_PURPOSE,
        now=now,
        expires_at=follow_up_at,
        checkin_id=row["id"],
    )
    await _set(tx, row["id"], "reminded", follow_up_at, now)
    return "reminded"


async def _unanswered(tx: Executor, row: Row, now: int) -> None:
    await tx.execute(
        "UPDATE checkins SET status = 'unanswered', reminder_due_at = NULL, updated_at = ? "
        "WHERE id = ?",
        now,
        row["id"],
    )
    question = row["question"]
    if len(question) > QUESTION_SHOWN:
        question = question[: QUESTION_SHOWN - 1] + "…"
    await open_item(
        tx,
        patient_id=row["patient_id"],
        kind="non_response",
        urgency=ROUTINE,
        summary=NON_RESPONSE_SUMMARY.format(question=question),
        now=now,
        checkin_id=row["id"],
    )
    log.info("check-in unanswered", extra={"checkin_id": row["id"]})


async def _set(tx: Executor, checkin_id: str, status: str, due_at: int, now: int) -> None:
    await tx.execute(
        "UPDATE checkins SET status = ?, reminder_due_at = ?, updated_at = ? WHERE id = ?",
        status,
        due_at,
        now,
        checkin_id,
    )


async def _details(tx: Executor, checkin_ids: list[str]) -> list[Row]:
    if not checkin_ids:
        return []
    marks = ", ".join("?" for _ in checkin_ids)
    return await tx.fetch_all(
        "SELECT c.id, c.patient_id, c.status, c.window_ends_at, s.kind, s.question, s.options, "
        "p.phone, o.name AS practice FROM checkins c "
        "JOIN checkin_schedules s ON s.id = c.schedule_id "
        "JOIN patients p ON p.id = c.patient_id JOIN organisations o ON o.id = p.organisation_id "
        f"WHERE c.id IN ({marks})",
        *checkin_ids,
    )
