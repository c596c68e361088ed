"""`make bench`: authenticated `GET /api/me` against the floor of a bare Litestar handler.

Builds 10,000 patients (SQLite, then PostgreSQL in its own schema), serves each with the
real `careplan serve` (one granian worker), loads it with wrk at 32 connections rotating
36 sessions, and prints one JSON line per case. The floor is measured in the same run, on
the same machine and server, so `ratio` compares like with like. Target: me_sqlite >= 0.35.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg

from tests.bench.dataset import build_dataset
from tests.bench.load import Measured, measure
from tests.bench.serve import serving
from tests.support.processes import CAREPLAN, free_port

POSTGRES_URL = os.environ.get(
    "CAREPLAN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
SECRET_KEY = "bench-only-secret-key-0123456789abcdef"
WARM_UP_SECONDS = 3
MEASURE_SECONDS = 10


def report(name: str, measured: Measured, floor: Measured) -> None:
    print(
        json.dumps(
            {
                "name": name,
                "rps": round(measured.rps, 1),
                "p50_ms": round(measured.p50_ms, 3),
                "p99_ms": round(measured.p99_ms, 3),
                "floor_rps": round(floor.rps, 1),
                "ratio": round(measured.rps / floor.rps, 3),
            }
        ),
        flush=True,
    )


def measure_floor(tmp: Path) -> Measured:
    port = free_port()
    command = [sys.executable, "-m", "tests.bench.floor_app", "--port", str(port)]
    url = f"http://127.0.0.1:{port}/floor"
    with serving(command, {"PYTHONPATH": os.getcwd()}, url, tmp / "floor.log"):
        return measure(url, [], WARM_UP_SECONDS, MEASURE_SECONDS)


def measure_me(database_url: str, tmp: Path, name: str) -> Measured:
    tokens = asyncio.run(build_dataset(database_url))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        "CAREPLAN_DATABASE_URL": database_url,
        "CAREPLAN_SECRET_KEY": SECRET_KEY,
        "CAREPLAN_PUBLIC_URL": base_url,
        "CAREPLAN_LOG_LEVEL": "WARNING",
    }
    command = [CAREPLAN, "serve", "--port", str(port)]
    with serving(command, env, f"{base_url}/healthz", tmp / f"{name}.log"):
        return measure(f"{base_url}/api/me", tokens, WARM_UP_SECONDS, MEASURE_SECONDS)


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    """A fresh schema's URL (dropped afterwards), or None if PostgreSQL is unreachable."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(POSTGRES_URL, timeout=3)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    try:
        asyncio.run(admin(f'CREATE SCHEMA "{schema}"'))
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        print(f"bench: skipping PostgreSQL at {POSTGRES_URL}: {exc}", file=sys.stderr)
        yield None
        return
    try:
        yield f"{POSTGRES_URL}?search_path={schema}"
    finally:
        asyncio.run(admin(f'DROP SCHEMA "{schema}" CASCADE'))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careplan-bench-") as name:
        tmp = Path(name)
        floor = measure_floor(tmp)
        report("floor", floor, floor)
        sqlite = measure_me(f"sqlite:///{tmp / 'bench.db'}", tmp, "me_sqlite")
        report("me_sqlite", sqlite, floor)
        with postgres_schema() as postgres_url:
            if postgres_url is not None:
                report("me_postgresql", measure_me(postgres_url, tmp, "me_postgresql"), floor)


if __name__ == "__main__":
    main()
