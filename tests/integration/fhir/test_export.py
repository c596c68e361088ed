"""GET /api/patients/{id}/fhir for a patient with a full record, on both databases: every
resource validates with the fhir.resources R4B models, every reference resolves inside the
Bundle, and each part says what the record says (statuses, codes, units, who and when).

The expected LOINC codes, UCUM units and status words are written out here from R4 and LOINC,
not read from the code under test, so a changed table fails a test.
"""

from __future__ import annotations

import uuid

from tests.support.carers import carer_helping, invite
from tests.support.fhir import by_url, dangling, kinds, of_type, validated
from tests.support.replies import waiting_checkin
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.messaging.outbox import queue_text

UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
READINGS = [
    {"reading_type": "blood_pressure", "value": 132, "value2": 84, "unit": "mmHg"},
    {"reading_type": "glucose", "value": 6.4, "unit": "mmol/L"},
    {"reading_type": "weight", "value": 82.5, "unit": "kg"},
    {"reading_type": "peak_flow", "value": 380, "unit": "L/min"},
    {"reading_type": "spo2", "value": 96, "unit": "%"},
    {"reading_type": "steps", "value": 5400, "unit": "steps"},
    {"reading_type": "mood", "value": 7, "unit": "score"},
    {"reading_type": "symptom_score", "value": 3, "unit": "score"},
]
# (first LOINC code, UCUM code) by the reading's value
OBSERVED = {
    6.4: ("15074-8", "mmol/L"),
    82.5: ("29463-7", "kg"),
    380: ("19935-6", "L/min"),
    96: ("59408-5", "%"),
    5400: ("55423-8", "{steps}"),
    7: (None, "{score}"),
    3: (None, "{score}"),
}
CONDITIONS = [
    {
        "id": "copd",
        "display": "COPD",
        "snomed_code": "13645005",
        "if_worse": {
            "amber": {
                "signs": ["More breathless than usual"],
                "what_to_do": ["Start my rescue pack"],
                "who_to_call": "The practice",
            },
            "red": {"signs": ["Too breathless to speak"], "what_to_do": ["Call 999"]},
        },
    },
    {"id": "t2d", "display": "Type 2 diabetes", "snomed_code": "44054006"},
    {"id": "grief", "display": "Grief since my husband died"},
]
# description -> (status, progress, expected lifecycleStatus, expected achievement code)
GOALS = {
    "Lose 5 kg": ("active", "improving", "active", "improving"),
    "Walk to the shops": ("paused", "no_change", "on-hold", "no-change"),
    "Stop smoking": ("achieved", "achieved", "completed", "achieved"),
    "Join the choir": ("abandoned", "not_started", "cancelled", None),
    "Swim again": ("proposed", "not_started", "proposed", None),
    "Keep my HbA1c in range": ("active", "in_progress", "active", "in-progress"),
}
COMMUNICATION_STATUS = {
    "queued": "in-progress",
    "sending": "in-progress",
    "sent": "completed",
    "delivered": "completed",
    "received": "completed",
    "skipped": "not-done",
    "failed": "not-done",
    "undelivered": "not-done",
}


