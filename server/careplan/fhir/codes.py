"""Every code the export writes: systems, status maps, LOINC and UCUM (ADR 0016).

A status map is a closed table. A value we have no FHIR word for raises `UnmappedValue`
(a KeyError) instead of being guessed or dropped: an export that says "active" for a goal the
patient paused, or leaves a failed text looking delivered, misleads whoever reads it. The
reading catalogue (careplans/readings/catalogue.py) stays the one place a reading type's
LOINC code and UCUM unit are chosen; this module adds only their displays and categories.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from careplan.careplans.readings.catalogue import READING_TYPES, ReadingKind

NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
LANGUAGE = "urn:ietf:bcp:47"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass"
# Our own code system for what a carer may do (people/scopes.py): no standard one exists.
CARER_SCOPE = "urn:careplan:carer-scope"

V = TypeVar("V")


class UnmappedValue(KeyError):
    """A stored value with no FHIR equivalent in our tables: fix the table, never guess."""

    def __init__(self, table: str, value: object) -> None:
        super().__init__(f"{table} has no FHIR code for {value!r}")
        self.table = table
        self.value = value

    def __str__(self) -> str:
        return str(self.args[0])


def lookup(table: str, mapping: Mapping[str, V], value: str) -> V:
    try:
        return mapping[value]
    except KeyError:
        raise UnmappedValue(table, value) from None


# Goal.lifecycleStatus (R4 GoalLifecycleStatus, required binding): our goal status.
GOAL_LIFECYCLE = {
    "proposed": "proposed",
    "active": "active",
    "paused": "on-hold",  # "a long term objective but no longer actively pursued for a time"
    "achieved": "completed",  # "no longer being sought"; achievementStatus says it was met
    "abandoned": "cancelled",  # "the goal has been abandoned"
}
# Goal.achievementStatus (goal-achievement): our progress, kept apart from the lifecycle.
# "not_started" has no code there, so it is said in words only (code None).
GOAL_ACHIEVEMENT_CODES: dict[str, tuple[str | None, str]] = {
    "not_started": (None, "Not started"),
    "in_progress": ("in-progress", "In Progress"),
    "improving": ("improving", "Improving"),
    "worsening": ("worsening", "Worsening"),
    "no_change": ("no-change", "No Change"),
    "achieved": ("achieved", "Achieved"),
}
# Goal target comparators (Quantity.comparator); "between" becomes a Range instead.
TARGET_COMPARATOR = {"below": "<", "at_most": "<=", "at_least": ">=", "above": ">"}

# CarePlan.activity.detail.scheduledTiming: our frequency and time of day.
TIMING_PERIOD = {"daily": "d", "times_per_week": "wk", "weekdays": "d"}
TIME_OF_DAY_WHEN: dict[str, str | None] = {
    "morning": "MORN",
    "midday": "NOON",
    "afternoon": "AFT",
    "evening": "EVE",
    "bedtime": "HS",
    "any": None,
}
WEEKDAYS = {1: "mon", 2: "tue", 3: "wed", 4: "thu", 5: "fri", 6: "sat", 7: "sun"}

# CareTeam.participant.role (words: no standard code says "named clinician").
TEAM_ROLE = {
    "named_clinician": "Named clinician",
    "care_coordinator": "Care coordinator",
    "member": "Care team member",
}
PROFESSION = {
    "gp": "GP",
    "nurse": "Nurse",
    "care_coordinator": "Care coordinator",
    "pharmacist": "Pharmacist",
    "health_coach": "Health coach",
    "admin": "Practice administrator",
}

# Communication.status (R4 EventStatus): our message status. Texts that never reached the
# person are not-done, so nobody reads a failed text as delivered.
COMMUNICATION_STATUS = {
    "queued": "in-progress",
    "sending": "in-progress",
    "sent": "completed",
    "delivered": "completed",
    "received": "completed",
    "undelivered": "not-done",
    "failed": "not-done",
    "skipped": "not-done",
    "expired": "not-done",
}
MEDIUM = {"sms": "Text message (SMS)", "app": "In the Careplan app", "push": "App notification"}

# Consent.status (R4 ConsentState): our delegation status as the carers list shows it.
CONSENT_STATUS = {
    "invited": "proposed",  # waiting for the carer to accept
    "active": "active",
    "declined": "rejected",
    "revoked": "inactive",
    "expired": "inactive",
}
# Consent.provision.action: each scope in our code system; view_plan is also "access".
SCOPE_WORDS = {
    "view_plan": "See the plan, goals, actions and readings",
    "log_self_care": "Log actions and readings",
    "answer_checkins": "Answer check-ins",
    "message_team": "Message the care team",
    "manage_schedules": "Set up and pause check-ins",
}
SCOPE_CONSENT_ACTION = {"view_plan": ("access", "Access")}

# Observations: the display of each LOINC code the catalogue uses, and a category per type
# (None: no observation-category fits a reading the person takes at home).
LOINC_DISPLAY = {
    "85354-9": "Blood pressure panel with all children optional",
    "8480-6": "Systolic blood pressure",
    "8462-4": "Diastolic blood pressure",
    "15074-8": "Glucose [Moles/volume] in Blood",
    "29463-7": "Body weight",
    "19935-6": "Maximum expiratory gas flow Respiratory system airway by Peak flow meter",
    "59408-5": "Oxygen saturation in Arterial blood by Pulse oximetry",
    "2708-6": "Oxygen saturation in Arterial blood",
    "55423-8": "Number of steps in unspecified time Pedometer",
}
# Further codings: R4's vital-signs oxygen saturation is coded 2708-6 as well.
EXTRA_LOINC = {"spo2": ("2708-6",)}
OBSERVATION_CATEGORY_CODES: dict[str, tuple[str, str] | None] = {
    "blood_pressure": ("vital-signs", "Vital Signs"),
    "weight": ("vital-signs", "Vital Signs"),
    "spo2": ("vital-signs", "Vital Signs"),
    "glucose": None,
    "peak_flow": None,
    "steps": ("activity", "Activity"),
    "mood": ("survey", "Survey"),
    "symptom_score": ("survey", "Survey"),
}
# Readings with no LOINC code are named in words, with their scale.
SELF_RATED = {
    "mood": "Mood score, self-rated from 0 to 10",
    "symptom_score": "Symptom score, self-rated from 0 to 10",
}
# Goal targets are typed by people: a unit we know gets its UCUM code, others stay words.
TARGET_UNITS = {
    **{kind.unit: kind.ucum for kind in READING_TYPES.values()},
    "mmol/mol": "mmol/mol",
    "cm": "cm",
    "kg/m2": "kg/m2",
    "kg/m²": "kg/m2",
    "mg/dL": "mg/dL",
    "bpm": "/min",
}


def reading_kind(reading_type: str) -> ReadingKind:
    return lookup("reading types", READING_TYPES, reading_type)


def loinc_coding(code: str) -> dict[str, str]:
    return {"system": LOINC, "code": code, "display": lookup("LOINC displays", LOINC_DISPLAY, code)}
