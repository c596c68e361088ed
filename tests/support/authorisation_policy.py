"""Who may call each API operation, written out from the access rule (DESIGN.md rule 1, ADR
0015, people/access.py's docstring) rather than read from the code that enforces it.

Every operation in /schema/openapi.json is either in POLICY ("METHOD /path" -> what each of
the nine ACTORS gets) or in EXEMPT with the reason; tests/integration/
test_authorisation_matrix.py fails on an operation in neither, and on an entry that names no
operation. An outcome is OK (the request got past access control) or the refusal code.

The rule, per actor:
- anonymous: 401 everywhere but the public sign-in routes and /healthz;
- the patient: their own record within what patients do for themselves; 403 for the care
  team's work (clinical plan, reviews, thresholds, care team, capacity);
- another patient, a clinician of another practice, a revoked or expired carer: 404 for
  anything of the patient's, so ids do not leak;
- a clinician of the same practice: everything but the patient's own choices (carers, while
  capacity is not recorded) and the patient's own device (push, check-ins seen in the app);
- a carer: only within the scopes granted. Outside them reads are 404; changes are 403 when
  the carer may view the plan (they see the thing) and 404 when they may not.
- work that names no patient (inbox, caseload) is for clinical staff only: everyone else who
  is signed in gets 403, decided before anything is looked up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OK = "ok"
Outcome = Literal["ok", 401, 403, 404]

ACTORS = (
    "patient",  # alice
    "other_patient",  # bob, same practice
    "carer",  # a carer of alice's with every scope, so with the one the route needs
    "carer_lacking",  # a carer of alice's without the needed scope (see Policy.lacking)
    "carer_revoked",  # had every scope; revoked by alice
    "carer_expired",  # had every scope; its end date has passed
    "gp",  # alice's named clinician
    "other_gp",  # a GP of another practice
    "anonymous",  # no session (but a valid CSRF token, to see the auth answer)
)
# Which carer plays carer_lacking: one who may view the plan (so a refused change is 403 and
# a refused read 404), or one who may only message the team (so anything is 404).
LACKING_CARERS = {
    "view_only": ["view_plan"],
    "message_only": ["message_team"],
}


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    expected: dict[str, Outcome]
    lacking: Literal["view_only", "message_only"] = "message_only"


def _policy(name: str, lacking: str = "message_only", **expected: Outcome) -> Policy:
    missing = set(ACTORS) - expected.keys()
    assert not missing, f"{name} says nothing for {sorted(missing)}"
    return Policy(name, expected, lacking)  # type: ignore[arg-type]


def _of_the_patient(
    name: str, *, patient: Outcome, carer: Outcome, lacking: str, carer_lacking: Outcome, gp
) -> Policy:
    """Something of alice's: strangers and ended carers get 404, anonymous 401."""
    return _policy(
        name,
        lacking,
        patient=patient,
        other_patient=404,
        carer=carer,
        carer_lacking=carer_lacking,
        carer_revoked=404,
        carer_expired=404,
        gp=gp,
        other_gp=404,
        anonymous=401,
    )


