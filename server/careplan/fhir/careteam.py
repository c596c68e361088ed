"""CareTeam: the patient's named clinician, care coordinator and other members."""

from __future__ import annotations

from careplan.fhir.codes import PROFESSION, TEAM_ROLE, lookup
from careplan.fhir.datatypes import Json, Links, text
from careplan.people.schemas import TeamMember


def care_team(members: list[TeamMember], practice: str, links: Links) -> Json:
    return {
        "resourceType": "CareTeam",
        "id": links.id_of("CareTeam", "team"),
        "status": "active",
        "name": f"Care team at {practice}",
        "subject": links.patient(),
        "participant": [
            {
                "role": [
                    text(lookup("care team roles", TEAM_ROLE, member.team_role)),
                    text(lookup("professions", PROFESSION, member.role)),
                ],
                "member": links.clinician(member.clinician_id),
            }
            for member in members
        ],
        "managingOrganization": [links.organisation()],
    }
