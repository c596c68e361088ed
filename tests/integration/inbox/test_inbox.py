"""The clinician inbox through HTTP: order, scopes, paging, assign, notes, resolve, access."""

from __future__ import annotations

from tests.integration.inbox.conftest import ADMIN_EMAIL, opened
from tests.support.world import World

from careplan.inbox.items import ALERT, ROUTINE, URGENT

INBOX = "/api/inbox"


def ids(answer) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [item["id"] for item in answer.json()["items"]]


async def test_urgent_first_then_oldest_first(as_clinician, db, world: World, clock):
    old_routine = await opened(db, clock, world.alice.id, urgency=ROUTINE)
    clock.advance(minutes=1)
    old_alert = await opened(db, clock, world.bob.id, "alert", ALERT, "BP 170/100")
    clock.advance(minutes=1)
    new_routine = await opened(db, clock, world.bob.id, urgency=ROUTINE)
    clock.advance(minutes=1)
    urgent = await opened(db, clock, world.alice.id, "red_flag", URGENT, "Chest pain")
    clock.advance(minutes=1)
    new_alert = await opened(db, clock, world.alice.id, "alert", ALERT, "Glucose 2.9")
    gp = await as_clinician(world.gp.phone_or_email)
    answer = await gp.get(INBOX, params={"scope": "all"})
    assert ids(answer) == [urgent, old_alert, new_alert, old_routine, new_routine]
    first = answer.json()["items"][0]
    assert first["patient_name"] == "Alice Able" and first["summary"] == "Chest pain"
    assert (first["kind"], first["urgency"], first["status"]) == ("red_flag", URGENT, "open")
    assert first["age_ms"] == 60_000 and first["time_to_first_reply_ms"] is None
    assert answer.json()["items"][3]["age_ms"] == 4 * 60_000


async def test_scopes_mine_team_and_all(as_clinician, db, world: World, clock):
    alices = await opened(db, clock, world.alice.id)  # Dr Gee is her named clinician
    bobs = await opened(db, clock, world.bob.id)  # Bob has none: the team's
    gp = await as_clinician(world.gp.phone_or_email)
    nurse = await as_clinician(world.nurse.phone_or_email)
    assert ids(await gp.get(INBOX)) == [alices]  # mine is the default
    assert ids(await gp.get(INBOX, params={"scope": "team"})) == [bobs]
    assert set(ids(await gp.get(INBOX, params={"scope": "all"}))) == {alices, bobs}
    assert ids(await nurse.get(INBOX, params={"scope": "mine"})) == []
    item = (await gp.get(INBOX)).json()["items"][0]
    assert (item["routed_to"], item["routed_to_name"]) == (world.gp.id, "Dr Ada Gee")
    team_item = (await gp.get(INBOX, params={"scope": "team"})).json()["items"][0]
    assert (team_item["routed_to"], team_item["routed_to_name"]) == ("team", "Team")
    assigned = await gp.post(f"{INBOX}/{bobs}/assign", json={"clinician_id": world.nurse.id})
    assert assigned.status_code == 200, assigned.text
    assert (assigned.json()["assigned_to"], assigned.json()["assigned_to_name"]) == (
        world.nurse.id,
        "Nia Nurse",
    )
    assert ids(await nurse.get(INBOX)) == [bobs]
    assert ids(await gp.get(INBOX, params={"scope": "team"})) == [bobs]  # still the team's


async def test_pages_follow_the_order_without_gaps_or_repeats(as_clinician, db, world, clock):
    made = []
    for n in range(7):
        made.append(await opened(db, clock, world.bob.id, urgency=n % 3))
        if n % 2:
            clock.advance(minutes=1)  # some share an instant: the id breaks the tie
    gp = await as_clinician(world.gp.phone_or_email)
    whole = ids(await gp.get(INBOX, params={"scope": "all", "limit": 500}))
    seen, after = [], None
    while True:
        params = {"scope": "all", "limit": 3, **({"after": after} if after else {})}
        page = await gp.get(INBOX, params=params)
        seen += ids(page)
        after = page.json()["next_after"]
        if after is None:
            break
    assert seen == whole and sorted(seen) == sorted(made)


