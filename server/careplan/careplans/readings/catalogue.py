"""The reading types we accept and the pure checks that keep implausible readings out.

A reading a clinician trusts must be in the unit they expect and physiologically possible:
a glucose typed in mg/dL, or a pressure typed the wrong way round, would otherwise sit in a
trend chart looking real. Each type has exactly one unit, so nothing is ever converted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from careplan.careplans.readings.schemas import ReadingCreate, ReadingTypeInfo
from careplan.errors import InvalidField

FUTURE_TOLERANCE_MS = 5 * 60 * 1000  # phones' clocks drift; more than this is a typo
EARLIEST_TAKEN_AT_MS = 946_684_800_000  # 2000-01-01T00:00:00Z


@dataclass(frozen=True, slots=True)
class ReadingKind:
    """One reading type. `loinc` codes the observation; for blood pressure it is the panel
    and `loinc_value`/`loinc_value2` code the systolic/diastolic components (FHIR export)."""

    reading_type: str
    label: str
    unit: str
    ucum: str
    minimum: float
    maximum: float
    whole_numbers: bool = False
    value_name: str = ""  # how messages name `value` when there is a second value
    value2_name: str = ""
    minimum2: float | None = None
    maximum2: float | None = None
    loinc: str | None = None
    loinc_value: str | None = None
    loinc_value2: str | None = None

    @property
    def has_value2(self) -> bool:
        return self.minimum2 is not None

    def info(self) -> ReadingTypeInfo:
        return ReadingTypeInfo(
            reading_type=self.reading_type,  # type: ignore[arg-type]  # keys of READING_TYPES
            label=self.label,
            unit=self.unit,
            minimum=self.minimum,
            maximum=self.maximum,
            minimum2=self.minimum2,
            maximum2=self.maximum2,
            whole_numbers=self.whole_numbers,
        )


READING_TYPES: dict[str, ReadingKind] = {
    kind.reading_type: kind
    for kind in (
        ReadingKind(
            "blood_pressure",
            "Blood pressure",
            "mmHg",
            "mm[Hg]",
            50,
            260,
            value_name="systolic",
            value2_name="diastolic",
            minimum2=30,
            maximum2=160,
            loinc="85354-9",
            loinc_value="8480-6",
            loinc_value2="8462-4",
        ),
        ReadingKind("glucose", "Blood glucose", "mmol/L", "mmol/L", 1.0, 35.0, loinc="15074-8"),
        ReadingKind("weight", "Weight", "kg", "kg", 20, 350, loinc="29463-7"),
        ReadingKind("peak_flow", "Peak flow", "L/min", "L/min", 50, 900, loinc="19935-6"),
        ReadingKind("spo2", "Oxygen saturation (SpO2)", "%", "%", 50, 100, loinc="59408-5"),
        ReadingKind("steps", "Steps", "steps", "{steps}", 0, 100_000, True, loinc="55423-8"),
        ReadingKind("mood", "Mood", "score", "{score}", 0, 10, True),
        ReadingKind("symptom_score", "Symptom score", "score", "{score}", 0, 10, True),
    )
}


@dataclass(frozen=True, slots=True)
class CheckedReading:
    """A reading that passed every check, with its time filled in."""

    id: str
    reading_type: str
    value: float
    value2: float | None
    unit: str
    taken_at: int
    note: str | None


def reading_kind(reading_type: str) -> ReadingKind:
    kind = READING_TYPES.get(reading_type)
    if kind is None:
        known = ", ".join(READING_TYPES)
        raise InvalidField(
            "reading_type", f"unknown type {reading_type[:40]!r}; known types: {known}"
        )
    return kind


def checked_reading(data: ReadingCreate, now_ms: int) -> CheckedReading:
    """Raise InvalidField naming the first thing wrong, with the allowed unit or range."""
    kind = reading_kind(data.reading_type)
    if data.unit != kind.unit:
        raise InvalidField(
            "unit", f"{kind.reading_type} is recorded in {kind.unit}, not {data.unit[:16]!r}"
        )
    _check_value("value", data.value, kind, kind.value_name, kind.minimum, kind.maximum)
    if kind.has_value2:
        if data.value2 is None:
            raise InvalidField(
                "value2", f"{kind.reading_type} needs the {kind.value2_name} value in value2"
            )
        assert kind.minimum2 is not None and kind.maximum2 is not None
        _check_value("value2", data.value2, kind, kind.value2_name, kind.minimum2, kind.maximum2)
        if data.value2 >= data.value:
            raise InvalidField(
                "value2",
                f"{kind.value2_name} {_number(data.value2)} must be lower than "
                f"{kind.value_name} {_number(data.value)}",
            )
    elif data.value2 is not None:
        raise InvalidField(
            "value2",
            f"only blood_pressure takes a second value; leave it out for {kind.reading_type}",
        )
    taken_at = now_ms if data.taken_at is None else data.taken_at
    if taken_at > now_ms + FUTURE_TOLERANCE_MS:
        raise InvalidField("taken_at", "is more than 5 minutes in the future")
    if taken_at < EARLIEST_TAKEN_AT_MS:
        raise InvalidField("taken_at", "is before 2000-01-01 (epoch milliseconds, UTC)")
    note = data.note.strip() if data.note else None
    return CheckedReading(
        id=data.id,
        reading_type=kind.reading_type,
        value=float(data.value),
        value2=None if data.value2 is None else float(data.value2),
        unit=kind.unit,
        taken_at=taken_at,
        note=note or None,
    )


def _check_value(
    field: str, value: float, kind: ReadingKind, name: str, minimum: float, maximum: float
) -> None:
    what = f"{kind.reading_type} {name}".strip()
    if not math.isfinite(value):
        raise InvalidField(field, f"must be a finite number for {what}")
    if not minimum <= value <= maximum:
        raise InvalidField(
            field,
            f"{_number(value)} is outside the plausible range for {what} "
            f"({_number(minimum)}–{_number(maximum)} {kind.unit})",
        )
    if kind.whole_numbers and not float(value).is_integer():
        raise InvalidField(field, f"{what} must be a whole number, not {_number(value)}")


def _number(value: float) -> str:
    """300 rather than 300.0 in messages; other values as Python writes them."""
    if math.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return repr(float(value))
