"""Plan, goals, actions, action logs, today, history and offline sync (thin handlers)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, delete, get, patch, post
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody, PathParameter, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from careplan.careplans import goals_actions, logs, service, versions
from careplan.careplans.schemas import (
    ActionCreate,
    ActionLog,
    ActionLogCreate,
    ActionUpdate,
    CarePlan,
    Goal,
    GoalCreate,
    GoalUpdate,
    History,
    PlanAction,
    PlanUpdate,
    Today,
)
from careplan.careplans.sync import sync as apply_sync
from careplan.careplans.sync_schemas import SyncRequest, SyncResponse
from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.openapi_docs import refusals
from careplan.people.routes import PatientId

ItemId = Annotated[str, PathParameter(max_length=64, description="The goal's or action's id")]
VersionRead = Annotated[
    int, QueryParameter(ge=1, le=2_147_483_647, description="The version you last read")
]
STALE = refusals(_409="Someone else changed it since you read it: `extra.current_version`")


class CarePlanController(Controller):
    path = "/patients/{patient_id:str}"
    tags = ["care plan"]

    @get("/plan", summary="The whole care plan: conditions, goals, actions, team")
    async def read_plan(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> CarePlan:
        return await service.read_plan(db, clock, actor, patient_id)

    @patch(
        "/plan", summary="Change the plan (only the fields sent; quote `version`)", responses=STALE
    )
    async def update_plan(
        self,
        patient_id: PatientId,
        data: JSONBody[PlanUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> CarePlan:
        return await service.update_plan(db, clock, actor, patient_id, data)

    @post("/goals", summary="Add a goal in the person's own words")
    async def create_goal(
        self,
        patient_id: PatientId,
        data: JSONBody[GoalCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Goal:
        return await goals_actions.create_goal(db, clock, actor, patient_id, data)

    @patch("/goals/{goal_id:str}", summary="Change a goal (quote `version`)", responses=STALE)
    async def update_goal(
        self,
        patient_id: PatientId,
        goal_id: ItemId,
        data: JSONBody[GoalUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Goal:
        return await goals_actions.update_goal(db, clock, actor, patient_id, goal_id, data)

    @delete("/goals/{goal_id:str}", summary="Remove a goal (kept in history)", responses=STALE)
    async def delete_goal(
        self,
        patient_id: PatientId,
        goal_id: ItemId,
        version: VersionRead,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> None:
        await goals_actions.delete_goal(db, clock, actor, patient_id, goal_id, version)

    @post("/actions", summary="Add an action: what, how often, when")
    async def create_action(
        self,
        patient_id: PatientId,
        data: JSONBody[ActionCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> PlanAction:
        return await goals_actions.create_action(db, clock, actor, patient_id, data)

    @patch(
        "/actions/{action_id:str}", summary="Change an action (quote `version`)", responses=STALE
    )
    async def update_action(
        self,
        patient_id: PatientId,
        action_id: ItemId,
        data: JSONBody[ActionUpdate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> PlanAction:
        return await goals_actions.update_action(db, clock, actor, patient_id, action_id, data)

    @delete(
        "/actions/{action_id:str}", summary="Remove an action (kept in history)", responses=STALE
    )
    async def delete_action(
        self,
        patient_id: PatientId,
        action_id: ItemId,
        version: VersionRead,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> None:
        await goals_actions.delete_action(db, clock, actor, patient_id, action_id, version)

    @get("/today", summary="What is due today where the patient lives, with what is logged")
    async def today(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> Today:
        return await logs.today(db, clock, actor, patient_id)

    @post(
        "/action-logs",
        status_code=HTTP_201_CREATED,
        summary="Log an action for a day: done, partly or not today",
        responses={
            HTTP_200_OK: ResponseSpec(
                ActionLog, description="Already logged with this id: the stored log"
            )
        },
    )
    async def log_action(
        self,
        patient_id: PatientId,
        data: JSONBody[ActionLogCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Response[ActionLog]:
        log, created = await logs.log_action(db, clock, actor, patient_id, data)
        return Response(log, status_code=HTTP_201_CREATED if created else HTTP_200_OK)

    @get("/history", summary="Every change to the plan, goals and actions, newest first")
    async def history(
        self,
        patient_id: PatientId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        since_last_review: Annotated[
            bool, QueryParameter(description="Only changes since the last completed review")
        ] = False,
    ) -> History:
        return await versions.read_history(db, clock, actor, patient_id, since_last_review)


@post(
    "/sync",
    tags=["care plan"],
    status_code=HTTP_200_OK,
    summary="Apply offline changes; each answered applied, duplicate, stale or invalid",
)
async def sync(
    data: JSONBody[SyncRequest], db: Db, clock: AppClock, actor: CurrentActor
) -> SyncResponse:
    return await apply_sync(db, clock, actor, data)
