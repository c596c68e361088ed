"""The one pipeline for a reply, by text or in the app (`handle_reply`).

1. Red flags first, on any text, even a clean answer: an urgent item and, at once, the
   safety-net reply (not for emergencies: 999 / 111).
2. The open check-in's kind reads the reply; an answer is stored (the check-in answered; a
   reading or an action log through the care-plan services, so everything is audited as if
   typed in the app), and a reading is checked against the patient's alert levels.
3. A reply that cannot be read gets one clarifying question; the next unclear one goes to a
   person. Nothing is ever stored from a guess.
4. With no check-in waiting, a person reads it ('reply' item).

Two steps, so the write transaction stays short (on SQLite it holds the one writer): `plan`
(reply_plan.py) reads what the reply needs and decides; `apply` writes it in one transaction,
every change
guarded by compare-and-set so a plan made stale meanwhile changes nothing wrongly. Texts are
queued in that transaction (the outbox) and handed to the dispatcher once it commits.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field, replace

from careplan.audit.service import record as record_audit
from careplan.careplans.logs import store_log
from careplan.careplans.readings.catalogue import reading_kind
from careplan.careplans.readings.schemas import ReadingCreate
from careplan.careplans.readings.service import store_reading
from careplan.careplans.schemas import ActionLogCreate
from careplan.checkins import push_first
from careplan.checkins import replies_repo as repo
from careplan.checkins.parse import Answer, Unclear
from careplan.checkins.reply_plan import Plan, Reply, plan
from careplan.checkins.reply_texts import SAFETY_NET, clarify_text
from careplan.checkins.thresholds_service import open_alert
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.inbox.items import ROUTINE, URGENT, open_item
from careplan.messaging import inbound_repo
from careplan.messaging.outbox import queue_text
from careplan.messaging.sms.provider import SmsProvider
from careplan.people.actor import Actor, ActorKind
from careplan.settings import Settings
from careplan.storage.db import Database, Executor, Row

log = logging.getLogger(__name__)

QUESTION_SHOWN = 80  # characters of the question quoted in an item's summary


@dataclass(frozen=True, slots=True)
class ReplyOutcome:
    """What the pipeline made of a reply. `kind`: answered | clarify | unclear | reply |
    red_flag (flagged, nothing else to do with it)."""

    kind: str
    message_id: str
    checkin_id: str | None = None
    item_id: str | None = None  # the main item opened for a person, if any
    urgent: bool = False
    safety_net_sent: bool = False
    red_flags: tuple[str, ...] = ()
    answer: str | None = None
    alert_level: str | None = None  # the threshold level a stored reading crossed
    send_now: tuple[str, ...] = field(default=())  # queued texts to hand to the dispatcher


async def handle_reply(
    db: Database,
    sms: SmsProvider,
    settings: Settings,
    clock: Clock,
    *,
    patient_id: str,
    text: str,
    channel: str,
    author_kind: str,
    author_id: str | None,
    on_behalf_of: str | None,
    message_id: str,
    phone: str | None = None,
) -> ReplyOutcome:
    """Process a stored inbound message (the app thread's), then send what it queued."""
    reply = Reply(
        patient_id, text, channel, author_kind, author_id, on_behalf_of, message_id, phone
    )
    decided = await plan(db, clock, reply)
    async with db.transaction() as tx:
        if decided.checkin_id is not None:
            await inbound_repo.link_to_checkin(tx, message_id, decided.checkin_id, clock.now_ms())
        outcome = await apply(tx, clock, reply, decided)
    await send_queued(db, sms, settings, clock, outcome.send_now)
    return outcome


async def send_queued(
    db: Database, sms: SmsProvider, settings: Settings, clock: Clock, message_ids: tuple[str, ...]
) -> None:
    """Hand texts just queued to the dispatcher now (after commit). If that fails they stay
    queued and the dispatcher's next run sends them; the caller's request still succeeds."""
    if not message_ids:
        return
    # Helper B's dispatcher: imported here so the pipeline loads before it exists.
    from careplan.messaging.dispatch import send_message  # noqa: PLC0415

    for message_id in message_ids:
        try:
            await send_message(db, sms, settings, clock, message_id)
        except Exception:
            log.exception("queued text not sent at once; the dispatcher will retry it",
                          extra={"message_id": message_id})  # fmt: skip


async def apply(tx: Executor, clock: Clock, reply: Reply, decided: Plan) -> ReplyOutcome:
    """Steps 1-4 of the module docstring inside the caller's transaction."""
    now = clock.now_ms()
    outcome = ReplyOutcome(kind="reply", message_id=reply.message_id)
    flags = decided.flags
    if flags:
        outcome = await _red_flag(tx, reply, decided, now, outcome)
    checkin, parsed = decided.checkin, decided.parsed
    if checkin is None:
        return outcome if flags else await _for_a_person(tx, reply, None, now, outcome)
    outcome = replace(outcome, checkin_id=checkin["id"])
    if isinstance(parsed, Unclear):
        log.info("unclear reply", extra={"checkin_id": checkin["id"], "reason": parsed.reason})
        return outcome if flags else await _unclear(tx, reply, decided, now, outcome)
    assert parsed is not None  # a check-in's reply is always parsed
    if not await repo.mark_answered(
        tx, checkin["id"], parsed.text, reply.author_kind, reply.author_id, now
    ):
        return outcome if flags else await _for_a_person(tx, reply, None, now, outcome)
    await push_first.answered(tx, checkin["id"], now)  # a text held for it need not go
    await record_audit(
        tx, clock, _author(reply), "checkin.answer", [reply.patient_id], "checkin", checkin["id"]
    )
    outcome = replace(outcome, kind="answered", answer=parsed.text)
    return await _store_answer(tx, clock, reply, decided, parsed, outcome)


async def _item_for(
    tx: Executor,
    reply: Reply,
    kind: str,
    urgency: int,
    summary: str,
    now: int,
    checkin_id: str | None = None,
) -> str:
    """An inbox item about this reply: its patient, pointing at its message; a carer's
    reply says so, by name."""
    if reply.author_kind == "carer":
        who = f"their carer {reply.author_name}" if reply.author_name else "their carer"
        summary = f"From {who}: {summary}"
    return await open_item(
        tx,
        patient_id=reply.patient_id,
        kind=kind,
        urgency=urgency,
        summary=summary,
        now=now,
        message_id=reply.message_id,
        checkin_id=checkin_id,
    )


async def _red_flag(
    tx: Executor, reply: Reply, decided: Plan, now: int, outcome: ReplyOutcome
) -> ReplyOutcome:
    said = await _say(tx, reply, decided, SAFETY_NET, "safety_net", None, now)
    answered = (
        "Safety-net reply sent (999 / 111)."
        if said
        else "No automatic reply: this number has opted out of texts. Contact them another way."
    )
    summary = f"Red flag words: {', '.join(decided.flags)}. {answered}"
    item_id = await _item_for(tx, reply, "red_flag", URGENT, summary, now)
    log.warning(
        "red flag reply", extra={"message_id": reply.message_id, "flags": list(decided.flags)}
    )
    return replace(
        outcome,
        kind="red_flag",
        item_id=item_id,
        urgent=True,
        safety_net_sent=said is not None,
        red_flags=decided.flags,
        send_now=outcome.send_now + _texted(said, reply),
    )


async def _unclear(
    tx: Executor, reply: Reply, decided: Plan, now: int, outcome: ReplyOutcome
) -> ReplyOutcome:
    """One clarifying question per check-in; after that (or if it cannot be sent) a person."""
    checkin = decided.checkin
    assert checkin is not None
    can_say = reply.channel == "app" or decided.can_text
    if can_say and await repo.ask_again(tx, checkin["id"], now):
        body = clarify_text(checkin["kind"], decided.options)
        said = await _say(tx, reply, decided, body, "clarify", checkin["id"], now)
        return replace(outcome, kind="clarify", send_now=outcome.send_now + _texted(said, reply))
    summary = f"Could not read the answer to {_quoted(checkin)}: please read it"
    item_id = await _item_for(tx, reply, "unclear_reply", ROUTINE, summary, now, checkin["id"])
    return replace(outcome, kind="unclear", item_id=item_id)


async def _for_a_person(
    tx: Executor, reply: Reply, summary: str | None, now: int, outcome: ReplyOutcome
) -> ReplyOutcome:
    summary = summary or "A message with no check-in waiting: please read it"
    item_id = await _item_for(tx, reply, "reply", ROUTINE, summary, now, outcome.checkin_id)
    return replace(outcome, item_id=item_id)


async def _store_answer(
    tx: Executor,
    clock: Clock,
    reply: Reply,
    decided: Plan,
    parsed: Answer,
    outcome: ReplyOutcome,
) -> ReplyOutcome:
    """The reading or action log an answer stands for; a person reads free text and any
    answer that says more than the answer (unless a red flag already sent it to one)."""
    now = clock.now_ms()
    checkin = decided.checkin
    assert checkin is not None
    kind = checkin["kind"]
    note = None
    if kind == "reading":
        outcome = await _store_reading(tx, clock, reply, decided, parsed, outcome)
    elif kind == "action_done":
        note = await _store_action_log(tx, clock, reply, decided, parsed)
    if outcome.red_flags:
        return outcome
    if note is not None:
        return await _for_a_person(tx, reply, note, now, outcome)
    if kind == "free_text":
        return await _for_a_person(tx, reply, f"Answer to {_quoted(checkin)}", now, outcome)
    if parsed.more:
        summary = f"Answered {_quoted(checkin)} with {parsed.text} and said more: please read it"
        return await _for_a_person(tx, reply, summary, now, outcome)
    return outcome


async def _store_reading(
    tx: Executor,
    clock: Clock,
    reply: Reply,
    decided: Plan,
    parsed: Answer,
    outcome: ReplyOutcome,
) -> ReplyOutcome:
    """Stored through the readings service; the alert levels crossed were found in `plan`."""
    assert parsed.value is not None  # a parsed reading has its value
    kind = reading_kind(str(decided.options["reading_type"]))
    data = ReadingCreate(
        id=uuid.uuid4().hex,
        reading_type=kind.reading_type,
        value=parsed.value,
        unit=kind.unit,
        value2=parsed.value2,
    )
    author = _author(reply)
    reading, _ = await store_reading(
        tx, clock, author, reply.patient_id, data, _source(reply), check_thresholds=False
    )
    await record_audit(
        tx, clock, author, "reading.create", [reply.patient_id], "reading", reading.id
    )
    level = await open_alert(
        tx, clock, reply.patient_id, kind.reading_type, parsed.value, parsed.value2, decided.crossed
    )
    return replace(outcome, alert_level=level, urgent=outcome.urgent or level == "red")


async def _store_action_log(
    tx: Executor, clock: Clock, reply: Reply, decided: Plan, parsed: Answer
) -> str | None:
    """Log the linked action on the patient's own today; None, or why it could not be."""
    assert parsed.outcome is not None and decided.today is not None  # set for action_done
    data = ActionLogCreate(
        id=uuid.uuid4().hex,
        action_id=str(decided.options.get("action_id") or ""),
        day=decided.today.isoformat(),
        outcome=parsed.outcome,  # type: ignore[arg-type]  # done | partly | not_today
    )
    try:
        await store_log(tx, clock, _author(reply), reply.patient_id, data, source=_source(reply))
    except InvalidField:
        return f"Answered '{parsed.text}', but the action is no longer in the plan: not logged"
    return None


async def _say(
    tx: Executor,
    reply: Reply,
    decided: Plan,
    body: str,
    purpose: str,
    checkin_id: str | None,
    now: int,
) -> str | None:
    """Answer the way the reply came: a message in the app thread, or a text to the
    sender's number unless it has opted out (then None). The outbound message's id."""
    if reply.channel == "app":
        return await inbound_repo.insert_app_reply(
            tx, reply.patient_id, body, purpose, checkin_id, now
        )
    if not decided.can_text or reply.phone is None:
        return None
    return await queue_text(
        tx,
        patient_id=reply.patient_id,
        phone=reply.phone,
        body=body,
        purpose=purpose,
        now=now,
        checkin_id=checkin_id,
    )


def _texted(message_id: str | None, reply: Reply) -> tuple[str, ...]:
    """The outbound id, when it is a text for the dispatcher to send now."""
    return (message_id,) if message_id is not None and reply.channel == "sms" else ()


def _author(reply: Reply) -> Actor:
    """The person who replied, as the care-plan services record authors."""
    return Actor(
        kind=ActorKind(reply.author_kind),
        id=reply.author_id or reply.patient_id,
        display_name="",
        role=reply.author_kind,
        organisation_id="",
        organisation_name="",
        preferred_language="en",
        session_hash="",
        on_behalf_of=reply.on_behalf_of,
    )


def _source(reply: Reply) -> str:
    return "sms" if reply.channel == "sms" else "app"


def _quoted(checkin: Row) -> str:
    question = " ".join(str(checkin["question"]).split())
    if len(question) > QUESTION_SHOWN:
        question = question[: QUESTION_SHOWN - 1].rstrip() + "…"
    return f"“{question}”"
