"""The real twilio client, through TwilioSmsProvider, against the dev phone in a subprocess."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from twilio.base.exceptions import TwilioRestException

from careplan.messaging.sms.provider import SmsSendError
from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.settings import DEV_FROM_NUMBER

TWILIO_MESSAGE_FIELDS = {
    "account_sid",
    "api_version",
    "body",
    "date_created",
    "date_sent",
    "date_updated",
    "direction",
    "error_code",
    "error_message",
    "from",
    "messaging_service_sid",
    "num_media",
    "num_segments",
    "price",
    "price_unit",
    "sid",
    "status",
    "subresource_uris",
    "to",
    "uri",
}


async def wait_until_delivered(twilio_client, sid: str) -> None:
    async with asyncio.timeout(5):
        while (await twilio_client.messages(sid).fetch_async()).status != "delivered":  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def test_a_sent_text_is_listed_and_fetched_in_twilio_shapes(
    provider, twilio_client, settings, dev_phone_url, new_number
):
    to = new_number()

    sent = await provider.send(to, "Time for your weekly check-in")

    assert sent.status == "queued"
    assert sent.sid.startswith("SM") and len(sent.sid) == 34
    fetched = await twilio_client.messages(sent.sid).fetch_async()
    assert (fetched.to, fetched.from_, fetched.body, fetched.direction, fetched.num_segments) == (
        to,
        DEV_FROM_NUMBER,
        "Time for your weekly check-in",
        "outbound-api",
        "1",
    )
    assert fetched.account_sid == settings.twilio.account_sid
    assert fetched.date_created.tzinfo is not None  # RFC 2822 dates the client could parse
    assert [message.sid for message in await twilio_client.messages.list_async(to=to)] == [sent.sid]

    uri = f"/2010-04-01/Accounts/{settings.twilio.account_sid}/Messages/{sent.sid}.json"
    async with httpx.AsyncClient() as http:
        raw = (
            await http.get(
                f"{dev_phone_url}{uri}",
                auth=(settings.twilio.account_sid, settings.twilio.auth_token),
            )
        ).json()
    assert set(raw) == TWILIO_MESSAGE_FIELDS
    assert raw["uri"] == uri


async def test_list_filters_by_number_and_date_sent_newest_first(
    provider, twilio_client, new_number
):
    first, other = new_number(), new_number()
    older = await provider.send(first, "one")
    newer = await provider.send(first, "two")
    await provider.send(other, "three")
    await wait_until_delivered(twilio_client, newer.sid)
    await wait_until_delivered(twilio_client, older.sid)
    today = datetime.now(UTC)

    async def sids(**filters) -> list[str]:
        return [message.sid for message in await twilio_client.messages.list_async(**filters)]

    # page_size=1 makes the client follow next_page_uri back to the dev phone.
    assert await sids(to=first, page_size=1) == [newer.sid, older.sid]
    assert await sids(to=first, date_sent=today) == [newer.sid, older.sid]
    assert await sids(to=first, date_sent_after=today - timedelta(minutes=5)) == [
        newer.sid,
        older.sid,
    ]
    assert await sids(to=first, date_sent_before=today - timedelta(days=1)) == []
    assert await sids(to=first, date_sent=today - timedelta(days=1)) == []
    assert first not in {
        message.to
        for message in await twilio_client.messages.list_async(from_=DEV_FROM_NUMBER, to=other)
    }


async def test_an_unknown_message_is_twilio_404_20404(twilio_client):
    with pytest.raises(TwilioRestException) as caught:
        await twilio_client.messages("SM" + "0" * 32).fetch_async()

    assert (caught.value.status, caught.value.code) == (404, 20404)


@pytest.mark.parametrize(
    ("to", "code", "permanent", "opted_out", "invalid_number"),
    [
        ("07700 900101", 21211, True, False, True),
        ("+15005550001", 21211, True, False, True),
        ("+15005550009", 21614, True, False, True),
        ("+15005550004", 21610, True, True, False),
        ("+15005550429", 20429, False, False, False),
    ],
)
async def test_refused_texts_raise_typed_errors(
    provider, to, code, permanent, opted_out, invalid_number
):
    with pytest.raises(SmsSendError) as caught:
        await provider.send(to, "hello")

    error = caught.value
    assert (error.code, error.permanent, error.opted_out, error.invalid_number) == (
        code,
        permanent,
        opted_out,
        invalid_number,
    )


async def test_wrong_credentials_are_a_permanent_20003(settings, dev_phone_url, new_number):
    wrong = TwilioSmsProvider(
        type(settings.twilio)(
            account_sid=settings.twilio.account_sid,
            auth_token="wrong-token",
            from_number=settings.twilio.from_number,
            messaging_service_sid=None,
            api_url=settings.twilio.api_url,
        )
    )
    try:
        with pytest.raises(SmsSendError) as caught:
            await wrong.send(new_number(), "hello")
    finally:
        await wrong.close()

    assert (caught.value.code, caught.value.reason, caught.value.permanent) == (
        20003,
        "rejected",
        True,
    )


async def test_an_unreachable_provider_is_worth_retrying(settings, unused_port, new_number):
    nowhere = TwilioSmsProvider(
        type(settings.twilio)(
            account_sid=settings.twilio.account_sid,
            auth_token=settings.twilio.auth_token,
            from_number=settings.twilio.from_number,
            messaging_service_sid=None,
            api_url=f"http://127.0.0.1:{unused_port}/dev-phone",
        )
    )
    try:
        with pytest.raises(SmsSendError) as caught:
            await nowhere.send(new_number(), "hello")
    finally:
        await nowhere.close()

    assert (caught.value.reason, caught.value.permanent) == ("network_error", False)


async def test_no_phone_number_or_text_reaches_the_logs(
    provider, twilio_client, caplog, new_number
):
    caplog.set_level(logging.DEBUG)
    to, body = new_number(), "Private words about my health"

    await provider.send(to, body)
    await twilio_client.messages.list_async(to=to)  # twilio logs query strings at INFO
    with pytest.raises(SmsSendError) as caught:
        await provider.send("+15005550004", body)

    assert caplog.records, "expected the provider to log sids and codes"
    for text in (to, "+15005550004", body):
        assert text not in caplog.text
        assert text not in str(caught.value)
