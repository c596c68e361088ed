"""Real processes for tests: the dev phone and `careplan serve`, on free ports.

Each starts exactly as a user would start it (the `careplan` console script), with an
environment built only from what the test passes, and is stopped at the end.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx

CAREPLAN = str(Path(sys.executable).with_name("careplan"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def clean_env(extra: Mapping[str, str]) -> dict[str, str]:
    """The parent environment minus our own settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREPLAN_", "TWILIO_"))}
    env.update(extra)
    return env


def run_careplan(
    args: list[str],
    env: Mapping[str, str],
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own console script
        [CAREPLAN, *args],
        env=clean_env(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def running(
    args: list[str], env: Mapping[str, str], ready_url: str, log_path: Path
) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """Start `careplan ARGS`, wait until READY_URL answers 200, stop it afterwards."""
    return running_command([CAREPLAN, *args], env, ready_url, log_path)


@contextmanager
def running_command(
    command: list[str], env: Mapping[str, str], ready_url: str, log_path: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Start COMMAND, wait until READY_URL answers 200, stop it afterwards."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command, env=clean_env(env), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_ready(ready_url, process, log_path)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log_path.read_text()}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within 30 s:\n{log_path.read_text()}")


@contextmanager
def demo_server(
    tmp: Path, extra_env: Mapping[str, str] | None = None
) -> Iterator[tuple[str, dict[str, str]]]:
    """A migrated SQLite database with demo data, served with the dev phone mounted.

    Yields (base_url, env) — env is what the server runs with, for further CLI calls.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        "CAREPLAN_DATABASE_URL": f"sqlite:///{tmp / 'careplan.db'}",
        "CAREPLAN_PUBLIC_URL": base_url,
        "CAREPLAN_DEV_PHONE": "1",
        "CAREPLAN_LOG_LEVEL": "WARNING",
        **(extra_env or {}),
    }
    for command in (["migrate"], ["demo"]):
        done = run_careplan(command, env)
        if done.returncode != 0:
            raise RuntimeError(f"careplan {command[0]} failed:\n{done.stderr}")
    with running(["serve", "--port", str(port)], env, f"{base_url}/healthz", tmp / "serve.log"):
        yield base_url, env
