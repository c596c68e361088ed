"""Every read and write of patient data leaves an audit row the patient can read."""

from __future__ import annotations

from tests.support.signin import sign_in_clinician, sign_in_patient
from tests.support.world import World

from careplan.storage.db import Database


async def test_clinician_reads_and_writes_are_recorded_with_request_ids(
    client, world: World, db: Database, clock
):
    await sign_in_clinician(client, world.gp.phone_or_email)
    read = await client.get(
        f"/api/patients/{world.alice.id}", headers={"X-Request-ID": "req-read-1"}
    )
    assert read.headers["x-request-id"] == "req-read-1"
    await client.patch(f"/api/patients/{world.alice.id}", json={"family_name": "Able-Ward"})
    rows = await db.fetch_all(
        "SELECT * FROM audit_events WHERE patient_id = ? ORDER BY at, action", world.alice.id
    )
    assert [(r["action"], r["actor_kind"], r["actor_id"], r["target_kind"]) for r in rows] == [
        ("patient.read", "clinician", world.gp.id, "patient"),
        ("patient.update", "clinician", world.gp.id, "patient"),
    ]
    assert rows[0]["request_id"] == "req-read-1"
    assert rows[1]["request_id"] and rows[1]["request_id"] != "req-read-1"
    assert all(r["at"] == clock.now_ms() for r in rows)


async def test_listing_patients_records_a_row_for_each_patient_shown(client, world, db):
    await sign_in_clinician(client, world.gp.phone_or_email)
    await client.get("/api/patients")
    rows = await db.fetch_all("SELECT patient_id FROM audit_events WHERE action = 'patient.list'")
    assert sorted(r["patient_id"] for r in rows) == sorted([world.alice.id, world.bob.id])


async def test_patient_sees_who_accessed_their_record(client, open_client, dev_phone, world):
    staff = await open_client()
    await sign_in_clinician(staff, world.gp.phone_or_email)
    await staff.get(f"/api/patients/{world.alice.id}")
    await sign_in_patient(client, dev_phone, world.alice.phone_or_email)
    await client.get(f"/api/patients/{world.alice.id}")  # her own read: not recorded
    log = (await client.get(f"/api/patients/{world.alice.id}/access-log")).json()
    assert [(e["actor_name"], e["summary"]) for e in log["items"]] == [
        ("Dr Ada Gee", "viewed your record")
    ]


async def test_access_log_filters_by_person_and_pages(client, open_client, world, clock):
    gp, nurse = await open_client(), await open_client()
    await sign_in_clinician(gp, world.gp.phone_or_email)
    await sign_in_clinician(nurse, world.nurse.phone_or_email)
    for _ in range(3):
        clock.advance(seconds=1)
        await gp.get(f"/api/patients/{world.bob.id}")
        await nurse.get(f"/api/patients/{world.bob.id}")
    only_nurse = (
        await gp.get(
            f"/api/patients/{world.bob.id}/access-log", params={"actor_id": world.nurse.id}
        )
    ).json()
    assert {e["actor_id"] for e in only_nurse["items"]} == {world.nurse.id}
    assert len(only_nurse["items"]) == 3
    seen, before = [], None
    while True:
        params = {"limit": 2, **({"before": before} if before else {})}
        page = (await gp.get(f"/api/patients/{world.bob.id}/access-log", params=params)).json()
        seen += [e["id"] for e in page["items"]]
        before = page["next_before"]
        if before is None:
            break
    assert len(seen) == len(set(seen)) >= 6
    bad = await gp.get(f"/api/patients/{world.bob.id}/access-log", params={"before": "junk"})
    assert bad.status_code == 400 and "before" in bad.json()["detail"]


async def test_strangers_cannot_read_the_access_log(client, dev_phone, world):
    await sign_in_patient(client, dev_phone, world.bob.phone_or_email)
    assert (await client.get(f"/api/patients/{world.alice.id}/access-log")).status_code == 404


async def test_audit_rows_are_never_updated_by_the_app(world, db):
    """Append-only: the application has no code path that updates or deletes them."""
    import pathlib

    import careplan

    sources = pathlib.Path(careplan.__file__).parent.rglob("*.py")
    offenders = [
        p.name
        for p in sources
        if "UPDATE audit_events" in p.read_text() or "DELETE FROM audit_events" in p.read_text()
    ]
    assert offenders == []
