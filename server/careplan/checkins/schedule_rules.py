"""The pure checks on a check-in schedule, whole (a PATCH is checked merged with what is stored).

Each refusal names the field and says what would be right, so the person fixing the form
knows what to change. The one check that needs the database (an action_done check-in names
one of this patient's own live actions) is in schedules_service.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

from careplan.careplans.readings.catalogue import READING_TYPES
from careplan.checkins.schedule_schemas import ScheduleOptions
from careplan.errors import InvalidField

# Which options each kind takes; the others must be absent.
_OPTION_FIELDS: dict[str, frozenset[str]] = {
    "number": frozenset({"min", "max", "unit"}),
    "scale": frozenset({"min", "max"}),
    "reading": frozenset({"reading_type"}),
    "action_done": frozenset({"action_id"}),
    "yes_no": frozenset(),
    "free_text": frozenset(),
}
SCALE_LOWEST, SCALE_HIGHEST = 0, 10
CARER_NEEDED = (
    "required when recipient is 'carer': the carer_id of one of the patient's carers "
    "(see the patient's carers list)"
)


def checked_time(field: str, raw: str) -> str:
    """HH:MM from 00:00 to 23:59 (the schema checks only the shape)."""
    hours, minutes = int(raw[:2]), int(raw[3:])
    if hours > 23 or minutes > 59:
        raise InvalidField(field, f"{raw!r} is not a time of day (use HH:MM, 00:00 to 23:59)")
    return raw


def checked_schedule(fields: dict[str, Any]) -> dict[str, Any]:
    """The storage values of a whole schedule (kind, question, options, cadence, weekdays,
    every_n_days, local_time, start_date, end_date, recipient, recipient_carer_id, channel),
    or InvalidField. Whether the carer may answer check-ins is checked in the service."""
    question = fields["question"].strip()
    if not question:
        raise InvalidField("question", "must not be blank")
    carer_id = fields.get("recipient_carer_id")
    if fields["recipient"] == "carer" and not carer_id:
        raise InvalidField("recipient_carer_id", CARER_NEEDED)
    if fields["recipient"] == "patient" and carer_id:
        raise InvalidField("recipient_carer_id", "only used when recipient is 'carer'")
    start, end = _checked_dates(fields["start_date"], fields["end_date"])
    return {
        "kind": fields["kind"],
        "question": question,
        "options": msgspec.json.encode(checked_options(fields["kind"], fields["options"])).decode(),
        **_checked_cadence(fields["cadence"], fields["weekdays"], fields["every_n_days"]),
        "local_time": checked_time("local_time", fields["local_time"]),
        "start_date": start,
        "end_date": end,
        "recipient": fields["recipient"],
        "recipient_carer_id": carer_id or None,
        "channel": fields["channel"],
    }


def checked_options(kind: str, options: ScheduleOptions | None) -> ScheduleOptions:
    options = options or ScheduleOptions()
    allowed = _OPTION_FIELDS[kind]
    sent = {name for name in options.__struct_fields__ if getattr(options, name) is not None}
    if sent - allowed:
        extra = sorted(sent - allowed)[0]
        takes = f"takes {', '.join(sorted(allowed))}" if allowed else "takes no options"
        raise InvalidField(f"options.{extra}", f"not used by a {kind} check-in (it {takes})")
    if kind == "number":
        return _number(options)
    if kind == "scale":
        return _scale(options)
    if kind == "reading":
        return _reading(options)
    if kind == "action_done" and options.action_id is None:
        raise InvalidField("options.action_id", "required: the id of the action to ask about")
    return options


def _number(options: ScheduleOptions) -> ScheduleOptions:
    for name in ("min", "max"):
        if getattr(options, name) is None:
            raise InvalidField(f"options.{name}", "required for a number check-in")
    assert options.min is not None and options.max is not None
    if options.min >= options.max:
        raise InvalidField("options.max", f"must be greater than min ({options.min:g})")
    return options


def _scale(options: ScheduleOptions) -> ScheduleOptions:
    lowest = SCALE_LOWEST if options.min is None else options.min
    highest = SCALE_HIGHEST if options.max is None else options.max
    for name, value in (("min", lowest), ("max", highest)):
        if value != int(value) or not SCALE_LOWEST <= value <= SCALE_HIGHEST:
            raise InvalidField(
                f"options.{name}", f"a scale runs in whole numbers from 0 to 10, got {value:g}"
            )
    if lowest >= highest:
        raise InvalidField("options.max", f"must be greater than min ({lowest:g})")
    return ScheduleOptions(min=int(lowest), max=int(highest))


def _reading(options: ScheduleOptions) -> ScheduleOptions:
    if options.reading_type not in READING_TYPES:
        known = ", ".join(READING_TYPES)
        got = "missing" if options.reading_type is None else repr(options.reading_type[:40])
        raise InvalidField("options.reading_type", f"{got}; use one of: {known}")
    return options


def _checked_cadence(
    cadence: str, weekdays: list[int] | None, every_n_days: int | None
) -> dict[str, Any]:
    if cadence == "weekly":
        if not weekdays:
            raise InvalidField("weekdays", "a weekly check-in needs at least one day (1 = Monday)")
    elif weekdays:
        raise InvalidField("weekdays", "only used when cadence is weekly")
    if cadence == "every_n_days":
        if every_n_days is None:
            raise InvalidField("every_n_days", "required when cadence is every_n_days (1 to 365)")
    elif every_n_days is not None:
        raise InvalidField("every_n_days", "only used when cadence is every_n_days")
    return {
        "cadence": cadence,
        "weekdays": msgspec.json.encode(sorted(set(weekdays))).decode() if weekdays else None,
        "every_n_days": every_n_days,
    }


def _checked_dates(start: str, end: str | None) -> tuple[str, str | None]:
    first = _real_date("start_date", start)
    if end is not None and _real_date("end_date", end) < first:
        raise InvalidField("end_date", f"must be on or after start_date ({start})")
    return start, end


def _real_date(field: str, raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidField(field, f"{raw!r} is not a real date (use YYYY-MM-DD)") from None
