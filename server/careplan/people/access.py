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


PATIENT_SELF_ACTIONS = frozenset(
    {
        Action.VIEW_RECORD,
        Action.EDIT_PREFERENCES,
        Action.VIEW_ACCESS_LOG,
        Action.EDIT_PLAN,
        Action.LOG_SELF_CARE,
        Action.WRITE_AGENDA,
    }
)
CLINICAL_ONLY_ACTIONS = frozenset(
    {Action.EDIT_PLAN, Action.EDIT_CLINICAL_PLAN, Action.LOG_SELF_CARE, Action.MANAGE_REVIEWS}
)
CLINICIAN_ACTIONS = frozenset(Action)
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


def authorise_create_patient(actor: Actor) -> None:
    if actor.kind is not ActorKind.CLINICIAN or actor.role not in CREATE_PATIENT_ROLES:
        raise PermissionDeniedException("Only practice staff can register patients")


def patients_listable_by(actor: Actor) -> tuple[str | None, str | None]:
    """(organisation_id, patient_id) bounding a patient list: staff see their organisation,
    a patient sees only themself."""
    if actor.kind is ActorKind.CLINICIAN:
        return actor.organisation_id, None
    return None, actor.id
