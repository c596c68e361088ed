"""Sign-in bodies and the `me` answer."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from careplan.people.schemas import Language


class CsrfToken(msgspec.Struct):
    csrf_token: str


class SmsCodeRequest(msgspec.Struct, forbid_unknown_fields=True):
    phone: Annotated[str, msgspec.Meta(min_length=1, max_length=32, examples=["07700 900101"])]


class SmsCodeSent(msgspec.Struct):
    status: Literal["sent"]
    expires_in_seconds: int


class SmsVerifyRequest(msgspec.Struct, forbid_unknown_fields=True):
    phone: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    code: Annotated[str, msgspec.Meta(pattern=r"^\s*\d{6}\s*$", description="The 6-digit code")]
    patient_id: str | None = None  # needed only when several patients share the phone
    as_carer: bool = False  # sign in as the carer this phone belongs to


class LoginRequest(msgspec.Struct, forbid_unknown_fields=True):
    email: Annotated[str, msgspec.Meta(min_length=3, max_length=254)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class OrganisationRef(msgspec.Struct):
    id: str
    name: str


class ActsFor(msgspec.Struct):
    id: str
    display_name: str
    relationship: Literal["self", "carer"]
    scopes: list[str] = []  # for a carer: what the patient lets them do (people/scopes.py)


class Me(msgspec.Struct):
    """Who you are. Clinicians may act for every patient of `organisation` (see /api/patients)."""

    kind: Literal["patient", "clinician", "carer"]
    id: str
    display_name: str
    role: str
    organisation: OrganisationRef
    preferred_language: Language
    patients: list[ActsFor]
