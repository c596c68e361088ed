"""Logging actions and the patient's "today" in their own time zone."""

import uuid

from tests.support.signin import sign_in_patient

from careplan.careplans.logs import backfill_recent_outcomes


async def _action(client, patient_id: str, **fields) -> dict:
    answer = await client.post(f"/api/patients/{patient_id}/actions", json=fields)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def _log(client, patient_id: str, action_id: str, day: str, outcome: str, log_id=None):
    body = {"id": log_id or str(uuid.uuid4()), "action_id": action_id, "day": day}
    return await client.post(
        f"/api/patients/{patient_id}/action-logs", json={**body, "outcome": outcome}
    )


async def test_today_lists_what_is_due_with_what_is_logged(client, world, dev_phone):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    walk = await _action(client, pid, what="Walk", start_date="2026-11-01")
    weekdays = await _action(
        client,
        pid,
        what="Exercises",
        frequency="weekdays",
        weekdays=[1, 3, 5],
        start_date="2026-11-01",
    )
    for day in ("2026-11-19", "2026-11-20", "2026-11-21"):
        assert (await _log(client, pid, walk["id"], day, "done")).status_code == 201
    assert (await _log(client, pid, walk["id"], "2026-11-22", "partly")).status_code == 201
    today = (await client.get(f"/api/patients/{pid}/today")).json()
    assert today["day"] == "2026-11-22"  # a Sunday in Europe/London
    items = {item["action"]["id"]: item for item in today["items"]}
    assert items[walk["id"]]["due_today"] and items[walk["id"]]["log"]["outcome"] == "partly"
    assert items[walk["id"]]["streak_days"] == 4
    assert items[walk["id"]]["done_this_week"] == 4
    this_week = items[walk["id"]]["weeks"][-1]
    assert (this_week["week_start"], this_week["expected"], this_week["done"]) == (
        "2026-11-16",
        7,
        3,
    )
    assert this_week["adherence"] == 0.5
    assert not items[weekdays["id"]]["due_today"] and items[weekdays["id"]]["log"] is None


async def test_today_follows_the_patients_time_zone(client, world, dev_phone):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    assert (await client.get(f"/api/patients/{pid}/today")).json()["day"] == "2026-11-22"
    await client.patch(f"/api/patients/{pid}", json={"time_zone": "Pacific/Kiritimati"})
    today = (await client.get(f"/api/patients/{pid}/today")).json()
    # 10:00 UTC on Sunday is already midnight into Monday at UTC+14.
    assert (today["day"], today["time_zone"]) == ("2026-11-23", "Pacific/Kiritimati")


async def test_a_replayed_log_is_stored_once_and_a_new_log_replaces_the_days_outcome(
    client, world, dev_phone, db
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    walk = await _action(client, pid, what="Walk")
    log_id = str(uuid.uuid4())
    first = await _log(client, pid, walk["id"], "2026-11-22", "not_today", log_id)
    replay = await _log(client, pid, walk["id"], "2026-11-22", "not_today", log_id)
    assert (first.status_code, replay.status_code) == (201, 200)
    assert replay.json() == first.json()
    assert (await _log(client, pid, walk["id"], "2026-11-22", "done")).status_code == 201
    rows = await db.fetch_all(
        "SELECT outcome, deleted_at FROM action_logs WHERE action_id = ? ORDER BY logged_at",
        walk["id"],
    )
    assert [r["outcome"] for r in rows] == ["not_today", "done"]
    assert [r["deleted_at"] is None for r in rows] == [False, True]
    today = (await client.get(f"/api/patients/{pid}/today")).json()
    assert today["items"][0]["log"]["outcome"] == "done"


async def test_bad_logs_are_400s_naming_the_field_and_nothing_is_stored(
    client, open_client, world, dev_phone, db
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    walk = await _action(client, pid, what="Walk")
    cases = {
        "day": ("2026-11-23", "done"),  # tomorrow where Alice lives
        "outcome": ("2026-11-22", "kind of"),
        "action_id": ("2026-11-22", "done"),
    }
    for field, (day, outcome) in cases.items():
        action_id = "no-such-action" if field == "action_id" else walk["id"]
        answer = await _log(client, pid, action_id, day, outcome)
        assert answer.status_code == 400, (field, answer.text)
        assert field in answer.json()["detail"], (field, answer.json()["detail"])
    assert await db.fetch_value("SELECT COUNT(*) FROM action_logs") == 0
    bob = await open_client()
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    assert (await _log(bob, pid, walk["id"], "2026-11-22", "done")).status_code == 404
    assert (await bob.get(f"/api/patients/{pid}/today")).status_code == 404


async def test_recent_outcomes_follow_taken_back_logs_and_are_filled_for_old_rows(
    client, world, dev_phone, db
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    walk = await _action(client, pid, what="Walk", start_date="2026-11-01")
    for day in ("2026-11-20", "2026-11-21", "2026-11-22"):
        assert (await _log(client, pid, walk["id"], day, "done")).status_code == 201
    taken_back = await client.post(
        "/api/sync",
        json={
            "mutations": [
                {
                    "id": str(uuid.uuid4()),
                    "kind": "delete_action_log",
                    "patient_id": pid,
                    "data": {"action_id": walk["id"], "day": "2026-11-21"},
                }
            ]
        },
    )
    assert taken_back.status_code == 200, taken_back.text
    assert taken_back.json()["results"][0]["status"] == "applied", taken_back.text
    before = (await client.get(f"/api/patients/{pid}/today")).json()
    assert before["items"][0]["streak_days"] == 1  # the gap on the 21st breaks the run
    assert before["items"][0]["weeks"][-1]["done"] == 2

    # Rows from before migration 0005 have no string yet; `careplan migrate` fills them.
    await db.execute("UPDATE plan_actions SET recent_outcomes = NULL")
    assert await backfill_recent_outcomes(db) == 1
    assert (await client.get(f"/api/patients/{pid}/today")).json() == before
