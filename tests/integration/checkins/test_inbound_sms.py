"""Inbound texts through the real webhook, signed as Twilio signs them, on SQLite and
PostgreSQL: deduplication, STOP / START / HELP, red flags with the safety net on the dev
phone, every kind of answer, clarifying once, thresholds, shared and unknown numbers."""

from __future__ import annotations

import pytest
from tests.support.replies import (
    Phone,
    inbound_params,
    items,
    outbound,
    post_inbound,
    signed,
    text_in,
    waiting_checkin,
)
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.checkins.outcomes import CHECKIN_PURPOSE
from careplan.checkins.reply_texts import SAFETY_NET
from careplan.inbox.items import ALERT, ROUTINE, URGENT
from careplan.messaging.dispatch import dispatch_queued
from careplan.messaging.outbox import queue_text
from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.settings import Settings
from careplan.storage.db import Database

BP = {"reading_type": "blood_pressure"}


async def count(db: Database, table: str) -> int:
    return await db.fetch_value(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - test tables


async def checkin(db: Database, checkin_id: str):
    return await db.fetch_one("SELECT * FROM checkins WHERE id = ?", checkin_id)


async def opted_out(db: Database, phone: str) -> bool:
    return bool(await db.fetch_value("SELECT opted_out FROM phone_status WHERE phone = ?", phone))


# --- believing and deduplicating ---------------------------------------------------------


async def test_a_forged_text_is_403_and_changes_nothing(client, world: World, db, clock):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)
    params = inbound_params(world.alice.phone_or_email, "BP 150/95")

    forged = await post_inbound(client, params, signed(params, token="not-our-token"))
    unsigned = await post_inbound(client, params, None)

    assert (forged.status_code, unsigned.status_code) == (403, 403)
    assert await count(db, "messages") == 0
    assert await count(db, "readings") == 0
    assert (await checkin(db, checkin_id))["status"] == "sent"


async def test_a_duplicate_webhook_is_processed_once(client, world: World, db, clock):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)
    params = inbound_params(world.alice.phone_or_email, "BP 150/95")

    for _ in range(3):  # Twilio retries: same MessageSid, same signature
        answer = await post_inbound(client, params, signed(params))
        assert answer.status_code == 200 and "<Response></Response>" in answer.text

    stored = await db.fetch_all("SELECT * FROM messages WHERE direction = 'inbound'")
    assert len(stored) == 1
    assert (stored[0]["provider_sid"], stored[0]["status"], stored[0]["channel"]) == (
        params["MessageSid"],
        "received",
        "sms",
    )
    assert await count(db, "readings") == 1
    assert (await checkin(db, checkin_id))["answer"] == "150/95"


async def test_a_duplicate_red_flag_gets_one_item_and_one_safety_net(
    client, world: World, db, dev_phone
):
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()
    params = inbound_params(world.alice.phone_or_email, "chest pain")

    for _ in range(2):
        assert (await post_inbound(client, params, signed(params))).status_code == 200

    assert len(await items(db, "red_flag")) == 1
    assert await phone.new_texts() == [SAFETY_NET]


# --- STOP / START / HELP -----------------------------------------------------------------


@pytest.mark.parametrize("word", ["STOP", "stop.", " Unsubscribe ", "QUIT!", "end", "Stop all"])
async def test_stop_opts_the_number_out_tells_the_team_and_confirms_once(
    client, world: World, db, dev_phone, word
):
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, word)

    assert await opted_out(db, world.alice.phone_or_email)
    source = await db.fetch_value(
        "SELECT opt_out_source FROM phone_status WHERE phone = ?", world.alice.phone_or_email
    )
    assert source == "keyword"
    [item] = await items(db, "opted_out")
    assert (item["patient_id"], item["urgency"]) == (world.alice.id, ROUTINE)
    assert "STOP" in item["summary"]
    [confirmation] = await outbound(db, "opt_out_confirm")
    assert "START" in confirmation["body"] and "Riverside" in confirmation["body"]
    assert await phone.new_texts() == [confirmation["body"]]


