"""The words of a reply, folded the same way for every kind of answer, and what a parser
returns: an Answer, or Unclear with the reason (never a guess)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Answer:
    text: str  # the canonical answer stored on the check-in: "140/90", "yes", "3", "done"
    value: float | None = None
    value2: float | None = None
    outcome: str | None = None  # action_done: done | partly | not_today
    more: bool = False  # the reply says more than the answer: a person should read it


@dataclass(frozen=True, slots=True)
class Unclear:
    reason: str


Parsed = Answer | Unclear

_APOSTROPHES = re.compile(r"['’‘`´]")
_WORD = re.compile(r"[a-z][a-z0-9]*|%")
CLAUSE_BREAK = re.compile(r"[,.;:!?\n]+|\s-\s|\bbut\b|\bthough\b")
_ALIASES = re.compile(r"\b(spo2|o2)\b")  # names with a digit, kept apart from the numbers
POLITE = frozenset(
    {"thanks", "thank", "you", "thx", "ta", "please", "cheers", "x", "xx", "xxx", "ok", "okay"}
)
FILLER = POLITE | {
    "a", "am", "an", "is", "it", "its", "was", "my", "i", "im", "me", "the", "this", "today",
    "morning", "evening", "tonight", "now", "reading", "result", "level", "about", "of",
}  # fmt: skip
_UNSURE = ("not sure", "maybe", "unsure", "perhaps", "dunno", "dont know", "no idea", "idk")


def fold_text(text: str) -> str:
    """Case folded and apostrophes dropped ("can't" is "cant"); SpO2 and O2 named in words."""
    folded = _APOSTROPHES.sub("", text.casefold()).strip()
    return _ALIASES.sub(lambda m: "sats" if m[1] == "spo2" else "oxygen", folded)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def as_phrase(text: str) -> str:
    """Words only, single-spaced, polite words and kisses dropped from the ends."""
    words = words_of(text)
    while words and words[-1] in POLITE:
        words.pop()
    while words and words[0] in POLITE:
        words.pop(0)
    return " ".join(words)


def is_unsure(folded: str) -> bool:
    padded = f" {' '.join(words_of(folded))} "
    return any(f" {marker} " in padded for marker in _UNSURE)