# Reads a view_plan carer may make; a message-only carer cannot see the plan: 404.
RECORD_READ = _of_the_patient(
    "RECORD_READ", patient=OK, carer=OK, lacking="message_only", carer_lacking=404, gp=OK
)
# The thread: message_team (or answer_checkins) opens it; view_plan alone does not: 404.
MESSAGES_READ = _of_the_patient(
    "MESSAGES_READ", patient=OK, carer=OK, lacking="view_only", carer_lacking=404, gp=OK
)
# Changes a scope grants (log_self_care, manage_schedules, message_team); a view_plan-only
# carer sees the thing but may not change it: 403.
SCOPED_CHANGE = _of_the_patient(
    "SCOPED_CHANGE", patient=OK, carer=OK, lacking="view_only", carer_lacking=403, gp=OK
)
# The person's own words, agenda and preferences: the patient and the care team; no scope
# grants them to a carer.
SHARED_CHANGE = _of_the_patient(
    "SHARED_CHANGE", patient=OK, carer=403, lacking="message_only", carer_lacking=404, gp=OK
)
# The care team's work: clinical plan, reviews, thresholds, care team, capacity, send now.
CLINICAL = _of_the_patient(
    "CLINICAL", patient=403, carer=403, lacking="message_only", carer_lacking=404, gp=OK
)
# The access log and who the carers are: the patient and the care team; no carer.
PRIVATE_READ = _of_the_patient(
    "PRIVATE_READ", patient=OK, carer=404, lacking="message_only", carer_lacking=404, gp=OK
)
# Choosing carers is the patient's (a clinician only once lacking capacity is recorded, and
# alice's is not); so are the patient's own device and what they saw in the app.
PATIENT_OWN = _of_the_patient(
    "PATIENT_OWN", patient=OK, carer=403, lacking="message_only", carer_lacking=404, gp=403
)
# The patient's own "my story" links (ADR 0017): a read nobody else makes, so a carer gets
# 404 as for the access log; the care team knows the patient, so 403.
PATIENT_OWN_READ = _of_the_patient(
    "PATIENT_OWN_READ", patient=OK, carer=404, lacking="view_only", carer_lacking=404, gp=403
)
_PATIENTS_AND_CARERS_403 = {
    "patient": 403,
    "other_patient": 403,
    "carer": 403,
    "carer_lacking": 403,
    "carer_revoked": 403,
    "carer_expired": 403,
}
# Work naming no patient, for clinical staff of any practice (each sees its own).
STAFF = _policy("STAFF", **_PATIENTS_AND_CARERS_403, gp=OK, other_gp=OK, anonymous=401)
# One of Riverside's inbox items: Hillside's GP gets 404.
STAFF_ITEM = _policy("STAFF_ITEM", **_PATIENTS_AND_CARERS_403, gp=OK, other_gp=404, anonymous=401)
# Registering patients: practice staff.
REGISTER = STAFF
_NO_CARERS = {"carer": 403, "carer_lacking": 403, "carer_revoked": 403, "carer_expired": 403}
# The patient list: staff see their practice, a patient only themself, carers use /carer.
PATIENT_LIST = _policy(
    "PATIENT_LIST", patient=OK, other_patient=OK, **_NO_CARERS, gp=OK, other_gp=OK, anonymous=401
)
_NOT_A_CARER = {"patient": 403, "other_patient": 403, "gp": 403, "other_gp": 403}
# The patients a carer helps: every carer lists their own (ended ones list nothing).
CARER_SELF = _policy(
    "CARER_SELF",
    **_NOT_A_CARER,
    carer=OK,
    carer_lacking=OK,
    carer_revoked=OK,
    carer_expired=OK,
    anonymous=401,
)
# Answering the full carer's invitation: any other carer gets 404.
CARER_INVITATION = _policy(
    "CARER_INVITATION",
    **_NOT_A_CARER,
    carer=OK,
    carer_lacking=404,
    carer_revoked=404,
    carer_expired=404,
    anonymous=401,
)
SIGNED_IN = _policy("SIGNED_IN", **dict.fromkeys(ACTORS[:-1], OK), anonymous=401)
PUBLIC = _policy("PUBLIC", **dict.fromkeys(ACTORS, OK))

