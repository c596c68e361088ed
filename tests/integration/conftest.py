"""The integration harness: every test runs against real SQLite and real PostgreSQL.

The app runs in-process (same event loop as the test) through httpx's ASGI transport; the
SMS it sends goes through the real twilio client over HTTP to a real dev phone process.
PostgreSQL tests each get a fresh schema; set CAREPLAN_TEST_POSTGRES_URL to point
elsewhere. If PostgreSQL is unreachable its tests are skipped with the reason, unless
CAREPLAN_REQUIRE_POSTGRES=1 (CI sets it), when they fail.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from litestar import Litestar
from tests.support.browsers import browsers
from tests.support.lifespan import running_lifespan
from tests.support.processes import free_port, running
from tests.support.world import World, build_world

from careplan.app import create_app
from careplan.clock import FixedClock
from careplan.settings import DEV_ACCOUNT_SID, DEV_AUTH_TOKEN, Settings
from careplan.storage.db import Database, connect
from careplan.storage.migrate import migrate

POSTGRES_URL = os.environ.get(
    "CAREPLAN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
START_MS = 1_795_341_600_000  # 2026-11-22T10:00:00Z
TEST_SECRET = "integration-tests-secret-key-0123456789"


def _postgres_problem() -> str | None:
    async def probe() -> None:
        conn = await asyncpg.connect(POSTGRES_URL, timeout=3)
        await conn.close()

    try:
        asyncio.run(probe())
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        return f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc}"
    return None


@pytest.fixture(scope="session")
def postgres_problem() -> str | None:
    problem = _postgres_problem()
    if problem and os.environ.get("CAREPLAN_REQUIRE_POSTGRES") == "1":
        pytest.fail(problem)
    return problem


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, postgres_problem: str | None
) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'careplan.db'}"
        return
    if postgres_problem:
        pytest.skip(postgres_problem)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = await asyncpg.connect(POSTGRES_URL)
    await admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{POSTGRES_URL}?search_path={schema}"
    finally:
        await admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.close()


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A migrated database, for arranging data and checking what was stored."""
    database = await connect(database_url)
    await migrate(database)
    yield database
    await database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START_MS)


@pytest.fixture(scope="session")
def dev_phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A dev phone process (`careplan dev-phone`), shared by the session: its base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/dev-phone"
    env = {"CAREPLAN_DEV_PHONE": "1", "CAREPLAN_PUBLIC_URL": f"http://127.0.0.1:{free_port()}"}
    log_path = tmp_path_factory.mktemp("dev-phone") / "output.log"
    with running(["dev-phone", "--port", str(port)], env, f"{url}/", log_path):
        yield url


@pytest.fixture
def settings_env(database_url: str, dev_phone: str) -> dict[str, str]:
    return {
        "CAREPLAN_DATABASE_URL": database_url,
        "CAREPLAN_SECRET_KEY": TEST_SECRET,
        "CAREPLAN_PUBLIC_URL": "http://testserver",
        "TWILIO_ACCOUNT_SID": DEV_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": DEV_AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": "+447700900000",
        "TWILIO_API_URL": dev_phone,
    }


@pytest.fixture
async def app(
    db: Database, settings_env: dict[str, str], clock: FixedClock
) -> AsyncIterator[Litestar]:
    application = create_app(Settings.from_env(settings_env), clock=clock)
    async with running_lifespan(application):
        yield application


@pytest.fixture
async def open_client(app: Litestar) -> AsyncIterator[Callable[[], Awaitable[httpx.AsyncClient]]]:
    """Makes HTTP clients for the app, each its own browser: own cookies and CSRF token."""
    async with browsers(app) as open_one:
        yield open_one


@pytest.fixture
async def client(open_client: Callable[[], Awaitable[httpx.AsyncClient]]) -> httpx.AsyncClient:
    return await open_client()


@pytest.fixture
async def world(db: Database, clock: FixedClock) -> World:
    return await build_world(db, clock)
