"""Recomputing a patient's schedules around a change of what they are computed from.

Quiet hours and the patient's time zone both move every due time. An occurrence already due
keeps its instant; each schedule's next one is computed under the new rule, on a later day
than the last occurrence (ADR 0009: no day is asked twice).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from careplan.checkins import schedules_repo
from careplan.storage.db import Executor


@asynccontextmanager
async def rescheduled(tx: Executor, patient_id: str, now: int) -> AsyncIterator[None]:
    """Make the change inside this block (same transaction); the schedules follow it."""
    pending = {
        schedule_id: await schedules_repo.pending_day(tx, schedule_id, now)
        for schedule_id in await schedules_repo.active_schedule_ids(tx, patient_id)
    }
    yield
    for schedule_id, day in pending.items():
        await schedules_repo.reschedule(tx, schedule_id, now, day)
