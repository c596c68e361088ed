"""Bodies for a patient's message thread (texts and in-app messages, both ways)."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

# Twilio's longest text is 1,600 characters; an in-app message keeps to the same bound.
MessageBody = Annotated[str, msgspec.Meta(min_length=1, max_length=1600)]
ClientId = Annotated[
    str,
    msgspec.Meta(
        min_length=8,
        max_length=64,
        pattern="^[A-Za-z0-9_-]+$",
        description="Client-made id (a UUID): a replay from the offline outbox is stored once",
    ),
]


class ThreadMessage(msgspec.Struct):
    id: str
    direction: str
    channel: str
    purpose: str
    body: str
    status: str
    author_kind: str
    author_id: str | None
    author_name: str | None
    on_behalf_of: str | None
    checkin_id: str | None
    created_at: int
    skip_reason: Annotated[
        str | None,
        msgspec.Meta(description="Why a text was not sent: opted_out, opened_in_app, answered…"),
    ] = None


class OpenCheckin(msgspec.Struct):
    """The question waiting for an answer: the app shows it so it can be answered there."""

    id: str
    kind: str
    question: str
    options: dict[str, Any]


class Thread(msgspec.Struct):
    messages: Annotated[list[ThreadMessage], msgspec.Meta(description="Oldest first")]
    open_checkin: OpenCheckin | None
    next_before: Annotated[
        str | None, msgspec.Meta(description="Pass as `before` for older messages")
    ] = None


class MessageCreate(msgspec.Struct, forbid_unknown_fields=True):
    body: MessageBody
    client_id: ClientId | None = None


class ReplyOutcomeView(msgspec.Struct):
    """What the one reply pipeline made of a patient's message."""

    kind: str
    checkin_id: str | None = None
    item_id: str | None = None
    urgent: bool = False
    safety_net_sent: bool = False


class PostedMessage(msgspec.Struct):
    message: ThreadMessage
    outcome: ReplyOutcomeView | None = None
