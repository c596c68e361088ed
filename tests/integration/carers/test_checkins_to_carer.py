"""Check-ins texted to a carer's phone, on SQLite and PostgreSQL, driven by the real tick with
the fixed clock, the real twilio client into the dev phone, and signed inbound webhooks: the
carer gets them (not the patient) while their access holds, their replies are theirs on the
patient's behalf, and a carer whose access ended is never texted and never goes unnoticed."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from tests.scheduler.support import token
from tests.support.carers import CARER_PHONE, carer_helping
from tests.support.replies import Phone, items, text_in
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.checkins.carer_recipients import CARER_ACCESS_ENDED
from careplan.checkins.claims import materialise, queue_due
from careplan.checkins.reply_texts import SAFETY_NET
from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock
from careplan.inbox.items import ROUTINE, URGENT
from careplan.messaging.dispatch import dispatch_queued
from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.settings import Settings
from careplan.storage.db import Database

SCOPES = ["view_plan", "answer_checkins"]


@pytest.fixture
def settings_env(settings_env: dict[str, str]) -> dict[str, str]:
    """Sessions outlive the fixed clock's jumps; sending unthrottled."""
    return {
        **settings_env,
        "CAREPLAN_SESSION_IDLE_MINUTES": str(24 * 60),
        "CAREPLAN_SMS_PER_SECOND": "100000",
    }


@pytest.fixture
def settings(settings_env: dict[str, str]) -> Settings:
    return Settings.from_env(settings_env)


@pytest.fixture
async def sms(settings: Settings) -> AsyncIterator[TwilioSmsProvider]:
    provider = TwilioSmsProvider(settings.twilio)
    yield provider
    await provider.close()


@pytest.fixture
async def alice(open_client, dev_phone: str, world: World) -> httpx.AsyncClient:
    http = await open_client()
    await sign_in_patient(http, dev_phone, world.alice.phone_or_email)
    return http


async def helping(open_client, alice, dev_phone, world: World, scopes=SCOPES) -> dict:
    """Sam Carer helps Alice with SCOPES (invited, signed in, accepted): the delegation."""
    carer = await open_client()
    return await carer_helping(alice, carer, dev_phone, world.alice.id, scopes)


def bp_schedule(word: str, carer_id: str | None, local_time: str = "10:30") -> dict:
    """A daily blood-pressure check-in, to the carer when CARER_ID is given."""
    body = {
        "kind": "reading",
        "question": f"Blood pressure {word}?",
        "options": {"reading_type": "blood_pressure"},
        "cadence": "daily",
        "local_time": local_time,
        "recipient": "carer" if carer_id else "patient",
    }
    return {**body, "recipient_carer_id": carer_id} if carer_id else body


