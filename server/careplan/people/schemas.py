"""Request and response bodies for people. New fields always get a default (old PWAs replay)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Language = Literal["en", "cy"]
TeamRole = Literal["named_clinician", "care_coordinator", "member"]
NonEmpty = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
IsoDate = Annotated[
    str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A date as YYYY-MM-DD")
]
TimeZoneName = Annotated[
    str,
    msgspec.Meta(min_length=1, max_length=64, description="An IANA time zone, e.g. Europe/London"),
]


class PatientCreate(msgspec.Struct, forbid_unknown_fields=True):
    given_name: NonEmpty
    family_name: NonEmpty
    birth_date: IsoDate
    nhs_number: Annotated[str, msgspec.Meta(max_length=20)]
    phone: Annotated[str, msgspec.Meta(max_length=32)]
    preferred_language: Language = "en"
    time_zone: TimeZoneName | None = None
    named_clinician_id: str | None = None
    care_coordinator_id: str | None = None


class PatientUpdate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """Only the fields sent are changed."""

    given_name: NonEmpty | msgspec.UnsetType = msgspec.UNSET
    family_name: NonEmpty | msgspec.UnsetType = msgspec.UNSET
    birth_date: IsoDate | msgspec.UnsetType = msgspec.UNSET
    nhs_number: Annotated[str, msgspec.Meta(max_length=20)] | msgspec.UnsetType = msgspec.UNSET
    phone: Annotated[str, msgspec.Meta(max_length=32)] | msgspec.UnsetType = msgspec.UNSET
    preferred_language: Language | msgspec.UnsetType = msgspec.UNSET
    time_zone: TimeZoneName | msgspec.UnsetType = msgspec.UNSET


class CareTeamUpdate(msgspec.Struct, forbid_unknown_fields=True):
    named_clinician_id: str | None = None
    care_coordinator_id: str | None = None
    member_ids: list[str] = []


class TeamMember(msgspec.Struct):
    clinician_id: str
    display_name: str
    role: str
    team_role: TeamRole


class Patient(msgspec.Struct):
    id: str
    organisation_id: str
    given_name: str
    family_name: str
    birth_date: str
    nhs_number: str
    phone: str
    preferred_language: str
    time_zone: str
    care_team: list[TeamMember]
    created_at: int
    updated_at: int


class PatientSummary(msgspec.Struct):
    id: str
    given_name: str
    family_name: str
    birth_date: str
    nhs_number: str


class PatientPage(msgspec.Struct):
    items: list[PatientSummary]
    total: int
    limit: int
    offset: int


class ClinicianSummary(msgspec.Struct):
    id: str
    display_name: str
    role: str
