"""Recording and reading the audit trail.

Every read and write of patient data is recorded (actor, on-behalf-of, action, patient,
target, time, request id), in the same transaction as the write it describes. One
exception, decided in ADR 0004: a patient reading their own record is not recorded —
the log exists to show the patient what *others* did.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from careplan.audit import repo
from careplan.audit.schemas import AccessLogEntry, AccessLogPage
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.logging import current_request_id
from careplan.people.actor import Actor, ActorKind
from careplan.storage.db import Executor

_PLAIN_WORDS = {
    "patient.create": "registered you",
    "patient.read": "viewed your record",
    "patient.list": "saw you in a list of patients",
    "patient.update": "changed your details",
    "care_team.update": "changed your care team",
    "access_log.read": "viewed your access log",
    "plan.read": "viewed your care plan",
    "plan.update": "changed your care plan",
    "goal.create": "added a goal",
    "goal.update": "changed a goal",
    "goal.delete": "removed a goal",
    "action.create": "added an action",
    "action.update": "changed an action",
    "action.delete": "removed an action",
    "action_log.create": "logged an action",
    "action_log.delete": "took back an action log",
    "today.read": "viewed your actions for today",
    "history.read": "viewed the history of your plan",
    "reading.create": "added a reading",
    "reading.read": "viewed your readings",
    "reading.delete": "removed a reading",
    "review.create": "scheduled your review",
    "review.list": "viewed your list of reviews",
    "review.read": "viewed your review and its agenda",
    "review.result_share": "shared a result before your review",
    "review.agenda_update": "wrote the agenda for your review",
    "review.complete": "completed your review",
    "threshold.read": "viewed the alert levels for your readings",
    "threshold.create": "set an alert level for your readings",
    "threshold.delete": "removed an alert level for your readings",
    "checkin.answer": "recorded your answer to a check-in",
    "checkin.seen": "opened a check-in in the app",
    "checkin_schedule.create": "set up a check-in",
    "checkin_schedule.list": "viewed your check-ins",
    "checkin_schedule.update": "changed, paused or stopped a check-in",
    "checkin_schedule.send_now": "sent you a check-in straight away",
    "checkin_settings.read": "viewed your check-in settings",
    "checkin_settings.update": "changed your quiet hours or paused your check-ins",
    "inbox.list": "saw you in the clinicians' inbox",
    "inbox.read": "viewed an item about you in the clinicians' inbox",
    "inbox.assign": "passed an item about you to a colleague",
    "inbox.note": "wrote a note for colleagues about an item of yours",
    "inbox.reply": "replied to your message",
    "inbox.resolve": "marked an item about you as dealt with",
    "inbox.reroute": "handed items about you to the team while away",
    "thread.read": "read your messages",
    "message.create": "wrote a message in the app",
    "message.send": "sent you a message",
    "caseload.read": "saw you in their list of patients",
    "push_subscription.create": "turned on notifications on a device",
    "push_subscription.delete": "turned off notifications on a device",
    "carer.list": "viewed who your carers are",
    "carer.invite": "invited a carer to help you",
    "carer.update": "changed what a carer may do for you",
    "carer.revoke": "ended a carer's access",
    "carer.accept": "accepted your invitation to help you",
    "carer.decline": "declined your invitation to help you",
    "capacity.read": "viewed the record of your capacity to choose carers",
    "capacity.record": "recorded whether you can choose your own carers",
    "fhir.export": "exported your whole record",
    "share_link.create": "made a link to share your story",
    "share_link.revoke": "stopped a link to your story",
    "story.view": "viewed your story through a share link",
}


def is_self_read(actor: Actor, patient_id: str, action: str) -> bool:
    return (
        actor.kind is ActorKind.PATIENT
        and actor.id == patient_id
        and action.endswith((".read", ".list"))
    )


async def record(
    db: Executor,
    clock: Clock,
    actor: Actor,
    action: str,
    patient_ids: Iterable[str],
    target_kind: str,
    target_id: str | None = None,
) -> None:
    now = clock.now_ms()
    request_id = current_request_id()
    rows = [
        (
            uuid.uuid4().hex,
            now,
            actor.kind.value,
            actor.id,
            actor.on_behalf_of,
            action,
            patient_id,
            target_kind,
            target_id if target_id is not None else patient_id,
            request_id,
        )
        for patient_id in patient_ids
        if not is_self_read(actor, patient_id, action)
    ]
    await repo.insert_events(db, rows)


async def access_log(
    db: Executor, patient_id: str, before: str | None, actor_id: str | None, limit: int
) -> AccessLogPage:
    rows = await repo.events_for_patient(db, patient_id, parse_cursor(before), actor_id, limit + 1)
    entries = [
        AccessLogEntry(
            id=row["id"],
            at=row["at"],
            actor_kind=row["actor_kind"],
            actor_id=row["actor_id"],
            actor_name=row["actor_name"] or "Someone no longer registered",
            actor_role=row["actor_role"] or row["actor_kind"],
            on_behalf_of=row["on_behalf_of"],
            action=row["action"],
            summary=_PLAIN_WORDS.get(row["action"], row["action"]),
            target_kind=row["target_kind"],
            target_id=row["target_id"],
            request_id=row["request_id"],
        )
        for row in rows[:limit]
    ]
    last = entries[-1] if entries and len(rows) > limit else None
    return AccessLogPage(items=entries, next_before=f"{last.at}.{last.id}" if last else None)


def parse_cursor(before: str | None) -> tuple[int, str] | None:
    if before is None:
        return None
    at, _, event_id = before.partition(".")
    if not at.isdigit() or not event_id:
        raise InvalidField("before", "use the next_before value from the previous page")
    return int(at), event_id
