"""The FHIR export endpoint (thin: the Bundle is made in fhir/service.py)."""

from __future__ import annotations

from typing import Any

from litestar import Response, get

from careplan.dependencies import AppClock, CurrentActor, Db
from careplan.fhir import service
from careplan.people.routes import PatientId

FHIR_JSON = "application/fhir+json"


@get(
    "/patients/{patient_id:str}/fhir",
    tags=["sharing"],
    media_type=FHIR_JSON,
    summary="The whole record as a FHIR R4 Bundle (type collection)",
    description="Patient, Condition, CarePlan, Goal, CareTeam, Observation, Communication, "
    "RelatedPerson and Consent (with the Organization and Practitioners they refer to), as "
    "application/fhir+json. Every reference resolves inside the Bundle. The thread and the "
    "carers are included only for those who may read them in the app. See ADR 0016.",
)
async def export_fhir(
    patient_id: PatientId, db: Db, clock: AppClock, actor: CurrentActor
) -> Response[dict[str, Any]]:
    bundle = await service.export_record(db, clock, actor, patient_id)
    return Response(bundle, media_type=FHIR_JSON)
