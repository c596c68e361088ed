"""HTTP clients for an in-process app, each its own browser: own cookies and CSRF token."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
from litestar import Litestar

OpenBrowser = Callable[[], Awaitable[httpx.AsyncClient]]


@asynccontextmanager
async def browsers(app: Litestar) -> AsyncIterator[OpenBrowser]:
    """Yields a maker of browsers for `app`; every browser it made is closed on exit."""
    opened: list[httpx.AsyncClient] = []

    async def open_one() -> httpx.AsyncClient:
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        opened.append(http)
        http.headers["X-CSRFToken"] = (await http.get("/api/auth/csrf")).json()["csrf_token"]
        return http

    try:
        yield open_one
    finally:
        for http in opened:
            await http.aclose()