async def _full_record(open_client, dev_phone, db, clock, world: World) -> dict:
    """Alice's plan, goals, actions, every kind of reading, a thread and three carers."""
    base = f"/api/patients/{world.alice.id}"
    gp, patient, carer = await open_client(), await open_client(), await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    plan = await gp.patch(
        f"{base}/plan",
        json={
            "version": 1,
            "about_me": "Retired bus driver.",
            "what_matters": "Dancing at my granddaughter's wedding.",
            "conditions": CONDITIONS,
            "support": [{"id": "walk", "name": "Health walks", "kind": "community_group"}],
            "review_date": "2027-02-01",
        },
    )
    assert plan.status_code == 200, plan.text
    goal_ids = {}
    for description, (status, progress, _, _) in GOALS.items():
        body = {"description": description, "status": status, "progress": progress}
        if description == "Lose 5 kg":
            target = {"measure": "Weight", "comparator": "at_most", "value": 80, "unit": "kg"}
            body |= {"target": target, "target_date": "2027-06-30", "condition_ids": ["t2d"]}
            body |= {"importance": 8, "confidence": 6}
        if description == "Keep my HbA1c in range":
            body["target"] = {
                "measure": "HbA1c",
                "comparator": "between",
                "value": 48,
                "upper": 58,
                "unit": "mmol/mol",
            }
        made = await patient.post(f"{base}/goals", json=body)
        assert made.status_code == 201, made.text
        goal_ids[description] = made.json()["id"]
    for action in (
        {"what": "Walk", "goal_id": goal_ids["Lose 5 kg"], "time_of_day": "morning"},
        {"what": "Swim", "frequency": "times_per_week", "times_per_week": 2},
        {
            "what": "Breathing",
            "frequency": "weekdays",
            "weekdays": [5, 1, 3],
            "time_of_day": "bedtime",
        },
        {"what": "Start the gym", "start_date": "2026-12-15"},
    ):
        made = await patient.post(f"{base}/actions", json=action)
        assert made.status_code == 201, made.text
    for reading in READINGS:
        made = await patient.post(f"{base}/readings", json={"id": uuid.uuid4().hex, **reading})
        assert made.status_code == 201, made.text

    scopes = ["view_plan", "log_self_care", "message_team"]
    await carer_helping(
        patient,
        carer,
        dev_phone,
        world.alice.id,
        scopes,
        relationship="daughter",
        ends_on="2027-06-30",
    )
    by_carer = {"id": uuid.uuid4().hex, **READINGS[0], "value": 150, "value2": 95}
    assert (await carer.post(f"{base}/readings", json=by_carer)).status_code == 201
    gone = await invite(
        patient, world.alice.id, ["view_plan"], phone="+447700900302", display_name="Ray Gone"
    )
    revoked = await patient.post(f"{base}/carers/{gone['id']}/revoke")
    assert revoked.status_code == 200, revoked.text
    await invite(
        patient, world.alice.id, ["answer_checkins"], phone="+447700900303", display_name="Ivy New"
    )

    checkin_id = await waiting_checkin(db, clock, world.alice.id, "scale", "Breathing, 1 to 5?")
    async with db.transaction() as tx:
        question_id = await queue_text(
            tx,
            patient_id=world.alice.id,
            phone=world.alice.phone_or_email,
            body="Breathing, 1 to 5?",
            purpose="checkin",
            checkin_id=checkin_id,
            now=clock.now_ms() - 60_000,
        )
        await tx.execute(
            "INSERT INTO messages (id, patient_id, direction, channel, purpose, body, "
            "author_kind, status, skip_reason, created_at, updated_at) VALUES "
            "(?, ?, 'outbound', 'sms', 'reminder', 'Are you still there', 'system', 'skipped', "
            "'opted_out', ?, ?)",
            uuid.uuid4().hex,
            world.alice.id,
            clock.now_ms(),
            clock.now_ms(),
        )
    for who, body in ((patient, "4"), (gp, "Thanks, see you Tuesday"), (carer, "She is tired")):
        posted = await who.post(f"{base}/messages", json={"body": body})
        assert posted.status_code in (200, 201), posted.text
    answer = await gp.get(f"{base}/fhir")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/fhir+json")
    return {"bundle": answer.json(), "question_id": question_id, "goal_ids": goal_ids}


async def test_the_whole_record_validates_and_every_reference_resolves(
    open_client, dev_phone, db, clock, world: World
):
    made = await _full_record(open_client, dev_phone, db, clock, world)
    bundle = made["bundle"]
    validated(bundle)
    assert dangling(bundle) == []
    counted = kinds(bundle)
    messages = await db.fetch_value(
        "SELECT COUNT(*) FROM messages WHERE patient_id = ?", world.alice.id
    )
    assert counted == {
        "Patient": 1,
        "Organization": 1,
        "CareTeam": 1,
        "Practitioner": 2,  # the named clinician and the care coordinator
        "RelatedPerson": 3,
        "Condition": 3,
        "CarePlan": 1,
        "Goal": len(GOALS),
        "Observation": len(READINGS) + 1,
        "Communication": messages,
        "Consent": 3,
    }
    ids = [entry["resource"]["id"] for entry in bundle["entry"]]
    assert len(ids) == len(set(ids))
    gp = await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    again = (await gp.get(f"/api/patients/{world.alice.id}/fhir")).json()
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in bundle["entry"]], (
        "a second export gives every resource the same id"
    )


