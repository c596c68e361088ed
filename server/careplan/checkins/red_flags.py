"""Red-flag words: phrases in any reply or note that may mean an emergency.

Deliberately over-triggering (hazard log H-071): a phrase counts wherever it appears, negated
or not, so "no chest pain today" is flagged too. A needless urgent item costs a clinician a
minute; a missed "can't breathe" can cost a life, and negation in free text is easy to get
wrong ("not sure it's not chest pain"). Matching is on whole words after folding case, curly
apostrophes and punctuation, so "Can’t BREATHE!!" and "cant breathe" both match.
"""

from __future__ import annotations

import re

# name shown to clinicians -> phrases (apostrophes removed: "can't" is written "cant")
RED_FLAGS: dict[str, tuple[str, ...]] = {
    "chest pain": (
        "chest pain",
        "chest pains",
        "pain in my chest",
        "chest hurts",
        "chest is tight",
        "tight chest",
        "crushing chest",
        "heart attack",
    ),
    "cannot breathe": (
        "cant breathe",
        "can not breathe",
        "cannot breathe",
        "couldnt breathe",
        "unable to breathe",
        "struggling to breathe",
        "struggling for breath",
        "fighting for breath",
        "gasping for breath",
        "cant get my breath",
        "cant catch my breath",
        "not breathing",
        "stopped breathing",
    ),
    "suicidal thoughts": (
        "suicidal",
        "suicide",
        "want to die",
        "wanna die",
        "wish i was dead",
        "wish i were dead",
        "better off dead",
        "kill myself",
        "killing myself",
        "end my life",
        "end it all",
        "take my own life",
        "hurt myself",
        "harm myself",
        "self harm",
    ),
    "collapse": (
        "collapsed",
        "collapse",
        "unconscious",
        "passed out",
        "blacked out",
        "wont wake up",
        "cant wake",
        "unresponsive",
    ),
    "stroke signs": (
        "stroke",
        "face drooping",
        "face droop",
        "face is drooping",
        "drooping face",
        "droopy face",
        "slurred speech",
        "slurring",
        "speech is slurred",
        "cant lift my arm",
        "cant move my arm",
    ),
    "severe bleeding": (
        "severe bleeding",
        "bleeding heavily",
        "heavy bleeding",
        "bleeding badly",
        "wont stop bleeding",
        "bleeding wont stop",
        "lots of blood",
        "coughing up blood",
        "vomiting blood",
        "throwing up blood",
    ),
    "overdose": (
        "overdose",
        "overdosed",
        "taken too many",
        "took too many",
        "too many tablets",
        "too many pills",
    ),
    "seizure": ("seizure", "fitting"),
}

_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORDS = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, every other non-letter a single space, padded."""
    folded = _APOSTROPHES.sub("", text.casefold())
    return f" {_NOT_WORDS.sub(' ', folded).strip()} "


_PATTERNS = tuple(
    (name, tuple(f" {phrase} " for phrase in phrases)) for name, phrases in RED_FLAGS.items()
)


def red_flags(text: str) -> list[str]:
    """The names of the red flags in TEXT, in a fixed order; empty when there are none."""
    padded = normalise(text)
    return [name for name, phrases in _PATTERNS if any(p in padded for p in phrases)]
