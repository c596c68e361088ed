"""Bodies for the clinician inbox, away status and live updates."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from careplan.messaging.thread_schemas import ClientId, MessageBody, ThreadMessage

Scope = Literal["mine", "team", "all"]
Status = Literal["open", "resolved"]
LATEST_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z


class InboxItem(msgspec.Struct):
    id: str
    patient_id: str | None
    patient_name: str | None
    kind: str
    urgency: Annotated[int, msgspec.Meta(description="2 urgent, 1 alert, 0 routine")]
    summary: str
    status: Status
    routed_to: Annotated[str, msgspec.Meta(description="A clinician id, or 'team'")] | None
    routed_to_name: str | None
    assigned_to: str | None
    assigned_to_name: str | None
    created_at: int
    first_reply_at: int | None
    first_reply_by: str | None
    time_to_first_reply_ms: int | None
    resolved_at: int | None
    resolved_by: str | None
    age_ms: Annotated[
        int, msgspec.Meta(description="Open for this long (until resolved, for resolved items)")
    ]
    note_count: int
    message_id: str | None
    checkin_id: str | None
    author_kind: Annotated[
        str | None,
        msgspec.Meta(description="Who wrote the item's message: patient, or carer (for them)"),
    ] = None
    author_name: str | None = None  # that person's name: a carer's own, not the patient's


class InboxPage(msgspec.Struct):
    items: list[InboxItem]
    next_after: Annotated[
        str | None, msgspec.Meta(description="Pass as `after` for the next page")
    ] = None


class Note(msgspec.Struct):
    id: str
    item_id: str
    clinician_id: str
    clinician_name: str | None
    body: str
    created_at: int


class ItemDetail(msgspec.Struct):
    item: InboxItem
    notes: list[Note]


class Assign(msgspec.Struct, forbid_unknown_fields=True):
    clinician_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class NoteCreate(msgspec.Struct, forbid_unknown_fields=True):
    body: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]


class Reply(msgspec.Struct, forbid_unknown_fields=True):
    body: MessageBody
    client_id: ClientId | None = None


class Resolve(msgspec.Struct, forbid_unknown_fields=True):
    """Nothing to say yet; a body is accepted so clients may send `{}`."""


class ReplyResult(msgspec.Struct):
    item: InboxItem
    message: ThreadMessage


class Away(msgspec.Struct, forbid_unknown_fields=True):
    until: (
        Annotated[int, msgspec.Meta(ge=0, le=LATEST_MS, description="UTC epoch-ms; null: back now")]
        | None
    ) = None


class AwayStatus(msgspec.Struct):
    clinician_id: str
    away_until: int | None
    items_moved_to_team: int = 0
