"""Choices in replies: yes / no, and done / partly / not today. The reply must start with one
of the expected phrases; words after it that contradict it ("yes, no wait") make it Unclear."""

from __future__ import annotations

from dataclasses import dataclass

from careplan.checkins.parse_words import (
    CLAUSE_BREAK,
    Answer,
    Parsed,
    Unclear,
    as_phrase,
    fold_text,
    is_unsure,
    words_of,
)


@dataclass(frozen=True, slots=True)
class _Choice:
    answer: str
    phrases: frozenset[str]
    conflicts: frozenset[str]  # words that contradict this answer if they follow it


def _choose(text: str, choices: tuple[_Choice, ...]) -> tuple[_Choice, bool] | Unclear:
    """The choice the reply starts with, and whether it says more; Unclear if it says two."""
    folded = fold_text(text)
    if is_unsure(folded):
        return Unclear("unsure")
    whole = as_phrase(folded)
    for choice in choices:
        if whole in choice.phrases:
            return choice, False
    first, *rest = [part for part in CLAUSE_BREAK.split(folded) if part.strip()] or [""]
    for choice in choices:
        if as_phrase(first) in choice.phrases:
            later = {w for part in rest for w in words_of(part)}
            if later & choice.conflicts:
                return Unclear("says two things")
            return choice, True
    return Unclear("not one of the expected answers")


def _answer_from(chosen: tuple[_Choice, bool] | Unclear, outcome: bool) -> Parsed:
    if isinstance(chosen, Unclear):
        return chosen
    choice, more = chosen
    return Answer(text=choice.answer, outcome=choice.answer if outcome else None, more=more)


_NEGATIONS = frozenset({"no", "not", "nope", "nah", "didnt", "dont", "havent", "never", "n"})
_AFFIRMATIONS = frozenset({"yes", "yeah", "yep", "yup", "y", "did", "done"})

_YES_NO = (
    _Choice(
        "yes",
        frozenset(
            {
                "yes",
                "y",
                "yeah",
                "yea",
                "yep",
                "yup",
                "ye",
                "yes i did",
                "yes i have",
                "i did",
                "i have",
                "yes done",
                "definitely",
                "absolutely",
                "correct",
            }
        ),  # fmt: skip
        _NEGATIONS,
    ),
    _Choice(
        "no",
        frozenset(
            {
                "no",
                "n",
                "nope",
                "nah",
                "no i didnt",
                "no i havent",
                "i didnt",
                "i havent",
                "no i did not",
                "i did not",
                "i have not",
                "not really",
                "no not really",
            }
        ),  # fmt: skip
        _AFFIRMATIONS,
    ),
)

_ACTION = (
    _Choice(
        "done",
        frozenset(
            {
                "done",
                "did it",
                "done it",
                "i did it",
                "i did",
                "yes",
                "y",
                "yeah",
                "yep",
                "yup",
                "yes done",
                "yes i did",
                "all done",
                "completed",
                "complete",
                "finished",
                "did",
            }
        ),  # fmt: skip
        _NEGATIONS | {"partly", "partially", "half", "some", "skipped", "missed"},
    ),
    _Choice(
        "partly",
        frozenset(
            {
                "partly",
                "partially",
                "partly done",
                "half",
                "half done",
                "some",
                "some of it",
                "part of it",
                "a bit",
                "a little",
                "sort of",
                "kind of",
            }
        ),  # fmt: skip
        _NEGATIONS | {"done", "all", "yes"},
    ),
    _Choice(
        "not_today",
        frozenset(
            {
                "not today",
                "no",
                "n",
                "nope",
                "not done",
                "didnt",
                "didnt do it",
                "i didnt",
                "did not",
                "i did not",
                "no not today",
                "skipped",
                "missed",
                "missed it",
                "not yet",
                "no i didnt",
            }
        ),  # fmt: skip
        _AFFIRMATIONS | {"partly", "half"},
    ),
)


def parse_yes_no(text: str) -> Parsed:
    return _answer_from(_choose(text, _YES_NO), outcome=False)


def parse_action_done(text: str) -> Parsed:
    """done / partly / not_today, as action logs record them."""
    return _answer_from(_choose(text, _ACTION), outcome=True)
