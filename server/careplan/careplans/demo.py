"""Demo care plans: each demo patient gets their plan (demo_plans.py), written by their named
clinician through the same services the API uses, so versions and history are real, and six
weeks of action logs and readings made as if by the patient. A patient who already has a
plan is left alone, so `careplan demo` stays safe to run again.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import msgspec

from careplan.careplans import repo
from careplan.careplans.demo_plans import PLANS, REVIEW_RESULTS, DemoPlan, Series
from careplan.careplans.goals_actions import create_action, create_goal
from careplan.careplans.local_time import local_day
from careplan.careplans.logs import store_log
from careplan.careplans.readings.schemas import ReadingCreate
from careplan.careplans.readings.service import store_reading
from careplan.careplans.reviews.schemas import ResultShare, ReviewCreate
from careplan.careplans.reviews.service import schedule_review, share_result
from careplan.careplans.schemas import ActionLogCreate, PlanUpdate
from careplan.careplans.service import update_plan
from careplan.clock import Clock
from careplan.people import repo as people_repo
from careplan.people.actor import Actor, ActorKind
from careplan.storage.db import Database, Executor

DAYS_OF_HISTORY = 42
LONDON = ZoneInfo("Europe/London")


async def load_demo_plans(db: Database, clock: Clock, organisation_id: str) -> int:
    """Give each demo patient without a plan their plan and history; the number given."""
    given = 0
    for nhs_number, demo in PLANS.items():
        patient = await people_repo.patient_by_nhs_number(db, organisation_id, nhs_number)
        if patient is None or await repo.plan(db, patient["id"]) is not None:
            continue
        patient_id = patient["id"]
        clinician = await named_clinician_actor(db, patient_id, organisation_id)
        action_ids = await _write_plan(db, clock, clinician, patient_id, demo)
        rng = random.Random(nhs_number)  # noqa: S311 - demo data, the same every time
        async with db.transaction() as tx:
            await _write_logs(tx, clock, _as_patient(clinician, patient_id), action_ids, demo, rng)
            await _write_readings(tx, clock, _as_patient(clinician, patient_id), demo, rng)
        await _prepare_review(db, clock, clinician, patient_id, nhs_number)
        given += 1
    return given


async def _prepare_review(
    db: Database, clock: Clock, clinician: Actor, patient_id: str, nhs_number: str
) -> None:
    """A review in two weeks with results already shared, for "Prepare for my review"."""
    results = REVIEW_RESULTS.get(nhs_number)
    if not results:
        return
    day = local_day(clock.now_ms(), "Europe/London") + timedelta(days=14)
    review = await schedule_review(
        db, clock, clinician, patient_id, ReviewCreate(scheduled_for=day.isoformat())
    )
    for label, value, note in results:
        shared = ResultShare(label=label, value=value, plain_note=note)
        await share_result(db, clock, clinician, patient_id, review.id, shared)


async def named_clinician_actor(db: Database, patient_id: str, organisation_id: str) -> Actor:
    """The patient's named clinician (or care coordinator), as the demo's author of their care."""
    team = {row["team_role"]: row for row in await people_repo.care_team(db, patient_id)}
    row = team.get("named_clinician") or team["care_coordinator"]
    return Actor(
        kind=ActorKind.CLINICIAN,
        id=row["clinician_id"],
        display_name=row["display_name"],
        role=row["role"],
        organisation_id=organisation_id,
        organisation_name="",
        preferred_language="en",
        session_hash="demo",
    )


def _as_patient(clinician: Actor, patient_id: str) -> Actor:
    return Actor(
        kind=ActorKind.PATIENT,
        id=patient_id,
        display_name="",
        role="patient",
        organisation_id=clinician.organisation_id,
        organisation_name="",
        preferred_language="en",
        session_hash="demo",
    )


async def _write_plan(
    db: Database, clock: Clock, clinician: Actor, patient_id: str, demo: DemoPlan
) -> list[str]:
    today = local_day(clock.now_ms(), "Europe/London")
    review_date = (today + timedelta(days=60)).isoformat()
    update = PlanUpdate(
        version=1,
        about_me=demo.about_me,
        what_matters=demo.what_matters,
        conditions=demo.conditions,
        support=demo.support,
        review_date=review_date,
    )
    await update_plan(db, clock, clinician, patient_id, update)
    goal_ids = [
        (await create_goal(db, clock, clinician, patient_id, goal)).id for goal in demo.goals
    ]
    start = (today - timedelta(days=DAYS_OF_HISTORY)).isoformat()
    action_ids = []
    for action in demo.actions:
        linked = goal_ids[int(action.goal_id)] if action.goal_id is not None else None
        made = msgspec.structs.replace(action, goal_id=linked, start_date=start)
        action_ids.append((await create_action(db, clock, clinician, patient_id, made)).id)
    return action_ids


async def _write_logs(
    tx: Executor,
    clock: Clock,
    patient: Actor,
    action_ids: list[str],
    demo: DemoPlan,
    rng: random.Random,
) -> None:
    today = local_day(clock.now_ms(), "Europe/London")
    for days_ago in range(DAYS_OF_HISTORY, 0, -1):
        day = (today - timedelta(days=days_ago)).isoformat()
        for action_id in action_ids:
            roll = rng.random()
            if roll > demo.adherence + 0.15:
                continue  # forgot to log
            outcome = "done" if roll < demo.adherence else rng.choice(["partly", "not_today"])
            log = ActionLogCreate(id=_id(rng), action_id=action_id, day=day, outcome=outcome)
            await store_log(tx, clock, patient, patient.id, log, source="app")


async def _write_readings(
    tx: Executor, clock: Clock, patient: Actor, demo: DemoPlan, rng: random.Random
) -> None:
    today = local_day(clock.now_ms(), "Europe/London")
    for series in demo.readings:
        for days_ago in range(DAYS_OF_HISTORY, 0, -series.every_days):
            progress = 1 - days_ago / DAYS_OF_HISTORY
            day = today - timedelta(days=days_ago)
            taken = datetime.combine(day, time(8, rng.randrange(0, 50)), LONDON)
            value, second = _values(series, progress, rng)
            reading = ReadingCreate(
                id=_id(rng),
                reading_type=series.reading_type,
                value=value,
                unit=series.unit,
                value2=second,
                taken_at=int(taken.timestamp() * 1000),
            )
            await store_reading(tx, clock, patient, patient.id, reading, "app")


def _values(series: Series, progress: float, rng: random.Random) -> tuple[float, float | None]:
    value = series.start + (series.towards - series.start) * progress + rng.gauss(0, series.noise)
    value = round(value) if series.whole else round(value, 1)
    if series.second is None:
        return value, None
    low, high = series.second
    second = round(low + (high - low) * progress + rng.gauss(0, series.noise / 2))
    return value, min(second, value - 10)


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"
