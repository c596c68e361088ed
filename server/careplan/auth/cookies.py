"""Reading one cookie from the raw ASGI headers, on every API request, without a full parse."""

from __future__ import annotations

from litestar.types import Scope


def cookie_value(scope: Scope, name: str) -> str | None:
    """The first cookie called `name`; our cookie values are URL-safe, so no unquoting."""
    prefix = f"{name}="
    for header, value in scope["headers"]:
        if header != b"cookie":
            continue
        for pair in value.decode("latin-1").split(";"):
            pair = pair.strip()
            if pair.startswith(prefix):
                return pair[len(prefix) :]
    return None
