"""Every change to the plan, a goal or an action is kept: who, on whose behalf, when, what.

A version row holds the whole entity after the change (so any past state can be shown) and
the names of the fields that changed (so "what changed since my last review" reads plainly).
Stale writes are refused with 409 and the current version, so nothing is silently lost.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec

from careplan.audit.service import record as record_audit
from careplan.careplans import repo
from careplan.careplans.schemas import Change, History
from careplan.clock import Clock
from careplan.errors import Conflict
from careplan.people.access import Action, authorise
from careplan.people.actor import Actor
from careplan.storage.db import Executor

HISTORY_LIMIT = 200
_FIELD_WORDS = {
    "about_me": "about me",
    "what_matters": "what matters to me",
    "conditions": "conditions and “if I get worse” plans",
    "support": "support and services",
    "review_date": "review date",
    "description": "wording",
    "condition_ids": "linked conditions",
    "target": "target",
    "target_date": "target date",
    "importance": "importance",
    "confidence": "confidence",
    "status": "status",
    "progress": "progress",
    "what": "wording",
    "goal_id": "linked goal",
    "frequency": "how often",
    "times_per_week": "how often",
    "weekdays": "which days",
    "time_of_day": "time of day",
}


def stale(current_version: int | None, what: str, field: str = "version") -> Conflict:
    """409 carrying the current version, so the client can reload and re-apply its edit."""
    return Conflict(
        f"{field}: this {what} was changed by someone else (now version {current_version}); "
        "reload it and make your change again",
        extra={"current_version": current_version},
    )


async def record_version(
    tx: Executor,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    entity: tuple[str, str, int],
    change: str,
    changed_fields: list[str],
    snapshot: Any,
    review_id: str | None = None,
) -> None:
    entity_kind, entity_id, version = entity
    await repo.insert_version(
        tx,
        (
            uuid.uuid4().hex,
            patient_id,
            entity_kind,
            entity_id,
            version,
            change,
            msgspec.json.encode(sorted(changed_fields)).decode(),
            msgspec.json.encode(snapshot).decode(),
            actor.kind.value,
            actor.id,
            actor.on_behalf_of,
            review_id,
            clock.now_ms(),
        ),
    )


def summary(entity_kind: str, change: str, changed_fields: list[str], snapshot: dict) -> str:
    """Plain words for one change, e.g. 'Goal “Walk to the park”: changed status, confidence'."""
    if entity_kind == "plan":
        name = "Your plan"
    else:
        label = snapshot.get("description") or snapshot.get("what") or ""
        name = f"{'Goal' if entity_kind == 'goal' else 'Action'} “{label[:80]}”"
    if change != "updated":
        return f"{name}: {change}"
    words = list(dict.fromkeys(_FIELD_WORDS.get(field, field) for field in changed_fields))
    return f"{name}: changed {', '.join(words)}" if words else f"{name}: agreed at review"


async def read_history(
    db: Executor, clock: Clock, actor: Actor, patient_id: str, since_last_review: bool
) -> History:
    actor = await authorise(db, actor, patient_id, Action.VIEW_RECORD)
    answer = await history(db, patient_id, since_last_review)
    await record_audit(db, clock, actor, "history.read", [patient_id], "care_plan")
    return answer


async def history(db: Executor, patient_id: str, since_last_review: bool) -> History:
    last_review = await repo.last_review_completed_at(db, patient_id)
    since = last_review if since_last_review else None
    rows = await repo.versions_since(db, patient_id, since, HISTORY_LIMIT)
    changes = []
    for row in rows:
        fields = msgspec.json.decode(row["changed_fields"])
        snapshot = msgspec.json.decode(row["snapshot"])
        changes.append(
            Change(
                id=row["id"],
                entity_kind=row["entity_kind"],
                entity_id=row["entity_id"],
                version=row["version"],
                change=row["change"],
                changed_fields=fields,
                summary=summary(row["entity_kind"], row["change"], fields, snapshot),
                snapshot=snapshot,
                actor_kind=row["actor_kind"],
                actor_id=row["actor_id"],
                actor_name=row["actor_name"] or "Someone no longer registered",
                on_behalf_of=row["on_behalf_of"],
                review_id=row["review_id"],
                at=row["at"],
            )
        )
    return History(
        patient_id=patient_id,
        since=since,
        last_review_completed_at=last_review,
        changes=changes,
    )
