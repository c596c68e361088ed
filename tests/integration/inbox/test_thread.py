"""A patient's message thread through HTTP: reading (paged, named, with the open check-in),
writing as the patient (the reply pipeline) and as a clinician (a text), replays, access."""

from __future__ import annotations

import uuid

from tests.integration.inbox.conftest import ADMIN_EMAIL, new_texts, opened, sent_checkin
from tests.support.signin import texts_to
from tests.support.world import World

from careplan.messaging.outbox import queue_text


def thread_url(patient_id: str) -> str:
    return f"/api/patients/{patient_id}/messages"


async def test_the_thread_reads_oldest_first_in_pages_with_names(
    as_clinician, as_patient, db, world: World, clock
):
    async with db.transaction() as tx:
        for n in range(5):
            await queue_text(
                tx,
                patient_id=world.alice.id,
                phone=world.alice.phone_or_email,
                body=f"message {n}",
                purpose="clinician_message",
                now=clock.now_ms() + (n // 2) * 1000,  # pairs share an instant: id decides
                author_kind="clinician" if n % 2 else "system",
                author_id=world.nurse.id if n % 2 else None,
                message_id=f"message-{n:02}",
            )
    alice = await as_patient(world.alice.phone_or_email)
    page = (await alice.get(thread_url(world.alice.id), params={"limit": 2})).json()
    assert [m["body"] for m in page["messages"]] == ["message 3", "message 4"]
    assert page["open_checkin"] is None
    bodies = [m["body"] for m in page["messages"]]
    while page["next_before"]:
        params = {"limit": 2, "before": page["next_before"]}
        page = (await alice.get(thread_url(world.alice.id), params=params)).json()
        bodies = [m["body"] for m in page["messages"]] + bodies
    assert bodies == [f"message {n}" for n in range(5)]
    whole = (await alice.get(thread_url(world.alice.id))).json()["messages"]
    assert [m["author_name"] for m in whole] == [None, "Nia Nurse", None, "Nia Nurse", None]
    assert all("phone" not in m for m in whole)
    for bad in ("yesterday", "12", ".abc", "1.", "x" * 101):
        answer = await alice.get(thread_url(world.alice.id), params={"before": bad})
        assert answer.status_code == 400 and "before" in answer.json()["detail"], bad
    for limit in (0, 201):
        answer = await alice.get(thread_url(world.alice.id), params={"limit": limit})
        assert answer.status_code == 400


async def test_the_open_checkin_is_shown_and_can_be_answered_in_the_app(
    as_clinician, as_patient, db, world: World, clock
):
    checkin_id = await sent_checkin(db, clock, world.alice.id)
    alice = await as_patient(world.alice.phone_or_email)
    thread = (await alice.get(thread_url(world.alice.id))).json()
    assert thread["open_checkin"] == {
        "id": checkin_id,
        "kind": "scale",
        "question": "How is your breathing, 1 to 5?",
        "options": {"min": 1, "max": 5},
    }
    answer = await alice.post(thread_url(world.alice.id), json={"body": "4"})
    assert answer.status_code == 201, answer.text
    posted = answer.json()
    assert (posted["message"]["direction"], posted["message"]["channel"]) == ("inbound", "app")
    assert (posted["message"]["author_kind"], posted["message"]["author_name"]) == (
        "patient",
        "Alice Able",
    )
    assert posted["outcome"]["kind"] == "answered"
    assert posted["outcome"]["checkin_id"] == checkin_id
    row = await db.fetch_one("SELECT status, answer FROM checkins WHERE id = ?", checkin_id)
    assert row["status"] == "answered"
    assert (await alice.get(thread_url(world.alice.id))).json()["open_checkin"] is None


async def test_a_patients_message_reaches_the_inbox_and_a_red_flag_is_urgent(
    as_clinician, as_patient, db, world: World
):
    alice = await as_patient(world.alice.phone_or_email)
    plain = await alice.post(thread_url(world.alice.id), json={"body": "Can I move my review?"})
    assert plain.status_code == 201 and plain.json()["outcome"]["kind"] == "reply"
    urgent = await alice.post(thread_url(world.alice.id), json={"body": "I have chest pain"})
    assert urgent.json()["outcome"]["urgent"] and urgent.json()["outcome"]["safety_net_sent"]
    gp = await as_clinician(world.gp.phone_or_email)
    items = (await gp.get("/api/inbox")).json()["items"]
    assert [(i["urgency"], i["patient_id"]) for i in items] == [
        (2, world.alice.id),
        (0, world.alice.id),
    ]
    assert items[0]["id"] == urgent.json()["outcome"]["item_id"]
    messages = (await alice.get(thread_url(world.alice.id))).json()["messages"]
    safety_net = [m for m in messages if m["direction"] == "outbound"]
    assert len(safety_net) == 1 and "999" in safety_net[0]["body"]  # answered in the app


async def test_a_replayed_patient_message_is_stored_and_handled_once(as_patient, db, world: World):
    alice = await as_patient(world.alice.phone_or_email)
    body = {"body": "Feeling better today", "client_id": str(uuid.uuid4())}
    first = await alice.post(thread_url(world.alice.id), json=body)
    again = await alice.post(thread_url(world.alice.id), json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["message"]["id"] == again.json()["message"]["id"] == body["client_id"]
    assert again.json()["outcome"] is None
    assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 1
    assert await db.fetch_value("SELECT COUNT(*) FROM inbox_items") == 1
    bob = await as_patient(world.bob.phone_or_email)
    clash = await bob.post(thread_url(world.bob.id), json=body)
    assert clash.status_code == 400 and "client_id" in clash.json()["detail"]
    for bad in ({"body": ""}, {"body": "  "}, {"body": "x" * 1601}, {"text": "hi"}):
        assert (await alice.post(thread_url(world.alice.id), json=bad)).status_code == 400
    assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 1


async def test_a_clinicians_message_is_texted_and_answers_open_items(
    as_clinician, db, dev_phone, world: World, clock
):
    item = await opened(db, clock, world.alice.id)
    before = await texts_to(dev_phone, world.alice.phone_or_email)
    clock.advance(minutes=7)
    nurse = await as_clinician(world.nurse.phone_or_email)
    answer = await nurse.post(thread_url(world.alice.id), json={"body": "Your results are fine."})
    assert answer.status_code == 201, answer.text
    message = answer.json()["message"]
    assert (message["purpose"], message["author_name"]) == ("clinician_message", "Nia Nurse")
    assert answer.json()["outcome"] is None
    [text] = await new_texts(dev_phone, world.alice.phone_or_email, before)
    assert text["body"] == "Your results are fine."
    row = await db.fetch_one(
        "SELECT first_reply_at, first_reply_by FROM inbox_items WHERE id = ?", item
    )
    assert (row["first_reply_at"], row["first_reply_by"]) == (clock.now_ms(), world.nurse.id)


async def test_only_the_patient_and_their_practices_clinicians_use_the_thread(
    as_clinician, as_patient, db, world: World, admin
):
    url = thread_url(world.alice.id)
    bob = await as_patient(world.bob.phone_or_email)
    stranger = await as_clinician(world.other_gp.phone_or_email)
    administrator = await as_clinician(ADMIN_EMAIL)
    for http, status in ((bob, 404), (stranger, 404), (administrator, 403)):
        assert (await http.get(url)).status_code == status
        assert (await http.post(url, json={"body": "Hello"})).status_code == status
    assert (await stranger.get(thread_url("no-such-patient"))).status_code == 404
    assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 0
    nurse = await as_clinician(world.nurse.phone_or_email)
    assert (await nurse.get(url)).status_code == 200
    audit = await db.fetch_all(
        "SELECT actor_id FROM audit_events WHERE action = 'thread.read' AND patient_id = ?",
        world.alice.id,
    )
    assert [a["actor_id"] for a in audit] == [world.nurse.id]
