"""`careplan demo` sets up realistic check-in schedules for each demo patient, once."""

from __future__ import annotations

import msgspec

from careplan.people.demo import load_demo
from careplan.storage.db import Database


async def test_demo_patients_get_their_check_ins_once(db: Database, clock):
    lines = await load_demo(db, clock)
    assert "Check-in schedules set up for 5 patients." in lines
    rows = await db.fetch_all(
        "SELECT s.id, s.kind, s.options, s.next_due_at, s.active, p.nhs_number, p.id AS pid "
        "FROM checkin_schedules s JOIN patients p ON p.id = s.patient_id ORDER BY s.id"
    )
    assert len(rows) == 9
    assert {r["nhs_number"] for r in rows} == {
        "9990000018",
        "9990000026",
        "9990000034",
        "9990000042",
        "9990000050",
    }
    assert all(r["active"] == 1 and r["next_due_at"] > clock.now_ms() for r in rows)
    [walk] = [r for r in rows if r["kind"] == "action_done"]
    action_id = msgspec.json.decode(walk["options"])["action_id"]
    assert (
        await db.fetch_value(
            "SELECT what FROM plan_actions WHERE id = ? AND patient_id = ?", action_id, walk["pid"]
        )
        == "Walk for 20 minutes"
    )
    blood_pressure = [r for r in rows if "blood_pressure" in r["options"]]
    assert [r["nhs_number"] for r in blood_pressure] == ["9990000026"]

    again = await load_demo(db, clock)
    assert not any(line.startswith("Check-in schedules") for line in again)
    assert await db.fetch_value("SELECT COUNT(*) FROM checkin_schedules") == 9
