"""OpenAPI: document how each operation is protected and every way it can refuse.

Derived from the routes once the app is built, so a new route is documented without anyone
remembering to decorate it: the session cookie and CSRF header as security schemes; 401 on
private operations, 403 on state-changing ones (CSRF) and on a patient's things (access),
404 where a path names something; request bodies closed to unknown fields (our Structs
forbid them). Handlers declare their own extra refusals (409, 429) with `responses=`
(see `refusals()`); every 4xx answer gets the one error body the API really sends.
"""

from __future__ import annotations

from litestar import Litestar
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import (
    Components,
    OpenAPIMediaType,
    OpenAPIResponse,
    Operation,
    Reference,
    Schema,
    SecurityScheme,
)
from litestar.openapi.spec.enums import OpenAPIType

from careplan.auth.middleware import SESSION_COOKIE

UNSAFE_METHODS = ("post", "put", "patch", "delete")
PUBLIC_PREFIX = "/api/auth/"
ERROR_REF = Reference(ref="#/components/schemas/Error")

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

ERROR_SCHEMA = Schema(
    type=OpenAPIType.OBJECT,
    required=["status_code", "detail"],
    properties={
        "status_code": Schema(type=OpenAPIType.INTEGER),
        "detail": Schema(type=OpenAPIType.STRING, description="What is wrong, naming the field"),
        "extra": Schema(description="Details: per-field problems, retry_after_seconds, …"),
    },
)

GENERIC_REFUSALS = {
    "401": "Not signed in, or the session has ended",
    "403": "Missing CSRF token, or you may see this but not do this",
    "404": "No such thing, or not one you may see",
}


def refusals(**described: str) -> dict[int, ResponseSpec]:
    """`responses=refusals(_409="why", _429="why")` on a handler: its own ways to say no."""
    return {
        int(code.lstrip("_")): ResponseSpec(None, description=text, generate_examples=False)
        for code, text in described.items()
    }


def document_security(app: Litestar) -> None:
    openapi = app.openapi_schema  # the cached object /schema/openapi.json serialises
    components = openapi.components if isinstance(openapi.components, Components) else Components()
    components.security_schemes = {**(components.security_schemes or {}), **SCHEMES}
    components.schemas = {**(components.schemas or {}), "Error": ERROR_SCHEMA}
    openapi.components = components
    closed: set[str] = set()
    for path, item in (openapi.paths or {}).items():
        for method in ("get", *UNSAFE_METHODS):
            operation = getattr(item, method, None)
            if operation is None:
                continue
            if path.startswith("/api/"):
                _document_api_operation(path, method, operation)
                closed |= _body_components(operation)
            _attach_error_bodies(operation)
    for name in closed:
        schema = components.schemas.get(name)
        if isinstance(schema, Schema):
            schema.additional_properties = False


def _document_api_operation(path: str, method: str, operation: Operation) -> None:
    public = path.startswith(PUBLIC_PREFIX)
    unsafe = method in UNSAFE_METHODS
    needs = {} if public else {"session": []}
    if unsafe:
        needs["csrf"] = []
    operation.security = [needs] if needs else []
    refusals_here = {
        "401": not public,
        "403": unsafe or "{" in path,
        "404": "{" in path,
    }
    responses = operation.responses if operation.responses is not None else {}
    for status, applies in refusals_here.items():
        if applies and status not in responses:
            responses[status] = OpenAPIResponse(description=GENERIC_REFUSALS[status])
    operation.responses = responses


def _attach_error_bodies(operation: Operation) -> None:
    """Every 4xx carries the error body (a page's own HTML refusal stays); a 204 nothing."""
    for status, response in (operation.responses or {}).items():
        if not isinstance(response, OpenAPIResponse):
            continue
        if status.startswith("4") and status != "400" and not _is_page(response):
            response.content = {"application/json": OpenAPIMediaType(schema=ERROR_REF)}
        elif status == "204":
            response.content = None


def _body_components(operation: Operation) -> set[str]:
    body = operation.request_body
    content = getattr(body, "content", None) or {}
    names = set()
    for media in content.values():
        schema = media.schema
        if isinstance(schema, Reference):
            names.add(schema.ref.rsplit("/", 1)[-1])
    return names


def _is_page(response: OpenAPIResponse) -> bool:
    """A refusal declared as an HTML page (a share link's not-found page)."""
    return any(media.startswith("text/html") for media in (response.content or {}))
