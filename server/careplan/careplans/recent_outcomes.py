"""Each action's recent outcomes, kept on the action row as one short string.

"Today" is the app's most frequent read; folding the last HISTORY_DAYS of an action's live
logs into its own row lets it read the patient's actions, their recent outcomes and today's
logs in one query instead of three (ADR 0008). The string is rewritten from `action_logs`
(the source of truth) in the same transaction as every log write, so it cannot drift.

Format: "<ordinal of the newest logged day>:<one mark per day, newest first>", marks
d done, p partly, n not today, . nothing logged; "" when nothing is logged.
"""

from __future__ import annotations

from collections.abc import Mapping

from careplan.careplans import adherence

# Every day any of today's figures reads (first_day_needed .. today), whatever the weekday.
HISTORY_DAYS = max(day - adherence.first_day_needed(day) + 1 for day in range(1, 8))


def encode(outcomes: Mapping[int, str]) -> str:
    """The string for outcomes by day ordinal (only the newest HISTORY_DAYS are kept)."""
    if not outcomes:
        return ""
    newest = max(outcomes)
    marks = "".join(
        adherence.MARKS[outcomes[newest - back]] if newest - back in outcomes else adherence.NOTHING
        for back in range(HISTORY_DAYS)
    )
    return f"{newest}:{marks.rstrip(adherence.NOTHING)}"


def decode(text: str | None) -> adherence.Outcomes:
    """The outcomes in the stored string (None: not computed yet, read as nothing logged)."""
    if not text:
        return adherence.NO_OUTCOMES
    newest, marks = text.split(":", 1)
    return adherence.Outcomes(int(newest), marks)
