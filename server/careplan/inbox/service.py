"""The rules of the clinician inbox: list, read, assign, note, reply, resolve, away.

Only clinical staff work the inbox (patients and practice administrators get 403, decided
before any lookup); an item of another practice is a 404 (ADR 0011). Every action is audited
against the item's patient and announced to the practice's live listeners after commit.
"""

from __future__ import annotations

import uuid
from typing import get_args

from litestar.exceptions import NotFoundException

from careplan.audit.service import record as record_audit
from careplan.clock import Clock
from careplan.errors import Conflict, InvalidField
from careplan.inbox import events, repo
from careplan.inbox.schemas import (
    Assign,
    AwayStatus,
    InboxItem,
    InboxPage,
    ItemDetail,
    Note,
    NoteCreate,
    Reply,
    ReplyResult,
    Scope,
)
from careplan.messaging import thread_service
from careplan.messaging.thread_service import Sending
from careplan.people.access import Action, authorise_staff
from careplan.people.actor import Actor, ClinicianRole
from careplan.storage.db import Database, Executor, Row

ITEM_NOT_FOUND = "No inbox item with that id"
SCOPES = get_args(Scope)
DAY_MS = 86_400_000
LONGEST_AWAY_MS = 366 * DAY_MS


def item_view(row: Row, now: int) -> InboxItem:
    first_reply_at, created_at = row["first_reply_at"], row["created_at"]
    given, family = row["given_name"], row["family_name"]
    return InboxItem(
        id=row["id"],
        patient_id=row["patient_id"],
        patient_name=f"{given} {family}" if given is not None else None,
        kind=row["kind"],
        urgency=row["urgency"],
        summary=row["summary"],
        status=row["status"],
        routed_to=row["routed_to"],
        routed_to_name="Team" if row["routed_to"] == repo.TEAM else row["routed_to_name"],
        assigned_to=row["assigned_to"],
        assigned_to_name=row["assigned_to_name"],
        created_at=created_at,
        first_reply_at=first_reply_at,
        first_reply_by=row["first_reply_by"],
        time_to_first_reply_ms=None if first_reply_at is None else first_reply_at - created_at,
        resolved_at=row["resolved_at"],
        resolved_by=row["resolved_by"],
        age_ms=max(0, (row["resolved_at"] or now) - created_at),
        note_count=row["note_count"],
        message_id=row["message_id"],
        checkin_id=row["checkin_id"],
        author_kind=row["message_author_kind"],
        author_name=row["message_author_name"],
    )


def _patients(row: Row) -> list[str]:
    return [row["patient_id"]] if row["patient_id"] is not None else []


def _announce(row: Row, change: str) -> None:
    events.item_changed(
        row["organisation_id"],
        events.ItemEvent(row["id"], row["kind"], row["urgency"], row["patient_id"], change),
    )


# --- listing ---------------------------------------------------------------------------------


async def list_items(
    db: Database,
    clock: Clock,
    actor: Actor,
    scope: str,
    status: str,
    after: str | None,
    limit: int,
) -> InboxPage:
    authorise_staff(actor, Action.WORK_INBOX)
    if scope not in SCOPES:
        raise InvalidField("scope", f"must be one of {', '.join(SCOPES)}")
    now = clock.now_ms()
    if status == "open":
        open_after = parse_open_cursor(after)
        rows = await repo.open_items(
            db, actor.organisation_id, scope, actor.id, now, open_after, limit + 1
        )
    else:
        resolved_after = parse_resolved_cursor(after)
        rows = await repo.resolved_items(
            db, actor.organisation_id, scope, actor.id, now, resolved_after, limit + 1
        )
    page = rows[:limit]
    last = page[-1] if len(rows) > limit else None
    next_after = None
    if last is not None:
        next_after = (
            f"{last['urgency']}.{last['created_at']}.{last['id']}"
            if status == "open"
            else f"{last['resolved_at']}.{last['id']}"
        )
    patients = dict.fromkeys(p for row in page for p in _patients(row))
    await record_audit(db, clock, actor, "inbox.list", patients, "inbox")
    return InboxPage(items=[item_view(row, now) for row in page], next_after=next_after)


_BAD_CURSOR = "use the next_after value from the previous page (for the same status)"


def parse_open_cursor(after: str | None) -> tuple[int, int, str] | None:
    if after is None:
        return None
    parts = after.split(".", 2)
    if len(parts) != 3 or not all(p.isdigit() and len(p) < 19 for p in parts[:2]) or not parts[2]:
        raise InvalidField("after", _BAD_CURSOR)
    return int(parts[0]), int(parts[1]), parts[2]


def parse_resolved_cursor(after: str | None) -> tuple[int, str] | None:
    if after is None:
        return None
    at, _, item_id = after.partition(".")
    if not (at.isdigit() and len(at) < 19) or not item_id or "." in item_id:
        raise InvalidField("after", _BAD_CURSOR)
    return int(at), item_id


# --- one item --------------------------------------------------------------------------------


async def _item(db: Executor, actor: Actor, item_id: str) -> Row:
    authorise_staff(actor, Action.WORK_INBOX)
    row = await repo.item(db, actor.organisation_id, item_id)
    if row is None:
        raise NotFoundException(ITEM_NOT_FOUND)
    return row


