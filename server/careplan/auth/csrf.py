"""CSRF protection for the API: a signed double-submit token on every state-changing request.

The `csrftoken` cookie holds `nonce.signature` (HMAC of the nonce under the secret key); a
POST, PUT, PATCH or DELETE must echo it in `X-CSRFToken`. Another site can make the browser
send the cookie but cannot read it, so it cannot echo it; the signature stops a cookie
planted from a sibling domain. Safe methods are not inspected at all, which keeps reads
cheap (ADR 0006). `GET /api/auth/csrf` hands out a token and sets the cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import msgspec
from litestar.types import ASGIApp, Receive, Scope, Send

from careplan.auth.cookies import cookie_value

CSRF_COOKIE = "csrftoken"
CSRF_HEADER = b"x-csrftoken"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_REFUSED = msgspec.json.encode(
    {
        "status_code": 403,
        "detail": "Missing or wrong CSRF token: send the csrftoken cookie's value in the "
        "X-CSRFToken header (GET /api/auth/csrf gives one)",
    }
)


def new_csrf_token(secret_key: str) -> str:
    nonce = secrets.token_urlsafe(24)
    return f"{nonce}.{_sign(secret_key, nonce)}"


def csrf_token_valid(secret_key: str, cookie: str | None, header: str | None) -> bool:
    """True when the header echoes the cookie and the cookie carries our signature."""
    if not cookie or not header or not hmac.compare_digest(cookie, header):
        return False
    nonce, _, signature = cookie.partition(".")
    return bool(nonce) and hmac.compare_digest(signature, _sign(secret_key, nonce))


def _sign(secret_key: str, nonce: str) -> str:
    return hmac.new(secret_key.encode(), nonce.encode(), hashlib.sha256).hexdigest()


def csrf_middleware(secret_key: str, app: ASGIApp) -> ASGIApp:
    """Refuse unsafe requests without a valid token before any handler or session lookup."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            header = next((v for k, v in scope["headers"] if k == CSRF_HEADER), b"")
            if not csrf_token_valid(
                secret_key, cookie_value(scope, CSRF_COOKIE), header.decode("latin-1")
            ):
                await send(
                    {
                        "type": "http.response.start",
                        "status": 403,
                        "headers": [(b"content-type", b"application/json")],
                    }
                )
                await send({"type": "http.response.body", "body": _REFUSED})
                return
        await app(scope, receive, send)

    return middleware
