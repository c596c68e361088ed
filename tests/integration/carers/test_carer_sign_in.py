"""Carers sign in with their own phone. A phone that is both a patient's and a carer's is
never guessed: the person chooses. A phone whose access has ended gets no code at all."""

from __future__ import annotations

from tests.support.carers import accept_all, invite, sign_in_carer
from tests.support.signin import latest_code, sign_in_patient, texts_to
from tests.support.world import World


async def test_a_phone_that_is_a_patients_and_a_carers_chooses_who_signs_in(
    open_client, dev_phone, world: World
):
    alice, device = await open_client(), await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    bob_phone = world.bob.phone_or_email  # Bob helps Alice, with his own phone
    await invite(alice, world.alice.id, ["view_plan"], phone=bob_phone, display_name="Bob B")

    assert (await device.post("/api/auth/sms-code", json={"phone": bob_phone})).status_code == 202
    code = await latest_code(dev_phone, bob_phone)
    ask = await device.post("/api/auth/sms-verify", json={"phone": bob_phone, "code": code})
    assert ask.status_code == 409, ask.text
    assert ask.json()["extra"] == {"patient_ids": [world.bob.id], "carer": True}
    assert (await device.get("/api/me")).status_code == 401  # nobody signed in yet

    as_carer = await device.post(
        "/api/auth/sms-verify", json={"phone": bob_phone, "code": code, "as_carer": True}
    )
    assert as_carer.status_code == 200, as_carer.text
    me = as_carer.json()
    assert (me["kind"], me["display_name"], me["patients"]) == ("carer", "Bob B", [])
    await accept_all(device)
    assert (await device.get(f"/api/patients/{world.alice.id}/plan")).status_code == 200
    assert (await device.get(f"/api/patients/{world.bob.id}/plan")).status_code == 404

    himself = await open_client()
    assert (await himself.post("/api/auth/sms-code", json={"phone": bob_phone})).status_code == 202
    code = await latest_code(dev_phone, bob_phone)
    body = {"phone": bob_phone, "code": code, "patient_id": world.bob.id}
    as_patient = await himself.post("/api/auth/sms-verify", json=body)
    assert as_patient.status_code == 200, as_patient.text
    assert as_patient.json()["kind"] == "patient"
    assert (await himself.get(f"/api/patients/{world.bob.id}/plan")).status_code == 200
    assert (await himself.get(f"/api/patients/{world.alice.id}/plan")).status_code == 404


async def test_a_phone_whose_only_access_was_revoked_is_sent_no_code(
    open_client, dev_phone, world: World
):
    alice, device = await open_client(), await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    phone = "+447700900377"
    delegation = await invite(alice, world.alice.id, ["view_plan"], phone=phone)
    revoked = await alice.post(f"/api/patients/{world.alice.id}/carers/{delegation['id']}/revoke")
    assert revoked.status_code == 200
    before = {text["sid"] for text in await texts_to(dev_phone, phone)}

    asked = await device.post("/api/auth/sms-code", json={"phone": phone})
    assert asked.status_code == 202  # the same answer as for anyone: nothing is revealed
    after = [t for t in await texts_to(dev_phone, phone) if t["sid"] not in before]
    assert after == []
    guessed = await device.post("/api/auth/sms-verify", json={"phone": phone, "code": "123456"})
    assert guessed.status_code == 400
    as_carer = await device.post(
        "/api/auth/sms-verify", json={"phone": phone, "code": "123456", "as_carer": True}
    )
    assert as_carer.status_code == 400
    assert (await device.get("/api/me")).status_code == 401


async def test_a_carer_who_declined_is_sent_no_further_code(open_client, dev_phone, world: World):
    alice, device = await open_client(), await open_client()
    await sign_in_patient(alice, dev_phone, world.alice.phone_or_email)
    phone = "+447700900378"
    delegation = await invite(alice, world.alice.id, ["view_plan"], phone=phone)
    await sign_in_carer(device, dev_phone, phone)
    declined = await device.post(f"/api/carer/invitations/{delegation['id']}/decline")
    assert declined.status_code == 200
    before = {text["sid"] for text in await texts_to(dev_phone, phone)}
    again = await open_client()
    assert (await again.post("/api/auth/sms-code", json={"phone": phone})).status_code == 202
    assert [t for t in await texts_to(dev_phone, phone) if t["sid"] not in before] == []
