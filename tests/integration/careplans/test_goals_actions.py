"""Goals and actions through HTTP: own words, lifecycle apart from progress, versions."""

from tests.support.signin import sign_in_clinician, sign_in_patient


async def test_patient_adds_a_goal_in_their_own_words_with_a_measurable_target(
    client, world, dev_phone
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    url = f"/api/patients/{world.alice.id}"
    goal = {
        "description": "Get my sugars down so I can keep my driving licence",
        "target": {"measure": "HbA1c", "comparator": "below", "value": 53, "unit": "mmol/mol"},
        "target_date": "2027-06-01",
        "importance": 9,
        "confidence": 6,
        "status": "proposed",
    }
    created = await client.post(f"{url}/goals", json=goal)
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["status"], body["progress"], body["version"]) == ("proposed", "not_started", 1)
    assert body["target"]["value"] == 53
    changed = await client.patch(
        f"{url}/goals/{body['id']}", json={"version": 1, "status": "active", "confidence": 7}
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["status"], changed.json()["progress"]) == ("active", "not_started")
    plan = (await client.get(f"{url}/plan")).json()
    assert [g["confidence"] for g in plan["goals"]] == [7]


async def test_goal_links_only_to_conditions_in_the_plan(client, world):
    await sign_in_clinician(client, world.gp.phone_or_email)
    url = f"/api/patients/{world.alice.id}"
    await client.patch(
        f"{url}/plan", json={"version": 1, "conditions": [{"id": "t2d", "display": "Diabetes"}]}
    )
    ok = await client.post(f"{url}/goals", json={"description": "Walk", "condition_ids": ["t2d"]})
    assert ok.status_code == 201
    bad = await client.post(f"{url}/goals", json={"description": "x", "condition_ids": ["copd"]})
    assert bad.status_code == 400 and "condition_ids" in bad.json()["detail"]


async def test_goal_bad_input_is_a_400_naming_the_field(client, world):
    await sign_in_clinician(client, world.gp.phone_or_email)
    url = f"/api/patients/{world.alice.id}/goals"
    cases = {
        "importance": {"description": "x", "importance": 11},
        "status": {"description": "x", "status": "finished"},
        "description": {"description": ""},
        "mood": {"description": "x", "mood": "good"},
        "target_date": {"description": "x", "target_date": "2027-13-01"},
    }
    for field, body in cases.items():
        answer = await client.post(url, json=body)
        assert answer.status_code == 400, (field, answer.text)
        assert field in answer.json()["detail"], (field, answer.json()["detail"])
    assert (await client.get(f"/api/patients/{world.alice.id}/plan")).json()["goals"] == []


async def test_stale_goal_update_and_delete_are_409_and_delete_is_soft(client, world):
    await sign_in_clinician(client, world.gp.phone_or_email)
    url = f"/api/patients/{world.alice.id}"
    goal = (await client.post(f"{url}/goals", json={"description": "Walk daily"})).json()
    await client.patch(f"{url}/goals/{goal['id']}", json={"version": 1, "progress": "improving"})
    stale = await client.patch(f"{url}/goals/{goal['id']}", json={"version": 1, "status": "paused"})
    assert stale.status_code == 409 and stale.json()["extra"]["current_version"] == 2
    assert (await client.delete(f"{url}/goals/{goal['id']}?version=1")).status_code == 409
    assert (await client.delete(f"{url}/goals/{goal['id']}?version=2")).status_code == 204
    assert (await client.get(f"{url}/plan")).json()["goals"] == []
    history = (await client.get(f"{url}/history")).json()["changes"]
    assert [c["change"] for c in history] == ["deleted", "updated", "created"]
    assert history[0]["summary"] == "Goal “Walk daily”: deleted"
    gone = await client.patch(f"{url}/goals/{goal['id']}", json={"version": 3, "status": "active"})
    assert gone.status_code == 404


async def test_actions_have_a_rhythm_and_bad_rhythms_are_refused(client, world, dev_phone):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    url = f"/api/patients/{world.alice.id}/actions"
    walk = await client.post(
        url, json={"what": "Walk to the park", "frequency": "weekdays", "weekdays": [1, 3, 5]}
    )
    assert walk.status_code == 201, walk.text
    assert walk.json()["start_date"] == "2026-11-22"  # the patient's today
    cases = {
        "times_per_week": {"what": "Swim", "frequency": "times_per_week"},
        "weekdays": {"what": "Swim", "frequency": "weekdays", "weekdays": [8]},
        "goal_id": {"what": "Swim", "goal_id": "no-such-goal"},
        "time_of_day": {"what": "Swim", "time_of_day": "noonish"},
        "start_date": {"what": "Swim", "start_date": "2026-02-30"},
    }
    for field, body in cases.items():
        answer = await client.post(url, json=body)
        assert answer.status_code == 400, (field, answer.text)
        assert field in answer.json()["detail"], (field, answer.json()["detail"])
    daily = await client.patch(
        f"{url}/{walk.json()['id']}", json={"version": 1, "frequency": "daily"}
    )
    assert daily.status_code == 200, daily.text
    assert (daily.json()["frequency"], daily.json()["weekdays"]) == ("daily", [])


async def test_another_patient_and_other_practice_cannot_touch_goals(
    client, open_client, world, dev_phone
):
    await sign_in_clinician(client, world.gp.phone_or_email)
    goal = (
        await client.post(f"/api/patients/{world.alice.id}/goals", json={"description": "Walk"})
    ).json()
    bob = await open_client()
    await sign_in_patient(bob, dev_phone, world.bob.phone_or_email)
    sneaky = await bob.patch(
        f"/api/patients/{world.alice.id}/goals/{goal['id']}",
        json={"version": 1, "status": "paused"},
    )
    assert sneaky.status_code == 404
    via_own = await bob.patch(
        f"/api/patients/{world.bob.id}/goals/{goal['id']}", json={"version": 1, "status": "paused"}
    )
    assert via_own.status_code == 404
    other = await open_client()
    await sign_in_clinician(other, world.other_gp.phone_or_email)
    assert (await other.get(f"/api/patients/{world.alice.id}/plan")).status_code == 404
