"""The caseload and continuity figures through HTTP."""

from __future__ import annotations

import uuid

from tests.integration.inbox.conftest import ADMIN_EMAIL, opened, sent_checkin
from tests.support.world import World

from careplan.clock import FixedClock
from careplan.inbox.items import ALERT, ROUTINE, URGENT
from careplan.messaging.outbox import queue_text
from careplan.storage.db import Database

DAY_MS = 86_400_000


async def clinician_wrote(
    db: Database, clock: FixedClock, patient, clinician_id: str, at: int | None = None
) -> None:
    """A clinician's text to the patient, as the inbox and thread queue them."""
    async with db.transaction() as tx:
        await queue_text(
            tx,
            patient_id=patient.id,
            phone=patient.phone_or_email,
            body="A message",
            purpose="clinician_reply",
            now=clock.now_ms() if at is None else at,
            author_kind="clinician",
            author_id=clinician_id,
        )


async def test_the_caseload_shows_each_patient_at_a_glance(
    as_clinician, as_patient, db, world: World, clock
):
    gp = await as_clinician(world.gp.phone_or_email)
    alice_url = f"/api/patients/{world.alice.id}"
    walk = await gp.post(f"{alice_url}/actions", json={"what": "Walk", "start_date": "2026-11-16"})
    assert walk.status_code == 201, walk.text
    alice = await as_patient(world.alice.phone_or_email)
    for day, outcome in (("2026-11-19", "partly"), ("2026-11-20", "done"), ("2026-11-21", "done")):
        body = {"id": str(uuid.uuid4()), "action_id": walk.json()["id"], "day": day}
        logged = await alice.post(f"{alice_url}/action-logs", json={**body, "outcome": outcome})
        assert logged.status_code == 201, logged.text
    await sent_checkin(db, clock, world.alice.id)
    sent_at = clock.now_ms() - 3_600_000
    clock.advance(minutes=5)
    assert (await alice.post(f"{alice_url}/messages", json={"body": "4"})).status_code == 201
    answered_at = clock.now_ms()
    await opened(db, clock, world.alice.id, "alert", ALERT)
    await opened(db, clock, world.alice.id, "red_flag", URGENT)
    await opened(db, clock, world.bob.id, "alert", ALERT)
    plan = await gp.patch(f"{alice_url}/plan", json={"version": 1, "review_date": "2026-11-21"})
    assert plan.status_code == 200, plan.text
    for clinician in (world.gp.id, world.gp.id, world.nurse.id):
        await clinician_wrote(db, clock, world.alice, clinician)

    mine = await gp.get("/api/caseload")
    assert mine.status_code == 200, mine.text
    [row] = mine.json()["patients"]
    assert row == {
        "patient_id": world.alice.id,
        "name": "Alice Able",
        "named_clinician_id": world.gp.id,
        "named_clinician_name": "Dr Ada Gee",
        "last_checkin_at": sent_at,
        "last_answered_at": answered_at,
        # Only this week was due (7 days): 2 done + half of 1 partly.
        "adherence_4w": round(2.5 / 7, 3),
        "open_alerts": 2,
        "open_items": 2,  # a clean answer to a check-in opens no item
        "review_date": "2026-11-21",
        "review_overdue": True,
        "contacts": 3,
        "continuity": 0.667,
    }
    practice = (await gp.get("/api/caseload", params={"scope": "practice"})).json()["patients"]
    assert [p["name"] for p in practice] == ["Alice Able", "Bob Baker"]
    bob = practice[1]
    assert (bob["adherence_4w"], bob["open_alerts"], bob["review_overdue"]) == (None, 1, False)
    assert (bob["continuity"], bob["last_checkin_at"], bob["named_clinician_id"]) == (
        None,
        None,
        None,
    )
    nurse = await as_clinician(world.nurse.phone_or_email)
    assert [p["name"] for p in (await nurse.get("/api/caseload")).json()["patients"]] == [
        "Alice Able"  # on her care team as coordinator
    ]
    await gp.patch(f"{alice_url}/plan", json={"version": 2, "review_date": "2026-11-22"})
    [row] = (await gp.get("/api/caseload")).json()["patients"]
    assert row["review_overdue"] is False  # due today is not overdue
    audited = await db.fetch_all(
        "SELECT patient_id FROM audit_events WHERE action = 'caseload.read' AND actor_id = ?",
        world.nurse.id,
    )
    assert [a["patient_id"] for a in audited] == [world.alice.id]


