"""Caseload and continuity endpoints (thin: rules in caseload/service.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import get
from litestar.params import QueryParameter

from careplan.caseload import service
from careplan.caseload.schemas import Caseload, Continuity
from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.openapi_docs import refusals

LATEST_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z: keeps instants inside BIGINT
Instant = Annotated[int | None, QueryParameter(ge=0, le=LATEST_MS, description="UTC epoch-ms")]


@get(
    "/caseload",
    tags=["caseload"],
    summary="Your patients at a glance (clinical staff)",
    description="scope mine: patients on whose care team you are; practice: every patient of "
    "your practice. By family name. Continuity covers the last 365 days.",
    responses=refusals(_403="Only clinical staff (not patients or practice administrators)"),
)
async def read_caseload(
    db: Db,
    clock: AppClock,
    actor: CurrentActor,
    # `scope` is reserved in Litestar (the ASGI scope): aliased, and checked by the service.
    which: Annotated[
        str, QueryParameter(name="scope", max_length=20, description="mine | practice")
    ] = "mine",
) -> Caseload:
    return await service.caseload(db, clock, actor, which)


@get(
    "/continuity",
    tags=["caseload"],
    summary="Continuity of care: the share of patients' contacts made by their named clinician",
    description="Per named clinician and for the practice, over [since, until] (default: the "
    "365 days to now; at most three years). Counts only; no patient is named.",
    responses=refusals(_403="Only practice staff"),
)
async def read_continuity(
    db: Db, clock: AppClock, actor: CurrentActor, since: Instant = None, until: Instant = None
) -> Continuity:
    return await service.continuity(db, clock, actor, since, until)
