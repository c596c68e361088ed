"""Offline sync: a batch answered item by item; replays harmless; one bad item fails alone."""

import uuid

from tests.support.signin import sign_in_clinician, sign_in_patient


def mutation(kind: str, patient_id: str, data: dict, mutation_id: str | None = None) -> dict:
    return {
        "id": mutation_id or str(uuid.uuid4()),
        "kind": kind,
        "patient_id": patient_id,
        "data": data,
    }


async def _walk(client, patient_id: str) -> dict:
    answer = await client.post(f"/api/patients/{patient_id}/actions", json={"what": "Walk"})
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_a_batch_is_applied_once_and_a_replay_is_a_duplicate(client, world, dev_phone, db):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    walk = await _walk(client, pid)
    batch = [
        mutation(
            "log_action", pid, {"action_id": walk["id"], "day": "2026-11-22", "outcome": "done"}
        ),
        mutation("record_reading", pid, {"reading_type": "weight", "value": 82.5, "unit": "kg"}),
        mutation("update_plan", pid, {"version": 1, "what_matters": "Walking my dog"}),
    ]
    first = await client.post("/api/sync", json={"mutations": batch})
    assert first.status_code == 200, first.text
    assert [r["status"] for r in first.json()["results"]] == ["applied"] * 3
    replay = await client.post("/api/sync", json={"mutations": batch})
    assert [r["status"] for r in replay.json()["results"]] == ["duplicate"] * 3
    assert await db.fetch_value("SELECT COUNT(*) FROM action_logs") == 1
    assert await db.fetch_value("SELECT COUNT(*) FROM readings") == 1
    plan = (await client.get(f"/api/patients/{pid}/plan")).json()
    assert (plan["version"], plan["what_matters"]) == (2, "Walking my dog")


async def test_each_item_is_answered_on_its_own(client, open_client, world, dev_phone, db):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    walk = await _walk(client, pid)
    goal = (await client.post(f"/api/patients/{pid}/goals", json={"description": "Walk"})).json()
    await client.patch(
        f"/api/patients/{pid}/goals/{goal['id']}", json={"version": 1, "confidence": 5}
    )
    good_log = mutation(
        "log_action", pid, {"action_id": walk["id"], "day": "2026-11-22", "outcome": "partly"}
    )
    batch = [
        mutation("record_reading", pid, {"reading_type": "glucose", "value": 99, "unit": "mmol/L"}),
        mutation(
            "record_reading", pid, {"reading_type": "cholesterol", "value": 5, "unit": "mmol/L"}
        ),
        mutation("record_reading", pid, {"reading_type": "weight", "value": 80, "unit": "stone"}),
        mutation("update_goal", pid, {"goal_id": goal["id"], "version": 1, "status": "paused"}),
        mutation(
            "log_action",
            world.bob.id,
            {"action_id": walk["id"], "day": "2026-11-22", "outcome": "done"},
        ),
        mutation(
            "log_action",
            pid,
            {"action_id": walk["id"], "day": "2026-11-22", "outcome": "done", "colour": "red"},
        ),
        good_log,
    ]
    answer = await client.post("/api/sync", json={"mutations": batch})
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["status"] for r in results] == [
        "invalid",
        "invalid",
        "invalid",
        "stale",
        "invalid",
        "invalid",
        "applied",
    ]
    assert "value" in results[0]["detail"] and "35" in results[0]["detail"]
    assert "reading_type" in results[1]["detail"]
    assert "unit" in results[2]["detail"]
    assert results[3]["current_version"] == 2
    assert "colour" in results[5]["detail"]
    assert [r["id"] for r in results] == [m["id"] for m in batch]
    assert await db.fetch_value("SELECT COUNT(*) FROM readings") == 0
    assert await db.fetch_value("SELECT COUNT(*) FROM action_logs") == 1
    goal_now = (await client.get(f"/api/patients/{pid}/plan")).json()["goals"][0]
    assert (goal_now["status"], goal_now["confidence"]) == ("active", 5)


async def test_deletes_are_soft_and_replayable(client, world, dev_phone, db):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    reading = mutation("record_reading", pid, {"reading_type": "mood", "value": 7, "unit": "score"})
    await client.post("/api/sync", json={"mutations": [reading]})
    removal = mutation("delete_reading", pid, {"reading_id": reading["id"]})
    first = await client.post("/api/sync", json={"mutations": [removal]})
    again = await client.post("/api/sync", json={"mutations": [removal]})
    assert first.json()["results"][0]["status"] == "applied"
    assert again.json()["results"][0]["status"] == "duplicate"
    assert await db.fetch_value("SELECT deleted_at FROM readings WHERE id = ?", reading["id"])
    listed = (await client.get(f"/api/patients/{pid}/readings")).json()["items"]
    assert listed == []


async def test_a_batch_that_is_not_a_batch_is_a_400_and_clinicians_sync_too(client, world):
    await sign_in_clinician(client, world.gp.phone_or_email)
    assert (await client.post("/api/sync", json={"mutations": "lots"})).status_code == 400
    too_many = [mutation("record_reading", world.alice.id, {}) for _ in range(201)]
    answer = await client.post("/api/sync", json={"mutations": too_many})
    assert answer.status_code == 400 and "mutations" in answer.json()["detail"]
    unknown_kind = await client.post(
        "/api/sync", json={"mutations": [mutation("drop_table", world.alice.id, {})]}
    )
    assert unknown_kind.status_code == 400 and "kind" in unknown_kind.json()["detail"]
    stranger = mutation("update_plan", world.carol.id, {"version": 1, "about_me": "x"})
    mine = mutation("update_plan", world.alice.id, {"version": 1, "about_me": "Clinician note"})
    results = (await client.post("/api/sync", json={"mutations": [stranger, mine]})).json()
    assert [r["status"] for r in results["results"]] == ["invalid", "applied"]


async def test_text_with_a_nul_character_is_refused_alike_on_both_databases(
    client, world, dev_phone, db
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    pid = world.alice.id
    nul_reading = mutation(
        "record_reading", pid, {"reading_type": "mood", "value": 5, "unit": "score", "note": "a\0b"}
    )
    answer = await client.post("/api/sync", json={"mutations": [nul_reading]})
    assert answer.json()["results"][0]["status"] == "invalid"
    assert "NUL" in answer.json()["results"][0]["detail"]
    direct = await client.post(
        f"/api/patients/{pid}/readings",
        json={
            "id": str(uuid.uuid4()),
            "reading_type": "mood",
            "value": 5,
            "unit": "score",
            "note": "a\0b",
        },
    )
    assert direct.status_code == 400 and "NUL" in direct.json()["detail"]
    assert (await client.get(f"/api/patients/{pid}%00/plan")).status_code in (400, 404)
    assert await db.fetch_value("SELECT COUNT(*) FROM readings") == 0
