"""Check-ins the patient chose to have texted to a carer's phone (FEATURES D, ADR 0015).

A schedule with recipient 'carer' names the carer by their carer id (stable across
re-invitations). Whether that carer may still answer for the patient is decided at every
send, not when the schedule was set: they need a live ACTIVE delegation (accepted, not
revoked, not past its end) that includes answer_checkins.
- Live: the question goes to the carer's phone, opening "Check-in for <given name>:"; the
  opt-out and status of THAT phone apply (the dispatcher checks the number a text goes to).
- Not live: nothing is texted to the carer, nor silently to the patient instead (they may
  not be able to answer, which is why the carer was chosen). The check-in is skipped with
  reason 'carer_access_ended', shown in the thread as a text not sent, and the team gets a
  routine item, so nobody goes unmonitored without a person knowing.
The same check is made for a reminder and again just before any check-in text goes out, so a
revocation between queueing and sending still holds.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import msgspec

from careplan.checkins.outcomes import CHECKIN_PURPOSE, REMINDER_PURPOSE, mark_not_texted
from careplan.checkins.prompts import checkin_text
from careplan.inbox.items import ROUTINE, open_item
from careplan.people import scopes as scope_names
from careplan.people.scopes import Scope
from careplan.storage.db import Executor, Row

log = logging.getLogger(__name__)

CARER_ACCESS_ENDED = "carer_access_ended"
QUESTION_SHOWN = 80
NOT_SENT = (
    "A check-in was due to go to their carer's phone, but that carer can no longer answer "
    "check-ins for them (access revoked, ended or changed), so it was not sent: {question}. "
    "Ask the patient who should answer their check-ins and change the schedule."
)
NOT_REMINDED = (
    "A check-in sent to their carer's phone is unanswered and that carer can no longer answer "
    "check-ins for them (access revoked, ended or changed), so no reminder was sent: "
    "{question}. Ask the patient who should answer their check-ins."
)
_LIVE = "d.status = 'active' AND (d.ends_at IS NULL OR d.ends_at > ?)"


@dataclass(frozen=True, slots=True)
class CarerRecipient:
    phone: str | None  # None if the carer is gone
    given_name: str  # the patient's, for "Check-in for Alice"
    live: bool  # may answer check-ins for the patient now


def answers_checkins(scopes: str | None) -> bool:
    """Stored delegation scopes (None: no live delegation) include answer_checkins."""
    return scopes is not None and Scope.ANSWER_CHECKINS in scope_names.decode(scopes)


async def live_scopes(ex: Executor, carer_id: str, patient_id: str, now: int) -> str | None:
    """The carer's live active delegation's scopes for the patient; None without one."""
    return await ex.fetch_value(
        "SELECT d.scopes FROM carer_delegations d WHERE d.carer_id = ? AND d.patient_id = ? "
        f"AND {_LIVE}",
        carer_id,
        patient_id,
        now,
    )


async def carers_of_schedules(
    ex: Executor, patient_id: str, carer_ids: Sequence[str], now: int
) -> dict[str, tuple[str, bool]]:
    """carer id -> (display name, may answer check-ins for the patient now), for showing
    carer-recipient schedules."""
    wanted = sorted(set(carer_ids))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    rows = await ex.fetch_all(
        "SELECT k.id, k.display_name, d.scopes FROM carers k "
        f"LEFT JOIN carer_delegations d ON d.carer_id = k.id AND d.patient_id = ? AND {_LIVE} "
        f"WHERE k.id IN ({marks})",
        patient_id,
        now,
        *wanted,
    )
    return {row["id"]: (row["display_name"], answers_checkins(row["scopes"])) for row in rows}


async def recipients(
    ex: Executor, checkin_ids: Sequence[str], now: int
) -> dict[str, CarerRecipient]:
    """check-in id -> its carer, for those of CHECKIN_IDS whose schedule goes to a carer.
    At most one live delegation per carer and patient (index carer_delegations_one_live)."""
    if not checkin_ids:
        return {}
    marks = ", ".join("?" for _ in checkin_ids)
    rows = await ex.fetch_all(
        "SELECT c.id, k.phone, p.given_name, d.scopes FROM checkins c "
        "JOIN checkin_schedules s ON s.id = c.schedule_id JOIN patients p ON p.id = c.patient_id "
        "LEFT JOIN carers k ON k.id = s.recipient_carer_id "
        "LEFT JOIN carer_delegations d ON d.carer_id = s.recipient_carer_id "
        f"AND d.patient_id = c.patient_id AND {_LIVE} "
        f"WHERE c.id IN ({marks}) AND s.recipient = 'carer'",
        now,
        *checkin_ids,
    )
    return {
        row["id"]: CarerRecipient(
            phone=row["phone"],
            given_name=row["given_name"],
            live=row["phone"] is not None and answers_checkins(row["scopes"]),
        )
        for row in rows
    }


async def readdressed(tx: Executor, questions: Sequence[Row], now: int) -> list[Row]:
    """The claimed check-ins to text, as dicts: a carer's goes to the carer's phone (`about`:
    the patient's given name, else None); one whose carer can no longer answer is skipped
    here, visibly."""
    carers = await recipients(tx, [question["id"] for question in questions], now)
    kept: list[Row] = []
    for question in questions:
        carer = carers.get(question["id"])
        if carer is None:
            kept.append({**question, "about": None})
        elif carer.live:
            kept.append({**question, "phone": carer.phone, "about": carer.given_name})
        else:
            await _not_sent(tx, question, carer, now)
    return kept


async def _not_sent(tx: Executor, question: Row, carer: CarerRecipient, now: int) -> None:
    """Skipped with the reason: a text not sent in the thread, and an item for the team."""
    options = msgspec.json.decode(question["options"] or "{}")
    body = checkin_text(
        question["kind"], question["question"], options, question["practice"], carer.given_name
    )
    message_id = uuid.uuid4().hex
    await tx.execute(
        "INSERT INTO messages (id, patient_id, direction, channel, purpose, body, checkin_id, "
        "author_kind, status, skip_reason, created_at, updated_at) "
        "VALUES (?, ?, 'outbound', 'sms', ?, ?, ?, 'system', 'skipped', ?, ?, ?)",
        message_id,
        question["patient_id"],
        CHECKIN_PURPOSE,
        body,
        question["id"],
        CARER_ACCESS_ENDED,
        now,
        now,
    )
    await tx.execute("UPDATE checkins SET message_id = ? WHERE id = ?", message_id, question["id"])
    await mark_not_texted(tx, question["id"], "skipped", CARER_ACCESS_ENDED, now)
    await _tell_team(tx, question["patient_id"], question["id"], NOT_SENT, question, now)
    log.info("check-in skipped", extra={"checkin_id": question["id"], "reason": CARER_ACCESS_ENDED})


async def reminders_readdressed(tx: Executor, rows: Sequence[Row], now: int) -> list[Row]:
    """Check-ins to follow up: a carer's reminder goes to the carer's phone; one sent to a
    carer who can no longer answer is closed now (unanswered, the team told), not reminded.
    Rows already due to close as unanswered go on as they are."""
    carers = await recipients(tx, [row["id"] for row in rows], now)
    kept: list[Row] = []
    for row in rows:
        carer = carers.get(row["id"])
        if carer is None:
            kept.append({**row, "about": None})
        elif carer.live:
            kept.append({**row, "phone": carer.phone, "about": carer.given_name})
        elif row["status"] == "reminded" or row["window_ends_at"] <= now:
            kept.append({**row, "about": None})
        else:
            await tx.execute(
                "UPDATE checkins SET status = 'unanswered', reminder_due_at = NULL, "
                "updated_at = ? WHERE id = ? AND status = 'sent'",
                now,
                row["id"],
            )
            await _tell_team(tx, row["patient_id"], row["id"], NOT_REMINDED, row, now)
            log.info("check-in not reminded", extra={"checkin_id": row["id"]})
    return kept


async def withheld(ex: Executor, texts: Sequence[Row], now: int) -> set[str]:
    """Of these claimed texts, the ids of check-in questions and reminders going to a carer's
    phone (not the patient's own) for a patient that carer can no longer answer for. Read by
    the number, so it holds whatever the schedule says now."""
    ids = [t["id"] for t in texts if t["purpose"] in (CHECKIN_PURPOSE, REMINDER_PURPOSE)]
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    rows = await ex.fetch_all(
        "SELECT m.id, d.scopes FROM messages m JOIN carers k ON k.phone = m.phone "
        "JOIN patients p ON p.id = m.patient_id "
        "LEFT JOIN carer_delegations d ON d.carer_id = k.id AND d.patient_id = m.patient_id "
        f"AND {_LIVE} WHERE m.id IN ({marks}) AND (p.phone IS NULL OR p.phone <> m.phone)",
        now,
        *ids,
    )
    return {row["id"] for row in rows if not answers_checkins(row["scopes"])}


async def tell_team_withheld(tx: Executor, text: Row, now: int) -> None:
    """A withheld check-in question (not a reminder: its check-in was asked, and goes to the
    team as unanswered in time) opens the team's item."""
    if text["purpose"] != CHECKIN_PURPOSE or not text["checkin_id"]:
        return
    question = await tx.fetch_one(
        "SELECT s.question FROM checkins c JOIN checkin_schedules s ON s.id = c.schedule_id "
        "WHERE c.id = ?",
        text["checkin_id"],
    )
    shown = question or {"question": ""}
    await _tell_team(tx, text["patient_id"], text["checkin_id"], NOT_SENT, shown, now)


async def _tell_team(
    tx: Executor, patient_id: str, checkin_id: str, summary: str, question: Row, now: int
) -> None:
    await open_item(
        tx,
        patient_id=patient_id,
        kind=CARER_ACCESS_ENDED,
        urgency=ROUTINE,
        summary=summary.format(question=_quoted(question["question"])),
        now=now,
        checkin_id=checkin_id,
    )


def _quoted(question: str) -> str:
    text = " ".join(str(question).split())
    if len(text) > QUESTION_SHOWN:
        text = text[: QUESTION_SHOWN - 1].rstrip() + "…"
    return f"“{text}”"
