"""The plan document through HTTP: who may change what, versions, 409 on stale writes."""

from tests.support.signin import sign_in_clinician, sign_in_patient

COPD = {
    "id": "copd",
    "display": "COPD",
    "snomed_code": "13645005",
    "if_worse": {
        "green": {"signs": ["Usual breathlessness"], "what_to_do": ["Keep active"]},
        "amber": {
            "signs": ["More breathless than usual", "Green or yellow phlegm"],
            "what_to_do": ["Start rescue pack"],
            "who_to_call": "Practice nurse 01632 960000",
        },
        "red": {"signs": ["Too breathless to speak"], "what_to_do": ["Call 999"]},
    },
}


async def test_a_new_patient_reads_an_empty_plan_with_their_care_team(client, world, dev_phone):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    plan = (await client.get(f"/api/patients/{world.alice.id}/plan")).json()
    assert plan["version"] == 1
    assert plan["conditions"] == [] and plan["goals"] == [] and plan["actions"] == []
    assert {m["team_role"]: m["display_name"] for m in plan["care_team"]}["named_clinician"] == (
        "Dr Ada Gee"
    )


async def test_clinician_writes_conditions_and_if_worse_plan_patient_reads_them(
    client, open_client, world, dev_phone
):
    await sign_in_clinician(client, world.gp.phone_or_email)
    answer = await client.patch(
        f"/api/patients/{world.alice.id}/plan",
        json={"version": 1, "conditions": [COPD], "review_date": "2027-03-01"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["version"] == 2
    patient = await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    plan = (await patient.get(f"/api/patients/{world.alice.id}/plan")).json()
    assert plan["conditions"][0]["if_worse"]["amber"]["signs"][1] == "Green or yellow phlegm"
    assert plan["review_date"] == "2027-03-01"


async def test_patient_writes_their_own_words_but_not_the_clinical_parts(client, world, dev_phone):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    url = f"/api/patients/{world.alice.id}/plan"
    mine = await client.patch(
        url, json={"version": 1, "about_me": "Retired postwoman", "what_matters": "My garden"}
    )
    assert mine.status_code == 200, mine.text
    clinical = await client.patch(url, json={"version": 2, "conditions": [COPD]})
    assert clinical.status_code == 403
    assert (await client.get(url)).json()["conditions"] == []


async def test_stale_write_is_a_409_with_the_current_version_and_nothing_is_lost(
    client, open_client, world, dev_phone
):
    await sign_in_clinician(client, world.gp.phone_or_email)
    url = f"/api/patients/{world.alice.id}/plan"
    await client.patch(url, json={"version": 1, "what_matters": "Seeing my grandchildren"})
    patient = await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    stale = await patient.patch(url, json={"version": 1, "what_matters": "Gardening"})
    assert stale.status_code == 409
    assert stale.json()["extra"]["current_version"] == 2
    assert (await patient.get(url)).json()["what_matters"] == "Seeing my grandchildren"
    retried = await patient.patch(url, json={"version": 2, "about_me": "Keen gardener"})
    assert retried.json()["what_matters"] == "Seeing my grandchildren"
    assert retried.json()["about_me"] == "Keen gardener"


async def test_strangers_get_404_and_bad_plans_get_400_naming_the_field(client, world):
    await sign_in_clinician(client, world.other_gp.phone_or_email)
    url = f"/api/patients/{world.alice.id}/plan"
    assert (await client.get(url)).status_code == 404
    assert (await client.patch(url, json={"version": 1, "about_me": "x"})).status_code == 404
    await sign_in_clinician(client, world.gp.phone_or_email)
    cases = {
        "version": {"about_me": "no version"},
        "snomed_code": {"version": 1, "conditions": [{**COPD, "snomed_code": "COPD!"}]},
        "colour": {"version": 1, "conditions": [{**COPD, "colour": "red"}]},
        "conditions": {"version": 1, "conditions": [COPD, COPD]},
        "review_date": {"version": 1, "review_date": "next spring"},
        "review_date ": {"version": 1, "review_date": "2027-02-29"},
        "body": {"version": 1},
    }
    for field, body in cases.items():
        answer = await client.patch(url, json=body)
        assert answer.status_code == 400, (field, answer.text)
        assert field.strip() in answer.json()["detail"], (field, answer.json()["detail"])
    assert (await client.get(url)).json()["version"] == 1


async def test_every_change_is_in_history_with_who_made_it(client, open_client, world, dev_phone):
    await sign_in_clinician(client, world.gp.phone_or_email)
    url = f"/api/patients/{world.alice.id}"
    await client.patch(f"{url}/plan", json={"version": 1, "conditions": [COPD]})
    patient = await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await patient.patch(f"{url}/plan", json={"version": 2, "what_matters": "My garden"})
    changes = (await patient.get(f"{url}/history")).json()["changes"]
    assert [c["changed_fields"] for c in changes] == [["what_matters"], ["conditions"]]
    assert changes[0]["actor_kind"] == "patient" and changes[1]["actor_kind"] == "clinician"
    assert [c["actor_name"] for c in changes] == ["Alice Able", "Dr Ada Gee"]
    assert changes[0]["summary"] == "Your plan: changed what matters to me"
    assert changes[0]["snapshot"]["conditions"][0]["id"] == "copd"
