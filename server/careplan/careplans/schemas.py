"""Bodies for the plan, goals, actions, action logs, "today" and the change history.

Inbound Structs forbid unknown fields; every field added later gets a default, because old
cached PWAs replay old payloads from their outbox.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

from careplan.people.schemas import IsoDate, TeamMember

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
LongText = Annotated[str, msgspec.Meta(max_length=4000)]
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
ZeroToTen = Annotated[int, msgspec.Meta(ge=0, le=10)]
Version = Annotated[
    int, msgspec.Meta(ge=1, le=2_147_483_647, description="The version you last read")
]
SnomedCode = Annotated[
    str, msgspec.Meta(pattern=r"^\d{6,18}$", description="A SNOMED CT concept id")
]

GoalStatus = Literal["proposed", "active", "paused", "achieved", "abandoned"]
GoalProgress = Literal[
    "not_started", "in_progress", "improving", "worsening", "no_change", "achieved"
]
Frequency = Literal["daily", "times_per_week", "weekdays"]
TimeOfDay = Literal["morning", "midday", "afternoon", "evening", "bedtime", "any"]
Weekday = Annotated[int, msgspec.Meta(ge=1, le=7, description="ISO weekday: 1 Monday … 7 Sunday")]
Outcome = Literal["done", "partly", "not_today"]


# --- the plan document ---------------------------------------------------------------------


class Zone(msgspec.Struct, forbid_unknown_fields=True):
    """One zone of an "if I get worse" plan: the signs, what to do, who to call."""

    signs: list[Text] = []
    what_to_do: list[Text] = []
    who_to_call: Annotated[str, msgspec.Meta(max_length=500)] = ""


class WorsePlan(msgspec.Struct, forbid_unknown_fields=True):
    green: Zone = msgspec.field(default_factory=Zone)
    amber: Zone = msgspec.field(default_factory=Zone)
    red: Zone = msgspec.field(default_factory=Zone)


class Condition(msgspec.Struct, forbid_unknown_fields=True):
    id: Id
    display: Text
    snomed_code: SnomedCode | None = None
    if_worse: WorsePlan = msgspec.field(default_factory=WorsePlan)


class SupportService(msgspec.Struct, forbid_unknown_fields=True):
    """Support beyond medicine: a walking group, peer support, a link worker."""

    id: Id
    name: Text
    kind: Literal["community_group", "peer_support", "social_prescribing", "service", "other"]
    how_to_reach: Annotated[str, msgspec.Meta(max_length=500)] = ""
    status: Literal["using", "want_to_try", "tried"] = "using"


class PlanUpdate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """Only the fields sent change. `version` must be the version you read (else 409)."""

    version: Version
    about_me: LongText | msgspec.UnsetType = msgspec.UNSET
    what_matters: LongText | msgspec.UnsetType = msgspec.UNSET
    conditions: Annotated[list[Condition], msgspec.Meta(max_length=30)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    support: Annotated[list[SupportService], msgspec.Meta(max_length=30)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    review_date: IsoDate | None | msgspec.UnsetType = msgspec.UNSET


# --- goals ---------------------------------------------------------------------------------


class Target(msgspec.Struct, forbid_unknown_fields=True):
    """A measurable target, e.g. HbA1c below 53 mmol/mol."""

    measure: Text
    comparator: Literal["below", "at_most", "at_least", "above", "between"]
    value: float
    unit: Annotated[str, msgspec.Meta(max_length=32)]
    upper: float | None = None


class GoalCreate(msgspec.Struct, forbid_unknown_fields=True):
    description: Text
    id: Id | None = None
    condition_ids: Annotated[list[Id], msgspec.Meta(max_length=30)] = []
    target: Target | None = None
    target_date: IsoDate | None = None
    importance: ZeroToTen | None = None
    confidence: ZeroToTen | None = None
    status: GoalStatus = "active"
    progress: GoalProgress = "not_started"


class GoalUpdate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    version: Version
    description: Text | msgspec.UnsetType = msgspec.UNSET
    condition_ids: Annotated[list[Id], msgspec.Meta(max_length=30)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    target: Target | None | msgspec.UnsetType = msgspec.UNSET
    target_date: IsoDate | None | msgspec.UnsetType = msgspec.UNSET
    importance: ZeroToTen | None | msgspec.UnsetType = msgspec.UNSET
    confidence: ZeroToTen | None | msgspec.UnsetType = msgspec.UNSET
    status: GoalStatus | msgspec.UnsetType = msgspec.UNSET
    progress: GoalProgress | msgspec.UnsetType = msgspec.UNSET


class Goal(msgspec.Struct):
    id: str
    version: int
    description: str
    condition_ids: list[str]
    target: Target | None
    target_date: str | None
    importance: int | None
    confidence: int | None
    status: GoalStatus
    progress: GoalProgress
    created_at: int
    updated_at: int


# --- actions -------------------------------------------------------------------------------


class ActionCreate(msgspec.Struct, forbid_unknown_fields=True):
    what: Text
    id: Id | None = None
    goal_id: Id | None = None
    frequency: Frequency = "daily"
    times_per_week: Annotated[int, msgspec.Meta(ge=1, le=7)] | None = None
    weekdays: Annotated[list[Weekday], msgspec.Meta(max_length=7)] = []
    time_of_day: TimeOfDay = "any"
    start_date: IsoDate | None = None


class ActionUpdate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    version: Version
    what: Text | msgspec.UnsetType = msgspec.UNSET
    goal_id: Id | None | msgspec.UnsetType = msgspec.UNSET
    frequency: Frequency | msgspec.UnsetType = msgspec.UNSET
    times_per_week: Annotated[int, msgspec.Meta(ge=1, le=7)] | None | msgspec.UnsetType = (
        msgspec.UNSET
    )
    weekdays: Annotated[list[Weekday], msgspec.Meta(max_length=7)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    time_of_day: TimeOfDay | msgspec.UnsetType = msgspec.UNSET


class PlanAction(msgspec.Struct):
    id: str
    version: int
    what: str
    goal_id: str | None
    frequency: Frequency
    times_per_week: int | None
    weekdays: list[int]
    time_of_day: TimeOfDay
    start_date: str
    created_at: int
    updated_at: int


class Deletion(msgspec.Struct, forbid_unknown_fields=True):
    version: Version


# --- the whole plan as read ----------------------------------------------------------------


class CarePlan(msgspec.Struct):
    patient_id: str
    version: int
    about_me: str
    what_matters: str
    conditions: list[Condition]
    support: list[SupportService]
    review_date: str | None
    care_team: list[TeamMember]
    goals: list[Goal]
    actions: list[PlanAction]
    updated_at: int


# --- action logs and "today" ---------------------------------------------------------------


class ActionLogCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Log an action for a local day; a second log for the same day replaces the outcome."""

    id: Annotated[str, msgspec.Meta(min_length=8, max_length=64, description="Client-made UUID")]
    action_id: Id
    day: IsoDate
    outcome: Outcome
    note: Annotated[str, msgspec.Meta(max_length=500)] | None = None


