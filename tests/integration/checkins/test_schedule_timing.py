"""next_due_at in the database: due_schedules, advance_schedule, reschedule, checkin_settings
(the seams the tick uses), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.world import World

from careplan.checkins import schedules_repo, settings_repo
from careplan.checkins.schedule_rules import checked_schedule
from careplan.checkins.schedules_service import store_checked_schedule
from careplan.clock import FixedClock
from careplan.storage.db import Database


def utc(iso: str) -> int:
    return int(datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp() * 1000)


async def add_schedule(db: Database, clock: FixedClock, patient_id: str, **fields) -> str:
    values = {
        "kind": "yes_no",
        "question": "Did you take your tablets?",
        "options": None,
        "cadence": "daily",
        "weekdays": None,
        "every_n_days": None,
        "local_time": "09:00",
        "start_date": "2026-11-01",
        "end_date": None,
        "recipient": "patient",
        "channel": "sms",
        **fields,
    }
    async with db.transaction() as tx:
        return await store_checked_schedule(
            tx, patient_id, checked_schedule(values), patient_id, clock.now_ms()
        )


async def next_due_at(db: Database, schedule_id: str) -> int | None:
    return await db.fetch_value(
        "SELECT next_due_at FROM checkin_schedules WHERE id = ?", schedule_id
    )


async def test_a_new_schedule_is_due_at_its_next_local_time(db, world: World, clock):
    # Now is Sunday 2026-11-22 10:00 GMT: today's 09:00 has passed.
    daily = await add_schedule(db, clock, world.alice.id)
    assert await next_due_at(db, daily) == utc("2026-11-23T09:00")


async def test_due_schedules_finds_only_active_due_ones_earliest_first(db, world: World, clock):
    nine = await add_schedule(db, clock, world.alice.id)
    eight = await add_schedule(db, clock, world.bob.id, local_time="08:30")
    stopped = await add_schedule(db, clock, world.carol.id, local_time="08:00")
    await db.execute("UPDATE checkin_schedules SET active = 0 WHERE id = ?", stopped)
    assert await schedules_repo.due_schedules(db, utc("2026-11-23T08:29"), 10) == []
    due = await schedules_repo.due_schedules(db, utc("2026-11-23T09:00"), 10)
    assert [row["id"] for row in due] == [eight, nine]
    assert due[0]["patient_id"] == world.bob.id and due[0]["patient_paused_until"] is None
    limited = await schedules_repo.due_schedules(db, utc("2026-11-23T09:00"), 1)
    assert [row["id"] for row in limited] == [eight]


async def test_due_schedules_carries_the_patients_pause(db, world: World, clock):
    await add_schedule(db, clock, world.alice.id)
    until = utc("2026-11-30T00:00")
    await settings_repo.upsert_settings(
        db,
        world.alice.id,
        {
            "quiet_start": "21:00",
            "quiet_end": "08:00",
            "paused_until": until,
            "paused_by": world.alice.id,
            "channel": "sms",
        },
        clock.now_ms(),
    )
    [row] = await schedules_repo.due_schedules(db, utc("2026-11-23T09:00"), 10)
    assert row["patient_paused_until"] == until


async def test_advance_walks_day_by_day_and_stops_after_the_end_date(db, world: World, clock):
    short = await add_schedule(db, clock, world.alice.id, end_date="2026-11-24")
    first = await next_due_at(db, short)
    second = await schedules_repo.advance_schedule(db, short, first)
    assert second == utc("2026-11-24T09:00") == await next_due_at(db, short)
    assert await schedules_repo.advance_schedule(db, short, second) is None
    assert await next_due_at(db, short) is None
    assert await schedules_repo.due_schedules(db, utc("2027-01-01T00:00"), 10) == []


async def test_advance_of_a_stopped_or_unknown_schedule_is_none(db, world: World, clock):
    stopped = await add_schedule(db, clock, world.alice.id)
    await db.execute("UPDATE checkin_schedules SET active = 0 WHERE id = ?", stopped)
    assert await schedules_repo.advance_schedule(db, stopped, clock.now_ms()) is None
    assert await next_due_at(db, stopped) is None
    assert await schedules_repo.advance_schedule(db, "no-such-schedule", 0) is None


async def test_advance_uses_the_patients_quiet_hours_and_zone(db, world: World, clock):
    late = await add_schedule(db, clock, world.alice.id, local_time="22:30")
    assert await next_due_at(db, late) == utc("2026-11-23T08:00")  # default quiet 21:00-08:00
    await db.execute(
        "UPDATE patients SET time_zone = 'America/New_York' WHERE id = ?", world.alice.id
    )
    after = await schedules_repo.advance_schedule(db, late, utc("2026-11-23T08:00"))
    assert after == utc("2026-11-23T13:00")  # Sunday 22:30 in New York, deferred to 08:00 EST


async def test_the_fall_back_night_fires_once(db, world: World):
    autumn = FixedClock(utc("2026-10-24T12:00"))
    early = await add_schedule(
        db, autumn, world.alice.id, local_time="01:30", start_date="2026-10-01"
    )
    await settings_repo.upsert_settings(
        db,
        world.alice.id,
        {
            "quiet_start": "00:00",
            "quiet_end": "00:00",
            "paused_until": None,
            "paused_by": None,
            "channel": "sms",
        },
        autumn.now_ms(),
    )
    await schedules_repo.reschedule(db, early, autumn.now_ms())
    seen = [await next_due_at(db, early)]
    for _ in range(2):
        seen.append(await schedules_repo.advance_schedule(db, early, seen[-1]))
    assert seen == [utc("2026-10-25T00:30"), utc("2026-10-26T01:30"), utc("2026-10-27T01:30")]


async def test_a_new_time_after_todays_check_in_starts_tomorrow(db, world: World, clock):
    schedule = await add_schedule(db, clock, world.alice.id, local_time="07:00")
    first = await next_due_at(db, schedule)  # Monday 07:00, deferred to 08:00 by quiet hours
    assert first == utc("2026-11-23T08:00")
    await schedules_repo.advance_schedule(db, schedule, first)
    clock.advance(hours=22, minutes=30)  # Monday 08:30: today's has gone out
    await db.execute("UPDATE checkin_schedules SET local_time = '10:00' WHERE id = ?", schedule)
    assert await schedules_repo.reschedule(db, schedule, clock.now_ms()) == utc("2026-11-24T10:00")


async def test_an_occurrence_already_due_is_kept_when_the_rule_changes(db, world: World, clock):
    schedule = await add_schedule(db, clock, world.alice.id)
    clock.advance(hours=23, minutes=1)  # Monday 09:01: due, not yet picked up by the tick
    now = clock.now_ms()
    pending = await schedules_repo.pending_day(db, schedule, now)
    assert pending is not None and pending.isoformat() == "2026-11-23"
    await db.execute("UPDATE checkin_schedules SET local_time = '11:00' WHERE id = ?", schedule)
    kept = await schedules_repo.reschedule(db, schedule, now, pending)
    assert kept == utc("2026-11-23T09:00")  # still goes out, as it was due
    # When the tick has sent it, the new time starts on the next day, not at 11:00 today.
    assert await schedules_repo.advance_schedule(db, schedule, kept) == utc("2026-11-24T11:00")


async def test_checkin_settings_default_until_set(db, world: World, clock):
    defaults = await settings_repo.checkin_settings(db, world.alice.id)
    assert (defaults["quiet_start"], defaults["quiet_end"]) == ("21:00", "08:00")
    assert (defaults["paused_until"], defaults["channel"]) == (None, "sms")
    values = {
        "quiet_start": "22:00",
        "quiet_end": "07:30",
        "paused_until": None,
        "paused_by": None,
        "channel": "push_then_sms",
    }
    await settings_repo.upsert_settings(db, world.alice.id, values, clock.now_ms())
    stored = await settings_repo.checkin_settings(db, world.alice.id)
    assert {name: stored[name] for name in values} == values
    assert stored["updated_at"] == clock.now_ms()
