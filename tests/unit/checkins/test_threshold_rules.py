"""Alert levels: which a reading crosses, how it reads, and which levels are refused (H-072)."""

import pytest

from careplan.checkins.thresholds_rules import (
    Threshold,
    breaches,
    check_new_threshold,
    highest_level,
    summary,
)
from careplan.errors import InvalidField


def level(component, level_name, comparison, value, reading_type="blood_pressure"):
    return Threshold(
        f"{component}-{level_name}-{comparison}",
        reading_type,
        component,
        level_name,
        comparison,
        value,
    )


BP_LEVELS = [
    level("systolic", "amber", "above", 160),
    level("systolic", "red", "above", 180),
    level("diastolic", "amber", "above", 100),
    level("systolic", "red", "below", 90),
]


def test_the_highest_level_crossed_decides():
    found = breaches("blood_pressure", 182, 95, BP_LEVELS)
    assert highest_level(found) == "red"
    assert [b.threshold.id for b in found] == ["systolic-red-above", "systolic-amber-above"]
    assert summary("blood_pressure", 182, 95, found[:1]) == "BP 182/95 above red level 180 systolic"


def test_amber_only():
    found = breaches("blood_pressure", 165, 104, BP_LEVELS)
    assert highest_level(found) == "amber"
    assert summary("blood_pressure", 165, 104, found) == (
        "BP 165/104 above amber level 160 systolic; above amber level 100 diastolic"
    )


def test_above_and_below_are_strict():
    assert breaches("blood_pressure", 180, 80, BP_LEVELS)[0].threshold.level == "amber"
    assert breaches("blood_pressure", 160, 80, BP_LEVELS) == []
    assert breaches("blood_pressure", 90, 60, BP_LEVELS) == []
    assert highest_level(breaches("blood_pressure", 89, 60, BP_LEVELS)) == "red"


def test_nothing_crossed_and_other_types_ignored():
    assert highest_level(breaches("blood_pressure", 130, 80, BP_LEVELS)) is None
    glucose = [level("value", "red", "below", 3.5, "glucose")]
    assert breaches("blood_pressure", 130, 80, glucose) == []
    low = breaches("glucose", 2.9, None, glucose)
    assert summary("glucose", 2.9, None, low) == "Glucose 2.9 mmol/L below red level 3.5"


def test_a_new_level_must_be_a_real_component_in_range():
    with pytest.raises(InvalidField, match="systolic and diastolic"):
        check_new_threshold(level("value", "red", "above", 180), [])
    with pytest.raises(InvalidField, match="component"):
        check_new_threshold(level("systolic", "red", "above", 7, "glucose"), [])
    with pytest.raises(InvalidField, match="plausible range"):
        check_new_threshold(level("diastolic", "red", "above", 200), [])
    with pytest.raises(InvalidField, match="plausible range"):
        check_new_threshold(level("value", "red", "above", float("inf"), "glucose"), [])
    check_new_threshold(level("diastolic", "red", "above", 120), [])


def test_red_must_lie_beyond_amber():
    with pytest.raises(InvalidField, match="at or above the amber level"):
        check_new_threshold(level("systolic", "red", "above", 150), BP_LEVELS)
    with pytest.raises(InvalidField, match="at or below the amber level"):
        check_new_threshold(
            level("value", "red", "below", 4.0, "glucose"),
            [level("value", "amber", "below", 3.8, "glucose")],
        )
    check_new_threshold(level("systolic", "amber", "above", 170), BP_LEVELS)
    check_new_threshold(level("systolic", "red", "above", 190), BP_LEVELS)  # replaces 180