async def test_with_opt_out_type_twilio_has_answered_so_we_do_not_text(
    client, world: World, db, dev_phone
):
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, "Arrêt", OptOutType="STOP")

    assert await opted_out(db, world.alice.phone_or_email)
    assert len(await items(db, "opted_out")) == 1
    assert await outbound(db) == []
    assert await phone.new_texts() == []


async def test_after_stop_nothing_more_is_texted_even_a_red_flag(
    client, world: World, db, dev_phone
):
    await text_in(client, world.alice.phone_or_email, "STOP", OptOutType="STOP")
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, "I can't breathe")

    [item] = await items(db, "red_flag")
    assert item["urgency"] == URGENT and "opted out" in item["summary"]
    assert await outbound(db) == []
    assert await phone.new_texts() == []


async def test_after_stop_the_dispatcher_texts_nothing_more(
    client, world: World, db, clock, dev_phone, settings_env
):
    alice = world.alice.phone_or_email
    async with db.transaction() as tx:
        waiting = await queue_text(
            tx,
            patient_id=world.alice.id,
            phone=alice,
            body="Did you take your tablets?",
            purpose=CHECKIN_PURPOSE,
            now=clock.now_ms(),
        )
    phone = await Phone(dev_phone, alice).mark()

    await text_in(client, alice, "STOP")
    settings = Settings.from_env(settings_env)
    provider = TwilioSmsProvider(settings.twilio)
    try:
        await dispatch_queued(db, provider, settings, clock, "test-worker")
    finally:
        await provider.close()

    skipped = await db.fetch_one("SELECT status, skip_reason FROM messages WHERE id = ?", waiting)
    assert (skipped["status"], skipped["skip_reason"]) == ("skipped", "opted_out")
    [confirmation] = await phone.new_texts()  # the STOP's own confirmation, and nothing else
    assert "START" in confirmation


async def test_start_and_yes_opt_back_in_but_yes_is_otherwise_an_answer(
    client, world: World, db, clock, dev_phone
):
    alice = world.alice.phone_or_email
    await text_in(client, alice, "STOP", OptOutType="STOP")
    await text_in(client, alice, "start")
    assert not await opted_out(db, alice)
    [confirmation] = await outbound(db, "opt_in_confirm")
    assert "STOP" in confirmation["body"]

    await text_in(client, alice, "STOP", OptOutType="STOP")
    await text_in(client, alice, "Yes!")
    assert not await opted_out(db, alice)
    assert len(await outbound(db, "opt_in_confirm")) == 2

    checkin_id = await waiting_checkin(db, clock, world.alice.id, "yes_no")
    await text_in(client, alice, "YES")
    assert not await opted_out(db, alice)
    assert (await checkin(db, checkin_id))["answer"] == "yes"
    assert len(await outbound(db, "opt_in_confirm")) == 2


async def test_help_says_who_we_are_how_to_stop_and_999(client, world: World, db, dev_phone):
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, "Help")

    [help_text] = await phone.new_texts()
    assert "Riverside" in help_text and "STOP" in help_text
    assert "999" in help_text and "111" in help_text and "not for emergencies" in help_text.lower()
    [item] = await items(db, "reply")
    assert "HELP" in item["summary"]
    assert not await opted_out(db, world.alice.phone_or_email)

    await text_in(client, world.alice.phone_or_email, "HELP", OptOutType="HELP")
    assert len(await outbound(db, "help")) == 1  # Twilio answered the second one


# --- red flags ---------------------------------------------------------------------------


async def test_a_red_flag_is_urgent_and_gets_the_safety_net_at_once(
    client, world: World, db, dev_phone
):
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, "I’ve got chest pain and can’t breathe")

    [item] = await items(db)
    assert (item["kind"], item["urgency"], item["patient_id"]) == (
        "red_flag",
        URGENT,
        world.alice.id,
    )
    assert "chest pain" in item["summary"] and "cannot breathe" in item["summary"]
    assert item["routed_to"] == world.gp.id  # alice's named clinician
    assert await phone.new_texts() == [SAFETY_NET]
    [sent] = await outbound(db, "safety_net")
    assert sent["patient_id"] == world.alice.id and sent["status"] in {"sent", "delivered"}


