"""Typed provider errors, through the real twilio client and the dev phone's test numbers:
21610 opts the number out, 21211/21614 flag it for the team, 20429/5xx/network retry with
backoff until the attempts run out, and then the team is told."""

from __future__ import annotations

import pytest
from tests.scheduler.support import add_patient, add_schedule
from tests.support.processes import free_port
from tests.support.world import World

from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock
from careplan.messaging.retry import FIRST_DELAY_MS, MAX_ATTEMPTS
from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.settings import Settings

MINUTE = 60_000


async def due_check_in_to(db, clock: FixedClock, world: World, phone: str) -> tuple[str, str]:
    patient_id = await add_patient(db, world.alice.organisation_id, phone, clock.now_ms())
    schedule_id = await add_schedule(db, patient_id, "Mood today?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    return patient_id, schedule_id


async def outcome(db, schedule_id: str):
    return await db.fetch_one(
        "SELECT m.id, m.status, m.error_code, m.attempts, m.next_attempt_at, "
        "c.status AS checkin_status, c.skip_reason FROM checkins c "
        "JOIN messages m ON m.id = c.message_id WHERE c.schedule_id = ?",
        schedule_id,
    )


async def items(db, patient_id: str) -> list[str]:
    rows = await db.fetch_all(
        "SELECT kind FROM inbox_items WHERE patient_id = ? ORDER BY created_at", patient_id
    )
    return [row["kind"] for row in rows]


async def test_21610_marks_the_number_opted_out_and_nothing_more_is_tried(
    db, clock: FixedClock, world: World, sms, settings
):
    patient_id, schedule_id = await due_check_in_to(db, clock, world, "+15005550004")

    await run_tick(db, sms, settings, clock, "worker-a")

    sent = await outcome(db, schedule_id)
    assert (sent["status"], sent["error_code"], sent["attempts"]) == ("failed", 21610, 1)
    assert (sent["checkin_status"], sent["skip_reason"]) == ("skipped", "opted_out")
    number = await db.fetch_one("SELECT * FROM phone_status WHERE phone = '+15005550004'")
    assert (number["opted_out"], number["opt_out_source"]) == (1, "provider")
    assert await items(db, patient_id) == ["opted_out"]
    clock.advance(hours=24)

    await run_tick(db, sms, settings, clock, "worker-a")  # the next day's check-in

    statuses = await db.fetch_all(
        "SELECT m.status, m.skip_reason, m.attempts FROM checkins c JOIN messages m "
        "ON m.id = c.message_id WHERE c.schedule_id = ? ORDER BY c.due_at",
        schedule_id,
    )
    assert [tuple(row) for row in statuses][1] == ("skipped", "opted_out", 0)
    assert await items(db, patient_id) == ["opted_out"]


@pytest.mark.parametrize(("phone", "code"), [("+15005550001", 21211), ("+15005550009", 21614)])
async def test_an_invalid_number_is_flagged_for_the_team(
    db, clock: FixedClock, world: World, sms, settings, phone, code
):
    patient_id, schedule_id = await due_check_in_to(db, clock, world, phone)

    await run_tick(db, sms, settings, clock, "worker-a")

    sent = await outcome(db, schedule_id)
    assert (sent["status"], sent["error_code"]) == ("failed", code)
    assert (sent["checkin_status"], sent["skip_reason"]) == ("skipped", "invalid_number")
    number = await db.fetch_one("SELECT * FROM phone_status WHERE phone = ?", phone)
    assert (number["invalid_code"], number["opted_out"]) == (code, 0)
    assert await items(db, patient_id) == ["invalid_number"]


@pytest.mark.parametrize(("phone", "code"), [("+15005550429", 20429), ("+15005550500", 20500)])
async def test_rate_limits_and_server_errors_retry_with_backoff_then_fail_visibly(
    db, clock: FixedClock, world: World, sms, settings, phone, code
):
    patient_id, schedule_id = await due_check_in_to(db, clock, world, phone)

    await run_tick(db, sms, settings, clock, "worker-a")

    first = await outcome(db, schedule_id)
    assert (first["status"], first["attempts"], first["error_code"]) == ("queued", 1, code)
    delay = first["next_attempt_at"] - clock.now_ms()
    assert FIRST_DELAY_MS // 2 <= delay <= FIRST_DELAY_MS
    assert first["checkin_status"] == "claimed"
    assert await items(db, patient_id) == []
    for _ in range(MAX_ATTEMPTS - 1):
        clock.advance(minutes=31)  # past any backoff
        await run_tick(db, sms, settings, clock, "worker-a")

    last = await outcome(db, schedule_id)
    assert (last["status"], last["attempts"], last["error_code"]) == ("failed", MAX_ATTEMPTS, code)
    assert (last["checkin_status"], last["skip_reason"]) == ("skipped", "delivery_failure")
    assert await items(db, patient_id) == ["delivery_failure"]
    attempts = await db.fetch_all(
        "SELECT outcome, error_code FROM message_attempts WHERE message_id = ? ORDER BY attempt",
        last["id"],
    )
    assert [row["outcome"] for row in attempts] == ["retry"] * (MAX_ATTEMPTS - 1) + ["failed"]
    assert {row["error_code"] for row in attempts} == {code}


async def test_a_provider_that_cannot_be_reached_is_retried(
    db, clock: FixedClock, world: World, settings_env
):
    settings = Settings.from_env(
        {**settings_env, "TWILIO_API_URL": f"http://127.0.0.1:{free_port()}"}
    )
    unreachable = TwilioSmsProvider(settings.twilio, timeout=2)
    try:
        _, schedule_id = await due_check_in_to(db, clock, world, "+447700900201")
        await run_tick(db, unreachable, settings, clock, "worker-a")
    finally:
        await unreachable.close()

    first = await outcome(db, schedule_id)
    assert (first["status"], first["attempts"], first["error_code"]) == ("queued", 1, None)
    reason = await db.fetch_value(
        "SELECT reason FROM message_attempts WHERE message_id = ?", first["id"]
    )
    assert reason == "network_error"
