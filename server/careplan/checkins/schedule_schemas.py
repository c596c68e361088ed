"""Bodies for check-in schedules and a patient's check-in settings.

Shapes are checked here (types, lengths, ranges); the rules that need the kind, the clock or
the database (options per kind, real dates and times, the patient's own actions) are in
schedules_service.py, each refused with a message naming the field.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

LATEST_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z: keeps instants inside BIGINT

Kind = Literal["number", "yes_no", "scale", "reading", "action_done", "free_text"]
CadenceName = Literal["daily", "weekly", "every_n_days"]
Channel = Literal["sms", "push_then_sms"]
Recipient = Literal["patient", "carer"]
Question = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
LocalTime = Annotated[
    str, msgspec.Meta(pattern=r"^\d\d:\d\d$", description="Local wall-clock time, HH:MM")
]
LocalDate = Annotated[
    str, msgspec.Meta(pattern=r"^\d{4}-\d\d-\d\d$", description="Local date, YYYY-MM-DD")
]
Weekdays = Annotated[
    list[Annotated[int, msgspec.Meta(ge=1, le=7)]],
    msgspec.Meta(max_length=7, description="ISO weekdays: 1 = Monday … 7 = Sunday"),
]
EveryNDays = Annotated[int, msgspec.Meta(ge=1, le=365)]
Instant = Annotated[int, msgspec.Meta(ge=0, le=LATEST_MS, description="UTC epoch-ms")]
Version = Annotated[int, msgspec.Meta(ge=1, le=2_147_483_647)]
Bound = Annotated[float, msgspec.Meta(ge=-1e9, le=1e9)]
CarerId = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=64,
        description="With recipient 'carer': the carer's `carer_id` (from the patient's carers "
        "list), who must have accepted access that includes answer_checkins",
    ),
]


class ScheduleOptions(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """Per kind: number {min, max, unit?}; scale {min, max} (whole numbers within 0..10,
    default 0..10); reading {reading_type}; action_done {action_id}; yes_no and free_text none."""

    min: Bound | None = None
    max: Bound | None = None
    unit: Annotated[str, msgspec.Meta(min_length=1, max_length=16)] | None = None
    reading_type: Annotated[str, msgspec.Meta(min_length=1, max_length=40)] | None = None
    action_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None


class ScheduleCreate(msgspec.Struct, forbid_unknown_fields=True):
    kind: Kind
    question: Question
    cadence: CadenceName
    local_time: LocalTime
    options: ScheduleOptions | None = None
    weekdays: Weekdays | None = None
    every_n_days: EveryNDays | None = None
    start_date: LocalDate | None = None  # default: today where the patient lives
    end_date: LocalDate | None = None
    recipient: Recipient = "patient"
    channel: Channel = "sms"
    recipient_carer_id: CarerId | None = None


class ScheduleUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Only the fields sent change; `version` is the one you read. `active: false` stops the
    schedule; `paused_until` pauses it until then (null resumes)."""

    version: Version
    kind: Kind | msgspec.UnsetType = msgspec.UNSET
    question: Question | msgspec.UnsetType = msgspec.UNSET
    options: ScheduleOptions | None | msgspec.UnsetType = msgspec.UNSET
    cadence: CadenceName | msgspec.UnsetType = msgspec.UNSET
    weekdays: Weekdays | None | msgspec.UnsetType = msgspec.UNSET
    every_n_days: EveryNDays | None | msgspec.UnsetType = msgspec.UNSET
    local_time: LocalTime | msgspec.UnsetType = msgspec.UNSET
    start_date: LocalDate | msgspec.UnsetType = msgspec.UNSET
    end_date: LocalDate | None | msgspec.UnsetType = msgspec.UNSET
    recipient: Recipient | msgspec.UnsetType = msgspec.UNSET
    recipient_carer_id: CarerId | None | msgspec.UnsetType = msgspec.UNSET
    channel: Channel | msgspec.UnsetType = msgspec.UNSET
    active: bool | msgspec.UnsetType = msgspec.UNSET
    paused_until: Instant | None | msgspec.UnsetType = msgspec.UNSET


class Schedule(msgspec.Struct):
    id: str
    patient_id: str
    kind: Kind
    question: str
    options: ScheduleOptions
    cadence: CadenceName
    weekdays: list[int]
    every_n_days: int | None
    local_time: str
    start_date: str
    end_date: str | None
    recipient: Recipient
    channel: Channel
    active: bool
    paused_until: int | None
    next_due_at: int | None
    version: int
    created_at: int
    updated_at: int
    recipient_carer_id: str | None = None
    recipient_carer_name: str | None = None
    carer_access_ended: Annotated[
        bool,
        msgspec.Meta(
            description="recipient 'carer' only: that carer can no longer answer check-ins for "
            "the patient (revoked, ended, or answer_checkins removed), so these check-ins are "
            "not sent; the team is told at each one"
        ),
    ] = False


class ScheduleList(msgspec.Struct):
    schedules: list[Schedule]


class SentNow(msgspec.Struct):
    checkin_id: str
    due_at: int


class CheckinSettings(msgspec.Struct):
    """Quiet hours are local wall-clock times [start, end), wrapping midnight when start is
    later than end; equal means none. `paused_until` pauses every check-in until then."""

    quiet_start: str
    quiet_end: str
    paused_until: int | None
    channel: Channel
    paused_by: str | None = None
    updated_at: int | None = None


class CheckinSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True):
    quiet_start: LocalTime = "21:00"
    quiet_end: LocalTime = "08:00"
    paused_until: Instant | None = None
    channel: Channel = "sms"


class CheckinsSeenCreate(msgspec.Struct, forbid_unknown_fields=True):
    checkin_ids: Annotated[
        list[Annotated[str, msgspec.Meta(min_length=1, max_length=64)]],
        msgspec.Meta(
            min_length=1,
            max_length=20,
            description="The check-ins the app shows waiting for an answer (`open_checkin.id`)",
        ),
    ]


class CheckinsSeen(msgspec.Struct):
    """What the patient opening their check-ins in the app changed."""

    texts_not_sent: Annotated[
        int,
        msgspec.Meta(description="Texts held back after an app notification, now not sent"),
    ]