async def test_patient_conditions_plan_and_team_say_what_the_record_says(
    open_client, dev_phone, db, clock, world: World
):
    bundle = (await _full_record(open_client, dev_phone, db, clock, world))["bundle"]
    urls = by_url(bundle)
    [patient] = of_type(bundle, "Patient")
    assert patient["identifier"] == [
        {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000018"}
    ]
    assert patient["name"][0]["family"] == "Able" and patient["name"][0]["given"] == ["Alice"]
    assert patient["birthDate"] == "1950-05-17"
    assert patient["telecom"] == [{"system": "phone", "value": "+447700900201", "use": "mobile"}]

    conditions = {c["code"]["text"]: c for c in of_type(bundle, "Condition")}
    assert conditions["COPD"]["code"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "13645005"}
    ]
    assert "coding" not in conditions["Grief since my husband died"]["code"]
    for c in conditions.values():
        assert c["clinicalStatus"]["coding"][0]["code"] == "active"

    [plan] = of_type(bundle, "CarePlan")
    assert (plan["status"], plan["intent"]) == ("active", "plan")
    assert {urls[r["reference"]]["code"]["text"] for r in plan["addresses"]} == set(conditions)
    assert {urls[r["reference"]]["description"]["text"] for r in plan["goal"]} == set(GOALS)
    details = {a["detail"]["description"]: a["detail"] for a in plan["activity"]}
    assert details["Walk"]["scheduledTiming"]["repeat"]["when"] == ["MORN"]
    assert urls[details["Walk"]["goal"][0]["reference"]]["description"]["text"] == "Lose 5 kg"
    swim = details["Swim"]["scheduledTiming"]["repeat"]
    assert (swim["frequency"], swim["period"], swim["periodUnit"]) == (2, 1, "wk")
    breathing = details["Breathing"]["scheduledTiming"]["repeat"]
    assert breathing["dayOfWeek"] == ["mon", "wed", "fri"] and breathing["when"] == ["HS"]
    assert details["Walk"]["status"] == "in-progress"
    assert details["Start the gym"]["status"] == "not-started"
    notes = "\n".join(note["text"] for note in plan["note"])
    assert "What matters to me: Dancing at my granddaughter's wedding." in notes
    assert "If I get worse (COPD):" in notes and "Too breathless to speak" in notes
    assert "Start my rescue pack" in notes and "Next review of this plan: 2027-02-01" in notes

    [team] = of_type(bundle, "CareTeam")
    roles = {
        urls[p["member"]["reference"]]["name"][0]["text"]: [r["text"] for r in p["role"]]
        for p in team["participant"]
    }
    assert roles == {
        "Dr Ada Gee": ["Named clinician", "GP"],
        "Nia Nurse": ["Care coordinator", "Nurse"],
    }


async def test_goals_keep_lifecycle_and_achievement_apart(
    open_client, dev_phone, db, clock, world: World
):
    bundle = (await _full_record(open_client, dev_phone, db, clock, world))["bundle"]
    goals = {g["description"]["text"]: g for g in of_type(bundle, "Goal")}
    for description, (_, _, lifecycle, achievement) in GOALS.items():
        goal = goals[description]
        assert goal["lifecycleStatus"] == lifecycle, description
        coding = goal["achievementStatus"].get("coding")
        if achievement is None:
            assert coding is None and goal["achievementStatus"]["text"] == "Not started"
        else:
            assert coding[0]["system"] == "http://terminology.hl7.org/CodeSystem/goal-achievement"
            assert coding[0]["code"] == achievement, description
    [weight] = goals["Lose 5 kg"]["target"]
    assert weight["measure"] == {"text": "Weight"} and weight["dueDate"] == "2027-06-30"
    assert weight["detailQuantity"] == {
        "value": 80,
        "unit": "kg",
        "system": UCUM,
        "code": "kg",
        "comparator": "<=",
    }
    assert "8 out of 10" in goals["Lose 5 kg"]["note"][0]["text"]
    [hba1c] = goals["Keep my HbA1c in range"]["target"]
    assert hba1c["detailRange"]["low"]["value"] == 48
    assert hba1c["detailRange"]["high"] == {
        "value": 58,
        "unit": "mmol/mol",
        "system": UCUM,
        "code": "mmol/mol",
    }


async def test_readings_are_loinc_coded_in_ucum_units_and_bp_is_one_observation(
    open_client, dev_phone, db, clock, world: World
):
    bundle = (await _full_record(open_client, dev_phone, db, clock, world))["bundle"]
    urls = by_url(bundle)
    observations = of_type(bundle, "Observation")
    assert all(o["status"] == "final" for o in observations)
    pressures = [o for o in observations if "component" in o]
    assert len(pressures) == 2 and not any("valueQuantity" in o for o in pressures)
    for bp in pressures:
        assert bp["code"]["coding"][0] == {
            "system": LOINC,
            "code": "85354-9",
            "display": "Blood pressure panel with all children optional",
        }
        assert bp["category"][0]["coding"][0]["code"] == "vital-signs"
        systolic, diastolic = bp["component"]
        assert systolic["code"]["coding"][0]["code"] == "8480-6"
        assert diastolic["code"]["coding"][0]["code"] == "8462-4"
        for part in (systolic, diastolic):
            assert part["valueQuantity"]["system"] == UCUM
            assert part["valueQuantity"]["code"] == "mm[Hg]"
    values = {
        urls[bp["performer"][0]["reference"]]["resourceType"]: (
            bp["component"][0]["valueQuantity"]["value"],
            bp["component"][1]["valueQuantity"]["value"],
        )
        for bp in pressures
    }
    assert values == {"Patient": (132, 84), "RelatedPerson": (150, 95)}, "who took which"

    singles = {o["valueQuantity"]["value"]: o for o in observations if "valueQuantity" in o}
    assert set(singles) == set(OBSERVED)
    for value, (loinc, ucum) in OBSERVED.items():
        observation = singles[value]
        assert observation["valueQuantity"]["system"] == UCUM
        assert observation["valueQuantity"]["code"] == ucum, value
        codings = observation["code"].get("coding", [])
        if loinc is None:
            assert codings == [] and "self-rated from 0 to 10" in observation["code"]["text"]
        else:
            assert codings[0]["system"] == LOINC and codings[0]["code"] == loinc, value
    assert [c["code"] for c in singles[96]["code"]["coding"]] == ["59408-5", "2708-6"]
    assert singles[82.5]["effectiveDateTime"] == "2026-11-22T10:00:00Z"


