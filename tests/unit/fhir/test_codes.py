"""The export's status maps and code tables (pure): every value we store has a FHIR word from
R4's value set, and a value we have no word for raises `UnmappedValue` (a KeyError naming
the table and the value) instead of being guessed or dropped."""

from __future__ import annotations

import re
import typing
from datetime import date
from pathlib import Path

import msgspec
import pytest

from careplan.careplans.readings.catalogue import READING_TYPES
from careplan.careplans.schemas import (
    CarePlan,
    Frequency,
    Goal,
    GoalProgress,
    GoalStatus,
    PlanAction,
    TimeOfDay,
)
from careplan.carers.schemas import DelegationStatus
from careplan.fhir import codes
from careplan.fhir.careplan import care_plan
from careplan.fhir.careteam import care_team
from careplan.fhir.codes import UnmappedValue
from careplan.fhir.communication import communication
from careplan.fhir.consent import consent
from careplan.fhir.datatypes import Links, instant
from careplan.fhir.goal import goal
from careplan.fhir.observation import observation
from careplan.people.actor import ClinicianRole
from careplan.people.schemas import TeamMember, TeamRole
from careplan.people.scopes import Scope

MIGRATIONS = Path(__file__).resolve().parents[3] / "server/careplan/storage/migrations"
# R4 value sets (hl7.org/fhir/R4), written out here rather than read from the code.
R4_GOAL_STATUS = {"proposed", "planned", "accepted", "active", "on-hold", "completed"}
R4_GOAL_STATUS |= {"cancelled", "entered-in-error", "rejected"}
R4_ACHIEVEMENT = {"in-progress", "improving", "worsening", "no-change", "achieved"}
R4_ACHIEVEMENT |= {"sustaining", "not-achieved", "no-progress", "not-attainable"}
R4_EVENT_STATUS = {"preparation", "in-progress", "not-done", "on-hold", "stopped"}
R4_EVENT_STATUS |= {"completed", "entered-in-error", "unknown"}
R4_CONSENT_STATE = {"draft", "proposed", "active", "rejected", "inactive", "entered-in-error"}
R4_EVENT_TIMING = {"MORN", "NOON", "AFT", "EVE", "NIGHT", "PHS", "HS", "WAKE"}
NOW = 1_795_341_600_000  # 2026-11-22T10:00:00Z
TODAY = date(2026, 11, 22)


def _checked_values(table: str, column: str) -> set[str]:
    """The values a CHECK constraint allows, from the migration that creates TABLE."""
    sql = "\n".join(p.read_text() for p in sorted(MIGRATIONS.glob("*.sql")))
    body = sql[sql.index(f"CREATE TABLE {table} (") :]
    allowed = re.search(rf"{column} TEXT NOT NULL CHECK \({column} IN\s*\(([^)]*)\)", body)
    assert allowed, f"no CHECK on {table}.{column}"
    return set(re.findall(r"'([a-z_]+)'", allowed[1]))


def test_goal_statuses_map_onto_r4_lifecycle_and_progress_onto_achievement():
    assert codes.GOAL_LIFECYCLE == {
        "proposed": "proposed",
        "active": "active",
        "paused": "on-hold",
        "achieved": "completed",
        "abandoned": "cancelled",
    }
    assert set(codes.GOAL_LIFECYCLE) == set(typing.get_args(GoalStatus))
    assert set(codes.GOAL_LIFECYCLE.values()) <= R4_GOAL_STATUS
    assert set(codes.GOAL_ACHIEVEMENT_CODES) == set(typing.get_args(GoalProgress))
    achievement = {code for code, _ in codes.GOAL_ACHIEVEMENT_CODES.values() if code}
    assert achievement <= R4_ACHIEVEMENT
    assert codes.GOAL_ACHIEVEMENT_CODES["not_started"] == (None, "Not started")


def test_every_stored_message_status_and_channel_has_a_word():
    assert set(codes.COMMUNICATION_STATUS) == _checked_values("messages", "status")
    assert set(codes.COMMUNICATION_STATUS.values()) <= R4_EVENT_STATUS
    not_delivered = {"undelivered", "failed", "skipped", "expired"}
    assert {s for s, fhir in codes.COMMUNICATION_STATUS.items() if fhir == "not-done"} == (
        not_delivered
    )
    assert set(codes.MEDIUM) == _checked_values("messages", "channel")


def test_every_carer_access_status_and_scope_has_a_word():
    assert codes.CONSENT_STATUS == {
        "invited": "proposed",
        "active": "active",
        "declined": "rejected",
        "revoked": "inactive",
        "expired": "inactive",
    }
    assert set(codes.CONSENT_STATUS) == set(typing.get_args(DelegationStatus))
    assert set(codes.CONSENT_STATUS.values()) <= R4_CONSENT_STATE
    assert set(codes.SCOPE_WORDS) == {scope.value for scope in Scope}


