"""Start a server process for the bench, wait until it answers, stop it afterwards."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
from tests.support.processes import clean_env


@contextmanager
def serving(
    command: list[str], env: Mapping[str, str], ready_url: str, log_path: Path
) -> Iterator[None]:
    """Like tests.support.processes.running, for any command (the floor is not `careplan`)."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command, env=clean_env(env), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 30
        while not _answers(ready_url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{command} did not start:\n{log_path.read_text()}")
            time.sleep(0.05)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.TransportError:
        return False
