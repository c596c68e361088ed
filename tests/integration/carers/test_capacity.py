"""Only the patient chooses their carers, unless a clinician of their practice has recorded,
with a reason, that they lack capacity to; then that clinician may set up a carer. Both
steps are audited and shown to the patient in plain words."""

from __future__ import annotations

import uuid

from tests.support.carers import CARER_PHONE, sign_in_carer
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.storage.db import Database

ADMIN_EMAIL = "admin@riverside.test"
REASON = "Advanced dementia: assessed at home visit with family present"
SAM = {"display_name": "Sam Carer", "phone": CARER_PHONE, "scopes": ["view_plan"]}


async def _admin(db: Database, world: World) -> None:
    """A practice administrator of Riverside (same password as everyone in the world)."""
    await db.execute(
        "INSERT INTO clinicians (id, organisation_id, email, display_name, role, password_hash, "
        "active, created_at, updated_at) SELECT ?, organisation_id, ?, 'Ann Admin', 'admin', "
        "password_hash, 1, created_at, updated_at FROM clinicians WHERE id = ?",
        uuid.uuid4().hex,
        ADMIN_EMAIL,
        world.gp.id,
    )


async def test_a_clinician_sees_carers_but_cannot_choose_them_while_the_patient_can(
    open_client, dev_phone, world: World
):
    gp, stranger = await open_client(), await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await sign_in_clinician(stranger, world.other_gp.phone_or_email)
    carers = f"/api/patients/{world.alice.id}/carers"
    assert (await gp.get(carers)).json() == {"items": []}
    refused = await gp.post(carers, json=SAM)
    assert refused.status_code == 403 and "lack capacity" in refused.json()["detail"]
    assert (await stranger.get(carers)).status_code == 404
    assert (await stranger.post(carers, json=SAM)).status_code == 404
    assert (await stranger.get(f"/api/patients/{world.alice.id}/capacity")).status_code == 404
    capacity = (await gp.get(f"/api/patients/{world.alice.id}/capacity")).json()
    assert capacity == {
        "lacks_capacity": False,
        "reason": None,
        "recorded_by": None,
        "recorded_at": None,
    }


async def test_recording_lack_of_capacity_needs_a_reason_and_a_clinical_role(
    open_client, dev_phone, world: World, db
):
    await _admin(db, world)
    gp, admin, patient = await open_client(), await open_client(), await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await sign_in_clinician(admin, ADMIN_EMAIL)
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    url = f"/api/patients/{world.alice.id}/capacity"
    for reason in ("", "   ", "dementia"):
        short = await gp.put(url, json={"lacks_capacity": True, "reason": reason})
        assert short.status_code == 400 and "reason" in short.json()["detail"], reason
    by_admin = await admin.put(url, json={"lacks_capacity": True, "reason": REASON})
    assert by_admin.status_code == 403
    by_patient = await patient.put(url, json={"lacks_capacity": True, "reason": REASON})
    assert by_patient.status_code == 403
    assert (await admin.get(f"/api/patients/{world.alice.id}/carers")).status_code == 200
    assert (await gp.get(url)).json()["lacks_capacity"] is False


async def test_after_recording_capacity_the_clinician_sets_up_a_carer_and_the_patient_sees_it(
    open_client, dev_phone, world: World, clock
):
    gp, patient, carer = await open_client(), await open_client(), await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    url = f"/api/patients/{world.alice.id}/capacity"
    recorded = await gp.put(url, json={"lacks_capacity": True, "reason": f"  {REASON}  "})
    assert recorded.status_code == 200, recorded.text
    assert recorded.json() == {
        "lacks_capacity": True,
        "reason": REASON,
        "recorded_by": "Dr Ada Gee",
        "recorded_at": clock.now_ms(),
    }
    invited = await gp.post(f"/api/patients/{world.alice.id}/carers", json=SAM)
    assert invited.status_code == 201, invited.text
    delegation = invited.json()
    assert (delegation["granted_by_kind"], delegation["status"]) == ("clinician", "invited")

    await sign_in_carer(carer, dev_phone)
    accepted = await carer.post(f"/api/carer/invitations/{delegation['id']}/accept")
    assert accepted.status_code == 200
    assert (await carer.get(f"/api/patients/{world.alice.id}/plan")).status_code == 200
    assert (await gp.get(f"/api/patients/{world.bob.id}/carers")).json() == {"items": []}
    refused = await gp.post(f"/api/patients/{world.bob.id}/carers", json=SAM)
    assert refused.status_code == 403  # Bob's capacity was never questioned

    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    log = await patient.get(f"/api/patients/{world.alice.id}/access-log")
    said = [(e["actor_name"], e["action"], e["summary"]) for e in log.json()["items"]]
    assert ("Dr Ada Gee", "capacity.record", "recorded whether you can choose your own carers") in (
        said
    )
    assert ("Dr Ada Gee", "carer.invite", "invited a carer to help you") in said
    assert ("Sam Carer", "carer.accept", "accepted your invitation to help you") in said

    withdrawn = await gp.put(url, json={"lacks_capacity": False})
    assert withdrawn.status_code == 200 and withdrawn.json()["lacks_capacity"] is False
    again = await gp.post(f"/api/patients/{world.alice.id}/carers", json=SAM)
    assert again.status_code == 403  # the choice is the patient's again
