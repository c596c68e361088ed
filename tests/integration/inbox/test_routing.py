"""Routing: the named clinician first; the team when they are away, inactive or absent; going
away hands open items to the team, so every item reaches someone present."""

from __future__ import annotations

from tests.integration.inbox.conftest import opened
from tests.support.world import World

INBOX = "/api/inbox"
AWAY = "/api/clinicians/me/away"
DAY_MS = 86_400_000


async def routed_to(db, item_id: str) -> tuple[str, str | None]:
    row = await db.fetch_one("SELECT routed_to, assigned_to FROM inbox_items WHERE id = ?", item_id)
    return row["routed_to"], row["assigned_to"]


async def test_items_go_to_the_named_clinician_unless_away(as_clinician, db, world: World, clock):
    gp = await as_clinician(world.gp.phone_or_email)
    present = await opened(db, clock, world.alice.id)
    assert await routed_to(db, present) == (world.gp.id, None)
    back_at = clock.now_ms() + DAY_MS
    away = await gp.put(AWAY, json={"until": back_at})
    assert away.status_code == 200, away.text
    assert away.json() == {
        "clinician_id": world.gp.id,
        "away_until": back_at,
        "items_moved_to_team": 1,
    }
    while_away = await opened(db, clock, world.alice.id)
    assert await routed_to(db, while_away) == ("team", None)
    assert (await gp.get(AWAY)).json()["away_until"] == back_at
    clock.advance(minutes=24 * 60)  # the time passes: no need to say "back"
    after = await opened(db, clock, world.alice.id)
    assert await routed_to(db, after) == (world.gp.id, None)


async def test_going_away_hands_open_items_to_the_team_and_back_takes_none(
    as_clinician, db, world: World, clock
):
    mine = await opened(db, clock, world.alice.id)
    assigned_to_me = await opened(db, clock, world.bob.id)  # the team's, then given to Dr Gee
    resolved = await opened(db, clock, world.alice.id)
    nurses = await opened(db, clock, world.bob.id)
    gp = await as_clinician(world.gp.phone_or_email)
    nurse = await as_clinician(world.nurse.phone_or_email)
    await gp.post(f"{INBOX}/{assigned_to_me}/assign", json={"clinician_id": world.gp.id})
    await gp.post(f"{INBOX}/{nurses}/assign", json={"clinician_id": world.nurse.id})
    await gp.post(f"{INBOX}/{resolved}/resolve")
    away = await gp.put(AWAY, json={"until": clock.now_ms() + 3 * DAY_MS})
    assert away.json()["items_moved_to_team"] == 2
    assert await routed_to(db, mine) == ("team", None)
    assert await routed_to(db, assigned_to_me) == ("team", None)
    assert await routed_to(db, resolved) == (world.gp.id, None)  # history is left alone
    assert await routed_to(db, nurses) == ("team", world.nurse.id)
    team = [i["id"] for i in (await nurse.get(INBOX, params={"scope": "team"})).json()["items"]]
    assert set(team) == {mine, assigned_to_me, nurses}
    assert (await gp.get(INBOX)).json()["items"] == []
    back = await gp.put(AWAY, json={"until": None})
    assert back.status_code == 200 and back.json()["away_until"] is None
    assert back.json()["items_moved_to_team"] == 0
    assert await routed_to(db, mine) == ("team", None)
    assert await routed_to(db, await opened(db, clock, world.alice.id)) == (world.gp.id, None)
    actions = await db.fetch_value(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'inbox.reroute' AND patient_id = ?",
        world.alice.id,
    )
    assert actions == 1


async def test_an_inactive_or_missing_named_clinician_means_the_team(
    as_clinician, db, world, clock
):
    assert await routed_to(db, await opened(db, clock, world.bob.id)) == ("team", None)
    earlier = await opened(db, clock, world.alice.id)
    await db.execute("UPDATE clinicians SET active = 0 WHERE id = ?", world.gp.id)
    later = await opened(db, clock, world.alice.id)
    assert await routed_to(db, later) == ("team", None)
    nurse = await as_clinician(world.nurse.phone_or_email)
    team = [i["id"] for i in (await nurse.get(INBOX, params={"scope": "team"})).json()["items"]]
    assert earlier in team and later in team  # an item left with someone gone is the team's


async def test_away_needs_a_time_ahead_within_a_year(as_clinician, as_patient, world, clock):
    gp = await as_clinician(world.gp.phone_or_email)
    for bad in (
        {"until": clock.now_ms()},
        {"until": clock.now_ms() - 1},
        {"until": clock.now_ms() + 367 * DAY_MS},
        {"until": -5},
        {"until": "tomorrow"},
        {"until": 1, "why": "holiday"},
    ):
        answer = await gp.put(AWAY, json=bad)
        assert answer.status_code == 400, bad
        assert "until" in answer.json()["detail"] or "why" in answer.json()["detail"]
    assert (await gp.get(AWAY)).json()["away_until"] is None
    assert (await gp.put(AWAY, json={})).json()["away_until"] is None  # {} means back
    alice = await as_patient(world.alice.phone_or_email)
    assert (await alice.put(AWAY, json={"until": None})).status_code == 403
    assert (await alice.get(AWAY)).status_code == 403