async def test_open_counts_leave_resolved_items_out(as_clinician, db, world: World, clock):
    alert = await opened(db, clock, world.alice.id, "alert", ALERT)
    await opened(db, clock, world.alice.id, "reply", ROUTINE)
    gp = await as_clinician(world.gp.phone_or_email)
    await gp.post(f"/api/inbox/{alert}/resolve")
    [row] = (await gp.get("/api/caseload")).json()["patients"]
    assert (row["open_alerts"], row["open_items"]) == (0, 1)


async def test_continuity_per_named_clinician_and_for_the_practice(
    as_clinician, db, world: World, clock, admin
):
    now = clock.now_ms()
    await clinician_wrote(db, clock, world.alice, world.gp.id)
    await clinician_wrote(db, clock, world.alice, world.gp.id)
    await clinician_wrote(db, clock, world.alice, world.nurse.id)
    await clinician_wrote(db, clock, world.bob, world.nurse.id)  # Bob has no named clinician
    await clinician_wrote(db, clock, world.alice, world.nurse.id, at=now - 400 * DAY_MS)
    administrator = await as_clinician(ADMIN_EMAIL)  # figures only: managers may see them
    answer = await administrator.get("/api/continuity")
    assert answer.status_code == 200, answer.text
    figures = {
        "patients": 1,
        "patients_with_contacts": 1,
        "contacts": 3,
        "by_named_clinician": 2,
        "share": 0.667,
        "mean_patient_upc": 0.667,
    }
    assert answer.json() == {
        "since": now - 365 * DAY_MS,
        "until": now,
        "practice": figures,
        "clinicians": [{"clinician_id": world.gp.id, "name": "Dr Ada Gee", "figures": figures}],
        "contacts_without_named_clinician": 1,
    }
    longer = await administrator.get("/api/continuity", params={"since": now - 500 * DAY_MS})
    assert longer.json()["practice"]["contacts"] == 4
    assert longer.json()["practice"]["share"] == 0.5
    stranger = await as_clinician(world.other_gp.phone_or_email)
    hillside = (await stranger.get("/api/continuity")).json()
    assert hillside["practice"]["contacts"] == 0 and hillside["practice"]["share"] is None


async def test_bad_periods_and_scopes_get_a_400(as_clinician, as_patient, world: World, clock):
    gp = await as_clinician(world.gp.phone_or_email)
    now = clock.now_ms()
    for params, name in (
        ({"since": now, "until": now}, "until"),
        ({"since": now - 1200 * DAY_MS, "until": now}, "since"),
        ({"since": -1}, "since"),
        ({"until": "today"}, "until"),
    ):
        answer = await gp.get("/api/continuity", params=params)
        assert answer.status_code == 400 and name in answer.json()["detail"], params
    answer = await gp.get("/api/caseload", params={"scope": "everyone"})
    assert answer.status_code == 400 and "scope" in answer.json()["detail"]
    alice = await as_patient(world.alice.phone_or_email)
    assert (await alice.get("/api/continuity")).status_code == 403
    assert (await alice.get("/api/caseload")).status_code == 403


async def test_another_practice_sees_only_its_own_patients(as_clinician, db, world, clock):
    await opened(db, clock, world.alice.id, "alert", ALERT)
    stranger = await as_clinician(world.other_gp.phone_or_email)
    assert (await stranger.get("/api/caseload")).json()["patients"] == []
    practice = (await stranger.get("/api/caseload", params={"scope": "practice"})).json()
    assert [p["name"] for p in practice["patients"]] == ["Carol Cole"]
