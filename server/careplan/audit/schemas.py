"""Bodies for the patient-visible access log."""

from __future__ import annotations

import msgspec


class AccessLogEntry(msgspec.Struct):
    id: str
    at: int  # UTC epoch milliseconds
    actor_kind: str
    actor_id: str
    actor_name: str
    actor_role: str
    on_behalf_of: str | None
    action: str
    summary: str  # the action in plain words, e.g. "viewed your record"
    target_kind: str
    target_id: str | None
    request_id: str


class AccessLogPage(msgspec.Struct):
    items: list[AccessLogEntry]
    next_before: str | None  # pass as ?before= for the next (older) page
