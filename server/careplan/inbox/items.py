"""Opening an inbox item: the one way replies, alerts and failures reach clinicians.

Routing is decided here, once: the patient's named clinician unless they are away, inactive
(or there is none), otherwise the team. Callers pass what happened; they never pick a person.

Live updates need nothing from callers: call `open_item` inside your transaction as usual.
It hands the new item to `inbox.events`, which announces it to the practice's SSE listeners
only once the item is visible in the database, i.e. after your transaction commits; if it
rolls back, nothing is announced (ADR 0010).
"""

from __future__ import annotations

import uuid

from careplan.inbox import events
from careplan.storage.db import Executor

URGENT = 2
ALERT = 1
ROUTINE = 0

TEAM = "team"


async def route_for(ex: Executor, patient_id: str, now: int) -> str:
    """The named clinician's id when they are present, else "team"."""
    named = await ex.fetch_value(
        "SELECT c.id FROM care_team_members t JOIN clinicians c ON c.id = t.clinician_id "
        "WHERE t.patient_id = ? AND t.team_role = 'named_clinician' AND c.active = 1 "
        "AND (c.away_until IS NULL OR c.away_until <= ?)",
        patient_id,
        now,
    )
    return named or TEAM


async def open_item(
    ex: Executor,
    *,
    patient_id: str,
    kind: str,
    urgency: int,
    summary: str,
    now: int,
    message_id: str | None = None,
    checkin_id: str | None = None,
) -> str:
    """Create an open item for the patient's practice, routed; returns its id."""
    organisation_id = await ex.fetch_value(
        "SELECT organisation_id FROM patients WHERE id = ?", patient_id
    )
    item_id = uuid.uuid4().hex
    routed_to = await route_for(ex, patient_id, now)
    await ex.execute(
        "INSERT INTO inbox_items (id, organisation_id, patient_id, kind, urgency, summary, "
        "message_id, checkin_id, routed_to, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
        item_id,
        organisation_id,
        patient_id,
        kind,
        urgency,
        summary,
        message_id,
        checkin_id,
        routed_to,
        now,
        now,
    )
    events.item_opened(
        organisation_id,
        events.ItemEvent(item_id, kind, urgency, patient_id, change="opened"),
    )
    return item_id
