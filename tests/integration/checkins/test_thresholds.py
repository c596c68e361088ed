"""Alert thresholds through HTTP, and what a reading or a note typed in the app raises, on
SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from tests.support.replies import items, outbound
from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.checkins.reply_texts import SAFETY_NET
from careplan.inbox.items import ALERT, URGENT
from careplan.storage.db import Database


def levels_url(patient_id: str) -> str:
    return f"/api/patients/{patient_id}/thresholds"


def level(level_name: str, value: float, component="systolic", comparison="above", **more):
    return {
        "reading_type": "blood_pressure",
        "component": component,
        "level": level_name,
        "comparison": comparison,
        "value": value,
        **more,
    }


def bp(systolic: float, diastolic: float, **more) -> dict:
    return {
        "id": uuid.uuid4().hex,
        "reading_type": "blood_pressure",
        "value": systolic,
        "value2": diastolic,
        "unit": "mmHg",
        **more,
    }


async def signed_in_clinician(open_client, person, db: Database | None = None, role=None):
    if role is not None:
        assert db is not None
        await db.execute("UPDATE clinicians SET role = ? WHERE id = ?", role, person.id)
    http = await open_client()
    await sign_in_clinician(http, person.phone_or_email)
    return http


async def signed_in_patient(open_client, dev_phone, person):
    http = await open_client()
    await sign_in_patient(http, dev_phone, person.phone_or_email)
    return http


async def test_a_clinician_sets_lists_replaces_and_removes_levels(
    open_client, world: World, db, clock
):
    gp = await signed_in_clinician(open_client, world.gp)
    amber = await gp.post(levels_url(world.alice.id), json=level("amber", 160))
    assert amber.status_code == 201, amber.text
    assert {
        k: amber.json()[k] for k in ("patient_id", "component", "level", "value", "set_by")
    } == {
        "patient_id": world.alice.id,
        "component": "systolic",
        "level": "amber",
        "value": 160,
        "set_by": world.gp.id,
    }
    assert (await gp.post(levels_url(world.alice.id), json=level("red", 180))).status_code == 201
    glucose = {"reading_type": "glucose", "level": "red", "comparison": "below", "value": 3.5}
    assert (await gp.post(levels_url(world.alice.id), json=glucose)).status_code == 201
    replaced = await gp.post(levels_url(world.alice.id), json=level("amber", 170))
    assert replaced.status_code == 201

    listed = (await gp.get(levels_url(world.alice.id))).json()["thresholds"]
    assert [(t["reading_type"], t["component"], t["level"], t["value"]) for t in listed] == [
        ("blood_pressure", "systolic", "amber", 170),
        ("blood_pressure", "systolic", "red", 180),
        ("glucose", "value", "red", 3.5),
    ]

    removed = await gp.delete(f"/api/thresholds/{replaced.json()['id']}")
    assert removed.status_code == 204
    assert (await gp.delete(f"/api/thresholds/{replaced.json()['id']}")).status_code == 404
    assert len((await gp.get(levels_url(world.alice.id))).json()["thresholds"]) == 2
    actions = await db.fetch_all(
        "SELECT action FROM audit_events WHERE action LIKE 'threshold.%' ORDER BY at, action"
    )
    assert sorted({row["action"] for row in actions}) == [
        "threshold.create",
        "threshold.delete",
        "threshold.read",
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (level("red", 180, reading_type="cholesterol"), "reading_type"),
        (level("red", 180, component="value"), "component"),
        (level("red", 400), "value"),  # outside the plausible range for systolic
        (level("red", 150), "value"),  # red below the amber level of 160
        (level("orange", 180), "level"),
        (level("red", 180, comparison="over"), "comparison"),
        (level("red", 180, colour="red"), "colour"),
    ],
)
async def test_bad_levels_are_400s_naming_the_field(open_client, world: World, body, field):
    gp = await signed_in_clinician(open_client, world.gp)
    assert (await gp.post(levels_url(world.alice.id), json=level("amber", 160))).status_code == 201

    refused = await gp.post(levels_url(world.alice.id), json=body)

    assert refused.status_code == 400
    assert field in refused.text
    assert len((await gp.get(levels_url(world.alice.id))).json()["thresholds"]) == 1


async def test_only_the_patients_clinicians_manage_levels(open_client, world: World, db, dev_phone):
    gp = await signed_in_clinician(open_client, world.gp)
    set_level = (await gp.post(levels_url(world.alice.id), json=level("red", 180))).json()
    delete_url = f"/api/thresholds/{set_level['id']}"

    stranger = await signed_in_clinician(open_client, world.other_gp)
    assert (await stranger.get(levels_url(world.alice.id))).status_code == 404
    assert (
        await stranger.post(levels_url(world.alice.id), json=level("red", 190))
    ).status_code == 404
    gone = await stranger.delete(delete_url)
    assert gone.status_code == 404 and gone.json()["detail"] == "No alert threshold with that id"

    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    assert (await alice.get(levels_url(world.alice.id))).status_code == 403
    assert (await alice.post(levels_url(world.alice.id), json=level("red", 190))).status_code == 403
    assert (await alice.delete(delete_url)).status_code == 403

    bob = await signed_in_patient(open_client, dev_phone, world.bob)
    assert (await bob.get(levels_url(world.alice.id))).status_code == 404
    assert (await bob.delete(delete_url)).status_code == 404

    admin = await signed_in_clinician(open_client, world.nurse, db, role="admin")
    assert (await admin.get(levels_url(world.alice.id))).status_code == 403
    assert (await admin.delete(delete_url)).status_code == 403

    listed = (await gp.get(levels_url(world.alice.id))).json()["thresholds"]
    assert [t["value"] for t in listed] == [180]


async def test_a_reading_typed_in_the_app_alerts_at_the_highest_level_crossed(
    open_client, world: World, db, dev_phone, clock
):
    gp = await signed_in_clinician(open_client, world.gp)
    for body in (
        level("amber", 160),
        level("red", 180),
        level("amber", 100, component="diastolic"),
    ):
        assert (await gp.post(levels_url(world.alice.id), json=body)).status_code == 201
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    readings = f"/api/patients/{world.alice.id}/readings"

    for systolic, diastolic in ((130, 80), (165, 95), (185, 105)):
        assert (await alice.post(readings, json=bp(systolic, diastolic))).status_code == 201
        clock.advance(minutes=1)
    sync = await alice.post(
        "/api/sync",
        json={
            "mutations": [
                {
                    "id": uuid.uuid4().hex,
                    "kind": "record_reading",
                    "patient_id": world.alice.id,
                    "data": bp(170, 90),
                }
            ]
        },
    )
    assert sync.json()["results"][0]["status"] == "applied"

    alerts = await items(db, "alert")
    assert [(a["urgency"], a["summary"]) for a in alerts] == [
        (ALERT, "BP 165/95 above amber level 160 systolic"),
        (
            URGENT,
            "BP 185/105 above red level 180 systolic; above amber level 160 systolic; "
            "above amber level 100 diastolic",
        ),
        (ALERT, "BP 170/90 above amber level 160 systolic"),
    ]
    assert all(a["patient_id"] == world.alice.id for a in alerts)


async def test_red_flag_words_in_a_patients_notes_open_an_urgent_item(
    open_client, world: World, db, dev_phone, clock
):
    """H-040: notes are not read straight away, so words that may mean an emergency are not
    left in one."""
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    pid = world.alice.id
    reading = await alice.post(
        f"/api/patients/{pid}/readings", json=bp(150, 90, note="chest pain since lunch")
    )
    assert reading.status_code == 201
    clock.advance(minutes=1)
    walk = (await alice.post(f"/api/patients/{pid}/actions", json={"what": "Walk"})).json()
    logged = await alice.post(
        f"/api/patients/{pid}/action-logs",
        json={
            "id": uuid.uuid4().hex,
            "action_id": walk["id"],
            "day": "2026-11-22",
            "outcome": "not_today",
            "note": "I can’t breathe when I walk",
        },
    )
    assert logged.status_code == 201

    on_reading, on_log = await items(db, "red_flag")
    assert (on_reading["urgency"], on_log["urgency"]) == (URGENT, URGENT)
    assert on_reading["summary"].startswith("Red flag words in a note on a reading: chest pain")
    assert on_log["summary"].startswith("Red flag words in a note on an action log: cannot breathe")
    nets = await outbound(db, "safety_net")
    assert [(n["body"], n["patient_id"], n["phone"]) for n in nets] == [
        (SAFETY_NET, pid, world.alice.phone_or_email)
    ] * 2


async def test_a_clinicians_note_and_a_plain_note_raise_nothing(
    open_client, world: World, db, dev_phone
):
    gp = await signed_in_clinician(open_client, world.gp)
    pid = world.alice.id
    described = await gp.post(
        f"/api/patients/{pid}/readings", json=bp(150, 90, note="no chest pain reported")
    )
    assert described.status_code == 201
    alice = await signed_in_patient(open_client, dev_phone, world.alice)
    plain = await alice.post(f"/api/patients/{pid}/readings", json=bp(150, 90, note="after tea"))
    assert plain.status_code == 201

    assert await items(db) == []
    assert await outbound(db, "safety_net") == []
