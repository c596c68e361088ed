"""Carer endpoints (thin: rules in carers/service.py, access in people/access.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, patch, post, put
from litestar.background_tasks import BackgroundTask
from litestar.params import JSONBody, PathParameter
from litestar.response import Response

from careplan.carers import service
from careplan.carers.schemas import (
    Capacity,
    CapacityRecord,
    CarerInvite,
    CaringFor,
    Delegation,
    DelegationList,
    DelegationUpdate,
    HelpedPatient,
)
from careplan.checkins.replies import send_queued
from careplan.dependencies import AppClock, AppSettings, CurrentActor, Db, Sms
from careplan.openapi_docs import refusals

PatientId = Annotated[str, PathParameter(max_length=64, description="The patient's id")]
DelegationId = Annotated[str, PathParameter(max_length=64, description="The carer access id")]


class PatientCarersController(Controller):
    """The patient's side: who helps them and with what."""

    path = "/patients/{patient_id:str}"
    tags = ["carers"]

    @get("/carers", summary="The patient's carers and what each may do (newest first)")
    async def list(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> DelegationList:
        return await service.list_carers(db, clock, actor, patient_id)

    @post(
        "/carers",
        summary="Invite a carer by phone, with scopes and an optional end date",
        responses=refusals(_409="This person is already invited or helping"),
    )
    async def invite(
        self,
        patient_id: PatientId,
        data: JSONBody[CarerInvite],
        db: Db,
        clock: AppClock,
        settings: AppSettings,
        sms: Sms,
        actor: CurrentActor,
    ) -> Response[Delegation]:
        delegation, text_id = await service.invite(db, clock, settings, actor, patient_id, data)
        texts = (text_id,) if text_id else ()
        task = BackgroundTask(send_queued, db, sms, settings, clock, texts)
        return Response(delegation, status_code=201, background=task)

    @patch(
        "/carers/{delegation_id:str}",
        summary="Change a carer's scopes or end date (send the version you read)",
        responses=refusals(_409="Changed by someone else since you read it, or no longer live"),
    )
    async def update(
        self,
        patient_id: PatientId,
        delegation_id: DelegationId,
        data: JSONBody[DelegationUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Delegation:
        return await service.update(db, clock, actor, patient_id, delegation_id, data)

    @post(
        "/carers/{delegation_id:str}/revoke",
        status_code=200,
        summary="End a carer's access now: their next request is refused",
    )
    async def revoke(
        self,
        patient_id: PatientId,
        delegation_id: DelegationId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Delegation:
        return await service.revoke(db, clock, actor, patient_id, delegation_id)

    @get("/capacity", summary="Whether a clinician recorded that the patient lacks capacity")
    async def read_capacity(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> Capacity:
        return await service.read_capacity(db, clock, actor, patient_id)

    @put(
        "/capacity",
        summary="Record (with a reason) that the patient lacks capacity, or withdraw it",
    )
    async def record_capacity(
        self,
        patient_id: PatientId,
        data: JSONBody[CapacityRecord],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Capacity:
        return await service.record_capacity(db, clock, actor, patient_id, data)


class CarerController(Controller):
    """The carer's side: the patients they help and the invitations waiting for them."""

    path = "/carer"
    tags = ["carers"]

    @get(
        "/patients",
        summary="The patients you help, and invitations waiting for you",
        responses=refusals(_403="Only carers have patients they help"),
    )
    async def caring_for(self, db: Db, clock: AppClock, actor: CurrentActor) -> CaringFor:
        return await service.caring_for(db, clock, actor)

    @post("/invitations/{delegation_id:str}/accept", status_code=200, summary="Accept")
    async def accept(
        self, delegation_id: DelegationId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> HelpedPatient:
        return await service.answer_invitation(db, clock, actor, delegation_id, accept=True)

    @post("/invitations/{delegation_id:str}/decline", status_code=200, summary="Decline")
    async def decline(
        self, delegation_id: DelegationId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> HelpedPatient:
        return await service.answer_invitation(db, clock, actor, delegation_id, accept=False)
