"""The pure reading checks: one unit per type, plausible ranges (bounds included), times."""

from __future__ import annotations

import math

import pytest

from careplan.careplans.readings.catalogue import (
    EARLIEST_TAKEN_AT_MS,
    FUTURE_TOLERANCE_MS,
    READING_TYPES,
    checked_reading,
)
from careplan.careplans.readings.schemas import ReadingCreate
from careplan.careplans.readings.service import DAY_MS, day_runs
from careplan.errors import InvalidField

NOW = 1_795_341_600_000  # 2026-11-22T10:00:00Z
HOUR_MS = 3_600_000


def reading(reading_type: str, value: float, unit: str, **fields) -> ReadingCreate:
    return ReadingCreate(
        id="reading-1", reading_type=reading_type, value=value, unit=unit, **fields
    )


def refusal(data: ReadingCreate) -> tuple[str, str]:
    with pytest.raises(InvalidField) as caught:
        checked_reading(data, NOW)
    problem = caught.value.extra[0]
    return problem["key"], caught.value.detail


BOUNDS = [
    ("glucose", "mmol/L", 1.0, 35.0),
    ("weight", "kg", 20, 350),
    ("peak_flow", "L/min", 50, 900),
    ("spo2", "%", 50, 100),
    ("steps", "steps", 0, 100_000),
    ("mood", "score", 0, 10),
    ("symptom_score", "score", 0, 10),
]


@pytest.mark.parametrize(("reading_type", "unit", "low", "high"), BOUNDS)
def test_bounds_are_accepted_and_just_beyond_them_refused(reading_type, unit, low, high):
    for value in (low, high):
        assert checked_reading(reading(reading_type, value, unit), NOW).value == value
    step = 0.1 if reading_type == "glucose" else 1
    for value, side in ((low - step, "below"), (high + step, "above")):
        field, detail = refusal(reading(reading_type, value, unit))
        assert field == "value", side
        assert f"outside the plausible range for {reading_type} " in detail
        assert f"{unit})" in detail


def test_blood_pressure_bounds_on_both_values():
    ok = checked_reading(reading("blood_pressure", 260, "mmHg", value2=160), NOW)
    assert (ok.value, ok.value2) == (260, 160)
    ok = checked_reading(reading("blood_pressure", 50, "mmHg", value2=30), NOW)
    assert (ok.value, ok.value2) == (50, 30)
    assert refusal(reading("blood_pressure", 300, "mmHg", value2=80)) == (
        "value",
        "value: 300 is outside the plausible range for blood_pressure systolic (50–260 mmHg)",
    )
    assert refusal(reading("blood_pressure", 49, "mmHg", value2=40))[0] == "value"
    assert refusal(reading("blood_pressure", 200, "mmHg", value2=161)) == (
        "value2",
        "value2: 161 is outside the plausible range for blood_pressure diastolic (30–160 mmHg)",
    )
    assert refusal(reading("blood_pressure", 120, "mmHg", value2=29))[0] == "value2"


def test_blood_pressure_needs_a_lower_diastolic():
    assert refusal(reading("blood_pressure", 120, "mmHg")) == (
        "value2",
        "value2: blood_pressure needs the diastolic value in value2",
    )
    field, detail = refusal(reading("blood_pressure", 110, "mmHg", value2=110))
    assert field == "value2" and "diastolic 110 must be lower than systolic 110" in detail
    assert refusal(reading("blood_pressure", 90, "mmHg", value2=120))[0] == "value2"


def test_only_blood_pressure_takes_a_second_value():
    field, detail = refusal(reading("glucose", 6.2, "mmol/L", value2=3))
    assert field == "value2" and "leave it out for glucose" in detail


@pytest.mark.parametrize(
    ("reading_type", "unit", "wrong"),
    [
        ("blood_pressure", "mmHg", "kPa"),
        ("glucose", "mmol/L", "mg/dL"),
        ("glucose", "mmol/L", "mmol/l"),
        ("weight", "kg", "lb"),
        ("spo2", "%", "percent"),
    ],
)
def test_each_type_has_exactly_one_unit(reading_type, unit, wrong):
    value2 = {"value2": 80} if reading_type == "blood_pressure" else {}
    assert refusal(reading(reading_type, 95, wrong, **value2)) == (
        "unit",
        f"unit: {reading_type} is recorded in {unit}, not {wrong!r}",
    )


