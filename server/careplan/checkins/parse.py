"""Reading a reply by the kind of question it answers: forgiving in form, never guessing.

"BP 140/90", "140 over 90", "glucose 7,4", "Yes x", "done it", "three" are all read. What
could mean two things is Unclear, never a best guess (hazard log H-075): two numbers where
one is wanted, a unit or reading type other than the one asked for ("7.4 mg/dL", "BP" to a
glucose question), a value outside the plausible range, "yes and no", "7,400" for a glucose.
Words beyond the answer ("140/90, bit dizzy") keep the answer but set `more`, so a person
reads the rest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from careplan.checkins.parse_choices import parse_action_done, parse_yes_no
from careplan.checkins.parse_numbers import bounds, parse_number, parse_reading, parse_scale
from careplan.checkins.parse_words import Answer, Parsed, Unclear

__all__ = [
    "Answer",
    "Parsed",
    "Unclear",
    "parse_action_done",
    "parse_free_text",
    "parse_number",
    "parse_reading",
    "parse_reply",
    "parse_scale",
    "parse_yes_no",
]


def parse_free_text(text: str) -> Parsed:
    stripped = text.strip()
    return Answer(text=stripped) if stripped else Unclear("empty")


def parse_reply(kind: str, options: Mapping[str, Any], text: str) -> Parsed:
    """Read TEXT as the answer to a check-in of KIND with the schedule's OPTIONS."""
    if kind == "reading":
        return parse_reading(text, str(options.get("reading_type", "")))
    if kind == "number":
        minimum, maximum = bounds(options, -math.inf, math.inf)
        return parse_number(text, minimum, maximum, options.get("unit"))
    if kind == "scale":
        minimum, maximum = bounds(options, 0, 10)
        return parse_scale(text, int(minimum), int(maximum))
    if kind == "yes_no":
        return parse_yes_no(text)
    if kind == "action_done":
        return parse_action_done(text)
    if kind == "free_text":
        return parse_free_text(text)
    return Unclear(f"unknown kind {kind!r}")
