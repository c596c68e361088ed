"""RelatedPerson: a carer of the patient's. In full (relationship, phone) for those who may
see who the patient's carers are; otherwise only the name the thread already shows, for a
carer who wrote a message or recorded a reading (ADR 0016)."""

from __future__ import annotations

from careplan.fhir.codes import LANGUAGE, lookup
from careplan.fhir.datatypes import Json, Links, text
from careplan.fhir.patient import LANGUAGES


def related_person(carer_id: str, name: str, links: Links) -> Json:
    """The name only."""
    return {
        "resourceType": "RelatedPerson",
        "id": links.id_of("RelatedPerson", carer_id),
        "patient": links.patient(),
        "name": [{"text": name}],
    }


def carer(newest: Json, helping_now: bool, links: Links) -> Json:
    """In full, from the carer's newest access (their relationship in the patient's words)."""
    code, display = lookup("languages", LANGUAGES, newest["carer_language"])
    resource: Json = {
        "resourceType": "RelatedPerson",
        "id": links.id_of("RelatedPerson", newest["carer_id"]),
        "active": helping_now,
        "patient": links.patient(),
    }
    if newest["relationship"].strip():
        resource["relationship"] = [text(newest["relationship"].strip())]
    resource |= {
        "name": [{"text": newest["carer_name"]}],
        "telecom": [{"system": "phone", "value": newest["carer_phone"], "use": "mobile"}],
        "communication": [
            {
                "language": {
                    "coding": [{"system": LANGUAGE, "code": code, "display": display}],
                    "text": display,
                },
                "preferred": True,
            }
        ],
    }
    return resource