async def test_the_thread_is_communications_with_senders_recipients_and_true_statuses(
    open_client, dev_phone, db, clock, world: World
):
    made = await _full_record(open_client, dev_phone, db, clock, world)
    bundle = made["bundle"]
    urls = by_url(bundle)
    rows = await db.fetch_all(
        "SELECT body, status, direction FROM messages WHERE patient_id = ?", world.alice.id
    )
    stored = {row["body"]: row for row in rows}
    said = {c["payload"][0]["contentString"]: c for c in of_type(bundle, "Communication")}
    assert set(said) == set(stored)
    for body, communication in said.items():
        assert communication["status"] == COMMUNICATION_STATUS[stored[body]["status"]], body
        assert urls[communication["subject"]["reference"]]["resourceType"] == "Patient"
        stamp = "received" if stored[body]["direction"] == "inbound" else "sent"
        assert (stamp in communication) == (communication["status"] == "completed"), body

    def who(reference: dict) -> str:
        resource = urls[reference["reference"]]
        name = resource.get("name")
        return f"{resource['resourceType']}:" + (name if isinstance(name, str) else name[0]["text"])

    reply = said["4"]
    assert who(reply["sender"]) == "Patient:Alice Able"
    assert [who(r) for r in reply["recipient"]] == ["CareTeam:Care team at Riverside"]
    question_url = f"urn:uuid:{urls[reply['inResponseTo'][0]['reference']]['id']}"
    assert urls[question_url]["payload"][0]["contentString"] == "Breathing, 1 to 5?"
    assert who(said["Breathing, 1 to 5?"]["sender"]) == "Organization:Riverside"
    clinician = said["Thanks, see you Tuesday"]
    assert who(clinician["sender"]) == "Practitioner:Dr Ada Gee"
    assert [who(r) for r in clinician["recipient"]] == ["Patient:Alice Able"]
    assert who(said["She is tired"]["sender"]) == "RelatedPerson:Sam Carer"
    skipped = said["Are you still there"]
    assert skipped["status"] == "not-done" and "opted out" in skipped["statusReason"]["text"]


async def test_carers_are_related_people_and_each_access_a_consent(
    open_client, dev_phone, db, clock, world: World
):
    bundle = (await _full_record(open_client, dev_phone, db, clock, world))["bundle"]
    urls = by_url(bundle)
    consents = {
        urls[c["provision"]["actor"][0]["reference"]["reference"]]["telecom"][0]["value"]: c
        for c in of_type(bundle, "Consent")
    }
    assert {phone: c["status"] for phone, c in consents.items()} == {
        "+447700900301": "active",
        "+447700900302": "inactive",  # revoked
        "+447700900303": "proposed",  # invited, not yet accepted
    }
    active = consents["+447700900301"]
    assert active["scope"]["coding"][0]["code"] == "patient-privacy"
    assert urls[active["patient"]["reference"]]["resourceType"] == "Patient"
    assert urls[active["performer"][0]["reference"]]["resourceType"] == "Patient"
    assert active["provision"]["type"] == "permit"
    assert active["provision"]["period"]["end"] == "2027-06-30"
    actions = [a["coding"][0]["code"] for a in active["provision"]["action"]]
    assert actions == ["log_self_care", "message_team", "view_plan"]
    assert "end" in consents["+447700900302"]["provision"]["period"]
    sam = urls[active["provision"]["actor"][0]["reference"]["reference"]]
    assert sam["name"] == [{"text": "Sam Carer"}] and sam["active"] is True
    assert sam["relationship"] == [{"text": "daughter"}]


async def test_the_export_is_in_the_patients_access_log(
    open_client, dev_phone, db, clock, world: World
):
    await _full_record(open_client, dev_phone, db, clock, world)
    rows = await db.fetch_all(
        "SELECT actor_id, target_kind FROM audit_events WHERE action = 'fhir.export' "
        "AND patient_id = ?",
        world.alice.id,
    )
    assert [(row["actor_id"], row["target_kind"]) for row in rows] == [(world.gp.id, "record")]
    patient = await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    log = (await patient.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    assert any(item["summary"] == "exported your whole record" for item in log)
