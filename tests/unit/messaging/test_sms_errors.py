"""Twilio failures become typed errors the sending rules can act on without knowing Twilio."""

import pytest

from careplan.messaging.sms.provider import sms_error_from_twilio


@pytest.mark.parametrize(
    ("code", "http_status", "reason", "permanent", "opted_out", "invalid_number"),
    [
        (21610, 400, "opted_out", True, True, False),
        (21211, 400, "invalid_number", True, False, True),
        (21614, 400, "invalid_number", True, False, True),
        (20429, 429, "rate_limited", False, False, False),
        (None, 429, "rate_limited", False, False, False),
        (20500, 500, "provider_unavailable", False, False, False),
        (None, 503, "provider_unavailable", False, False, False),
        (None, None, "network_error", False, False, False),
        (20003, 401, "rejected", True, False, False),
        (21602, 400, "rejected", True, False, False),
        (None, 404, "rejected", True, False, False),
    ],
)
def test_twilio_failures_are_classified(
    code, http_status, reason, permanent, opted_out, invalid_number
):
    error = sms_error_from_twilio(code, http_status)

    assert (error.code, error.reason, error.permanent, error.opted_out, error.invalid_number) == (
        code,
        reason,
        permanent,
        opted_out,
        invalid_number,
    )


def test_the_error_message_names_the_reason_and_code_only():
    assert str(sms_error_from_twilio(21610, 400)) == "SMS not sent: opted_out (code 21610)"
