"""Who is making a request, as established from their session."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    PATIENT = "patient"
    CLINICIAN = "clinician"
    CARER = "carer"
    SHARE_LINK = "share_link"  # a "my story" link being viewed: audit rows only, never a session


class ClinicianRole(StrEnum):
    GP = "gp"
    NURSE = "nurse"
    CARE_COORDINATOR = "care_coordinator"
    PHARMACIST = "pharmacist"
    HEALTH_COACH = "health_coach"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    kind: ActorKind
    id: str
    display_name: str
    role: str  # "patient", "carer", or the clinician's ClinicianRole
    organisation_id: str  # "" for a carer: the patients they help may be at several
    organisation_name: str
    preferred_language: str
    session_hash: str
    on_behalf_of: str | None = None  # set when a carer acts for a patient
    request_at: int = 0  # when the request arrived (epoch ms): delegations are checked at it

    @property
    def is_clinician(self) -> bool:
        return self.kind is ActorKind.CLINICIAN