def test_unknown_type_lists_the_known_ones():
    field, detail = refusal(reading("cholesterol", 5, "mmol/L"))
    assert field == "reading_type"
    assert detail.startswith("reading_type: unknown type 'cholesterol'; known types: ")
    assert all(name in detail for name in READING_TYPES)


@pytest.mark.parametrize("reading_type", ["steps", "mood", "symptom_score"])
def test_counts_and_scores_are_whole_numbers(reading_type):
    unit = READING_TYPES[reading_type].unit
    field, detail = refusal(reading(reading_type, 5.5, unit))
    assert field == "value" and f"{reading_type} must be a whole number, not 5.5" in detail
    assert checked_reading(reading(reading_type, 5.0, unit), NOW).value == 5


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_refused(value):
    field, detail = refusal(reading("weight", value, "kg"))
    assert field == "value" and "finite" in detail
    field, _ = refusal(reading("blood_pressure", 120, "mmHg", value2=value))
    assert field == "value2"


def test_taken_at_defaults_to_now_and_is_bounded():
    assert checked_reading(reading("weight", 80, "kg"), NOW).taken_at == NOW
    latest = NOW + FUTURE_TOLERANCE_MS
    assert checked_reading(reading("weight", 80, "kg", taken_at=latest), NOW).taken_at == latest
    field, detail = refusal(reading("weight", 80, "kg", taken_at=latest + 1))
    assert field == "taken_at" and "future" in detail
    earliest = EARLIEST_TAKEN_AT_MS
    assert checked_reading(reading("weight", 80, "kg", taken_at=earliest), NOW).taken_at == earliest
    field, detail = refusal(reading("weight", 80, "kg", taken_at=earliest - 1))
    assert field == "taken_at" and "2000-01-01" in detail
    assert refusal(reading("weight", 80, "kg", taken_at=10**30))[0] == "taken_at"


def test_a_blank_note_is_no_note():
    assert checked_reading(reading("weight", 80, "kg", note="  "), NOW).note is None
    assert checked_reading(reading("weight", 80, "kg", note=" ok "), NOW).note == "ok"


def test_every_type_has_a_label_and_loinc_where_one_exists():
    codes = {name: kind.loinc for name, kind in READING_TYPES.items()}
    assert codes == {
        "blood_pressure": "85354-9",
        "glucose": "15074-8",
        "weight": "29463-7",
        "peak_flow": "19935-6",
        "spo2": "59408-5",
        "steps": "55423-8",
        "mood": None,
        "symptom_score": None,
    }
    bp = READING_TYPES["blood_pressure"]
    assert (bp.loinc_value, bp.loinc_value2) == ("8480-6", "8462-4")
    assert all(kind.label for kind in READING_TYPES.values())


def test_local_days_are_24_hours_except_when_the_clocks_change():
    # Europe/London: clocks go back at 01:00 UTC on 2026-10-25 (a 25-hour day).
    start = 1_792_713_600_000  # 2026-10-23T00:00:00Z (01:00 BST)
    runs = day_runs(start, start + 4 * DAY_MS, "Europe/London")
    assert [(run.day_ms // HOUR_MS, len(run.midnights)) for run in runs] == [
        (24, 2),
        (25, 1),
        (24, 2),  # the 26th and the 27th, the day END falls in
    ]
    assert runs[0].midnights[0] == start - HOUR_MS  # 2026-10-23 00:00 BST
    assert runs[2].midnights[0] == runs[1].midnights[0] + 25 * HOUR_MS
    assert runs[-1].stop > start + 4 * DAY_MS


def test_a_spring_forward_day_is_23_hours():
    start = 1_774_656_000_000  # 2026-03-28T00:00:00Z; clocks go forward on the 29th
    runs = day_runs(start, start + 2 * DAY_MS, "Europe/London")
    assert [run.day_ms // HOUR_MS for run in runs] == [24, 23, 24]
