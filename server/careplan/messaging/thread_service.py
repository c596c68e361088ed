"""The rules for a patient's thread: read it, and write in it.

- The patient writes: the message is stored as an inbound 'app' message, then goes through
  the one reply pipeline (`checkins.replies.handle_reply`), exactly as a text would.
- A carer writes the same way, attributed to the carer on the patient's behalf: freely with
  the message_team scope; with answer_checkins alone only while a check-in is open (403).
- A clinician writes (here or as an inbox reply): the message is queued as a text to the
  patient (which the thread shows, so it is in the app too) and sent straight after commit.
  A number that said STOP is never texted: 409, nothing queued.
A client-made `client_id` becomes the message id, so an offline replay is stored once.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from litestar.exceptions import PermissionDeniedException

from careplan.audit.service import parse_cursor
from careplan.audit.service import record as record_audit
from careplan.checkins.replies import ReplyOutcome, handle_reply, send_queued
from careplan.checkins.replies_repo import open_checkin
from careplan.clock import Clock
from careplan.errors import Conflict, InvalidField
from careplan.inbox import events
from careplan.inbox import repo as inbox_repo
from careplan.messaging import inbound_repo, outbox, thread_repo
from careplan.messaging.sms.provider import SmsProvider
from careplan.messaging.thread_schemas import (
    MessageCreate,
    OpenCheckin,
    PostedMessage,
    ReplyOutcomeView,
    Thread,
    ThreadMessage,
)
from careplan.people.access import Action, authorise, live_carer_scopes
from careplan.people.actor import Actor, ActorKind
from careplan.people.scopes import Scope
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row, UniqueViolation

OPTED_OUT = (
    "This patient's phone number has opted out of texts (they replied STOP), so nothing was "
    "sent. Contact them another way, or ask them to text START to opt back in."
)
NO_PHONE = "This patient has no phone number to text"
ANSWER_ONLY = (
    "The patient asked you to answer their check-ins, not to message their care team, and no "
    "check-in is waiting for an answer now."
)
ID_TAKEN = "is already used by another message; make a new id"


@dataclass(frozen=True, slots=True)
class Sending:
    """Everything needed to send one queued text after the transaction commits."""

    db: Database
    sms: SmsProvider
    settings: Settings
    clock: Clock


def message_view(row: Row) -> ThreadMessage:
    return ThreadMessage(**{name: row[name] for name in ThreadMessage.__struct_fields__})


async def read_thread(
    db: Database, clock: Clock, actor: Actor, patient_id: str, before: str | None, limit: int
) -> Thread:
    """Newest LIMIT messages before the cursor, returned oldest first (a chat reads down)."""
    actor = await authorise(db, actor, patient_id, Action.VIEW_MESSAGES)
    cursor = parse_cursor(before)
    rows = await thread_repo.newest_messages(db, patient_id, cursor, limit + 1)
    page = rows[:limit]
    oldest = page[-1] if len(rows) > limit else None
    checkin = await open_checkin(db, patient_id, clock.now_ms())  # what a reply would answer
    await record_audit(db, clock, actor, "thread.read", [patient_id], "thread")
    return Thread(
        messages=[message_view(row) for row in reversed(page)],
        open_checkin=_open_checkin(checkin),
        next_before=f"{oldest['created_at']}.{oldest['id']}" if oldest else None,
    )


def _open_checkin(row: Row | None) -> OpenCheckin | None:
    if row is None:
        return None
    try:
        options = json.loads(row["options"] or "{}")
    except ValueError:
        options = {}
    return OpenCheckin(
        id=row["id"],
        kind=row["kind"],
        question=row["question"],
        options=options if isinstance(options, dict) else {},
    )


async def post_message(
    sending: Sending, actor: Actor, patient_id: str, data: MessageCreate
) -> tuple[PostedMessage, bool]:
    """(the message, whether it is new). The patient's, or their carer's, goes to the reply
    pipeline; a clinician's is texted to the patient."""
    db = sending.db
    actor = await authorise(db, actor, patient_id, Action.SEND_MESSAGE)
    body = _text(data.body)
    if actor.kind is ActorKind.CARER:
        await _carer_may_write(sending, actor, patient_id, data.client_id)
    if actor.kind is not ActorKind.CLINICIAN:
        return await _patient_message(sending, actor, patient_id, body, data.client_id)
    message, created = await send_clinician_message(
        sending, actor, patient_id, body, "clinician_message", data.client_id, item_id=None
    )
    return PostedMessage(message=message), created


async def _carer_may_write(
    sending: Sending, actor: Actor, patient_id: str, client_id: str | None
) -> None:
    """A carer asked to message the team writes freely; one asked only to answer check-ins
    writes only while a check-in waits for an answer (a replay of a stored message is let
    through: it changes nothing)."""
    db = sending.db
    scopes = await live_carer_scopes(db, actor, patient_id)
    if scopes is not None and Scope.MESSAGE_TEAM in scopes:
        return
    if client_id is not None and await thread_repo.message(db, client_id) is not None:
        return
    if await open_checkin(db, patient_id, sending.clock.now_ms()) is None:
        raise PermissionDeniedException(ANSWER_ONLY)


