"""Making, listing and stopping "my story" links: the patient's alone, bounded, stored hashed."""

from __future__ import annotations

import hashlib

from tests.integration.conftest import START_MS
from tests.support.carers import carer_helping
from tests.support.sharing import listed, make_link, pass_time
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

HOUR_MS = 3_600_000


async def test_the_patient_makes_a_link_shown_once_and_lists_it_without_its_address(
    client, world: World, dev_phone
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    base = f"/api/patients/{world.alice.id}/share-links"
    answer = await client.post(base, json={"expires_in_hours": 72, "label": "Hospital admission"})
    assert answer.status_code == 201, answer.text
    assert answer.headers["cache-control"] == "no-store"
    created = answer.json()
    token = created["url"].removeprefix("http://testserver/story/")
    assert len(token) == 43 and "/" not in token
    assert created["link"] == {
        "id": created["link"]["id"],
        "label": "Hospital admission",
        "status": "active",
        "created_at": START_MS,
        "expires_at": START_MS + 72 * HOUR_MS,
        "revoked_at": None,
        "view_count": 0,
        "last_viewed_at": None,
    }
    listing = await client.get(base)
    assert listing.status_code == 200
    assert listing.json()["items"] == [created["link"]]
    assert token not in listing.text and "url" not in listing.text
    log = (await client.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    assert [(e["action"], e["summary"]) for e in log] == [
        ("share_link.create", "made a link to share your story")
    ]


async def test_the_token_is_stored_only_as_its_hash(client, world: World, dev_phone, db):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    answer = await client.post(
        f"/api/patients/{world.alice.id}/share-links", json={"expires_in_hours": 1}
    )
    token = answer.json()["url"].rsplit("/", 1)[1]
    row = await db.fetch_one("SELECT * FROM share_links")
    assert row is not None
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert not any(token in str(row[column]) for column in row.keys())  # noqa: SIM118
    audit = await db.fetch_all("SELECT * FROM audit_events")
    assert not any(token in str(event[c]) for event in audit for c in event.keys())  # noqa: SIM118


async def test_a_link_opens_for_an_hour_to_thirty_days_and_bad_bodies_store_nothing(
    client, world: World, dev_phone, db
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    base = f"/api/patients/{world.alice.id}/share-links"
    for body in (
        {"expires_in_hours": 0},
        {"expires_in_hours": -1},
        {"expires_in_hours": 721},
        {"expires_in_hours": 24 * 365},
        {"expires_in_hours": 1.5},
        {},
    ):
        answer = await client.post(base, json=body)
        assert answer.status_code == 400, (body, answer.text)
        assert "expires_in_hours" in answer.json()["detail"], answer.text
    too_long = await client.post(base, json={"expires_in_hours": 1, "label": "x" * 81})
    assert too_long.status_code == 400 and "label" in too_long.json()["detail"]
    unknown = await client.post(base, json={"expires_in_hours": 1, "scope": "everything"})
    assert unknown.status_code == 400
    assert await db.fetch_value("SELECT COUNT(*) FROM share_links") == 0

    shortest, _ = await make_link(client, world.alice.id, hours=1)
    longest, _ = await make_link(client, world.alice.id, hours=720)
    assert shortest["expires_at"] == START_MS + HOUR_MS
    assert longest["expires_at"] == START_MS + 30 * 24 * HOUR_MS


async def test_a_revoked_link_is_listed_as_revoked_and_revoking_twice_changes_nothing(
    client, world: World, dev_phone, clock
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    link, _ = await make_link(client, world.alice.id, hours=2, label="Out of hours")
    url = f"/api/patients/{world.alice.id}/share-links/{link['id']}/revoke"
    first = await client.post(url)
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "revoked" and first.json()["revoked_at"] == START_MS
    clock.advance(minutes=5)
    again = await client.post(url)
    assert again.status_code == 200 and again.json()["revoked_at"] == START_MS
    assert (await listed(client, world.alice.id))[link["id"]]["status"] == "revoked"
    log = (await client.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    assert [e["action"] for e in log].count("share_link.revoke") == 1
    missing = await client.post(f"/api/patients/{world.alice.id}/share-links/nope/revoke")
    assert missing.status_code == 404


async def test_an_expired_link_is_listed_as_expired(client, world: World, dev_phone, clock):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    link, _ = await make_link(client, world.alice.id, hours=1)
    await pass_time(clock, client, 59)
    assert (await listed(client, world.alice.id))[link["id"]]["status"] == "active"
    clock.advance(minutes=1)
    assert (await listed(client, world.alice.id))[link["id"]]["status"] == "expired"


async def test_only_the_patient_makes_lists_and_stops_their_links(
    open_client, world: World, dev_phone
):
    alice = await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    link, _ = await make_link(alice, world.alice.id)
    base = f"/api/patients/{world.alice.id}/share-links"
    revoke = f"{base}/{link['id']}/revoke"
    body = {"expires_in_hours": 24}

    async def answers(who) -> tuple[int, int, int]:
        made = await who.post(base, json=body)
        seen = await who.get(base)
        stopped = await who.post(revoke)
        return made.status_code, seen.status_code, stopped.status_code

    bob = await open_client()
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    assert await answers(bob) == (404, 404, 404)
    # Bob's own path does not reach Alice's link either.
    theirs = await bob.post(f"/api/patients/{world.bob.id}/share-links/{link['id']}/revoke")
    assert theirs.status_code == 404
    gp, other_gp = await open_client(), await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await sign_in_clinician(other_gp, world.other_gp.phone_or_email)
    assert await answers(gp) == (403, 403, 403)
    assert await answers(other_gp) == (404, 404, 404)
    carer = await open_client()
    await carer_helping(alice, carer, dev_phone, world.alice.id, ["view_plan", "log_self_care"])
    # A carer who sees the plan is told a change is not theirs; the list is never theirs to see.
    assert await answers(carer) == (403, 404, 403)
    assert await answers(await open_client()) == (401, 401, 401)
    [still] = (await listed(alice, world.alice.id)).values()
    assert still["status"] == "active" and still["id"] == link["id"]
