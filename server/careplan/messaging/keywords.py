"""STOP / START / HELP: the carrier keywords a text may be, matched the way Twilio matches them.

A keyword is the whole message (case, spaces and punctuation aside): "Stop." and " STOP ALL "
are keywords; "stop texting me" is not, and reaches a person as a reply instead. The same
rules apply whether or not Twilio sent `OptOutType` (it only does with Advanced Opt-Out), so
an opt-out is honoured on every kind of sending number.

YES is special: it opts back in only when the number is opted out; otherwise it is an answer
("Did you take your tablets?" "Yes"), so it is reported as its own keyword for the caller to
decide.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Keyword(StrEnum):
    STOP = "stop"
    START = "start"
    YES = "yes"  # START only when the number is opted out
    HELP = "help"


_WORDS = {
    **dict.fromkeys(("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"), Keyword.STOP),
    **dict.fromkeys(("START", "UNSTOP"), Keyword.START),
    "YES": Keyword.YES,
    **dict.fromkeys(("HELP", "INFO"), Keyword.HELP),
}
# Twilio's OptOutType values; a custom Advanced Opt-Out keyword arrives as one of these.
_OPT_OUT_TYPES = {"STOP": Keyword.STOP, "START": Keyword.START, "HELP": Keyword.HELP}
_NOT_LETTERS = re.compile(r"[\W_]+")


def keyword_in(body: str) -> Keyword | None:
    """The keyword this whole message is, or None."""
    return _WORDS.get(_NOT_LETTERS.sub("", body).upper())


def keyword_of(body: str, opt_out_type: str | None) -> Keyword | None:
    """Twilio's verdict when it gave one (it has already acted on it), else our own match."""
    if opt_out_type:
        told = _OPT_OUT_TYPES.get(opt_out_type.strip().upper())
        if told is not None:
            return told
    return keyword_in(body)
