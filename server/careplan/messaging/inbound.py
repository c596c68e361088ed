"""An inbound text, after its signature was checked (messaging/webhooks.py): deduplicate,
honour STOP / START / HELP, find who sent it, and hand replies to the one reply pipeline.

- Deduplication: the text is stored with its MessageSid (UNIQUE) in the same transaction as
  everything it causes, so a retried webhook finds it and changes nothing (H-076), and a crash
  part-way leaves nothing half done.
- Keywords (messaging/keywords.py): STOP opts the number out for every schedule (the
  dispatcher checks phone_status at send) and tells the team; START opts back in; HELP says
  who we are. When Twilio sent `OptOutType` it has already replied, so we do not text.
- Sender: the patients registered with the number. Several: the one with a check-in waiting
  if exactly one has; otherwise nobody is guessed (H-077): the team gets a 'shared_number'
  item and nothing is stored as anyone's answer. No patient: logged, nothing else (a STOP
  is still recorded, so the number is never texted).
- A carer's number (ADR 0015): the patient whose open check-in was texted to it, if exactly
  one (and the carer may still answer for them); the reply is the carer's, on that patient's
  behalf. Several: never guessed, as a shared number. None: a routine 'carer_text' item for
  the teams of the patients the carer helps, nothing stored as an answer. A STOP tells the
  team of every patient whose check-ins go to that phone.
Answers go to the number the text came from; no number or text body is ever logged.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace

from careplan.checkins.carer_recipients import answers_checkins
from careplan.checkins.red_flags import red_flags
from careplan.checkins.replies import apply, send_queued
from careplan.checkins.reply_plan import Reply, plan
from careplan.checkins.reply_texts import (
    SAFETY_NET,
    help_text,
    opted_in_text,
    opted_out_text,
)
from careplan.clock import Clock
from careplan.inbox.items import ROUTINE, URGENT, open_item
from careplan.messaging import inbound_repo
from careplan.messaging.keywords import Keyword, keyword_of
from careplan.messaging.outbox import queue_text
from careplan.messaging.sms.provider import SmsProvider
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row

log = logging.getLogger(__name__)

STOP_SUMMARY = (
    "Replied STOP: no more texts go to this number, check-ins by text included, until it "
    "replies START. Contact them another way if needed."
)


@dataclass(frozen=True, slots=True)
class Received:
    """The parts of Twilio's webhook we act on."""

    message_sid: str
    phone: str  # From
    body: str
    opt_out_type: str | None = None


_SHARED = (
    "The number is shared by more than one patient, so this text is not attached to anyone's "
    "record: find out who sent it"
)
CARER_SHARED = (
    "From the phone of {name}, a carer answering check-ins for more than one patient, so this "
    "text is not attached to anyone's record: find out whom it is about"
)
CARER_NOTHING_WAITING = (
    "From the phone of {name}, a carer, with no check-in waiting for their answer, so this "
    "text is not attached to anyone's record: please read it and contact them"
)
CARER_STOP_SUMMARY = (
    "Their carer {name} replied STOP from the phone their check-ins go to: no more texts go "
    "to it, so their check-ins by text are not sent, until it replies START. Contact them "
    "another way, or change who gets the check-ins."
)


@dataclass(frozen=True, slots=True)
class Sender:
    """Who a number belongs to. `patient` is None when several could have sent it and none
    can be told apart. A carer answering for a patient gives that patient, with author_kind
    'carer', author_id the carer and on_behalf_of the patient. `patients`: everyone the text
    concerns, whose teams hear of a STOP or get the item (`unattached_kind`, `unattached`)
    when it cannot be attached to one of them; `carer_for`: those concerned only as the
    carer's."""

    patients: list[Row]
    patient: Row | None
    author_kind: str = "patient"
    author_id: str | None = None  # None: the patient themself
    on_behalf_of: str | None = None
    carer: Row | None = None  # the number is this carer's
    carer_for: frozenset[str] = frozenset()
    unattached_kind: str = "shared_number"
    unattached: str = _SHARED


