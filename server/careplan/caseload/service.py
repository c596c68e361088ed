"""The caseload (a clinician's patients at a glance) and continuity of care figures.

Adherence is `careplans/adherence.py`'s weekly figure over the four weeks shown in "today",
read from each action's `recent_outcomes` (ADR 0008), pooled over the patient's actions.
Continuity is the usual provider of care index (ADR 0012): of the clinicians' messages to a
patient in the period, the share their named clinician wrote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import get_args

import msgspec

from careplan.audit.service import record as record_audit
from careplan.careplans import adherence, recent_outcomes
from careplan.careplans.local_time import day_number, local_day
from careplan.caseload import repo
from careplan.caseload.schemas import (
    Caseload,
    CaseloadPatient,
    CaseloadScope,
    ClinicianContinuity,
    Continuity,
    ContinuityFigures,
)
from careplan.clock import Clock
from careplan.errors import InvalidField
from careplan.people.access import Action, authorise_staff
from careplan.people.actor import Actor
from careplan.storage.db import Database, Row

DAY_MS = 86_400_000
CONTINUITY_DAYS = 365
CHECKIN_LOOKBACK_DAYS = 180
LONGEST_PERIOD_MS = 3 * 366 * DAY_MS
SCOPES = get_args(CaseloadScope)


async def caseload(db: Database, clock: Clock, actor: Actor, scope: str) -> Caseload:
    authorise_staff(actor, Action.WORK_INBOX)
    if scope not in SCOPES:
        raise InvalidField("scope", f"must be one of {', '.join(SCOPES)}")
    now = clock.now_ms()
    since = now - CONTINUITY_DAYS * DAY_MS
    org, me = actor.organisation_id, actor.id
    rows = await repo.patients(db, scope, org, me, now - CHECKIN_LOOKBACK_DAYS * DAY_MS)
    today = _Today(now)
    adherence_by_patient = _adherence(
        await repo.actions(db, scope, org, me), {r["id"]: r["time_zone"] for r in rows}, today
    )
    contacts = {
        r["patient_id"]: (r["contacts"], r["by_named"] or 0)
        for r in await repo.contacts(db, scope, org, me, since, now)
    }
    patients = [_patient(row, today, adherence_by_patient, contacts) for row in rows]
    await record_audit(
        db, clock, actor, "caseload.read", [p.patient_id for p in patients], "caseload"
    )
    return Caseload(since=since, patients=patients)


class _Today:
    """Today's date in each time zone met, worked out once per zone."""

    def __init__(self, now: int) -> None:
        self._now = now
        self._days: dict[str, date] = {}

    def __call__(self, time_zone: str | None) -> date:
        zone = time_zone or "Europe/London"
        if zone not in self._days:
            self._days[zone] = local_day(self._now, zone)
        return self._days[zone]


def _patient(
    row: Row,
    today: _Today,
    adherence_by_patient: dict[str, float | None],
    contacts: dict[str, tuple[int, int]],
) -> CaseloadPatient:
    made, by_named = contacts.get(row["id"], (0, 0))
    review_date = row["review_date"]
    named = row["named_clinician_id"]
    return CaseloadPatient(
        patient_id=row["id"],
        name=f"{row['given_name']} {row['family_name']}",
        named_clinician_id=named,
        named_clinician_name=row["named_clinician_name"],
        last_checkin_at=row["last_checkin_at"],
        last_answered_at=row["last_answered_at"],
        adherence_4w=adherence_by_patient.get(row["id"]),
        open_alerts=row["open_alerts"],
        open_items=row["open_items"],
        review_date=review_date,
        review_overdue=review_date is not None
        and review_date < today(row["time_zone"]).isoformat(),
        contacts=made,
        continuity=round(by_named / made, 3) if made and named else None,
    )


def _adherence(
    actions: Iterable[Row], zones: dict[str, str | None], today: _Today
) -> dict[str, float | None]:
    """Per patient: the pooled adherence of all their actions over the weeks shown."""
    credit: dict[str, float] = defaultdict(float)
    expected: dict[str, int] = defaultdict(int)
    for row in actions:
        patient_id, frequency = row["patient_id"], row["frequency"]
        schedule = adherence.Schedule(
            frequency=frequency,
            times_per_week=row["times_per_week"],
            weekdays=_weekdays(row["weekdays"]) if frequency == "weekdays" else _NO_DAYS,
            start=day_number(row["start_date"]),
        )
        outcomes = recent_outcomes.decode(row["recent_outcomes"])
        day = today(zones.get(patient_id)).toordinal()
        for week in adherence.weeks(schedule, outcomes, day):
            share = week.adherence
            if share is not None:
                credit[patient_id] += share * week.expected
                expected[patient_id] += week.expected
    return {p: round(credit[p] / expected[p], 3) for p in expected}


_NO_DAYS: frozenset[int] = frozenset()


@lru_cache(maxsize=128)
def _weekdays(stored: str) -> frozenset[int]:
    return frozenset(msgspec.json.decode(stored))


# --- continuity ------------------------------------------------------------------------------


async def continuity(
    db: Database, clock: Clock, actor: Actor, since: int | None, until: int | None
) -> Continuity:
    """Per named clinician and for the practice; figures only, no patient is named."""
    authorise_staff(actor, Action.VIEW_PRACTICE_FIGURES)
    now = clock.now_ms()
    until = now if until is None else until
    since = until - CONTINUITY_DAYS * DAY_MS if since is None else since
    if until <= since:
        raise InvalidField("until", "must be after since")
    if until - since > LONGEST_PERIOD_MS:
        raise InvalidField("since", "the period from since to until is at most three years")
    org = actor.organisation_id
    named = await repo.named_patients(db, org)
    rows = await repo.contacts(db, "practice", org, actor.id, since, until)
    per_patient = {r["patient_id"]: (r["contacts"], r["by_named"] or 0) for r in rows}
    unnamed = sum(r["contacts"] for r in rows if r["named_clinician_id"] is None)
    by_clinician: dict[str, list[tuple[int, int]]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in named:
        by_clinician[row["clinician_id"]].append(per_patient.get(row["patient_id"], (0, 0)))
        names[row["clinician_id"]] = row["display_name"]
    return Continuity(
        since=since,
        until=until,
        practice=continuity_figures([c for counts in by_clinician.values() for c in counts]),
        clinicians=sorted(
            (
                ClinicianContinuity(
                    clinician_id=c, name=names[c], figures=continuity_figures(counts)
                )
                for c, counts in by_clinician.items()
            ),
            key=lambda c: (c.name, c.clinician_id),
        ),
        contacts_without_named_clinician=unnamed,
    )


def continuity_figures(counts: list[tuple[int, int]]) -> ContinuityFigures:
    """Figures over patients given as (contacts, by their named clinician)."""
    contacted = [(made, by_named) for made, by_named in counts if made]
    made = sum(m for m, _ in contacted)
    by_named = sum(b for _, b in contacted)
    return ContinuityFigures(
        patients=len(counts),
        patients_with_contacts=len(contacted),
        contacts=made,
        by_named_clinician=by_named,
        share=round(by_named / made, 3) if made else None,
        mean_patient_upc=(
            round(sum(b / m for m, b in contacted) / len(contacted), 3) if contacted else None
        ),
    )
