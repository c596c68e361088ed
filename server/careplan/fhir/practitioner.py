"""Practitioner: a clinician named in the record (care team, author of a message or a reading,
grantor of a carer's access). Their name only: their email is the practice's business, and
what they do for this patient is said in the CareTeam."""

from __future__ import annotations

from careplan.fhir.datatypes import Json, Links


def practitioner(row: Json, links: Links) -> Json:
    return {
        "resourceType": "Practitioner",
        "id": links.id_of("Practitioner", row["id"]),
        "active": bool(row["active"]),
        "name": [{"text": row["display_name"]}],
    }
