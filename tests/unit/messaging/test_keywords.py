"""STOP / START / HELP are whole messages, whatever the case, spacing or punctuation (H-070)."""

import pytest

from careplan.messaging.keywords import Keyword, keyword_in, keyword_of


@pytest.mark.parametrize("word", ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"])
def test_every_opt_out_word_is_stop(word):
    assert keyword_in(word) is Keyword.STOP


@pytest.mark.parametrize("body", ["stop", " Stop. ", "STOP!!", "stop all", "Quit\n", "‘end’"])
def test_case_spaces_and_punctuation_do_not_matter(body):
    assert keyword_in(body) is Keyword.STOP


@pytest.mark.parametrize(
    ("body", "keyword"),
    [
        ("START", Keyword.START),
        ("unstop", Keyword.START),
        ("Yes", Keyword.YES),
        ("y e s!", Keyword.YES),
        ("HELP", Keyword.HELP),
        ("help?", Keyword.HELP),
        ("info", Keyword.HELP),
    ],
)
def test_start_yes_and_help(body, keyword):
    assert keyword_in(body) is keyword


@pytest.mark.parametrize(
    "body",
    ["stop texting me", "please stop", "I need help", "yes please", "ended up walking", "", "7.4"],
)
def test_a_keyword_inside_a_longer_message_is_not_one(body):
    assert keyword_in(body) is None


@pytest.mark.parametrize(
    ("body", "opt_out_type", "keyword"),
    [
        ("STOP", None, Keyword.STOP),
        ("STOP", "STOP", Keyword.STOP),
        ("Arret", "STOP", Keyword.STOP),  # a custom Advanced Opt-Out word: Twilio knows
        ("yes", "START", Keyword.START),  # Twilio decided it opts in
        ("HELP", "help", Keyword.HELP),
        ("stop", "", Keyword.STOP),
        ("hello", "SOMETHING_NEW", None),  # an unknown type: our own match decides
        ("STOP", "SOMETHING_NEW", Keyword.STOP),
    ],
)
def test_opt_out_type_is_honoured_and_its_absence_changes_nothing(body, opt_out_type, keyword):
    assert keyword_of(body, opt_out_type) is keyword