async def carer_schedule(
    http: httpx.AsyncClient, patient_id: str, word: str, carer_id: str, local_time: str = "10:30"
):
    answer = await http.post(
        f"/api/patients/{patient_id}/checkin-schedules",
        json=bp_schedule(word, carer_id, local_time),
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


async def checkin_of(db: Database, schedule_id: str):
    return await db.fetch_one("SELECT * FROM checkins WHERE schedule_id = ?", schedule_id)


async def phones(dev_phone: str, world: World) -> tuple[Phone, Phone]:
    return (
        await Phone(dev_phone, CARER_PHONE).mark(),
        await Phone(dev_phone, world.alice.phone_or_email).mark(),
    )


async def test_a_check_in_goes_to_the_carers_phone_and_their_reply_is_theirs_for_the_patient(
    open_client, client, alice, dev_phone, world: World, db, clock: FixedClock, sms, settings
):
    delegation = await helping(open_client, alice, dev_phone, world)
    carer_id, word = delegation["carer_id"], token()
    schedule = await carer_schedule(alice, world.alice.id, word, carer_id)
    assert (schedule["recipient"], schedule["recipient_carer_id"]) == ("carer", carer_id)
    assert (schedule["recipient_carer_name"], schedule["carer_access_ended"]) == (
        "Sam Carer",
        False,
    )
    carer_phone, alice_phone = await phones(dev_phone, world)
    clock.advance(minutes=31)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.queued, report.sent) == (1, 1)
    assert await carer_phone.new_texts() == [
        f"Riverside: Check-in for Alice: Blood pressure {word}? Reply like BP 140/90."
    ]
    assert await alice_phone.new_texts() == []
    checkin = await checkin_of(db, schedule["id"])
    assert checkin["status"] == "sent"

    await text_in(client, CARER_PHONE, "BP 140/90")

    checkin = await checkin_of(db, schedule["id"])
    assert (checkin["status"], checkin["answer"]) == ("answered", "140/90")
    assert (checkin["answered_by_kind"], checkin["answered_by_id"]) == ("carer", carer_id)
    [reading] = (await alice.get(f"/api/patients/{world.alice.id}/readings")).json()["items"]
    assert (reading["value"], reading["value2"], reading["source"]) == (140, 90, "sms")
    assert (reading["actor_kind"], reading["actor_id"]) == ("carer", carer_id)
    assert (reading["on_behalf_of"], reading["actor_name"]) == (world.alice.id, "Sam Carer")
    thread = (await alice.get(f"/api/patients/{world.alice.id}/messages")).json()
    [said] = [m for m in thread["messages"] if m["direction"] == "inbound"]
    assert (said["body"], said["author_kind"], said["author_id"]) == (
        "BP 140/90",
        "carer",
        carer_id,
    )
    assert (said["author_name"], said["on_behalf_of"]) == ("Sam Carer", world.alice.id)
    assert said["checkin_id"] == checkin["id"]
    log = (await alice.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    answered = [e for e in log if e["action"] in ("checkin.answer", "reading.create")]
    assert sorted(e["action"] for e in answered) == ["checkin.answer", "reading.create"]
    assert {(e["actor_kind"], e["actor_name"], e["on_behalf_of"]) for e in answered} == {
        ("carer", "Sam Carer", world.alice.id)
    }


async def test_a_reminder_goes_to_the_carer_and_the_patients_own_text_does_not_answer_it(
    open_client, client, alice, dev_phone, world: World, db, clock: FixedClock, sms, settings
):
    delegation = await helping(open_client, alice, dev_phone, world)
    word = token()
    schedule = await carer_schedule(alice, world.alice.id, word, delegation["carer_id"])
    clock.advance(minutes=31)
    await run_tick(db, sms, settings, clock, "worker-a")
    await text_in(client, world.alice.phone_or_email, "BP 150/95")  # not asked: for a person
    assert (await checkin_of(db, schedule["id"]))["status"] == "sent"
    carer_phone, alice_phone = await phones(dev_phone, world)
    clock.advance(minutes=settings.reminder_minutes)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert report.reminded == 1
    assert await carer_phone.new_texts() == [
        f"Riverside: Reminder for Alice: Blood pressure {word}? Reply like BP 140/90."
    ]
    assert await alice_phone.new_texts() == []
    [item] = await items(db, "reply")
    assert item["patient_id"] == world.alice.id and "From their carer" not in item["summary"]


@pytest.mark.parametrize("ended_by", ["revoked", "scope removed"])
async def test_a_carer_whose_access_ended_is_not_texted_and_the_team_is_told(
    open_client, alice, dev_phone, world: World, db, clock: FixedClock, sms, settings, ended_by
):
    delegation = await helping(open_client, alice, dev_phone, world)
    word = token()
    schedule = await carer_schedule(alice, world.alice.id, word, delegation["carer_id"])
    base = f"/api/patients/{world.alice.id}/carers/{delegation['id']}"
    if ended_by == "revoked":
        changed = await alice.post(f"{base}/revoke")
    else:
        listed = (await alice.get(f"/api/patients/{world.alice.id}/carers")).json()["items"]
        [version] = [d["version"] for d in listed if d["id"] == delegation["id"]]
        changed = await alice.patch(base, json={"version": version, "scopes": ["view_plan"]})
    assert changed.status_code == 200, changed.text
    carer_phone, alice_phone = await phones(dev_phone, world)
    clock.advance(minutes=31)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.queued, report.sent) == (0, 0)
    assert await carer_phone.new_texts() == []
    assert await alice_phone.new_texts() == []  # not silently sent to the patient instead
    checkin = await checkin_of(db, schedule["id"])
    assert (checkin["status"], checkin["skip_reason"]) == ("skipped", CARER_ACCESS_ENDED)
    [item] = await items(db, CARER_ACCESS_ENDED)
    assert (item["patient_id"], item["urgency"], item["checkin_id"]) == (
        world.alice.id,
        ROUTINE,
        checkin["id"],
    )
    assert "carer" in item["summary"] and word in item["summary"]
    gp = await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    thread = (await gp.get(f"/api/patients/{world.alice.id}/messages")).json()["messages"]
    [not_sent] = [m for m in thread if m["checkin_id"] == checkin["id"]]
    assert (not_sent["status"], not_sent["skip_reason"]) == ("skipped", CARER_ACCESS_ENDED)
    [shown] = (await gp.get(f"/api/patients/{world.alice.id}/checkin-schedules")).json()[
        "schedules"
    ]
    assert shown["carer_access_ended"] is True


