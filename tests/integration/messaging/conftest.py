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

from careplan.clock import Clock, SystemClock
from careplan.messaging.signature import SIGNATURE_HEADER
from careplan.messaging.sms.provider import SmsProvider
from careplan.messaging.sms.twilio import TwilioSmsProvider, create_twilio_client
from careplan.messaging.sms.unconfigured import UnconfiguredSms
from careplan.messaging.webhooks import webhook_handlers
from careplan.settings import Settings
from careplan.storage.db import Database, connect
from careplan.storage.migrate import migrate

WEBHOOK_WAIT_SECONDS = 5.0


def webhooks_app(settings: Settings, db: Database) -> Litestar:
    """The smallest app with Careplan's webhook handlers, given what the app gives them.

    No lifespan is needed: the database is opened by the caller, and texts the handlers
    would send fail visibly (no provider), which these tests do not look at.
    """

    def provide_settings() -> Settings:
        return settings

    def provide_db() -> Database:
        return db

    def provide_clock() -> Clock:
        return SystemClock()

    def provide_sms() -> SmsProvider:
        return UnconfiguredSms()

    return Litestar(
        route_handlers=webhook_handlers,
        dependencies={
            "settings": Provide(provide_settings, use_cache=True, sync_to_thread=False),
            "db": Provide(provide_db, use_cache=True, sync_to_thread=False),
            "clock": Provide(provide_clock, use_cache=True, sync_to_thread=False),
            "sms": Provide(provide_sms, use_cache=True, sync_to_thread=False),
        },
    )


@pytest.fixture(scope="session")
async def webhooks_db(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Database]:
    """A migrated SQLite database for the webhook handlers (no patients: unknown senders)."""
    database = await connect(f"sqlite:///{tmp_path_factory.mktemp('webhooks') / 'careplan.db'}")
    await migrate(database)
    yield database
    await database.close()


@dataclass(frozen=True)
class ReceivedWebhook:
    path: str
    signature: str | None
    params: dict[str, str]
    careplan_status: int


class WebhookReceiver:
    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.received: list[ReceivedWebhook] = []
        self._app = webhooks_app(settings, db)
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
def make_webhooks_app(webhooks_db: Database) -> Callable[[Settings], Litestar]:
    return lambda settings: webhooks_app(settings, webhooks_db)


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
async def receiver(
    settings: Settings, receiver_port: int, webhooks_db: Database
) -> AsyncIterator[WebhookReceiver]:
    receiver = WebhookReceiver(settings, webhooks_db)
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
