"""Who may export a record, and what each gets: never more than they could read in the app.

Strangers (another patient, another practice, a carer without view_plan) get 404 like any
read of the record; the patient and a view_plan carer get the record, the carer without the
thread unless they may read it and never the carers' details; a practice administrator gets
no thread (messages are clinical). Every export is in the patient's access log.
"""

from __future__ import annotations

import uuid

from tests.support.carers import carer_helping
from tests.support.fhir import dangling, kinds, of_type, validated
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

BP = {"reading_type": "blood_pressure", "value": 141, "value2": 88, "unit": "mmHg"}
ADMIN_EMAIL = "admin@riverside.test"


def fhir_url(patient_id: str) -> str:
    return f"/api/patients/{patient_id}/fhir"


async def _alice_with_a_carer(open_client, dev_phone, world: World, scopes: list[str]):
    """Alice signed in, a carer of hers with SCOPES (plus log_self_care) who took a reading,
    and a message from Alice in her thread."""
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await carer_helping(
        patient, carer, dev_phone, world.alice.id, [*scopes, "log_self_care"], relationship="son"
    )
    base = f"/api/patients/{world.alice.id}"
    taken = await carer.post(f"{base}/readings", json={"id": uuid.uuid4().hex, **BP})
    assert taken.status_code == 201, taken.text
    said = await patient.post(f"{base}/messages", json={"body": "Feeling better today"})
    assert said.status_code in (200, 201), said.text
    return patient, carer


async def test_strangers_get_404_and_nobody_signed_out_gets_in(
    open_client, dev_phone, world: World
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await carer_helping(patient, carer, dev_phone, world.alice.id, ["message_team"])
    assert (await carer.get(fhir_url(world.alice.id))).status_code == 404  # no view_plan
    assert (await patient.get(fhir_url(world.bob.id))).status_code == 404  # another patient
    other_gp = await open_client()
    await sign_in_clinician(other_gp, world.other_gp.phone_or_email)
    assert (await other_gp.get(fhir_url(world.alice.id))).status_code == 404  # another practice
    assert (await other_gp.get(fhir_url("no-such-patient"))).status_code == 404
    assert (await (await open_client()).get(fhir_url(world.alice.id))).status_code == 401


async def test_the_patient_exports_everything_and_it_is_logged(
    open_client, dev_phone, db, world: World
):
    patient, _ = await _alice_with_a_carer(open_client, dev_phone, world, ["view_plan"])
    answer = await patient.get(fhir_url(world.alice.id))
    assert answer.status_code == 200, answer.text
    bundle = answer.json()
    validated(bundle)
    assert dangling(bundle) == []
    counted = kinds(bundle)
    assert counted["Communication"] >= 1 and counted["Consent"] == 1
    [carer] = of_type(bundle, "RelatedPerson")
    assert carer["telecom"][0]["value"] == "+447700900301"
    actors = await db.fetch_all(
        "SELECT actor_kind, actor_id FROM audit_events WHERE action = 'fhir.export'"
    )
    assert [(a["actor_kind"], a["actor_id"]) for a in actors] == [("patient", world.alice.id)]


async def test_a_view_plan_carer_gets_the_record_without_thread_or_carers(
    open_client, dev_phone, db, world: World
):
    patient, carer = await _alice_with_a_carer(open_client, dev_phone, world, ["view_plan"])
    answer = await carer.get(fhir_url(world.alice.id))
    assert answer.status_code == 200, answer.text
    bundle = answer.json()
    validated(bundle)
    assert dangling(bundle) == []
    counted = kinds(bundle)
    assert counted["Observation"] == 1 and counted["Patient"] == 1
    assert "Communication" not in counted and "Consent" not in counted
    # The carer's own reading names them, by name only, as the readings list does.
    [me] = of_type(bundle, "RelatedPerson")
    assert me["name"] == [{"text": "Sam Carer"}]
    assert "telecom" not in me and "relationship" not in me
    rows = await db.fetch_all(
        "SELECT actor_kind, on_behalf_of FROM audit_events WHERE action = 'fhir.export'"
    )
    assert [(r["actor_kind"], r["on_behalf_of"]) for r in rows] == [("carer", world.alice.id)]
    log = (await patient.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    exports = [item for item in log if item["action"] == "fhir.export"]
    assert [(e["actor_name"], e["summary"]) for e in exports] == [
        ("Sam Carer", "exported your whole record")
    ]


async def test_a_carer_who_may_message_gets_the_thread_too(open_client, dev_phone, world: World):
    _, carer = await _alice_with_a_carer(
        open_client, dev_phone, world, ["view_plan", "message_team"]
    )
    bundle = (await carer.get(fhir_url(world.alice.id))).json()
    validated(bundle)
    assert dangling(bundle) == []
    said = [c["payload"][0]["contentString"] for c in of_type(bundle, "Communication")]
    assert "Feeling better today" in said
    assert "Consent" not in kinds(bundle)


async def test_a_practice_administrator_gets_no_thread(open_client, dev_phone, db, world: World):
    await _alice_with_a_carer(open_client, dev_phone, world, ["view_plan"])
    await db.execute(
        "INSERT INTO clinicians (id, organisation_id, email, display_name, role, password_hash, "
        "active, created_at, updated_at) SELECT ?, organisation_id, ?, 'Ann Admin', 'admin', "
        "password_hash, 1, created_at, updated_at FROM clinicians WHERE id = ?",
        uuid.uuid4().hex,
        ADMIN_EMAIL,
        world.gp.id,
    )
    admin = await open_client()
    await sign_in_clinician(admin, ADMIN_EMAIL)
    answer = await admin.get(fhir_url(world.alice.id))
    assert answer.status_code == 200, answer.text
    bundle = answer.json()
    validated(bundle)
    assert dangling(bundle) == []
    counted = kinds(bundle)
    assert "Communication" not in counted
    assert counted["Consent"] == 1 and counted["Observation"] == 1
