"""The rules for alert thresholds: list, set (replacing the same level), remove; and the
alert a stored reading raises. Only the patient's clinicians (not administrators, not the
patient) manage them: `Action.MANAGE_THRESHOLDS`.
"""

from __future__ import annotations

import uuid

from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.careplans.readings.catalogue import reading_kind
from careplan.checkins import thresholds_repo as repo
from careplan.checkins.thresholds_rules import (
    Breach,
    Threshold,
    breaches,
    check_new_threshold,
    highest_level,
    summary,
)
from careplan.checkins.thresholds_schemas import AlertThreshold, ThresholdCreate, ThresholdList
from careplan.clock import Clock
from careplan.inbox.items import ALERT, URGENT, open_item
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.storage.db import Database, Executor, Row

THRESHOLD_NOT_FOUND = "No alert threshold with that id"


def _view(row: Row | dict) -> AlertThreshold:
    return AlertThreshold(**{name: row[name] for name in AlertThreshold.__struct_fields__})


def _rule(row: Row | dict) -> Threshold:
    return Threshold(
        id=row["id"],
        reading_type=row["reading_type"],
        component=row["component"],
        level=row["level"],
        comparison=row["comparison"],
        value=float(row["value"]),
    )


async def list_thresholds(
    db: Database, clock: Clock, actor: Actor, patient_id: str
) -> ThresholdList:
    actor = await authorise(db, actor, patient_id, Action.MANAGE_THRESHOLDS)
    rows = await repo.live_thresholds(db, patient_id)
    await record_audit(db, clock, actor, "threshold.read", [patient_id], "alert_threshold")
    return ThresholdList(thresholds=[_view(row) for row in rows])


async def set_threshold(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: ThresholdCreate
) -> AlertThreshold:
    """A level for the same reading, component, level and side replaces the earlier one."""
    actor = await authorise(db, actor, patient_id, Action.MANAGE_THRESHOLDS)
    kind = reading_kind(data.reading_type)
    now = clock.now_ms()
    row = {
        "id": uuid.uuid4().hex,
        "patient_id": patient_id,
        "reading_type": kind.reading_type,
        "component": data.component,
        "level": data.level,
        "comparison": data.comparison,
        "value": float(data.value),
        "set_by": actor.id,
        "set_at": now,
    }
    async with db.transaction() as tx:
        await repo.hold_patient(tx, patient_id)
        live = await repo.live_thresholds(tx, patient_id, kind.reading_type)
        check_new_threshold(_rule(row), [_rule(r) for r in live])
        await repo.retire_same(tx, row, now)
        await repo.insert_threshold(tx, row)
        await record_audit(
            tx, clock, actor, "threshold.create", [patient_id], "alert_threshold", row["id"]
        )
    return _view(row)


async def delete_threshold(db: Database, clock: Clock, actor: Actor, threshold_id: str) -> None:
    """A stranger to the patient gets the same 404 as for an id that does not exist."""
    row = await repo.live_threshold(db, threshold_id)
    if row is None:
        raise NotFoundException(THRESHOLD_NOT_FOUND)
    patient_id = row["patient_id"]
    try:
        actor = await authorise(db, actor, patient_id, Action.MANAGE_THRESHOLDS)
    except NotFoundException:
        raise NotFoundException(THRESHOLD_NOT_FOUND) from None
    async with db.transaction() as tx:
        if not await repo.soft_delete(tx, threshold_id, clock.now_ms()):
            raise NotFoundException(THRESHOLD_NOT_FOUND)
        await record_audit(
            tx, clock, actor, "threshold.delete", [patient_id], "alert_threshold", threshold_id
        )


async def thresholds_for(ex: Executor, patient_id: str, reading_type: str) -> list[Threshold]:
    """The patient's live levels for one reading type."""
    return [_rule(row) for row in await repo.live_thresholds(ex, patient_id, reading_type)]


async def open_alert(
    tx: Executor,
    clock: Clock,
    patient_id: str,
    reading_type: str,
    value: float,
    value2: float | None,
    found: list[Breach],
) -> str | None:
    """Open the alert item for the levels a reading crossed (red -> urgent, amber -> alert);
    its level, or None when it crossed none."""
    level = highest_level(found)
    if level is not None:
        await open_item(
            tx,
            patient_id=patient_id,
            kind="alert",
            urgency=URGENT if level == "red" else ALERT,
            summary=summary(reading_type, value, value2, found),
            now=clock.now_ms(),
        )
    return level


async def alert_on_reading(
    tx: Executor,
    clock: Clock,
    patient_id: str,
    reading_type: str,
    value: float,
    value2: float | None,
) -> str | None:
    """Check a newly stored reading against the patient's levels and alert; the level
    crossed, or None. For every new reading, typed in the app, synced offline or texted."""
    levels = await thresholds_for(tx, patient_id, reading_type)
    found = breaches(reading_type, value, value2, levels) if levels else []
    return await open_alert(tx, clock, patient_id, reading_type, value, value2, found)
