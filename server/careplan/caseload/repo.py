"""SQL for the caseload: three queries for a whole practice, whatever its size. No HTTP.

1. patients with their plan's review date, named clinician, last check-in sent and answered,
   and open item counts (correlated lookups on per-patient indexes);
2. their live actions with `recent_outcomes` (ADR 0008), for adherence;
3. clinicians' messages to them in the period, grouped by patient, for continuity.
"""

from __future__ import annotations

from typing import Any

from careplan.storage.db import Executor, Row


def _patients_of(scope: str, organisation_id: str, clinician_id: str) -> tuple[str, list[Any]]:
    """A condition on `p` (patients) for the caseload's patients, and its arguments."""
    if scope == "practice":
        return "p.organisation_id = ?", [organisation_id]
    return (
        "p.organisation_id = ? AND p.id IN "
        "(SELECT t.patient_id FROM care_team_members t WHERE t.clinician_id = ?)",
        [organisation_id, clinician_id],
    )


async def patients(
    db: Executor, scope: str, organisation_id: str, clinician_id: str, checkins_since: int
) -> list[Row]:
    where, args = _patients_of(scope, organisation_id, clinician_id)
    return await db.fetch_all(
        "SELECT p.id, p.given_name, p.family_name, p.time_zone, cp.review_date, "
        "n.clinician_id AS named_clinician_id, nc.display_name AS named_clinician_name, "
        "(SELECT c.sent_at FROM checkins c WHERE c.patient_id = p.id AND c.due_at >= ? "
        "AND c.sent_at IS NOT NULL ORDER BY c.due_at DESC LIMIT 1) AS last_checkin_at, "
        "(SELECT c.answered_at FROM checkins c WHERE c.patient_id = p.id AND c.due_at >= ? "
        "AND c.answered_at IS NOT NULL ORDER BY c.due_at DESC LIMIT 1) AS last_answered_at, "
        "(SELECT COUNT(*) FROM inbox_items i WHERE i.patient_id = p.id AND i.status = 'open' "
        "AND i.urgency >= 1) AS open_alerts, "
        "(SELECT COUNT(*) FROM inbox_items i WHERE i.patient_id = p.id AND i.status = 'open') "
        "AS open_items "
        "FROM patients p "
        "LEFT JOIN care_plans cp ON cp.patient_id = p.id "
        "LEFT JOIN care_team_members n ON n.patient_id = p.id AND n.team_role = 'named_clinician' "
        "LEFT JOIN clinicians nc ON nc.id = n.clinician_id "
        f"WHERE {where} ORDER BY p.family_name, p.given_name, p.id",
        checkins_since,
        checkins_since,
        *args,
    )


async def actions(db: Executor, scope: str, organisation_id: str, clinician_id: str) -> list[Row]:
    where, args = _patients_of(scope, organisation_id, clinician_id)
    return await db.fetch_all(
        "SELECT a.patient_id, a.frequency, a.times_per_week, a.weekdays, a.start_date, "
        "a.recent_outcomes FROM plan_actions a JOIN patients p ON p.id = a.patient_id "
        f"WHERE {where} AND a.deleted_at IS NULL",
        *args,
    )


async def contacts(
    db: Executor, scope: str, organisation_id: str, clinician_id: str, since: int, until: int
) -> list[Row]:
    """Per patient: clinicians' messages to them with since <= created_at <= until, and how
    many of those their named clinician wrote (ADR 0012: what counts as a contact)."""
    where, args = _patients_of(scope, organisation_id, clinician_id)
    return await db.fetch_all(
        "SELECT m.patient_id, n.clinician_id AS named_clinician_id, COUNT(*) AS contacts, "
        "SUM(CASE WHEN m.author_id = n.clinician_id THEN 1 ELSE 0 END) AS by_named "
        "FROM messages m JOIN patients p ON p.id = m.patient_id "
        "LEFT JOIN care_team_members n ON n.patient_id = m.patient_id "
        "AND n.team_role = 'named_clinician' "
        f"WHERE {where} AND m.author_kind = 'clinician' AND m.direction = 'outbound' "
        "AND m.created_at >= ? AND m.created_at <= ? "
        "GROUP BY m.patient_id, n.clinician_id",
        *args,
        since,
        until,
    )


async def named_patients(db: Executor, organisation_id: str) -> list[Row]:
    """Each patient of the practice with a named clinician, and that clinician's name."""
    return await db.fetch_all(
        "SELECT n.patient_id, n.clinician_id, c.display_name FROM care_team_members n "
        "JOIN clinicians c ON c.id = n.clinician_id "
        "WHERE n.team_role = 'named_clinician' AND c.organisation_id = ?",
        organisation_id,
    )
