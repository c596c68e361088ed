"""Bodies for carers and their delegations. New fields always get a default (old PWAs replay)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from careplan.people.schemas import IsoDate, NonEmpty
from careplan.people.scopes import Scope

DelegationStatus = Literal["invited", "active", "declined", "revoked", "expired"]
Scopes = Annotated[list[Scope], msgspec.Meta(min_length=1, max_length=len(Scope))]
Relationship = Annotated[
    str, msgspec.Meta(max_length=100, examples=["daughter"], description="In the patient's words")
]


class CarerInvite(msgspec.Struct, forbid_unknown_fields=True):
    display_name: NonEmpty
    phone: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    scopes: Scopes
    relationship: Relationship = ""
    ends_on: IsoDate | None = None  # the last day the access holds, in the patient's zone


class DelegationUpdate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """Only the fields sent change. `version` is the one you read (409 if it moved on)."""

    version: int
    scopes: Scopes | msgspec.UnsetType = msgspec.UNSET
    ends_on: IsoDate | None | msgspec.UnsetType = msgspec.UNSET  # null: no end date


class Delegation(msgspec.Struct):
    """A carer's access to one patient, as the patient and their team see it."""

    id: str
    patient_id: str
    carer_id: str
    carer_name: str
    carer_phone: str
    relationship: str
    scopes: list[Scope]
    status: DelegationStatus
    ends_on: str | None
    granted_by_kind: Literal["patient", "clinician"]
    created_at: int
    accepted_at: int | None
    revoked_at: int | None
    version: int


class DelegationList(msgspec.Struct):
    items: list[Delegation]


class HelpedPatient(msgspec.Struct):
    """A patient a carer helps (active) or is invited to help, as the carer sees it."""

    delegation_id: str
    patient_id: str
    patient_name: str
    practice: str
    relationship: str
    scopes: list[Scope]
    status: DelegationStatus
    ends_on: str | None
    created_at: int


class CaringFor(msgspec.Struct):
    patients: list[HelpedPatient]  # active: the carer may act within scopes
    invitations: list[HelpedPatient]  # waiting for the carer to accept or decline


class CapacityRecord(msgspec.Struct, forbid_unknown_fields=True):
    lacks_capacity: bool
    reason: Annotated[str, msgspec.Meta(max_length=2000)] = ""


class Capacity(msgspec.Struct):
    lacks_capacity: bool
    reason: str | None
    recorded_by: str | None  # the clinician's name
    recorded_at: int | None
