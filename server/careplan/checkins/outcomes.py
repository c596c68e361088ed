"""What a check-in's text becoming sent, skipped, expired or undeliverable does to the check-in.

Only the check-in's own question text moves it (purpose 'checkin'); a reminder's fate does not.
Every change is a compare-and-set from the open states, so an answer is never overwritten.

The states are written as the ones a check-in must NOT be in: an UPDATE by id whose status
condition implies the predicate of the partial index of open check-ins lets PostgreSQL pick
that index, which after a burst holds thousands of rows its statistics do not know of yet,
and scan it once per row. "Not in these" implies nothing, so the primary key is used.
"""

from __future__ import annotations

from collections.abc import Sequence

from careplan.storage.db import Executor

CHECKIN_PURPOSE = "checkin"
REMINDER_PURPOSE = "reminder"
_UNCLAIMED = "claimed_by = NULL, lease_until = NULL"
# status = 'claimed'
_CLAIMED = (
    "status NOT IN ('due', 'sent', 'reminded', 'answered', 'unanswered', 'expired', 'skipped')"
)
# status IN ('due', 'claimed', 'sent')
_OPEN = "status NOT IN ('reminded', 'answered', 'unanswered', 'expired', 'skipped')"


async def mark_sent(ex: Executor, sent: Sequence[tuple[int, int, int, str]]) -> None:
    """(sent_at, reminder_due_at, now, check-in id): the question reached the provider."""
    if not sent:
        return
    await ex.executemany(
        "UPDATE checkins SET status = 'sent', sent_at = ?, reminder_due_at = ?, updated_at = ? "
        f"WHERE id = ? AND {_CLAIMED}",
        sent,
    )


async def mark_closed(
    ex: Executor, checkin_id: str, status: str, reason: str | None, now: int
) -> None:
    """Skipped (with the reason: opted_out, invalid_number, delivery_failure...) or expired.
    A check-in already answered or followed up keeps its state."""
    await ex.execute(
        "UPDATE checkins SET status = ?, skip_reason = ?, reminder_due_at = NULL, "
        f"{_UNCLAIMED}, updated_at = ? WHERE id = ? AND {_OPEN}",
        status,
        reason,
        now,
        checkin_id,
    )


async def mark_not_texted(
    ex: Executor, checkin_id: str, status: str, reason: str | None, now: int
) -> None:
    """Its text will not go (expired, opted_out, invalid_number): closed as `mark_closed`
    does, but only while the text was its only way to the patient (still claimed). One that
    reached the app by notification stays open: it can be answered there, and non-response
    still reaches the team (ADR 0014)."""
    await ex.execute(
        "UPDATE checkins SET status = ?, skip_reason = ?, reminder_due_at = NULL, "
        f"{_UNCLAIMED}, updated_at = ? WHERE id = ? AND {_CLAIMED}",
        status,
        reason,
        now,
        checkin_id,
    )
