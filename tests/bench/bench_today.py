"""`make bench`: a patient's `GET /api/patients/{id}/today` at 100,000 patients and 5,000,000
action logs and readings, against the floor of a bare Litestar handler.

Builds the care-plan data set (`tests.bench.careplan_dataset`) on SQLite at 100,000 and at
1,000 patients and on PostgreSQL (its own schema, dropped afterwards) at 100,000, serves each
with the real `careplan serve` (one granian worker), and loads it with wrk at 32 connections,
36 signed-in patients each asking for their own today. Prints one JSON line per case and a
`today_scaling` line comparing 100,000 patients with 1,000 on SQLite.

Targets (reported, not asserted): ratio >= 0.25 and p99 < 25 ms for every case, and p50 and
p99 at 100,000 patients within 1.5x of those at 1,000 (the reads are bounded by indexes, so
a larger database must not make them slower).

Run from the repository root: `python -m tests.bench.bench_today`.
"""

from __future__ import annotations

import json
import tempfile
from contextlib import ExitStack
from pathlib import Path

from tests.bench.careplan_dataset import build_careplan_dataset
from tests.bench.harness import measure, postgres_schema, print_cases, start_careplan, start_floor
from tests.bench.load import Measured, Target

PATIENTS = 100_000
FEW_PATIENTS = 1_000


def today_case(
    stack: ExitStack, tmp: Path, name: str, database_url: str, patient_count: int
) -> Target:
    built = build_careplan_dataset(database_url, patient_count)
    sessions = [
        (f"/api/patients/{patient_id}/today", token) for patient_id, token in built.sessions
    ]
    return start_careplan(stack, tmp, name, database_url, sessions)


def scaling_line(large: Measured, small: Measured) -> str:
    return json.dumps(
        {
            "name": "today_scaling",
            "p50_ratio_100k_to_1k": round(large.p50_ms / small.p50_ms, 3),
            "p99_ratio_100k_to_1k": round(large.p99_ms / small.p99_ms, 3),
        }
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careplan-bench-") as name, ExitStack() as stack:
        tmp = Path(name)
        targets = [
            start_floor(stack, tmp),
            today_case(stack, tmp, "today_sqlite", f"sqlite:///{tmp / 'today.db'}", PATIENTS),
            today_case(
                stack, tmp, "today_sqlite_1k", f"sqlite:///{tmp / 'today_1k.db'}", FEW_PATIENTS
            ),
        ]
        postgres_url = stack.enter_context(postgres_schema())
        if postgres_url is not None:
            targets.append(today_case(stack, tmp, "today_postgresql", postgres_url, PATIENTS))
        results = measure(targets)
    print_cases(targets, results)
    print(scaling_line(results["today_sqlite"], results["today_sqlite_1k"]), flush=True)


if __name__ == "__main__":
    main()
