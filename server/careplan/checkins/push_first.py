"""Push first, text if not opened (ADR 0014).

A check-in goes to the patient's installed app first when push is configured, the patient
(in their settings) or the schedule chose `push_then_sms`, a device of theirs is subscribed,
and it is not their quiet hours. Its text is queued in the claiming transaction like any
check-in's, but held until CAREPLAN_PUSH_FALLBACK_MINUTES later; the notification goes only
after that transaction commits (no network I/O while holding the writer).
- A device accepted it: the check-in is `sent` (answerable in the app; its reminder counted
  from when the text would go), and the text stays held.
- No device accepted it (or pushing failed): the text is released and goes at once.
- Opened in the app (`POST .../checkins/seen`) or answered before the hold ends: the held
  text is skipped with the reason. Otherwise it goes when the hold ends, through every check
  a text gets (expiry, opt-out, quiet hours).
A crash between the commit and the push loses nothing: the held text goes when its hold ends.
The claim is made once, so a tick run twice never notifies twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from careplan.audit.service import record as record_audit
from careplan.checkins import push_first_repo as repo
from careplan.checkins.outcomes import mark_sent
from careplan.checkins.schedule_schemas import CheckinsSeen
from careplan.checkins.sending_window import quiet_until, windows
from careplan.clock import Clock
from careplan.messaging.outbox import SystemText
from careplan.messaging.push import push_to_patient
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row

log = logging.getLogger(__name__)

MESSAGES_URL = "/#/messages"  # the app's Messages screen, where the check-in is answered
CONCURRENCY = 16  # notifications in flight at once per process
OPENED_IN_APP = "opened_in_app"
ANSWERED = "answered"


@dataclass(frozen=True, slots=True)
class Notification:
    """A check-in to push once its claim has committed."""

    checkin_id: str
    patient_id: str
    message_id: str
    title: str
    body: str
    window_ends_at: int


async def hold_texts(
    tx: Executor, settings: Settings, questions: Sequence[Row], texts: list[SystemText], now: int
) -> tuple[list[SystemText], list[Notification]]:
    """In the claiming transaction: TEXTS with those of check-ins going by push first held
    back, and the notifications to send after commit. QUESTIONS are the texts' check-ins."""
    if settings.push is None:
        return texts, []
    live = [text.checkin_id for text in texts if text.expires_at is None or text.expires_at > now]
    chosen = await repo.push_first(tx, live)
    if not chosen:
        return texts, []
    quiet = await windows(tx, [text.patient_id for text in texts if text.checkin_id in chosen])
    # A notification never wakes anyone: in quiet hours the text waits for the morning instead.
    chosen = {
        text.checkin_id
        for text in texts
        if text.checkin_id in chosen and quiet_until(now, quiet[text.patient_id]) is None
    }
    by_id = {row["id"]: row for row in questions}
    hold_until = now + settings.push_fallback_minutes * 60_000
    held: list[SystemText] = []
    notifications: list[Notification] = []
    for text in texts:
        if text.checkin_id not in chosen:
            held.append(text)
            continue
        held.append(replace(text, send_after=hold_until))
        notifications.append(_notification(by_id[text.checkin_id], text.message_id))
    return held, notifications


def _notification(question: Row, message_id: str) -> Notification:
    """Shown on the patient's own device: the practice and the question, no answer hints
    (the app shows how to answer)."""
    practice = question["practice"]
    return Notification(
        checkin_id=question["id"],
        patient_id=question["patient_id"],
        message_id=message_id,
        title=f"Check-in from {practice}" if practice else "Check-in",
        body=f"{' '.join(str(question['question']).split())} Tap to answer.",
        window_ends_at=question["window_ends_at"],
    )


async def notify(
    db: Database, settings: Settings, clock: Clock, notifications: Sequence[Notification]
) -> int:
    """After the claims committed: push each check-in, then record what happened in one
    transaction. How many a device accepted."""
    if not notifications:
        return 0
    gate = asyncio.Semaphore(CONCURRENCY)

    async def push(notification: Notification) -> bool:
        async with gate:
            try:
                return await push_to_patient(
                    db,
                    settings,
                    notification.patient_id,
                    notification.title,
                    notification.body,
                    MESSAGES_URL,
                    clock=clock,
                )
            except Exception:
                # Whether it arrived is unknown: the text goes now, so the question is asked.
                log.exception("push failed; texting now", extra=_ids(notification))
                return False

    accepted = await asyncio.gather(*(push(notification) for notification in notifications))
    now = clock.now_ms()
    follow_up_ms = (settings.push_fallback_minutes + settings.reminder_minutes) * 60_000
    async with db.transaction() as tx:
        await mark_sent(
            tx,
            [
                (now, min(now + follow_up_ms, n.window_ends_at), now, n.checkin_id)
                for n, ok in zip(notifications, accepted, strict=True)
                if ok
            ],
        )
        await repo.release(
            tx,
            [
                (now, now, n.message_id)
                for n, ok in zip(notifications, accepted, strict=True)
                if not ok
            ],
        )
    for notification, ok in zip(notifications, accepted, strict=True):
        outcome = "check-in pushed; text held" if ok else "check-in not pushed; texting now"
        log.info(outcome, extra=_ids(notification))
    return sum(accepted)


async def mark_seen(
    db: Database, clock: Clock, actor: Actor, patient_id: str, checkin_ids: Sequence[str]
) -> CheckinsSeen:
    """The patient has these open check-ins in front of them in the app: their held texts
    are not sent. Only the ones shown: a check-in pushed since the app read the thread is
    still texted unless it is opened too."""
    actor = await authorise(db, actor, patient_id, Action.SEE_CHECKINS)
    now = clock.now_ms()
    async with db.transaction() as tx:
        skipped = await repo.skip_held(tx, patient_id, sorted(set(checkin_ids)), OPENED_IN_APP, now)
        await record_audit(tx, clock, actor, "checkin.seen", [patient_id], "checkin")
    if skipped:
        log.info("held check-in texts skipped", extra={"reason": OPENED_IN_APP, "count": skipped})
    return CheckinsSeen(texts_not_sent=skipped)


async def answered(tx: Executor, checkin_id: str, now: int) -> None:
    """An answered check-in's held text is not sent (in the answer's transaction)."""
    if await repo.skip_held_for_checkin(tx, checkin_id, ANSWERED, now):
        log.info("held check-in text skipped", extra={"checkin_id": checkin_id, "reason": ANSWERED})


def _ids(notification: Notification) -> dict[str, str]:
    return {"checkin_id": notification.checkin_id, "message_id": notification.message_id}
