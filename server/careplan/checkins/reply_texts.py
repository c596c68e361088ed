"""What Careplan says back, in plain words and one text each (under 160 characters).

Kept together so the wording the hazard log relies on (the safety net, HELP, STOP) is in
one place and tested word for word.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SAFETY_NET = (
    "This service is not for emergencies. If you need help now call 999, or 111 for urgent advice."
)

_EXAMPLES = {
    "blood_pressure": "140/90",
    "glucose": "6.5",
    "weight": "80.5",
    "peak_flow": "400",
    "spo2": "96",
    "steps": "5000",
    "mood": "7",
    "symptom_score": "3",
}
_READING_NAMES = {
    "blood_pressure": "blood pressure",
    "glucose": "blood glucose in mmol/L",
    "weight": "weight in kg",
    "peak_flow": "peak flow in L/min",
    "spo2": "oxygen level (SpO2) in %",
    "steps": "steps",
    "mood": "mood score from 0 to 10",
    "symptom_score": "symptom score from 0 to 10",
}


def _sender(practice: str | None) -> str:
    return practice or "your care team"


def help_text(practice: str | None) -> str:
    return (
        f"Careplan: check-in texts from {_sender(practice)}. Reply STOP to stop them. "
        "Not for emergencies: call 999, or 111 for urgent advice."
    )


def opted_out_text(practice: str | None) -> str:
    return f"You will get no more texts from {_sender(practice)}. Reply START to get them again."


def opted_in_text(practice: str | None) -> str:
    return f"You will get texts from {_sender(practice)} again. Reply STOP to stop them."


def _number(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def reading_name_and_example(reading_type: str) -> tuple[str, str]:
    """How a text names a reading type, and a reply that would be read as one."""
    return _READING_NAMES.get(reading_type, "reading"), _EXAMPLES.get(reading_type, "6.5")


def clarify_text(kind: str, options: Mapping[str, Any]) -> str:
    """One clarifying question for a reply that could not be read (sent once per check-in)."""
    sorry = "Sorry, we could not read that."
    if kind == "reading":
        name, example = reading_name_and_example(str(options.get("reading_type", "")))
        return f"{sorry} Please reply with just your {name}, for example {example}."
    if kind in {"number", "scale"}:
        low, high = options.get("min"), options.get("max")
        if kind == "scale":
            low, high = 0 if low is None else low, 10 if high is None else high
        if low is not None and high is not None:
            return f"{sorry} Please reply with one number from {_number(low)} to {_number(high)}."
        return f"{sorry} Please reply with just one number."
    if kind == "yes_no":
        return f"{sorry} Please reply YES or NO."
    if kind == "action_done":
        return f"{sorry} Please reply DONE, PARTLY or NOT TODAY."
    return f"{sorry} Please reply with a few words."
