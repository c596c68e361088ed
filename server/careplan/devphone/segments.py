"""How many SMS segments a body takes, as Twilio reports in `num_segments`."""

from __future__ import annotations

import math

_GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENDED = set("^{}\\[~]|€\f")  # each takes two septets


def count_segments(body: str) -> int:
    """160 GSM-7 characters fit one text (153 per part when split); otherwise 70 UCS-2 (67)."""
    if all(char in _GSM7_BASIC or char in _GSM7_EXTENDED for char in body):
        septets = len(body) + sum(char in _GSM7_EXTENDED for char in body)
        return 1 if septets <= 160 else math.ceil(septets / 153)
    units = len(body.encode("utf-16-le")) // 2
    return 1 if units <= 70 else math.ceil(units / 67)
