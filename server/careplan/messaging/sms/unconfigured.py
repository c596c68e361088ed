"""The provider used when no Twilio account is configured: every send fails, visibly."""

from __future__ import annotations

from careplan.messaging.sms.provider import ListedSms, SentSms, SmsSendError


class UnconfiguredSms:
    async def send(self, to: str, body: str, *, status_callback: str | None = None) -> SentSms:
        raise SmsSendError(code=None, reason="sms_not_configured", permanent=True)

    async def sent_to(self, to: str, since_ms: int) -> list[ListedSms]:
        return []  # nothing was ever sent

    async def close(self) -> None:
        return None
