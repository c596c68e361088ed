"""Twilio's error answers, and the magic test numbers that trigger them.

The numbers are Twilio's own test-credential numbers (plus one for rate limiting, one for a
server error and one for a text that is accepted but never arrives), so the same tests run
against the fake and, for Twilio's own numbers, against Twilio's test account.
"""

from __future__ import annotations

from litestar import Request, Response


class TwilioApiError(Exception):
    """An error answered in Twilio's shape: `{code, message, more_info, status}`."""

    def __init__(
        self, status: int, code: int, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def twilio_error_response(_: Request, exc: TwilioApiError) -> Response:
    body = {
        "code": exc.code,
        "message": exc.message,
        "more_info": f"https://www.twilio.com/docs/errors/{exc.code}",
        "status": exc.status,
    }
    return Response(body, status_code=exc.status, headers=exc.headers)


def unauthenticated() -> TwilioApiError:
    return TwilioApiError(
        401, 20003, "Authenticate", headers={"WWW-Authenticate": 'Basic realm="Twilio API"'}
    )


def not_found(path: str) -> TwilioApiError:
    return TwilioApiError(404, 20404, f"The requested resource {path} was not found")


def invalid_parameter(name: str, value: str) -> TwilioApiError:
    return TwilioApiError(400, 20001, f"Invalid {name}: {value!r}")


def invalid_to(to: str) -> TwilioApiError:
    return TwilioApiError(400, 21211, f"The 'To' number {to} is not a valid phone number.")


def rejected_test_number(to: str) -> TwilioApiError | None:
    """The error Twilio's test credentials give for `to`, if it is a magic number."""
    if to == "+15005550001":
        return invalid_to(to)
    if to == "+15005550004":
        return TwilioApiError(400, 21610, "Attempt to send to unsubscribed recipient")
    if to == "+15005550009":
        return TwilioApiError(400, 21614, f"'To' number {to} is not a valid mobile number")
    if to == "+15005550429":
        return TwilioApiError(429, 20429, "Too Many Requests")
    if to == SERVER_ERROR_TEST_NUMBER:
        return TwilioApiError(500, 20500, "Internal Server Error")
    return None


# Not one of Twilio's: the fake's own number for a provider outage (HTTP 500, code 20500).
SERVER_ERROR_TEST_NUMBER = "+15005550500"


UNDELIVERABLE_TEST_NUMBER = "+15005550030"
UNDELIVERED_ERROR = (30003, "Unreachable destination handset")
