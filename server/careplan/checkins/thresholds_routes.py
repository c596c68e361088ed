"""Alert threshold endpoints (thin: rules in thresholds_service.py and thresholds_rules.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, post
from litestar.params import JSONBody, PathParameter

from careplan.checkins import thresholds_service as service
from careplan.checkins.thresholds_schemas import AlertThreshold, ThresholdCreate, ThresholdList
from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.people.routes import PatientId

ThresholdId = Annotated[str, PathParameter(max_length=64, description="The threshold's id")]


class ThresholdController(Controller):
    path = "/"
    tags = ["thresholds"]

    @get(
        "/patients/{patient_id:str}/thresholds",
        summary="A patient's alert levels for readings (their clinicians)",
    )
    async def list(
        self, patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> ThresholdList:
        return await service.list_thresholds(db, clock, actor, patient_id)

    @post(
        "/patients/{patient_id:str}/thresholds",
        summary="Set an alert level for a reading (their clinicians)",
        description="A reading above (strictly greater) or below (strictly less) a red level "
        "opens an urgent inbox item, an amber level an alert. Setting the same reading type, "
        "component, level and comparison again replaces the earlier value. `component` is "
        "systolic or diastolic for blood_pressure, value otherwise. 400 names the field: an "
        "unknown type or component, a value outside the reading's plausible range, or a red "
        "level that is not beyond the amber one.",
    )
    async def create(
        self,
        patient_id: PatientId,
        data: JSONBody[ThresholdCreate],
        db: Db,
        clock: AppClock,
        actor: CurrentActor,
    ) -> AlertThreshold:
        return await service.set_threshold(db, clock, actor, patient_id, data)

    @delete("/thresholds/{threshold_id:str}", summary="Remove an alert level (kept, but inactive)")
    async def remove(
        self, threshold_id: ThresholdId, db: Db, clock: AppClock, actor: CurrentActor
    ) -> None:
        await service.delete_threshold(db, clock, actor, threshold_id)
