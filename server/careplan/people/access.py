"""THE access decision: may this actor do this action for this patient?

Every route that touches patient data asks here, and nowhere else. Rules:
- someone with no relationship to the patient gets 404, never 403, so ids do not leak;
- someone who may see the patient but not do this particular thing gets 403;
- clinicians act only for patients of their own organisation;
- a patient acts for themself, within PATIENT_SELF_ACTIONS;
- a carer acts only through a live delegation (accepted, not revoked, not past its end),
  checked on every request, within its scopes (people/scopes.py). Outside them (ADR 0015):
  reads are 404 (they cannot see the thing), changes are 403 when the carer may view the
  plan (they see the thing but may not change it) and 404 when they may not.
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from litestar.exceptions import NotFoundException, PermissionDeniedException

from careplan.people import scopes as scope_names
from careplan.people.actor import Actor, ActorKind, ClinicianRole
from careplan.people.scopes import Scope
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
    SEE_CHECKINS = "see_checkins"  # the patient saw a check-in in the app: no text needed
    VIEW_CARERS = "view_carers"  # who the patient's carers are, and the capacity record
    MANAGE_CARERS = "manage_carers"  # invite, change, revoke carers: the patient's own choice
    RECORD_CAPACITY = "record_capacity"  # a clinician's record that the patient lacks capacity
    VIEW_SHARE_LINKS = "view_share_links"  # the patient's "my story" links (ADR 0017)
    SHARE_STORY = "share_story"  # make or stop a "my story" link: the patient's own choice


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
        Action.VIEW_CARERS,
        Action.MANAGE_CARERS,
        Action.SEE_CHECKINS,
        Action.VIEW_SHARE_LINKS,
        Action.SHARE_STORY,
    }
)
# A device subscribes for the person signed in on it; staff never subscribe for a patient.
# Only the patient's own look at a check-in stands in for its text. Sharing their story
# beyond the practice is the patient's decision alone: no clinician or carer makes links.
PATIENT_ONLY_ACTIONS = frozenset(
    {Action.MANAGE_PUSH, Action.SEE_CHECKINS, Action.VIEW_SHARE_LINKS, Action.SHARE_STORY}
)
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
        Action.RECORD_CAPACITY,
        Action.MANAGE_CARERS,
    }
)
# Carers are the patient's choice; clinicians set them up only once capacity is recorded.
CAPACITY_ACTIONS = frozenset({Action.MANAGE_CARERS})
CLINICIAN_ACTIONS = frozenset(Action) - PATIENT_ONLY_ACTIONS
# Practice administrators run registration and care teams; they do not write care plans.
ADMIN_ACTIONS = CLINICIAN_ACTIONS - CLINICAL_ONLY_ACTIONS - {Action.WRITE_AGENDA}
CREATE_PATIENT_ROLES = frozenset(ClinicianRole)

# What each scope lets a carer do. Answering check-ins happens in the thread, so it opens
# the thread too; messaging/thread_service.py keeps an answer-only carer to answers.
CARER_GRANTS: dict[Action, frozenset[Scope]] = {
    Action.VIEW_RECORD: frozenset({Scope.VIEW_PLAN}),
    Action.LOG_SELF_CARE: frozenset({Scope.LOG_SELF_CARE}),
    Action.VIEW_MESSAGES: frozenset({Scope.ANSWER_CHECKINS, Scope.MESSAGE_TEAM}),
    Action.SEND_MESSAGE: frozenset({Scope.ANSWER_CHECKINS, Scope.MESSAGE_TEAM}),
    Action.MANAGE_CHECKINS: frozenset({Scope.MANAGE_SCHEDULES}),
}
READ_ACTIONS = frozenset(
    {
        Action.VIEW_RECORD,
        Action.VIEW_MESSAGES,
        Action.VIEW_ACCESS_LOG,
        Action.VIEW_CARERS,
        Action.VIEW_SHARE_LINKS,
    }
)

NOT_FOUND = "No patient with that id"


async def authorise(db: Executor, actor: Actor, patient_id: str, action: Action) -> Actor:
    """The actor as acting for this patient (a carer's acts are on the patient's behalf).

    Raises 404 for strangers and 403 for a known party doing too much.
    """
    if actor.kind is ActorKind.PATIENT:
        if patient_id != actor.id:
            raise NotFoundException(NOT_FOUND)
        if action not in PATIENT_SELF_ACTIONS:
            raise PermissionDeniedException("Only your care team can change this")
        return actor
    if actor.kind is ActorKind.CARER:
        return await _authorise_carer(db, actor, patient_id, action)
    patient = await db.fetch_one(
        "SELECT organisation_id, lacks_capacity FROM patients WHERE id = ?", patient_id
    )
    if patient is None or patient["organisation_id"] != actor.organisation_id:
        raise NotFoundException(NOT_FOUND)
    allowed = ADMIN_ACTIONS if actor.role == ClinicianRole.ADMIN else CLINICIAN_ACTIONS
    if action not in allowed:
        raise PermissionDeniedException("Your role cannot do this")
    if action in CAPACITY_ACTIONS and not patient["lacks_capacity"]:
        raise PermissionDeniedException(
            "Only the patient chooses their carers, unless a clinician has recorded that "
            "they lack capacity to"
        )
    return actor


async def _authorise_carer(db: Executor, actor: Actor, patient_id: str, action: Action) -> Actor:
    """Re-read the delegation on every request, so revocation and expiry hold at once."""
    granted = await live_carer_scopes(db, actor, patient_id)
    if granted is None:
        raise NotFoundException(NOT_FOUND)
    if granted & CARER_GRANTS.get(action, frozenset()):
        return replace(actor, on_behalf_of=patient_id)
    if action in READ_ACTIONS or Scope.VIEW_PLAN not in granted:
        raise NotFoundException(NOT_FOUND)
    raise PermissionDeniedException("The patient has not asked you to help with this")


async def live_carer_scopes(db: Executor, actor: Actor, patient_id: str) -> frozenset[Scope] | None:
    """What a carer may do for this patient at the request's instant; None without a live
    (accepted, unrevoked, unexpired) delegation. For rules finer than an action, like the
    thread's answer-only carer."""
    stored = await db.fetch_value(
        "SELECT scopes FROM carer_delegations WHERE carer_id = ? AND patient_id = ? "
        "AND status = 'active' AND (ends_at IS NULL OR ends_at > ?)",
        actor.id,
        patient_id,
        actor.request_at,
    )
    return None if stored is None else scope_names.decode(stored)


