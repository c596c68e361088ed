"""The patient-visible access log."""

from __future__ import annotations

from typing import Annotated

from litestar import get
from litestar.params import Parameter, PathParameter

from careplan.audit import service
from careplan.audit.schemas import AccessLogPage
from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.people.access import Action, authorise


@get(
    "/patients/{patient_id:str}/access-log",
    tags=["audit"],
    summary="Who viewed or changed this patient's record, newest first",
)
async def access_log(
    patient_id: Annotated[str, PathParameter(max_length=64)],
    db: Db,
    clock: AppClock,
    actor: CurrentActor,
    before: Annotated[str | None, Parameter(max_length=100)] = None,
    actor_id: Annotated[
        str | None, Parameter(max_length=64, description="Only this person")
    ] = None,
    limit: Annotated[int, Parameter(ge=1, le=200)] = 50,
) -> AccessLogPage:
    actor = await authorise(db, actor, patient_id, Action.VIEW_ACCESS_LOG)
    page = await service.access_log(db, patient_id, before, actor_id, limit)
    await service.record(db, clock, actor, "access_log.read", [patient_id], "access_log")
    return page
