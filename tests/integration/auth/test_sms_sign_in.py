"""Patients sign in with a code texted to their phone (real twilio client -> dev phone)."""

from __future__ import annotations

import httpx
from tests.support.signin import latest_code, sign_in_patient, texts_to
from tests.support.world import World

from careplan.clock import FixedClock
from careplan.storage.db import Database


async def test_code_round_trip_signs_the_patient_in(client, dev_phone, world: World):
    me = await sign_in_patient(client, dev_phone, "07700 900201")  # national format accepted
    assert me["kind"] == "patient"
    assert me["id"] == world.alice.id
    assert me["display_name"] == "Alice Able"
    assert me["patients"] == [
        {"id": world.alice.id, "display_name": "Alice Able", "relationship": "self", "scopes": []}
    ]
    assert (await client.get("/api/me")).json()["id"] == world.alice.id


async def test_session_cookie_is_httponly_lax_and_not_secure_over_http(client, dev_phone, world):
    await client.post("/api/auth/sms-code", json={"phone": world.alice.phone_or_email})
    code = await latest_code(dev_phone, world.alice.phone_or_email)
    answer = await client.post(
        "/api/auth/sms-verify", json={"phone": world.alice.phone_or_email, "code": code}
    )
    cookie = answer.headers["set-cookie"].lower()
    assert cookie.startswith("careplan_session=")
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie


async def test_unknown_phone_gets_the_same_answer_and_no_text(client, dev_phone, world):
    known = await client.post("/api/auth/sms-code", json={"phone": world.bob.phone_or_email})
    unknown = await client.post("/api/auth/sms-code", json={"phone": "+447700900299"})
    assert unknown.status_code == known.status_code == 202
    assert unknown.json() == known.json()
    assert await texts_to(dev_phone, "+447700900299") == []


async def test_code_is_stored_hashed_never_in_clear(client, dev_phone, world, db: Database):
    await client.post("/api/auth/sms-code", json={"phone": world.alice.phone_or_email})
    code = await latest_code(dev_phone, world.alice.phone_or_email)
    stored = await db.fetch_all("SELECT code_hash FROM sms_codes")
    assert stored and all(code not in row["code_hash"] for row in stored)
    assert all(len(row["code_hash"]) == 64 for row in stored)


async def test_wrong_code_is_refused_with_a_plain_message(client, dev_phone, world):
    await client.post("/api/auth/sms-code", json={"phone": world.alice.phone_or_email})
    code = await latest_code(dev_phone, world.alice.phone_or_email)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    answer = await client.post(
        "/api/auth/sms-verify", json={"phone": world.alice.phone_or_email, "code": wrong}
    )
    assert answer.status_code == 400
    assert "not right or has expired" in answer.json()["detail"]
    assert (await client.get("/api/me")).status_code == 401


async def test_five_wrong_attempts_burn_the_code(client, dev_phone, world):
    phone = world.alice.phone_or_email
    await client.post("/api/auth/sms-code", json={"phone": phone})
    code = await latest_code(dev_phone, phone)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        assert (
            await client.post("/api/auth/sms-verify", json={"phone": phone, "code": wrong})
        ).status_code == 400
    right = await client.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
    assert right.status_code == 400


async def test_code_expires_after_ten_minutes(client, dev_phone, world, clock: FixedClock):
    phone = world.alice.phone_or_email
    await client.post("/api/auth/sms-code", json={"phone": phone})
    code = await latest_code(dev_phone, phone)
    clock.advance(minutes=10, seconds=1)
    answer = await client.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
    assert answer.status_code == 400


async def test_code_works_once(client, open_client, dev_phone, world):
    phone = world.alice.phone_or_email
    await client.post("/api/auth/sms-code", json={"phone": phone})
    code = await latest_code(dev_phone, phone)
    first = await client.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
    other_browser: httpx.AsyncClient = await open_client()
    second = await other_browser.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
    assert (first.status_code, second.status_code) == (200, 400)


async def test_a_new_code_replaces_the_old_one(client, dev_phone, world):
    phone = world.alice.phone_or_email
    await client.post("/api/auth/sms-code", json={"phone": phone})
    old = await latest_code(dev_phone, phone)
    await client.post("/api/auth/sms-code", json={"phone": phone})
    new = await latest_code(dev_phone, phone)
    if old != new:
        refused = await client.post("/api/auth/sms-verify", json={"phone": phone, "code": old})
        assert refused.status_code == 400
    assert (
        await client.post("/api/auth/sms-verify", json={"phone": phone, "code": new})
    ).status_code == 200


async def test_codes_per_phone_are_rate_limited_in_the_database(client, world, clock):
    phone = world.bob.phone_or_email
    statuses = [
        (await client.post("/api/auth/sms-code", json={"phone": phone})).status_code
        for _ in range(6)
    ]
    assert statuses == [202] * 5 + [429]
    limited = await client.post("/api/auth/sms-code", json={"phone": phone})
    assert int(limited.headers["retry-after"]) > 0
    assert "Too many" in limited.json()["detail"]
    clock.advance(hours=1)
    assert (await client.post("/api/auth/sms-code", json={"phone": phone})).status_code == 202


async def test_rate_limit_holds_across_app_instances(client, open_client, world, db: Database):
    """Counters live in the database: another worker sees the same count."""
    phone = world.bob.phone_or_email
    for _ in range(5):
        await client.post("/api/auth/sms-code", json={"phone": phone})
    hits = await db.fetch_value(
        "SELECT SUM(hits) FROM rate_limit_hits WHERE bucket LIKE 'sms-code:phone:%'"
    )
    assert hits == 5
    assert phone not in str(await db.fetch_all("SELECT bucket FROM rate_limit_hits"))


async def test_codes_per_client_address_are_rate_limited(client, world):
    statuses = []
    for n in range(21):
        phone = f"+4477009003{n:02d}"
        statuses.append(
            (await client.post("/api/auth/sms-code", json={"phone": phone})).status_code
        )
    assert statuses == [202] * 20 + [429]


async def test_invalid_phone_is_a_400_naming_the_field(client):
    answer = await client.post("/api/auth/sms-code", json={"phone": "12345"})
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("phone:")


async def test_shared_phone_asks_who_is_signing_in(client, dev_phone, world, db, clock):
    await db.execute(
        "UPDATE patients SET phone = ? WHERE id = ?", world.alice.phone_or_email, world.bob.id
    )
    phone = world.alice.phone_or_email
    await client.post("/api/auth/sms-code", json={"phone": phone})
    code = await latest_code(dev_phone, phone)
    ask = await client.post("/api/auth/sms-verify", json={"phone": phone, "code": code})
    assert ask.status_code == 409
    assert set(ask.json()["extra"]["patient_ids"]) == {world.alice.id, world.bob.id}
    chosen = await client.post(
        "/api/auth/sms-verify", json={"phone": phone, "code": code, "patient_id": world.bob.id}
    )
    assert chosen.status_code == 200 and chosen.json()["id"] == world.bob.id