async def receive_sms(
    db: Database, sms: SmsProvider, settings: Settings, clock: Clock, received: Received
) -> None:
    """Handle one verified inbound text; what it queued is sent once it has committed.

    Who sent it and what the reply will do are read first; the write transaction then
    stores the text and its effects together (short, since on SQLite it holds the writer).
    """
    body = received.body.replace("\x00", "")  # PostgreSQL cannot store NUL
    now = clock.now_ms()
    sender = await resolve_sender(db, received.phone, now)
    keyword = keyword_of(body, received.opt_out_type)
    # A carer's number that concerns nobody now still gets the safety net for a red flag.
    if not sender.patients and (sender.carer is None or keyword or not red_flags(body)):
        if keyword in (Keyword.STOP, Keyword.START):
            await inbound_repo.set_opted_out(db, received.phone, keyword is Keyword.STOP, now)
        log.info(
            "inbound sms from a number no patient has",
            extra={"message_sid": received.message_sid, "keyword": keyword},
        )
        return
    if keyword is Keyword.YES:
        opted_out = await inbound_repo.is_opted_out(db, received.phone)
        keyword = Keyword.START if opted_out else None  # otherwise "yes" is an answer
    reply = decided = None
    author_id = sender.author_id or (sender.patient["id"] if sender.patient else None)
    if keyword is None and sender.patient is not None:
        reply = Reply(
            patient_id=sender.patient["id"],
            text=body,
            channel="sms",
            author_kind=sender.author_kind,
            author_id=author_id,
            on_behalf_of=sender.on_behalf_of,
            message_id=uuid.uuid4().hex,
            phone=received.phone,
            author_name=sender.carer["display_name"] if sender.author_kind == "carer" else None,
        )
        decided = await plan(db, clock, reply)
    message_id = reply.message_id if reply else uuid.uuid4().hex
    async with db.transaction() as tx:
        stored = await inbound_repo.insert_inbound_sms(
            tx,
            {
                "id": message_id,
                "patient_id": sender.patient["id"] if sender.patient else None,
                "purpose": "keyword" if keyword else "reply",
                "phone": received.phone,
                "body": body,
                "checkin_id": decided.checkin_id if decided else None,
                "author_kind": sender.author_kind,
                "author_id": author_id,
                "on_behalf_of": sender.on_behalf_of,
                "provider_sid": received.message_sid,
                "created_at": now,
            },
        )
        if not stored:
            log.info("duplicate inbound sms ignored", extra={"message_sid": received.message_sid})
            return
        if keyword is not None:
            send_now = await _keyword(tx, keyword, received, sender, message_id, now)
        elif reply is None or decided is None:
            send_now = await _shared_number(tx, received, sender, body, message_id, now)
        else:
            send_now = (await apply(tx, clock, reply, decided)).send_now
    await send_queued(db, sms, settings, clock, send_now)


async def resolve_sender(tx: Executor, phone: str, now: int) -> Sender:
    """The patients with this number and, when it can be told without guessing, which one."""
    patients = await inbound_repo.patients_with_phone(tx, phone)
    carer = await inbound_repo.carer_with_phone(tx, phone)
    if carer is not None:
        return await _carer_sender(tx, carer, patients, now)
    if len(patients) <= 1:
        return Sender(patients, patients[0] if patients else None)
    waiting = await inbound_repo.waiting_for_answer(tx, [p["id"] for p in patients], now)
    chosen = [p for p in patients if p["id"] in waiting]
    return Sender(patients, chosen[0] if len(chosen) == 1 else None)


async def _carer_sender(tx: Executor, carer: Row, own: list[Row], now: int) -> Sender:
    """A carer's number (perhaps also a patient's own): the one patient with a question
    waiting for an answer from it, the carer's or their own; never a guess."""
    answering = [
        row
        for row in await inbound_repo.answered_for_by_carer(tx, carer["id"], now)
        if answers_checkins(row["scopes"])
    ]
    waiting = await inbound_repo.waiting_for_answer(tx, [p["id"] for p in own], now) if own else []
    own_waiting = [p for p in own if p["id"] in waiting]
    sent_here = await inbound_repo.checkins_sent_to_carer(tx, carer["id"])
    concerned = _unique(own + answering + sent_here)
    own_ids = {p["id"] for p in own}
    via_carer = frozenset(p["id"] for p in concerned if p["id"] not in own_ids)
    name = carer["display_name"]
    found = Sender(concerned, None, carer=carer, carer_for=via_carer)
    if len(answering) + len(own_waiting) > 1:
        return replace(found, unattached=CARER_SHARED.format(name=name))
    if answering:
        patient = answering[0]
        return replace(
            found,
            patient=patient,
            author_kind="carer",
            author_id=carer["id"],
            on_behalf_of=patient["id"],
        )
    if own_waiting or len(own) == 1:
        return replace(found, patient=(own_waiting or own)[0])
    if own:
        return found  # a number shared by patients, as for any shared number
    helped = await inbound_repo.helped_by_carer(tx, carer["id"], now)
    return replace(
        found,
        patients=_unique(helped + concerned),
        author_kind="carer",
        author_id=carer["id"],
        unattached_kind="carer_text",
        unattached=CARER_NOTHING_WAITING.format(name=name),
    )


