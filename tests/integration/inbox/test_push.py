"""Web Push: subscriptions through HTTP, and `push_to_patient` against a push service on a
local port that decrypts what it receives and checks the VAPID signature, as a browser's
push service and the browser would."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from py_vapid import Vapid
from tests.integration.inbox.conftest import ADMIN_EMAIL
from tests.support.browsers import OpenBrowser, browsers
from tests.support.lifespan import running_lifespan
from tests.support.push import (
    SUBJECT,
    Device,
    PushService,
    b64url,
    push_env,
    running_push_service,
    unb64url,
    vapid_keys,
)
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.app import create_app
from careplan.clock import FixedClock
from careplan.messaging.push import PUSH_TTL_S, push_to_patient
from careplan.settings import Settings
from careplan.storage.db import Database


@pytest.fixture
async def push_service() -> AsyncIterator[PushService]:
    async with running_push_service() as service:
        yield service


@pytest.fixture
def vapid() -> tuple[str, str]:
    return vapid_keys()


@pytest.fixture
def push_settings(settings_env: dict[str, str], vapid: tuple[str, str]) -> Settings:
    return Settings.from_env({**settings_env, **push_env(vapid)})


@pytest.fixture
async def push_app(
    db: Database, push_settings: Settings, clock: FixedClock
) -> AsyncIterator[Litestar]:
    application = create_app(push_settings, clock=clock)
    async with running_lifespan(application):
        yield application


@pytest.fixture
async def browser(push_app: Litestar) -> AsyncIterator[OpenBrowser]:
    async with browsers(push_app) as open_one:
        yield open_one


def subscriptions(patient_id: str) -> str:
    return f"/api/patients/{patient_id}/push-subscriptions"


async def test_a_notification_reaches_the_device_encrypted_signed_and_with_a_ttl(
    browser, dev_phone, db, world: World, push_service, push_settings, vapid, clock
):
    alice = await browser()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    config = (await alice.get("/api/push/config")).json()
    assert config == {"enabled": True, "public_key": vapid[0]}
    phone, laptop = Device(), Device()
    for name, device, host in (("phone", phone, "127.0.0.1"), ("laptop", laptop, "localhost")):
        body = {
            "endpoint": push_service.endpoint(name, host),
            "keys": device.keys(),
            "expiration_time": None,
        }
        answer = await alice.post(subscriptions(world.alice.id), json=body)
        assert answer.status_code == 201, answer.text
    sent = await push_to_patient(
        db,
        push_settings,
        world.alice.id,
        "Check-in",
        "How is your breathing?",
        "/thread",
        clock=clock,
    )
    assert sent is True
    received = {path: (headers, body) for path, headers, body in push_service.received}
    assert sorted(received) == ["/push/laptop", "/push/phone"]
    for path, device, host in (
        ("/push/phone", phone, "127.0.0.1"),
        ("/push/laptop", laptop, "localhost"),
    ):
        headers, body = received[path]
        origin = f"http://{host}:{push_service.port}"
        assert device.read(body) == {
            "title": "Check-in",
            "body": "How is your breathing?",
            "url": "/thread",
        }
        assert (headers["TTL"], headers["Content-Encoding"]) == (str(PUSH_TTL_S), "aes128gcm")
        token, key = headers["Authorization"].removeprefix("vapid ").split(",")
        assert key.strip() == f"k={vapid[0]}"
        signed, signature = token.strip().removeprefix("t=").rsplit(".", 1)
        assert Vapid.from_raw_public(vapid[0].encode()).verify_token(signed.encode(), signature)
        claims = json.loads(unb64url(signed.split(".")[1]))
        # Each send signs its own claims: the audience is this endpoint's push service.
        assert (claims["aud"], claims["sub"]) == (origin, SUBJECT)
    stored = await db.fetch_all("SELECT last_success_at FROM push_subscriptions")
    assert [row["last_success_at"] for row in stored] == [clock.now_ms()] * 2


async def test_gone_subscriptions_are_removed_and_others_kept(
    browser, dev_phone, db, world: World, push_service, push_settings, clock
):
    alice = await browser()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    for name in ("expired", "unknown", "busy"):
        body = {"endpoint": push_service.endpoint(name), "keys": Device().keys()}
        assert (await alice.post(subscriptions(world.alice.id), json=body)).status_code == 201
    push_service.answers = {"/push/expired": 410, "/push/unknown": 404, "/push/busy": 503}
    assert not await push_to_patient(db, push_settings, world.alice.id, "t", "b", "/", clock=clock)
    left = await db.fetch_all("SELECT endpoint, last_success_at FROM push_subscriptions")
    assert [(row["endpoint"], row["last_success_at"]) for row in left] == [
        (push_service.endpoint("busy"), None)
    ]
    push_service.answers = {}
    assert await push_to_patient(db, push_settings, world.alice.id, "t", "b", "/", clock=clock)
    assert not await push_to_patient(db, push_settings, world.bob.id, "t", "b", "/", clock=clock)


async def test_a_shared_device_notifies_only_whoever_subscribed_last(
    browser, dev_phone, db, world: World, push_service, push_settings, clock
):
    body = {"endpoint": push_service.endpoint("shared"), "keys": Device().keys()}
    alice, bob = await browser(), await browser()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    first = (await alice.post(subscriptions(world.alice.id), json=body)).json()
    second = (await bob.post(subscriptions(world.bob.id), json=body)).json()
    assert first["id"] == second["id"]
    assert not await push_to_patient(db, push_settings, world.alice.id, "t", "b", "/", clock=clock)
    assert await push_to_patient(db, push_settings, world.bob.id, "t", "b", "/", clock=clock)
    gone = await bob.delete(subscriptions(world.bob.id), params={"endpoint": body["endpoint"]})
    assert gone.status_code == 204
    again = await bob.delete(subscriptions(world.bob.id), params={"endpoint": body["endpoint"]})
    assert again.status_code == 204
    assert await db.fetch_value("SELECT COUNT(*) FROM push_subscriptions") == 0
    actions = await db.fetch_all(
        "SELECT action FROM audit_events WHERE patient_id = ? AND action LIKE 'push%' "
        "ORDER BY action",
        world.bob.id,
    )
    assert [a["action"] for a in actions] == [
        "push_subscription.create",
        "push_subscription.delete",
    ]


async def test_only_the_patient_subscribes_and_only_at_a_push_service(
    browser, dev_phone, db, world: World, push_service, admin
):
    alice = await browser()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    good = {"endpoint": push_service.endpoint("ok"), "keys": Device().keys()}
    url = subscriptions(world.alice.id)
    bad = {
        "endpoint": {**good, "endpoint": "http://push.example.com/x"},
        "endpoint ": {**good, "endpoint": "https://internal.service.local/admin"},
        "endpoint  ": {**good, "endpoint": "not a url"},
        "keys.p256dh": {**good, "keys": {**good["keys"], "p256dh": b64url(b"short")}},
        "keys.auth": {**good, "keys": {**good["keys"], "auth": "!!!"}},
        "extra": {**good, "extra": 1},
    }
    for name, body in bad.items():
        answer = await alice.post(url, json=body)
        assert answer.status_code == 400, name
        assert name.strip() in answer.json()["detail"], answer.text
    gp, stranger, administrator = await browser(), await browser(), await browser()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await sign_in_clinician(stranger, world.other_gp.phone_or_email)
    await sign_in_clinician(administrator, ADMIN_EMAIL)
    bob = await browser()
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    for http, status in ((gp, 403), (administrator, 403), (stranger, 404), (bob, 404)):
        assert (await http.post(url, json=good)).status_code == status
        assert (await http.delete(url, params={"endpoint": good["endpoint"]})).status_code == status
    assert await db.fetch_value("SELECT COUNT(*) FROM push_subscriptions") == 0


async def test_without_vapid_keys_push_is_off(client, dev_phone, db, world: World, settings_env):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    assert (await client.get("/api/push/config")).json() == {"enabled": False, "public_key": None}
    body = {"endpoint": "https://fcm.googleapis.com/fcm/send/abc", "keys": Device().keys()}
    answer = await client.post(subscriptions(world.alice.id), json=body)
    assert answer.status_code == 409 and "not set up" in answer.json()["detail"]
    off = Settings.from_env(settings_env)
    assert not await push_to_patient(db, off, world.alice.id, "t", "b", "/")
