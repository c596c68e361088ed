"""people/access.py: strangers get 404, known parties doing too much get 403."""

from __future__ import annotations

from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World


async def test_patient_reads_own_record_but_not_anothers(client, dev_phone, world: World):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    own = await client.get(f"/api/patients/{world.alice.id}")
    assert own.status_code == 200 and own.json()["given_name"] == "Alice"
    for stranger in (world.bob.id, world.carol.id, "no-such-id"):
        answer = await client.get(f"/api/patients/{stranger}")
        assert answer.status_code == 404, stranger
        assert answer.json()["detail"] == "No patient with that id"


async def test_clinician_sees_only_own_practice(client, world):
    await sign_in_clinician(client, world.other_gp.phone_or_email)
    assert (await client.get(f"/api/patients/{world.carol.id}")).status_code == 200
    for foreign in (world.alice.id, world.bob.id):
        assert (await client.get(f"/api/patients/{foreign}")).status_code == 404
        assert (await client.get(f"/api/patients/{foreign}/access-log")).status_code == 404
        changed = await client.patch(f"/api/patients/{foreign}", json={"given_name": "X"})
        assert changed.status_code == 404
    listed = (await client.get("/api/patients")).json()
    assert [p["id"] for p in listed["items"]] == [world.carol.id]


async def test_stranger_and_missing_patient_look_the_same(client, world):
    await sign_in_clinician(client, world.other_gp.phone_or_email)
    foreign = await client.get(f"/api/patients/{world.alice.id}")
    missing = await client.get("/api/patients/does-not-exist")
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["detail"] == missing.json()["detail"]


async def test_patient_may_change_preferences_but_not_demographics(client, dev_phone, world):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    ok = await client.patch(f"/api/patients/{world.alice.id}", json={"preferred_language": "cy"})
    assert ok.status_code == 200 and ok.json()["preferred_language"] == "cy"
    for field, value in (
        ("nhs_number", "9990000026"),
        ("phone", "+447700900299"),
        ("given_name", "Alicia"),
    ):
        refused = await client.patch(f"/api/patients/{world.alice.id}", json={field: value})
        assert refused.status_code == 403, field
    again = (await client.get(f"/api/patients/{world.alice.id}")).json()
    assert (again["nhs_number"], again["given_name"]) == ("9990000018", "Alice")


async def test_patients_cannot_register_patients_or_set_care_teams(client, dev_phone, world):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    created = await client.post(
        "/api/patients",
        json={
            "given_name": "Eve",
            "family_name": "E",
            "birth_date": "1990-01-01",
            "nhs_number": "9990000042",
            "phone": "+447700900250",
        },
    )
    assert created.status_code == 403
    team = await client.put(
        f"/api/patients/{world.alice.id}/care-team", json={"named_clinician_id": None}
    )
    assert team.status_code == 403


async def test_patient_list_shows_a_patient_only_themself(client, dev_phone, world):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    listed = (await client.get("/api/patients")).json()
    assert [p["id"] for p in listed["items"]] == [world.alice.id] and listed["total"] == 1


async def test_practice_admin_manages_registration_but_not_care_plans(client, world, db):
    await db.execute("UPDATE clinicians SET role = 'admin' WHERE id = ?", world.nurse.id)
    await sign_in_clinician(client, world.nurse.phone_or_email)
    alice = f"/api/patients/{world.alice.id}"
    assert (await client.get(f"{alice}/plan")).status_code == 200
    assert (await client.patch(alice, json={"preferred_language": "cy"})).status_code == 200
    refused = {
        "plan": await client.patch(f"{alice}/plan", json={"version": 1, "about_me": "x"}),
        "goal": await client.post(f"{alice}/goals", json={"description": "Walk"}),
        "review": await client.post(f"{alice}/reviews", json={"scheduled_for": "2027-01-10"}),
    }
    assert {name: answer.status_code for name, answer in refused.items()} == {
        "plan": 403,
        "goal": 403,
        "review": 403,
    }
