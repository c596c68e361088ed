"""Each scope lets a carer do its part and nothing more (ADR 0015): outside them, a read is
404 and a change is 403 when the carer can see the plan, 404 when they cannot. An answer-only
carer writes in the thread only to answer a check-in that is waiting."""

from __future__ import annotations

import uuid

from tests.support.carers import carer_helping
from tests.support.replies import waiting_checkin
from tests.support.signin import sign_in_patient
from tests.support.world import World

BP = {"reading_type": "blood_pressure", "value": 128, "value2": 82, "unit": "mmHg"}
SCHEDULE = {"kind": "yes_no", "question": "Did you sleep well?", "cadence": "daily"}


async def _helping(open_client, dev_phone, world: World, scopes: list[str]):
    patient, carer = await open_client(), await open_client()
    await sign_in_patient(patient, dev_phone, world.alice.phone_or_email)
    await carer_helping(patient, carer, dev_phone, world.alice.id, scopes)
    return patient, carer


async def _changes(carer, patient_id: str, action_id: str | None = None) -> dict[str, int]:
    """The status of each kind of change a carer might try."""
    base = f"/api/patients/{patient_id}"
    log = {"id": uuid.uuid4().hex, "action_id": action_id or "none", "day": "2026-11-22"}
    answers = {
        "reading": await carer.post(f"{base}/readings", json={"id": uuid.uuid4().hex, **BP}),
        "action_log": await carer.post(f"{base}/action-logs", json={**log, "outcome": "done"}),
        "message": await carer.post(f"{base}/messages", json={"body": "How is she doing?"}),
        "schedule": await carer.post(
            f"{base}/checkin-schedules", json={**SCHEDULE, "local_time": "09:00"}
        ),
        "plan": await carer.patch(f"{base}/plan", json={"version": 1, "about_me": "x"}),
        "carers": await carer.post(
            f"{base}/carers",
            json={"display_name": "X", "phone": "+447700900399", "scopes": ["view_plan"]},
        ),
    }
    return {name: answer.status_code for name, answer in answers.items()}


async def _reads(carer, patient_id: str) -> dict[str, int]:
    base = f"/api/patients/{patient_id}"
    paths = ("plan", "today", "readings", "history", "messages", "access-log", "carers")
    return {path: (await carer.get(f"{base}/{path}")).status_code for path in paths}


async def test_view_plan_alone_reads_the_plan_and_changes_nothing(open_client, dev_phone, world):
    patient, carer = await _helping(open_client, dev_phone, world, ["view_plan"])
    assert await _reads(carer, world.alice.id) == {
        "plan": 200,
        "today": 200,
        "readings": 200,
        "history": 200,
        "messages": 404,
        "access-log": 404,
        "carers": 404,
    }
    changes = await _changes(carer, world.alice.id)
    assert changes == {
        "reading": 403,
        "action_log": 403,
        "message": 403,
        "schedule": 403,
        "plan": 403,
        "carers": 403,
    }
    assert (await carer.get(f"/api/patients/{world.bob.id}/plan")).status_code == 404


async def test_log_self_care_records_readings_and_action_logs(open_client, dev_phone, world):
    patient, carer = await _helping(open_client, dev_phone, world, ["view_plan", "log_self_care"])
    action = await patient.post(
        f"/api/patients/{world.alice.id}/actions", json={"what": "Walk", "start_date": "2026-11-01"}
    )
    assert action.status_code == 201, action.text
    changes = await _changes(carer, world.alice.id, action.json()["id"])
    assert changes == {
        "reading": 201,
        "action_log": 201,
        "message": 403,
        "schedule": 403,
        "plan": 403,
        "carers": 403,
    }


async def test_message_team_writes_in_the_thread_without_seeing_the_plan(
    open_client, dev_phone, world
):
    patient, carer = await _helping(open_client, dev_phone, world, ["message_team"])
    reads = await _reads(carer, world.alice.id)
    assert reads == {
        "plan": 404,
        "today": 404,
        "readings": 404,
        "history": 404,
        "messages": 200,
        "access-log": 404,
        "carers": 404,
    }
    changes = await _changes(carer, world.alice.id)
    assert changes == {
        "reading": 404,
        "action_log": 404,
        "message": 201,
        "schedule": 404,
        "plan": 404,
        "carers": 404,
    }


async def test_manage_schedules_sets_up_check_ins(open_client, dev_phone, world):
    patient, carer = await _helping(
        open_client, dev_phone, world, ["view_plan", "manage_schedules"]
    )
    changes = await _changes(carer, world.alice.id)
    assert changes == {
        "reading": 403,
        "action_log": 403,
        "message": 403,
        "schedule": 201,
        "plan": 403,
        "carers": 403,
    }
    listed = (await patient.get(f"/api/patients/{world.alice.id}/checkin-schedules")).json()
    assert [s["question"] for s in listed["schedules"]] == [SCHEDULE["question"]]


async def test_an_answer_only_carer_writes_only_to_answer_a_waiting_check_in(
    open_client, dev_phone, world: World, db, clock
):
    patient, carer = await _helping(open_client, dev_phone, world, ["answer_checkins"])
    thread = f"/api/patients/{world.alice.id}/messages"
    refused = await carer.post(thread, json={"body": "Can the nurse ring me?"})
    assert refused.status_code == 403
    assert "answer their check-ins" in refused.json()["detail"]
    assert await db.fetch_value("SELECT COUNT(*) FROM messages WHERE author_kind = 'carer'") == 0

    question, scale = "How is your breathing, 1 to 5?", {"min": 1, "max": 5}
    checkin_id = await waiting_checkin(db, clock, world.alice.id, "scale", question, scale, 60)
    shown = (await carer.get(thread)).json()["open_checkin"]
    assert shown["id"] == checkin_id
    answered = await carer.post(thread, json={"body": "4"})
    assert answered.status_code == 201, answered.text
    posted = answered.json()
    assert (posted["outcome"]["kind"], posted["outcome"]["checkin_id"]) == ("answered", checkin_id)
    assert (posted["message"]["author_kind"], posted["message"]["author_name"]) == (
        "carer",
        "Sam Carer",
    )
    assert posted["message"]["on_behalf_of"] == world.alice.id
    row = await db.fetch_one(
        "SELECT status, answered_by_kind FROM checkins WHERE id = ?", checkin_id
    )
    assert (row["status"], row["answered_by_kind"]) == ("answered", "carer")
    after = await carer.post(thread, json={"body": "And she slept badly"})
    assert after.status_code == 403  # the check-in is answered: nothing waits now