def _text(body: str) -> str:
    text = body.strip()
    if not text:
        raise InvalidField("body", "must not be blank")
    return text


async def _patient_message(
    sending: Sending, actor: Actor, patient_id: str, body: str, client_id: str | None
) -> tuple[PostedMessage, bool]:
    db, clock = sending.db, sending.clock
    message_id = client_id or uuid.uuid4().hex
    async with db.transaction() as tx:
        stored = await thread_repo.insert_inbound_app_message(
            tx,
            {
                "id": message_id,
                "patient_id": patient_id,
                "purpose": "patient_message",
                "body": body,
                "author_kind": actor.kind.value,
                "author_id": actor.id,
                "on_behalf_of": actor.on_behalf_of,
                "created_at": clock.now_ms(),
            },
        )
        if stored:
            await record_audit(
                tx, clock, actor, "message.create", [patient_id], "message", message_id
            )
    row = await _own_message(db, patient_id, message_id)
    if not stored:
        return PostedMessage(message=message_view(row)), False
    outcome = await _through_reply_pipeline(sending, actor, patient_id, body, message_id)
    return PostedMessage(message=message_view(row), outcome=outcome), True


async def _through_reply_pipeline(
    sending: Sending, actor: Actor, patient_id: str, body: str, message_id: str
) -> ReplyOutcomeView:
    """The one pipeline for replies, by text or in the app."""
    outcome = await handle_reply(
        sending.db,
        sending.sms,
        sending.settings,
        sending.clock,
        patient_id=patient_id,
        text=body,
        channel="app",
        author_kind=actor.kind.value,
        author_id=actor.id,
        on_behalf_of=actor.on_behalf_of,
        message_id=message_id,
    )
    return outcome_view(outcome)


def outcome_view(outcome: ReplyOutcome) -> ReplyOutcomeView:
    return ReplyOutcomeView(
        kind=outcome.kind,
        checkin_id=outcome.checkin_id,
        item_id=outcome.item_id,
        urgent=outcome.urgent,
        safety_net_sent=outcome.safety_net_sent,
    )


async def send_clinician_message(
    sending: Sending,
    actor: Actor,
    patient_id: str,
    body: str,
    purpose: str,
    client_id: str | None,
    item_id: str | None,
) -> tuple[ThreadMessage, bool]:
    """Queue a clinician's text to the patient (the caller has authorised), mark the
    patient's unanswered items answered, and send it now. Replays return the stored one."""
    db, clock = sending.db, sending.clock
    if client_id is not None and await thread_repo.message(db, client_id) is not None:
        return message_view(await _own_message(db, patient_id, client_id)), False
    try:
        message_id, answered = await _queue_clinician_text(
            db, clock, actor, patient_id, body, purpose, client_id, item_id
        )
    except UniqueViolation:  # the same client_id raced in twice: the other one stored it
        assert client_id is not None
        return message_view(await _own_message(db, patient_id, client_id)), False
    for row in answered:
        if row["id"] == item_id:
            continue  # the inbox announces its own item
        events.item_changed(
            row["organisation_id"],
            events.ItemEvent(row["id"], row["kind"], row["urgency"], patient_id, "replied"),
        )
    await send_queued(db, sending.sms, sending.settings, clock, (message_id,))
    return message_view(await _own_message(db, patient_id, message_id)), True


async def _queue_clinician_text(
    db: Database,
    clock: Clock,
    actor: Actor,
    patient_id: str,
    body: str,
    purpose: str,
    client_id: str | None,
    item_id: str | None,
) -> tuple[str, list[Row]]:
    now = clock.now_ms()
    async with db.transaction() as tx:
        phone = await thread_repo.patient_phone(tx, patient_id)
        if not phone:
            raise Conflict(NO_PHONE)
        if await inbound_repo.is_opted_out(tx, phone):
            raise Conflict(OPTED_OUT)
        message_id = await outbox.queue_text(
            tx,
            patient_id=patient_id,
            phone=phone,
            body=body,
            purpose=purpose,
            now=now,
            author_kind="clinician",
            author_id=actor.id,
            on_behalf_of=actor.on_behalf_of,
            message_id=client_id,
        )
        if item_id is not None:
            await inbox_repo.record_first_reply(tx, item_id, actor.id, now)
        answered = await inbox_repo.record_first_reply_to_patient(tx, patient_id, actor.id, now)
        await record_audit(tx, clock, actor, "message.send", [patient_id], "message", message_id)
    return message_id, answered


async def _own_message(db: Executor, patient_id: str, message_id: str) -> Row:
    """The stored message, which must be this patient's (a client id is not reused)."""
    row = await thread_repo.message(db, message_id)
    if row is None or row["patient_id"] != patient_id:
        raise InvalidField("client_id", ID_TAKEN)
    return row
