"""Bodies for the review cycle: scheduling, results shared beforehand, the patient's agenda,
and what was agreed. Inbound Structs forbid unknown fields; new fields always get a default."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from careplan.careplans.schemas import Id
from careplan.people.schemas import ClinicianSummary, IsoDate

ReviewStatus = Literal["scheduled", "completed", "cancelled"]
AgendaItem = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
MAX_AGENDA_ITEMS = 10
# Bounded by the INTEGER column: a larger number would fail in the database, not here.
PlanVersion = Annotated[
    int, msgspec.Meta(ge=1, le=2_147_483_647, description="The plan version you last read")
]


class ReviewCreate(msgspec.Struct, forbid_unknown_fields=True):
    """`clinician_id` is who holds the review: you, if not given."""

    scheduled_for: IsoDate
    clinician_id: Id | None = None


class ResultShare(msgspec.Struct, forbid_unknown_fields=True):
    """A result shared before the review, e.g. HbA1c 58 mmol/mol, with what it means."""

    label: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    value: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    plain_note: Annotated[
        str, msgspec.Meta(min_length=1, max_length=2000, description="What it means, plainly")
    ]


class Agenda(msgspec.Struct, forbid_unknown_fields=True):
    """What the patient wants to talk about; blank items are dropped."""

    items: Annotated[list[AgendaItem], msgspec.Meta(max_length=MAX_AGENDA_ITEMS)] = []
    other: Annotated[str, msgspec.Meta(max_length=2000)] = ""


class ReviewComplete(msgspec.Struct, forbid_unknown_fields=True):
    """What was agreed becomes a new plan version; `plan_version` is the version you read."""

    agreed: Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
    next_review_date: IsoDate
    plan_version: PlanVersion


class AgendaPrompt(msgspec.Struct):
    key: str  # stable: the PWA translates by it
    text: str


class ReviewResult(msgspec.Struct):
    id: str
    label: str
    value: str
    plain_note: str
    shared_by: ClinicianSummary
    shared_at: int


class ReviewSummary(msgspec.Struct):
    """One line of the list: enough to see what is coming and whether an agenda is waiting."""

    id: str
    status: ReviewStatus
    scheduled_for: str
    clinician: ClinicianSummary
    results_shared: int
    agenda_updated_at: int | None
    next_review_date: str | None
    completed_at: int | None


class Review(msgspec.Struct):
    id: str
    patient_id: str
    status: ReviewStatus
    scheduled_for: str
    clinician: ClinicianSummary
    results: list[ReviewResult]
    agenda: Agenda
    agenda_updated_at: int | None
    agenda_prompts: list[AgendaPrompt]
    agreed: str | None
    next_review_date: str | None
    completed_at: int | None
    created_at: int
    updated_at: int
