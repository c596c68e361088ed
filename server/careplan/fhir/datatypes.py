"""FHIR datatypes the mappers share, and the ids and references that tie a Bundle together.

Every resource's id is a UUID derived from the patient, the resource type and our own id, so
exporting twice gives the same ids (a receiver can match what it already holds) and two
patients' Conditions called "copd" never collide. Entries are addressed as
"urn:uuid:<id>", and every reference points at an entry of the same Bundle (ADR 0016).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from careplan.fhir.codes import UCUM, UnmappedValue

Json = dict[str, Any]

# Fixed for ever: changing it would change every exported id.
_NAMESPACE = uuid.UUID("6f3c1b1e-8a59-5d6e-9a43-5c2b0f7e4d21")


def resource_id(patient_id: str, resource_type: str, our_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{patient_id}/{resource_type}/{our_id}"))


def full_url(resource: Json) -> str:
    return f"urn:uuid:{resource['id']}"


def instant(epoch_ms: int) -> str:
    """An FHIR instant in UTC: seconds, and milliseconds only when there are some."""
    moment = datetime.fromtimestamp(epoch_ms / 1000, tz=UTC)
    if epoch_ms % 1000:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{epoch_ms % 1000:03d}Z"
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def text(words: str) -> Json:
    """A CodeableConcept in words only: what we have when no code system fits."""
    return {"text": words}


def coded(system: str, code: str, display: str, words: str | None = None) -> Json:
    return {
        "coding": [{"system": system, "code": code, "display": display}],
        "text": words or display,
    }


def number(value: float) -> int | float:
    """132 rather than 132.0: a whole reading reads as one."""
    return int(value) if float(value).is_integer() else value


def quantity(value: float, unit: str, ucum: str | None) -> Json:
    """A Quantity; the UCUM system and code only when the unit is one UCUM has."""
    result: Json = {"value": number(value), "unit": unit}
    if ucum is not None:
        result |= {"system": UCUM, "code": ucum}
    return result


class Links:
    """References to the people and things of one patient's export.

    Mappers ask here for a reference; the people asked for (clinicians, carers) are noted, so
    the service can add a Practitioner or RelatedPerson entry for each and none is dangling.
    """

    def __init__(self, patient_id: str) -> None:
        self.patient_id = patient_id
        self.clinicians: list[str] = []
        self.carers: list[str] = []

    def id_of(self, resource_type: str, our_id: str) -> str:
        return resource_id(self.patient_id, resource_type, our_id)

    def to(self, resource_type: str, our_id: str) -> Json:
        return {"reference": f"urn:uuid:{self.id_of(resource_type, our_id)}"}

    def patient(self) -> Json:
        return self.to("Patient", self.patient_id)

    def organisation(self) -> Json:
        return self.to("Organization", "practice")

    def care_team(self) -> Json:
        return self.to("CareTeam", "team")

    def clinician(self, clinician_id: str) -> Json:
        if clinician_id not in self.clinicians:
            self.clinicians.append(clinician_id)
        return self.to("Practitioner", clinician_id)

    def carer(self, carer_id: str) -> Json:
        if carer_id not in self.carers:
            self.carers.append(carer_id)
        return self.to("RelatedPerson", carer_id)

    def actor(self, kind: str, actor_id: str | None) -> Json:
        """Who did something, from the (kind, id) every attributed row keeps; the system's
        own acts (check-in texts, automatic replies) are the practice's."""
        if kind == "system" or actor_id is None:
            return self.organisation()
        if kind == "patient":
            return self.patient()
        if kind == "clinician":
            return self.clinician(actor_id)
        if kind == "carer":
            return self.carer(actor_id)
        raise UnmappedValue("actor kinds", kind)
