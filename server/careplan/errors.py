"""Error types and handlers: every bad input becomes a 4xx whose detail names the field."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response
from litestar.exceptions import (
    ClientException,
    HTTPException,
    SerializationException,
    ValidationException,
)
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from careplan.logging import current_request_id
from careplan.storage.db import InvalidText

log = logging.getLogger(__name__)


class InvalidField(ClientException):
    """A field parsed but its value is wrong (an invalid NHS number, an unknown clinician)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(detail=f"{field}: {message}", extra=[{"key": field, "message": message}])


class Conflict(HTTPException):
    status_code = 409


class TooManyRequests(HTTPException):
    status_code = 429

    def __init__(self, detail: str, retry_after_seconds: int) -> None:
        super().__init__(
            detail=detail,
            headers={"Retry-After": str(retry_after_seconds)},
            extra={"retry_after_seconds": retry_after_seconds},
        )


def _body(status_code: int, detail: str, extra: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status_code": status_code, "detail": detail}
    if extra:
        body["extra"] = extra
    return body


def validation_error_handler(_: Request, exc: ValidationException) -> Response:
    """Lift msgspec's per-field messages into `detail`, so the message itself names the field."""
    problems = exc.extra if isinstance(exc.extra, list) else []
    parts = []
    for problem in problems:
        key, message = problem.get("key"), problem.get("message", "")
        # Key "data" is the whole body: msgspec then names any field inside the message.
        parts.append(f"request body: {message}" if key in (None, "data") else f"{key}: {message}")
    detail = "; ".join(parts) or exc.detail
    return Response(_body(exc.status_code, detail, problems), status_code=exc.status_code)


def client_error_handler(_: Request, exc: ClientException) -> Response:
    """A body that is not JSON at all: say so, rather than only the decoder's words."""
    detail = exc.detail
    if isinstance(exc.__cause__, SerializationException):
        detail = f"request body is not valid JSON: {detail}"
    return Response(
        _body(exc.status_code, detail, exc.extra), status_code=exc.status_code, headers=exc.headers
    )


def invalid_text_handler(_: Request, exc: InvalidText) -> Response:
    """Text with a NUL character: refused the same on SQLite and PostgreSQL."""
    return Response(_body(400, f"request: {exc}"), status_code=400)


def internal_error_handler(_: Request, exc: Exception) -> Response:
    """Log the failure with its request id (never the request body) and answer plainly."""
    log.error("unhandled error", exc_info=exc)
    detail = f"Something went wrong on our side (request {current_request_id()})."
    return Response(
        _body(HTTP_500_INTERNAL_SERVER_ERROR, detail), status_code=HTTP_500_INTERNAL_SERVER_ERROR
    )