async def test_resolve_is_idempotent_and_moves_the_item_to_resolved(
    as_clinician, db, world: World, clock
):
    first = await opened(db, clock, world.alice.id)
    second = await opened(db, clock, world.alice.id)
    gp = await as_clinician(world.gp.phone_or_email)
    nurse = await as_clinician(world.nurse.phone_or_email)
    clock.advance(minutes=5)
    done = await gp.post(f"{INBOX}/{first}/resolve")  # no body at all
    assert done.status_code == 200, done.text
    assert (done.json()["status"], done.json()["resolved_by"]) == ("resolved", world.gp.id)
    assert done.json()["resolved_at"] == clock.now_ms() and done.json()["age_ms"] == 300_000
    clock.advance(minutes=1)
    again = await nurse.post(f"{INBOX}/{first}/resolve", json={})
    assert again.status_code == 200
    assert (again.json()["resolved_by"], again.json()["resolved_at"]) == (
        world.gp.id,
        done.json()["resolved_at"],
    )
    assert ids(await gp.get(INBOX)) == [second]
    clock.advance(minutes=1)
    await gp.post(f"{INBOX}/{second}/resolve", json={})
    assert ids(await gp.get(INBOX, params={"status": "resolved"})) == [second, first]
    assert (await gp.post(f"{INBOX}/{second}/resolve", json={"why": 1})).status_code == 400


async def test_assign_only_to_a_present_clinician_of_the_practice(
    as_clinician, db, world: World, clock, admin
):
    item = await opened(db, clock, world.alice.id)
    gp = await as_clinician(world.gp.phone_or_email)
    assign = f"{INBOX}/{item}/assign"
    refused = {
        "other practice": {"clinician_id": world.other_gp.id},
        "unknown": {"clinician_id": "no-such-clinician"},
        "administrator": {"clinician_id": admin},
        "missing": {},
        "unknown field": {"clinician_id": world.nurse.id, "urgent": True},
        "empty": {"clinician_id": ""},
    }
    for why, body in refused.items():
        answer = await gp.post(assign, json=body)
        assert answer.status_code == 400, why
        assert "clinician_id" in answer.json()["detail"] or "urgent" in answer.json()["detail"]
    await db.execute(
        "UPDATE clinicians SET away_until = ? WHERE id = ?", clock.now_ms() + 1, world.nurse.id
    )
    assert "away" in (await gp.post(assign, json={"clinician_id": world.nurse.id})).json()["detail"]
    await db.execute(
        "UPDATE clinicians SET away_until = NULL, active = 0 WHERE id = ?", world.nurse.id
    )
    inactive = await gp.post(assign, json={"clinician_id": world.nurse.id})
    assert inactive.status_code == 400 and "no longer active" in inactive.json()["detail"]
    stored = await db.fetch_value("SELECT assigned_to FROM inbox_items WHERE id = ?", item)
    assert stored is None
    assert (await gp.post(assign, json={"clinician_id": world.gp.id})).status_code == 200


async def test_notes_are_kept_in_order_with_their_author(as_clinician, db, world: World, clock):
    item = await opened(db, clock, world.alice.id)
    gp = await as_clinician(world.gp.phone_or_email)
    nurse = await as_clinician(world.nurse.phone_or_email)
    first = await gp.post(f"{INBOX}/{item}/notes", json={"body": "  Called, no answer  "})
    assert first.status_code == 201, first.text
    assert first.json()["body"] == "Called, no answer"
    clock.advance(minutes=2)
    longest = "x" * 2000
    assert (await nurse.post(f"{INBOX}/{item}/notes", json={"body": longest})).status_code == 201
    for bad in ({"body": ""}, {"body": "   "}, {"body": "x" * 2001}, {"text": "hi"}):
        answer = await gp.post(f"{INBOX}/{item}/notes", json=bad)
        assert answer.status_code == 400, bad
    detail = (await gp.get(f"{INBOX}/{item}")).json()
    assert [(n["clinician_name"], n["body"]) for n in detail["notes"]] == [
        ("Dr Ada Gee", "Called, no answer"),
        ("Nia Nurse", longest),
    ]
    assert detail["item"]["note_count"] == 2


