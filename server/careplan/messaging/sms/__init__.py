"""Sending SMS through a provider behind one small interface, with typed errors."""

from careplan.messaging.sms.provider import (
    SentSms,
    SmsProvider,
    SmsSendError,
    sms_error_from_twilio,
)

__all__ = ["SentSms", "SmsProvider", "SmsSendError", "sms_error_from_twilio"]
