"""A carer's whole journey: invited by the patient, signed in with their own phone, acting
within scopes and attributed, refused on the next request once revoked."""

from __future__ import annotations

import uuid

from tests.support.carers import CARER_PHONE, carer_helping, invite, sign_in_carer
from tests.support.signin import sign_in_patient, texts_to
from tests.support.world import World

BP = {"reading_type": "blood_pressure", "value": 132, "value2": 84, "unit": "mmHg"}


async def test_invited_carer_signs_in_accepts_acts_attributed_and_is_refused_once_revoked(
    open_client, dev_phone, world: World, db
):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    delegation = await invite(patient, world.alice.id, ["view_plan", "log_self_care"])
    assert delegation["status"] == "invited"
    [text] = [t for t in await texts_to(dev_phone, CARER_PHONE) if "Alice" in t["body"]][:1]
    assert "asked you to help" in text["body"]

    me = await sign_in_carer(carer, dev_phone)
    assert me["kind"] == "carer" and me["patients"] == []
    waiting = (await carer.get("/api/carer/patients")).json()["invitations"]
    assert [w["patient_id"] for w in waiting] == [world.alice.id]
    accepted = await carer.post(f"/api/carer/invitations/{waiting[0]['delegation_id']}/accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"
    me = (await carer.get("/api/me")).json()
    assert me["patients"] == [
        {
            "id": world.alice.id,
            "display_name": "Alice Able",
            "relationship": "carer",
            "scopes": ["log_self_care", "view_plan"],
        }
    ]

    logged = await carer.post(
        f"/api/patients/{world.alice.id}/readings", json={"id": uuid.uuid4().hex, **BP}
    )
    assert logged.status_code == 201, logged.text
    assert logged.json()["actor_kind"] == "carer"
    assert logged.json()["on_behalf_of"] == world.alice.id
    log = (await patient.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    by_carer = [e for e in log if e["actor_kind"] == "carer"]
    assert {e["action"] for e in by_carer} >= {"reading.create", "carer.accept"}
    assert {e["actor_name"] for e in by_carer} == {"Sam Carer"}

    revoked = await patient.post(f"/api/patients/{world.alice.id}/carers/{delegation['id']}/revoke")
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    refused = await carer.get(f"/api/patients/{world.alice.id}/plan")
    assert refused.status_code == 404
    assert (await carer.get("/api/me")).json()["patients"] == []


async def test_outside_scopes_reads_are_404_and_visible_changes_403(open_client, dev_phone, world):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await carer_helping(patient, carer, dev_phone, world.alice.id, ["view_plan"])
    base = f"/api/patients/{world.alice.id}"
    assert (await carer.get(f"{base}/plan")).status_code == 200
    assert (await carer.get(f"{base}/messages")).status_code == 404
    assert (await carer.get(f"{base}/access-log")).status_code == 404
    reading = await carer.post(f"{base}/readings", json={"id": uuid.uuid4().hex, **BP})
    assert reading.status_code == 403
    assert (await carer.get(f"/api/patients/{world.bob.id}/plan")).status_code == 404
