"""Goals and actions: created, changed (compare-and-set on version) and soft-deleted.

Both are the person's own (EDIT_PLAN: the patient or their team). Every change is kept as a
version with who made it; a stale version is a 409 carrying the current one.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.careplans import repo
from careplan.careplans.local_time import checked_date, patient_today
from careplan.careplans.schemas import (
    ActionCreate,
    ActionUpdate,
    Goal,
    GoalCreate,
    GoalUpdate,
    PlanAction,
    Target,
)
from careplan.careplans.versions import record_version, stale
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.storage.db import Database, Executor, Row

_JSON_COLUMNS = frozenset({"condition_ids", "target", "weekdays"})
_AUDIT_VERBS = {"created": "create", "updated": "update", "deleted": "delete"}


def goal_from_row(row: Row) -> Goal:
    return Goal(
        id=row["id"],
        version=row["version"],
        description=row["description"],
        condition_ids=msgspec.json.decode(row["condition_ids"]),
        target=msgspec.json.decode(row["target"], type=Target) if row["target"] else None,
        target_date=row["target_date"],
        importance=row["importance"],
        confidence=row["confidence"],
        status=row["status"],
        progress=row["progress"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def action_from_row(row: Row) -> PlanAction:
    return PlanAction(
        id=row["id"],
        version=row["version"],
        what=row["what"],
        goal_id=row["goal_id"],
        frequency=row["frequency"],
        times_per_week=row["times_per_week"],
        weekdays=msgspec.json.decode(row["weekdays"]),
        time_of_day=row["time_of_day"],
        start_date=row["start_date"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


# --- goals ---------------------------------------------------------------------------------


async def create_goal(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: GoalCreate
) -> Goal:
    actor = await authorise(db, actor, patient_id, Action.EDIT_PLAN)
    fields = _without_id(data)
    async with db.transaction() as tx:
        await _check_conditions(tx, patient_id, data.condition_ids)
        goal_id = await _insert(tx, clock, "goals", patient_id, data.id, fields)
        goal = goal_from_row(_found(await repo.goal(tx, patient_id, goal_id)))
        await _remember(tx, clock, actor, patient_id, "goal", goal, "created", list(fields))
    return goal


async def update_goal(
    db: Database, clock: Clock, actor: Actor, patient_id: str, goal_id: str, data: GoalUpdate
) -> Goal:
    async with db.transaction() as tx:
        goal = await apply_goal_update(tx, clock, actor, patient_id, goal_id, data)
    return goal


async def apply_goal_update(
    tx: Executor, clock: Clock, actor: Actor, patient_id: str, goal_id: str, data: GoalUpdate
) -> Goal:
    actor = await authorise(tx, actor, patient_id, Action.EDIT_PLAN)
    changes = _changes(data)
    if "condition_ids" in changes:
        await _check_conditions(tx, patient_id, changes["condition_ids"])
    await _compare_and_set(tx, clock, "goals", patient_id, goal_id, data.version, changes)
    goal = goal_from_row(_found(await repo.goal(tx, patient_id, goal_id)))
    await _remember(tx, clock, actor, patient_id, "goal", goal, "updated", list(changes))
    return goal


async def delete_goal(
    db: Database, clock: Clock, actor: Actor, patient_id: str, goal_id: str, version: int
) -> None:
    actor = await authorise(db, actor, patient_id, Action.EDIT_PLAN)
    async with db.transaction() as tx:
        goal = goal_from_row(_found(await repo.goal(tx, patient_id, goal_id)))
        await _compare_and_set(
            tx, clock, "goals", patient_id, goal_id, version, {"deleted_at": clock.now_ms()}
        )
        deleted = msgspec.structs.replace(goal, version=version + 1)
        await _remember(tx, clock, actor, patient_id, "goal", deleted, "deleted", [])


# --- actions -------------------------------------------------------------------------------


async def create_action(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: ActionCreate
) -> PlanAction:
    actor = await authorise(db, actor, patient_id, Action.EDIT_PLAN)
    fields = _without_id(data)
    _check_frequency(fields)
    async with db.transaction() as tx:
        await _check_goal(tx, patient_id, data.goal_id)
        fields["start_date"] = (
            data.start_date or (await patient_today(tx, clock, patient_id)).isoformat()
        )
        action_id = await _insert(
            tx, clock, "plan_actions", patient_id, data.id, {**fields, "recent_outcomes": ""}
        )
        action = action_from_row(_found(await repo.action(tx, patient_id, action_id)))
        await _remember(tx, clock, actor, patient_id, "action", action, "created", list(fields))
    return action


async def update_action(
    db: Database,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    action_id: str,
    data: ActionUpdate,
) -> PlanAction:
    actor = await authorise(db, actor, patient_id, Action.EDIT_PLAN)
    changes = _changes(data)
    async with db.transaction() as tx:
        current = action_from_row(_found(await repo.action(tx, patient_id, action_id)))
        if "frequency" in changes:  # a new rhythm drops the old one's details unless sent
            changes.setdefault("weekdays", [])
            changes.setdefault("times_per_week", None)
        _check_frequency({**msgspec.structs.asdict(current), **changes})
        if changes.get("goal_id"):
            await _check_goal(tx, patient_id, changes["goal_id"])
        await _compare_and_set(
            tx, clock, "plan_actions", patient_id, action_id, data.version, changes
        )
        action = action_from_row(_found(await repo.action(tx, patient_id, action_id)))
        await _remember(tx, clock, actor, patient_id, "action", action, "updated", list(changes))
    return action


async def delete_action(
    db: Database, clock: Clock, actor: Actor, patient_id: str, action_id: str, version: int
) -> None:
    actor = await authorise(db, actor, patient_id, Action.EDIT_PLAN)
    async with db.transaction() as tx:
        action = action_from_row(_found(await repo.action(tx, patient_id, action_id)))
        await _compare_and_set(
            tx,
            clock,
            "plan_actions",
            patient_id,
            action_id,
            version,
            {"deleted_at": clock.now_ms()},
        )
        deleted = msgspec.structs.replace(action, version=version + 1)
        await _remember(tx, clock, actor, patient_id, "action", deleted, "deleted", [])


# --- shared --------------------------------------------------------------------------------


def _without_id(data: msgspec.Struct) -> dict[str, Any]:
    return {k: v for k, v in msgspec.structs.asdict(data).items() if k != "id"}


def _changes(data: msgspec.Struct) -> dict[str, Any]:
    changes = {
        k: v
        for k, v in msgspec.structs.asdict(data).items()
        if v is not msgspec.UNSET and k != "version"
    }
    if not changes:
        raise InvalidField("body", "send at least one field to change besides version")
    return changes


def _check_dates(fields: dict[str, Any]) -> None:
    for name in ("target_date", "start_date"):
        if isinstance(fields.get(name), str):
            checked_date(name, fields[name])


def _encoded(fields: dict[str, Any]) -> dict[str, Any]:
    """Lists and targets are stored as JSON text (one portable schema)."""
    _check_dates(fields)
    return {
        k: msgspec.json.encode(v).decode() if k in _JSON_COLUMNS and v is not None else v
        for k, v in fields.items()
    }


async def _compare_and_set(
    tx: Executor,
    clock: Clock,
    table: str,
    patient_id: str,
    entity_id: str,
    version: int,
    changes: dict[str, Any],
) -> None:
    what = "goal" if table == "goals" else "action"
    encoded = {**_encoded(changes), "updated_at": clock.now_ms()}
    if not await repo.update_row(tx, table, patient_id, entity_id, version, encoded):
        current = await repo.current_version(tx, table, patient_id, entity_id)
        if current is None:
            raise NotFoundException(f"No {what} with that id in this plan")
        raise stale(current, what)


async def _remember(
    tx: Executor,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    kind: str,
    entity: Goal | PlanAction,
    change: str,
    changed_fields: list[str],
) -> None:
    await record_version(
        tx,
        clock,
        actor,
        patient_id,
        (kind, entity.id, entity.version),
        change,
        changed_fields,
        msgspec.to_builtins(entity),
    )
    audit_action = f"{kind}.{_AUDIT_VERBS[change]}"
    await record_audit(tx, clock, actor, audit_action, [patient_id], kind, entity.id)


async def _insert(
    tx: Executor,
    clock: Clock,
    table: str,
    patient_id: str,
    wanted_id: str | None,
    fields: dict[str, Any],
) -> str:
    """Insert a new goal or action at version 1, last in the list; its id."""
    if wanted_id is not None and await repo.id_taken(tx, table, wanted_id):
        raise InvalidField("id", "is already used; make a new one")
    now = clock.now_ms()
    row = {
        "id": wanted_id or uuid.uuid4().hex,
        "patient_id": patient_id,
        "version": 1,
        **_encoded(fields),
        "position": await repo.next_position(tx, table, patient_id),
        "created_at": now,
        "updated_at": now,
    }
    await repo.insert_row(tx, table, row)
    return row["id"]


def _found(row: Row | None) -> Row:
    if row is None:
        raise NotFoundException("No such goal or action in this plan")
    return row


async def _check_conditions(tx: Executor, patient_id: str, condition_ids: list[str]) -> None:
    if not condition_ids:
        return
    plan = await repo.plan(tx, patient_id)
    known = (
        {c["id"] for c in msgspec.json.decode(plan["document"])["conditions"]} if plan else set()
    )
    unknown = [c for c in condition_ids if c not in known]
    if unknown:
        raise InvalidField("condition_ids", f"not conditions in this plan: {unknown[:5]}")


async def _check_goal(tx: Executor, patient_id: str, goal_id: str | None) -> None:
    if goal_id is not None and await repo.goal(tx, patient_id, goal_id) is None:
        raise InvalidField("goal_id", f"no goal {goal_id[:40]!r} in this plan")


def _check_frequency(fields: dict[str, Any]) -> None:
    frequency = fields.get("frequency")
    if frequency == "times_per_week" and not fields.get("times_per_week"):
        raise InvalidField("times_per_week", "say how many times a week (1–7)")
    if frequency == "weekdays" and not fields.get("weekdays"):
        raise InvalidField("weekdays", "choose at least one day (1 Monday … 7 Sunday)")
    if frequency != "times_per_week" and fields.get("times_per_week"):
        raise InvalidField("times_per_week", f"only for times_per_week, not {frequency}")
    if frequency != "weekdays" and fields.get("weekdays"):
        raise InvalidField("weekdays", f"only for frequency weekdays, not {frequency}")
    if len(set(fields.get("weekdays") or [])) != len(fields.get("weekdays") or []):
        raise InvalidField("weekdays", "each day once")
