"""Patient: who the record is about, found by NHS number."""

from __future__ import annotations

from careplan.fhir.codes import LANGUAGE, NHS_NUMBER, lookup
from careplan.fhir.datatypes import Json, Links

LANGUAGES = {"en": ("en-GB", "English (United Kingdom)"), "cy": ("cy", "Welsh")}


def patient(row: Json, links: Links) -> Json:
    code, display = lookup("languages", LANGUAGES, row["preferred_language"])
    return {
        "resourceType": "Patient",
        "id": links.id_of("Patient", row["id"]),
        "identifier": [{"system": NHS_NUMBER, "value": row["nhs_number"]}],
        "active": True,
        "name": [
            {
                "use": "official",
                "text": f"{row['given_name']} {row['family_name']}",
                "family": row["family_name"],
                "given": [row["given_name"]],
            }
        ],
        "telecom": [{"system": "phone", "value": row["phone"], "use": "mobile"}],
        "birthDate": row["birth_date"],
        "communication": [
            {
                "language": {
                    "coding": [{"system": LANGUAGE, "code": code, "display": display}],
                    "text": display,
                },
                "preferred": True,
            }
        ],
        "managingOrganization": links.organisation(),
    }
