"""Drive load with wrk (C, event-driven): on 2 cores a Python client would be the bottleneck."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("rotate_sessions.lua")
CONNECTIONS = 32
THREADS = 1  # one wrk thread keeps up with one server worker and leaves it the other core


@dataclass(frozen=True, slots=True)
class Measured:
    rps: float
    p50_ms: float
    p99_ms: float


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("bench: wrk is not installed (Debian: apt-get install -y wrk)")
    return found


def run_wrk(url: str, tokens: list[str], seconds: int) -> Measured:
    """SECONDS of load on URL at CONNECTIONS, each request carrying the next session cookie."""
    command = [
        wrk_path(),
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(SCRIPT),
        url,
        "--",
        *tokens,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["bad_status"] or report["socket_errors"]:
        raise RuntimeError(f"wrk saw failures on {url}: {report}\n{done.stdout}")
    return Measured(
        rps=report["requests"] / (report["duration_us"] / 1e6),
        p50_ms=report["p50_us"] / 1000,
        p99_ms=report["p99_us"] / 1000,
    )


def measure(url: str, tokens: list[str], warm_up: int, seconds: int) -> Measured:
    """Warm up (discarded: imports, caches, connection pools), then measure."""
    run_wrk(url, tokens, warm_up)
    return run_wrk(url, tokens, seconds)
