"""The scheduler process: APScheduler only ticks; the database says what is due (ADR 0013).

One interval job calls `run_tick` every CAREPLAN_TICK_SECONDS. It runs inside `careplan
serve` (unless --no-scheduler) or alone (`careplan scheduler`); any number of them may run
against one database, because every step of a tick claims its rows. A tick still running
when the next is due makes APScheduler skip that one (max_instances=1); a late one still
runs (no misfire cut-off: the default 1 s would drop ticks on a busy loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from careplan.checkins.tick import run_tick
from careplan.clock import Clock, SystemClock
from careplan.messaging.sms.provider import SmsProvider
from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.messaging.sms.unconfigured import UnconfiguredSms
from careplan.settings import Settings
from careplan.storage.db import Database, connect
from careplan.storage.migrate import ensure_current

log = logging.getLogger(__name__)
# APScheduler logs every run of the job at INFO: one line per tick says nothing useful.
logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)

STOP_WAIT_SECONDS = 30.0  # a tick in flight may finish; then it is cancelled (and recovered)


def new_worker_id() -> str:
    """Names the claims of this process in the database: host, pid and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Scheduler:
    def __init__(
        self,
        db: Callable[[], Database],
        sms: Callable[[], SmsProvider],
        settings: Settings,
        clock: Clock,
    ) -> None:
        self._db = db
        self._sms = sms
        self._settings = settings
        self._clock = clock
        self.worker_id = new_worker_id()
        self._aps: AsyncIOScheduler | None = None
        self._ticking: asyncio.Task[None] | None = None

    async def tick(self) -> None:
        """One tick; a failure is logged and the next tick tries again (nothing is lost)."""
        self._ticking = asyncio.current_task()
        try:
            await run_tick(self._db(), self._sms(), self._settings, self._clock, self.worker_id)
        except Exception:
            log.exception("tick failed", extra={"worker_id": self.worker_id})
        finally:
            self._ticking = None

    def start(self) -> None:
        """Start ticking at once, then every tick_seconds. Call inside the running loop."""
        self._aps = AsyncIOScheduler(timezone="UTC")
        self._aps.add_job(
            self.tick,
            IntervalTrigger(seconds=self._settings.tick_seconds, timezone="UTC"),
            id="tick",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
            next_run_time=datetime.now(UTC),
        )
        self._aps.start()
        log.info("scheduler started", extra={"worker_id": self.worker_id})

    async def stop(self) -> None:
        if self._aps is not None and self._aps.running:
            self._aps.shutdown(wait=False)
        ticking = self._ticking
        if ticking is not None:
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(asyncio.shield(ticking), STOP_WAIT_SECONDS)
            ticking.cancel()
        log.info("scheduler stopped", extra={"worker_id": self.worker_id})

    @asynccontextmanager
    async def lifespan(self, _app: Any) -> AsyncIterator[None]:
        """For the app: tick while it serves (entered after the database and SMS exist)."""
        self.start()
        try:
            yield
        finally:
            await self.stop()


def make_sms(settings: Settings) -> SmsProvider:
    twilio = settings.twilio
    return TwilioSmsProvider(twilio) if twilio.account_sid else UnconfiguredSms()


async def run_standalone(settings: Settings, *, once: bool) -> int:
    """`careplan scheduler [--once]`: tick until SIGTERM/SIGINT, or one tick and exit 0."""
    db = await connect(settings.database_url)
    sms = make_sms(settings)
    try:
        await ensure_current(db)
        if once:
            report = await run_tick(db, sms, settings, SystemClock(), new_worker_id())
            print(json.dumps(asdict(report)), flush=True)
            return 0
        scheduler = Scheduler(lambda: db, lambda: sms, settings, SystemClock())
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stopping.set)
        scheduler.start()
        await stopping.wait()
        await scheduler.stop()
        return 0
    finally:
        await sms.close()
        await db.close()
