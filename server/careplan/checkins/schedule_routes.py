"""Check-in schedules and check-in settings (thin: rules in schedules_service/settings_service)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, patch, post, put
from litestar.params import JSONBody, PathParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_202_ACCEPTED

from careplan.checkins import push_first, schedules_service, settings_service
from careplan.checkins.schedule_schemas import (
    CheckinSettings,
    CheckinSettingsUpdate,
    CheckinsSeen,
    CheckinsSeenCreate,
    Schedule,
    ScheduleCreate,
    ScheduleList,
    ScheduleUpdate,
    SentNow,
)
from careplan.dependencies import AppClock, AppSettings, CurrentActor, Db
from careplan.openapi_docs import refusals
from careplan.people.routes import PatientId

ScheduleId = Annotated[str, PathParameter(max_length=64, description="The schedule's id")]
STALE = refusals(_409="Someone else changed it since you read it: `extra.current_version`")
NOT_NOW = refusals(_409="The schedule is stopped, or check-ins are paused (`extra.paused_until`)")


class CheckinScheduleController(Controller):
    path = "/"
    tags = ["check-ins"]

    @post(
        "/patients/{patient_id:str}/checkin-schedules",
        status_code=HTTP_201_CREATED,
        summary="Set up a check-in: what to ask, how often, at what local time",
        description="The patient or a clinician of their practice. 400 names the field: "
        "options per kind (number min < max; scale whole numbers within 0..10; reading a "
        "known reading_type; action_done one of the patient's own actions), weekdays for "
        "weekly, every_n_days for every_n_days, HH:MM times, end_date on or after start_date; "
        "recipient 'carer' names recipient_carer_id, a carer with live access that includes "
        "answer_checkins (texted to the carer's phone while that holds).",
    )
    async def create(
        self,
        patient_id: PatientId,
        data: JSONBody[ScheduleCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Schedule:
        return await schedules_service.create_schedule(db, clock, actor, patient_id, data)

    @get("/patients/{patient_id:str}/checkin-schedules", summary="A patient's check-in schedules")
    async def list(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> ScheduleList:
        return await schedules_service.list_schedules(db, clock, actor, patient_id)

    @patch(
        "/checkin-schedules/{schedule_id:str}",
        summary="Change, pause (paused_until) or stop (active: false) a check-in; quote `version`",
        responses=STALE,
    )
    async def update(
        self,
        schedule_id: ScheduleId,
        data: JSONBody[ScheduleUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Schedule:
        return await schedules_service.update_schedule(db, clock, actor, schedule_id, data)

    @post(
        "/checkin-schedules/{schedule_id:str}/send-now",
        status_code=HTTP_202_ACCEPTED,
        summary="Make one check-in of this schedule due now (clinicians)",
        description="The schedule's regular next due time is unchanged. If one of its "
        "check-ins is already due and not yet sent, that one is returned.",
        responses=NOT_NOW,
    )
    async def send_now(
        self,
        schedule_id: ScheduleId,
        db: Db,
        clock: AppClock,
        settings: AppSettings,
        actor: CurrentActor,
    ) -> SentNow:
        return await schedules_service.send_now(db, clock, settings, actor, schedule_id)

    @get(
        "/patients/{patient_id:str}/checkin-settings",
        summary="Quiet hours, pause and channel for a patient's check-ins",
    )
    async def read_settings(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> CheckinSettings:
        return await settings_service.read_settings(db, clock, actor, patient_id)

    @put(
        "/patients/{patient_id:str}/checkin-settings",
        summary="Set quiet hours (HH:MM, at most 20 hours), pause until an instant, channel",
    )
    async def replace_settings(
        self,
        patient_id: PatientId,
        data: JSONBody[CheckinSettingsUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> CheckinSettings:
        return await settings_service.replace_settings(db, clock, actor, patient_id, data)

    @post(
        "/patients/{patient_id:str}/checkins/seen",
        status_code=HTTP_200_OK,
        summary="The patient has these open check-ins in front of them in the app (patient only)",
        description="Their texts, held back after an app notification (ADR 0014), are not "
        "sent. Called by the app when Messages shows a check-in waiting for an answer; ids "
        "that are not this patient's open check-ins change nothing.",
    )
    async def seen(
        self,
        patient_id: PatientId,
        data: JSONBody[CheckinsSeenCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> CheckinsSeen:
        return await push_first.mark_seen(db, clock, actor, patient_id, data.checkin_ids)