def _unique(patients: list[Row]) -> list[Row]:
    by_id: dict[str, Row] = {}
    for patient in patients:
        by_id.setdefault(patient["id"], patient)
    return list(by_id.values())


async def _keyword(
    tx: Executor, keyword: Keyword, received: Received, sender: Sender, message_id: str, now: int
) -> tuple[str, ...]:
    """Record STOP / START, tell the team, and confirm unless Twilio already has."""
    phone = received.phone
    if keyword is Keyword.STOP:
        await inbound_repo.set_opted_out(tx, phone, True, now)
        for patient in sender.patients:
            summary = STOP_SUMMARY
            if sender.carer is not None and patient["id"] in sender.carer_for:
                summary = CARER_STOP_SUMMARY.format(name=sender.carer["display_name"])
            await open_item(
                tx,
                patient_id=patient["id"],
                kind="opted_out",
                urgency=ROUTINE,
                summary=summary,
                now=now,
                message_id=message_id,
            )
        answer, purpose = opted_out_text(_practice(sender)), "opt_out_confirm"
    elif keyword is Keyword.START:
        await inbound_repo.set_opted_out(tx, phone, False, now)
        await _tell_team(tx, sender, "Replied START: texts to this number resume", message_id, now)
        answer, purpose = opted_in_text(_practice(sender)), "opt_in_confirm"
    else:
        summary = "Replied HELP: they were sent who we are, how to stop, and 999 / 111"
        await _tell_team(tx, sender, summary, message_id, now)
        answer, purpose = help_text(_practice(sender)), "help"
    log.info("sms keyword", extra={"message_sid": received.message_sid, "keyword": keyword})
    if received.opt_out_type:
        return ()  # Twilio's Advanced Opt-Out has already answered the keyword
    text_id = await queue_text(
        tx,
        patient_id=sender.patient["id"] if sender.patient else None,
        phone=phone,
        body=answer,
        purpose=purpose,
        now=now,
    )
    return (text_id,)


async def _tell_team(tx: Executor, sender: Sender, summary: str, message_id: str, now: int) -> None:
    """A routine item on the sender, or the shared-number item when nobody can be told."""
    if sender.patient is not None:
        await open_item(
            tx,
            patient_id=sender.patient["id"],
            kind="reply",
            urgency=ROUTINE,
            summary=summary,
            now=now,
            message_id=message_id,
        )
        return
    await _shared_items(tx, sender, f"{summary}. {sender.unattached}", ROUTINE, message_id, now)


async def _shared_number(
    tx: Executor, received: Received, sender: Sender, body: str, message_id: str, now: int
) -> tuple[str, ...]:
    """A text nobody can be told apart for: never attached to a guess. Red flags still get
    the safety net at once and make the item urgent."""
    flags = red_flags(body)
    said = None
    if flags and not await inbound_repo.is_opted_out(tx, received.phone):
        said = await queue_text(
            tx,
            patient_id=None,
            phone=received.phone,
            body=SAFETY_NET,
            purpose="safety_net",
            now=now,
        )
    summary = sender.unattached + "."
    if flags:
        summary = f"Red flag words: {', '.join(flags)}. " + summary
    await _shared_items(tx, sender, summary, URGENT if flags else ROUTINE, message_id, now)
    log.info("inbound sms from a shared number", extra={"message_sid": received.message_sid})
    return (said,) if said else ()


async def _shared_items(
    tx: Executor, sender: Sender, summary: str, urgency: int, message_id: str, now: int
) -> None:
    """One item (`sender.unattached_kind`) per practice involved, on its first patient
    concerned (an item needs a patient to be routed; the summary says it is not theirs)."""
    seen: set[str] = set()
    for patient in sender.patients:
        if patient["organisation_id"] in seen:
            continue
        seen.add(patient["organisation_id"])
        await open_item(
            tx,
            patient_id=patient["id"],
            kind=sender.unattached_kind,
            urgency=urgency,
            summary=summary,
            now=now,
            message_id=message_id,
        )


def _practice(sender: Sender) -> str | None:
    """The practice name to sign a text with, when the number belongs to only one."""
    names = {p["practice"] for p in sender.patients}
    return names.pop() if len(names) == 1 else None
