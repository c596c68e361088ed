"""Review endpoints (thin: the rules are in reviews/service.py, access in people/access.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post, put
from litestar.params import JSONBody, PathParameter

from careplan.careplans.reviews import service
from careplan.careplans.reviews.schemas import (
    Agenda,
    ResultShare,
    Review,
    ReviewComplete,
    ReviewCreate,
    ReviewResult,
    ReviewSummary,
)
from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.openapi_docs import refusals
from careplan.people.routes import PatientId

ReviewId = Annotated[str, PathParameter(max_length=64, description="The review's id")]
ALREADY_HAPPENED = "This review has already happened"


class ReviewController(Controller):
    path = "/patients/{patient_id:str}/reviews"
    tags = ["reviews"]

    @post(
        "/",
        summary="Schedule a review (care team)",
        responses=refusals(_409="This patient already has a scheduled review"),
    )
    async def schedule(
        self,
        patient_id: PatientId,
        data: JSONBody[ReviewCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Review:
        return await service.schedule_review(db, clock, actor, patient_id, data)

    @get("/", summary="A patient's reviews, newest first")
    async def list(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> list[ReviewSummary]:
        return await service.list_reviews(db, clock, actor, patient_id)

    @get("/{review_id:str}", summary="One review: results, agenda prompts, agenda, what was agreed")
    async def read(
        self,
        patient_id: PatientId,
        review_id: ReviewId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Review:
        return await service.read_review(db, clock, actor, patient_id, review_id)

    @post(
        "/{review_id:str}/results",
        summary="Share a result with a plain-language note before the review (care team)",
        responses=refusals(_409=ALREADY_HAPPENED),
    )
    async def share_result(
        self,
        patient_id: PatientId,
        review_id: ReviewId,
        data: JSONBody[ResultShare],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> ReviewResult:
        return await service.share_result(db, clock, actor, patient_id, review_id, data)

    @put(
        "/{review_id:str}/agenda",
        summary="Write what the patient wants to talk about (replaces the agenda)",
        responses=refusals(_409=ALREADY_HAPPENED),
    )
    async def write_agenda(
        self,
        patient_id: PatientId,
        review_id: ReviewId,
        data: JSONBody[Agenda],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Review:
        return await service.write_agenda(db, clock, actor, patient_id, review_id, data)

    @post(
        "/{review_id:str}/complete",
        status_code=200,
        summary="Record what was agreed as a new plan version and set the next review date",
        responses=refusals(
            _409="The review is already completed, or plan_version is not the current version"
        ),
    )
    async def complete(
        self,
        patient_id: PatientId,
        review_id: ReviewId,
        data: JSONBody[ReviewComplete],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Review:
        return await service.complete_review(db, clock, actor, patient_id, review_id, data)
