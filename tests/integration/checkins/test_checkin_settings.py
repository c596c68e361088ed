"""A patient's check-in settings through HTTP: quiet hours, pause and channel; who may set
them; new quiet hours move the schedules at once. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.storage.db import Database


def utc(iso: str) -> int:
    return int(datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp() * 1000)


def settings_url(patient_id: str) -> str:
    return f"/api/patients/{patient_id}/checkin-settings"


EARLY_WALK = {
    "kind": "yes_no",
    "question": "Did you manage your morning walk?",
    "cadence": "daily",
    "local_time": "07:30",
}


async def signed_in_patient(open_client, dev_phone, person):
    http = await open_client()
    await sign_in_patient(http, dev_phone, person.phone_or_email)
    return http


async def signed_in_clinician(open_client, person):
    http = await open_client()
    await sign_in_clinician(http, person.phone_or_email)
    return http


async def test_defaults_until_set(open_client, dev_phone, world: World):
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    answer = await alice.get(settings_url(world.alice.id))
    assert answer.status_code == 200
    assert answer.json() == {
        "quiet_start": "21:00",
        "quiet_end": "08:00",
        "paused_until": None,
        "channel": "sms",
        "paused_by": None,
        "updated_at": None,
    }


async def test_new_quiet_hours_move_the_next_check_in_at_once(
    open_client, dev_phone, world: World, db: Database, clock
):
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    walk = await alice.post(f"/api/patients/{world.alice.id}/checkin-schedules", json=EARLY_WALK)
    assert walk.json()["next_due_at"] == utc("2026-11-23T08:00")  # 07:30 is before 08:00
    changed = await alice.put(
        settings_url(world.alice.id),
        json={"quiet_start": "22:00", "quiet_end": "07:00", "channel": "push_then_sms"},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json() == {
        "quiet_start": "22:00",
        "quiet_end": "07:00",
        "paused_until": None,
        "channel": "push_then_sms",
        "paused_by": None,
        "updated_at": clock.now_ms(),
    }
    assert (await alice.get(settings_url(world.alice.id))).json() == changed.json()
    stored = await db.fetch_value(
        "SELECT next_due_at FROM checkin_schedules WHERE id = ?", walk.json()["id"]
    )
    assert stored == utc("2026-11-23T07:30")
    no_quiet = await alice.put(
        settings_url(world.alice.id), json={"quiet_start": "00:00", "quiet_end": "00:00"}
    )
    assert no_quiet.status_code == 200
    events = await db.fetch_all(
        "SELECT actor_id FROM audit_events WHERE action = 'checkin_settings.update'"
    )
    assert [e["actor_id"] for e in events] == [world.alice.id, world.alice.id]


async def test_a_pause_records_who_paused_and_a_past_instant_is_no_pause(
    open_client, dev_phone, world: World, clock
):
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    gp = await signed_in_clinician(open_client, world.gp)
    week = utc("2026-11-29T10:00")
    paused = await alice.put(settings_url(world.alice.id), json={"paused_until": week})
    assert (paused.json()["paused_until"], paused.json()["paused_by"]) == (week, world.alice.id)
    # Changing something else keeps who paused; a new pause instant is the changer's.
    quiet = await gp.put(
        settings_url(world.alice.id),
        json={"paused_until": week, "quiet_start": "20:00", "quiet_end": "08:00"},
    )
    assert (quiet.json()["paused_until"], quiet.json()["paused_by"]) == (week, world.alice.id)
    longer = utc("2026-12-06T10:00")
    extended = await gp.put(settings_url(world.alice.id), json={"paused_until": longer})
    assert (extended.json()["paused_until"], extended.json()["paused_by"]) == (longer, world.gp.id)
    past = await alice.put(settings_url(world.alice.id), json={"paused_until": clock.now_ms()})
    assert (past.json()["paused_until"], past.json()["paused_by"]) == (None, None)


async def test_bad_settings_are_refused_naming_the_field(
    open_client, dev_phone, world: World, db: Database
):
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    cases = {
        "quiet_start": {"quiet_start": "24:00"},
        "quiet_end": {"quiet_end": "7:00"},
        "quiet_end ": {"quiet_start": "09:00", "quiet_end": "06:00"},  # 21 hours
        "channel": {"channel": "carrier pigeon"},
        "paused_until": {"paused_until": -1},
        "snooze": {"snooze": True},
    }
    for field, body in cases.items():
        refused = await alice.put(settings_url(world.alice.id), json=body)
        assert refused.status_code == 400, (field, refused.text)
        assert field.strip() in refused.json()["detail"], (field, refused.json())
    too_long = await alice.put(
        settings_url(world.alice.id), json={"quiet_start": "09:00", "quiet_end": "06:00"}
    )
    assert "at most 20 hours" in too_long.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM checkin_settings") == 0


async def test_twenty_hours_of_quiet_is_the_most_allowed(open_client, dev_phone, world: World):
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    longest = await alice.put(
        settings_url(world.alice.id), json={"quiet_start": "14:00", "quiet_end": "10:00"}
    )
    assert longest.status_code == 200, longest.text


async def test_strangers_get_404_and_administrators_may_read_but_not_change(
    open_client, dev_phone, world: World, db: Database
):
    bob = await signed_in_patient(open_client, dev_phone, world.bob)
    other_gp = await signed_in_clinician(open_client, world.other_gp)
    for stranger in (bob, other_gp):
        assert (await stranger.get(settings_url(world.alice.id))).status_code == 404
        assert (await stranger.put(settings_url(world.alice.id), json={})).status_code == 404
    await db.execute("UPDATE clinicians SET role = 'admin' WHERE id = ?", world.nurse.id)
    admin = await signed_in_clinician(open_client, world.nurse)
    assert (await admin.get(settings_url(world.alice.id))).status_code == 200
    assert (await admin.put(settings_url(world.alice.id), json={})).status_code == 403
    gp = await signed_in_clinician(open_client, world.gp)
    assert (await gp.put(settings_url(world.alice.id), json={})).status_code == 200
    assert await db.fetch_value("SELECT COUNT(*) FROM checkin_settings") == 1
    reads = await db.fetch_all(
        "SELECT actor_id FROM audit_events WHERE action = 'checkin_settings.read'"
    )
    assert [r["actor_id"] for r in reads] == [world.nurse.id]
