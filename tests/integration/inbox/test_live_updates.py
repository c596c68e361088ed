"""Live inbox updates (SSE) against a real `careplan serve` subprocess.

httpx's in-process ASGI transport collects the whole response before returning it, so an
endless event stream can only be read from a real server. The server runs on the test's own
database (SQLite or PostgreSQL) and dev phone; everything happens through HTTP.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from tests.support.processes import free_port, running
from tests.support.signin import sign_in_clinician, texts_to
from tests.support.world import World

from careplan.storage.db import Database

EVENT_WAIT_S = 10.0


@pytest.fixture
def server(
    db: Database, world: World, settings_env: dict[str, str], tmp_path: Path
) -> Iterator[str]:
    """The base URL of `careplan serve` on this test's database (the world already in it)."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**settings_env, "CAREPLAN_PUBLIC_URL": base_url, "CAREPLAN_LOG_LEVEL": "WARNING"}
    with running(
        ["serve", "--port", str(port), "--no-scheduler"],
        env,
        f"{base_url}/healthz",
        tmp_path / "serve.log",
    ):
        yield base_url


@asynccontextmanager
async def browser(base_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=base_url, timeout=EVENT_WAIT_S) as http:
        http.headers["X-CSRFToken"] = (await http.get("/api/auth/csrf")).json()["csrf_token"]
        yield http


async def sign_in_patient(http: httpx.AsyncClient, dev_phone: str, phone: str) -> None:
    """As tests/support/signin does, but a real server texts the code just after its 202."""
    # Compare the newest text, not counts: the list is one page (50), and this number gets
    # texts from every test of the session.
    newest_before = (await texts_to(dev_phone, phone) or [{"sid": None}])[0]["sid"]
    assert (await http.post("/api/auth/sms-code", json={"phone": phone})).status_code == 202
    for _ in range(600):  # 30 s: the code goes out just after the 202, later on a busy box
        texts = await texts_to(dev_phone, phone)
        if texts and texts[0]["sid"] != newest_before:
            code = re.search(r"\b(\d{6})\b", texts[0]["body"])[1]
            answer = await http.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
            assert answer.status_code == 200, answer.text
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no sign-in code reached {phone}")


class EventStream:
    """The events of one open `GET /api/inbox/events`, read as a browser's EventSource would."""

    def __init__(self, response: httpx.Response) -> None:
        self._lines = response.aiter_lines()

    async def next(self) -> tuple[str, dict]:
        return await asyncio.wait_for(self._next(), EVENT_WAIT_S)

    async def _next(self) -> tuple[str, dict]:
        event, data = None, None
        async for line in self._lines:
            if line.startswith("event:"):
                event = line.removeprefix("event:").strip()
            elif line.startswith("data:"):
                data = line.removeprefix("data:").strip()
            elif line == "" and event is not None:
                return event, json.loads(data or "{}")
        raise AssertionError("the stream ended")


@asynccontextmanager
async def listening(http: httpx.AsyncClient) -> AsyncIterator[EventStream]:
    async with http.stream("GET", "/api/inbox/events") as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        stream = EventStream(response)
        assert (await stream.next())[0] == "ready"  # subscribed: nothing after this is missed
        yield stream


async def test_a_clinician_sees_a_reply_arrive_and_be_dealt_with(
    server: str, dev_phone: str, db: Database, world: World
):
    async with (
        browser(server) as gp,
        browser(server) as stranger,
        browser(server) as alice,
        browser(server) as carol,
    ):
        await sign_in_clinician(gp, world.gp.phone_or_email)
        await sign_in_clinician(stranger, world.other_gp.phone_or_email)
        await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
        await sign_in_patient(carol, dev_phone, world.carol.phone_or_email)
        async with listening(gp) as riverside, listening(stranger) as hillside:
            posted = await alice.post(
                f"/api/patients/{world.alice.id}/messages", json={"body": "Can we talk?"}
            )
            assert posted.status_code == 201, posted.text
            item_id = posted.json()["outcome"]["item_id"]
            assert await riverside.next() == (
                "item",
                {
                    "id": item_id,
                    "kind": "reply",
                    "urgency": 0,
                    "patient_id": world.alice.id,
                    "change": "opened",
                },
            )
            assert (await gp.post(f"/api/inbox/{item_id}/resolve")).status_code == 200
            event, data = await riverside.next()
            assert (event, data["id"], data["change"]) == ("item", item_id, "resolved")
            # Another practice hears only its own: its first event is Carol's item.
            await carol.post(f"/api/patients/{world.carol.id}/messages", json={"body": "Hi"})
            event, data = await hillside.next()
            assert (event, data["patient_id"], data["change"]) == ("item", world.carol.id, "opened")
        assert (await alice.get("/api/inbox/events")).status_code == 403
