"""Clinician passwords, session expiry and revocation, and CSRF on state-changing requests."""

from __future__ import annotations

import httpx
from tests.support.signin import sign_in_clinician
from tests.support.world import World

from careplan.clock import FixedClock
from careplan.storage.db import Database


async def test_clinician_signs_in_and_sees_who_they_are(client, world: World):
    me = await sign_in_clinician(client, "GP@Riverside.test ")  # case and spaces forgiven
    assert me["kind"] == "clinician" and me["role"] == "gp"
    assert me["display_name"] == "Dr Ada Gee"
    assert me["organisation"]["name"] == "Riverside"


async def test_wrong_password_and_unknown_email_get_the_same_401(client, world):
    wrong = await client.post(
        "/api/auth/login", json={"email": world.gp.phone_or_email, "password": "nope"}
    )
    unknown = await client.post(
        "/api/auth/login", json={"email": "nobody@riverside.test", "password": "nope"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


async def test_passwords_are_stored_as_argon2id(db: Database, world):
    stored = await db.fetch_value("SELECT password_hash FROM clinicians WHERE id = ?", world.gp.id)
    assert stored.startswith("$argon2id$")


async def test_anonymous_api_calls_get_401(client: httpx.AsyncClient, world):
    for path in (
        "/api/me",
        "/api/patients",
        f"/api/patients/{world.alice.id}",
        f"/api/patients/{world.alice.id}/access-log",
        "/api/clinicians",
    ):
        answer = await client.get(path)
        assert answer.status_code == 401, path
        assert answer.json()["detail"] == "Sign in to continue"


async def test_session_ends_after_idle_time(client, world, clock: FixedClock):
    await sign_in_clinician(client, world.gp.phone_or_email)
    clock.advance(minutes=29)
    assert (await client.get("/api/me")).status_code == 200  # activity resets the idle timer
    clock.advance(minutes=29)
    assert (await client.get("/api/me")).status_code == 200
    clock.advance(minutes=30)
    assert (await client.get("/api/me")).status_code == 401


async def test_session_ends_at_its_absolute_limit_even_when_active(client, world, clock):
    await sign_in_clinician(client, world.gp.phone_or_email)
    for _ in range(12 * 4 - 1):
        clock.advance(minutes=15)
        assert (await client.get("/api/me")).status_code == 200
    clock.advance(minutes=15)
    assert (await client.get("/api/me")).status_code == 401


async def test_logout_revokes_the_session_server_side(client, open_client, world, db):
    await sign_in_clinician(client, world.gp.phone_or_email)
    token = client.cookies["careplan_session"]
    assert (await client.post("/api/auth/logout")).status_code == 204
    replay = await open_client()
    replay.cookies.set("careplan_session", token)
    assert (await replay.get("/api/me")).status_code == 401
    stored = await db.fetch_all("SELECT token_hash, revoked_at FROM sessions")
    assert all(row["token_hash"] != token and row["revoked_at"] for row in stored)


async def test_state_changing_requests_need_the_csrf_header(client, world):
    await sign_in_clinician(client, world.gp.phone_or_email)
    token = client.headers.pop("X-CSRFToken")
    body = {"preferred_language": "cy"}
    refused = await client.patch(f"/api/patients/{world.alice.id}", json=body)
    assert refused.status_code == 403
    forged = await client.patch(
        f"/api/patients/{world.alice.id}", json=body, headers={"X-CSRFToken": "0" * len(token)}
    )
    assert forged.status_code == 403
    allowed = await client.patch(
        f"/api/patients/{world.alice.id}", json=body, headers={"X-CSRFToken": token}
    )
    assert allowed.status_code == 200


async def test_sign_in_itself_needs_the_csrf_header(client, world):
    client.headers.pop("X-CSRFToken")
    answer = await client.post(
        "/api/auth/login", json={"email": world.gp.phone_or_email, "password": "x"}
    )
    assert answer.status_code == 403


async def test_deactivated_clinician_loses_access_at_once(client, world, db):
    await sign_in_clinician(client, world.gp.phone_or_email)
    await db.execute("UPDATE clinicians SET active = 0 WHERE id = ?", world.gp.id)
    assert (await client.get("/api/me")).status_code == 401
