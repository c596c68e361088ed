"""Check-in texts: the question, then how to answer it; one text; never the patient's name."""

from __future__ import annotations

import pytest

from careplan.checkins.prompts import ONE_TEXT, checkin_text, reminder_text


@pytest.mark.parametrize(
    ("kind", "options", "ending"),
    [
        ("scale", {"min": 1, "max": 10}, "Reply with a number from 1 to 10."),
        ("scale", {}, "Reply with a number from 0 to 10."),
        ("number", {"min": 0.5, "max": 12}, "Reply with a number from 0.5 to 12."),
        ("number", {}, "Reply with a number."),
        ("yes_no", {}, "Reply YES or NO."),
        ("reading", {"reading_type": "blood_pressure"}, "Reply like BP 140/90."),
        ("reading", {"reading_type": "glucose"}, "blood glucose in mmol/L, like 6.5."),
        ("action_done", {"action_id": "a1"}, "Reply DONE or NOT TODAY."),
        ("free_text", {}, "Reply in a few words."),
    ],
)
def test_each_kind_says_how_to_answer(kind, options, ending):
    text = checkin_text(kind, "How are you today?", options, "Riverside Surgery")

    assert text.startswith("Riverside Surgery: How are you today? ")
    assert text.endswith(ending)
    assert len(text) <= ONE_TEXT


def test_the_practice_name_is_dropped_rather_than_split_the_text():
    question = "Q" * 130 + "?"
    assert (
        checkin_text("yes_no", question, {}, "Riverside Surgery") == f"{question} Reply YES or NO."
    )


def test_a_reminder_says_so():
    text = reminder_text("yes_no", "Did you sleep well?", {}, "Riverside")
    assert text == "Riverside: Reminder: Did you sleep well? Reply YES or NO."
