"""HTTP basic auth as Twilio does it: account sid and auth token, else 401 with code 20003."""

from __future__ import annotations

import base64
import binascii
import hmac

from litestar import Request

from careplan.devphone.errors import not_found, unauthenticated
from careplan.settings import TwilioSettings


def require_account(request: Request, settings: TwilioSettings, account_sid: str) -> None:
    """Accept only the configured credentials, and only for their own account's resources."""
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    try:
        username, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise unauthenticated() from None
    valid = (
        scheme.lower() == "basic"
        and bool(settings.account_sid)
        and hmac.compare_digest(username.encode(), settings.account_sid.encode())
        and hmac.compare_digest(password.encode(), settings.auth_token.encode())
    )
    if not valid:
        raise unauthenticated()
    if account_sid != settings.account_sid:
        raise not_found(request.url.path)
