"""Demo check-in schedules: one or two per demo patient, fitting their conditions, set up by
their named clinician through the same service the API uses. A patient who already has any
schedule is left alone, so `careplan demo` stays safe to run again."""

from __future__ import annotations

import msgspec

from careplan.careplans import repo as plan_repo
from careplan.careplans.demo import named_clinician_actor
from careplan.checkins import schedules_repo
from careplan.checkins.schedule_schemas import ScheduleCreate, ScheduleOptions
from careplan.checkins.schedules_service import create_schedule
from careplan.clock import Clock
from careplan.people import repo as people_repo
from careplan.storage.db import Database


def _reading(reading_type: str, question: str, local_time: str, **cadence) -> ScheduleCreate:
    options = ScheduleOptions(reading_type=reading_type)
    return ScheduleCreate(
        kind="reading",
        question=question,
        options=options,
        local_time=local_time,
        **{"cadence": "daily", **cadence},
    )


# By NHS number. An action_done check-in names its action by `what` in options.action_id.
SCHEDULES: dict[str, list[ScheduleCreate]] = {
    "9990000018": [  # Margaret: diabetes, COPD, high blood pressure
        _reading("glucose", "Good morning Margaret. What was your sugar level? e.g. 7.4", "08:30"),
        ScheduleCreate(
            kind="action_done",
            question="Did you manage your 20 minute walk today? Reply YES or NO",
            options=ScheduleOptions(action_id="Walk for 20 minutes"),
            cadence="weekly",
            weekdays=[1, 3, 5],
            local_time="18:00",
        ),
    ],
    "9990000026": [  # David: high blood pressure, diabetes
        _reading(
            "blood_pressure", "Morning David. What was your blood pressure? e.g. BP 140/90", "09:00"
        ),
        ScheduleCreate(
            kind="yes_no",
            question="Have you taken your tablets every day this week? Reply YES or NO",
            cadence="weekly",
            weekdays=[7],
            local_time="18:00",
        ),
    ],
    "9990000034": [  # Siân: heart failure, high blood pressure
        _reading("weight", "Bore da Siân. What did you weigh this morning, in kg?", "08:15"),
    ],
    "9990000042": [  # Peter: asthma, depression
        ScheduleCreate(
            kind="scale",
            question="How has your mood been today, from 0 (very low) to 10 (very good)?",
            options=ScheduleOptions(min=0, max=10),
            cadence="weekly",
            weekdays=[1, 4],
            local_time="19:00",
        ),
        _reading(
            "peak_flow",
            "What was your best peak flow this morning? e.g. 420",
            "08:30",
            cadence="every_n_days",
            every_n_days=2,
        ),
    ],
    "9990000050": [  # Grace: COPD, heart failure, arthritis
        _reading("spo2", "Hello Grace. What is your oxygen level on the finger clip?", "10:00"),
        ScheduleCreate(
            kind="free_text",
            question="Is there anything you would like your care team to know this week?",
            cadence="weekly",
            weekdays=[5],
            local_time="11:00",
        ),
    ],
}


async def load_demo_checkins(db: Database, clock: Clock, organisation_id: str) -> int:
    """Set up the demo schedules of each demo patient who has none; the number of patients."""
    given = 0
    for nhs_number, schedules in SCHEDULES.items():
        patient = await people_repo.patient_by_nhs_number(db, organisation_id, nhs_number)
        if patient is None or await schedules_repo.schedules_of_patient(db, patient["id"]):
            continue
        clinician = await named_clinician_actor(db, patient["id"], organisation_id)
        actions = {row["what"]: row["id"] for row in await plan_repo.actions(db, patient["id"])}
        for schedule in schedules:
            options = schedule.options
            if options is not None and options.action_id is not None:
                if options.action_id not in actions:
                    continue  # the plan has no such action (plans not loaded)
                options = ScheduleOptions(action_id=actions[options.action_id])
            made = msgspec.structs.replace(schedule, options=options)
            await create_schedule(db, clock, clinician, patient["id"], made)
        given += 1
    return given
