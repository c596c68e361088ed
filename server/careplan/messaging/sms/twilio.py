"""Sending SMS with the real twilio client, pointed at Twilio or at a Twilio-compatible fake.

The aiohttp session behind `AsyncTwilioHttpClient` belongs to the event loop it was made in,
so it is made on first use inside the running loop, never at import or construction.
No `max_retries`: aiohttp-retry would retry POSTs and could send a text twice; retries
belong to the caller, which knows whether an attempt was recorded.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import aiohttp
from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from careplan.messaging.sms.provider import ListedSms, SentSms, sms_error_from_twilio
from careplan.settings import TwilioSettings

log = logging.getLogger(__name__)

# twilio's HTTP clients log request URLs and query strings at INFO, which carry phone numbers.
for _name in ("twilio", "twilio.http_client", "twilio.async_http_client"):
    logging.getLogger(_name).setLevel(logging.WARNING)

SEND_TIMEOUT_SECONDS = 15.0
LIST_LIMIT = 200  # texts to one number since a crashed attempt: a handful, in practice


def create_twilio_client(settings: TwilioSettings) -> Client:
    """A twilio `Client` on a fresh async HTTP client; call it inside the running event loop.

    `TWILIO_API_URL` replaces the API domain's base URL, which every resource URL and every
    `next_page_uri` is joined to, so the whole client talks to the fake.
    """
    client = Client(
        settings.account_sid,
        settings.auth_token,
        http_client=AsyncTwilioHttpClient(),
    )
    if settings.api_url:
        client.api.base_url = settings.api_url
    return client


class TwilioSmsProvider:
    """`SmsProvider` over Twilio's Messages resource."""

    def __init__(self, settings: TwilioSettings, *, timeout: float = SEND_TIMEOUT_SECONDS) -> None:
        self._settings = settings
        self._timeout = timeout
        self._client: Client | None = None

    def _client_in_loop(self) -> Client:
        if self._client is None:
            self._client = create_twilio_client(self._settings)
        return self._client

    async def send(self, to: str, body: str, *, status_callback: str | None = None) -> SentSms:
        client = self._client_in_loop()
        try:
            async with asyncio.timeout(self._timeout):
                message = await client.messages.create_async(
                    to=to,
                    body=body,
                    from_=self._settings.from_number,
                    messaging_service_sid=self._settings.messaging_service_sid,
                    status_callback=status_callback,
                )
        except (TwilioRestException, TwilioServiceException) as exc:
            error = sms_error_from_twilio(_twilio_code(exc.code, exc.status), exc.status)
            log.warning(
                "sms not accepted",
                extra={"error_code": error.code, "http_status": exc.status, "reason": error.reason},
            )
            # Not chained: twilio's message repeats the phone number, and logs must not.
            raise error from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("sms provider unreachable", extra={"error": type(exc).__name__})
            raise sms_error_from_twilio(None, None) from None
        sent = SentSms(sid=str(message.sid), status=str(message.status))
        log.info("sms accepted", extra={"message_sid": sent.sid, "status": sent.status})
        return sent

    async def sent_to(self, to: str, since_ms: int) -> list[ListedSms]:
        """Twilio's Messages list filtered by `To` and `DateSent>`, plus the newest texts to
        `To` not sent yet (they have no DateSent, so a date filter never shows them). Twilio
        documents the date filters by GMT day, so the bound is the start of SINCE_MS's day."""
        client = self._client_in_loop()
        day = datetime.fromtimestamp(since_ms / 1000, tz=UTC).date()
        since = datetime(day.year, day.month, day.day, tzinfo=UTC)
        try:
            async with asyncio.timeout(self._timeout):
                sent = await client.messages.list_async(
                    to=to, date_sent_after=since, limit=LIST_LIMIT, page_size=LIST_LIMIT
                )
                newest = await client.messages.list_async(
                    to=to, limit=LIST_LIMIT, page_size=LIST_LIMIT
                )
        except (TwilioRestException, TwilioServiceException) as exc:
            error = sms_error_from_twilio(_twilio_code(exc.code, exc.status), exc.status)
            log.warning("sms list refused", extra={"error_code": error.code})
            raise error from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("sms provider unreachable", extra={"error": type(exc).__name__})
            raise sms_error_from_twilio(None, None) from None
        waiting = [message for message in newest if message.date_sent is None]
        return [
            ListedSms(
                sid=str(message.sid),
                status=str(message.status),
                body=message.body or "",
                error_code=message.error_code,
            )
            for message in (*waiting, *sent)
        ]

    async def close(self) -> None:
        if self._client is not None:
            await self._client.http_client.close()
            self._client = None


def _twilio_code(code: object, http_status: int) -> int | None:
    """Twilio's error code, or None when the answer had none (twilio then echoes the status)."""
    return code if isinstance(code, int) and code != http_status else None
