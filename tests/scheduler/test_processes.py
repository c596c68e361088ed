"""`careplan scheduler` as an operator runs it: several at once on one database send each
check-in exactly once, and a process killed (SIGKILL) between claim and send, or between
send and record, loses nothing and duplicates nothing after a restart (counted on the dev
phone, the provider's own record)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tests.integration.conftest import TEST_SECRET
from tests.scheduler.support import add_schedule, due_now, texts_with, token
from tests.support.processes import CAREPLAN, clean_env, free_port, run_careplan, running
from tests.support.world import World

from careplan.clock import SystemClock
from careplan.settings import DEV_ACCOUNT_SID, DEV_AUTH_TOKEN
from careplan.storage.db import Database

CHECK_INS = 30
WAIT_SECONDS = 60


@pytest.fixture
def scheduler_env(database_url: str, dev_phone: str) -> dict[str, str]:
    return {
        "CAREPLAN_DATABASE_URL": database_url,
        "CAREPLAN_SECRET_KEY": TEST_SECRET,
        "CAREPLAN_PUBLIC_URL": f"http://127.0.0.1:{free_port()}",  # callbacks go nowhere
        "TWILIO_ACCOUNT_SID": DEV_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": DEV_AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": "+447700900000",
        "TWILIO_API_URL": dev_phone,
        "CAREPLAN_TICK_SECONDS": "1",
        "CAREPLAN_LEASE_SECONDS": "2",
        "CAREPLAN_SMS_PER_SECOND": "1000",
        "CAREPLAN_LOG_LEVEL": "INFO",
    }


async def due_check_ins(db: Database, world: World, count: int) -> str:
    """COUNT check-ins due a minute ago (real time) for Alice, Bob and Carol, who have no quiet
    hours (it may be night here); the word their texts carry."""
    word = token()
    now = SystemClock().now_ms()
    patients = [world.alice, world.bob, world.carol]
    for patient in patients:
        await db.execute(
            "INSERT INTO checkin_settings (patient_id, quiet_start, quiet_end, updated_at) "
            "VALUES (?, '00:00', '00:00', ?)",
            patient.id,
            now,
        )
    for number in range(count):
        patient = patients[number % len(patients)]
        schedule_id = await add_schedule(db, patient.id, f"Q{number} {word}?", "09:00", now)
        await due_now(db, schedule_id, now - 60_000)
    return word


@contextmanager
def scheduler(env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log_path.open("ab") as log:
        process = subprocess.Popen(  # noqa: S603 - our own console script
            [CAREPLAN, "scheduler"], env=clean_env(env), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


async def wait_until_all_sent(db: Database, count: int, log_path: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        sent = await db.fetch_value(
            "SELECT COUNT(*) FROM messages WHERE purpose = 'checkin' "
            "AND status IN ('sent', 'delivered')"
        )
        if sent == count:
            return
        await asyncio.sleep(0.2)
    log = await asyncio.to_thread(log_path.read_text)
    raise AssertionError(f"only {sent} of {count} sent:\n{log[-3000:]}")


async def wait_for_exit(process: subprocess.Popen[bytes]) -> int:
    return await asyncio.to_thread(process.wait, WAIT_SECONDS)


async def each_texted_once(dev_phone: str, world: World, word: str, count: int) -> None:
    bodies: list[str] = []
    for patient in (world.alice, world.bob, world.carol):
        bodies += [
            text["body"] for text in await texts_with(dev_phone, patient.phone_or_email, word)
        ]
    assert len(bodies) == count
    assert len(set(bodies)) == count  # no duplicates


async def test_scheduler_once_runs_one_tick_and_exits_zero(
    db, world: World, scheduler_env, dev_phone
):
    word = await due_check_ins(db, world, 3)

    done = await asyncio.to_thread(run_careplan, ["scheduler", "--once"], scheduler_env)

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["materialised"], report["queued"], report["sent"]) == (3, 3, 3)
    await each_texted_once(dev_phone, world, word, 3)


async def test_two_scheduler_processes_send_each_check_in_exactly_once(
    db, world: World, scheduler_env, dev_phone, tmp_path
):
    word = await due_check_ins(db, world, CHECK_INS)
    log_path = tmp_path / "schedulers.log"

    with scheduler(scheduler_env, log_path) as first, scheduler(scheduler_env, log_path) as second:
        await wait_until_all_sent(db, CHECK_INS, log_path)
        await asyncio.sleep(2)  # more ticks, both processes: still nothing twice
        first.terminate()
        second.terminate()
        assert (first.wait(timeout=30), second.wait(timeout=30)) == (0, 0)

    await each_texted_once(dev_phone, world, word, CHECK_INS)
    assert await db.fetch_value("SELECT COUNT(*) FROM message_attempts") == CHECK_INS


@pytest.mark.parametrize("fault", ["after_claim", "after_send"])
async def test_a_scheduler_killed_mid_send_loses_nothing_and_duplicates_nothing(
    db, world: World, scheduler_env, dev_phone, tmp_path, fault
):
    word = await due_check_ins(db, world, CHECK_INS)
    log_path = tmp_path / "scheduler.log"
    with scheduler({**scheduler_env, "CAREPLAN_FAULT": fault}, log_path) as doomed:
        assert await wait_for_exit(doomed) == -9  # SIGKILL
    stuck = await db.fetch_value("SELECT COUNT(*) FROM messages WHERE status = 'sending'")
    assert stuck > 0
    before = sum(
        [
            len(await texts_with(dev_phone, p.phone_or_email, word))
            for p in (world.alice, world.bob, world.carol)
        ]
    )
    if fault == "after_claim":
        assert before == 0
    else:
        assert before >= 1

    with scheduler(scheduler_env, log_path):
        await wait_until_all_sent(db, CHECK_INS, log_path)

    await each_texted_once(dev_phone, world, word, CHECK_INS)
    reconciled = await db.fetch_value(
        "SELECT COUNT(*) FROM message_attempts WHERE outcome = 'reconciled'"
    )
    if fault == "after_claim":
        assert reconciled == 0
    else:
        assert reconciled >= 1


async def test_serve_ticks_in_its_own_process_unless_told_not_to_and_receipts_come_back(
    db, world: World, scheduler_env, dev_phone, tmp_path
):
    word = await due_check_ins(db, world, 2)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**scheduler_env, "CAREPLAN_PUBLIC_URL": base_url}  # the dev phone calls back here

    with running(
        ["serve", "--port", str(port), "--no-scheduler"],
        env,
        f"{base_url}/healthz",
        tmp_path / "quiet.log",
    ):
        await asyncio.sleep(3)  # three ticks' worth
        assert await db.fetch_value("SELECT COUNT(*) FROM messages") == 0

    with running(
        ["serve", "--port", str(port)], env, f"{base_url}/healthz", tmp_path / "serve.log"
    ):
        await wait_until_all_sent(db, 2, tmp_path / "serve.log")
        deadline = time.monotonic() + WAIT_SECONDS
        while await db.fetch_value("SELECT COUNT(*) FROM messages WHERE status = 'delivered'") < 2:
            assert time.monotonic() < deadline, "no delivery receipts came back"
            await asyncio.sleep(0.2)

    await each_texted_once(dev_phone, world, word, 2)
    receipts = await db.fetch_all("SELECT status FROM message_receipts ORDER BY status")
    assert [row["status"] for row in receipts] == ["delivered", "delivered", "sent", "sent"]
