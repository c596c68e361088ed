"""One tick of the scheduler: everything that is due, done once, by whichever worker gets it.

The database is the source of truth for what is due; the tick only looks (DESIGN rule 2).
Each step claims its rows, so running a tick twice, or in two processes at once, does each
thing once. The steps, in order:
1. occurrences whose time has come become check-ins (paused ones are skipped, with reason);
2. due check-ins are claimed and their texts queued (or expired, when their window passed);
   after that commits, those going to the patient's app first are pushed (ADR 0014);
3. reminders are queued and non-response items opened;
4. queued texts are sent (quiet hours, opt-outs, expiry and the rate limit apply there).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from careplan.checkins.claims import materialise, queue_due
from careplan.checkins.push_first import notify
from careplan.checkins.reminders import follow_up
from careplan.clock import Clock
from careplan.messaging.dispatch import dispatch_queued
from careplan.messaging.sms.provider import SmsProvider
from careplan.settings import Settings
from careplan.storage.db import Database

log = logging.getLogger(__name__)

LIMIT = 10_000  # per step and tick: a backlog larger than this continues next tick


@dataclass(slots=True)
class TickReport:
    materialised: int = 0
    paused: int = 0
    queued: int = 0
    expired: int = 0
    pushed: int = 0
    reminded: int = 0
    unanswered: int = 0
    sent: int = 0

    @property
    def idle(self) -> bool:
        return not any(asdict(self).values())


async def run_tick(
    db: Database,
    sms: SmsProvider,
    settings: Settings,
    clock: Clock,
    worker_id: str,
    limit: int = LIMIT,
) -> TickReport:
    report = TickReport()
    report.materialised, report.paused = await materialise(db, settings, clock.now_ms(), limit)
    report.queued, report.expired, notifications = await queue_due(
        db, settings, clock.now_ms(), worker_id, limit
    )
    report.pushed = await notify(db, settings, clock, notifications)
    report.reminded, report.unanswered = await follow_up(db, settings, clock.now_ms(), limit)
    report.sent = await dispatch_queued(db, sms, settings, clock, worker_id, limit)
    if not report.idle:
        log.info("tick", extra={"worker_id": worker_id, **asdict(report)})
    return report
