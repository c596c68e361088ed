"""Careplan's webhook handlers believe only requests Twilio signed for the public URL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlencode

import httpx
import pytest
from twilio.request_validator import RequestValidator

from careplan.messaging import webhooks
from careplan.messaging.inbound import Received
from careplan.messaging.webhooks import (
    EMPTY_TWIML,
    INBOUND_SMS_PATH,
    STATUS_CALLBACK_PATH,
    StatusCallback,
)
from careplan.settings import Settings

PUBLIC_URL = "https://careplan.example.org"
INBOUND = {
    "MessageSid": "SM" + "1" * 32,
    "SmsSid": "SM" + "1" * 32,
    "AccountSid": "AC" + "0" * 32,
    "From": "+447700900101",
    "To": "+447700900000",
    "Body": "Feeling better",
    "NumMedia": "0",
    "NumSegments": "1",
    "ApiVersion": "2010-04-01",
    "FromCountry": "GB",
}
INTERNAL_URL = "http://10.0.0.5:8000"
STATUS = {
    "MessageSid": "SM" + "2" * 32,
    "MessageStatus": "undelivered",
    "ErrorCode": "30003",
    "AccountSid": "AC" + "0" * 32,
    "SmsStatus": "undelivered",
    "ApiVersion": "2010-04-01",
}


@pytest.fixture(scope="module")
def webhook_settings() -> Settings:
    return Settings.from_env(
        {
            "CAREPLAN_DEV_PHONE": "1",
            "CAREPLAN_PUBLIC_URL": PUBLIC_URL,
            "TWILIO_AUTH_TOKEN": "webhook-test-token",
        }
    )


@pytest.fixture
async def careplan(webhook_settings, make_webhooks_app) -> AsyncIterator[httpx.AsyncClient]:
    """Requests arrive on an internal address, as behind a reverse proxy."""
    transport = httpx.ASGITransport(app=make_webhooks_app(webhook_settings))
    async with httpx.AsyncClient(transport=transport, base_url=INTERNAL_URL) as client:
        yield client


@pytest.fixture
def seen(monkeypatch) -> list[object]:
    """What the handlers passed on to inbound handling and the receipt seam (the last
    argument: what was parsed)."""
    parsed: list[object] = []

    async def record(*args: object) -> None:
        parsed.append(args[-1])

    monkeypatch.setattr(webhooks, "receive_sms", record)
    monkeypatch.setattr(webhooks, "on_status_callback", record)
    return parsed


def signature(settings: Settings, path: str, params: dict[str, str]) -> str:
    return RequestValidator(settings.twilio.auth_token).compute_signature(PUBLIC_URL + path, params)


async def post(client, path: str, params: dict[str, str], signature_header: str | None):
    headers = {"content-type": "application/x-www-form-urlencoded"}
    if signature_header is not None:
        headers["X-Twilio-Signature"] = signature_header
    return await client.post(path, content=urlencode(params), headers=headers)


async def test_a_signed_inbound_text_is_answered_with_empty_twiml(careplan, webhook_settings, seen):
    answer = await post(
        careplan, INBOUND_SMS_PATH, INBOUND, signature(webhook_settings, INBOUND_SMS_PATH, INBOUND)
    )

    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/xml")
    assert answer.text == EMPTY_TWIML
    assert seen == [
        Received(
            message_sid=INBOUND["MessageSid"],
            phone="+447700900101",
            body="Feeling better",
            opt_out_type=None,
        )
    ]


async def test_a_signed_status_callback_reaches_the_receipt_seam(careplan, webhook_settings, seen):
    answer = await post(
        careplan,
        STATUS_CALLBACK_PATH,
        STATUS,
        signature(webhook_settings, STATUS_CALLBACK_PATH, STATUS),
    )

    assert (answer.status_code, answer.text) == (200, EMPTY_TWIML)
    assert seen == [
        StatusCallback(
            message_sid=STATUS["MessageSid"],
            message_status="undelivered",
            account_sid=STATUS["AccountSid"],
            error_code=30003,
        )
    ]


@pytest.mark.parametrize("path", [INBOUND_SMS_PATH, STATUS_CALLBACK_PATH])
async def test_a_missing_signature_is_403(careplan, path, seen):
    answer = await post(careplan, path, INBOUND, None)

    assert answer.status_code == 403
    assert "Missing X-Twilio-Signature" in answer.json()["detail"]
    assert seen == []


async def test_a_wrong_signature_is_403(careplan, seen):
    wrong = RequestValidator("someone-elses-token").compute_signature(
        PUBLIC_URL + INBOUND_SMS_PATH, INBOUND
    )

    answer = await post(careplan, INBOUND_SMS_PATH, INBOUND, wrong)

    assert answer.status_code == 403
    assert "does not match" in answer.json()["detail"]
    assert seen == []


async def test_a_tampered_body_is_403(careplan, webhook_settings, seen):
    signed = signature(webhook_settings, INBOUND_SMS_PATH, INBOUND)

    answer = await post(careplan, INBOUND_SMS_PATH, {**INBOUND, "Body": "Call me now"}, signed)

    assert answer.status_code == 403
    assert seen == []


async def test_a_signature_for_the_internal_address_is_403(careplan, webhook_settings, seen):
    """Only the public URL counts: a proxy's view of the request must not be trusted."""
    internal = RequestValidator(webhook_settings.twilio.auth_token).compute_signature(
        INTERNAL_URL + INBOUND_SMS_PATH, INBOUND
    )

    answer = await post(careplan, INBOUND_SMS_PATH, INBOUND, internal)

    assert answer.status_code == 403


async def test_a_signed_request_missing_required_fields_is_400(careplan, webhook_settings, seen):
    params = {"AccountSid": "AC" + "0" * 32, "Body": "no sid"}

    answer = await post(
        careplan, INBOUND_SMS_PATH, params, signature(webhook_settings, INBOUND_SMS_PATH, params)
    )

    assert answer.status_code == 400
    assert "MessageSid" in answer.json()["detail"]
    assert seen == []
