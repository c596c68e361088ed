"""At the moment of sending: quiet hours defer, opted-out and flagged numbers are never
texted, and the rate limit paces what one process sends."""

from __future__ import annotations

import time

from tests.integration.conftest import START_MS
from tests.scheduler.support import add_patient, add_schedule, set_quiet_hours, texts_with, token
from tests.support.world import World

from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock
from careplan.settings import Settings

MINUTE = 60_000


async def message_of(db, schedule_id: str):
    return await db.fetch_one(
        "SELECT m.*, c.status AS checkin_status, c.skip_reason AS checkin_reason "
        "FROM checkins c JOIN messages m ON m.id = c.message_id WHERE c.schedule_id = ?",
        schedule_id,
    )


async def test_quiet_hours_set_after_the_due_time_defer_the_text_to_their_end(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)  # due, not yet picked up, when the quiet hours change
    await set_quiet_hours(db, world.alice.id, schedule_id, "10:00", "12:00", clock.now_ms())

    deferred = await run_tick(db, sms, settings, clock, "worker-a")

    message = await message_of(db, schedule_id)
    assert (deferred.queued, deferred.sent) == (1, 0)
    assert (message["status"], message["next_attempt_at"], message["attempts"]) == (
        "queued",
        START_MS + 120 * MINUTE,  # 12:00 London
        0,
    )
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []
    clock.advance(minutes=60)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).sent == 0  # still quiet
    clock.advance(minutes=30)

    sent = await run_tick(db, sms, settings, clock, "worker-a")

    assert sent.sent == 1
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
    assert (await message_of(db, schedule_id))["checkin_status"] == "sent"


async def test_quiet_hours_past_the_window_end_expire_the_check_in(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await set_quiet_hours(db, world.alice.id, schedule_id, "10:00", "20:00", clock.now_ms())
    await run_tick(db, sms, settings, clock, "worker-a")
    window_end = START_MS + 30 * MINUTE + settings.checkin_window_minutes * MINUTE
    assert (await message_of(db, schedule_id))["next_attempt_at"] == window_end
    clock.advance(minutes=settings.checkin_window_minutes)

    await run_tick(db, sms, settings, clock, "worker-a")

    message = await message_of(db, schedule_id)
    assert (message["status"], message["checkin_status"]) == ("expired", "expired")
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []


async def test_an_opted_out_number_is_never_texted(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.bob.id, f"Mood {word}?", "10:30", clock.now_ms())
    await db.execute(
        "INSERT INTO phone_status (phone, opted_out, opted_out_at, opt_out_source, updated_at) "
        "VALUES (?, 1, ?, 'keyword', ?)",
        world.bob.phone_or_email,
        clock.now_ms(),
        clock.now_ms(),
    )
    clock.advance(minutes=31)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    message = await message_of(db, schedule_id)
    assert report.sent == 0
    assert (message["status"], message["skip_reason"], message["attempts"]) == (
        "skipped",
        "opted_out",
        0,
    )
    assert (message["checkin_status"], message["checkin_reason"]) == ("skipped", "opted_out")
    assert await texts_with(dev_phone, world.bob.phone_or_email, word) == []


async def test_the_rate_limit_paces_one_processes_sends(
    db, clock: FixedClock, world: World, sms, settings_env, dev_phone
):
    settings = Settings.from_env({**settings_env, "CAREPLAN_SMS_PER_SECOND": "5"})
    word = token()
    for number in range(11):
        await add_schedule(db, world.carol.id, f"Q{number} {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    started = time.monotonic()

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert report.sent == 11
    assert time.monotonic() - started >= 10 / 5 * 0.9  # 11 sends at 5/s take at least 2 s
    assert len(await texts_with(dev_phone, world.carol.phone_or_email, word)) == 11


async def test_a_text_to_an_invalid_number_is_not_tried_again(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    patient_id = await add_patient(db, world.alice.organisation_id, "+15005550009", clock.now_ms())
    first = await add_schedule(db, patient_id, "Mood today?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await run_tick(db, sms, settings, clock, "worker-a")
    assert (await message_of(db, first))["error_code"] == 21614
    clock.advance(hours=24)

    await run_tick(db, sms, settings, clock, "worker-a")

    second = await db.fetch_one(
        "SELECT m.status, m.skip_reason, m.attempts FROM checkins c "
        "JOIN messages m ON m.id = c.message_id WHERE c.schedule_id = ? ORDER BY c.due_at DESC",
        first,
    )
    assert (second["status"], second["skip_reason"], second["attempts"]) == (
        "skipped",
        "invalid_number",
        0,
    )
    items = await db.fetch_value(
        "SELECT COUNT(*) FROM inbox_items WHERE patient_id = ? AND kind = 'invalid_number'",
        patient_id,
    )
    assert items == 1
