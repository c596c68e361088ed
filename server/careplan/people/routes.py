"""Patient and clinician endpoints (thin: rules in people/service.py, access in access.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, patch, post, put
from litestar.params import JSONBody, Parameter, PathParameter

from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.openapi_docs import refusals
from careplan.people import service
from careplan.people.schemas import (
    CareTeamUpdate,
    ClinicianSummary,
    Patient,
    PatientCreate,
    PatientPage,
    PatientUpdate,
)

PatientId = Annotated[str, PathParameter(max_length=64, description="The patient's id")]


class PatientController(Controller):
    path = "/patients"
    tags = ["patients"]

    @post(
        "/",
        summary="Register a patient (practice staff)",
        responses=refusals(_409="A patient with this NHS number is already registered"),
    )
    async def create(
        self, data: JSONBody[PatientCreate], db: Db, clock: AppClock, actor: CurrentActor
    ) -> Patient:
        return await service.create_patient(db, clock, actor, data)

    @get("/", summary="Patients you may act for, by family name")
    async def list(
        self,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        limit: Annotated[int, Parameter(ge=1, le=200)] = 50,
        offset: Annotated[int, Parameter(ge=0, le=10_000_000)] = 0,
    ) -> PatientPage:
        return await service.list_patients(db, clock, actor, limit, offset)

    @get("/{patient_id:str}", summary="One patient's record")
    async def read(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> Patient:
        return await service.read_patient(db, clock, actor, patient_id)

    @patch(
        "/{patient_id:str}",
        summary="Change a patient's details (only the fields sent)",
        responses=refusals(_409="Another patient has this NHS number"),
    )
    async def update(
        self,
        patient_id: PatientId,
        data: JSONBody[PatientUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Patient:
        return await service.update_patient(db, clock, actor, patient_id, data)

    @put("/{patient_id:str}/care-team", summary="Set the named clinician, coordinator and team")
    async def care_team(
        self,
        patient_id: PatientId,
        data: JSONBody[CareTeamUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Patient:
        return await service.set_care_team(db, clock, actor, patient_id, data)


@get("/clinicians", tags=["people"], summary="Clinicians of your practice")
async def list_clinicians(db: Db, actor: CurrentActor) -> list[ClinicianSummary]:
    return await service.list_clinicians(db, actor)
