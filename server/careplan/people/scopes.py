"""What a patient can let a carer do (FEATURES D), and how each maps onto the access actions.

A scope is the patient's word for a piece of help; `access.authorise` turns it into the
actions a carer may take. Kept apart from access.py so the app, the invitation rules and the
access decision read one list.
"""

from __future__ import annotations

from enum import StrEnum


class Scope(StrEnum):
    VIEW_PLAN = "view_plan"  # read the plan, goals, actions, readings, reviews
    LOG_SELF_CARE = "log_self_care"  # log actions and readings
    ANSWER_CHECKINS = "answer_checkins"  # answer check-ins, in the app or from their phone
    MESSAGE_TEAM = "message_team"  # write to the care team in the thread
    MANAGE_SCHEDULES = "manage_schedules"  # check-in schedules, quiet hours, pause


# Acting on the plan means seeing it: these scopes are only granted with VIEW_PLAN.
NEEDS_VIEW_PLAN = frozenset({Scope.LOG_SELF_CARE, Scope.MANAGE_SCHEDULES})


def encode(scopes: frozenset[Scope]) -> str:
    return " ".join(sorted(scopes))


def decode(stored: str) -> frozenset[Scope]:
    return frozenset(Scope(name) for name in stored.split())
