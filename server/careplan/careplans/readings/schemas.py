"""Bodies for readings: typed, unit-checked, range-checked; series for charts."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

ReadingType = Literal[
    "blood_pressure",
    "glucose",
    "weight",
    "peak_flow",
    "spo2",
    "steps",
    "mood",
    "symptom_score",
]


class ReadingCreate(msgspec.Struct, forbid_unknown_fields=True):
    """`value2` is the diastolic pressure for blood_pressure and absent for every other type.

    The reading type is a plain string here (not the Literal) so an unknown type gets our own
    400 that lists the known ones, rather than a bare enum error.
    """

    id: Annotated[str, msgspec.Meta(min_length=8, max_length=64, description="Client-made UUID")]
    reading_type: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    value: float
    unit: Annotated[str, msgspec.Meta(min_length=1, max_length=16)]
    value2: float | None = None
    taken_at: int | None = None
    note: Annotated[str, msgspec.Meta(max_length=500)] | None = None


class Reading(msgspec.Struct):
    id: str
    reading_type: ReadingType
    value: float
    value2: float | None
    unit: str
    taken_at: int
    note: str | None
    source: str
    actor_kind: str
    actor_id: str
    on_behalf_of: str | None
    created_at: int
    actor_name: str | None = None  # who recorded it: the patient, a clinician or a carer


class ReadingTypeInfo(msgspec.Struct):
    reading_type: ReadingType
    label: str
    unit: str
    minimum: float
    maximum: float
    minimum2: float | None
    maximum2: float | None
    whole_numbers: bool


class SeriesPoint(msgspec.Struct):
    """One reading, or one local day's aggregate when the period is long."""

    at: int
    value: float
    value2: float | None
    minimum: float | None = None
    maximum: float | None = None
    count: int = 1


class Series(msgspec.Struct):
    reading_type: ReadingType
    unit: str
    start: int
    end: int
    aggregated: Literal["none", "daily"]
    points: list[SeriesPoint]


class ReadingPage(msgspec.Struct):
    items: list[Reading]
    next_before: int | None
