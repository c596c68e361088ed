"""Delivering an accepted text: queued -> sent -> delivered, with Twilio's status callbacks.

Twilio sends no callback for the initial `queued` (the create answer says so), then one per
later status. The test number `UNDELIVERABLE_TEST_NUMBER` ends `undelivered` with an ErrorCode.

Delivery runs as a task of its own, not as the create request's background task: the server
finishes a request (and reads the next one on that connection) only when its background work
is done, so half a second of simulated delivery capped a connection at two texts a second.
Callbacks go through one aiohttp session per event loop: under load (thousands of texts a
second, or a callback URL nobody answers) httpx's pool spent milliseconds of CPU per callback
(measured 0.7-16 ms, growing with the number waiting); aiohttp about 0.4 ms.
"""

from __future__ import annotations

import asyncio
import logging
import weakref

import aiohttp

from careplan.devphone.errors import UNDELIVERABLE_TEST_NUMBER, UNDELIVERED_ERROR
from careplan.devphone.resources import API_VERSION
from careplan.devphone.signed_post import WEBHOOK_TIMEOUT_SECONDS
from careplan.devphone.state import DevPhone
from careplan.devphone.store import DevMessage
from careplan.messaging.signature import SIGNATURE_HEADER, sign

log = logging.getLogger(__name__)


_deliveries: set[asyncio.Task[None]] = set()
# One session per event loop: a session's connections belong to the loop that opened them.
_sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession] = (
    weakref.WeakKeyDictionary()
)


def start_delivery(phone: DevPhone, message: DevMessage) -> None:
    """Deliver MESSAGE in the background (the task is held until done, so it is not lost)."""
    task = asyncio.get_running_loop().create_task(deliver(phone, message))
    _deliveries.add(task)
    task.add_done_callback(_delivered)


def _delivered(task: asyncio.Task[None]) -> None:
    """Once a loop has nothing left to deliver, its session is closed (it is made again on
    the next text), so nothing is left open when the process or the test ends."""
    _deliveries.discard(task)
    loop = task.get_loop()
    session = _sessions.get(loop)
    idle = not any(other.get_loop() is loop for other in _deliveries)
    if session is not None and idle and not loop.is_closed():
        del _sessions[loop]
        closing = loop.create_task(session.close())
        _deliveries.add(closing)
        closing.add_done_callback(_deliveries.discard)


def _session() -> aiohttp.ClientSession:
    loop = asyncio.get_running_loop()
    session = _sessions.get(loop)
    if session is None or session.closed:
        timeout = aiohttp.ClientTimeout(total=WEBHOOK_TIMEOUT_SECONDS)
        session = _sessions[loop] = aiohttp.ClientSession(timeout=timeout)
    return session


async def deliver(phone: DevPhone, message: DevMessage) -> None:
    if message.to == UNDELIVERABLE_TEST_NUMBER:
        final = ("undelivered", *UNDELIVERED_ERROR)
    else:
        final = ("delivered", None, None)
    for status, error_code, error_message in (("sent", None, None), final):
        await asyncio.sleep(phone.status_step_seconds)
        message.advance(status, error_code=error_code, error_message=error_message)
        if message.status_callback:
            await _post_status_callback(phone, message, message.status_callback)


def status_callback_params(message: DevMessage) -> dict[str, str]:
    params = {
        "AccountSid": message.account_sid,
        "ApiVersion": API_VERSION,
        "From": message.from_,
        "MessageSid": message.sid,
        "MessageStatus": message.status,
        "SmsSid": message.sid,
        "SmsStatus": message.status,
        "To": message.to,
    }
    if message.messaging_service_sid:
        params["MessagingServiceSid"] = message.messaging_service_sid
    if message.error_code is not None:
        params["ErrorCode"] = str(message.error_code)
    return params


async def _post_status_callback(phone: DevPhone, message: DevMessage, url: str) -> None:
    """Posted as Twilio posts it: form-encoded, signed with the account's auth token."""
    params = status_callback_params(message)
    headers = {SIGNATURE_HEADER: sign(phone.settings.twilio.auth_token, url, params)}
    try:
        async with _session().post(url, data=params, headers=headers) as response:
            status = response.status
            await response.read()
    except (aiohttp.ClientError, TimeoutError) as exc:
        log.warning(
            "status callback not delivered",
            extra={"message_sid": message.sid, "error": type(exc).__name__},
        )
        return
    if status >= 400:
        log.warning(
            "status callback refused", extra={"message_sid": message.sid, "http_status": status}
        )
