"""Live inbox updates: one Litestar Channels channel per practice, streamed as SSE.

An event says only that an item changed (id, kind, urgency, patient id, what happened); the
app then re-reads `GET /api/inbox`. So an event must never arrive before the change is
committed, or the re-read would miss it (ADR 0010). Two ways in:

- `item_opened(...)`: called by `items.open_item`, which runs inside other code's transaction.
  Each live hub publishes once the item is visible in its database (a primary-key lookup,
  retried with backoff for up to `COMMIT_WAIT_S`); a rolled-back item is never announced.
- `item_changed(...)`: called by the inbox's own services after their transaction committed.

The backend is swappable: `InboxEvents(database, backend=...)`. The memory backend reaches
listeners in this process only; the PostgreSQL LISTEN/NOTIFY backend (issue 7) will carry
events between workers and a separate `careplan scheduler`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import msgspec
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.base import ChannelsBackend
from litestar.channels.backends.memory import MemoryChannelsBackend
from litestar.response import ServerSentEventMessage

from careplan.storage.db import Database

log = logging.getLogger(__name__)

COMMIT_WAIT_S = 30.0
_FIRST_WAIT_S = 0.005
_LONGEST_WAIT_S = 1.0
KEEPALIVE_S = 15.0
STREAM_LIFETIME_S = 300.0  # then the browser reconnects, and the session is checked again
RETRY_MS = 3000
STREAM_BACKLOG = 100


class ItemEvent(msgspec.Struct, frozen=True):
    """What a listener is told: enough to decide whether to re-read the inbox."""

    id: str
    kind: str
    urgency: int
    patient_id: str | None
    change: str  # opened | assigned | noted | replied | resolved | rerouted


def channel_for(organisation_id: str) -> str:
    return f"inbox:{organisation_id}"


_LIVE: set[InboxEvents] = set()


def item_opened(organisation_id: str, event: ItemEvent) -> None:
    """Announce a new item once its transaction has committed (see the module docstring)."""
    for hub in tuple(_LIVE):
        hub.publish_when_committed(organisation_id, event)


def item_changed(organisation_id: str, event: ItemEvent) -> None:
    """Announce a change the caller has already committed."""
    for hub in tuple(_LIVE):
        hub.publish_if_present(organisation_id, event)


class InboxEvents:
    """The app's hub: owns the Channels plugin and the SSE streams of this process."""

    def __init__(
        self, database: Callable[[], Database], backend: ChannelsBackend | None = None
    ) -> None:
        self._database = database
        self.plugin = ChannelsPlugin(
            backend or MemoryChannelsBackend(),
            arbitrary_channels_allowed=True,
            subscriber_max_backlog=STREAM_BACKLOG,
            subscriber_backlog_strategy="dropleft",
        )
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = asyncio.Event()

    @asynccontextmanager
    async def lifespan(self, _app: Any) -> AsyncIterator[None]:
        """Runs after the database is open: events are published only while this is live."""
        async with self.plugin:
            self._closing.clear()
            _LIVE.add(self)
            try:
                yield
            finally:
                _LIVE.discard(self)
                self._closing.set()  # ends every open stream
                for task in tuple(self._tasks):
                    task.cancel()
                await asyncio.gather(*self._tasks, return_exceptions=True)

    def publish_when_committed(self, organisation_id: str, event: ItemEvent) -> None:
        self._spawn(self._publish_once_visible(organisation_id, event, COMMIT_WAIT_S))

    def publish_if_present(self, organisation_id: str, event: ItemEvent) -> None:
        self._spawn(self._publish_once_visible(organisation_id, event, 0.0))

    def _spawn(self, work: Any) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish_once_visible(
        self, organisation_id: str, event: ItemEvent, patience_s: float
    ) -> None:
        """Publish when the item can be read from this hub's database (so: committed, and
        of this app); give up quietly after PATIENCE_S (the transaction rolled back)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + patience_s
        wait = _FIRST_WAIT_S
        try:
            while not await self._visible(event.id):
                if loop.time() >= deadline:
                    if patience_s:
                        log.info(
                            "inbox event dropped: item never committed", extra={"item": event.id}
                        )
                    return
                await asyncio.sleep(wait)
                wait = min(wait * 2, _LONGEST_WAIT_S)
            self.plugin.publish(msgspec.json.encode(event), channel_for(organisation_id))
        except Exception:  # an event is a hint; the inbox itself is the truth
            log.exception("inbox event not published", extra={"item": event.id})

    async def _visible(self, item_id: str) -> bool:
        found = await self._database().fetch_value(
            "SELECT 1 FROM inbox_items WHERE id = ?", item_id
        )
        return found is not None

    async def stream(self, organisation_id: str) -> AsyncIterator[ServerSentEventMessage]:
        """SSE messages for one practice: `ready` once subscribed (re-read the inbox now),
        then `item` per change, a comment every KEEPALIVE_S; ends after STREAM_LIFETIME_S."""
        queue: asyncio.Queue[bytes] = asyncio.Queue(maxsize=STREAM_BACKLOG)

        async def on_event(data: bytes) -> None:
            if queue.full():
                queue.get_nowait()  # a slow listener loses the oldest hint, not the newest
            queue.put_nowait(data)

        loop = asyncio.get_running_loop()
        deadline = loop.time() + STREAM_LIFETIME_S
        async with AsyncExitStack() as stack:
            subscriber = await stack.enter_async_context(
                self.plugin.start_subscription(channel_for(organisation_id))
            )
            await stack.enter_async_context(subscriber.run_in_background(on_event, join=False))
            yield ServerSentEventMessage(event="ready", data="{}", retry=RETRY_MS)
            while not self._closing.is_set() and (left := deadline - loop.time()) > 0:
                data = await self._next(queue, min(KEEPALIVE_S, left))
                if data is None:
                    yield ServerSentEventMessage(comment="keepalive", data=None)
                else:
                    yield ServerSentEventMessage(event="item", data=data.decode())

    async def _next(self, queue: asyncio.Queue[bytes], wait_s: float) -> bytes | None:
        """The next event, or None after WAIT_S or when the app is shutting down."""
        getting = asyncio.ensure_future(queue.get())
        closing = asyncio.ensure_future(self._closing.wait())
        try:
            await asyncio.wait({getting, closing}, timeout=wait_s, return_when="FIRST_COMPLETED")
        finally:
            for waiter in (getting, closing):
                waiter.cancel()
        return getting.result() if getting.done() and not getting.cancelled() else None
