"""Alert thresholds, pure: which levels a reading crosses, and whether a new level makes sense.

A clinician sets, per patient and reading type, an amber and/or a red level above and/or
below which a reading alerts (a blood pressure has a systolic and a diastolic component).
"Above" is strictly greater, "below" strictly less: a red level of 180 alerts at 181, not 180.
The highest level crossed decides the alert (red -> urgent, amber -> alert), and its summary
names every level crossed in plain words, so the item can be triaged without opening it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careplan.careplans.readings.catalogue import ReadingKind, reading_kind
from careplan.errors import InvalidField

LEVELS = ("red", "amber")  # highest first
SHORT_NAMES = {
    "blood_pressure": "BP",
    "glucose": "Glucose",
    "weight": "Weight",
    "peak_flow": "Peak flow",
    "spo2": "SpO2",
    "steps": "Steps",
    "mood": "Mood",
    "symptom_score": "Symptom score",
}


@dataclass(frozen=True, slots=True)
class Threshold:
    id: str
    reading_type: str
    component: str
    level: str  # amber | red
    comparison: str  # above | below
    value: float


@dataclass(frozen=True, slots=True)
class Breach:
    threshold: Threshold
    measured: float


def components(kind: ReadingKind) -> tuple[str, ...]:
    """A blood pressure's systolic and diastolic; a single "value" for every other type."""
    return (kind.value_name, kind.value2_name) if kind.has_value2 else ("value",)


def _crosses(threshold: Threshold, measured: float) -> bool:
    if threshold.comparison == "above":
        return measured > threshold.value
    return measured < threshold.value


def breaches(
    reading_type: str, value: float, value2: float | None, thresholds: Iterable[Threshold]
) -> list[Breach]:
    """Every level this reading crosses, red first, then in component order."""
    kind = reading_kind(reading_type)
    measured = dict(zip(components(kind), (value, value2), strict=False))
    found = [
        Breach(t, measured[t.component])
        for t in thresholds
        if t.reading_type == reading_type
        and measured.get(t.component) is not None
        and _crosses(t, measured[t.component])
    ]
    order = components(kind)
    return sorted(
        found, key=lambda b: (LEVELS.index(b.threshold.level), order.index(b.threshold.component))
    )


def highest_level(found: Sequence[Breach]) -> str | None:
    return found[0].threshold.level if found else None


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def summary(reading_type: str, value: float, value2: float | None, found: Sequence[Breach]) -> str:
    """E.g. "BP 182/95 above red level 180 systolic"."""
    kind = reading_kind(reading_type)
    shown = _show(value) if value2 is None else f"{_show(value)}/{_show(value2)}"
    unit = "" if kind.has_value2 or kind.unit in {"score", "steps"} else f" {kind.unit}"
    parts = []
    for breach in found:
        t = breach.threshold
        name = f" {t.component}" if kind.has_value2 else ""
        parts.append(f"{t.comparison} {t.level} level {_show(t.value)}{name}")
    return f"{SHORT_NAMES.get(reading_type, kind.label)} {shown}{unit} {'; '.join(parts)}"


def check_new_threshold(new: Threshold, live: Iterable[Threshold]) -> None:
    """Raise InvalidField naming what is wrong with NEW among the patient's LIVE levels.

    The value must be possible for that reading (inside its plausible range), and red must
    lie beyond amber on the same side: a red "above" level below the amber one would make
    the more urgent alert the less extreme reading.
    """
    kind = reading_kind(new.reading_type)
    allowed = components(kind)
    if new.component not in allowed:
        raise InvalidField(
            "component", f"{new.reading_type} has {' and '.join(allowed)}, not {new.component!r}"
        )
    low, high = (
        (kind.minimum, kind.maximum)
        if new.component == allowed[0]
        else (kind.minimum2, kind.maximum2)
    )
    assert low is not None and high is not None
    if not math.isfinite(new.value) or not low <= new.value <= high:
        raise InvalidField(
            "value",
            f"{_show(new.value) if math.isfinite(new.value) else new.value} is outside the "
            f"plausible range for {new.reading_type} {new.component} "
            f"({_show(low)}–{_show(high)} {kind.unit})",
        )
    for other in live:
        if (other.reading_type, other.component, other.comparison) != (
            new.reading_type,
            new.component,
            new.comparison,
        ) or other.level == new.level:
            continue
        red, amber = (new, other) if new.level == "red" else (other, new)
        beyond = red.value >= amber.value if new.comparison == "above" else red.value <= amber.value
        if not beyond:
            side = "at or above" if new.comparison == "above" else "at or below"
            raise InvalidField(
                "value",
                f"the red level must be {side} the amber level ({_show(amber.value)}) "
                f"for {new.reading_type} {new.component} {new.comparison}",
            )