def authorise_staff(actor: Actor, action: Action) -> None:
    """For work that names no patient (the inbox, caseload): only clinical staff of a role
    allowed ACTION. Decided before anything is looked up, so the answer leaks nothing."""
    if actor.kind is not ActorKind.CLINICIAN:
        raise PermissionDeniedException("Only clinical staff can do this")
    allowed = ADMIN_ACTIONS if actor.role == ClinicianRole.ADMIN else CLINICIAN_ACTIONS
    if action not in allowed:
        raise PermissionDeniedException("Your role cannot do this")


def authorise_carer_self(actor: Actor) -> None:
    """For a carer's own work that names no patient yet (their list, their invitations)."""
    if actor.kind is not ActorKind.CARER:
        raise PermissionDeniedException("Only carers have patients they help")


def authorise_create_patient(actor: Actor) -> None:
    if actor.kind is not ActorKind.CLINICIAN or actor.role not in CREATE_PATIENT_ROLES:
        raise PermissionDeniedException("Only practice staff can register patients")


def patients_listable_by(actor: Actor) -> tuple[str | None, str | None]:
    """(organisation_id, patient_id) bounding a patient list: staff see their organisation,
    a patient sees only themself. Carers list the patients they help at /api/carer/patients."""
    if actor.kind is ActorKind.CLINICIAN:
        return actor.organisation_id, None
    if actor.kind is ActorKind.CARER:
        raise PermissionDeniedException("Carers see the patients they help at /api/carer/patients")
    return None, actor.id
