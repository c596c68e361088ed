"""SQL for check-ins sent as an app notification first (ADR 0014). No HTTP, no pushing.

A held text is an ordinary queued check-in text whose `next_attempt_at` is in the future.
Conditions on `messages.status` are written as the states a held text must NOT be in, for
the reason given in checkins/outcomes.py (PostgreSQL and the partial index of texts to send).
"""

from __future__ import annotations

from collections.abc import Sequence

from careplan.storage.db import Executor

# status = 'queued': not yet claimed by a sender, so it can still be held back or released.
_QUEUED = (
    "status NOT IN ('sending', 'sent', 'delivered', 'undelivered', 'failed', 'skipped', "
    "'expired', 'received')"
)
_SKIP = "status = 'skipped', skip_reason = ?, next_attempt_at = NULL, updated_at = ?"


async def push_first(ex: Executor, checkin_ids: Sequence[str]) -> set[str]:
    """Those of these check-ins to notify first: the patient's own question (a carer's goes
    to the carer), `push_then_sms` chosen in the patient's settings or on the schedule, and
    at least one device of the patient's subscribed."""
    if not checkin_ids:
        return set()
    marks = ", ".join("?" for _ in checkin_ids)
    rows = await ex.fetch_all(
        "SELECT c.id FROM checkins c JOIN checkin_schedules s ON s.id = c.schedule_id "
        "LEFT JOIN checkin_settings cs ON cs.patient_id = c.patient_id "
        f"WHERE c.id IN ({marks}) AND s.recipient = 'patient' "
        "AND (s.channel = 'push_then_sms' OR cs.channel = 'push_then_sms') "
        "AND EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.patient_id = c.patient_id)",
        *checkin_ids,
    )
    return {row["id"] for row in rows}


async def release(ex: Executor, released: Sequence[tuple[int, int, str]]) -> None:
    """(next_attempt_at, now, message id): no device took the notification, so the held
    text goes at once."""
    if not released:
        return
    await ex.executemany(
        f"UPDATE messages SET next_attempt_at = ?, updated_at = ? WHERE id = ? AND {_QUEUED}",
        released,
    )


async def skip_held(
    ex: Executor, patient_id: str, checkin_ids: Sequence[str], reason: str, now: int
) -> int:
    """Skip the held texts of those of these check-ins that are the patient's and open (sent,
    here: by notification); how many. A text already being sent is left to go."""
    marks = ", ".join("?" for _ in checkin_ids)
    return await ex.execute(
        f"UPDATE messages SET {_SKIP} WHERE id IN (SELECT message_id FROM checkins "
        f"WHERE patient_id = ? AND id IN ({marks}) AND status IN ('sent', 'reminded') "
        f"AND window_ends_at > ? AND message_id IS NOT NULL) AND purpose = 'checkin' "
        f"AND {_QUEUED}",
        reason,
        now,
        patient_id,
        *checkin_ids,
        now,
    )


async def skip_held_for_checkin(ex: Executor, checkin_id: str, reason: str, now: int) -> int:
    """Skip the check-in's own text if it is still held (its question was answered)."""
    return await ex.execute(
        f"UPDATE messages SET {_SKIP} WHERE id = (SELECT message_id FROM checkins WHERE id = ?) "
        f"AND purpose = 'checkin' AND {_QUEUED}",
        reason,
        now,
        checkin_id,
    )
