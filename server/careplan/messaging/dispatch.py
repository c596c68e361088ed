"""Sending queued texts: claim with a lease, check, hand to the provider, record (ADR 0013).

1. Claim a batch (one transaction): queued texts whose time has come, and texts whose
   sender's lease ran out. In the same transaction, at the moment of sending: an expired
   text expires, an opted-out or invalid number is skipped (so is a check-in or reminder for
   a carer who can no longer answer for the patient), a check-in or reminder in the
   patient's quiet hours is deferred; every other text gets its attempt row BEFORE it goes.
2. A claimed text whose earlier attempt never recorded an outcome is reconciled with the
   provider's list before anything is sent again (`reconcile.py`).
3. Send, paced by the process's rate limit, a few at a time.
4. Record (one transaction): SIDs, attempt outcomes, check-ins sent; refusals are handled
   by type (`failures.py`); receipts that beat the record are applied.
A crash anywhere loses nothing: before 4, the lease runs out and step 2 finds what went.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from careplan.checkins.carer_recipients import CARER_ACCESS_ENDED, tell_team_withheld, withheld
from careplan.checkins.outcomes import (
    CHECKIN_PURPOSE,
    REMINDER_PURPOSE,
    mark_not_texted,
    mark_sent,
)
from careplan.checkins.sending_window import quiet_until, windows
from careplan.clock import Clock
from careplan.faults import AFTER_CLAIM, AFTER_SEND, crash_here
from careplan.messaging import dispatch_repo as repo
from careplan.messaging.failures import after_send_error
from careplan.messaging.phone_status import statuses
from careplan.messaging.rate_limit import process_limiter
from careplan.messaging.receipts import apply_stored
from careplan.messaging.reconcile import Claimed, reconcile
from careplan.messaging.sms.provider import SentSms, SmsProvider, SmsSendError
from careplan.messaging.webhooks import STATUS_CALLBACK_PATH
from careplan.settings import Settings
from careplan.storage.db import Database, Row

log = logging.getLogger(__name__)

BATCH = 200
CONCURRENCY = 32  # texts in flight at once per process (the rate limit paces them)
DEFAULT_LIMIT = 10_000
# Texts that must not arrive in the night. Replies to what a person just wrote (the safety
# net, answers to HELP, a clinician's reply) go at once.
QUIET_PURPOSES = frozenset({CHECKIN_PURPOSE, REMINDER_PURPOSE})
# The one text an opted-out number still gets: the confirmation of its own STOP.
TO_OPTED_OUT = frozenset({"opt_out_confirm"})


@dataclass(slots=True)
class _Batch:
    claimed: int = 0
    to_send: list[Claimed] = field(default_factory=list)
    unfinished: list[Claimed] = field(default_factory=list)


async def dispatch_queued(
    db: Database,
    sms: SmsProvider,
    settings: Settings,
    clock: Clock,
    worker_id: str,
    limit: int = DEFAULT_LIMIT,
) -> int:
    """Send what is due, batch by batch; the number of texts the provider now holds."""
    sent = handled = 0
    while handled < limit:
        batch = await _claim(db, settings, clock.now_ms(), worker_id, min(BATCH, limit - handled))
        if batch.claimed == 0:
            break
        handled += batch.claimed
        crash_here(settings, AFTER_CLAIM)
        sent += await _reconcile_all(db, sms, settings, clock, batch.unfinished)
        sent += await _send_all(db, sms, settings, clock, worker_id, batch.to_send)
    return sent


async def send_message(
    db: Database, sms: SmsProvider, settings: Settings, clock: Clock, message_id: str
) -> None:
    """Send one queued text now (a safety-net or clinician reply), with every check a
    dispatched text gets. If it is not sendable now it stays for the scheduler."""
    worker_id = f"send-now:{uuid.uuid4().hex[:12]}"
    batch = await _claim(db, settings, clock.now_ms(), worker_id, 1, message_id)
    await _reconcile_all(db, sms, settings, clock, batch.unfinished)
    await _send_all(db, sms, settings, clock, worker_id, batch.to_send)


async def _claim(
    db: Database,
    settings: Settings,
    now: int,
    worker_id: str,
    limit: int,
    message_id: str | None = None,
) -> _Batch:
    lease_until = now + settings.lease_seconds * 1000
    async with db.transaction() as tx:
        rows = await repo.claim_sendable(
            tx,
            db.dialect,
            now=now,
            worker_id=worker_id,
            lease_until=lease_until,
            limit=limit,
            message_id=message_id,
        )
        if not rows:
            return _Batch()
        unfinished = await repo.open_attempts(tx, [row["id"] for row in rows])
        fresh = [row for row in rows if row["id"] not in unfinished]
        numbers = await statuses(tx, [row["phone"] for row in fresh])
        ended = await withheld(tx, fresh, now)  # a carer who can no longer answer
        quiet = await windows(
            tx, [row["patient_id"] for row in fresh if row["purpose"] in QUIET_PURPOSES]
        )
        batch = _Batch(claimed=len(rows))
        closed: list[tuple[str, str, int, str]] = []
        deferred: list[tuple[int, None, int, str]] = []
        attempts: list[tuple[str, str, int, int]] = []
        for row in fresh:
            refusal = _refusal(row, numbers.get(row["phone"]), now)
            if refusal is None and row["id"] in ended:
                refusal = ("skipped", CARER_ACCESS_ENDED)
                await tell_team_withheld(tx, row, now)
            if refusal is not None:
                closed.append((*refusal, now, row["id"]))
                if row["purpose"] == CHECKIN_PURPOSE and row["checkin_id"]:
                    await mark_not_texted(tx, row["checkin_id"], *refusal, now)
                log.info(
                    "sms not sent",
                    extra={"message_id": row["id"], "status": refusal[0], "reason": refusal[1]},
                )
                continue
            window = quiet.get(row["patient_id"]) if row["purpose"] in QUIET_PURPOSES else None
            until = None if window is None else quiet_until(now, window)
            if until is not None:
                expires_at = row["expires_at"]
                deferred.append(
                    (until if expires_at is None else min(until, expires_at), None, now, row["id"])
                )
                log.info("sms deferred: quiet hours", extra={"message_id": row["id"]})
                continue
            attempt = row["attempts"] + 1
            attempts.append((uuid.uuid4().hex, row["id"], attempt, now))
            batch.to_send.append(_claimed(row, attempt, now))
        await repo.close_unsent(tx, closed)
        await repo.requeue(tx, deferred)
        await repo.start_attempts(tx, attempts)
    batch.unfinished = [
        _claimed(row, unfinished[row["id"]]["attempt"], unfinished[row["id"]]["started_at"])
        for row in rows
        if row["id"] in unfinished
    ]
    return batch


def _refusal(row: Row, number: Row | None, now: int) -> tuple[str, str] | None:
    """(status, reason) when the text must not go at all, else None."""
    if row["expires_at"] is not None and row["expires_at"] <= now:
        return "expired", "window_passed"
    if number is not None and number["opted_out"] and row["purpose"] not in TO_OPTED_OUT:
        return "skipped", "opted_out"
    if number is not None and number["invalid_at"] is not None:
        return "skipped", "invalid_number"
    return None


def _claimed(row: Row, attempt: int, started_at: int) -> Claimed:
    return Claimed(
        id=row["id"],
        patient_id=row["patient_id"],
        phone=row["phone"],
        body=row["body"],
        purpose=row["purpose"],
        checkin_id=row["checkin_id"],
        attempt=attempt,
        started_at=started_at,
    )


async def _reconcile_all(
    db: Database, sms: SmsProvider, settings: Settings, clock: Clock, texts: Sequence[Claimed]
) -> int:
    found = 0
    for text in texts:
        found += await reconcile(db, sms, settings, clock, text) == "reconciled"
    return found


async def _send_all(
    db: Database,
    sms: SmsProvider,
    settings: Settings,
    clock: Clock,
    worker_id: str,
    texts: Sequence[Claimed],
) -> int:
    if not texts:
        return 0
    limiter = process_limiter(settings.sms_per_second)
    callback = settings.public_url + STATUS_CALLBACK_PATH
    gate = asyncio.Semaphore(CONCURRENCY)

    async def send(text: Claimed) -> SentSms | SmsSendError:
        async with gate:
            await limiter.wait()
            try:
                sent = await sms.send(text.phone, text.body, status_callback=callback)
            except SmsSendError as error:
                return error
            crash_here(settings, AFTER_SEND)
            return sent

    results = await asyncio.gather(*(send(text) for text in texts), return_exceptions=True)
    outcomes: list[tuple[Claimed, SentSms | SmsSendError]] = []
    for text, result in zip(texts, results, strict=True):
        if isinstance(result, SentSms | SmsSendError):
            outcomes.append((text, result))
        elif isinstance(result, Exception):
            # Unknown whether it went: left claimed, reconciled when the lease runs out.
            log.error(
                "sms send raised; left for reconciling",
                extra={"message_id": text.id, "error": type(result).__name__},
            )
        else:
            raise result
    return await _record(db, settings, clock.now_ms(), worker_id, outcomes)


async def _record(
    db: Database,
    settings: Settings,
    now: int,
    worker_id: str,
    outcomes: Sequence[tuple[Claimed, SentSms | SmsSendError]],
) -> int:
    accepted = [(text, sent) for text, sent in outcomes if isinstance(sent, SentSms)]
    refused = [(text, error) for text, error in outcomes if isinstance(error, SmsSendError)]
    reminder_at = now + settings.reminder_minutes * 60_000
    async with db.transaction() as tx:
        await repo.record_sent(tx, [(sent.sid, now, text.id, worker_id) for text, sent in accepted])
        await repo.finish_attempts(
            tx,
            [
                (now, "accepted", sent.sid, None, None, text.id, text.attempt)
                for text, sent in accepted
            ],
        )
        await mark_sent(
            tx,
            [
                (now, reminder_at, now, text.checkin_id)
                for text, _ in accepted
                if text.purpose == CHECKIN_PURPOSE and text.checkin_id
            ],
        )
        for text, error in refused:
            await after_send_error(tx, text.text(), text.attempt, error, now)
        await apply_stored(tx, [sent.sid for _, sent in accepted], now)
    return len(accepted)
