"""What every `make bench` case shares: the floor, `careplan serve` on a filled database, a
PostgreSQL schema of its own, interleaved wrk rounds, and one JSON line per case.

The floor is measured in the same run, on the same machine and server, so `ratio` compares
like with like.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import asyncpg
import httpx
from tests.bench.load import Measured, Target, best_of_rounds
from tests.support.processes import CAREPLAN, free_port, running_command

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get(
    "CAREPLAN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
SECRET_KEY = "bench-only-secret-key-0123456789abcdef"
FLOOR = "floor"
WARM_UP_SECONDS = 3
ROUNDS = 3
ROUND_SECONDS = 4


def start_floor(stack: ExitStack, tmp: Path) -> Target:
    port = free_port()
    url = f"http://127.0.0.1:{port}/floor"
    command = [sys.executable, "-m", "tests.bench.floor_app", "--port", str(port)]
    stack.enter_context(running_command(command, {"PYTHONPATH": str(ROOT)}, url, tmp / "floor.log"))
    return Target(FLOOR, url, [])


def start_careplan(
    stack: ExitStack, tmp: Path, name: str, database_url: str, sessions: list[tuple[str, str]]
) -> Target:
    """Serve a filled database; SESSIONS are (path, session token) pairs to rotate over.

    Each request carries its session's Cookie header as a browser has it.
    """
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
    requests = [(path, f"careplan_session={token}; csrftoken={csrf}") for path, token in sessions]
    return Target(name, f"{base_url}{sessions[0][0]}", requests)


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


def measure(targets: list[Target]) -> dict[str, Measured]:
    """Best of interleaved rounds for every target (the floor among them)."""
    print(
        f"bench: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        file=sys.stderr,
    )
    return best_of_rounds(targets, WARM_UP_SECONDS, ROUNDS, ROUND_SECONDS)


def print_cases(targets: list[Target], results: dict[str, Measured]) -> None:
    """One JSON line per target (the floor too), each compared with the floor beside it."""
    floor = results[FLOOR]
    for target in targets:
        measured = results[target.name]
        case = {
            "name": target.name,
            "rps": round(measured.rps, 1),
            "p50_ms": round(measured.p50_ms, 3),
            "p99_ms": round(measured.p99_ms, 3),
            "floor_rps": round(floor.rps, 1),
            "ratio": round(measured.rps / floor.rps, 3),
        }
        print(json.dumps(case), flush=True)
