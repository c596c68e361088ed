"""Numbers in replies: readings ("BP 140/90", "glucose 7,4"), numbers in a range, scales
("three", "3/5"). One number where one is asked for, in the unit asked for, inside the
catalogue's plausible range; anything else is Unclear."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from careplan.careplans.readings.catalogue import (
    EARLIEST_TAKEN_AT_MS,
    READING_TYPES,
    ReadingKind,
    checked_reading,
)
from careplan.careplans.readings.schemas import ReadingCreate
from careplan.checkins.parse_words import (
    FILLER,
    Answer,
    Parsed,
    Unclear,
    fold_text,
    is_unsure,
    words_of,
)
from careplan.errors import InvalidField

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_BARE_POINT = re.compile(r"(?:^|\s)[.,]\d")  # ".5": a digit may be missing, so never read

# --- numbers -------------------------------------------------------------------------------

_NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten".split()  # noqa: SIM905
    )
}


def _number(token: str, whole: bool) -> float | None:
    """The value of a number as people write it, or None when it could mean two things.

    "7,4" is 7.4; "7,400" is 7400 where only whole numbers make sense (steps) and unclear
    elsewhere, since it may be a thousands separator or a decimal comma.
    """
    if token.isdigit():
        return float(token)
    groups = re.split(r"[.,]", token)
    separators = re.findall(r"[.,]", token)
    if len(groups) == 2 and separators == ["."]:
        return float(token)
    if len(groups) == 2 and len(groups[1]) != 3:
        return float(".".join(groups))  # a decimal comma
    if whole and set(separators) == {","} and all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    return None


def _single_number(folded: str, whole: bool) -> tuple[float, str] | Unclear:
    """The one number in the reply (digits, or a number word alone) and the rest of it."""
    tokens = _NUMBER.findall(folded)
    if _BARE_POINT.search(folded):
        return Unclear("a number starts with a point")
    if len(tokens) > 1:
        return Unclear("more than one number")
    if tokens:
        value = _number(tokens[0], whole)
        if value is None:
            return Unclear(f"{tokens[0]} could be read two ways")
        return value, _NUMBER.sub(" ", folded, count=1)
    words = [w for w in words_of(folded) if w not in FILLER]
    if len(words) == 1 and words[0] in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[words[0]]), ""
    return Unclear("no number")


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# --- readings ------------------------------------------------------------------------------

_TYPE_WORDS = {
    "blood_pressure": {"bp", "blood", "pressure", "mmhg", "mm", "hg"},
    "glucose": {"glucose", "sugar", "sugars", "blood", "bg", "bm", "mmol", "mmoll", "l"},
    "weight": {"weight", "weigh", "weighed", "kg", "kgs", "kilo", "kilos", "kilograms"},
    "peak_flow": {"peak", "flow", "pf", "pef", "l", "min", "lmin", "litres", "liters"},
    "spo2": {"sats", "sat", "saturation", "saturations", "oxygen", "o2", "%", "percent"},
    "steps": {"steps", "step"},
    "mood": {"mood", "score"},
    "symptom_score": {"symptom", "symptoms", "score"},
}
_FOREIGN_UNITS = {"mg", "dl", "mgdl", "lb", "lbs", "pound", "pounds", "stone", "st", "kpa", "oz"}
_BLOOD_PRESSURE = re.compile(
    r"(?<![0-9])(?<![0-9][.,])(\d{2,3})\s*(?:/|\\|over)\s*(\d{2,3})(?![0-9]|[.,][0-9])"
)


def _other_types_words(reading_type: str) -> set[str]:
    mine = _TYPE_WORDS[reading_type]
    others = {w for name, words in _TYPE_WORDS.items() if name != reading_type for w in words}
    return (others | _FOREIGN_UNITS) - mine


def _rest_of_reading(rest: str, reading_type: str) -> Unclear | bool:
    """Unclear if the rest names another type or unit; else whether it says anything more."""
    words = words_of(rest)
    foreign = sorted(set(words) & _other_types_words(reading_type))
    if foreign:
        return Unclear(f"mentions {', '.join(foreign)}")
    return any(w not in FILLER and w not in _TYPE_WORDS[reading_type] for w in words)


def _in_range(kind: ReadingKind, value: float, value2: float | None) -> Unclear | None:
    """The catalogue's own plausibility checks (the same ones a typed reading passes).

    The reply's time is not being checked here, so any valid instant stands in for it.
    """
    probe = ReadingCreate(
        id="reply-check",
        reading_type=kind.reading_type,
        value=value,
        unit=kind.unit,
        value2=value2,
        taken_at=EARLIEST_TAKEN_AT_MS,
    )
    try:
        checked_reading(probe, EARLIEST_TAKEN_AT_MS)
    except InvalidField as exc:
        return Unclear(exc.detail)
    return None


def parse_reading(text: str, reading_type: str) -> Parsed:
    kind = READING_TYPES.get(reading_type)
    if kind is None:
        return Unclear(f"unknown reading type {reading_type!r}")
    folded = fold_text(text)
    if is_unsure(folded):
        return Unclear("unsure")
    if kind.has_value2:
        pairs = _BLOOD_PRESSURE.findall(folded)
        rest = _BLOOD_PRESSURE.sub(" ", folded)
        if len(pairs) != 1 or _NUMBER.search(rest):
            return Unclear("not one blood pressure like 140/90")
        value, value2 = float(pairs[0][0]), float(pairs[0][1])
    else:
        found = _single_number(folded, kind.whole_numbers)
        if isinstance(found, Unclear):
            return found
        (value, rest), value2 = found, None
    more = _rest_of_reading(rest, reading_type)
    if isinstance(more, Unclear):
        return more
    problem = _in_range(kind, value, value2)
    if problem is not None:
        return problem
    shown = _show(value) if value2 is None else f"{_show(value)}/{_show(value2)}"
    return Answer(text=shown, value=value, value2=value2, more=more)


# --- numbers and scales --------------------------------------------------------------------


def bounds(options: Mapping[str, Any], low: float, high: float) -> tuple[float, float]:
    """The schedule's min and max (stored as null when not set), else the defaults."""
    minimum, maximum = options.get("min"), options.get("max")
    return (
        low if minimum is None else float(minimum),
        high if maximum is None else float(maximum),
    )


def parse_number(text: str, minimum: float, maximum: float, unit: str | None = None) -> Parsed:
    folded = fold_text(text)
    if is_unsure(folded):
        return Unclear("unsure")
    found = _single_number(folded, whole=False)
    if isinstance(found, Unclear):
        return found
    value, rest = found
    if not math.isfinite(value) or not minimum <= value <= maximum:
        return Unclear(f"{_show(value)} is outside {_show(minimum)}–{_show(maximum)}")
    unit_words = set(words_of(fold_text(unit or "")))
    more = any(w not in FILLER and w not in unit_words for w in words_of(rest))
    return Answer(text=_show(value), value=value, more=more)


_OUT_OF = re.compile(r"^\s*(\d+)\s*(?:/|out of)\s*(\d+)")


def parse_scale(text: str, minimum: int, maximum: int) -> Parsed:
    """A whole number from minimum to maximum; "3/5" and "3 out of 5" when 5 is the top."""
    folded = fold_text(text)
    scored = _OUT_OF.match(folded)
    if scored and int(scored[2]) == maximum:
        folded = f"{scored[1]} {folded[scored.end() :]}"
    parsed = parse_number(folded, minimum, maximum)
    if isinstance(parsed, Answer) and not float(parsed.value or 0).is_integer():
        return Unclear(f"{parsed.text} is not a whole number")
    return parsed
