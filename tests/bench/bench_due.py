"""`make bench`: finding the check-ins that are due among 1,000,000 schedules.

Builds 1,000,000 active schedules for 100,000 patients (SQLite, and PostgreSQL in a schema of
its own), their next due times spread over the coming day so that about 700 are due at any
minute, as a service texting a million people a day would see. Times the tick's own query
(`checkins.schedules_repo.due_schedules`, which reads the partial index of active schedules
by `next_due_at`) for everything due now, in batches of 1,000, repeated. Prints one JSON
line per database: rows found, median and p99 milliseconds.

Target (reported, not asserted): p99 < 50 ms.

Run from the repository root: `python -m tests.bench.bench_due`.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from tests.bench.bulk import Table, load
from tests.bench.harness import postgres_schema

from careplan.checkins.schedules_repo import due_schedules
from careplan.clock import SystemClock
from careplan.storage.db import connect

SCHEDULES = 1_000_000
PATIENTS = 100_000
DAY_MS = 24 * 3_600_000
LIMIT = 1_000
REPEATS = 50


def dataset(now: int) -> Iterator[Table]:
    organisation = uuid.uuid4().hex
    patients = [uuid.uuid4().hex for _ in range(PATIENTS)]
    randomly = random.Random(4)  # the same spread every run
    yield Table(
        "organisations",
        ("id", "name", "time_zone", "created_at"),
        [(organisation, "Riverside", "Europe/London", now)],
    )
    yield Table(
        "patients",
        (
            "id", "organisation_id", "given_name", "family_name", "birth_date", "nhs_number",
            "phone", "time_zone", "created_at", "updated_at",
        ),
        (
            (pid, organisation, "Bench", "Patient", "1950-01-01", str(9_000_000_000 + n),
             f"+4477009{n:05d}", "Europe/London", now, now)
            for n, pid in enumerate(patients)
        ),
    )  # fmt: skip
    yield Table(
        "checkin_settings",
        ("patient_id", "quiet_start", "quiet_end", "updated_at"),
        ((pid, "22:00", "07:00", now) for pid in patients[::10]),
    )
    yield Table(
        "checkin_schedules",
        (
            "id", "patient_id", "kind", "question", "options", "cadence", "local_time",
            "start_date", "next_due_at", "created_by", "created_at", "updated_at",
        ),
        (
            (uuid.uuid4().hex, patients[n % PATIENTS], "scale", "How is your breathing?",
             '{"min": 0, "max": 10}', "daily", "09:00", "2026-01-01",
             now - 60_000 + randomly.randrange(DAY_MS), "bench", now, now)
            for n in range(SCHEDULES)
        ),
    )  # fmt: skip


async def timed(database_url: str, now: int) -> tuple[int, list[float]]:
    db = await connect(database_url)
    try:
        found = len(await due_schedules(db, now, LIMIT))  # warm
        times = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            rows = await due_schedules(db, now, LIMIT)
            times.append((time.perf_counter() - started) * 1000)
            assert len(rows) == found
    finally:
        await db.close()
    return found, times


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careplan-bench-") as name, ExitStack() as stack:
        tmp = Path(name)
        cases = {"due_sqlite": f"sqlite:///{tmp / 'due.db'}"}
        postgres_url = stack.enter_context(postgres_schema())
        if postgres_url is not None:
            cases["due_postgresql"] = postgres_url
        for case, url in cases.items():
            now = SystemClock().now_ms()
            load(url, dataset(now))
            found, times = asyncio.run(timed(url, now))
            times.sort()
            print(
                json.dumps(
                    {
                        "name": case,
                        "schedules": SCHEDULES,
                        "due_found": found,
                        "p50_ms": round(statistics.median(times), 3),
                        "p99_ms": round(times[int(len(times) * 0.99) - 1], 3),
                    }
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
