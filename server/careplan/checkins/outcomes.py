"""What a check-in's text becoming sent, skipped, expired or undeliverable does to the check-in.

Only the check-in's own question text moves it (purpose 'checkin'); a reminder's fate does not.
Every change is a compare-and-set from the open states, so an answer is never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from careplan.storage.db import Executor

CHECKIN_PURPOSE = "checkin"
REMINDER_PURPOSE = "reminder"
_UNCLAIMED = "claimed_by = NULL, lease_until = NULL"


async def mark_sent(ex: Executor, sent: Sequence[tuple[int, int, int, str]]) -> None:
    """(sent_at, reminder_due_at, now, check-in id): the question reached the provider.

    Only a check-in still 'claimed' moves (nothing else changes a claimed check-in while its
    text is claimed). Its status is read first and the update is by primary key alone: a
    status condition in the UPDATE lets PostgreSQL pick the partial index of open check-ins,
    which after a burst holds thousands of rows its statistics do not know of yet, and scan
    it once per row."""
    if not sent:
        return
    ids = [row[3] for row in sent]
    marks = ", ".join("?" for _ in ids)
    rows = await ex.fetch_all(f"SELECT id, status FROM checkins WHERE id IN ({marks})", *ids)
    claimed = {row["id"] for row in rows if row["status"] == "claimed"}
    if not claimed:
        return
    await ex.executemany(
        "UPDATE checkins SET status = 'sent', sent_at = ?, reminder_due_at = ?, updated_at = ? "
        "WHERE id = ?",
        [row for row in sent if row[3] in claimed],
    )


async def mark_closed(
    ex: Executor, checkin_id: str, status: str, reason: str | None, now: int
) -> None:
    """Skipped (with the reason: opted_out, invalid_number, delivery_failure...) or expired.
    A check-in already answered or followed up keeps its state."""
    await ex.execute(
        "UPDATE checkins SET status = ?, skip_reason = ?, reminder_due_at = NULL, "
        f"{_UNCLAIMED}, updated_at = ? WHERE id = ? AND status IN ('due', 'claimed', 'sent')",
        status,
        reason,
        now,
        checkin_id,
    )
