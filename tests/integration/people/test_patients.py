"""Registering, reading, listing and changing patients, and the bad input around it."""

from __future__ import annotations

import pytest
from tests.support.signin import sign_in_clinician
from tests.support.world import World

from careplan.storage.db import Database

NEW_PATIENT = {
    "given_name": "Dora",
    "family_name": "Dent",
    "birth_date": "1944-07-01",
    "nhs_number": "999 000 0042",
    "phone": "07700 900260",
}


@pytest.fixture
async def staff(client, world: World):
    await sign_in_clinician(client, world.gp.phone_or_email)
    return client


async def test_clinician_registers_a_patient_with_a_care_team(staff, world):
    answer = await staff.post(
        "/api/patients",
        json={
            **NEW_PATIENT,
            "named_clinician_id": world.gp.id,
            "care_coordinator_id": world.nurse.id,
        },
    )
    assert answer.status_code == 201, answer.text
    patient = answer.json()
    assert patient["nhs_number"] == "9990000042"  # normalised
    assert patient["phone"] == "+447700900260"  # E.164
    assert patient["time_zone"] == "Europe/London"  # the practice's zone by default
    assert [(m["display_name"], m["team_role"]) for m in patient["care_team"]] == [
        ("Dr Ada Gee", "named_clinician"),
        ("Nia Nurse", "care_coordinator"),
    ]
    assert (await staff.get(f"/api/patients/{patient['id']}")).json() == patient


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nhs_number": "9990000019"}, "nhs_number"),  # fails Modulus 11
        ({"nhs_number": "12345"}, "nhs_number"),
        ({"phone": "not a phone"}, "phone"),
        ({"phone": "+44 20"}, "phone"),
        ({"birth_date": "2031-01-01"}, "birth_date"),
        ({"birth_date": "1950-02-30"}, "birth_date"),
        ({"birth_date": "01/02/1950"}, "birth_date"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"given_name": ""}, "given_name"),
        ({"given_name": 42}, "given_name"),
        ({"preferred_language": "fr"}, "preferred_language"),
        ({"named_clinician_id": "nobody"}, "named_clinician_id"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
async def test_bad_fields_get_a_400_naming_the_field(staff, db: Database, change, field):
    before = await db.fetch_value("SELECT COUNT(*) FROM patients")
    answer = await staff.post("/api/patients", json={**NEW_PATIENT, **change})
    assert answer.status_code == 400, answer.text
    assert field in answer.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM patients") == before


async def test_missing_field_is_named(staff):
    body = {k: v for k, v in NEW_PATIENT.items() if k != "nhs_number"}
    answer = await staff.post("/api/patients", json=body)
    assert answer.status_code == 400 and "nhs_number" in answer.json()["detail"]


async def test_malformed_json_is_a_400(staff):
    answer = await staff.post(
        "/api/patients", content=b'{"given_name": ', headers={"content-type": "application/json"}
    )
    assert answer.status_code == 400 and "not valid JSON" in answer.json()["detail"]


async def test_body_over_64_kb_is_a_413(staff, db):
    answer = await staff.post("/api/patients", json={**NEW_PATIENT, "given_name": "x" * 70_000})
    assert answer.status_code == 413
    assert await db.fetch_value("SELECT COUNT(*) FROM patients WHERE family_name = 'Dent'") == 0


async def test_duplicate_nhs_number_is_a_409_and_keeps_the_first(staff, world, db):
    answer = await staff.post("/api/patients", json={**NEW_PATIENT, "nhs_number": "9990000018"})
    assert answer.status_code == 409 and "nhs_number" in answer.json()["detail"]
    alice = await db.fetch_one("SELECT given_name FROM patients WHERE id = ?", world.alice.id)
    assert alice["given_name"] == "Alice"


async def test_same_nhs_number_may_exist_in_another_practice(client, world):
    await sign_in_clinician(client, world.other_gp.phone_or_email)
    answer = await client.post("/api/patients", json={**NEW_PATIENT, "nhs_number": "9990000018"})
    assert answer.status_code == 201


async def test_care_team_cannot_include_another_practices_clinician(staff, world):
    answer = await staff.put(
        f"/api/patients/{world.bob.id}/care-team", json={"named_clinician_id": world.other_gp.id}
    )
    assert answer.status_code == 400 and "named_clinician_id" in answer.json()["detail"]


async def test_care_team_update_replaces_the_team(staff, world):
    answer = await staff.put(
        f"/api/patients/{world.alice.id}/care-team",
        json={"named_clinician_id": world.nurse.id, "member_ids": [world.gp.id]},
    )
    assert answer.status_code == 200
    assert [(m["clinician_id"], m["team_role"]) for m in answer.json()["care_team"]] == [
        (world.nurse.id, "named_clinician"),
        (world.gp.id, "member"),
    ]


async def test_update_changes_only_the_fields_sent(staff, world, clock):
    clock.advance(minutes=5)
    answer = await staff.patch(
        f"/api/patients/{world.bob.id}",
        json={"family_name": "Baker-Smith", "phone": "07700 900277"},
    )
    assert answer.status_code == 200
    bob = answer.json()
    assert (bob["family_name"], bob["phone"], bob["given_name"]) == (
        "Baker-Smith",
        "+447700900277",
        "Bob",
    )
    assert bob["updated_at"] == clock.now_ms() > bob["created_at"]


async def test_update_to_another_patients_nhs_number_is_a_409(staff, world):
    answer = await staff.patch(f"/api/patients/{world.bob.id}", json={"nhs_number": "9990000018"})
    assert answer.status_code == 409


async def test_empty_update_is_a_400(staff, world):
    assert (await staff.patch(f"/api/patients/{world.bob.id}", json={})).status_code == 400


async def test_list_is_paginated_by_family_name(staff, world):
    first = (await staff.get("/api/patients?limit=1")).json()
    second = (await staff.get("/api/patients?limit=1&offset=1")).json()
    assert first["total"] == second["total"] == 2
    assert [first["items"][0]["family_name"], second["items"][0]["family_name"]] == [
        "Able",
        "Baker",
    ]
    assert (await staff.get("/api/patients?limit=0")).status_code == 400
    assert (await staff.get("/api/patients?limit=abc")).status_code == 400


async def test_clinicians_list_shows_own_practice(staff):
    names = [c["display_name"] for c in (await staff.get("/api/clinicians")).json()]
    assert names == ["Dr Ada Gee", "Nia Nurse"]
