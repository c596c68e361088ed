"""SQL for answering check-ins. No HTTP here."""

from __future__ import annotations

from careplan.storage.db import Executor, Row


async def open_checkin(
    ex: Executor, patient_id: str, now: int, texted_to: tuple[str, str | None] | None = None
) -> Row | None:
    """The newest check-in sent for the patient and still open: what a reply answers.

    The same rule as the app thread's `open_checkin`, so the app and a text agree on which
    question is waiting. A text answers only a question texted to its sender: TEXTED_TO is
    ('patient', _) for the patient's own check-ins, ('carer', carer id) for that carer's."""
    where, args = "", []
    if texted_to is not None and texted_to[0] == "carer":
        where, args = " AND s.recipient = 'carer' AND s.recipient_carer_id = ?", [texted_to[1]]
    elif texted_to is not None:
        where = " AND s.recipient = 'patient'"
    return await ex.fetch_one(
        "SELECT c.id, c.clarify_count, s.kind, s.question, s.options FROM checkins c "
        "JOIN checkin_schedules s ON s.id = c.schedule_id "
        "WHERE c.patient_id = ? AND c.status IN ('sent', 'reminded') AND c.window_ends_at > ?"
        f"{where} ORDER BY c.due_at DESC LIMIT 1",
        patient_id,
        now,
        *args,
    )


async def mark_answered(
    ex: Executor, checkin_id: str, answer: str, by_kind: str, by_id: str | None, now: int
) -> bool:
    """Compare-and-set from sent/reminded: False if something else closed it meanwhile."""
    changed = await ex.execute(
        "UPDATE checkins SET status = 'answered', answer = ?, answered_at = ?, "
        "answered_by_kind = ?, answered_by_id = ?, updated_at = ? "
        "WHERE id = ? AND status IN ('sent', 'reminded')",
        answer,
        now,
        by_kind,
        by_id,
        now,
        checkin_id,
    )
    return changed == 1


async def ask_again(ex: Executor, checkin_id: str, now: int) -> bool:
    """Claim the one clarifying question a check-in gets; False once it has had it."""
    changed = await ex.execute(
        "UPDATE checkins SET clarify_count = clarify_count + 1, updated_at = ? "
        "WHERE id = ? AND clarify_count = 0",
        now,
        checkin_id,
    )
    return changed == 1
