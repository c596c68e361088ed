"""A text whose sender died mid-send is reconciled with the provider's Messages list (To and
DateSent) before anything is sent again: found, its SID is recorded; not found, it is sent."""

from __future__ import annotations

from tests.scheduler.support import add_schedule, texts_with, token
from tests.support.processes import free_port
from tests.support.world import World

from careplan.checkins.tick import run_tick
from careplan.clock import FixedClock
from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.settings import Settings


class WorkerDied(Exception):
    """Stands for the worker dying: the outcome of the send is never recorded."""


async def text_state(db, schedule_id: str):
    return await db.fetch_one(
        "SELECT m.id, m.status, m.provider_sid, m.attempts, c.status AS checkin_status "
        "FROM checkins c JOIN messages m ON m.id = c.message_id WHERE c.schedule_id = ?",
        schedule_id,
    )


async def attempts_of(db, message_id: str) -> list[tuple]:
    rows = await db.fetch_all(
        "SELECT attempt, outcome, provider_sid, reason FROM message_attempts "
        "WHERE message_id = ? ORDER BY attempt",
        message_id,
    )
    return [tuple(row) for row in rows]


async def tick_dying(db, sms, settings, clock, *, after_send: bool) -> None:
    real_send = sms.send

    async def dying(to: str, body: str, *, status_callback: str | None = None):
        if after_send:
            await real_send(to, body, status_callback=status_callback)
        raise WorkerDied

    sms.send = dying
    try:
        await run_tick(db, sms, settings, clock, "worker-dies")
    finally:
        sms.send = real_send


async def test_a_text_that_went_before_the_crash_is_found_and_not_sent_again(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await tick_dying(db, sms, settings, clock, after_send=True)
    stuck = await text_state(db, schedule_id)
    assert (stuck["status"], stuck["provider_sid"]) == ("sending", None)
    [sent] = await texts_with(dev_phone, world.alice.phone_or_email, word)
    assert (await run_tick(db, sms, settings, clock, "worker-b")).sent == 0  # lease held
    clock.advance(seconds=settings.lease_seconds)

    report = await run_tick(db, sms, settings, clock, "worker-b")

    assert report.sent == 1
    found = await text_state(db, schedule_id)
    assert (found["status"], found["provider_sid"], found["checkin_status"]) == (
        "sent",
        sent["sid"],
        "sent",
    )
    assert await attempts_of(db, found["id"]) == [(1, "reconciled", sent["sid"], None)]
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1


async def test_a_text_that_never_went_is_sent_once_after_the_lease(
    db, clock: FixedClock, world: World, sms, settings, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await tick_dying(db, sms, settings, clock, after_send=False)
    assert await texts_with(dev_phone, world.alice.phone_or_email, word) == []
    clock.advance(seconds=settings.lease_seconds)

    await run_tick(db, sms, settings, clock, "worker-b")

    done = await text_state(db, schedule_id)
    [text] = await texts_with(dev_phone, world.alice.phone_or_email, word)
    assert (done["status"], done["provider_sid"], done["attempts"]) == ("sent", text["sid"], 2)
    assert await attempts_of(db, done["id"]) == [
        (1, "retry", None, "not_at_provider"),
        (2, "accepted", text["sid"], None),
    ]


async def test_when_the_provider_cannot_be_asked_nothing_is_sent_again(
    db, clock: FixedClock, world: World, sms, settings, settings_env, dev_phone
):
    word = token()
    schedule_id = await add_schedule(db, world.alice.id, f"Mood {word}?", "10:30", clock.now_ms())
    clock.advance(minutes=31)
    await tick_dying(db, sms, settings, clock, after_send=True)
    clock.advance(seconds=settings.lease_seconds)
    away = Settings.from_env({**settings_env, "TWILIO_API_URL": f"http://127.0.0.1:{free_port()}"})
    unreachable = TwilioSmsProvider(away.twilio, timeout=2)
    try:
        await run_tick(db, unreachable, settings, clock, "worker-b")
    finally:
        await unreachable.close()

    postponed = await text_state(db, schedule_id)
    assert (postponed["status"], postponed["attempts"]) == ("sending", 1)
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
    clock.advance(minutes=31)  # past the postponement; the provider answers again

    await run_tick(db, sms, settings, clock, "worker-b")

    assert (await text_state(db, schedule_id))["status"] == "sent"
    assert len(await texts_with(dev_phone, world.alice.phone_or_email, word)) == 1