async def test_bad_queries_get_a_400_naming_the_parameter(as_clinician, world: World):
    gp = await as_clinician(world.gp.phone_or_email)
    for params, name in (
        ({"scope": "everyone"}, "scope"),
        ({"status": "closed"}, "status"),
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"after": "soon"}, "after"),
        ({"after": "1.2"}, "after"),
        ({"status": "resolved", "after": "1.2.3"}, "after"),
        ({"after": "99999999999999999999.1.x"}, "after"),
    ):
        answer = await gp.get(INBOX, params=params)
        assert answer.status_code == 400, params
        assert name in answer.json()["detail"], answer.text


async def test_only_clinical_staff_of_the_practice_work_the_inbox(
    as_clinician, as_patient, db, world: World, clock, admin
):
    item = await opened(db, clock, world.alice.id)
    alice = await as_patient(world.alice.phone_or_email)
    administrator = await as_clinician(ADMIN_EMAIL)
    stranger = await as_clinician(world.other_gp.phone_or_email)
    routes = [
        ("get", INBOX, None),
        ("get", f"{INBOX}/{item}", None),
        ("post", f"{INBOX}/{item}/assign", {"clinician_id": world.nurse.id}),
        ("post", f"{INBOX}/{item}/notes", {"body": "note"}),
        ("post", f"{INBOX}/{item}/reply", {"body": "Hello"}),
        ("post", f"{INBOX}/{item}/resolve", {}),
        ("get", "/api/caseload", None),
    ]
    for method, url, body in routes:
        kwargs = {"json": body} if body is not None else {}
        for who, http in (("patient", alice), ("admin", administrator)):
            answer = await getattr(http, method)(url, **kwargs)
            assert answer.status_code == 403, (who, url)
        if url != INBOX and url != "/api/caseload":
            answer = await getattr(stranger, method)(url, **kwargs)
            assert answer.status_code == 404, url
    # Nobody's id leaks: a patient gets the same answer for an id that does not exist.
    assert (await alice.get(f"{INBOX}/no-such-item")).status_code == 403
    assert ids(await stranger.get(INBOX, params={"scope": "all"})) == []
    row = await db.fetch_one("SELECT status, assigned_to FROM inbox_items WHERE id = ?", item)
    assert (row["status"], row["assigned_to"]) == ("open", None)
    assert await db.fetch_value("SELECT COUNT(*) FROM inbox_notes") == 0


async def test_every_inbox_action_is_audited_for_the_patient(as_clinician, db, world, clock):
    item = await opened(db, clock, world.alice.id)
    gp = await as_clinician(world.gp.phone_or_email)
    await gp.get(INBOX)
    await gp.get(f"{INBOX}/{item}")
    await gp.post(f"{INBOX}/{item}/assign", json={"clinician_id": world.nurse.id})
    await gp.post(f"{INBOX}/{item}/notes", json={"body": "Will call"})
    await gp.post(f"{INBOX}/{item}/resolve", json={})
    rows = await db.fetch_all(
        "SELECT action, actor_id, target_id FROM audit_events WHERE patient_id = ? "
        "AND action LIKE 'inbox.%' ORDER BY at, action",
        world.alice.id,
    )
    assert sorted(r["action"] for r in rows) == [
        "inbox.assign",
        "inbox.list",
        "inbox.note",
        "inbox.read",
        "inbox.resolve",
    ]
    assert {r["actor_id"] for r in rows} == {world.gp.id}
    assert {r["target_id"] for r in rows if r["action"] != "inbox.list"} == {item}
