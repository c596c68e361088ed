"""`make bench`: authenticated `GET /api/me` against the floor of a bare Litestar handler.

Builds 10,000 patients (SQLite, and PostgreSQL in its own schema), serves each with the
real `careplan serve` (one granian worker), loads it with wrk at 32 connections rotating
36 sessions, and prints one JSON line per case. The floor is measured in the same run, on
the same machine and server, so `ratio` compares like with like. Target: me_sqlite >= 0.35.

Run from the repository root: `python -m tests.bench.bench_me`.
"""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path

from tests.bench.dataset import build_dataset
from tests.bench.harness import measure, postgres_schema, print_cases, start_careplan, start_floor
from tests.bench.load import Target


def me_case(stack: ExitStack, tmp: Path, name: str, database_url: str) -> Target:
    sessions = [("/api/me", token) for token in build_dataset(database_url)]
    return start_careplan(stack, tmp, name, database_url, sessions)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careplan-bench-") as name, ExitStack() as stack:
        tmp = Path(name)
        targets = [
            start_floor(stack, tmp),
            me_case(stack, tmp, "me_sqlite", f"sqlite:///{tmp / 'bench.db'}"),
        ]
        postgres_url = stack.enter_context(postgres_schema())
        if postgres_url is not None:
            targets.append(me_case(stack, tmp, "me_postgresql", postgres_url))
        results = measure(targets)
    print_cases(targets, results)


if __name__ == "__main__":
    main()
