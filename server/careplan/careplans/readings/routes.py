"""Reading endpoints (thin: rules in readings/service.py, checks in readings/catalogue.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, delete, get, post
from litestar.openapi import ResponseSpec
from litestar.params import JSONBody, Parameter, PathParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from careplan.careplans.readings import service
from careplan.careplans.readings.schemas import (
    Reading,
    ReadingCreate,
    ReadingPage,
    ReadingTypeInfo,
    Series,
)
from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.people.routes import PatientId

LATEST_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z: keeps instants inside BIGINT
Instant = Annotated[int | None, Parameter(ge=0, le=LATEST_MS, description="UTC epoch-ms")]
ReadingId = Annotated[str, PathParameter(max_length=64, description="The reading's id")]
TypeName = Annotated[str, Parameter(min_length=1, max_length=40, description="e.g. glucose")]
TypeFilter = Annotated[
    str | None, Parameter(min_length=1, max_length=40, description="Only this type")
]
READINGS = "/patients/{patient_id:str}/readings"


class ReadingController(Controller):
    path = "/"
    tags = ["readings"]

    @post(
        READINGS,
        summary="Record a reading (the id is made by the client, so a retry is safe)",
        description="201 with the new reading; 200 with the stored one when this id was "
        "already recorded for this patient. 400 names the field and the allowed unit or range.",
        responses={
            HTTP_200_OK: ResponseSpec(
                Reading, description="This id was already recorded: the stored reading"
            )
        },
    )
    async def create(
        self,
        patient_id: PatientId,
        data: JSONBody[ReadingCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> Response[Reading]:
        reading, created = await service.create_reading(db, clock, actor, patient_id, data)
        return Response(reading, status_code=HTTP_201_CREATED if created else HTTP_200_OK)

    @get(READINGS, summary="A patient's readings, newest first")
    async def list(
        self,
        patient_id: PatientId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        reading_type: TypeFilter = None,
        before: Annotated[
            int | None,
            Parameter(ge=0, le=LATEST_MS, description="next_before from the previous page"),
        ] = None,
        limit: Annotated[int, Parameter(ge=1, le=200)] = 50,
    ) -> ReadingPage:
        return await service.list_readings(
            db, clock, actor, patient_id, reading_type, before, limit
        )

    @get(
        f"{READINGS}/series",
        summary="One reading type over a period, for a chart",
        description="Defaults: the last 30 days. At most 400 days. Over 31 days the points "
        "are daily aggregates (mean, minimum, maximum, count) in the patient's time zone.",
    )
    async def series(
        self,
        patient_id: PatientId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
        reading_type: TypeName,
        start: Instant = None,
        end: Instant = None,
    ) -> Series:
        return await service.reading_series(db, clock, actor, patient_id, reading_type, start, end)

    @delete(f"{READINGS}/{{reading_id:str}}", summary="Remove a reading (kept, but hidden)")
    async def remove(
        self,
        patient_id: PatientId,
        reading_id: ReadingId,
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> None:
        await service.delete_reading(db, clock, actor, patient_id, reading_id)

    @get("/reading-types", summary="The reading types, their units and plausible ranges")
    async def types(self) -> list[ReadingTypeInfo]:
        return service.reading_types()
