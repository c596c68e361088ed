"""The SMS provider interface and its typed errors.

Callers decide what to do with a failed text (mark the number opted out, flag it, retry
later) from `SmsSendError` alone, so no provider-specific code leaks into the rules.
"""

from __future__ import annotations

from typing import Protocol

import msgspec

OPTED_OUT_CODES = frozenset({21610})
INVALID_NUMBER_CODES = frozenset({21211, 21614})
RATE_LIMITED_CODES = frozenset({20429})


class SentSms(msgspec.Struct, frozen=True):
    """What the provider accepted: its id for the message and the status it reported."""

    sid: str
    status: str


class ListedSms(msgspec.Struct, frozen=True):
    """A text the provider holds, as its Messages list shows it (for reconciling)."""

    sid: str
    status: str
    body: str
    error_code: int | None = None


class SmsSendError(Exception):
    """A text was not accepted. `permanent` means sending the same text again will fail again."""

    def __init__(
        self,
        *,
        code: int | None,
        reason: str,
        permanent: bool,
        opted_out: bool = False,
        invalid_number: bool = False,
    ) -> None:
        super().__init__(f"SMS not sent: {reason} (code {code})")
        self.code = code
        self.reason = reason
        self.permanent = permanent
        self.opted_out = opted_out
        self.invalid_number = invalid_number


class SmsProvider(Protocol):
    async def send(self, to: str, body: str, *, status_callback: str | None = None) -> SentSms:
        """Hand one text to the provider; raises `SmsSendError` when it is not accepted."""
        ...

    async def sent_to(self, to: str, since_ms: int) -> list[ListedSms]:
        """Texts to `to` the provider sent on or after the UTC day of `since_ms`, and those it
        holds but has not sent yet; newest first.

        How a worker that crashed between handing a text over and recording it finds out
        whether the text went, before sending it again. Raises `SmsSendError` when the
        provider cannot be asked."""
        ...

    async def close(self) -> None: ...


def sms_error_from_twilio(code: int | None, http_status: int | None) -> SmsSendError:
    """Classify a Twilio failure. `http_status` is None when no HTTP answer came (network error).

    Opt-outs and bad numbers are permanent; rate limits, server errors and network failures
    are worth retrying; any other client error would fail the same way again.
    """
    if code in OPTED_OUT_CODES:
        return SmsSendError(code=code, reason="opted_out", permanent=True, opted_out=True)
    if code in INVALID_NUMBER_CODES:
        return SmsSendError(code=code, reason="invalid_number", permanent=True, invalid_number=True)
    if code in RATE_LIMITED_CODES or http_status == 429:
        return SmsSendError(code=code, reason="rate_limited", permanent=False)
    if http_status is None:
        return SmsSendError(code=code, reason="network_error", permanent=False)
    if http_status >= 500:
        return SmsSendError(code=code, reason="provider_unavailable", permanent=False)
    return SmsSendError(code=code, reason="rejected", permanent=True)
