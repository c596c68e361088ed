"""Sending a Web Push notification to a patient's installed app(s).

`push_to_patient` is what senders call (whether to push first and text later is the caller's
decision). Every call signs with a fresh VAPID claims dict (pywebpush fills in `aud` and
`exp` in place, so a shared dict would carry one endpoint's audience to the next), sets a TTL
(a push service drops a notification it cannot deliver in time rather than delivering it days
late), and deletes subscriptions the push service says are gone (404, 410).
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache

import aiohttp
from py_vapid import Vapid, Vapid01
from pywebpush import WebPushException, webpush_async

from careplan.clock import Clock, SystemClock
from careplan.messaging import push_repo
from careplan.settings import PushSettings, Settings
from careplan.storage.db import Database, Row

log = logging.getLogger(__name__)

PUSH_TTL_S = 4 * 3600  # a check-in window is at most a day; most are hours
PUSH_TIMEOUT_S = 10
GONE = frozenset({404, 410})


async def push_to_patient(
    db: Database,
    settings: Settings,
    patient_id: str,
    title: str,
    body: str,
    url: str,
    *,
    clock: Clock | None = None,
) -> bool:
    """True if at least one of the patient's subscriptions accepted the notification; False
    when push is off, there is no subscription, or none accepted it."""
    push = settings.push
    if push is None:
        return False
    subscriptions = await push_repo.for_patient(db, patient_id)
    if not subscriptions:
        return False
    payload = json.dumps({"title": title, "body": body, "url": url})
    now = (clock or SystemClock()).now_ms()
    accepted = False
    async with aiohttp.ClientSession() as session:
        for subscription in subscriptions:
            if await _send(db, push, session, subscription, payload):
                await push_repo.mark_success(db, subscription["id"], now)
                accepted = True
    return accepted


async def _send(
    db: Database, push: PushSettings, session: aiohttp.ClientSession, row: Row, payload: str
) -> bool:
    subscription = {
        "endpoint": row["endpoint"],
        "keys": {"p256dh": row["p256dh"], "auth": row["auth"]},
    }
    try:
        await webpush_async(
            subscription_info=subscription,
            data=payload,
            vapid_private_key=_signer(push.private_key),
            vapid_claims={"sub": push.subject},  # fresh per call: pywebpush writes into it
            ttl=PUSH_TTL_S,
            timeout=PUSH_TIMEOUT_S,  # None would mean no timeout at all to aiohttp
            aiohttp_session=session,
        )
    except WebPushException as exc:
        status = exc.status_code
        if status in GONE:
            await push_repo.delete_by_id(db, row["id"])
            log.info("push subscription gone; removed", extra={"subscription": row["id"]})
        else:
            log.warning("push refused", extra={"subscription": row["id"], "status": status})
        return False
    except (aiohttp.ClientError, TimeoutError) as exc:
        log.warning(
            "push service unreachable",
            extra={"subscription": row["id"], "reason": type(exc).__name__},
        )
        return False
    return True


@lru_cache(maxsize=4)
def _signer(private_key: str) -> Vapid01:
    """The VAPID key, parsed once (pywebpush would parse the string on every send)."""
    return Vapid.from_string(private_key=private_key)
