"""Drive load with wrk (C, event-driven): on 2 cores a Python client would be the bottleneck."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("rotate_cookies.lua")
CONNECTIONS = 32
THREADS = 1  # one wrk thread keeps up with one server worker and leaves it the other core


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    url: str  # where wrk connects; its path is what is asked for when `requests` is empty
    requests: list[tuple[str, str]]  # (path, Cookie header) pairs rotated over; empty: plain GETs


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


def run_wrk(target: Target, seconds: int) -> Measured:
    """SECONDS of load at CONNECTIONS; any non-2xx answer or socket error fails the bench."""
    command = [
        wrk_path(),
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "-s",
        str(SCRIPT),
        target.url,
        "--",
        *(part for request in target.requests for part in request),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["bad_status"] or report["socket_errors"]:
        raise RuntimeError(f"wrk saw failures on {target.url}: {report}\n{done.stdout}")
    return Measured(
        rps=report["requests"] / (report["duration_us"] / 1e6),
        p50_ms=report["p50_us"] / 1000,
        p99_ms=report["p99_us"] / 1000,
    )


def best_of_rounds(
    targets: list[Target], warm_up: int, rounds: int, seconds: int
) -> dict[str, Measured]:
    """Warm every target up, then measure them in turn, ROUNDS times; keep each one's best.

    Interleaving puts the floor and the cases under the same background load, and the best
    round is the one least disturbed by anything else on the machine.
    """
    for target in targets:
        run_wrk(target, warm_up)
    best: dict[str, Measured] = {}
    for _ in range(rounds):
        for target in targets:
            measured = run_wrk(target, seconds)
            if target.name not in best or measured.rps > best[target.name].rps:
                best[target.name] = measured
    return best
