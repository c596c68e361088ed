"""CarePlan: the one plan across all the person's conditions (FEATURES A).

It addresses every Condition, lists every Goal, and carries each action as an activity with
its schedule. What FHIR R4 has no element for is carried as notes in plain words, read by any
receiver rather than hidden in an extension only we understand (ADR 0016): what matters to
me, about me, each condition's "if I get worse" plan, support and the next review.
"""

from __future__ import annotations

from datetime import date

from careplan.careplans.schemas import CarePlan, Condition, PlanAction, SupportService, Zone
from careplan.fhir.codes import TIME_OF_DAY_WHEN, TIMING_PERIOD, WEEKDAYS, UnmappedValue, lookup
from careplan.fhir.datatypes import Json, Links

ZONES = (("green", "Green (as usual)"), ("amber", "Amber (getting worse)"), ("red", "Red (urgent)"))
SUPPORT_KINDS = {
    "community_group": "community group",
    "peer_support": "peer support",
    "social_prescribing": "social prescribing",
    "service": "service",
    "other": "other support",
}
SUPPORT_STATUS = {"using": "using it", "want_to_try": "would like to try it", "tried": "tried it"}


def care_plan(plan: CarePlan, goal_ids: set[str], today: date, links: Links) -> Json:
    resource: Json = {
        "resourceType": "CarePlan",
        "id": links.id_of("CarePlan", "plan"),
        "status": "active",
        "intent": "plan",
        "title": "My care plan",
        "subject": links.patient(),
        "careTeam": [links.care_team()],
        "addresses": [links.to("Condition", c.id) for c in plan.conditions],
        "goal": [links.to("Goal", g.id) for g in plan.goals],
        "activity": [_activity(a, goal_ids, today, links) for a in plan.actions],
        "note": [{"text": words} for words in _notes(plan)],
    }
    return {name: value for name, value in resource.items() if value != []}


def _activity(action: PlanAction, goal_ids: set[str], today: date, links: Links) -> Json:
    repeat: Json = {"boundsPeriod": {"start": action.start_date}}
    if action.frequency == "times_per_week":
        if action.times_per_week is None:  # the plan's own check forbids it: never guess
            raise UnmappedValue("times per week", None)
        repeat |= {"frequency": action.times_per_week, "period": 1}
    else:
        repeat |= {"frequency": 1, "period": 1}
    repeat["periodUnit"] = lookup("action frequencies", TIMING_PERIOD, action.frequency)
    if action.frequency == "weekdays":
        repeat["dayOfWeek"] = [lookup("weekdays", WEEKDAYS, d) for d in sorted(action.weekdays)]
    when = lookup("times of day", TIME_OF_DAY_WHEN, action.time_of_day)
    if when is not None:
        repeat["when"] = [when]
    detail: Json = {
        # Live actions are being done from their start date; deleted ones are not exported.
        "status": "not-started" if date.fromisoformat(action.start_date) > today else "in-progress",
        "description": action.what,
        "scheduledTiming": {"repeat": repeat},
    }
    if action.goal_id in goal_ids:
        detail["goal"] = [links.to("Goal", action.goal_id)]
    return {"detail": detail}


def _notes(plan: CarePlan) -> list[str]:
    notes = []
    if plan.what_matters.strip():
        notes.append(f"What matters to me: {plan.what_matters.strip()}")
    if plan.about_me.strip():
        notes.append(f"About me: {plan.about_me.strip()}")
    notes += [words for c in plan.conditions if (words := _if_worse(c))]
    if plan.support:
        notes.append("Support I use or want to try:\n" + "\n".join(map(_support, plan.support)))
    if plan.review_date:
        notes.append(f"Next review of this plan: {plan.review_date}")
    return notes


def _if_worse(condition: Condition) -> str:
    """The condition's green, amber and red zones as lines; empty when none is written."""
    lines = []
    for name, heading in ZONES:
        zone: Zone = getattr(condition.if_worse, name)
        parts = [
            f"{label}: {words}"
            for label, words in (
                ("Signs", "; ".join(zone.signs)),
                ("What to do", "; ".join(zone.what_to_do)),
                ("Who to call", zone.who_to_call.strip()),
            )
            if words
        ]
        if parts:
            lines.append(f"{heading}. " + ". ".join(p.rstrip(".") for p in parts) + ".")
    if not lines:
        return ""
    return f"If I get worse ({condition.display}):\n" + "\n".join(lines)


def _support(service: SupportService) -> str:
    kind = lookup("support kinds", SUPPORT_KINDS, service.kind)
    status = lookup("support statuses", SUPPORT_STATUS, service.status)
    reach = f": {service.how_to_reach.strip()}" if service.how_to_reach.strip() else ""
    return f"- {service.name} ({kind}, {status}){reach}"
