"""Condition: one per condition in the plan, coded in SNOMED CT when the plan has a code."""

from __future__ import annotations

from careplan.careplans.schemas import Condition
from careplan.fhir.codes import CONDITION_CATEGORY, CONDITION_CLINICAL, SNOMED
from careplan.fhir.datatypes import Json, Links, coded


def condition(item: Condition, links: Links) -> Json:
    code: Json = {"text": item.display}
    if item.snomed_code:
        # The plan's words are the display the person knows; SNOMED's own term may differ.
        code["coding"] = [{"system": SNOMED, "code": item.snomed_code}]
    return {
        "resourceType": "Condition",
        "id": links.id_of("Condition", item.id),
        # Plan conditions are the ones being lived with now: a resolved one leaves the plan.
        "clinicalStatus": coded(CONDITION_CLINICAL, "active", "Active"),
        "category": [coded(CONDITION_CATEGORY, "problem-list-item", "Problem List Item")],
        "code": code,
        "subject": links.patient(),
    }
