"""Before sending a text again after a crash, ask the provider whether it already went.

A text whose attempt started but never recorded an outcome (the worker died between handing
it over and writing the SID, or before handing it over) is looked up in the provider's
Messages list, filtered by `To` and `DateSent` (and, since a text the provider still queues
has no DateSent yet, its newest texts to `To` not sent): a text with the same body to the
same number, whose SID we have not recorded for another message, is this one. Found: its
SID is recorded (attempt outcome 'reconciled') and nothing is sent. Not found: the attempt
is closed and the text goes back in the queue, where the usual checks (expiry, opt-out,
quiet hours) apply again. When the provider cannot be asked, nothing is resent: the question
is asked again later, because a duplicate check-in is worse than a late one that expires.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from careplan.checkins.outcomes import CHECKIN_PURPOSE, mark_sent
from careplan.clock import Clock
from careplan.messaging import dispatch_repo as repo
from careplan.messaging.failures import Text
from careplan.messaging.receipts import apply_status, apply_stored
from careplan.messaging.retry import backoff_ms
from careplan.messaging.sms.provider import ListedSms, SmsProvider, SmsSendError
from careplan.settings import Settings
from careplan.storage.db import Database

log = logging.getLogger(__name__)

# Our clock and the provider's may disagree a little; look from a bit before the attempt.
CLOCK_SKEW_MS = 10 * 60_000


@dataclass(frozen=True, slots=True)
class Claimed:
    """A text claimed for sending, with its current attempt (which may be unfinished)."""

    id: str
    patient_id: str | None
    phone: str
    body: str
    purpose: str
    checkin_id: str | None
    attempt: int
    started_at: int

    def text(self) -> Text:
        return Text(self.id, self.patient_id, self.phone, self.purpose, self.checkin_id)


async def reconcile(
    db: Database, sms: SmsProvider, settings: Settings, clock: Clock, text: Claimed
) -> str:
    """'reconciled', 'requeued' or 'postponed' (the provider could not be asked)."""
    try:
        listed = await sms.sent_to(text.phone, text.started_at - CLOCK_SKEW_MS)
    except SmsSendError as error:
        now = clock.now_ms()
        async with db.transaction() as tx:
            await repo.postpone_reconcile(tx, text.id, now + backoff_ms(1), now)
        log.warning(
            "sms not reconciled: provider not reachable",
            extra={"message_id": text.id, "reason": error.reason},
        )
        return "postponed"
    now = clock.now_ms()
    async with db.transaction() as tx:
        known = await repo.known_sids(tx, [entry.sid for entry in listed])
        found = _oldest_match(listed, text.body, known)
        if found is None:
            await repo.finish_attempts(
                tx, [(now, "retry", None, None, "not_at_provider", text.id, text.attempt)]
            )
            await repo.requeue(tx, [(now, None, now, text.id)])
            log.info("sms not found at the provider: queued again", extra={"message_id": text.id})
            return "requeued"
        await repo.record_reconciled(tx, text.id, found.sid, now)
        await repo.finish_attempts(
            tx, [(now, "reconciled", found.sid, None, None, text.id, text.attempt)]
        )
        if text.purpose == CHECKIN_PURPOSE and text.checkin_id:
            await mark_sent(
                tx, [(now, now + settings.reminder_minutes * 60_000, now, text.checkin_id)]
            )
        message = await repo.message_by_sid(tx, found.sid)
        assert message is not None  # recorded just now
        await apply_status(tx, message, found.status, found.error_code, now)
        await apply_stored(tx, [found.sid], now)
    log.info("sms found at the provider: not sent again", extra={"message_id": text.id})
    return "reconciled"


def _oldest_match(listed: list[ListedSms], body: str, known: set[str]) -> ListedSms | None:
    """The list is newest first; the oldest unrecorded text with our body is ours."""
    for entry in reversed(listed):
        if entry.body == body and entry.sid not in known:
            return entry
    return None
