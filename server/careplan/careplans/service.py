"""The plan document: reading the whole plan, changing it, and agreeing it at a review.

Who may change what: the person's own words (about me, what matters, support, goals and
actions) belong to the patient and their team (EDIT_PLAN); the clinical parts (conditions,
"if I get worse" plans, review date) to the team (EDIT_CLINICAL_PLAN). A patient who has
never had a plan written reads an empty one at version 1; the first write creates the row.
"""

from __future__ import annotations

from typing import Any

import msgspec

from careplan.audit.service import record as record_audit
from careplan.careplans import repo
from careplan.careplans.goals_actions import action_from_row, goal_from_row
from careplan.careplans.local_time import checked_date
from careplan.careplans.schemas import CarePlan, Condition, PlanUpdate, SupportService
from careplan.careplans.versions import record_version, stale
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.people.service import care_team_members
from careplan.storage.db import Database, Executor, UniqueViolation

CLINICAL_FIELDS = frozenset({"conditions", "review_date"})


class PlanDocument(msgspec.Struct):
    about_me: str = ""
    what_matters: str = ""
    conditions: list[Condition] = []
    support: list[SupportService] = []


async def read_plan(db: Database, clock: Clock, actor: Actor, patient_id: str) -> CarePlan:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    plan = await whole_plan(db, patient_id)
    await record_audit(db, clock, actor, "plan.read", [patient_id], "care_plan")
    return plan


async def whole_plan(db: Executor, patient_id: str) -> CarePlan:
    row = await repo.plan(db, patient_id)
    document = _document(row)
    team = await care_team_members(db, patient_id)
    return CarePlan(
        patient_id=patient_id,
        version=row["version"] if row else 1,
        about_me=document.about_me,
        what_matters=document.what_matters,
        conditions=document.conditions,
        support=document.support,
        review_date=row["review_date"] if row else None,
        care_team=team,
        goals=[goal_from_row(r) for r in await repo.goals(db, patient_id)],
        actions=[action_from_row(r) for r in await repo.actions(db, patient_id)],
        updated_at=row["updated_at"] if row else 0,
    )


async def update_plan(
    db: Database, clock: Clock, actor: Actor, patient_id: str, data: PlanUpdate
) -> CarePlan:
    async with db.transaction() as tx:
        await apply_plan_update(tx, clock, actor, patient_id, data)
    return await whole_plan(db, patient_id)


async def apply_plan_update(
    tx: Executor, clock: Clock, actor: Actor, patient_id: str, data: PlanUpdate
) -> int:
    """Authorise, check, compare-and-set, version and audit one plan change; the new version."""
    changes = {
        k: v
        for k, v in msgspec.structs.asdict(data).items()
        if v is not msgspec.UNSET and k != "version"
    }
    needed = Action.EDIT_CLINICAL_PLAN if changes.keys() & CLINICAL_FIELDS else Action.EDIT_PLAN
    actor = await authorise(tx, actor, patient_id, needed)
    if not changes:
        raise InvalidField("body", "send at least one field to change besides version")
    if "conditions" in changes:
        _check_unique_ids("conditions", [c.id for c in changes["conditions"]])
    if "support" in changes:
        _check_unique_ids("support", [s.id for s in changes["support"]])
    if isinstance(changes.get("review_date"), str):
        checked_date("review_date", changes["review_date"])
    changed_fields = list(changes)
    row = await repo.plan(tx, patient_id)
    document = _document(row)
    review_date = changes.pop("review_date", row["review_date"] if row else None)
    updated = msgspec.structs.replace(document, **changes)
    new_version = await _write_plan(tx, clock, patient_id, row, data.version, updated, review_date)
    await record_version(
        tx,
        clock,
        actor,
        patient_id,
        ("plan", patient_id, new_version),
        "updated",
        changed_fields,
        _snapshot(updated, review_date),
    )
    await record_audit(tx, clock, actor, "plan.update", [patient_id], "care_plan")
    return new_version


async def agree_at_review(
    tx: Executor,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    *,
    expected_version: int,
    next_review_date: str,
    review_id: str,
) -> int:
    """Record the plan as agreed at a review (a new version) and set the next review date."""
    actor = await authorise(tx, actor, patient_id, Action.MANAGE_REVIEWS)
    row = await repo.plan(tx, patient_id)
    document = _document(row)
    new_version = await _write_plan(
        tx, clock, patient_id, row, expected_version, document, next_review_date, "plan_version"
    )
    await record_version(
        tx,
        clock,
        actor,
        patient_id,
        ("plan", patient_id, new_version),
        "updated",
        ["review_date"],
        _snapshot(document, next_review_date),
        review_id=review_id,
    )
    return new_version


async def _write_plan(
    tx: Executor,
    clock: Clock,
    patient_id: str,
    row: Any,
    expected_version: int,
    document: PlanDocument,
    review_date: str | None,
    version_field: str = "version",
) -> int:
    now = clock.now_ms()
    encoded = msgspec.json.encode(document).decode()
    if row is None:
        if expected_version != 1:
            raise stale(1, "plan", version_field)
        try:
            await repo.insert_plan(tx, patient_id, 2, encoded, review_date, now)
        except UniqueViolation:  # someone else wrote the first version just now
            raise stale(2, "plan", version_field) from None
        return 2
    if not await repo.update_plan(tx, patient_id, expected_version, encoded, review_date, now):
        raise stale(row["version"], "plan", version_field)
    return expected_version + 1


def _document(row: Any) -> PlanDocument:
    if row is None:
        return PlanDocument()
    return msgspec.json.decode(row["document"], type=PlanDocument)


def _snapshot(document: PlanDocument, review_date: str | None) -> dict[str, Any]:
    return {**msgspec.to_builtins(document), "review_date": review_date}


def _check_unique_ids(field: str, ids: list[str]) -> None:
    if len(set(ids)) != len(ids):
        raise InvalidField(field, "each item needs its own id")