async def test_access_ended_after_queueing_or_sending_stops_the_text_and_the_reminder(
    open_client, alice, dev_phone, world: World, db, clock: FixedClock, sms, settings
):
    delegation = await helping(open_client, alice, dev_phone, world)
    queued_word, sent_word = token(), token()
    carer_id = delegation["carer_id"]
    sent = await carer_schedule(alice, world.alice.id, sent_word, carer_id, "10:05")
    queued = await carer_schedule(alice, world.alice.id, queued_word, carer_id, "10:30")
    clock.advance(minutes=6)
    await run_tick(db, sms, settings, clock, "worker-a")
    assert (await checkin_of(db, sent["id"]))["status"] == "sent"
    clock.advance(minutes=25)
    await materialise(db, settings, clock.now_ms(), 100)
    await queue_due(db, settings, clock.now_ms(), "worker-a", 100)  # text queued, not sent
    carer_phone, _ = await phones(dev_phone, world)
    revoked = await alice.post(f"/api/patients/{world.alice.id}/carers/{delegation['id']}/revoke")
    assert revoked.status_code == 200

    assert await dispatch_queued(db, sms, settings, clock, "worker-a") == 0
    clock.advance(minutes=settings.reminder_minutes)
    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert report.sent == 0
    assert await carer_phone.new_texts() == []
    was_queued, was_sent = await checkin_of(db, queued["id"]), await checkin_of(db, sent["id"])
    assert (was_queued["status"], was_queued["skip_reason"]) == ("skipped", CARER_ACCESS_ENDED)
    assert was_sent["status"] == "unanswered"
    told = {item["checkin_id"] for item in await items(db, CARER_ACCESS_ENDED)}
    assert told == {was_queued["id"], was_sent["id"]}


async def test_a_red_flag_from_the_carers_phone_gets_the_safety_net_and_is_urgent(
    open_client, client, alice, dev_phone, world: World, db, clock: FixedClock, sms, settings
):
    delegation = await helping(open_client, alice, dev_phone, world)
    schedule = await carer_schedule(alice, world.alice.id, token(), delegation["carer_id"])
    clock.advance(minutes=31)
    await run_tick(db, sms, settings, clock, "worker-a")
    carer_phone, alice_phone = await phones(dev_phone, world)

    await text_in(client, CARER_PHONE, "BP 150/95 chest pain")

    assert await carer_phone.new_texts() == [SAFETY_NET]
    assert await alice_phone.new_texts() == []
    [item] = await items(db, "red_flag")
    assert (item["patient_id"], item["urgency"]) == (world.alice.id, URGENT)
    assert item["summary"].startswith("From their carer Sam Carer: Red flag words")
    message = await db.fetch_one("SELECT * FROM messages WHERE id = ?", item["message_id"])
    assert (message["author_kind"], message["author_id"], message["on_behalf_of"]) == (
        "carer",
        delegation["carer_id"],
        world.alice.id,
    )
    assert (await checkin_of(db, schedule["id"]))["answered_by_kind"] == "carer"


async def test_a_red_flag_from_a_carers_phone_with_nothing_waiting_is_still_answered(
    open_client, client, alice, dev_phone, world: World, db
):
    await helping(open_client, alice, dev_phone, world)
    carer_phone, _ = await phones(dev_phone, world)

    await text_in(client, CARER_PHONE, "can't breathe")

    assert await carer_phone.new_texts() == [SAFETY_NET]
    [item] = await items(db, "carer_text")
    assert (item["patient_id"], item["urgency"]) == (world.alice.id, URGENT)
    assert "Sam Carer" in item["summary"] and "not attached" in item["summary"]
    assert await db.fetch_value("SELECT COUNT(*) FROM readings") == 0


