"""Replying from the inbox: a text to the patient, in their app thread too, timed once;
never to a number that said STOP; a replay sends nothing twice."""

from __future__ import annotations

from tests.integration.inbox.conftest import new_texts, opened
from tests.support.signin import texts_to
from tests.support.world import World

from careplan.messaging.inbound_repo import set_opted_out
from careplan.messaging.thread_service import OPTED_OUT

INBOX = "/api/inbox"


async def test_a_reply_is_texted_shown_in_the_thread_and_timed_once(
    as_clinician, as_patient, db, dev_phone, world: World, clock
):
    item = await opened(db, clock, world.alice.id, summary="Reply: feeling dizzy")
    before = await texts_to(dev_phone, world.alice.phone_or_email)
    gp = await as_clinician(world.gp.phone_or_email)
    nurse = await as_clinician(world.nurse.phone_or_email)
    clock.advance(minutes=12)
    answer = await gp.post(f"{INBOX}/{item}/reply", json={"body": "  Please call us today.  "})
    assert answer.status_code == 201, answer.text
    message, replied = answer.json()["message"], answer.json()["item"]
    assert (message["body"], message["purpose"], message["channel"]) == (
        "Please call us today.",
        "clinician_reply",
        "sms",
    )
    assert (message["author_kind"], message["author_id"], message["author_name"]) == (
        "clinician",
        world.gp.id,
        "Dr Ada Gee",
    )
    assert replied["first_reply_at"] == clock.now_ms() and replied["first_reply_by"] == world.gp.id
    assert replied["time_to_first_reply_ms"] == 12 * 60_000
    [text] = await new_texts(dev_phone, world.alice.phone_or_email, before)
    assert text["body"] == "Please call us today."
    stored = await db.fetch_one(
        "SELECT status, provider_sid FROM messages WHERE id = ?", message["id"]
    )
    assert stored["status"] == "sent" and stored["provider_sid"] == text["sid"]
    clock.advance(minutes=3)
    later = await nurse.post(f"{INBOX}/{item}/reply", json={"body": "Following up."})
    assert later.status_code == 201
    assert later.json()["item"]["first_reply_by"] == world.gp.id
    assert later.json()["item"]["time_to_first_reply_ms"] == 12 * 60_000
    alice = await as_patient(world.alice.phone_or_email)
    thread = (await alice.get(f"/api/patients/{world.alice.id}/messages")).json()
    assert [(m["body"], m["author_name"]) for m in thread["messages"]] == [
        ("Please call us today.", "Dr Ada Gee"),
        ("Following up.", "Nia Nurse"),
    ]
    listed = (await gp.get(INBOX)).json()["items"][0]
    assert listed["time_to_first_reply_ms"] == 12 * 60_000


async def test_no_reply_reaches_a_number_that_said_stop(as_clinician, db, dev_phone, world, clock):
    item = await opened(db, clock, world.alice.id)
    await set_opted_out(db, world.alice.phone_or_email, True, clock.now_ms())
    before = len(await texts_to(dev_phone, world.alice.phone_or_email))
    gp = await as_clinician(world.gp.phone_or_email)
    answer = await gp.post(f"{INBOX}/{item}/reply", json={"body": "Are you OK?"})
    assert answer.status_code == 409 and answer.json()["detail"] == OPTED_OUT
    assert "STOP" in OPTED_OUT
    assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 0
    assert await db.fetch_value("SELECT first_reply_at FROM inbox_items WHERE id = ?", item) is None
    assert len(await texts_to(dev_phone, world.alice.phone_or_email)) == before
    thread = await gp.post(f"/api/patients/{world.alice.id}/messages", json={"body": "Hello"})
    assert thread.status_code == 409 and thread.json()["detail"] == OPTED_OUT
    await set_opted_out(db, world.alice.phone_or_email, False, clock.now_ms())  # START
    assert (await gp.post(f"{INBOX}/{item}/reply", json={"body": "Are you OK?"})).status_code == 201


async def test_a_replayed_reply_is_sent_once(as_clinician, db, dev_phone, world: World, clock):
    item = await opened(db, clock, world.alice.id)
    before = await texts_to(dev_phone, world.alice.phone_or_email)
    gp = await as_clinician(world.gp.phone_or_email)
    body = {"body": "We have booked you in for Tuesday.", "client_id": "reply-0001-abcd"}
    first = await gp.post(f"{INBOX}/{item}/reply", json=body)
    again = await gp.post(f"{INBOX}/{item}/reply", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["message"]["id"] == again.json()["message"]["id"] == "reply-0001-abcd"
    assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 1
    [text] = await new_texts(dev_phone, world.alice.phone_or_email, before)
    assert text["body"] == body["body"]
    bob_item = await opened(db, clock, world.bob.id)
    clash = await gp.post(f"{INBOX}/{bob_item}/reply", json=body)
    assert clash.status_code == 400 and "client_id" in clash.json()["detail"]


async def test_bad_replies_get_a_400_and_send_nothing(as_clinician, db, world: World, clock):
    item = await opened(db, clock, world.alice.id)
    gp = await as_clinician(world.gp.phone_or_email)
    for bad in (
        {"body": ""},
        {"body": "   "},
        {"body": "x" * 1601},
        {},
        {"body": "Hi", "to": "+447700900999"},
        {"body": "Hi", "client_id": "short"},
        {"body": "Hi", "client_id": "has spaces in it"},
        {"body": "Hi\u0000there"},
    ):
        answer = await gp.post(f"{INBOX}/{item}/reply", json=bad)
        assert answer.status_code == 400, (bad, answer.text)
    assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 0
    assert (await gp.post(f"{INBOX}/{item}/reply", json={"body": "x" * 1600})).status_code == 201


async def test_every_reply_is_audited(as_clinician, db, world: World, clock):
    item = await opened(db, clock, world.alice.id)
    gp = await as_clinician(world.gp.phone_or_email)
    await gp.post(f"{INBOX}/{item}/reply", json={"body": "Thanks, noted."})
    actions = await db.fetch_all(
        "SELECT action, target_id FROM audit_events WHERE patient_id = ? ORDER BY action",
        world.alice.id,
    )
    message_id = await db.fetch_value("SELECT id FROM messages")
    assert [(a["action"], a["target_id"]) for a in actions] == [
        ("inbox.reply", item),
        ("message.send", message_id),
    ]
