"""Delivering an accepted text: queued -> sent -> delivered, with Twilio's status callbacks.

Twilio sends no callback for the initial `queued` (the create answer says so), then one per
later status. The test number `UNDELIVERABLE_TEST_NUMBER` ends `undelivered` with an ErrorCode.
"""

from __future__ import annotations

import asyncio
import logging

import httpx

from careplan.devphone.errors import UNDELIVERABLE_TEST_NUMBER, UNDELIVERED_ERROR
from careplan.devphone.resources import API_VERSION
from careplan.devphone.signed_post import WEBHOOK_TIMEOUT_SECONDS, post_signed_form
from careplan.devphone.state import DevPhone
from careplan.devphone.store import DevMessage

log = logging.getLogger(__name__)


async def deliver(phone: DevPhone, message: DevMessage) -> None:
    if message.to == UNDELIVERABLE_TEST_NUMBER:
        final = ("undelivered", *UNDELIVERED_ERROR)
    else:
        final = ("delivered", None, None)
    async with httpx.AsyncClient(timeout=WEBHOOK_TIMEOUT_SECONDS) as http:
        for status, error_code, error_message in (("sent", None, None), final):
            await asyncio.sleep(phone.status_step_seconds)
            message.advance(status, error_code=error_code, error_message=error_message)
            if message.status_callback:
                await _post_status_callback(http, phone, message, message.status_callback)


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


async def _post_status_callback(
    http: httpx.AsyncClient, phone: DevPhone, message: DevMessage, url: str
) -> None:
    try:
        response = await post_signed_form(
            http, phone.settings.twilio.auth_token, url, status_callback_params(message)
        )
    except httpx.HTTPError as exc:
        log.warning(
            "status callback not delivered",
            extra={"message_sid": message.sid, "error": type(exc).__name__},
        )
        return
    if response.is_error:
        log.warning(
            "status callback refused",
            extra={"message_sid": message.sid, "http_status": response.status_code},
        )
