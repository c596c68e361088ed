"""Observation: one per reading, in its UCUM unit, LOINC-coded where LOINC has a code.

Blood pressure is one Observation (the LOINC panel) with systolic and diastolic components,
as R4's vital-signs pattern has it, never two loose numbers that could be paired wrongly.
Mood and symptom scores have no LOINC code: they are named in words with their scale.
"""

from __future__ import annotations

from careplan.careplans.readings.catalogue import ReadingKind
from careplan.fhir.codes import (
    EXTRA_LOINC,
    OBSERVATION_CATEGORY,
    OBSERVATION_CATEGORY_CODES,
    SELF_RATED,
    UnmappedValue,
    loinc_coding,
    lookup,
    reading_kind,
)
from careplan.fhir.datatypes import Json, Links, coded, instant, quantity


def observation(row: Json, links: Links) -> Json:
    kind = reading_kind(row["reading_type"])
    if row["unit"] != kind.unit:  # the catalogue allows one unit per type; never convert
        raise UnmappedValue(f"{kind.reading_type} units", row["unit"])
    resource: Json = {
        "resourceType": "Observation",
        "id": links.id_of("Observation", row["id"]),
        "status": "final",
    }
    category = lookup("observation categories", OBSERVATION_CATEGORY_CODES, kind.reading_type)
    if category is not None:
        resource["category"] = [coded(OBSERVATION_CATEGORY, *category)]
    resource |= {
        "code": _code(kind),
        "subject": links.patient(),
        "effectiveDateTime": instant(row["taken_at"]),
        "issued": instant(row["created_at"]),
        "performer": [links.actor(row["actor_kind"], row["actor_id"])],
    }
    if kind.has_value2:
        resource["component"] = [
            _component(kind.loinc_value, row["value"], kind),
            _component(kind.loinc_value2, row["value2"], kind),
        ]
    else:
        resource["valueQuantity"] = quantity(row["value"], kind.unit, kind.ucum)
    if row["note"]:
        resource["note"] = [{"text": row["note"]}]
    return resource


def _code(kind: ReadingKind) -> Json:
    if kind.loinc is None:
        return {"text": lookup("self-rated readings", SELF_RATED, kind.reading_type)}
    codes = (kind.loinc, *EXTRA_LOINC.get(kind.reading_type, ()))
    return {"coding": [loinc_coding(code) for code in codes], "text": kind.label}


def _component(loinc: str | None, value: float | None, kind: ReadingKind) -> Json:
    if loinc is None or value is None:
        raise ValueError(f"{kind.reading_type} needs a code and a value for each component")
    return {
        "code": {"coding": [loinc_coding(loinc)]},
        "valueQuantity": quantity(value, kind.unit, kind.ucum),
    }
