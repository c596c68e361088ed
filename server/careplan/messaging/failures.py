"""What a text that did not go (or did not arrive) does: to the number, the check-in, the team.

One place for both paths: a send the provider refused (a typed `SmsSendError`) and a receipt
that says failed/undelivered with an ErrorCode. 21610 marks the number opted out; 21211 and
21614 flag it invalid for the team; anything else permanent is a delivery failure the team
sees. Retryable errors come back with backoff until the attempts run out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from careplan.checkins.outcomes import CHECKIN_PURPOSE, mark_closed
from careplan.inbox.items import ROUTINE, open_item
from careplan.messaging import dispatch_repo as repo
from careplan.messaging.phone_status import mark_invalid, mark_opted_out_by_provider
from careplan.messaging.retry import backoff_ms, should_retry
from careplan.messaging.sms.provider import (
    INVALID_NUMBER_CODES,
    OPTED_OUT_CODES,
    SmsSendError,
)
from careplan.storage.db import Executor

log = logging.getLogger(__name__)

OPTED_OUT = "opted_out"
INVALID_NUMBER = "invalid_number"
DELIVERY_FAILURE = "delivery_failure"

_SUMMARIES = {
    OPTED_OUT: "Texts to this patient's phone are blocked: the number opted out with the "
    "network (Twilio 21610). Check-ins stop until they text START.",
    INVALID_NUMBER: "The phone number on record cannot get texts (Twilio {code}). Check the "
    "number with the patient; texts to it have stopped.",
    DELIVERY_FAILURE: "A text to this patient could not be delivered (error {code}). They may "
    "not have seen a check-in or a reply.",
}


@dataclass(frozen=True, slots=True)
class Text:
    """The parts of an outbound message a failure needs."""

    id: str
    patient_id: str | None
    phone: str
    purpose: str
    checkin_id: str | None


def kind_of(code: int | None) -> str:
    if code in OPTED_OUT_CODES:
        return OPTED_OUT
    if code in INVALID_NUMBER_CODES:
        return INVALID_NUMBER
    return DELIVERY_FAILURE


async def after_send_error(
    tx: Executor, text: Text, attempt: int, error: SmsSendError, now: int
) -> bool:
    """Record a refused send; True when it will be retried."""
    retry = not error.permanent and should_retry(attempt)
    outcome = "retry" if retry else "failed"
    await repo.finish_attempts(
        tx, [(now, outcome, None, error.code, error.reason, text.id, attempt)]
    )
    if retry:
        await repo.requeue(tx, [(now + backoff_ms(attempt), error.code, now, text.id)])
        log.info(
            "sms will be retried",
            extra={"message_id": text.id, "attempt": attempt, "reason": error.reason},
        )
        return True
    await failed(tx, text, "failed", error.code, now)
    return False


async def failed(tx: Executor, text: Text, status: str, code: int | None, now: int) -> None:
    """The text is failed/undelivered for good: the number, the check-in and the team learn."""
    kind = kind_of(code)
    await repo.set_final_status(tx, text.id, status, code, now)
    news = True
    if kind == OPTED_OUT:
        news = await mark_opted_out_by_provider(tx, text.phone, now)
    elif kind == INVALID_NUMBER:
        news = await mark_invalid(tx, text.phone, code, now)
    if text.purpose == CHECKIN_PURPOSE and text.checkin_id:
        await mark_closed(tx, text.checkin_id, "skipped", kind, now)
    log.warning(
        "sms failed", extra={"message_id": text.id, "status": status, "reason": kind, "code": code}
    )
    if text.patient_id is not None and news:
        await open_item(
            tx,
            patient_id=text.patient_id,
            kind=kind,
            urgency=ROUTINE,
            summary=_SUMMARIES[kind].format(code=code if code is not None else "unknown"),
            now=now,
            message_id=text.id,
            checkin_id=text.checkin_id,
        )
