"""The care-plan data set for the "today" bench: every patient with a plan, 3 or 4 actions,
30 action logs over the last 8 weeks and 20 readings (100,000 patients: 5,000,000 rows).
One patient in four is steady, with a 30-day streak: counting streaks is part of the cost.

Rows are written in the order a live service writes them, day by day across all patients,
so one patient's logs lie scattered through the table as they would after months of use
(not side by side, which would flatter every read). Everything is generated lazily and
deterministically (seeded), so memory stays small and two runs build the same shapes.
Columns left out are NULL (no note, nobody acting on someone's behalf, nothing deleted):
fewer values to bind.
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
from tests.bench.bulk import Table, load
from tests.bench.dataset import TIME_ZONE, now_ms, people

from careplan.careplans.logs import backfill_recent_outcomes
from careplan.careplans.schemas import Condition
from careplan.careplans.service import PlanDocument
from careplan.storage.db import connect

LOGS_PER_PATIENT = 30
READINGS_PER_PATIENT = 20
DAYS = 56  # the logs and readings cover the last 8 weeks, today included
SIGNED_IN_PATIENTS = 36
VARIANTS = 64  # distinct log patterns; a patient's is its position modulo this
STEADY_EVERY = 4  # one pattern in four logs its daily action every day
_DAY_MS = 86_400_000
_OUTCOMES = ("done",) * 11 + ("partly",) * 3 + ("not_today",) * 2  # drawn with 4 random bits
_ALWAYS_DONE = ("done",) * 16


@dataclass(frozen=True, slots=True)
class ActionShape:
    what: str
    frequency: str
    times_per_week: int | None
    weekdays: tuple[int, ...]
    time_of_day: str
    started_days_ago: int


# Patients at even positions have the first three; at odd positions all four.
ACTIONS = (
    ActionShape("Walk for 20 minutes", "daily", None, (), "morning", 120),
    ActionShape("Check my blood pressure", "weekdays", None, (1, 3, 5), "morning", 120),
    ActionShape("Do my breathing exercises", "times_per_week", 3, (), "evening", 90),
    ActionShape("Take my inhaler before bed", "daily", None, (), "bedtime", 20),
)
_READING_KINDS = ("blood_pressure", "weight", "glucose", "steps")


@dataclass(frozen=True, slots=True)
class Built:
    sessions: list[tuple[str, str]]  # (patient id, session token)
    rows: int  # action logs and readings written
    seconds: float


def build_careplan_dataset(database_url: str, patient_count: int) -> Built:
    """Migrate DATABASE_URL, fill it, and say how long it took (on stderr too)."""
    started = time.perf_counter()
    now = now_ms()
    today = datetime.fromtimestamp(now / 1000, ZoneInfo(TIME_ZONE)).date()
    signed_in = signed_in_positions(patient_count)
    crowd = people(patient_count, now, signed_in, 0)
    rng = random.Random(20_240_601)  # noqa: S311 - shapes, not secrets
    action_ids = [
        [_new_id(rng, now) for _ in range(_action_count(i))] for i in range(patient_count)
    ]
    load(
        database_url,
        [
            *crowd.tables,
            _care_plans(crowd.patient_ids, now),
            _plan_actions(crowd.patient_ids, action_ids, today, now),
            _action_logs(crowd.patient_ids, action_ids, today, now, rng),
            _readings(crowd.patient_ids, now, rng),
        ],
    )
    asyncio.run(_fill_recent_outcomes(database_url))
    built = Built(
        sessions=[(s.user_id, s.token) for s in crowd.sessions],
        rows=patient_count * (LOGS_PER_PATIENT + READINGS_PER_PATIENT),
        seconds=time.perf_counter() - started,
    )
    print(
        f"bench: built {patient_count:,} patients, {built.rows:,} logs and readings "
        f"in {built.seconds:.1f} s ({database_url.split(':', 1)[0]})",
        file=sys.stderr,
        flush=True,
    )
    return built


async def _fill_recent_outcomes(database_url: str) -> None:
    """The bulk load bypasses the log writes that keep each action's recent outcomes; fill
    them as `careplan migrate` does for existing logs."""
    db = await connect(database_url)
    try:
        await backfill_recent_outcomes(db, batch=2_000)
    finally:
        await db.close()


def signed_in_positions(patient_count: int) -> list[int]:
    """Patients spread through the table, the i-th with log pattern i: the same shapes at any
    size, so two sizes compare like with like."""
    blocks = patient_count // VARIANTS
    return [i + VARIANTS * (i * blocks // SIGNED_IN_PATIENTS) for i in range(SIGNED_IN_PATIENTS)]


def _action_count(position: int) -> int:
    return 3 + position % 2


def _new_id(rng: random.Random, at_ms: int) -> str:
    """32 hex digits ordered by time like a UUIDv7 (48 bits of milliseconds, 80 random), so
    the primary-key indexes grow at their end as rows arrive day by day; nothing "today"
    reads goes through them. Cheaper than `uuid4().hex`."""
    return f"{at_ms << 80 | rng.getrandbits(80):032x}"


def _care_plans(patient_ids: list[str], now: int) -> Table:
    document = PlanDocument(
        about_me="I live with my daughter and like to garden.",
        what_matters="Walking my dog every day.",
        conditions=[Condition(id="c1", display="Type 2 diabetes", snomed_code="44054006")],
    )
    encoded = msgspec.json.encode(document).decode()
    return Table(
        "care_plans",
        ("patient_id", "version", "document", "review_date", "created_at", "updated_at"),
        ((patient_id, 1, encoded, None, now, now) for patient_id in patient_ids),
    )


def _plan_actions(
    patient_ids: list[str], action_ids: list[list[str]], today: date, now: int
) -> Table:
    columns = (
        "id, patient_id, version, what, frequency, times_per_week, weekdays, time_of_day, "
        "start_date, position, created_at, updated_at"
    )
    weekdays = [msgspec.json.encode(list(shape.weekdays)).decode() for shape in ACTIONS]
    starts = [(today - timedelta(days=shape.started_days_ago)).isoformat() for shape in ACTIONS]
    rows = (
        (
            action_id,
            patient_id,
            1,
            ACTIONS[position].what,
            ACTIONS[position].frequency,
            ACTIONS[position].times_per_week,
            weekdays[position],
            ACTIONS[position].time_of_day,
            starts[position],
            position,
            now,
            now,
        )
        for patient_id, ids in zip(patient_ids, action_ids, strict=True)
        for position, action_id in enumerate(ids)
    )
    return Table("plan_actions", tuple(columns.split(", ")), rows)


def _log_pattern(variant: int, today: date) -> dict[int, list[tuple[int, tuple[str, ...]]]]:
    """Days ago -> (action position, outcomes to draw from) logged that day.

    Every fourth pattern is a steady patient: the first (daily) action done on each of the
    last LOGS_PER_PATIENT days, the longest streaks "today" has to count. The others log
    LOGS_PER_PATIENT distinct (action, day) pairs on days each action was due, the last 4
    weeks three times as likely (people who open "today" are the ones logging).
    """
    if variant % STEADY_EVERY == 0:
        return {days_ago: [(0, _ALWAYS_DONE)] for days_ago in range(LOGS_PER_PATIENT)}
    rng = random.Random(variant)  # noqa: S311
    slots = [
        (days_ago, position)
        for position, shape in enumerate(ACTIONS[: _action_count(variant)])
        for days_ago in range(min(DAYS, shape.started_days_ago + 1))
        if shape.frequency != "weekdays"
        or (today - timedelta(days=days_ago)).isoweekday() in shape.weekdays
    ]
    # Weighted sampling without replacement: the largest u ** (1 / weight) win.
    ranked = sorted(slots, key=lambda s: rng.random() ** (1 / (3 if s[0] < 28 else 1)))
    pattern: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    for days_ago, position in ranked[-LOGS_PER_PATIENT:]:
        pattern.setdefault(days_ago, []).append((position, _OUTCOMES))
    return pattern


def _action_logs(
    patient_ids: list[str], action_ids: list[list[str]], today: date, now: int, rng: random.Random
) -> Table:
    columns = "id, patient_id, action_id, day, outcome, source, actor_kind, actor_id, logged_at"
    patterns = [_log_pattern(variant, today) for variant in range(VARIANTS)]
    by_variant = [range(variant, len(patient_ids), VARIANTS) for variant in range(VARIANTS)]

    def rows() -> Iterator[tuple[object, ...]]:
        for days_ago in range(DAYS - 1, -1, -1):
            day = (today - timedelta(days=days_ago)).isoformat()
            logged_at = now - days_ago * _DAY_MS
            for pattern, positions in zip(patterns, by_variant, strict=True):
                for action_position, outcomes in pattern.get(days_ago, ()):
                    for i in positions:
                        patient_id = patient_ids[i]
                        yield (
                            _new_id(rng, logged_at),
                            patient_id,
                            action_ids[i][action_position],
                            day,
                            outcomes[rng.getrandbits(4)],
                            "app",
                            "patient",
                            patient_id,
                            logged_at,
                        )

    return Table("action_logs", tuple(columns.split(", ")), rows())


def _readings(patient_ids: list[str], now: int, rng: random.Random) -> Table:
    """READINGS_PER_PATIENT each, evenly over DAYS, each patient's days shifted by its
    position, written oldest day first."""
    columns = (
        "id, patient_id, reading_type, value, value2, unit, taken_at, source, actor_kind, "
        "actor_id, created_at"
    )
    taken_on: list[dict[int, list[int]]] = [{} for _ in range(DAYS)]  # by shift: days ago ->
    for shift, days in enumerate(taken_on):  # the numbers of the readings taken that day
        for number in range(READINGS_PER_PATIENT):
            days_ago = (number * DAYS // READINGS_PER_PATIENT + shift) % DAYS
            days.setdefault(days_ago, []).append(number)
    by_shift = [range(shift, len(patient_ids), DAYS) for shift in range(DAYS)]
    values = _reading_values(rng)

    def rows() -> Iterator[tuple[object, ...]]:
        for days_ago in range(DAYS - 1, -1, -1):
            for days, positions in zip(taken_on, by_shift, strict=True):
                for number in days.get(days_ago, ()):
                    for i in positions:
                        patient_id = patient_ids[i]
                        taken_at = now - days_ago * _DAY_MS - rng.getrandbits(21)  # <35 min
                        kind = _READING_KINDS[(i + number) % len(_READING_KINDS)]
                        value, value2, unit = values[kind][rng.getrandbits(8)]
                        yield (
                            _new_id(rng, taken_at),
                            patient_id,
                            kind,
                            value,
                            value2,
                            unit,
                            taken_at,
                            "app",
                            "patient",
                            patient_id,
                            taken_at,
                        )

    return Table("readings", tuple(columns.split(", ")), rows())


def _reading_values(rng: random.Random) -> dict[str, list[tuple[float, float | None, str]]]:
    """256 plausible values per kind, in the catalogue's unit, to pick from cheaply."""
    return {
        "blood_pressure": [
            (float(rng.randint(115, 165)), float(rng.randint(65, 95)), "mmHg") for _ in range(256)
        ],
        "weight": [(round(rng.uniform(55, 110), 1), None, "kg") for _ in range(256)],
        "glucose": [(round(rng.uniform(4, 12), 1), None, "mmol/L") for _ in range(256)],
        "steps": [(float(rng.randint(800, 12_000)), None, "steps") for _ in range(256)],
    }