class ActionLog(msgspec.Struct):
    id: str
    action_id: str
    day: str
    outcome: Outcome
    note: str | None
    logged_at: int
    actor_kind: str
    actor_id: str
    on_behalf_of: str | None
    actor_name: str | None = None  # who logged it: the patient, a clinician or a carer


class WeekAdherence(msgspec.Struct):
    week_start: str
    expected: int
    done: int
    partly: int
    adherence: float | None


class TodayItem(msgspec.Struct):
    action: PlanAction
    due_today: bool
    log: ActionLog | None
    streak_days: int
    done_this_week: int
    weeks: list[WeekAdherence]


class Today(msgspec.Struct):
    patient_id: str
    day: str
    time_zone: str
    items: list[TodayItem]


# --- history -------------------------------------------------------------------------------


class Change(msgspec.Struct):
    id: str
    entity_kind: Literal["plan", "goal", "action"]
    entity_id: str
    version: int
    change: Literal["created", "updated", "deleted"]
    changed_fields: list[str]
    summary: str
    snapshot: dict[str, Any]
    actor_kind: str
    actor_id: str
    actor_name: str
    on_behalf_of: str | None
    review_id: str | None
    at: int


class History(msgspec.Struct):
    patient_id: str
    since: int | None
    last_review_completed_at: int | None
    changes: list[Change]
