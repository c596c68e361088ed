"""Bodies for the caseload and the continuity figures."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

CaseloadScope = Literal["mine", "practice"]


class CaseloadPatient(msgspec.Struct):
    patient_id: str
    name: str
    named_clinician_id: str | None
    named_clinician_name: str | None
    last_checkin_at: Annotated[int | None, msgspec.Meta(description="Last check-in sent")]
    last_answered_at: Annotated[int | None, msgspec.Meta(description="Last check-in answered")]
    adherence_4w: Annotated[
        float | None,
        msgspec.Meta(description="Actions done over the last four weeks (0..1); null: none due"),
    ]
    open_alerts: Annotated[int, msgspec.Meta(description="Open inbox items of urgency >= 1")]
    open_items: int
    review_date: str | None
    review_overdue: bool
    contacts: Annotated[int, msgspec.Meta(description="Clinicians' messages in the period")]
    continuity: Annotated[
        float | None,
        msgspec.Meta(description="Share of those sent by the named clinician; null: none"),
    ]


class Caseload(msgspec.Struct):
    since: Annotated[int, msgspec.Meta(description="Start of the continuity period (UTC ms)")]
    patients: list[CaseloadPatient]


class ContinuityFigures(msgspec.Struct):
    """Usual provider of care, over patients with a named clinician (ADR 0012)."""

    patients: int
    patients_with_contacts: int
    contacts: int
    by_named_clinician: int
    share: Annotated[
        float | None, msgspec.Meta(description="by_named_clinician / contacts; null: none")
    ]
    mean_patient_upc: Annotated[
        float | None, msgspec.Meta(description="Mean of each patient's share; null: none")
    ]


class ClinicianContinuity(msgspec.Struct):
    clinician_id: str
    name: str
    figures: ContinuityFigures


class Continuity(msgspec.Struct):
    since: int
    until: int
    practice: ContinuityFigures
    clinicians: list[ClinicianContinuity]
    contacts_without_named_clinician: int