async def read_item(db: Database, clock: Clock, actor: Actor, item_id: str) -> ItemDetail:
    row = await _item(db, actor, item_id)
    notes = await repo.notes(db, item_id)
    await record_audit(db, clock, actor, "inbox.read", _patients(row), "inbox_item", item_id)
    return ItemDetail(item=item_view(row, clock.now_ms()), notes=[_note(note) for note in notes])


def _note(row: Row) -> Note:
    return Note(**{name: row[name] for name in Note.__struct_fields__})


async def assign(db: Database, clock: Clock, actor: Actor, item_id: str, data: Assign) -> InboxItem:
    """To an active, non-administrator clinician of the same practice (else 400)."""
    row = await _item(db, actor, item_id)
    colleague = await repo.colleague(db, actor.organisation_id, data.clinician_id)
    if colleague is None:
        raise InvalidField("clinician_id", "no clinician of your practice has this id")
    if not colleague["active"]:
        raise InvalidField("clinician_id", "this clinician's account is no longer active")
    if colleague["role"] == ClinicianRole.ADMIN:
        raise InvalidField("clinician_id", "practice administrators do not hold inbox items")
    now = clock.now_ms()
    if colleague["away_until"] is not None and colleague["away_until"] > now:
        raise InvalidField("clinician_id", "this clinician is away; choose someone present")
    async with db.transaction() as tx:
        await repo.assign(tx, item_id, data.clinician_id, now)
        await record_audit(tx, clock, actor, "inbox.assign", _patients(row), "inbox_item", item_id)
    _announce(row, "assigned")
    return await _current(db, actor, item_id, now)


async def add_note(
    db: Database, clock: Clock, actor: Actor, item_id: str, data: NoteCreate
) -> Note:
    row = await _item(db, actor, item_id)
    body = data.body.strip()
    if not body:
        raise InvalidField("body", "must not be blank")
    note = {
        "id": uuid.uuid4().hex,
        "item_id": item_id,
        "clinician_id": actor.id,
        "body": body,
        "created_at": clock.now_ms(),
    }
    async with db.transaction() as tx:
        await repo.insert_note(tx, note)
        await record_audit(tx, clock, actor, "inbox.note", _patients(row), "inbox_item", item_id)
    _announce(row, "noted")
    return Note(clinician_name=actor.display_name, **note)


async def reply(
    sending: Sending, actor: Actor, item_id: str, data: Reply
) -> tuple[ReplyResult, bool]:
    """Text the item's patient (and show it in their thread); the first reply is timed."""
    db, clock = sending.db, sending.clock
    row = await _item(db, actor, item_id)
    if row["patient_id"] is None:
        raise Conflict("This item is not about a known patient, so there is no one to reply to")
    body = data.body.strip()
    if not body:
        raise InvalidField("body", "must not be blank")
    message, created = await thread_service.send_clinician_message(
        sending, actor, row["patient_id"], body, "clinician_reply", data.client_id, item_id
    )
    if created:
        await record_audit(db, clock, actor, "inbox.reply", _patients(row), "inbox_item", item_id)
        _announce(row, "replied")
    item = await _current(db, actor, item_id, clock.now_ms())
    return ReplyResult(item=item, message=message), created


async def resolve(db: Database, clock: Clock, actor: Actor, item_id: str) -> InboxItem:
    """Idempotent: a second resolve keeps who resolved it first, and when."""
    row = await _item(db, actor, item_id)
    now = clock.now_ms()
    async with db.transaction() as tx:
        resolved = await repo.resolve(tx, item_id, actor.id, now)
        action = "inbox.resolve" if resolved else "inbox.read"
        await record_audit(tx, clock, actor, action, _patients(row), "inbox_item", item_id)
    if resolved:
        _announce(row, "resolved")
    return await _current(db, actor, item_id, now)


async def _current(db: Executor, actor: Actor, item_id: str, now: int) -> InboxItem:
    row = await repo.item(db, actor.organisation_id, item_id)
    assert row is not None  # items are never deleted
    return item_view(row, now)


# --- away ------------------------------------------------------------------------------------


async def away_status(db: Database, actor: Actor) -> AwayStatus:
    authorise_staff(actor, Action.WORK_INBOX)
    return AwayStatus(clinician_id=actor.id, away_until=await repo.away_until(db, actor.id))


async def set_away(db: Database, clock: Clock, actor: Actor, until: int | None) -> AwayStatus:
    """Away until UNTIL (null: back now). Going away hands the clinician's open items to the
    team at once, so nothing waits for someone who is not there; coming back takes nothing
    back (the team may already be dealing with it)."""
    authorise_staff(actor, Action.WORK_INBOX)
    now = clock.now_ms()
    if until is not None and until <= now:
        raise InvalidField("until", "must be in the future (or null to mark yourself back)")
    if until is not None and until - now > LONGEST_AWAY_MS:
        raise InvalidField("until", "must be within a year")
    async with db.transaction() as tx:
        await repo.set_away(tx, actor.id, until, now)
        moved = (
            await repo.hand_to_team(tx, actor.organisation_id, actor.id, now)
            if until is not None
            else []
        )
        patients = dict.fromkeys(p for row in moved for p in _patients(row))
        await record_audit(tx, clock, actor, "inbox.reroute", patients, "inbox")
    for row in moved:
        _announce(row, "rerouted")
    return AwayStatus(clinician_id=actor.id, away_until=until, items_moved_to_team=len(moved))