async def test_a_carers_text_is_never_attached_to_a_guessed_patient(
    open_client, client, alice, dev_phone, world: World, db, clock: FixedClock, sms, settings
):
    delegation = await helping(open_client, alice, dev_phone, world)
    await text_in(client, CARER_PHONE, "Hello, how do I use this?")  # nothing waiting
    [loose] = await items(db, "carer_text")
    assert (loose["patient_id"], loose["urgency"]) == (world.alice.id, ROUTINE)
    bob = await open_client()
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    bobs = await carer_helping(bob, await open_client(), dev_phone, world.bob.id, SCOPES)
    assert bobs["carer_id"] == delegation["carer_id"]
    for patient, http in ((world.alice, alice), (world.bob, bob)):
        await carer_schedule(http, patient.id, token(), delegation["carer_id"])
    clock.advance(minutes=31)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).sent == 2

    await text_in(client, CARER_PHONE, "BP 140/90")

    assert await db.fetch_value("SELECT COUNT(*) FROM readings") == 0
    assert await db.fetch_value("SELECT COUNT(*) FROM checkins WHERE status = 'answered'") == 0
    [shared] = await items(db, "shared_number")
    assert "more than one patient" in shared["summary"] and "Sam Carer" in shared["summary"]


async def test_stop_from_the_carers_phone_opts_it_out_and_tells_the_patients_team(
    open_client, client, alice, dev_phone, world: World, db, clock: FixedClock, sms, settings
):
    delegation = await helping(open_client, alice, dev_phone, world)
    schedule = await carer_schedule(alice, world.alice.id, token(), delegation["carer_id"])

    await text_in(client, CARER_PHONE, "STOP")

    assert await db.fetch_value("SELECT opted_out FROM phone_status WHERE phone = ?", CARER_PHONE)
    [item] = await items(db, "opted_out")
    assert item["patient_id"] == world.alice.id and "Sam Carer" in item["summary"]
    clock.advance(minutes=31)
    carer_phone, alice_phone = await phones(dev_phone, world)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).sent == 0
    assert await carer_phone.new_texts() == [] and await alice_phone.new_texts() == []
    checkin = await checkin_of(db, schedule["id"])
    assert (checkin["status"], checkin["skip_reason"]) == ("skipped", "opted_out")


async def test_a_carer_recipient_must_have_live_access_that_answers_check_ins(
    open_client, alice, dev_phone, world: World, db
):
    url = f"/api/patients/{world.alice.id}/checkin-schedules"
    delegation = await helping(open_client, alice, dev_phone, world, ["view_plan"])
    word = token()

    refusals = {
        "no answer_checkins": bp_schedule(word, delegation["carer_id"]),
        "not a carer": bp_schedule(word, "no-such-carer"),
        "no carer named": {**bp_schedule(word, None), "recipient": "carer"},
    }
    for case, body in refusals.items():
        refused = await alice.post(url, json=body)
        assert refused.status_code == 400, (case, refused.text)
        assert refused.json()["detail"].startswith("recipient_carer_id: "), case
    assert (
        "answer check-ins"
        in (await alice.post(url, json=refusals["no answer_checkins"])).json()["detail"]
    )
    patient_only = (await alice.post(url, json=bp_schedule(word, None))).json()
    moved = await alice.patch(
        f"/api/checkin-schedules/{patient_only['id']}",
        json={"version": 1, "recipient": "carer", "recipient_carer_id": delegation["carer_id"]},
    )
    assert moved.status_code == 400 and "recipient_carer_id" in moved.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM checkin_schedules") == 1


async def test_a_former_carers_red_flag_still_gets_the_safety_net_and_nothing_is_kept(
    open_client, client, alice, dev_phone, world: World, db
):
    delegation = await helping(open_client, alice, dev_phone, world)
    base = f"/api/patients/{world.alice.id}/carers/{delegation['id']}"
    assert (await alice.post(f"{base}/revoke")).status_code == 200
    carer_phone, _ = await phones(dev_phone, world)

    await text_in(client, CARER_PHONE, "Hello again")
    await text_in(client, CARER_PHONE, "can't breathe")

    assert await carer_phone.new_texts() == [SAFETY_NET]
    assert await items(db) == []
    kept = await db.fetch_all("SELECT patient_id, body FROM messages WHERE direction = 'inbound'")
    assert [(m["patient_id"], m["body"]) for m in kept] == [(None, "can't breathe")]
