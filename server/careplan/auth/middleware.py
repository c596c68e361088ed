"""Session authentication for /api/: every route needs a signed-in actor unless it opts out.

Opting out is explicit (`opt={"public": True}` on the handler) so a new route is private by
default. Unknown, revoked or expired sessions get 401 before any handler runs.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from careplan.auth.cookies import cookie_value
from careplan.auth.service import authenticate
from careplan.clock import Clock
from careplan.settings import Settings
from careplan.storage.db import Database

SESSION_COOKIE = "careplan_session"
PUBLIC = "public"
_UNAUTHORISED = msgspec.json.encode({"status_code": 401, "detail": "Sign in to continue"})


def session_token(scope: Scope) -> str | None:
    return cookie_value(scope, SESSION_COOKIE)


class SessionAuthMiddleware(ASGIMiddleware):
    exclude_opt_key = PUBLIC

    # Litestar deep-copies middleware per route, so live objects are reached through callables.
    def __init__(
        self, db: Callable[[], Database], clock: Callable[[], Clock], settings: Settings
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        token = session_token(scope)
        actor = (
            await authenticate(self._db(), self._clock(), self._settings, token) if token else None
        )
        if actor is None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 401,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send({"type": "http.response.body", "body": _UNAUTHORISED})
            return
        scope["user"] = actor
        await next_app(scope, receive, send)