async def test_a_red_flag_inside_a_clean_answer_still_flags_and_the_answer_is_kept(
    client, world: World, db, clock, dev_phone
):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, "BP 150/95 chest pain")

    assert [i["kind"] for i in await items(db)] == ["red_flag"]  # no extra "said more" item
    assert (await checkin(db, checkin_id))["answer"] == "150/95"
    assert await phone.new_texts() == [SAFETY_NET]


async def test_an_unreadable_red_flag_is_not_asked_to_clarify(
    client, world: World, db, clock, dev_phone
):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, "my face is drooping")

    assert [i["kind"] for i in await items(db)] == ["red_flag"]
    assert await phone.new_texts() == [SAFETY_NET]
    assert (await checkin(db, checkin_id))["status"] == "sent"


# --- answers by kind ---------------------------------------------------------------------


async def test_a_blood_pressure_reply_is_stored_as_a_reading_and_answers_the_check_in(
    client, world: World, db, clock
):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)

    await text_in(client, world.alice.phone_or_email, "BP 140/90")

    [reading] = await db.fetch_all("SELECT * FROM readings")
    assert (reading["reading_type"], reading["value"], reading["value2"], reading["unit"]) == (
        "blood_pressure",
        140,
        90,
        "mmHg",
    )
    assert (reading["source"], reading["actor_kind"], reading["actor_id"]) == (
        "sms",
        "patient",
        world.alice.id,
    )
    assert reading["taken_at"] == clock.now_ms()
    answered = await checkin(db, checkin_id)
    assert (answered["status"], answered["answer"], answered["answered_at"]) == (
        "answered",
        "140/90",
        clock.now_ms(),
    )
    assert (answered["answered_by_kind"], answered["answered_by_id"]) == ("patient", world.alice.id)
    message = await db.fetch_one("SELECT * FROM messages WHERE direction = 'inbound'")
    assert (message["patient_id"], message["checkin_id"]) == (world.alice.id, checkin_id)
    assert await items(db) == []  # a clean answer needs nobody
    audited = await db.fetch_all(
        "SELECT action FROM audit_events WHERE patient_id = ? ORDER BY action", world.alice.id
    )
    assert [row["action"] for row in audited] == ["checkin.answer", "reading.create"]


@pytest.mark.parametrize(
    ("kind", "options", "text", "answer"),
    [
        ("reading", {"reading_type": "glucose"}, "glucose 7,4", "7.4"),
        ("yes_no", {}, "Yeah x", "yes"),
        ("yes_no", {}, "n", "no"),
        ("scale", {"min": 0, "max": 10}, "three", "3"),
        ("number", {"min": 0, "max": 24, "unit": "hours"}, "7.5 hours", "7.5"),
    ],
)
async def test_each_kind_is_read(client, world: World, db, clock, kind, options, text, answer):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, kind, options=options)

    await text_in(client, world.alice.phone_or_email, text)

    assert (await checkin(db, checkin_id))["answer"] == answer
    assert await items(db) == []


async def test_done_logs_the_linked_action_on_the_patients_own_day(
    client, open_client, world: World, db, clock
):
    gp = await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    walk = await gp.post(f"/api/patients/{world.alice.id}/actions", json={"what": "Walk"})
    assert walk.status_code == 201, walk.text
    await db.execute(
        "UPDATE patients SET time_zone = 'Pacific/Kiritimati' WHERE id = ?", world.alice.id
    )
    checkin_id = await waiting_checkin(
        db, clock, world.alice.id, "action_done", options={"action_id": walk.json()["id"]}
    )

    await text_in(client, world.alice.phone_or_email, "Did it!")

    [log] = await db.fetch_all("SELECT * FROM action_logs")
    # 10:00 UTC on Sunday 22nd is already Monday 23rd at UTC+14.
    assert (log["action_id"], log["day"], log["outcome"], log["source"]) == (
        walk.json()["id"],
        "2026-11-23",
        "done",
        "sms",
    )
    assert (await checkin(db, checkin_id))["answer"] == "done"


