"""Delivery receipts (Twilio status callbacks): idempotent, and never moving a text backwards.

Each (SID, status) is kept once in `message_receipts`; a repeat changes nothing. Receipts can
come out of order (delivered before sent) and can come before we have recorded the SID (the
provider is quicker than our write): a receipt for an unknown SID is kept, answered 200 and
logged, and applied when the SID is recorded. failed/undelivered carry an ErrorCode that is
handled like a refused send (21610 opt-out, 21211/21614 invalid number, otherwise the team
hears of a delivery failure).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from careplan.clock import Clock
from careplan.messaging import dispatch_repo as repo
from careplan.messaging.failures import Text, failed
from careplan.storage.db import Database, Executor, Row

log = logging.getLogger(__name__)

# How far along each status is; a receipt applies only if it moves the text forward.
# Final states (delivered, undelivered, failed) never change again.
_RANK = {"queued": 0, "sending": 1, "sent": 2, "delivered": 3, "undelivered": 3, "failed": 3}
_FAILED = frozenset({"undelivered", "failed"})


async def record_status(
    db: Database, clock: Clock, sid: str, status: str, error_code: int | None
) -> None:
    """Handle one status callback (already verified as Twilio's)."""
    now = clock.now_ms()
    async with db.transaction() as tx:
        if not await repo.store_receipt(tx, sid, status, error_code, now):
            log.info("duplicate sms status ignored", extra={"message_sid": sid, "status": status})
            return
        message = await repo.message_by_sid(tx, sid)
        if message is None:
            log.info("sms status for an unknown message", extra={"message_sid": sid})
            return
        await apply_status(tx, message, status, error_code, now)


async def apply_stored(tx: Executor, sids: Sequence[str], now: int) -> None:
    """Apply receipts that arrived before these SIDs were recorded."""
    for receipt in await repo.receipts_for(tx, sids):
        message = await repo.message_by_sid(tx, receipt["provider_sid"])
        if message is not None:
            await apply_status(tx, message, receipt["status"], receipt["error_code"], now)


async def apply_status(
    tx: Executor, message: Row, status: str, error_code: int | None, now: int
) -> None:
    current = message["status"]
    if status not in _RANK or _RANK[status] <= _RANK.get(current, _RANK["delivered"]):
        log.info(
            "sms status not applied",
            extra={"message_id": message["id"], "status": status, "current": current},
        )
        return
    if status in _FAILED:
        text = Text(
            message["id"],
            message["patient_id"],
            message["phone"],
            message["purpose"],
            message["checkin_id"],
        )
        await failed(tx, text, status, error_code, now)
        return
    await repo.set_final_status(tx, message["id"], status, None, now)
