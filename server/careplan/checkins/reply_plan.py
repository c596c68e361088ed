"""Step one of a reply: read what it needs and decide, before the write transaction.

`plan` reads the open check-in, parses the reply by its kind, and for an answer reads what
storing it needs (the alert levels a reading crosses, the patient's today for an action log,
whether the number may be texted); `replies.apply` then writes it all in one short
transaction, each change guarded by compare-and-set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from careplan.careplans.local_time import patient_today
from careplan.checkins import replies_repo as repo
from careplan.checkins.parse import Answer, Parsed, Unclear, parse_reply
from careplan.checkins.red_flags import red_flags
from careplan.checkins.thresholds_rules import Breach, breaches
from careplan.checkins.thresholds_service import thresholds_for
from careplan.clock import Clock
from careplan.messaging import inbound_repo
from careplan.storage.db import Executor, Row


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply from a resolved author, stored as MESSAGE_ID by the caller (a text: in the
    same transaction as `apply`)."""

    patient_id: str
    text: str
    channel: str  # 'sms' | 'app': automatic answers go back the same way
    author_kind: str
    author_id: str | None
    on_behalf_of: str | None
    message_id: str
    phone: str | None = None  # the number a text came from (answers go there)
    author_name: str | None = None  # a carer's, named in the items their reply opens


@dataclass(frozen=True, slots=True)
class Plan:
    """What a reply will do, decided from reads made before the write transaction."""

    flags: tuple[str, ...]
    checkin: Row | None = None
    options: dict[str, Any] = field(default_factory=dict)
    parsed: Parsed | None = None
    can_text: bool = True  # a text reply may be answered by text (not opted out)
    crossed: list[Breach] = field(default_factory=list)  # a reading answer's alert levels
    today: date | None = None  # an action_done answer's day, in the patient's zone

    @property
    def checkin_id(self) -> str | None:
        return None if self.checkin is None else self.checkin["id"]


async def plan(ex: Executor, clock: Clock, reply: Reply) -> Plan:
    """Read what the reply needs (outside the write transaction) and parse it."""
    now = clock.now_ms()
    flags = tuple(red_flags(reply.text))
    texted_to = (reply.author_kind, reply.author_id) if reply.channel == "sms" else None
    checkin = await repo.open_checkin(ex, reply.patient_id, now, texted_to)
    decided = Plan(flags=flags, checkin=checkin)
    if checkin is not None:
        options = options_of(checkin)
        parsed = parse_reply(checkin["kind"], options, reply.text)
        decided = replace(decided, options=options, parsed=parsed)
        if isinstance(parsed, Answer) and checkin["kind"] == "reading":
            decided = replace(decided, crossed=await _crossed(ex, reply, options, parsed))
        if isinstance(parsed, Answer) and checkin["kind"] == "action_done":
            decided = replace(decided, today=await patient_today(ex, clock, reply.patient_id))
    if reply.channel == "sms" and (flags or isinstance(decided.parsed, Unclear)):
        decided = replace(decided, can_text=await _can_text(ex, reply.phone))
    return decided


async def _crossed(
    ex: Executor, reply: Reply, options: dict[str, Any], parsed: Answer
) -> list[Breach]:
    assert parsed.value is not None  # a parsed reading has its value
    reading_type = str(options["reading_type"])
    levels = await thresholds_for(ex, reply.patient_id, reading_type)
    return breaches(reading_type, parsed.value, parsed.value2, levels) if levels else []


async def _can_text(ex: Executor, phone: str | None) -> bool:
    return bool(phone) and not await inbound_repo.is_opted_out(ex, phone or "")


def options_of(checkin: Row) -> dict[str, Any]:
    try:
        options = json.loads(checkin["options"] or "{}")
    except ValueError:
        return {}
    return options if isinstance(options, dict) else {}
