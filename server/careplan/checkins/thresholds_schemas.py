"""Bodies for alert thresholds: a clinician-set level per patient, reading type and component."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Level = Literal["amber", "red"]
Comparison = Literal["above", "below"]


class ThresholdCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Setting the same level, comparison and component again replaces the earlier value.

    `component` is "systolic" or "diastolic" for blood_pressure and "value" for every other
    type. Above means strictly greater, below strictly less.
    """

    reading_type: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    level: Level
    comparison: Comparison
    value: float
    component: Annotated[str, msgspec.Meta(min_length=1, max_length=40)] = "value"


class AlertThreshold(msgspec.Struct):
    id: str
    patient_id: str
    reading_type: str
    component: str
    level: Level
    comparison: Comparison
    value: float
    set_by: str
    set_at: int


class ThresholdList(msgspec.Struct):
    thresholds: list[AlertThreshold]
