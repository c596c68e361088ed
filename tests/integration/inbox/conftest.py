"""Helpers for the inbox tests: items opened the way other code opens them, an administrator,
and signed-in browsers."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

import httpx
import pytest
from tests.support.replies import waiting_checkin
from tests.support.signin import sign_in_clinician, sign_in_patient, texts_to
from tests.support.world import World

from careplan.clock import FixedClock
from careplan.inbox.items import open_item
from careplan.storage.db import Database

ADMIN_EMAIL = "admin@riverside.test"
OpenClient = Callable[[], Awaitable[httpx.AsyncClient]]


async def opened(
    db: Database, clock: FixedClock, patient_id: str, kind="reply", urgency=0, summary="Reply"
) -> str:
    """An item opened through the shared seam, inside a transaction, as callers do."""
    async with db.transaction() as tx:
        return await open_item(
            tx,
            patient_id=patient_id,
            kind=kind,
            urgency=urgency,
            summary=summary,
            now=clock.now_ms(),
        )


async def sent_checkin(db: Database, clock: FixedClock, patient_id: str) -> str:
    """A scale check-in texted to the patient an hour ago, waiting for an answer."""
    question, scale = "How is your breathing, 1 to 5?", {"min": 1, "max": 5}
    return await waiting_checkin(db, clock, patient_id, "scale", question, scale, 60)


async def new_texts(dev_phone: str, phone: str, before: list[dict]) -> list[dict]:
    """Texts the dev phone got since BEFORE (it is shared by the whole test session)."""
    seen = {t["sid"] for t in before}
    return [t for t in await texts_to(dev_phone, phone) if t["sid"] not in seen]


@pytest.fixture
async def admin(db: Database, world: World) -> str:
    """A practice administrator of Riverside (same password as everyone in the world)."""
    admin_id = uuid.uuid4().hex
    await db.execute(
        "INSERT INTO clinicians (id, organisation_id, email, display_name, role, password_hash, "
        "active, created_at, updated_at) SELECT ?, organisation_id, ?, 'Ann Admin', 'admin', "
        "password_hash, 1, created_at, updated_at FROM clinicians WHERE id = ?",
        admin_id,
        ADMIN_EMAIL,
        world.gp.id,
    )
    return admin_id


@pytest.fixture
def as_clinician(open_client: OpenClient) -> Callable[[str], Awaitable[httpx.AsyncClient]]:
    async def sign_in(email: str) -> httpx.AsyncClient:
        http = await open_client()
        await sign_in_clinician(http, email)
        return http

    return sign_in


@pytest.fixture
def as_patient(
    open_client: OpenClient, dev_phone: str
) -> Callable[[str], Awaitable[httpx.AsyncClient]]:
    async def sign_in(phone: str) -> httpx.AsyncClient:
        http = await open_client()
        await sign_in_patient(http, dev_phone, phone)
        return http

    return sign_in