async def test_free_text_and_answers_that_say_more_go_to_a_person(client, world: World, db, clock):
    await waiting_checkin(db, clock, world.alice.id, "free_text", question="How was your week?")
    await text_in(client, world.alice.phone_or_email, "Better, walked twice")
    clock.advance(minutes=1)
    await waiting_checkin(db, clock, world.alice.id, "yes_no", question="Tablets today?")
    await text_in(client, world.alice.phone_or_email, "yes, but my ankles are swollen")

    first, second = await items(db, "reply")
    assert first["summary"] == "Answer to “How was your week?”"
    assert second["summary"].startswith("Answered “Tablets today?” with yes and said more")
    assert (first["urgency"], second["urgency"]) == (ROUTINE, ROUTINE)


async def test_a_reply_with_no_check_in_waiting_goes_to_a_person(client, world: World, db):
    await text_in(client, world.alice.phone_or_email, "Can I change my appointment?")

    [item] = await items(db)
    assert (item["kind"], item["urgency"], item["patient_id"]) == ("reply", ROUTINE, world.alice.id)
    message = await db.fetch_one("SELECT * FROM messages WHERE direction = 'inbound'")
    assert item["message_id"] == message["id"] and message["patient_id"] == world.alice.id


async def test_an_answered_or_expired_check_in_is_not_answered_again(
    client, world: World, db, clock
):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "yes_no")
    await text_in(client, world.alice.phone_or_email, "yes")
    await text_in(client, world.alice.phone_or_email, "no")
    assert (await checkin(db, checkin_id))["answer"] == "yes"
    [late] = await items(db, "reply")
    assert late["checkin_id"] is None

    stale = await waiting_checkin(db, clock, world.bob.id, "yes_no", sent_minutes_ago=5 * 60)
    await text_in(client, world.bob.phone_or_email, "yes")
    assert (await checkin(db, stale))["status"] == "sent"


# --- unclear replies ---------------------------------------------------------------------


async def test_unclear_twice_asks_once_then_goes_to_a_person(
    client, world: World, db, clock, dev_phone
):
    checkin_id = await waiting_checkin(
        db, clock, world.alice.id, "reading", question="Your BP?", options=BP
    )
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()

    await text_in(client, world.alice.phone_or_email, "140 or 150")
    assert await items(db) == []
    [clarify] = await phone.new_texts()
    assert "blood pressure" in clarify and "140/90" in clarify
    assert (await checkin(db, checkin_id))["clarify_count"] == 1

    await text_in(client, world.alice.phone_or_email, "300/90")  # outside the plausible range

    [item] = await items(db)
    assert (item["kind"], item["urgency"], item["checkin_id"]) == (
        "unclear_reply",
        ROUTINE,
        checkin_id,
    )
    assert "Your BP?" in item["summary"]
    assert await phone.new_texts() == [clarify]  # no second clarifying text
    assert await count(db, "readings") == 0
    assert (await checkin(db, checkin_id))["status"] == "sent"

    await text_in(client, world.alice.phone_or_email, "BP 150/95")
    assert (await checkin(db, checkin_id))["answer"] == "150/95"


async def test_in_the_app_the_same_pipeline_answers_in_the_thread(
    client, world: World, db, clock, dev_phone
):
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    phone = await Phone(dev_phone, world.alice.phone_or_email).mark()
    thread = f"/api/patients/{world.alice.id}/messages"

    unclear = await client.post(thread, json={"body": "140 or 150"})
    answered = await client.post(thread, json={"body": "BP 140/90"})

    assert unclear.json()["outcome"]["kind"] == "clarify"
    assert answered.json()["outcome"]["kind"] == "answered"
    [clarify] = await outbound(db, "clarify")
    assert (clarify["channel"], clarify["checkin_id"]) == ("app", checkin_id)
    reading = await db.fetch_one("SELECT source, value, value2 FROM readings")
    assert (reading["source"], reading["value"], reading["value2"]) == ("app", 140, 90)
    assert await phone.new_texts() == []  # answered in the app, not by text


# --- thresholds --------------------------------------------------------------------------


