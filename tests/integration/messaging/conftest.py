"""A real dev phone in a subprocess, and a receiver standing in for Careplan's public URL.

The receiver records every webhook the dev phone posts and hands it to Careplan's real
webhook handlers, so the status it answers is the one Careplan would give.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl

import httpx
import pytest
from aiohttp import web
from litestar import Litestar
from litestar.di import Provide
from tests.support.processes import free_port, running
from twilio.rest import Client

from careplan.messaging.signature import SIGNATURE_HEADER
from careplan.messaging.sms.twilio import TwilioSmsProvider, create_twilio_client
from careplan.messaging.webhooks import webhook_handlers
from careplan.settings import Settings

WEBHOOK_WAIT_SECONDS = 5.0


def webhooks_app(settings: Settings) -> Litestar:
    """The smallest app with Careplan's webhook handlers, given `settings` as the app gives it.

    No lifespan is needed: the handlers hold no resources.
    """

    def provide_settings() -> Settings:
        return settings

    return Litestar(
        route_handlers=webhook_handlers,
        dependencies={"settings": Provide(provide_settings, use_cache=True, sync_to_thread=False)},
    )


@dataclass(frozen=True)
class ReceivedWebhook:
    path: str
    signature: str | None
    params: dict[str, str]
    careplan_status: int


class WebhookReceiver:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.received: list[ReceivedWebhook] = []
        self._app = webhooks_app(settings)
        self._arrived = asyncio.Condition()

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() in {"content-type", SIGNATURE_HEADER.lower()}
        }
        transport = httpx.ASGITransport(app=self._app)
        async with httpx.AsyncClient(transport=transport, base_url="http://careplan") as careplan:
            answer = await careplan.post(request.path_qs, content=body, headers=headers)
        self.received.append(
            ReceivedWebhook(
                path=request.path,
                signature=request.headers.get(SIGNATURE_HEADER),
                params=dict(parse_qsl(body.decode(), keep_blank_values=True)),
                careplan_status=answer.status_code,
            )
        )
        async with self._arrived:
            self._arrived.notify_all()
        return web.Response(
            status=answer.status_code,
            body=answer.content,
            content_type=answer.headers.get("content-type", "").split(";")[0],
        )

    def matching(self, match: Callable[[ReceivedWebhook], bool]) -> list[ReceivedWebhook]:
        return [webhook for webhook in self.received if match(webhook)]

    async def wait_for(
        self, match: Callable[[ReceivedWebhook], bool], count: int
    ) -> list[ReceivedWebhook]:
        """The matching webhooks once `count` have arrived, or whatever came within the wait."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(WEBHOOK_WAIT_SECONDS), self._arrived:
                await self._arrived.wait_for(lambda: len(self.matching(match)) >= count)
        return self.matching(match)


@pytest.fixture(scope="session")
def make_webhooks_app() -> Callable[[Settings], Litestar]:
    return webhooks_app


@pytest.fixture
def unused_port() -> int:
    """A port nothing listens on (it was free a moment ago)."""
    return free_port()


@pytest.fixture(scope="session")
def receiver_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def dev_phone_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def dev_phone_url(
    settings: Settings, dev_phone_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Base URL of a dev phone started as `careplan dev-phone`, posting to the receiver."""
    url = f"http://127.0.0.1:{dev_phone_port}/dev-phone"
    env = {"CAREPLAN_DEV_PHONE": "1", "CAREPLAN_PUBLIC_URL": settings.public_url}
    log_path = tmp_path_factory.mktemp("dev-phone") / "output.log"
    with running(["dev-phone", "--port", str(dev_phone_port)], env, f"{url}/", log_path):
        yield url


@pytest.fixture(scope="session")
def settings(receiver_port: int, dev_phone_port: int) -> Settings:
    return Settings.from_env(
        {
            "CAREPLAN_DEV_PHONE": "1",
            "CAREPLAN_PUBLIC_URL": f"http://127.0.0.1:{receiver_port}",
            "TWILIO_API_URL": f"http://127.0.0.1:{dev_phone_port}/dev-phone",
        }
    )


@pytest.fixture(scope="session")
async def receiver(settings: Settings, receiver_port: int) -> AsyncIterator[WebhookReceiver]:
    receiver = WebhookReceiver(settings)
    app = web.Application()
    app.router.add_post("/{path:.*}", receiver.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", receiver_port).start()
    yield receiver
    await runner.cleanup()


_numbers = itertools.count(100)


@pytest.fixture
def new_number() -> Callable[[], str]:
    """Fresh UK drama-range numbers, so tests sharing the dev phone never see each other's texts."""
    return lambda: f"+447700900{next(_numbers):03d}"


@pytest.fixture
async def provider(settings: Settings, dev_phone_url: str) -> AsyncIterator[TwilioSmsProvider]:
    provider = TwilioSmsProvider(settings.twilio)
    yield provider
    await provider.close()


@pytest.fixture
async def twilio_client(settings: Settings, dev_phone_url: str) -> AsyncIterator[Client]:
    """The real twilio client, for reading what the dev phone holds as Careplan's tests would."""
    client = create_twilio_client(settings.twilio)
    yield client
    await client.http_client.close()
