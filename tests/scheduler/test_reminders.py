"""Non-response: one reminder after the configured delay, then a task for the team."""

from __future__ import annotations

from tests.integration.conftest import START_MS
from tests.scheduler.support import add_schedule, set_quiet_hours, texts_with, token
from tests.support.world import World

from careplan.checkins.replies_repo import mark_answered
from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock

MINUTE = 60_000


async def checkin_of(db, schedule_id: str):
    return await db.fetch_one("SELECT * FROM checkins WHERE schedule_id = ?", schedule_id)


async def items_of(db, checkin_id: str) -> list[tuple]:
    rows = await db.fetch_all(
        "SELECT kind, urgency FROM inbox_items WHERE checkin_id = ?", checkin_id
    )
    return [tuple(row) for row in rows]


async def test_one_reminder_then_a_non_response_item(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await run_tick(db, sms, settings, clock, "worker-a")
    clock.advance(minutes=settings.reminder_minutes - 1)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).reminded == 0  # not yet
    clock.advance(minutes=1)

    reminded = await run_tick(db, sms, settings, clock, "worker-a")

    checkin = await checkin_of(db, schedule_id)
    assert (reminded.reminded, reminded.sent, checkin["status"]) == (1, 1, "reminded")
    texts = await texts_with(dev_phone, world.alice.phone_or_email, word)
    assert [text["body"].startswith("Riverside: Reminder: Mood") for text in texts] == [True, False]
    assert await items_of(db, checkin["id"]) == []
    assert (await run_tick(db, sms, settings, clock, "worker-a")).reminded == 0  # only one
    window_end = START_MS + 30 * MINUTE + settings.checkin_window_minutes * MINUTE
    assert checkin["reminder_due_at"] == min(clock.now_ms() + 120 * MINUTE, window_end)
    clock.advance(minutes=settings.reminder_minutes)

    late = await run_tick(db, sms, settings, clock, "worker-a")

    assert late.unanswered == 1
    assert (await checkin_of(db, schedule_id))["status"] == "unanswered"
    assert await items_of(db, checkin["id"]) == [("non_response", 0)]
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 2
    clock.advance(hours=1)
    assert (await run_tick(db, sms, settings, clock, "worker-a")).unanswered == 0


async def test_an_answered_check_in_gets_no_reminder(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await run_tick(db, sms, settings, clock, "worker-a")
    checkin = await checkin_of(db, schedule_id)
    assert await mark_answered(db, checkin["id"], "7", "patient", world.alice.id, clock.now_ms())
    clock.advance(minutes=settings.reminder_minutes * 3)

    report = await run_tick(db, sms, settings, clock, "worker-a")

    assert (report.reminded, report.unanswered) == (0, 0)
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
    assert await items_of(db, checkin["id"]) == []


async def test_a_reminder_due_in_quiet_hours_waits_for_their_end(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await run_tick(db, sms, settings, clock, "worker-a")
    await set_quiet_hours(db, world.alice.id, schedule_id, "12:00", "13:00", clock.now_ms())
    clock.advance(minutes=settings.reminder_minutes)  # 12:31, quiet

    quiet = await run_tick(db, sms, settings, clock, "worker-a")

    checkin = await checkin_of(db, schedule_id)
    assert (quiet.reminded, checkin["status"]) == (0, "sent")
    assert checkin["reminder_due_at"] == START_MS + 180 * MINUTE  # 13:00
    clock.advance(minutes=30)

    morning = await run_tick(db, sms, settings, clock, "worker-a")

    assert (morning.reminded, morning.sent) == (1, 1)
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 2
