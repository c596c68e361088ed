"""OpenAPI: document how each operation is protected (session cookie, CSRF header).

Derived from the routes once the app is built, so a new route is documented without
anyone remembering to decorate it.
"""

from __future__ import annotations

from litestar import Litestar
from litestar.openapi.spec import Components, SecurityScheme

from careplan.auth.middleware import SESSION_COOKIE

UNSAFE_METHODS = ("post", "put", "patch", "delete")
PUBLIC_PREFIX = "/api/auth/"

SCHEMES = {
    "session": SecurityScheme(
        type="apiKey",
        name=SESSION_COOKIE,
        security_scheme_in="cookie",
        description="Set by /api/auth/sms-verify or /api/auth/login. HttpOnly.",
    ),
    "csrf": SecurityScheme(
        type="apiKey",
        name="X-CSRFToken",
        security_scheme_in="header",
        description="Every POST, PUT, PATCH and DELETE under /api/ must echo the `csrftoken` "
        "cookie in this header. GET /api/auth/csrf sets the cookie and returns the value.",
    ),
}


def document_security(app: Litestar) -> None:
    openapi = app.openapi_schema  # the cached object /schema/openapi.json serialises
    components = openapi.components if isinstance(openapi.components, Components) else Components()
    components.security_schemes = {**(components.security_schemes or {}), **SCHEMES}
    openapi.components = components
    for path, item in (openapi.paths or {}).items():
        if not path.startswith("/api/"):
            continue
        public = path.startswith(PUBLIC_PREFIX)
        for method in ("get", *UNSAFE_METHODS):
            operation = getattr(item, method, None)
            if operation is None:
                continue
            needs = {} if public else {"session": []}
            if method in UNSAFE_METHODS:
                needs["csrf"] = []
            operation.security = [needs] if needs else []
