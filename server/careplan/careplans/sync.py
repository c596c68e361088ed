"""`POST /api/sync`: apply a batch of offline mutations, each on its own, exactly once.

Each mutation runs in its own transaction. An id already applied answers "duplicate" (a
replay is harmless); a base version that is behind answers "stale" with the current version;
anything refused — bad data, an id the person may not touch — answers "invalid" with the
reason. One bad item never fails the batch. Applied ids are kept in `sync_receipts`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar.exceptions import HTTPException, NotFoundException

from careplan.audit.service import record as record_audit
from careplan.careplans import logs, repo
from careplan.careplans.goals_actions import apply_goal_update
from careplan.careplans.readings.schemas import ReadingCreate
from careplan.careplans.readings.service import soft_delete_reading, store_reading
from careplan.careplans.schemas import ActionLogCreate, GoalUpdate, PlanUpdate
from careplan.careplans.service import apply_plan_update
from careplan.careplans.sync_schemas import Mutation, SyncRequest, SyncResponse, SyncResult
from careplan.clock import Clock
from careplan.errors import Conflict
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.storage.db import Database, Executor, InvalidText

Apply = Callable[[Executor, Clock, Actor, Mutation], Awaitable[bool]]


class _Target(msgspec.Struct, forbid_unknown_fields=True):
    action_id: str
    day: str


class _ReadingRef(msgspec.Struct, forbid_unknown_fields=True):
    reading_id: str


async def _log_action(tx: Executor, clock: Clock, actor: Actor, m: Mutation) -> bool:
    data = msgspec.convert({**m.data, "id": m.id}, ActionLogCreate)
    _, created = await logs.store_log(tx, clock, actor, m.patient_id, data, source="app")
    return created


async def _delete_action_log(tx: Executor, clock: Clock, actor: Actor, m: Mutation) -> bool:
    target = msgspec.convert(m.data, _Target)
    await logs.retire_log(tx, clock, actor, m.patient_id, target.action_id, target.day)
    return True


async def _record_reading(tx: Executor, clock: Clock, actor: Actor, m: Mutation) -> bool:
    data = msgspec.convert({**m.data, "id": m.id}, ReadingCreate)
    _, created = await store_reading(tx, clock, actor, m.patient_id, data, "app")
    if created:
        await record_audit(tx, clock, actor, "reading.create", [m.patient_id], "reading", m.id)
    return created


async def _delete_reading(tx: Executor, clock: Clock, actor: Actor, m: Mutation) -> bool:
    ref = msgspec.convert(m.data, _ReadingRef)
    if not await soft_delete_reading(tx, clock, m.patient_id, ref.reading_id):
        raise NotFoundException("No reading with that id")
    await record_audit(
        tx, clock, actor, "reading.delete", [m.patient_id], "reading", ref.reading_id
    )
    return True


async def _update_goal(tx: Executor, clock: Clock, actor: Actor, m: Mutation) -> bool:
    fields = dict(m.data)
    goal_id = fields.pop("goal_id", None)
    if not isinstance(goal_id, str):
        raise msgspec.ValidationError("Expected `str` for `$.goal_id`")
    await apply_goal_update(
        tx, clock, actor, m.patient_id, goal_id, msgspec.convert(fields, GoalUpdate)
    )
    return True


async def _update_plan(tx: Executor, clock: Clock, actor: Actor, m: Mutation) -> bool:
    await apply_plan_update(tx, clock, actor, m.patient_id, msgspec.convert(m.data, PlanUpdate))
    return True


# What each kind needs before it runs; the apply functions re-check finer rules themselves.
HANDLERS: dict[str, tuple[Action, Apply]] = {
    "log_action": (Action.LOG_SELF_CARE, _log_action),
    "delete_action_log": (Action.LOG_SELF_CARE, _delete_action_log),
    "record_reading": (Action.LOG_SELF_CARE, _record_reading),
    "delete_reading": (Action.LOG_SELF_CARE, _delete_reading),
    "update_goal": (Action.EDIT_PLAN, _update_goal),
    "update_plan": (Action.EDIT_PLAN, _update_plan),
}


async def sync(db: Database, clock: Clock, actor: Actor, request: SyncRequest) -> SyncResponse:
    return SyncResponse(results=[await _one(db, clock, actor, m) for m in request.mutations])


async def _one(db: Database, clock: Clock, actor: Actor, m: Mutation) -> SyncResult:
    needed, apply = HANDLERS[m.kind]
    try:
        async with db.transaction() as tx:
            if await repo.receipt_exists(tx, m.id):
                return SyncResult(id=m.id, status="duplicate")
            actor = await authorise(tx, actor, m.patient_id, needed)
            created = await apply(tx, clock, actor, m)
            await repo.insert_receipt(tx, m.id, m.patient_id, m.kind, clock.now_ms())
    except Conflict as exc:
        return SyncResult(id=m.id, status="stale", detail=exc.detail, current_version=_version(exc))
    except HTTPException as exc:
        return SyncResult(id=m.id, status="invalid", detail=exc.detail)
    except msgspec.ValidationError as exc:
        return SyncResult(id=m.id, status="invalid", detail=f"data: {exc}")
    except InvalidText as exc:
        return SyncResult(id=m.id, status="invalid", detail=f"data: {exc}")
    return SyncResult(id=m.id, status="applied" if created else "duplicate")


def _version(exc: Conflict) -> int | None:
    extra: Any = exc.extra
    return extra.get("current_version") if isinstance(extra, dict) else None
