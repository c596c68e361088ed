"""The tick with an injected clock: due check-ins are texted once, recorded, and advanced."""

from __future__ import annotations

import asyncio

from tests.integration.conftest import START_MS
from tests.scheduler.support import add_schedule, due_now, texts_with, token
from tests.support.world import World

from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock
from careplan.storage.db import Database, connect

MINUTE = 60_000
TEN_THIRTY = START_MS + 30 * MINUTE  # 10:30 in London (GMT in November)


async def checkin_of(db: Database, schedule_id: str):
    return await db.fetch_one(
        "SELECT c.*, m.status AS message_status, m.provider_sid, m.body, m.skip_reason AS "
        "message_skip_reason FROM checkins c LEFT JOIN messages m ON m.id = c.message_id "
        "WHERE c.schedule_id = ?",
        schedule_id,
    )


async def test_a_due_check_in_is_texted_once_recorded_and_advanced(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(
        db, world.alice.id, f"How is your breathing today ({word})?", "10:30", clock.now_ms()
    )
    clock.advance(minutes=31)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.materialised, report.queued, report.sent) == (1, 1, 1)
    checkin = await checkin_of(db, schedule_id)
    assert (checkin["status"], checkin["due_at"], checkin["message_status"]) == (
        "sent",
        TEN_THIRTY,
        "sent",
    )
    assert checkin["window_ends_at"] == TEN_THIRTY + settings.checkin_window_minutes * MINUTE
    assert checkin["reminder_due_at"] == clock.now_ms() + settings.reminder_minutes * MINUTE
    attempt = await db.fetch_one(
        "SELECT attempt, outcome, provider_sid FROM message_attempts WHERE message_id = ?",
        checkin["message_id"],
    )
    assert (attempt["attempt"], attempt["outcome"]) == (1, "accepted")
    assert attempt["provider_sid"] == checkin["provider_sid"]
    [text] = await texts_with(dev_phone, world.alice.phone_or_email, word)
    assert text["sid"] == checkin["provider_sid"]
    assert text["body"] == checkin["body"]
    assert text["body"].startswith("Riverside: How is your breathing today")
    assert text["body"].endswith("Reply with a number from 0 to 10.")
    tomorrow = await db.fetch_value(
        "SELECT next_due_at FROM checkin_schedules WHERE id = ?", schedule_id
    )
    assert tomorrow == TEN_THIRTY + 24 * 60 * MINUTE

    again = await run_tick(db, sms, settings, clock, "worker-a")

    assert again.idle
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1


async def test_two_workers_ticking_at_once_text_each_check_in_once(
    db, database_url, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    patients = [world.alice, world.bob, world.carol]
    schedules = []
    for number in range(12):
        patient = patients[number % 3]
        schedules.append(
            await add_schedule(db, patient.id, f"Q{number} {word}?", "10:30", clock.now_ms())
        )
    clock.advance(minutes=31)
    other = await connect(database_url)  # a second worker has its own connections
    try:
        first, second = await asyncio.gather(
            run_tick(db, sms, settings, clock, "worker-a"),
            run_tick(other, sms, settings, clock, "worker-b"),
        )
    finally:
        await other.close()

    assert first.materialised + second.materialised == 12
    assert first.sent + second.sent == 12
    for patient in patients:
        texts = await texts_with(dev_phone, patient.phone_or_email, word)
        bodies = [text["body"] for text in texts]
        assert len(bodies) == 4 and len(set(bodies)) == 4
    assert await db.fetch_value("SELECT COUNT(*) FROM checkins WHERE status = 'sent'") == 12
    assert await db.fetch_value("SELECT COUNT(*) FROM message_attempts") == 12


async def test_a_check_in_that_missed_its_window_expires_visibly_and_is_not_sent(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=30 + settings.checkin_window_minutes + 1)  # the scheduler was down

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.expired, report.sent) == (1, 0)
    checkin = await checkin_of(db, schedule_id)
    assert (checkin["status"], checkin["skip_reason"]) == ("expired", "window_passed")
    assert (checkin["message_status"], checkin["message_skip_reason"]) == (
        "expired",
        "window_passed",
    )
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []


async def test_a_text_still_queued_when_its_window_ends_expires_instead_of_arriving_late(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    # Queued, but not sent (as if every worker had been busy until after the window).
    from careplan.checkins.claims import materialise, queue_due

    await materialise(db, settings, clock.now_ms(), 100)
    await queue_due(db, settings, clock.now_ms(), "worker-a", 100)
    clock.advance(minutes=settings.checkin_window_minutes)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert report.sent == 0
    checkin = await checkin_of(db, schedule_id)
    assert (checkin["status"], checkin["message_status"]) == ("expired", "expired")
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []


async def test_paused_check_ins_are_skipped_with_the_reason(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    await db.execute(
        "UPDATE checkin_schedules SET paused_until = ? WHERE id = ?",
        START_MS + 24 * 60 * MINUTE,
        schedule_id,
    )
    clock.advance(minutes=31)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.paused, report.sent) == (1, 0)
    checkin = await checkin_of(db, schedule_id)
    assert (checkin["status"], checkin["skip_reason"], checkin["message_id"]) == (
        "skipped",
        "paused",
        None,
    )
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []


async def test_a_schedule_due_again_after_a_long_outage_makes_each_missed_day_once(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    await due_now(db, schedule_id, TEN_THIRTY - 2 * 24 * 60 * MINUTE)  # two days missed
    clock.advance(minutes=31)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    statuses = await db.fetch_all(
        "SELECT status FROM checkins WHERE schedule_id = ? ORDER BY due_at", schedule_id
    )
    assert [row["status"] for row in statuses] == ["expired", "expired", "sent"]
    assert (report.expired, report.sent) == (2, 1)
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
