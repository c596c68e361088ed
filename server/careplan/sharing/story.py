"""What the "my story" page shows: a minimal summary read fresh from the record each time.

Minimal on purpose (ADR 0017): who the person is, their conditions and "if I get worse" plans,
what matters to them, current goals and actions, who cares for them, and their newest reading
of each type. Not messages, carers, notes, history or the access log.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from careplan.careplans.readings.catalogue import READING_TYPES
from careplan.careplans.schemas import CarePlan
from careplan.careplans.service import whole_plan
from careplan.sharing import repo
from careplan.storage.db import Executor, Row

CURRENT_GOALS = frozenset({"proposed", "active", "paused"})


@dataclass(frozen=True, slots=True)
class LatestReading:
    label: str
    value: str  # "132/84 mmHg"
    taken_at: int


@dataclass(frozen=True, slots=True)
class Story:
    name: str
    birth_date: str
    nhs_number: str
    practice: str
    time_zone: str
    plan: CarePlan
    readings: list[LatestReading]
    shown_at: int
    expires_at: int


async def gather_story(ex: Executor, patient_id: str, shown_at: int, expires_at: int) -> Story:
    card = await repo.patient_card(ex, patient_id)
    assert card is not None  # a link is made only for a patient who exists
    plan = await whole_plan(ex, patient_id)
    current = [goal for goal in plan.goals if goal.status in CURRENT_GOALS]
    readings = []
    for kind in READING_TYPES.values():
        row = await repo.newest_reading(ex, patient_id, kind.reading_type)
        if row is not None:
            readings.append(LatestReading(kind.label, reading_text(row), row["taken_at"]))
    return Story(
        name=f"{card['given_name']} {card['family_name']}",
        birth_date=card["birth_date"],
        nhs_number=card["nhs_number"],
        practice=card["practice"],
        time_zone=card["time_zone"],
        plan=msgspec.structs.replace(plan, goals=current),
        readings=readings,
        shown_at=shown_at,
        expires_at=expires_at,
    )


def reading_text(row: Row) -> str:
    value = _number(row["value"])
    if row["value2"] is not None:
        value = f"{value}/{_number(row['value2'])}"
    return f"{value} {row['unit']}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
