"""Goal: the person's goals in their own words. Where the goal is in its life (proposed,
active, paused, achieved, abandoned) and how it is going (improving, worsening …) are two
different things, kept in two elements (lifecycleStatus, achievementStatus)."""

from __future__ import annotations

from careplan.careplans.schemas import Goal, Target
from careplan.fhir.codes import (
    GOAL_ACHIEVEMENT,
    GOAL_ACHIEVEMENT_CODES,
    GOAL_LIFECYCLE,
    TARGET_COMPARATOR,
    TARGET_UNITS,
    lookup,
)
from careplan.fhir.datatypes import Json, Links, coded, quantity, text


def goal(item: Goal, condition_ids: set[str], links: Links) -> Json:
    resource: Json = {
        "resourceType": "Goal",
        "id": links.id_of("Goal", item.id),
        "lifecycleStatus": lookup("goal statuses", GOAL_LIFECYCLE, item.status),
        "achievementStatus": _achievement(item.progress),
        "description": text(item.description),
        "subject": links.patient(),
        "expressedBy": links.patient(),
    }
    targets = _target(item.target, item.target_date)
    if targets:
        resource["target"] = targets
    addresses = [links.to("Condition", c) for c in item.condition_ids if c in condition_ids]
    if addresses:
        resource["addresses"] = addresses
    note = _scores(item.importance, item.confidence)
    if note:
        resource["note"] = [{"text": note}]
    return resource


def _achievement(progress: str) -> Json:
    code, display = lookup("goal progress", GOAL_ACHIEVEMENT_CODES, progress)
    return text(display) if code is None else coded(GOAL_ACHIEVEMENT, code, display)


def _target(target: Target | None, due: str | None) -> list[Json]:
    if target is None:
        return [{"dueDate": due}] if due else []
    ucum = TARGET_UNITS.get(target.unit)  # a unit UCUM lacks stays in words, uncoded
    result: Json = {"measure": text(target.measure)}
    if target.comparator == "between":
        low = quantity(target.value, target.unit, ucum)
        high = None if target.upper is None else quantity(target.upper, target.unit, ucum)
        result["detailRange"] = {"low": low} | ({"high": high} if high else {})
    else:
        comparator = lookup("target comparators", TARGET_COMPARATOR, target.comparator)
        result["detailQuantity"] = {
            **quantity(target.value, target.unit, ucum),
            "comparator": comparator,
        }
    if due:
        result["dueDate"] = due
    return [result]


def _scores(importance: int | None, confidence: int | None) -> str:
    """Year of Care's two questions, which FHIR has no element for: said in words."""
    parts = []
    if importance is not None:
        parts.append(f"How important this is to me: {importance} out of 10.")
    if confidence is not None:
        parts.append(f"How confident I am: {confidence} out of 10.")
    return " ".join(parts)
