"""Consent: each carer access the patient (or, when they lack capacity, a clinician) granted:
its status, who granted it, its dates, and what the carer may do (ADR 0015, 0016)."""

from __future__ import annotations

from careplan.fhir.codes import (
    ACT_CODE,
    CARER_SCOPE,
    CONSENT_ACTION,
    CONSENT_SCOPE,
    CONSENT_STATUS,
    LOINC,
    ROLE_CLASS,
    SCOPE_CONSENT_ACTION,
    SCOPE_WORDS,
    lookup,
)
from careplan.fhir.datatypes import Json, Links, coded, instant
from careplan.people import scopes


def consent(row: Json, status: str, links: Links) -> Json:
    """STATUS is ours as the carers list shows it (invited, active, expired …)."""
    return {
        "resourceType": "Consent",
        "id": links.id_of("Consent", row["id"]),
        "status": lookup("carer access statuses", CONSENT_STATUS, status),
        "scope": coded(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
        "category": [coded(LOINC, "59284-0", "Patient Consent")],
        "patient": links.patient(),
        "dateTime": instant(row["created_at"]),
        "performer": [links.actor(row["granted_by_kind"], row["granted_by_id"])],
        "organization": [links.organisation()],
        "policyRule": coded(ACT_CODE, "OPTIN", "opt-in"),
        "provision": {
            "type": "permit",
            **_period(row, status),
            "actor": [
                {
                    "role": coded(ROLE_CLASS, "CAREGIVER", "caregiver", "Carer"),
                    "reference": links.carer(row["carer_id"]),
                }
            ],
            "action": [_action(scope) for scope in sorted(scopes.decode(row["scopes"]))],
        },
    }


def _period(row: Json, status: str) -> Json:
    """From acceptance to the end date (inclusive, a date) or the instant it was revoked."""
    period: Json = {}
    if row["accepted_at"] is not None:
        period["start"] = instant(row["accepted_at"])
    if status == "revoked" and row["revoked_at"] is not None:
        period["end"] = instant(row["revoked_at"])
    elif row["ends_on"]:
        period["end"] = row["ends_on"]
    return {"period": period} if period else {}


def _action(scope: str) -> Json:
    words = lookup("carer scopes", SCOPE_WORDS, scope)
    coding = [{"system": CARER_SCOPE, "code": scope, "display": words}]
    if scope in SCOPE_CONSENT_ACTION:
        code, display = SCOPE_CONSENT_ACTION[scope]
        coding.append({"system": CONSENT_ACTION, "code": code, "display": display})
    return {"coding": coding, "text": words}
