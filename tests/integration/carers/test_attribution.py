"""Everything a carer does is stored as done by the carer on the patient's behalf, and shown
with the carer's own name: readings, action logs, plan history, the thread, the inbox and the
patient's access log (which can be filtered to the carer alone)."""

from __future__ import annotations

import uuid

import msgspec
from tests.support.carers import carer_helping
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.careplans import repo as careplans_repo

BP = {"reading_type": "blood_pressure", "value": 141, "value2": 88, "unit": "mmHg"}
SCOPES = ["view_plan", "log_self_care", "message_team"]


def _said_by_sam(thing: dict, patient_id: str) -> None:
    assert (thing["actor_kind"], thing["actor_name"], thing["on_behalf_of"]) == (
        "carer",
        "Sam Carer",
        patient_id,
    ), thing


async def test_a_carers_reading_and_action_log_carry_the_carers_name(
    open_client, dev_phone, world: World
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await carer_helping(patient, carer, dev_phone, world.alice.id, SCOPES)
    base = f"/api/patients/{world.alice.id}"
    action = (await patient.post(f"{base}/actions", json={"what": "Walk"})).json()

    reading = await carer.post(f"{base}/readings", json={"id": uuid.uuid4().hex, **BP})
    assert reading.status_code == 201, reading.text
    _said_by_sam(reading.json(), world.alice.id)
    own = await patient.post(f"{base}/readings", json={"id": uuid.uuid4().hex, **BP})
    assert (own.json()["actor_kind"], own.json()["actor_name"]) == ("patient", "Alice Able")
    listed = (await patient.get(f"{base}/readings")).json()["items"]
    names = {item["id"]: (item["actor_kind"], item["actor_name"]) for item in listed}
    assert names == {
        reading.json()["id"]: ("carer", "Sam Carer"),
        own.json()["id"]: ("patient", "Alice Able"),
    }

    body = {"id": uuid.uuid4().hex, "action_id": action["id"], "day": "2026-11-22"}
    logged = await carer.post(f"{base}/action-logs", json={**body, "outcome": "done"})
    assert logged.status_code == 201, logged.text
    _said_by_sam(logged.json(), world.alice.id)
    replay = await carer.post(f"{base}/action-logs", json={**body, "outcome": "done"})
    assert replay.status_code == 200 and replay.json()["actor_name"] == "Sam Carer"
    today = (await patient.get(f"{base}/today")).json()
    [item] = [i for i in today["items"] if i["action"]["id"] == action["id"]]
    _said_by_sam(item["log"], world.alice.id)


async def test_plan_history_names_a_carer_who_changed_the_plan(
    open_client, dev_phone, world: World, db, clock
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    delegation = await carer_helping(patient, carer, dev_phone, world.alice.id, SCOPES)
    snapshot = msgspec.json.encode({"what": "Walk"}).decode()
    await careplans_repo.insert_version(  # no scope lets a carer edit the plan yet: stored here
        db,
        (uuid.uuid4().hex, world.alice.id, "action", "a1", 1, "created", "[]", snapshot)
        + ("carer", delegation["carer_id"], world.alice.id, None, clock.now_ms()),
    )
    history = (await patient.get(f"/api/patients/{world.alice.id}/history")).json()
    [change] = history["changes"]
    _said_by_sam(change, world.alice.id)


async def test_a_carers_message_reaches_the_thread_and_the_inbox_as_the_carers(
    open_client, dev_phone, world: World
):
    patient, carer, nurse = await open_client(), await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await carer_helping(patient, carer, dev_phone, world.alice.id, SCOPES)
    thread = f"/api/patients/{world.alice.id}/messages"
    posted = await carer.post(thread, json={"body": "She has been more breathless today"})
    assert posted.status_code == 201, posted.text
    message = posted.json()["message"]
    assert (message["direction"], message["channel"]) == ("inbound", "app")
    assert (message["author_kind"], message["author_name"], message["on_behalf_of"]) == (
        "carer",
        "Sam Carer",
        world.alice.id,
    )
    seen = (await patient.get(thread)).json()["messages"]
    assert [(m["author_kind"], m["author_name"]) for m in seen] == [("carer", "Sam Carer")]

    await sign_in_clinician(nurse, world.nurse.phone_or_email)
    items = (await nurse.get("/api/inbox", params={"scope": "all"})).json()["items"]
    [item] = [i for i in items if i["message_id"] == message["id"]]
    assert (item["patient_name"], item["author_kind"], item["author_name"]) == (
        "Alice Able",
        "carer",
        "Sam Carer",
    )
    reply = await nurse.post(thread, json={"body": "Thanks Sam, I will ring Alice."})
    assert reply.status_code == 201
    assert reply.json()["message"]["author_name"] == "Nia Nurse"


async def test_the_access_log_filtered_to_the_carer_shows_only_the_carers_acts(
    open_client, dev_phone, world: World, clock
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    delegation = await carer_helping(patient, carer, dev_phone, world.alice.id, SCOPES)
    base = f"/api/patients/{world.alice.id}"
    clock.advance(seconds=1)
    await carer.get(f"{base}/plan")
    await carer.post(f"{base}/readings", json={"id": uuid.uuid4().hex, **BP})
    await carer.post(f"{base}/messages", json={"body": "All well today"})

    everyone = (await patient.get(f"{base}/access-log")).json()["items"]
    assert {e["actor_kind"] for e in everyone} == {"patient", "carer"}
    only_sam = await patient.get(f"{base}/access-log", params={"actor_id": delegation["carer_id"]})
    entries = only_sam.json()["items"]
    assert entries and {(e["actor_kind"], e["actor_name"]) for e in entries} == {
        ("carer", "Sam Carer")
    }
    assert {e["on_behalf_of"] for e in entries} == {world.alice.id}
    assert {"carer.accept", "plan.read", "reading.create", "message.create"} <= {
        e["action"] for e in entries
    }
    assert len(entries) < len(everyone)
