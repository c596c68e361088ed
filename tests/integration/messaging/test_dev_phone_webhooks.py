"""The dev phone posts Twilio's webhooks, signed, and Careplan's handlers accept them."""

from __future__ import annotations

import asyncio

import httpx
from twilio.request_validator import RequestValidator

from careplan.messaging.webhooks import INBOUND_SMS_PATH, STATUS_CALLBACK_PATH
from careplan.settings import DEV_FROM_NUMBER


async def wait_until_delivered(twilio_client, sid: str) -> None:
    async with asyncio.timeout(5):
        while (await twilio_client.messages(sid).fetch_async()).status != "delivered":  # noqa: ASYNC110
            await asyncio.sleep(0.05)


def signed_by_twilio(settings, url: str, webhook) -> bool:
    return RequestValidator(settings.twilio.auth_token).validate(
        url, webhook.params, webhook.signature
    )


async def test_status_callbacks_arrive_signed_for_sent_then_delivered(
    provider, receiver, settings, new_number
):
    callback_url = f"{settings.public_url}{STATUS_CALLBACK_PATH}?attempt=7"

    sent = await provider.send(
        new_number(), "Your review is on Tuesday", status_callback=callback_url
    )

    callbacks = await receiver.wait_for(lambda hook: hook.params.get("MessageSid") == sent.sid, 2)
    assert [hook.params["MessageStatus"] for hook in callbacks] == ["sent", "delivered"]
    for hook in callbacks:
        assert signed_by_twilio(settings, callback_url, hook)
        assert hook.careplan_status == 200
        assert hook.params["SmsStatus"] == hook.params["MessageStatus"]
        assert hook.params["AccountSid"] == settings.twilio.account_sid
        assert hook.params["ApiVersion"] == "2010-04-01"
        assert "ErrorCode" not in hook.params


async def test_an_undeliverable_text_reports_its_error_code(provider, receiver, settings):
    callback_url = f"{settings.public_url}{STATUS_CALLBACK_PATH}"

    sent = await provider.send("+15005550030", "hello", status_callback=callback_url)

    callbacks = await receiver.wait_for(lambda hook: hook.params.get("MessageSid") == sent.sid, 2)
    assert [(hook.params["MessageStatus"], hook.params.get("ErrorCode")) for hook in callbacks] == [
        ("sent", None),
        ("undelivered", "30003"),
    ]
    assert all(hook.careplan_status == 200 for hook in callbacks)


async def test_a_text_without_a_status_callback_still_advances(
    provider, twilio_client, receiver, new_number
):
    sent = await provider.send(new_number(), "hello")

    await wait_until_delivered(twilio_client, sent.sid)

    # The `sent` callback would have been posted before the status moved on.
    assert not receiver.matching(lambda hook: hook.params.get("MessageSid") == sent.sid)


async def test_a_phone_reply_posts_a_signed_inbound_webhook(
    dev_phone_url, receiver, settings, twilio_client, new_number
):
    phone = new_number()

    async with httpx.AsyncClient() as http:
        answer = await http.post(
            f"{dev_phone_url}/api/reply", json={"from": phone, "body": "Feeling much better"}
        )

    assert answer.status_code == 200
    assert answer.json()["webhook_status"] == 200
    sid = answer.json()["sid"]
    [hook] = receiver.matching(lambda hook: hook.params.get("MessageSid") == sid)
    assert hook.path == INBOUND_SMS_PATH
    assert signed_by_twilio(settings, f"{settings.public_url}{INBOUND_SMS_PATH}", hook)
    assert {name: hook.params[name] for name in ("From", "To", "Body", "NumMedia", "SmsSid")} == {
        "From": phone,
        "To": DEV_FROM_NUMBER,
        "Body": "Feeling much better",
        "NumMedia": "0",
        "SmsSid": sid,
    }
    [listed] = await twilio_client.messages.list_async(from_=phone)
    assert (listed.sid, listed.direction, listed.status) == (sid, "inbound", "received")


async def test_a_reply_from_a_malformed_number_is_refused(dev_phone_url):
    async with httpx.AsyncClient() as http:
        answer = await http.post(
            f"{dev_phone_url}/api/reply", json={"from": "07700 900101", "body": "hi"}
        )

    assert answer.status_code == 400
    assert "from" in answer.json()["detail"]


async def test_the_page_lists_every_number_with_its_texts(dev_phone_url, provider, new_number):
    phone = new_number()
    sent = await provider.send(phone, "See you on Tuesday")

    async with httpx.AsyncClient() as http:
        page = await http.get(f"{dev_phone_url}/")
        listing = (await http.get(f"{dev_phone_url}/api/conversations")).json()

    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="en">' in page.text
    [conversation] = [item for item in listing["conversations"] if item["phone"] == phone]
    texts = [(text["sid"], text["from_phone"], text["body"]) for text in conversation["messages"]]
    assert texts == [(sent.sid, False, "See you on Tuesday")]
