"""Red-flag phrases are found in any wording, and over-triggering is deliberate (H-071)."""

import pytest

from careplan.checkins.red_flags import RED_FLAGS, red_flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I have chest pain", "chest pain"),
        ("CHEST PAINS since lunch", "chest pain"),
        ("I can't breathe", "cannot breathe"),
        ("I can’t breathe properly", "cannot breathe"),  # curly apostrophe
        ("cant breathe!!", "cannot breathe"),
        ("I cannot breathe", "cannot breathe"),
        ("struggling to breathe today", "cannot breathe"),
        ("feeling suicidal", "suicidal thoughts"),
        ("I want to die", "suicidal thoughts"),
        ("going to kill myself", "suicidal thoughts"),
        ("Dad collapsed in the kitchen", "collapse"),
        ("he is unconscious", "collapse"),
        ("her face drooping on one side", "stroke signs"),
        ("slurred speech this morning", "stroke signs"),
        ("I think it's a stroke", "stroke signs"),
        ("severe bleeding from my leg", "severe bleeding"),
        ("I took an overdose", "overdose"),
        ("took too many tablets", "overdose"),
    ],
)
def test_each_red_flag_is_found(text, flag):
    assert flag in red_flags(text)


def test_negated_phrases_still_flag_on_purpose():
    """We prefer over-triggering: "no chest pain" may be "no, chest pain", and a needless
    urgent item costs far less than a missed one (hazard log H-071)."""
    assert red_flags("no chest pain today") == ["chest pain"]
    assert red_flags("not suicidal, just tired") == ["suicidal thoughts"]


def test_several_flags_come_in_a_fixed_order():
    assert red_flags("can't breathe and chest pain") == ["chest pain", "cannot breathe"]


@pytest.mark.parametrize(
    "text",
    [
        "BP 140/90",
        "feeling fine",
        "chestnut pie for tea",  # whole words only
        "my breathing is better",
        "I stroked the cat",
        "walked to the shop, bleeding knees healed",
        "",
    ],
)
def test_ordinary_replies_do_not_flag(text):
    assert red_flags(text) == []


def test_every_phrase_is_written_as_normalised_text():
    """Phrases are matched after normalising, so one with an apostrophe would never match."""
    for phrases in RED_FLAGS.values():
        for phrase in phrases:
            assert phrase == phrase.lower() and "'" not in phrase and "  " not in phrase
