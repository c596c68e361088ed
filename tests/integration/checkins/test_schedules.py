"""Check-in schedules through HTTP: set up, list, change, pause, stop, send now; every rule
about bad input and about who may do what, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.storage.db import Database

WINDOW_MS = 240 * 60_000


def utc(iso: str) -> int:
    return int(datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp() * 1000)


def schedules_url(patient_id: str) -> str:
    return f"/api/patients/{patient_id}/checkin-schedules"


BP_DAILY = {
    "kind": "reading",
    "question": "What was your blood pressure this morning? Reply like BP 140/90",
    "options": {"reading_type": "blood_pressure"},
    "cadence": "daily",
    "local_time": "09:00",
}
MOOD_WEEKLY = {
    "kind": "scale",
    "question": "How has your mood been this week, 0 (very low) to 10 (very good)?",
    "cadence": "weekly",
    "weekdays": [5, 1],
    "local_time": "18:30",
}


async def patient(open_client, dev_phone, person):
    http = await open_client()
    await sign_in_patient(http, dev_phone, person.phone_or_email)
    return http


async def clinician(open_client, person, db: Database | None = None, role: str | None = None):
    if role is not None:
        assert db is not None
        await db.execute("UPDATE clinicians SET role = ? WHERE id = ?", role, person.id)
    http = await open_client()
    await sign_in_clinician(http, person.phone_or_email)
    return http


async def audited(db: Database, action: str) -> list[tuple[str, str, str]]:
    rows = await db.fetch_all(
        "SELECT actor_id, patient_id, target_id FROM audit_events WHERE action = ? ORDER BY at",
        action,
    )
    return [(r["actor_id"], r["patient_id"], r["target_id"]) for r in rows]


# --- setting up and listing --------------------------------------------------------------


async def test_a_patient_sets_up_a_daily_reading_check_in(
    open_client, dev_phone, world: World, db, clock
):
    alice = await patient(open_client, dev_phone, world.alice)
    created = await alice.post(schedules_url(world.alice.id), json=BP_DAILY)
    assert created.status_code == 201, created.text
    body = created.json()
    assert {k: body[k] for k in ("kind", "question", "cadence", "local_time")} == {
        k: BP_DAILY[k] for k in ("kind", "question", "cadence", "local_time")
    }
    assert body["options"] == {"reading_type": "blood_pressure"}
    assert (body["patient_id"], body["start_date"], body["end_date"]) == (
        world.alice.id,
        "2026-11-22",  # today where Alice lives
        None,
    )
    assert (body["weekdays"], body["every_n_days"], body["recipient"], body["channel"]) == (
        [],
        None,
        "patient",
        "sms",
    )
    assert (body["active"], body["paused_until"], body["version"]) == (True, None, 1)
    assert body["next_due_at"] == utc("2026-11-23T09:00")  # 10:00 now: tomorrow at 09:00
    assert body["created_at"] == body["updated_at"] == clock.now_ms()
    listed = await alice.get(schedules_url(world.alice.id))
    assert listed.status_code == 200 and listed.json() == {"schedules": [body]}
    assert await audited(db, "checkin_schedule.create") == [
        (world.alice.id, world.alice.id, body["id"])
    ]


async def test_a_clinician_sets_up_a_weekly_scale_with_its_default_range(
    open_client, world: World, db
):
    gp = await clinician(open_client, world.gp)
    created = await gp.post(schedules_url(world.alice.id), json=MOOD_WEEKLY)
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["weekdays"], body["options"]) == ([1, 5], {"min": 0, "max": 10})
    assert body["next_due_at"] == utc("2026-11-23T18:30")  # Monday
    listed = await gp.get(schedules_url(world.alice.id))
    assert [s["id"] for s in listed.json()["schedules"]] == [body["id"]]
    assert await audited(db, "checkin_schedule.list") == [
        (world.gp.id, world.alice.id, world.alice.id)
    ]


async def test_every_n_days_with_start_and_end_dates(open_client, world: World):
    gp = await clinician(open_client, world.gp)
    created = await gp.post(
        schedules_url(world.alice.id),
        json={
            "kind": "number",
            "question": "How many puffs of your reliever did you need yesterday?",
            "options": {"min": 0, "max": 40, "unit": "puffs"},
            "cadence": "every_n_days",
            "every_n_days": 3,
            "local_time": "10:15",
            "start_date": "2026-11-21",
            "end_date": "2026-12-31",
        },
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["options"] == {"min": 0, "max": 40, "unit": "puffs"}
    assert body["next_due_at"] == utc("2026-11-24T10:15")  # 21st + 3 days


async def test_an_action_done_check_in_names_one_of_the_patients_own_live_actions(
    open_client, dev_phone, world: World
):
    gp = await clinician(open_client, world.gp)
    walk = await gp.post(f"/api/patients/{world.alice.id}/actions", json={"what": "Walk"})
    bobs = await gp.post(f"/api/patients/{world.bob.id}/actions", json={"what": "Stretch"})
    gone = await gp.post(f"/api/patients/{world.alice.id}/actions", json={"what": "Swim"})
    assert {walk.status_code, bobs.status_code, gone.status_code} == {201}
    removed = await gp.delete(
        f"/api/patients/{world.alice.id}/actions/{gone.json()['id']}", params={"version": 1}
    )
    assert removed.status_code == 204

    def asking_about(action_id: str) -> dict:
        return {
            "kind": "action_done",
            "question": "Did you go for your walk today?",
            "options": {"action_id": action_id},
            "cadence": "daily",
            "local_time": "19:00",
        }

    ok = await gp.post(schedules_url(world.alice.id), json=asking_about(walk.json()["id"]))
    assert ok.status_code == 201, ok.text
    for other in (bobs.json()["id"], gone.json()["id"], "no-such-action"):
        refused = await gp.post(schedules_url(world.alice.id), json=asking_about(other))
        assert refused.status_code == 400
        assert refused.json()["detail"].startswith("options.action_id: not one of this patient")


# --- bad input: a 4xx naming the field ---------------------------------------------------

BAD_BODIES = {
    "kind unknown": ({**BP_DAILY, "kind": "essay"}, "kind"),
    "question empty": ({**BP_DAILY, "question": ""}, "question"),
    "question blank": ({**BP_DAILY, "question": "   "}, "question"),
    "question too long": ({**BP_DAILY, "question": "x" * 301}, "question"),
    "unknown field": ({**BP_DAILY, "colour": "blue"}, "colour"),
    "number without range": (
        {**BP_DAILY, "kind": "number", "options": {"unit": "kg"}},
        "options.min",
    ),
    "number min not below max": (
        {**BP_DAILY, "kind": "number", "options": {"min": 5, "max": 5}},
        "options.max",
    ),
    "scale beyond 10": ({**MOOD_WEEKLY, "options": {"min": 1, "max": 11}}, "options.max"),
    "scale not whole": ({**MOOD_WEEKLY, "options": {"min": 0.5, "max": 10}}, "options.min"),
    "scale upside down": ({**MOOD_WEEKLY, "options": {"min": 7, "max": 3}}, "options.max"),
    "scale with a unit": ({**MOOD_WEEKLY, "options": {"unit": "pts"}}, "options.unit"),
    "reading type unknown": ({**BP_DAILY, "options": {"reading_type": "height"}}, "reading_type"),
    "reading type missing": ({**BP_DAILY, "options": None}, "options.reading_type"),
    "yes/no with options": (
        {**BP_DAILY, "kind": "yes_no", "options": {"min": 1}},
        "options.min",
    ),
    "action without action_id": ({**BP_DAILY, "kind": "action_done", "options": {}}, "action_id"),
    "weekly without days": ({**MOOD_WEEKLY, "weekdays": []}, "weekdays"),
    "weekly day 8": ({**MOOD_WEEKLY, "weekdays": [8]}, "weekdays"),
    "daily with days": ({**BP_DAILY, "weekdays": [1]}, "weekdays"),
    "every 0 days": ({**BP_DAILY, "cadence": "every_n_days", "every_n_days": 0}, "every_n_days"),
    "every 366 days": (
        {**BP_DAILY, "cadence": "every_n_days", "every_n_days": 366},
        "every_n_days",
    ),
    "every n days missing": ({**BP_DAILY, "cadence": "every_n_days"}, "every_n_days"),
    "n days on daily": ({**BP_DAILY, "every_n_days": 2}, "every_n_days"),
    "time 25:00": ({**BP_DAILY, "local_time": "25:00"}, "local_time"),
    "time 9:00": ({**BP_DAILY, "local_time": "9:00"}, "local_time"),
    "start not a date": ({**BP_DAILY, "start_date": "2026-02-30"}, "start_date"),
    "end before start": (
        {**BP_DAILY, "start_date": "2026-12-01", "end_date": "2026-11-30"},
        "end_date",
    ),
    "carer recipient": ({**BP_DAILY, "recipient": "carer"}, "recipient"),
    "channel unknown": ({**BP_DAILY, "channel": "pigeon"}, "channel"),
}


async def test_bad_input_is_refused_naming_the_field(open_client, world: World, db):
    gp = await clinician(open_client, world.gp)
    for case, (body, field) in BAD_BODIES.items():
        refused = await gp.post(schedules_url(world.alice.id), json=body)
        assert refused.status_code == 400, (case, refused.text)
        assert field in refused.json()["detail"], (case, refused.json())
    assert await db.fetch_value("SELECT COUNT(*) FROM checkin_schedules") == 0


async def test_a_carer_recipient_needs_the_carer_named(open_client, world: World):
    gp = await clinician(open_client, world.gp)
    refused = await gp.post(schedules_url(world.alice.id), json={**BP_DAILY, "recipient": "carer"})
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith("recipient_carer_id: required")


# --- who may do what ---------------------------------------------------------------------


async def test_strangers_get_404_and_administrators_may_read_but_not_write(
    open_client, dev_phone, world: World, db
):
    gp = await clinician(open_client, world.gp)
    schedule = (await gp.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    patch_url = f"/api/checkin-schedules/{schedule['id']}"
    send_url = f"{patch_url}/send-now"
    change = {"version": 1, "local_time": "10:00"}

    bob = await patient(open_client, dev_phone, world.bob)
    other_gp = await clinician(open_client, world.other_gp)
    for stranger in (bob, other_gp):
        assert (await stranger.get(schedules_url(world.alice.id))).status_code == 404
        assert (
            await stranger.post(schedules_url(world.alice.id), json=BP_DAILY)
        ).status_code == 404
        assert (await stranger.patch(patch_url, json=change)).status_code == 404
        assert (await stranger.post(send_url)).status_code == 404

    admin = await clinician(open_client, world.nurse, db, role="admin")
    assert (await admin.get(schedules_url(world.alice.id))).status_code == 200
    assert (await admin.post(schedules_url(world.alice.id), json=BP_DAILY)).status_code == 403
    assert (await admin.patch(patch_url, json=change)).status_code == 403
    assert (await admin.post(send_url)).status_code == 403

    alice = await patient(open_client, dev_phone, world.alice)
    assert (await alice.post(send_url)).status_code == 403  # send-now is for clinicians
    changed = await alice.patch(patch_url, json=change)
    assert changed.status_code == 200 and changed.json()["version"] == 2
    stored = await db.fetch_one(
        "SELECT local_time, version FROM checkin_schedules WHERE id = ?", schedule["id"]
    )
    assert (stored["local_time"], stored["version"]) == ("10:00", 2)
    assert await db.fetch_value("SELECT COUNT(*) FROM checkin_schedules") == 1
    assert await db.fetch_value("SELECT COUNT(*) FROM checkins") == 0


async def test_an_unknown_schedule_is_404(open_client, world: World):
    gp = await clinician(open_client, world.gp)
    missing = await gp.patch("/api/checkin-schedules/nope", json={"version": 1, "active": False})
    assert missing.status_code == 404
    assert (await gp.post("/api/checkin-schedules/nope/send-now")).status_code == 404


# --- changing, pausing, stopping ---------------------------------------------------------


async def test_each_change_bumps_the_version_and_a_stale_one_is_409(open_client, world: World, db):
    gp = await clinician(open_client, world.gp)
    schedule = (await gp.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    url = f"/api/checkin-schedules/{schedule['id']}"
    moved = await gp.patch(url, json={"version": 1, "local_time": "11:45", "question": "BP?"})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["version"], moved.json()["question"]) == (2, "BP?")
    assert moved.json()["next_due_at"] == utc("2026-11-22T11:45")  # later today
    stale = await gp.patch(url, json={"version": 1, "local_time": "12:00"})
    assert stale.status_code == 409
    assert stale.json()["extra"]["current_version"] == 2
    assert "version" in stale.json()["detail"]
    assert (
        await db.fetch_value(
            "SELECT local_time FROM checkin_schedules WHERE id = ?", schedule["id"]
        )
        == "11:45"
    )
    assert [a[2] for a in await audited(db, "checkin_schedule.update")] == [schedule["id"]]


async def test_bad_changes_are_refused_naming_the_field(open_client, world: World, db):
    gp = await clinician(open_client, world.gp)
    schedule = (await gp.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    url = f"/api/checkin-schedules/{schedule['id']}"
    cases = {
        "body": {"version": 1},
        "weekdays": {"version": 1, "cadence": "weekly"},  # a new cadence needs its days
        "options.min": {"version": 1, "kind": "number"},  # a new kind needs its options
        "options.reading_type": {"version": 1, "options": {"reading_type": "shoe_size"}},
        "end_date": {"version": 1, "end_date": "2026-01-01"},
        "version": {"local_time": "10:00"},
        "paused_until": {"version": 1, "paused_until": -5},
    }
    for field, change in cases.items():
        refused = await gp.patch(url, json=change)
        assert refused.status_code == 400, (field, refused.text)
        assert field in refused.json()["detail"], (field, refused.json())
    assert (
        await db.fetch_value("SELECT version FROM checkin_schedules WHERE id = ?", schedule["id"])
        == 1
    )


async def test_a_new_cadence_with_its_days_is_accepted(open_client, world: World):
    gp = await clinician(open_client, world.gp)
    schedule = (await gp.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    changed = await gp.patch(
        f"/api/checkin-schedules/{schedule['id']}",
        json={"version": 1, "cadence": "weekly", "weekdays": [3]},
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["weekdays"], changed.json()["next_due_at"]) == (
        [3],
        utc("2026-11-25T09:00"),  # Wednesday
    )


async def test_stopping_clears_next_due_and_starting_again_recomputes_it(
    open_client, world: World, clock
):
    gp = await clinician(open_client, world.gp)
    schedule = (await gp.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    url = f"/api/checkin-schedules/{schedule['id']}"
    stopped = await gp.patch(url, json={"version": 1, "active": False})
    assert (stopped.json()["active"], stopped.json()["next_due_at"]) == (False, None)
    clock.advance(minutes=25)
    restarted = await gp.patch(url, json={"version": 2, "active": True})
    assert (restarted.json()["active"], restarted.json()["next_due_at"]) == (
        True,
        utc("2026-11-23T09:00"),
    )


async def test_a_pause_keeps_the_schedule_and_its_next_due_time(
    open_client, dev_phone, world: World
):
    alice = await patient(open_client, dev_phone, world.alice)
    schedule = (await alice.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    until = utc("2026-11-29T00:00")
    paused = await alice.patch(
        f"/api/checkin-schedules/{schedule['id']}", json={"version": 1, "paused_until": until}
    )
    assert paused.status_code == 200
    assert (paused.json()["paused_until"], paused.json()["next_due_at"]) == (
        until,
        schedule["next_due_at"],
    )
    resumed = await alice.patch(
        f"/api/checkin-schedules/{schedule['id']}", json={"version": 2, "paused_until": None}
    )
    assert resumed.json()["paused_until"] is None


# --- send now ----------------------------------------------------------------------------


async def test_send_now_makes_one_check_in_due_now_and_leaves_the_schedule_alone(
    open_client, world: World, db, clock
):
    gp = await clinician(open_client, world.gp)
    schedule = (await gp.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    clock.advance(minutes=3)
    sent = await gp.post(f"/api/checkin-schedules/{schedule['id']}/send-now")
    assert sent.status_code == 202, sent.text
    assert sent.json()["due_at"] == clock.now_ms()
    row = await db.fetch_one(
        "SELECT schedule_id, patient_id, due_at, window_ends_at, status FROM checkins WHERE id = ?",
        sent.json()["checkin_id"],
    )
    assert dict(row) == {
        "schedule_id": schedule["id"],
        "patient_id": world.alice.id,
        "due_at": clock.now_ms(),
        "window_ends_at": clock.now_ms() + WINDOW_MS,
        "status": "due",
    }
    assert (
        await db.fetch_value(
            "SELECT next_due_at FROM checkin_schedules WHERE id = ?", schedule["id"]
        )
        == schedule["next_due_at"]
    )
    # A second press before it went out is the same check-in, not a second text.
    clock.advance(seconds=2)
    again = await gp.post(f"/api/checkin-schedules/{schedule['id']}/send-now")
    assert again.status_code == 202 and again.json() == sent.json()
    assert await db.fetch_value("SELECT COUNT(*) FROM checkins") == 1
    # Once it has gone out, a new press makes a new one.
    await db.execute("UPDATE checkins SET status = 'sent' WHERE id = ?", sent.json()["checkin_id"])
    clock.advance(minutes=5)
    later = await gp.post(f"/api/checkin-schedules/{schedule['id']}/send-now")
    assert later.status_code == 202 and later.json()["checkin_id"] != sent.json()["checkin_id"]
    assert len(await audited(db, "checkin_schedule.send_now")) == 3


async def test_send_now_is_refused_when_stopped_or_paused(open_client, dev_phone, world: World, db):
    gp = await clinician(open_client, world.gp)
    schedule = (await gp.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    url = f"/api/checkin-schedules/{schedule['id']}"
    until = utc("2026-11-29T00:00")
    await gp.patch(url, json={"version": 1, "paused_until": until})
    paused = await gp.post(f"{url}/send-now")
    assert paused.status_code == 409 and paused.json()["extra"]["paused_until"] == until
    await gp.patch(url, json={"version": 2, "paused_until": None})
    alice = await patient(open_client, dev_phone, world.alice)
    settings = {"quiet_start": "21:00", "quiet_end": "08:00", "paused_until": until}
    paused_by_patient = await alice.put(
        f"/api/patients/{world.alice.id}/checkin-settings", json=settings
    )
    assert paused_by_patient.status_code == 200
    assert (await gp.post(f"{url}/send-now")).status_code == 409
    await alice.put(f"/api/patients/{world.alice.id}/checkin-settings", json={})
    await gp.patch(url, json={"version": 3, "active": False})
    stopped = await gp.post(f"{url}/send-now")
    assert stopped.status_code == 409 and "stopped" in stopped.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM checkins") == 0


async def test_moving_to_another_time_zone_moves_the_next_check_in(
    open_client, dev_phone, world: World
):
    alice = await patient(open_client, dev_phone, world.alice)
    created = (await alice.post(schedules_url(world.alice.id), json=BP_DAILY)).json()
    assert created["next_due_at"] == utc("2026-11-23T09:00")  # 09:00 in London
    moved = await alice.patch(f"/api/patients/{world.alice.id}", json={"time_zone": "Asia/Tokyo"})
    assert moved.status_code == 200, moved.text
    listed = (await alice.get(schedules_url(world.alice.id))).json()["schedules"]
    # 19:00 in Tokyo now: the next 09:00 there is Monday's, at 00:00 UTC.
    assert listed[0]["next_due_at"] == utc("2026-11-23T00:00")
