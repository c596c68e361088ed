"""How a check-in text reads: the question, then how to answer it, in plain words.

One text (160 GSM characters) whenever the question allows. The practice name opens the
text when it fits, so people know who is asking; the patient's name never appears (a
shared or borrowed phone must not learn whose care this is) except in a check-in sent to the
carer the patient chose, who must know whom it is about: their given name only ("Check-in
for Alice: ...").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careplan.checkins.reply_texts import reading_name_and_example

ONE_TEXT = 160


def _number(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def how_to_answer(kind: str, options: Mapping[str, Any], whose: str = "your") -> str:
    """The instruction that follows the question, matching what the reply parser reads.
    WHOSE is "their" in a text to a carer."""
    if kind == "yes_no":
        return "Reply YES or NO."
    if kind == "action_done":
        return "Reply DONE or NOT TODAY."
    if kind in {"number", "scale"}:
        low, high = options.get("min"), options.get("max")
        if kind == "scale":
            low, high = 0 if low is None else low, 10 if high is None else high
        if low is None or high is None:
            return "Reply with a number."
        return f"Reply with a number from {_number(low)} to {_number(high)}."
    if kind == "reading":
        reading_type = str(options.get("reading_type", ""))
        if reading_type == "blood_pressure":
            return "Reply like BP 140/90."
        name, example = reading_name_and_example(reading_type)
        return f"Reply with {whose} {name}, like {example}."
    return "Reply in a few words."


def checkin_text(
    kind: str,
    question: str,
    options: Mapping[str, Any],
    practice: str | None = None,
    about: str | None = None,
) -> str:
    """ABOUT: the patient's given name, when the text goes to their carer."""
    opening = f"Check-in for {about}: " if about else ""
    return _signed(f"{opening}{_asked(kind, question, options, about)}", practice)


def reminder_text(
    kind: str,
    question: str,
    options: Mapping[str, Any],
    practice: str | None = None,
    about: str | None = None,
) -> str:
    opening = f"Reminder for {about}: " if about else "Reminder: "
    return _signed(f"{opening}{_asked(kind, question, options, about)}", practice)


def _asked(kind: str, question: str, options: Mapping[str, Any], about: str | None) -> str:
    return f"{question.strip()} {how_to_answer(kind, options, 'their' if about else 'your')}"


def _signed(text: str, practice: str | None) -> str:
    if practice:
        signed = f"{practice}: {text}"
        if len(signed) <= ONE_TEXT:
            return signed
    return text
