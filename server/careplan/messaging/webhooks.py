"""Twilio's webhooks: an inbound text, and a status change of a text we sent.

Each request is believed only when its `X-Twilio-Signature` matches the configured public URL
plus the form parameters; anything else gets 403. Bodies are parsed leniently because Twilio
adds parameters over time. The answer is always empty TwiML: replies are sent separately.
"""

from __future__ import annotations

import logging
from typing import TypeVar

import msgspec
from litestar import Request, post
from litestar.exceptions import ClientException, PermissionDeniedException
from litestar.openapi import ResponseSpec

from careplan.clock import Clock
from careplan.dependencies import AppClock, AppSettings, Db, Sms
from careplan.messaging.inbound import Received, receive_sms
from careplan.messaging.receipts import record_status
from careplan.messaging.signature import SIGNATURE_HEADER, is_valid_signature, public_request_url
from careplan.settings import Settings
from careplan.storage.db import Database

log = logging.getLogger(__name__)

INBOUND_SMS_PATH = "/webhooks/twilio/sms"
STATUS_CALLBACK_PATH = "/webhooks/twilio/status"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
TWIML_MEDIA_TYPE = "text/xml"


class InboundSms(msgspec.Struct, rename="pascal", frozen=True):
    """A text a person sent us (the parameters we use; Twilio sends more)."""

    message_sid: str
    account_sid: str
    from_: str
    to: str
    body: str = ""
    num_media: int = 0
    num_segments: int = 1
    messaging_service_sid: str | None = None
    opt_out_type: str | None = None


class StatusCallback(msgspec.Struct, rename="pascal", frozen=True):
    """A status change of a text we sent (sent, delivered, undelivered, failed...)."""

    message_sid: str
    message_status: str
    account_sid: str
    error_code: int | None = None


async def on_status_callback(db: Database, clock: Clock, callback: StatusCallback) -> None:
    """A delivery receipt: kept once per (SID, status), applied forwards only (receipts.py)."""
    await record_status(
        db, clock, callback.message_sid, callback.message_status, callback.error_code
    )


_Parsed = TypeVar("_Parsed", InboundSms, StatusCallback)

_REJECTED = {403: ResponseSpec(None, description="Missing or invalid X-Twilio-Signature")}


async def _verified_form(request: Request, settings: Settings, shape: type[_Parsed]) -> _Parsed:
    """The request's form as `shape`, after checking Twilio signed exactly this request."""
    form = await request.form()
    signature = request.headers.get(SIGNATURE_HEADER)
    if not signature:
        log.warning("webhook without signature", extra={"path": request.url.path})
        raise PermissionDeniedException(detail=f"Missing {SIGNATURE_HEADER} header")
    url = public_request_url(settings.public_url, request.url.path, request.url.query)
    if not is_valid_signature(settings.twilio.auth_token, url, form, signature):
        log.warning("webhook signature rejected", extra={"path": request.url.path})
        raise PermissionDeniedException(
            detail=f"{SIGNATURE_HEADER} does not match this request for {url}"
        )
    # Twilio sends empty strings for absent values; dropping them lets the defaults apply.
    fields = {name: value for name, value in form.items() if value != ""}
    try:
        return msgspec.convert(fields, shape, strict=False)
    except msgspec.ValidationError as exc:
        raise ClientException(detail=f"Twilio webhook: {exc}") from None


@post(
    INBOUND_SMS_PATH,
    status_code=200,
    media_type=TWIML_MEDIA_TYPE,
    responses=_REJECTED,
    summary="Inbound SMS from Twilio",
)
async def inbound_sms_webhook(
    request: Request, db: Db, clock: AppClock, settings: AppSettings, sms: Sms
) -> str:
    text = await _verified_form(request, settings, InboundSms)
    await receive_sms(
        db,
        sms,
        settings,
        clock,
        Received(text.message_sid, text.from_, text.body, text.opt_out_type),
    )
    return EMPTY_TWIML


@post(
    STATUS_CALLBACK_PATH,
    status_code=200,
    media_type=TWIML_MEDIA_TYPE,
    responses=_REJECTED,
    summary="SMS status callback from Twilio",
)
async def status_callback_webhook(
    request: Request, db: Db, clock: AppClock, settings: AppSettings
) -> str:
    await on_status_callback(db, clock, await _verified_form(request, settings, StatusCallback))
    return EMPTY_TWIML


webhook_handlers = [inbound_sms_webhook, status_callback_webhook]