async def test_texted_readings_over_the_levels_alert(client, world: World, db, clock):
    for level, value in (("amber", 160), ("red", 180)):
        await db.execute(
            "INSERT INTO alert_thresholds (id, patient_id, reading_type, component, level, "
            "comparison, value, set_by, set_at) VALUES (?, ?, 'blood_pressure', 'systolic', ?, "
            "'above', ?, ?, ?)",
            f"t-{level}",
            world.alice.id,
            level,
            value,
            world.gp.id,
            clock.now_ms(),
        )
    for text in ("150/90", "165/95", "182/95"):
        await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)
        await text_in(client, world.alice.phone_or_email, text)
        clock.advance(minutes=1)

    amber, red = await items(db, "alert")
    assert (amber["urgency"], amber["summary"]) == (
        ALERT,
        "BP 165/95 above amber level 160 systolic",
    )
    assert (red["urgency"], red["summary"]) == (
        URGENT,
        "BP 182/95 above red level 180 systolic; above amber level 160 systolic",
    )
    assert await count(db, "readings") == 3


# --- who sent it -------------------------------------------------------------------------


async def test_a_shared_number_is_never_guessed(client, world: World, db, clock):
    shared = world.alice.phone_or_email
    await db.execute("UPDATE patients SET phone = ? WHERE id = ?", shared, world.bob.id)
    await waiting_checkin(db, clock, world.alice.id, "reading", options=BP)
    await waiting_checkin(db, clock, world.bob.id, "reading", options=BP)

    await text_in(client, shared, "BP 140/90")

    assert await count(db, "readings") == 0
    assert await db.fetch_value("SELECT COUNT(*) FROM checkins WHERE status = 'answered'") == 0
    message = await db.fetch_one("SELECT * FROM messages WHERE direction = 'inbound'")
    assert message["patient_id"] is None
    [item] = await items(db)  # one practice: one item, on its first-registered patient
    assert (item["kind"], item["urgency"], item["message_id"]) == (
        "shared_number",
        ROUTINE,
        message["id"],
    )
    assert "not attached to anyone" in item["summary"]


async def test_a_shared_number_red_flag_is_urgent_with_the_safety_net(
    client, world: World, db, dev_phone
):
    shared = world.alice.phone_or_email
    await db.execute("UPDATE patients SET phone = ? WHERE id = ?", shared, world.bob.id)
    phone = await Phone(dev_phone, shared).mark()

    await text_in(client, shared, "he collapsed")

    [item] = await items(db)
    assert (item["kind"], item["urgency"]) == ("shared_number", URGENT)
    assert "collapse" in item["summary"]
    assert await phone.new_texts() == [SAFETY_NET]


async def test_a_shared_number_with_one_check_in_waiting_answers_that_one(
    client, world: World, db, clock
):
    shared = world.alice.phone_or_email
    await db.execute("UPDATE patients SET phone = ? WHERE id = ?", shared, world.bob.id)
    bobs = await waiting_checkin(db, clock, world.bob.id, "reading", options=BP)

    await text_in(client, shared, "BP 140/90")

    assert (await checkin(db, bobs))["answer"] == "140/90"
    reading = await db.fetch_one("SELECT patient_id FROM readings")
    assert reading["patient_id"] == world.bob.id


async def test_stop_from_a_shared_number_tells_every_patients_team(client, world: World, db):
    shared = world.alice.phone_or_email
    await db.execute(
        "UPDATE patients SET phone = ? WHERE id IN (?, ?)", shared, world.bob.id, world.carol.id
    )

    await text_in(client, shared, "STOP")

    stopped = await items(db, "opted_out")
    assert sorted(i["patient_id"] for i in stopped) == sorted(
        [world.alice.id, world.bob.id, world.carol.id]
    )
    [confirmation] = await outbound(db, "opt_out_confirm")
    assert "your care team" in confirmation["body"]  # two practices: neither is named


async def test_an_unknown_number_is_answered_200_and_nothing_is_kept_but_a_stop(
    client, world: World, db
):
    stranger = "+447700900999"
    await text_in(client, stranger, "hello, chest pain")
    assert await count(db, "messages") == 0 and await items(db) == []

    await text_in(client, stranger, "STOP")
    assert await opted_out(db, stranger)
    assert await count(db, "messages") == 0 and await items(db) == []
