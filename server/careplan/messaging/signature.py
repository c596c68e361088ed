"""`X-Twilio-Signature`: checking it on our webhooks and making it in the dev phone.

Twilio signs the URL it called plus the sorted form parameters (HMAC-SHA1 with the auth
token). Behind a proxy the request's own URL is not what Twilio called, so the URL is always
rebuilt from the configured public URL.
"""

from __future__ import annotations

from collections.abc import Mapping

from twilio.request_validator import RequestValidator

SIGNATURE_HEADER = "X-Twilio-Signature"


def public_request_url(public_url: str, path: str, query: str = "") -> str:
    """The URL Twilio called: the public base URL, the request path, and any query string."""
    url = public_url.rstrip("/") + path
    return f"{url}?{query}" if query else url


def sign(auth_token: str, url: str, params: Mapping[str, str]) -> str:
    """The signature Twilio would send for a POST of `params` to `url`."""
    return RequestValidator(auth_token).compute_signature(url, params)


def is_valid_signature(
    auth_token: str, url: str, params: Mapping[str, str], signature: str | None
) -> bool:
    """True when `signature` is what Twilio sends for `params` posted to `url`."""
    if not signature or not auth_token:
        return False
    return RequestValidator(auth_token).validate(url, params, signature)
