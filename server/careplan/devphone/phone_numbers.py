"""The one number check the fake makes: E.164 syntax, as Twilio's 21211 does first."""

from __future__ import annotations

import re

_E164 = re.compile(r"\+[1-9]\d{6,14}")


def is_e164(number: str) -> bool:
    return _E164.fullmatch(number) is not None
