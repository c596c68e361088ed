"""`make bench`: authenticated `GET /api/me` against the floor of a bare Litestar handler.

Builds 10,000 patients (SQLite, and PostgreSQL in its own schema), serves each with the
real `careplan serve` (one granian worker), loads it with wrk at 32 connections rotating
36 sessions, and prints one JSON line per case. The floor is measured in the same run, on
the same machine and server, so `ratio` compares like with like. Target: me_sqlite >= 0.35.

Run from the repository root: `python -m tests.bench.bench_me`.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import asyncpg
import httpx
from tests.bench.dataset import build_dataset
from tests.bench.load import Measured, Target, best_of_rounds
from tests.support.processes import CAREPLAN, free_port, running_command

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get(
    "CAREPLAN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
SECRET_KEY = "bench-only-secret-key-0123456789abcdef"
WARM_UP_SECONDS = 3
ROUNDS = 3
ROUND_SECONDS = 4


def start_floor(stack: ExitStack, tmp: Path) -> Target:
    port = free_port()
    url = f"http://127.0.0.1:{port}/floor"
    command = [sys.executable, "-m", "tests.bench.floor_app", "--port", str(port)]
    stack.enter_context(running_command(command, {"PYTHONPATH": str(ROOT)}, url, tmp / "floor.log"))
    return Target("floor", url, [])


def start_careplan(stack: ExitStack, tmp: Path, name: str, database_url: str) -> Target:
    """Fill the database, serve it, and make each session's Cookie header as a browser has it."""
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
    stack.enter_context(running_command(command, env, f"{base_url}/healthz", tmp / f"{name}.log"))
    csrf = httpx.get(f"{base_url}/api/auth/csrf").cookies["csrftoken"]
    cookies = [f"careplan_session={token}; csrftoken={csrf}" for token in tokens]
    return Target(name, f"{base_url}/api/me", cookies)


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


def line(name: str, measured: Measured, floor: Measured) -> str:
    return json.dumps(
        {
            "name": name,
            "rps": round(measured.rps, 1),
            "p50_ms": round(measured.p50_ms, 3),
            "p99_ms": round(measured.p99_ms, 3),
            "floor_rps": round(floor.rps, 1),
            "ratio": round(measured.rps / floor.rps, 3),
        }
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careplan-bench-") as name, ExitStack() as stack:
        tmp = Path(name)
        targets = [
            start_floor(stack, tmp),
            start_careplan(stack, tmp, "me_sqlite", f"sqlite:///{tmp / 'bench.db'}"),
        ]
        postgres_url = stack.enter_context(postgres_schema())
        if postgres_url is not None:
            targets.append(start_careplan(stack, tmp, "me_postgresql", postgres_url))
        print(
            f"bench: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
            file=sys.stderr,
        )
        results = best_of_rounds(targets, WARM_UP_SECONDS, ROUNDS, ROUND_SECONDS)
    floor = results["floor"]
    for target in targets:
        print(line(target.name, results[target.name], floor), flush=True)


if __name__ == "__main__":
    main()
