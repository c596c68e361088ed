"""THE access decision: may this actor do this action for this patient?

Every route that touches patient data asks here, and nowhere else. Rules:
- someone with no relationship to the patient gets 404, never 403, so ids do not leak;
- someone who may see the patient but not do this particular thing gets 403;
- clinicians act only for patients of their own organisation;
- a patient acts for themself, within PATIENT_SELF_ACTIONS.
"""

from __future__ import annotations

from enum import StrEnum

from litestar.exceptions import NotFoundException, PermissionDeniedException

from careplan.people.actor import Actor, ActorKind, ClinicianRole
from careplan.storage.db import Executor


class Action(StrEnum):
    VIEW_RECORD = "view_record"
    EDIT_DEMOGRAPHICS = "edit_demographics"
    EDIT_PREFERENCES = "edit_preferences"
    EDIT_CARE_TEAM = "edit_care_team"
    VIEW_ACCESS_LOG = "view_access_log"
    EDIT_PLAN = "edit_plan"  # about me, what matters, support, goals, actions: the person's own
    EDIT_CLINICAL_PLAN = "edit_clinical_plan"  # conditions, "if I get worse", review date
    LOG_SELF_CARE = "log_self_care"  # action logs and readings
    WRITE_AGENDA = "write_agenda"  # "what I want to talk about" before a review
    MANAGE_REVIEWS = "manage_reviews"  # schedule, share results, complete
    VIEW_MESSAGES = "view_messages"  # the patient's message thread
    SEND_MESSAGE = "send_message"  # write in the thread (the patient, or their care team)
    WORK_INBOX = "work_inbox"  # the clinician inbox and caseload
    VIEW_PRACTICE_FIGURES = "view_practice_figures"  # continuity: counts, no patient data
    MANAGE_CHECKINS = "manage_checkins"  # check-in schedules, quiet hours, pause
    SEND_CHECKIN_NOW = "send_checkin_now"  # make a scheduled check-in due at once
    MANAGE_THRESHOLDS = "manage_thresholds"  # alert levels for a patient's readings
    MANAGE_PUSH = "manage_push"  # this device's notifications: the patient's own


PATIENT_SELF_ACTIONS = frozenset(
    {
        Action.VIEW_RECORD,
        Action.EDIT_PREFERENCES,
        Action.VIEW_ACCESS_LOG,
        Action.EDIT_PLAN,
        Action.LOG_SELF_CARE,
        Action.WRITE_AGENDA,
        Action.VIEW_MESSAGES,
        Action.SEND_MESSAGE,
        Action.MANAGE_CHECKINS,
        Action.MANAGE_PUSH,
    }
)
# A device subscribes for the person signed in on it; staff never subscribe for a patient.
PATIENT_ONLY_ACTIONS = frozenset({Action.MANAGE_PUSH})
CLINICAL_ONLY_ACTIONS = frozenset(
    {
        Action.EDIT_PLAN,
        Action.EDIT_CLINICAL_PLAN,
        Action.LOG_SELF_CARE,
        Action.MANAGE_REVIEWS,
        # Messages and the inbox are clinical conversations: not for practice administrators.
        Action.VIEW_MESSAGES,
        Action.SEND_MESSAGE,
        Action.WORK_INBOX,
        Action.MANAGE_CHECKINS,
        Action.SEND_CHECKIN_NOW,
        Action.MANAGE_THRESHOLDS,
    }
)
CLINICIAN_ACTIONS = frozenset(Action) - PATIENT_ONLY_ACTIONS
# Practice administrators run registration and care teams; they do not write care plans.
ADMIN_ACTIONS = CLINICIAN_ACTIONS - CLINICAL_ONLY_ACTIONS - {Action.WRITE_AGENDA}
CREATE_PATIENT_ROLES = frozenset(ClinicianRole)

NOT_FOUND = "No patient with that id"


async def authorise(db: Executor, actor: Actor, patient_id: str, action: Action) -> None:
    """Return if allowed; raise 404 for strangers and 403 for a known party doing too much."""
    if actor.kind is ActorKind.PATIENT:
        if patient_id != actor.id:
            raise NotFoundException(NOT_FOUND)
        if action not in PATIENT_SELF_ACTIONS:
            raise PermissionDeniedException("Only your care team can change this")
        return
    organisation_id = await db.fetch_value(
        "SELECT organisation_id FROM patients WHERE id = ?", patient_id
    )
    if organisation_id is None or organisation_id != actor.organisation_id:
        raise NotFoundException(NOT_FOUND)
    allowed = ADMIN_ACTIONS if actor.role == ClinicianRole.ADMIN else CLINICIAN_ACTIONS
    if action not in allowed:
        raise PermissionDeniedException("Your role cannot do this")


def authorise_staff(actor: Actor, action: Action) -> None:
    """For work that names no patient (the inbox, caseload): only clinical staff of a role
    allowed ACTION. Decided before anything is looked up, so the answer leaks nothing."""
    if actor.kind is not ActorKind.CLINICIAN:
        raise PermissionDeniedException("Only clinical staff can do this")
    allowed = ADMIN_ACTIONS if actor.role == ClinicianRole.ADMIN else CLINICIAN_ACTIONS
    if action not in allowed:
        raise PermissionDeniedException("Your role cannot do this")


def authorise_create_patient(actor: Actor) -> None:
    if actor.kind is not ActorKind.CLINICIAN or actor.role not in CREATE_PATIENT_ROLES:
        raise PermissionDeniedException("Only practice staff can register patients")


def patients_listable_by(actor: Actor) -> tuple[str | None, str | None]:
    """(organisation_id, patient_id) bounding a patient list: staff see their organisation,
    a patient sees only themself."""
    if actor.kind is ActorKind.CLINICIAN:
        return actor.organisation_id, None
    return None, actor.id
