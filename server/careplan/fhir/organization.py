"""Organization: the practice that holds the record and sends the check-ins."""

from __future__ import annotations

from careplan.fhir.datatypes import Json, Links


def organization(practice: str, links: Links) -> Json:
    return {
        "resourceType": "Organization",
        "id": links.id_of("Organization", "practice"),
        "active": True,
        "name": practice,
    }
