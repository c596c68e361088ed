"""Readings through HTTP: typed, unit- and range-checked, idempotent, private, charted."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.storage.db import Database

DAY_MS = 86_400_000

EXAMPLES = {
    "blood_pressure": (128, "mmHg", 82),
    "glucose": (6.4, "mmol/L", None),
    "weight": (81.5, "kg", None),
    "peak_flow": (420, "L/min", None),
    "spo2": (96, "%", None),
    "steps": (5400, "steps", None),
    "mood": (7, "score", None),
    "symptom_score": (3, "score", None),
}


def body(reading_type: str, value: float, unit: str, value2=None, **more) -> dict:
    fields = {"id": uuid.uuid4().hex, "reading_type": reading_type, "value": value, "unit": unit}
    if value2 is not None:
        fields["value2"] = value2
    return {**fields, **more}


def glucose(value: float, taken_at: int) -> dict:
    return body("glucose", value, "mmol/L", taken_at=taken_at)


def utc_ms(*parts: int) -> int:
    return int(datetime(*parts, tzinfo=UTC).timestamp() * 1000)


def readings_url(patient_id: str, tail: str = "") -> str:
    return f"/api/patients/{patient_id}/readings{tail}"


async def stored_count(db: Database) -> int:
    return await db.fetch_value("SELECT COUNT(*) FROM readings")


async def test_each_type_is_stored_and_read_back(client, dev_phone, world: World, clock):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    for reading_type, (value, unit, value2) in EXAMPLES.items():
        sent = body(reading_type, value, unit, value2, note="after breakfast")
        created = await client.post(readings_url(world.alice.id), json=sent)
        assert created.status_code == 201, created.text
        listed = await client.get(
            readings_url(world.alice.id), params={"reading_type": reading_type}
        )
        assert listed.status_code == 200
        [item] = listed.json()["items"]
        assert item == created.json()
        assert (item["id"], item["value"], item["value2"], item["unit"]) == (
            sent["id"],
            value,
            value2,
            unit,
        )
        assert (item["taken_at"], item["note"], item["source"]) == (
            clock.now_ms(),
            "after breakfast",
            "app",
        )
        assert (item["actor_kind"], item["actor_id"], item["on_behalf_of"]) == (
            "patient",
            world.alice.id,
            None,
        )
    everything = (await client.get(readings_url(world.alice.id))).json()
    assert len(everything["items"]) == len(EXAMPLES) and everything["next_before"] is None


async def test_bad_input_is_a_400_naming_the_field_and_nothing_is_stored(
    client, dev_phone, world, db, clock
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    now = clock.now_ms()
    cases = [
        ("reading_type", body("cholesterol", 5, "mmol/L")),
        ("unit", body("blood_pressure", 120, "kPa", 80)),
        ("unit", body("glucose", 110, "mg/dL")),
        ("value", body("glucose", 0.9, "mmol/L")),
        ("value", body("glucose", 35.1, "mmol/L")),
        ("value", body("blood_pressure", 49, "mmHg", 40)),
        ("value", body("blood_pressure", 261, "mmHg", 90)),
        ("value2", body("blood_pressure", 140, "mmHg", 29)),
        ("value2", body("blood_pressure", 200, "mmHg", 161)),
        ("value", body("spo2", 101, "%")),
        ("value", body("steps", -1, "steps")),
        ("value", body("mood", 11, "score")),
        ("value2", body("blood_pressure", 120, "mmHg")),
        ("value2", body("blood_pressure", 80, "mmHg", 80)),
        ("value2", body("blood_pressure", 80, "mmHg", 95)),
        ("value2", body("weight", 80, "kg", 3)),
        ("value", body("steps", 5000.5, "steps")),
        ("value", body("symptom_score", 2.5, "score")),
        ("taken_at", body("weight", 80, "kg", taken_at=now + 5 * 60_000 + 1)),
        ("taken_at", body("weight", 80, "kg", taken_at=utc_ms(1999, 12, 31))),
        ("colour", body("weight", 80, "kg", colour="blue")),
        ("id", body("weight", 80, "kg", id="short")),
        ("value", body("weight", "heavy", "kg")),
    ]
    for field, sent in cases:
        answer = await client.post(readings_url(world.alice.id), json=sent)
        assert answer.status_code == 400, (field, answer.text)
        assert field in answer.json()["detail"], (field, answer.json()["detail"])
    assert await stored_count(db) == 0


async def test_messages_say_what_is_allowed(client, dev_phone, world):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    high = await client.post(
        readings_url(world.alice.id), json=body("blood_pressure", 300, "mmHg", 80)
    )
    assert high.json()["detail"] == (
        "value: 300 is outside the plausible range for blood_pressure systolic (50–260 mmHg)"
    )
    unit = await client.post(
        readings_url(world.alice.id), json=body("blood_pressure", 120, "kPa", 80)
    )
    assert unit.json()["detail"] == "unit: blood_pressure is recorded in mmHg, not 'kPa'"
    unknown = await client.post(readings_url(world.alice.id), json=body("cholesterol", 5, "mmol/L"))
    assert unknown.json()["detail"].startswith(
        "reading_type: unknown type 'cholesterol'; known types: blood_pressure, glucose"
    )


async def test_a_replay_of_the_same_id_is_stored_once(client, dev_phone, world, db):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    sent = body("weight", 80, "kg")
    first = await client.post(readings_url(world.alice.id), json=sent)
    again = await client.post(readings_url(world.alice.id), json=sent)
    changed = await client.post(readings_url(world.alice.id), json={**sent, "value": 90})
    assert (first.status_code, again.status_code, changed.status_code) == (201, 200, 200)
    assert first.json() == again.json() == changed.json()
    assert await stored_count(db) == 1


async def test_an_id_used_for_another_patient_is_refused(client, world, db):
    await sign_in_clinician(client, world.gp.phone_or_email)
    sent = body("weight", 80, "kg")
    assert (await client.post(readings_url(world.alice.id), json=sent)).status_code == 201
    reused = await client.post(readings_url(world.bob.id), json=sent)
    assert reused.status_code == 400 and reused.json()["detail"].startswith("id: ")
    assert await db.fetch_value("SELECT patient_id FROM readings") == world.alice.id
    assert await stored_count(db) == 1


async def test_another_patients_reading_id_is_not_found(client, world):
    await sign_in_clinician(client, world.gp.phone_or_email)
    bobs = (await client.post(readings_url(world.bob.id), json=body("mood", 6, "score"))).json()
    answer = await client.delete(readings_url(world.alice.id, f"/{bobs['id']}"))
    assert answer.status_code == 404
    assert answer.json()["detail"] == "No reading with that id"
    assert (
        await client.delete(readings_url(world.alice.id, "/no-such-reading"))
    ).status_code == 404
    still = (await client.get(readings_url(world.bob.id))).json()["items"]
    assert [r["id"] for r in still] == [bobs["id"]]


async def test_a_clinician_of_another_practice_gets_404(client, open_client, world, db):
    gp = await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    alices = (await gp.post(readings_url(world.alice.id), json=body("mood", 6, "score"))).json()
    await sign_in_clinician(client, world.other_gp.phone_or_email)
    answers = [
        await client.get(readings_url(world.alice.id)),
        await client.get(readings_url(world.alice.id, "/series"), params={"reading_type": "mood"}),
        await client.post(readings_url(world.alice.id), json=body("mood", 2, "score")),
        await client.delete(readings_url(world.alice.id, f"/{alices['id']}")),
    ]
    assert [a.status_code for a in answers] == [404, 404, 404, 404]
    assert {a.json()["detail"] for a in answers} == {"No patient with that id"}
    assert await stored_count(db) == 1
    assert await db.fetch_value("SELECT deleted_at FROM readings") is None


async def test_a_patient_cannot_see_or_add_to_another_patients_readings(
    client, open_client, dev_phone, world, db
):
    gp = await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await gp.post(readings_url(world.bob.id), json=body("mood", 6, "score"))
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    assert (await client.get(readings_url(world.bob.id))).status_code == 404
    series = await client.get(
        readings_url(world.bob.id, "/series"), params={"reading_type": "mood"}
    )
    assert series.status_code == 404
    added = await client.post(readings_url(world.bob.id), json=body("mood", 1, "score"))
    assert added.status_code == 404
    assert await stored_count(db) == 1


async def test_a_nurse_of_the_practice_reads_what_the_patient_logged(
    client, open_client, dev_phone, world
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    sent = body("peak_flow", 380, "L/min")
    await client.post(readings_url(world.alice.id), json=sent)
    nurse = await open_client()
    await sign_in_clinician(nurse, world.nurse.phone_or_email)
    listed = await nurse.get(readings_url(world.alice.id))
    assert listed.status_code == 200
    assert [(r["id"], r["actor_id"]) for r in listed.json()["items"]] == [
        (sent["id"], world.alice.id)
    ]


async def test_pages_go_newest_first_and_keep_same_instant_readings_together(
    client, dev_phone, world, clock
):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    now = clock.now_ms()
    times = [now - 5000, now - 4000, now - 3000, now - 3000, now - 3000, now - 1000]
    for n, taken_at in enumerate(times):
        await client.post(readings_url(world.alice.id), json=glucose(5 + n, taken_at))
    pages, before = [], None
    while True:
        params = {"limit": 2, **({"before": before} if before is not None else {})}
        page = (await client.get(readings_url(world.alice.id), params=params)).json()
        pages.append([r["taken_at"] for r in page["items"]])
        before = page["next_before"]
        if before is None:
            break
    assert pages == [
        [now - 1000, now - 3000, now - 3000, now - 3000],
        [now - 4000, now - 5000],
    ]


async def test_a_short_period_gives_every_reading(client, dev_phone, world, clock):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    now = clock.now_ms()
    seeded = [(now - 40 * DAY_MS, 120, 80), (now - 3 * DAY_MS, 130, 85), (now - 60_000, 140, 90)]
    for taken_at, systolic, diastolic in seeded:
        sent = body("blood_pressure", systolic, "mmHg", diastolic, taken_at=taken_at)
        assert (await client.post(readings_url(world.alice.id), json=sent)).status_code == 201
    await client.post(readings_url(world.alice.id), json=glucose(6, now - DAY_MS))
    series = (
        await client.get(
            readings_url(world.alice.id, "/series"), params={"reading_type": "blood_pressure"}
        )
    ).json()
    assert (series["aggregated"], series["unit"]) == ("none", "mmHg")
    assert (series["start"], series["end"]) == (now - 30 * DAY_MS, now)
    assert [(p["at"], p["value"], p["value2"], p["count"]) for p in series["points"]] == [
        (now - 3 * DAY_MS, 130, 85, 1),
        (now - 60_000, 140, 90, 1),
    ]


async def test_a_long_period_gives_daily_means_in_the_patients_time_zone(
    client, open_client, dev_phone, world, clock
):
    gp = await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    zone = await gp.patch(f"/api/patients/{world.alice.id}", json={"time_zone": "America/New_York"})
    assert zone.status_code == 200
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    now = clock.now_ms()  # 2026-11-22T10:00Z, 05:00 in New York
    seeded = [
        (utc_ms(2026, 9, 1, 12), 20.0),  # before the period: left out
        (utc_ms(2026, 10, 8, 12), 10.0),  # 8 Oct, EDT
        (utc_ms(2026, 11, 1, 4, 30), 4.0),  # 00:30 EDT on 1 Nov, the 25-hour day
        (utc_ms(2026, 11, 2, 4, 30), 8.0),  # 23:30 EST, still 1 Nov
        (utc_ms(2026, 11, 20, 3), 5.0),  # 22:00 on 19 Nov in New York, 20 Nov in UTC
        (utc_ms(2026, 11, 20, 4, 30), 7.5),  # 23:30 on 19 Nov
        (utc_ms(2026, 11, 20, 6), 9.0),  # 01:00 on 20 Nov
    ]
    for taken_at, value in seeded:
        sent = glucose(value, taken_at)
        assert (await client.post(readings_url(world.alice.id), json=sent)).status_code == 201
    start = now - 60 * DAY_MS
    answer = await gp.get(
        readings_url(world.alice.id, "/series"),
        params={"reading_type": "glucose", "start": start, "end": now},
    )
    series = answer.json()
    assert (series["aggregated"], series["start"], series["end"]) == ("daily", start, now)
    assert [
        (p["at"], p["value"], p["value2"], p["minimum"], p["maximum"], p["count"])
        for p in series["points"]
    ] == [
        (utc_ms(2026, 10, 8, 4), 10.0, None, 10.0, 10.0, 1),  # local midnights, in UTC
        (utc_ms(2026, 11, 1, 4), 6.0, None, 4.0, 8.0, 2),
        (utc_ms(2026, 11, 19, 5), 6.25, None, 5.0, 7.5, 2),
        (utc_ms(2026, 11, 20, 5), 9.0, None, 9.0, 9.0, 1),
    ]


async def test_daily_blood_pressure_means_both_values(client, dev_phone, world, clock):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    morning = utc_ms(2026, 11, 10, 8)
    for systolic, diastolic, later in ((130, 80, 0), (150, 90, 3_600_000)):
        sent = body("blood_pressure", systolic, "mmHg", diastolic, taken_at=morning + later)
        await client.post(readings_url(world.alice.id), json=sent)
    series = (
        await client.get(
            readings_url(world.alice.id, "/series"),
            params={"reading_type": "blood_pressure", "start": clock.now_ms() - 90 * DAY_MS},
        )
    ).json()
    assert series["aggregated"] == "daily"
    [point] = series["points"]
    assert (point["at"], point["value"], point["value2"], point["count"]) == (
        utc_ms(2026, 11, 10),
        140,
        85,
        2,
    )


async def test_series_periods_and_types_are_checked(client, dev_phone, world, clock):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    now = clock.now_ms()
    url = readings_url(world.alice.id, "/series")
    cases = [
        ("reading_type", {"reading_type": "cholesterol"}),
        ("reading_type", {}),
        ("end", {"reading_type": "glucose", "start": now, "end": now}),
        ("end", {"reading_type": "glucose", "start": now - 401 * DAY_MS, "end": now}),
        ("start", {"reading_type": "glucose", "start": 10**20}),
        ("end", {"reading_type": "glucose", "end": -1}),
    ]
    for field, params in cases:
        answer = await client.get(url, params=params)
        assert answer.status_code == 400, (field, answer.text)
        assert field in answer.json()["detail"]
    longest = await client.get(
        url, params={"reading_type": "glucose", "start": now - 400 * DAY_MS, "end": now}
    )
    assert longest.status_code == 200 and longest.json()["aggregated"] == "daily"
    listed = readings_url(world.alice.id)
    unknown = await client.get(listed, params={"reading_type": "cholesterol"})
    assert unknown.status_code == 400 and "cholesterol" in unknown.json()["detail"]
    too_late = await client.get(listed, params={"before": 10**20})
    assert too_late.status_code == 400 and "before" in too_late.json()["detail"]


async def test_a_deleted_reading_vanishes_from_list_and_series(client, dev_phone, world, db, clock):
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    now = clock.now_ms()
    kept, gone = glucose(6.0, now - DAY_MS), glucose(30.0, now - DAY_MS + 60_000)
    for sent in (kept, gone):
        await client.post(readings_url(world.alice.id), json=sent)
    deleted = await client.delete(readings_url(world.alice.id, f"/{gone['id']}"))
    assert deleted.status_code == 204 and deleted.content == b""
    again = await client.delete(readings_url(world.alice.id, f"/{gone['id']}"))
    assert again.status_code == 404
    replayed = await client.post(readings_url(world.alice.id), json=gone)
    assert replayed.status_code == 200  # a replayed create does not bring it back
    listed = (await client.get(readings_url(world.alice.id))).json()["items"]
    assert [r["id"] for r in listed] == [kept["id"]]
    url = readings_url(world.alice.id, "/series")
    short = (await client.get(url, params={"reading_type": "glucose"})).json()
    assert [p["value"] for p in short["points"]] == [6.0]
    long = (
        await client.get(url, params={"reading_type": "glucose", "start": now - 60 * DAY_MS})
    ).json()
    assert [(p["value"], p["count"]) for p in long["points"]] == [(6.0, 1)]
    assert await db.fetch_value("SELECT deleted_at FROM readings WHERE id = ?", gone["id"]) == now


async def test_clinician_reads_and_changes_are_audited(client, open_client, dev_phone, world, db):
    await sign_in_clinician(client, world.gp.phone_or_email)
    sent = body("spo2", 95, "%")
    await client.post(readings_url(world.alice.id), json=sent)
    await client.post(readings_url(world.alice.id), json=sent)  # a replay shows the stored one
    await client.get(readings_url(world.alice.id))
    await client.get(readings_url(world.alice.id, "/series"), params={"reading_type": "spo2"})
    await client.delete(readings_url(world.alice.id, f"/{sent['id']}"))
    rows = await db.fetch_all(
        "SELECT action, actor_id, target_kind, target_id FROM audit_events WHERE patient_id = ?",
        world.alice.id,
    )
    assert sorted(
        (r["action"], r["actor_id"], r["target_kind"], r["target_id"]) for r in rows
    ) == sorted(
        [
            ("reading.create", world.gp.id, "reading", sent["id"]),
            ("reading.read", world.gp.id, "reading", sent["id"]),
            ("reading.read", world.gp.id, "reading", world.alice.id),
            ("reading.read", world.gp.id, "reading", world.alice.id),
            ("reading.delete", world.gp.id, "reading", sent["id"]),
        ]
    )
    patient = await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await patient.get(readings_url(world.alice.id))  # her own read: not recorded
    log = (await patient.get(f"/api/patients/{world.alice.id}/access-log")).json()["items"]
    assert {e["summary"] for e in log} == {
        "added a reading",
        "viewed your readings",
        "removed a reading",
    }
    assert len(log) == len(rows)


async def test_reading_types_are_listed_for_anyone_signed_in(client, dev_phone, world):
    assert (await client.get("/api/reading-types")).status_code == 401
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    types = {t["reading_type"]: t for t in (await client.get("/api/reading-types")).json()}
    assert {name: t["unit"] for name, t in types.items()} == {
        name: unit for name, (_, unit, _) in EXAMPLES.items()
    }
    bp = types["blood_pressure"]
    assert (bp["minimum"], bp["maximum"], bp["minimum2"], bp["maximum2"]) == (50, 260, 30, 160)
    assert types["steps"]["whole_numbers"] and not types["glucose"]["whole_numbers"]
