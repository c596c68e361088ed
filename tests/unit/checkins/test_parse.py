"""Replies are read forgivingly, but anything that could mean two things is Unclear (H-075)."""

import pytest

from careplan.checkins.parse import (
    Answer,
    Unclear,
    parse_action_done,
    parse_free_text,
    parse_number,
    parse_reading,
    parse_reply,
    parse_scale,
    parse_yes_no,
)


@pytest.mark.parametrize(
    "text",
    [
        "BP 140/90",
        "140/90",
        "140 over 90",
        "bp: 140 / 90 thanks",
        "Blood pressure 140/90 mmHg",
        "140/90.",
    ],
)
def test_blood_pressure_in_the_usual_ways(text):
    assert parse_reading(text, "blood_pressure") == Answer("140/90", value=140, value2=90)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("glucose 7.4", 7.4),
        ("7.4", 7.4),
        ("7,4", 7.4),  # a decimal comma
        ("Sugar 7.4 mmol/L", 7.4),
        ("12", 12.0),
    ],
)
def test_glucose_in_the_usual_ways(text, value):
    assert parse_reading(text, "glucose") == Answer(str(value).removesuffix(".0"), value=value)


def test_thousands_are_read_only_where_only_whole_numbers_make_sense():
    assert parse_reading("12,500 steps", "steps") == Answer("12500", value=12500)
    assert isinstance(parse_reading("7,400", "glucose"), Unclear)


def test_sats_and_weight():
    assert parse_reading("SpO2 95%", "spo2") == Answer("95", value=95)
    assert parse_reading("sats 95", "spo2") == Answer("95", value=95)
    assert parse_reading("weight 81.5kg", "weight") == Answer("81.5", value=81.5)


@pytest.mark.parametrize(
    ("text", "reading_type"),
    [
        ("140/90 and 150/95", "blood_pressure"),  # two readings
        ("140", "blood_pressure"),  # half a blood pressure
        ("90/140", "blood_pressure"),  # the wrong way round
        ("1400/90", "blood_pressure"),
        ("140-90", "blood_pressure"),  # a range or a reading?
        ("300/90", "blood_pressure"),  # outside the plausible range
        ("7.4 mg/dL", "glucose"),  # another unit: never converted
        ("BP 7.4", "glucose"),  # another reading type
        ("7.4 at 8am", "glucose"),  # two numbers
        (".5", "glucose"),  # a digit may be missing
        ("140 mg/dl", "glucose"),
        ("not sure, maybe 7", "glucose"),
        ("180 lbs", "weight"),
        ("99", "glucose"),  # outside the plausible range
        ("hello", "glucose"),
        ("7.5", "steps"),  # steps are whole
        ("7.4", "made_up"),
    ],
)
def test_readings_that_could_be_misread_are_unclear(text, reading_type):
    assert isinstance(parse_reading(text, reading_type), Unclear)


def test_words_beyond_the_reading_keep_it_and_ask_a_person_to_read_them():
    assert parse_reading("140/90, bit dizzy today", "blood_pressure") == Answer(
        "140/90", value=140, value2=90, more=True
    )
    assert parse_reading("glucose 7.4 thanks", "glucose").more is False


@pytest.mark.parametrize(
    "text", ["yes", "Y", "yeah", "Yep", "Yes x", "YES!", "yes thanks", "I did"]
)
def test_yes(text):
    assert parse_yes_no(text) == Answer("yes")


@pytest.mark.parametrize("text", ["no", "N", "nope", "No.", "nah", "not really", "no thanks"])
def test_no(text):
    assert parse_yes_no(text) == Answer("no")


@pytest.mark.parametrize(
    "text", ["yes and no", "yes, no wait", "not sure", "no idea", "maybe", "ok", "", "3"]
)
def test_yes_no_never_guesses(text):
    assert isinstance(parse_yes_no(text), Unclear)


def test_yes_with_more_to_say():
    assert parse_yes_no("Yes, but my ankles are swollen") == Answer("yes", more=True)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("done", "done"),
        ("Did it", "done"),
        ("done it!", "done"),
        ("yes", "done"),
        ("partly", "partly"),
        ("half done", "partly"),
        ("not today", "not_today"),
        ("Not today thanks", "not_today"),
        ("no", "not_today"),
        ("skipped", "not_today"),
    ],
)
def test_action_done(text, outcome):
    assert parse_action_done(text) == Answer(outcome, outcome=outcome)


@pytest.mark.parametrize("text", ["done, not really", "no, done", "sort of done? no", "walked"])
def test_action_done_never_guesses(text):
    assert isinstance(parse_action_done(text), Unclear)


@pytest.mark.parametrize("text", ["3", "three", "Three.", "a three", "3/5", "3 out of 5", "3 x"])
def test_scale(text):
    assert parse_scale(text, 1, 5) == Answer("3", value=3)


@pytest.mark.parametrize("text", ["3.5", "6", "0", "3/10", "2 or 3", "no one", "three or four"])
def test_scale_never_guesses(text):
    assert isinstance(parse_scale(text, 1, 5), Unclear)


def test_number_in_range():
    assert parse_number("8 hours", 0, 24, "hours") == Answer("8", value=8)
    assert parse_number("7,5", 0, 24) == Answer("7.5", value=7.5)
    assert isinstance(parse_number("25", 0, 24), Unclear)
    assert parse_number("8 hours, woke twice", 0, 24, "hours").more is True


def test_free_text_is_any_words():
    assert parse_free_text("  Feeling a bit better  ") == Answer("Feeling a bit better")
    assert isinstance(parse_free_text("   "), Unclear)


def test_parse_reply_uses_the_schedules_options():
    assert parse_reply("reading", {"reading_type": "glucose"}, "7.4") == Answer("7.4", value=7.4)
    assert parse_reply("scale", {"min": 0, "max": 10, "unit": None}, "7") == Answer("7", value=7)
    assert parse_reply("scale", {"min": None, "max": None}, "10") == Answer("10", value=10)
    assert isinstance(parse_reply("number", {"min": 1, "max": 5}, "6"), Unclear)
    assert parse_reply("yes_no", {}, "y") == Answer("yes")
    assert parse_reply("action_done", {"action_id": "a"}, "done") == Answer("done", outcome="done")
    assert parse_reply("free_text", {}, "fine") == Answer("fine")
    assert isinstance(parse_reply("reading", {}, "7.4"), Unclear)
    assert isinstance(parse_reply("unknown", {}, "7.4"), Unclear)