def test_every_schedule_word_team_role_and_reading_type_has_a_code():
    assert set(codes.TIME_OF_DAY_WHEN) == set(typing.get_args(TimeOfDay))
    assert {w for w in codes.TIME_OF_DAY_WHEN.values() if w} <= R4_EVENT_TIMING
    assert set(codes.TIMING_PERIOD) == set(typing.get_args(Frequency))
    assert set(codes.TEAM_ROLE) == set(typing.get_args(TeamRole))
    assert set(codes.PROFESSION) == {role.value for role in ClinicianRole}
    assert set(codes.OBSERVATION_CATEGORY_CODES) == set(READING_TYPES)
    for kind in READING_TYPES.values():
        for loinc in (kind.loinc, kind.loinc_value, kind.loinc_value2):
            assert loinc is None or loinc in codes.LOINC_DISPLAY, kind.reading_type
        assert kind.loinc is not None or kind.reading_type in codes.SELF_RATED


def test_an_unmapped_value_is_a_key_error_naming_the_table_and_value():
    with pytest.raises(KeyError) as caught:
        codes.lookup("goal statuses", codes.GOAL_LIFECYCLE, "frozen")
    assert isinstance(caught.value, UnmappedValue)
    assert str(caught.value) == "goal statuses has no FHIR code for 'frozen'"


GOAL = Goal(
    id="g1",
    version=1,
    description="Walk",
    condition_ids=[],
    target=None,
    target_date=None,
    importance=None,
    confidence=None,
    status="active",
    progress="improving",
    created_at=NOW,
    updated_at=NOW,
)
ACTION = PlanAction(
    id="a1",
    version=1,
    what="Walk",
    goal_id=None,
    frequency="daily",
    times_per_week=None,
    weekdays=[],
    time_of_day="morning",
    start_date="2026-11-01",
    created_at=NOW,
    updated_at=NOW,
)
MESSAGE = {
    "id": "m1",
    "direction": "outbound",
    "channel": "sms",
    "body": "Hello",
    "status": "sent",
    "skip_reason": None,
    "author_kind": "system",
    "author_id": None,
    "checkin_id": None,
    "purpose": "checkin",
    "created_at": NOW,
    "to_carer": None,
}
READING = {
    "id": "r1",
    "reading_type": "glucose",
    "value": 6.1,
    "value2": None,
    "unit": "mmol/L",
    "taken_at": NOW,
    "note": None,
    "actor_kind": "patient",
    "actor_id": "p1",
    "created_at": NOW,
}
DELEGATION = {
    "id": "d1",
    "carer_id": "k1",
    "scopes": "view_plan",
    "granted_by_kind": "patient",
    "granted_by_id": "p1",
    "created_at": NOW,
    "accepted_at": NOW,
    "revoked_at": None,
    "ends_on": None,
}


def _plan(action: PlanAction) -> CarePlan:
    return CarePlan(
        patient_id="p1",
        version=1,
        about_me="",
        what_matters="",
        conditions=[],
        support=[],
        review_date=None,
        care_team=[],
        goals=[],
        actions=[action],
        updated_at=NOW,
    )


UNMAPPED = {
    "goal status": lambda: goal(msgspec.structs.replace(GOAL, status="frozen"), set(), Links("p1")),
    "goal progress": lambda: goal(
        msgspec.structs.replace(GOAL, progress="stalled"), set(), Links("p1")
    ),
    "time of day": lambda: care_plan(
        _plan(msgspec.structs.replace(ACTION, time_of_day="noonish")), set(), TODAY, Links("p1")
    ),
    "frequency": lambda: care_plan(
        _plan(msgspec.structs.replace(ACTION, frequency="monthly")), set(), TODAY, Links("p1")
    ),
    "message status": lambda: communication({**MESSAGE, "status": "bounced"}, None, Links("p1")),
    "channel": lambda: communication({**MESSAGE, "channel": "fax"}, None, Links("p1")),
    "direction": lambda: communication({**MESSAGE, "direction": "sideways"}, None, Links("p1")),
    "author kind": lambda: communication(
        {**MESSAGE, "author_kind": "robot", "author_id": "x"}, None, Links("p1")
    ),
    "carer access status": lambda: consent(DELEGATION, "pending", Links("p1")),
    "reading type": lambda: observation({**READING, "reading_type": "cholesterol"}, Links("p1")),
    "reading unit": lambda: observation({**READING, "unit": "mg/dL"}, Links("p1")),
    "team role": lambda: care_team(
        [TeamMember("c1", "Dr X", "gp", "surgeon")],  # type: ignore[arg-type]
        "Riverside",
        Links("p1"),
    ),
}


@pytest.mark.parametrize("what", sorted(UNMAPPED))
def test_a_mapper_refuses_a_value_it_has_no_word_for(what):
    with pytest.raises(UnmappedValue):
        UNMAPPED[what]()


def test_the_same_record_maps_the_same_and_valid_values_pass():
    """The fixtures above are valid apart from the one value each case changes."""
    assert goal(GOAL, set(), Links("p1"))["lifecycleStatus"] == "active"
    assert communication(MESSAGE, None, Links("p1"))["status"] == "completed"
    assert consent(DELEGATION, "active", Links("p1"))["status"] == "active"
    assert observation(READING, Links("p1"))["valueQuantity"]["code"] == "mmol/L"
    assert Links("p1").id_of("Goal", "g1") == Links("p1").id_of("Goal", "g1")
    assert Links("p1").id_of("Goal", "g1") != Links("p2").id_of("Goal", "g1")


def test_instants_are_utc_with_milliseconds_only_when_there_are_some():
    assert instant(NOW) == "2026-11-22T10:00:00Z"
    assert instant(NOW + 7) == "2026-11-22T10:00:00.007Z"
