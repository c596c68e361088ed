"""Run an app's lifespan in one task of the test's event loop.

Litestar's lifespan must be entered and exited by the same task; pytest-asyncio may set up
and tear down a fixture in different tasks, so a dedicated task holds it open.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar


@asynccontextmanager
async def running_lifespan(app: Litestar) -> AsyncIterator[None]:
    started = asyncio.Event()
    stop = asyncio.Event()

    async def hold() -> None:
        async with app.lifespan():
            started.set()
            await stop.wait()

    holder = asyncio.create_task(hold())
    starting = asyncio.create_task(started.wait())
    await asyncio.wait({holder, starting}, return_when=asyncio.FIRST_COMPLETED)
    if holder.done():
        starting.cancel()
        holder.result()  # start-up failed: raise its error here
    try:
        yield
    finally:
        stop.set()
        await holder
