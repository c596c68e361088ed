"""Scheduler tests run on the integration harness: both databases, the dev phone process."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from tests.integration import conftest as harness

from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.settings import Settings

# The integration harness's fixtures, shared (pytest finds fixtures by module attribute).
postgres_problem = harness.postgres_problem
database_url = harness.database_url
db = harness.db
clock = harness.clock
dev_phone = harness.dev_phone
settings_env = harness.settings_env
world = harness.world
app = harness.app
open_client = harness.open_client
client = harness.client


@pytest.fixture
def settings(settings_env: dict[str, str]) -> Settings:
    """The app's settings, with sending unthrottled (the rate limit has its own test)."""
    return Settings.from_env({**settings_env, "CAREPLAN_SMS_PER_SECOND": "100000"})


@pytest.fixture
async def sms(settings: Settings) -> AsyncIterator[TwilioSmsProvider]:
    """The real twilio client, pointed at the dev phone."""
    provider = TwilioSmsProvider(settings.twilio)
    yield provider
    await provider.close()