P = "/api/patients/{patient_id}"
POLICY: dict[str, Policy] = {
    "GET /healthz": PUBLIC,
    # auth: sign-in is public; /me and the lists every signed-in person may read
    "GET /api/auth/csrf": PUBLIC,
    "POST /api/auth/login": PUBLIC,
    "POST /api/auth/logout": PUBLIC,
    "POST /api/auth/sms-code": PUBLIC,
    "POST /api/auth/sms-verify": PUBLIC,
    "GET /api/me": SIGNED_IN,
    "GET /api/clinicians": SIGNED_IN,  # the practice's clinicians (a carer's: none)
    "GET /api/reading-types": SIGNED_IN,
    "GET /api/push/config": SIGNED_IN,
    # patients
    "GET /api/patients": PATIENT_LIST,
    "POST /api/patients": REGISTER,
    f"GET {P}": RECORD_READ,
    f"PATCH {P}": SHARED_CHANGE,  # preferred_language: a preference, not demographics
    f"PUT {P}/care-team": CLINICAL,
    f"GET {P}/access-log": PRIVATE_READ,
    # the care plan
    f"GET {P}/plan": RECORD_READ,
    f"PATCH {P}/plan": SHARED_CHANGE,  # about_me: the person's own words
    f"GET {P}/today": RECORD_READ,
    f"GET {P}/history": RECORD_READ,
    # the whole record as FHIR: a read of the record (the thread and carers only inside it
    # for those who may read them: tests/integration/fhir/test_export_access.py)
    f"GET {P}/fhir": RECORD_READ,
    f"POST {P}/goals": SHARED_CHANGE,
    f"PATCH {P}/goals/{{goal_id}}": SHARED_CHANGE,
    f"DELETE {P}/goals/{{goal_id}}": SHARED_CHANGE,
    f"POST {P}/actions": SHARED_CHANGE,
    f"PATCH {P}/actions/{{action_id}}": SHARED_CHANGE,
    f"DELETE {P}/actions/{{action_id}}": SHARED_CHANGE,
    f"POST {P}/action-logs": SCOPED_CHANGE,  # log_self_care
    "POST /api/sync": SCOPED_CHANGE,  # a record_reading mutation: log_self_care, per item
    # readings
    f"GET {P}/readings": RECORD_READ,
    f"GET {P}/readings/series": RECORD_READ,
    f"POST {P}/readings": SCOPED_CHANGE,  # log_self_care
    f"DELETE {P}/readings/{{reading_id}}": SCOPED_CHANGE,  # log_self_care
    # reviews
    f"GET {P}/reviews": RECORD_READ,
    f"GET {P}/reviews/{{review_id}}": RECORD_READ,
    f"POST {P}/reviews": CLINICAL,
    f"POST {P}/reviews/{{review_id}}/results": CLINICAL,
    f"PUT {P}/reviews/{{review_id}}/agenda": SHARED_CHANGE,
    f"POST {P}/reviews/{{review_id}}/complete": CLINICAL,
    # check-ins
    f"GET {P}/checkin-schedules": RECORD_READ,
    f"POST {P}/checkin-schedules": SCOPED_CHANGE,  # manage_schedules
    "PATCH /api/checkin-schedules/{schedule_id}": SCOPED_CHANGE,  # manage_schedules
    "POST /api/checkin-schedules/{schedule_id}/send-now": CLINICAL,
    f"GET {P}/checkin-settings": RECORD_READ,
    f"PUT {P}/checkin-settings": SCOPED_CHANGE,  # manage_schedules
    f"POST {P}/checkins/seen": PATIENT_OWN,
    # thresholds: the clinicians' (the patient does not manage, nor list, them)
    f"GET {P}/thresholds": CLINICAL,
    f"POST {P}/thresholds": CLINICAL,
    "DELETE /api/thresholds/{threshold_id}": CLINICAL,
    # the thread
    f"GET {P}/messages": MESSAGES_READ,
    f"POST {P}/messages": SCOPED_CHANGE,  # message_team
    # push: the patient's own device
    f"POST {P}/push-subscriptions": PATIENT_OWN,
    f"DELETE {P}/push-subscriptions": PATIENT_OWN,
    # carers and capacity
    f"GET {P}/carers": PRIVATE_READ,
    f"POST {P}/carers": PATIENT_OWN,
    f"PATCH {P}/carers/{{delegation_id}}": PATIENT_OWN,
    f"POST {P}/carers/{{delegation_id}}/revoke": PATIENT_OWN,
    f"GET {P}/capacity": PRIVATE_READ,
    f"PUT {P}/capacity": CLINICAL,
    "GET /api/carer/patients": CARER_SELF,
    "POST /api/carer/invitations/{delegation_id}/accept": CARER_INVITATION,
    "POST /api/carer/invitations/{delegation_id}/decline": CARER_INVITATION,
    # "my story" share links: the patient's alone (ADR 0017)
    f"GET {P}/share-links": PATIENT_OWN_READ,
    f"POST {P}/share-links": PATIENT_OWN,
    f"POST {P}/share-links/{{link_id}}/revoke": PATIENT_OWN,
    # The page: outside /api/, no session. The token is the credential, so whoever holds it
    # (signed in as anyone, or not at all) gets the page; refusals are tests/integration/
    # sharing/test_story_page.py's (unknown, expired, revoked: one 404 page).
    "GET /story/{token}": PUBLIC,
    # staff work
    "GET /api/inbox": STAFF,
    "GET /api/inbox/events": STAFF,
    "GET /api/inbox/{item_id}": STAFF_ITEM,
    "POST /api/inbox/{item_id}/assign": STAFF_ITEM,
    "POST /api/inbox/{item_id}/notes": STAFF_ITEM,
    "POST /api/inbox/{item_id}/reply": STAFF_ITEM,
    "POST /api/inbox/{item_id}/resolve": STAFF_ITEM,
    "GET /api/clinicians/me/away": STAFF,
    "PUT /api/clinicians/me/away": STAFF,
    "GET /api/caseload": STAFF,
    "GET /api/continuity": STAFF,
}

EXEMPT = {
    "POST /webhooks/twilio/sms": "Twilio's, not a person's: checked by X-Twilio-Signature, "
    "not a session (tests/integration/messaging/test_twilio_webhook_signatures.py)",
    "POST /webhooks/twilio/status": "Twilio's, not a person's: checked by X-Twilio-Signature, "
    "not a session (tests/integration/messaging/test_twilio_webhook_signatures.py)",
}
