"""`make bench`: check-ins dispatched through the real twilio client into the dev phone,
against a bare loop of the same client into the same dev phone, in the same run.

Each round builds 3,000 check-ins due now for 1,000 patients, after ten days of history
(SQLite, and PostgreSQL in a schema of its own), then times one `run_tick` in this process:
claim the due check-ins with a lease, queue their texts, claim the texts, write the attempts,
send them (32 in flight, the rate limit set out of the way), record the SIDs and mark the
check-ins sent. The bare loop sends the same texts (with the same StatusCallback) with the
same client and concurrency and no database. The dev phone runs as `careplan dev-phone` (one
process), simulating delivery with two status callbacks per text, as in the tests.

A `no_provider` case times the same tick with the network edge replaced by a provider that
accepts at once: the ceiling of everything on our side of the provider.

Prints one JSON line per case: check-ins per second, the ratio to the bare loop of the same
round, and this process's CPU milliseconds per text (ours and the bare loop's).
Targets (reported, not asserted): >= 2,000 check-ins/s and ratio >= 0.40.

Run from the repository root: `python -m tests.bench.bench_dispatch`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from tests.bench.bulk import Table, load
from tests.bench.harness import ROOT, postgres_schema
from tests.support.processes import CAREPLAN, free_port, running_command

from careplan.checkins.prompts import checkin_text
from careplan.checkins.tick import run_tick
from careplan.clock import SystemClock
from careplan.messaging.dispatch import CONCURRENCY
from careplan.messaging.sms.provider import ListedSms, SentSms, SmsProvider
from careplan.messaging.sms.twilio import TwilioSmsProvider
from careplan.messaging.webhooks import STATUS_CALLBACK_PATH
from careplan.settings import Settings
from careplan.storage.db import connect

CHECK_INS = 3_000
PATIENTS = 1_000
ROUNDS = 3
HISTORY_DAYS = 10
DAY_MS = 24 * 3_600_000
WARM_UP = 300
QUESTION = "How is your breathing today?"
OPTIONS = '{"min": 0, "max": 10}'
PRACTICE = "Riverside"


def phone(patient: int) -> str:
    return f"+447700900{patient:03d}"


def dataset(now: int) -> Iterator[Table]:
    organisation = uuid.uuid4().hex
    patients = [uuid.uuid4().hex for _ in range(PATIENTS)]
    schedules = [uuid.uuid4().hex for _ in range(CHECK_INS)]
    yield Table(
        "organisations",
        ("id", "name", "time_zone", "created_at"),
        [(organisation, PRACTICE, "Europe/London", now)],
    )
    yield Table(
        "patients",
        (
            "id", "organisation_id", "given_name", "family_name", "birth_date", "nhs_number",
            "phone", "time_zone", "created_at", "updated_at",
        ),
        (
            (pid, organisation, "Bench", "Patient", "1950-01-01", str(9_000_000_000 + n),
             phone(n), "Europe/London", now, now)
            for n, pid in enumerate(patients)
        ),
    )  # fmt: skip
    # No quiet hours, so a run at night measures sending rather than deferring.
    yield Table(
        "checkin_settings",
        ("patient_id", "quiet_start", "quiet_end", "updated_at"),
        ((pid, "00:00", "00:00", now) for pid in patients),
    )
    tomorrow = now + 24 * 3_600_000
    yield Table(
        "checkin_schedules",
        (
            "id", "patient_id", "kind", "question", "options", "cadence", "local_time",
            "start_date", "next_due_at", "created_by", "created_at", "updated_at",
        ),
        (
            (sid, patients[n % PATIENTS], "scale", QUESTION, OPTIONS, "daily", "09:00",
             "2026-01-01", tomorrow, "bench", now, now)
            for n, sid in enumerate(schedules)
        ),
    )  # fmt: skip
    # Earlier days' check-ins, sent and answered, so the tables (and PostgreSQL's statistics)
    # look like a service that has been running, not one that starts empty.
    history = [
        (uuid.uuid4().hex, uuid.uuid4().hex, sid, patients[n % PATIENTS], now - day * DAY_MS)
        for day in range(1, HISTORY_DAYS + 1)
        for n, sid in enumerate(schedules)
    ]
    yield Table(
        "checkins",
        (
            "id", "schedule_id", "patient_id", "due_at", "window_ends_at", "status",
            "message_id", "sent_at", "answered_at", "answer", "created_at", "updated_at",
        ),
        itertools.chain(
            (
                (cid, sid, pid, due, due + 4 * 3_600_000, "answered", mid, due, due + 600_000,
                 "7", due, due)
                for cid, mid, sid, pid, due in history
            ),
            (
                (uuid.uuid4().hex, sid, patients[n % PATIENTS], now - 60_000,
                 now + 4 * 3_600_000, "due", None, None, None, None, now, now)
                for n, sid in enumerate(schedules)
            ),
        ),
    )  # fmt: skip
    yield Table(
        "messages",
        (
            "id", "patient_id", "direction", "channel", "purpose", "phone", "body", "checkin_id",
            "author_kind", "status", "provider_sid", "attempts", "created_at", "updated_at",
        ),
        (
            (mid, pid, "outbound", "sms", "checkin", phone(n % PATIENTS), QUESTION, cid,
             "system", "delivered", "SM" + mid, 1, due, due)
            for n, (cid, mid, _, pid, due) in enumerate(history)
        ),
    )  # fmt: skip
    yield Table(
        "message_attempts",
        ("id", "message_id", "attempt", "started_at", "finished_at", "outcome", "provider_sid"),
        (
            (uuid.uuid4().hex, mid, 1, due, due, "accepted", "SM" + mid)
            for _, mid, _, _, due in history
        ),
    )


def settings_for(database_url: str, dev_phone: str, public_url: str) -> Settings:
    return Settings.from_env(
        {
            "CAREPLAN_DATABASE_URL": database_url,
            "CAREPLAN_SECRET_KEY": "bench-only-secret-key-0123456789abcdef",
            "CAREPLAN_DEV_PHONE": "1",
            "CAREPLAN_PUBLIC_URL": public_url,
            "TWILIO_API_URL": dev_phone,
            "CAREPLAN_SMS_PER_SECOND": "100000",
        }
    )


class AcceptingProvider:
    """Stands in for the network edge in the ceiling case: accepts every text at once."""

    async def send(self, to: str, body: str, *, status_callback: str | None = None) -> SentSms:
        await asyncio.sleep(0)
        return SentSms(sid="SM" + uuid.uuid4().hex, status="queued")

    async def sent_to(self, to: str, since_ms: int) -> list[ListedSms]:
        return []

    async def close(self) -> None:
        return None


Measured = tuple[float, float]  # (per second, CPU ms of this process per text)


async def timed_tick(settings: Settings, sms: SmsProvider) -> Measured:
    db = await connect(settings.database_url)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = await run_tick(db, sms, settings, SystemClock(), "bench")
        elapsed, used = time.perf_counter() - started, time.process_time() - cpu
        assert report.sent == CHECK_INS, report
    finally:
        await db.close()
    return CHECK_INS / elapsed, used * 1000 / CHECK_INS


async def timed_bare_loop(settings: Settings, sms: TwilioSmsProvider, count: int) -> Measured:
    body = checkin_text("scale", QUESTION, {"min": 0, "max": 10}, PRACTICE)
    callback = settings.public_url + STATUS_CALLBACK_PATH
    gate = asyncio.Semaphore(CONCURRENCY)

    async def send(n: int) -> None:
        async with gate:
            await sms.send(phone(n % PATIENTS), body, status_callback=callback)

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(send(n) for n in range(count)))
    elapsed, used = time.perf_counter() - started, time.process_time() - cpu
    return count / elapsed, used * 1000 / count


async def measure_pair(settings: Settings) -> tuple[Measured, Measured]:
    """(dispatch, bare loop) with one client, warmed up, in one event loop."""
    sms = TwilioSmsProvider(settings.twilio)
    try:
        await timed_bare_loop(settings, sms, WARM_UP)
        bare = await timed_bare_loop(settings, sms, CHECK_INS)
        dispatch = await timed_tick(settings, sms)
    finally:
        await sms.close()
    return dispatch, bare


def rounds(tmp: Path, dev_phone: str, public_url: str) -> dict[str, list]:
    results: dict[str, list] = {}
    for number in range(ROUNDS):
        for backend in ("sqlite", "postgresql"):
            for case in ("dispatch", "no_provider"):
                with ExitStack() as stack:
                    if backend == "sqlite":
                        url = f"sqlite:///{tmp / f'{case}-{number}.db'}"
                    else:
                        url = stack.enter_context(postgres_schema())
                        if url is None:
                            continue
                    load(url, dataset(SystemClock().now_ms()))
                    settings = settings_for(url, dev_phone, public_url)
                    if case == "dispatch":
                        measured = asyncio.run(measure_pair(settings))
                    else:
                        measured = asyncio.run(timed_tick(settings, AcceptingProvider()))
                results.setdefault(f"{case}_{backend}", []).append(measured)
    return results


def case_line(name: str, measured: list) -> str:
    if name.startswith("no_provider"):
        rate, cpu = max(measured)
        return json.dumps(
            {"name": name, "checkins_per_s": round(rate, 1), "cpu_ms_per_checkin": round(cpu, 3)}
        )
    (rate, cpu), (bare, bare_cpu) = max(measured)
    return json.dumps(
        {
            "name": name,
            "checkins_per_s": round(rate, 1),
            "bare_loop_per_s": round(bare, 1),
            "ratio": round(rate / bare, 3),
            "cpu_ms_per_checkin": round(cpu, 3),
            "bare_cpu_ms_per_text": round(bare_cpu, 3),
            "rounds": [[round(d[0], 1), round(b[0], 1)] for d, b in measured],
        }
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careplan-bench-") as name, ExitStack() as stack:
        tmp = Path(name)
        port = free_port()
        dev_phone = f"http://127.0.0.1:{port}/dev-phone"
        public_url = f"http://127.0.0.1:{free_port()}"  # status callbacks find nobody
        command = [CAREPLAN, "dev-phone", "--port", str(port)]
        env = {
            "CAREPLAN_DEV_PHONE": "1",
            "CAREPLAN_PUBLIC_URL": public_url,
            "CAREPLAN_LOG_LEVEL": "ERROR",
        }
        stack.enter_context(running_command(command, env, f"{dev_phone}/", tmp / "dev-phone.log"))
        print(
            f"bench: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
            file=sys.stderr,
        )
        results = rounds(tmp, dev_phone, public_url)
    for case, measured in results.items():
        print(case_line(case, measured), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
