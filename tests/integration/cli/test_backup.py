"""`careplan backup` while the service writes, then `careplan restore`: every row committed
before the backup is back, nothing half-written is, and a restore never overwrites data."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import asyncpg
from tests.support.processes import run_careplan

from careplan.storage.db import Database, connect
from careplan.storage.migrate import migrate

KEY = "cli-tests-secret-key-0123456789abcdef"
INSERT = (
    "INSERT INTO audit_events (id, at, actor_kind, actor_id, action, patient_id, target_kind, "
    "request_id) VALUES (?, ?, 'clinician', 'c1', 'patient.read', 'p1', 'patient', 'r')"
)


async def _write(db: Database, ids: list[str], stop: asyncio.Event) -> None:
    """Small transactions, as the service makes them, until told to stop."""
    while not stop.is_set():
        batch = [uuid.uuid4().hex for _ in range(5)]
        async with db.transaction() as tx:
            for row_id in batch:
                await tx.execute(INSERT, row_id, len(ids))
        ids.extend(batch)
        await asyncio.sleep(0.001)


async def _ids(database_url: str) -> set[str]:
    db = await connect(database_url)
    try:
        return {row["id"] for row in await db.fetch_all("SELECT id FROM audit_events")}
    finally:
        await db.close()


async def test_a_backup_taken_under_write_load_restores_every_row(database_url, tmp_path: Path):
    db = await connect(database_url)
    await migrate(db)
    committed: list[str] = []
    stop = asyncio.Event()
    writer = asyncio.create_task(_write(db, committed, stop))
    await asyncio.sleep(0.3)
    before = set(committed)
    env = {"CAREPLAN_DATABASE_URL": database_url, "CAREPLAN_SECRET_KEY": KEY}
    path = tmp_path / "careplan.backup"
    done = await asyncio.to_thread(run_careplan, ["backup", str(path)], env)
    stop.set()
    await writer
    await db.close()
    assert done.returncode == 0, done.stderr
    assert path.is_file() and not path.with_name(path.name + ".partial").exists()

    if database_url.startswith("sqlite:///"):
        target_url = f"sqlite:///{tmp_path / 'restored.db'}"
    else:  # the schema is gone, as after losing the server; restore brings it back
        target_url = database_url
        schema = database_url.rsplit("search_path=", 1)[1]
        admin = await asyncpg.connect(database_url.split("?")[0])
        await admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.close()
    restored = run_careplan(["restore", str(path)], {**env, "CAREPLAN_DATABASE_URL": target_url})
    assert restored.returncode == 0, restored.stderr

    found = await _ids(target_url)
    assert before <= found, f"{len(before - found)} rows committed before the backup are missing"
    assert found <= set(committed), "the backup holds rows that were never committed"
    assert len(found) % 5 == 0, "a transaction was copied in part"
    assert run_careplan(["migrate"], {**env, "CAREPLAN_DATABASE_URL": target_url}).returncode == 0


async def test_restore_refuses_a_database_that_holds_data_and_backup_an_existing_file(
    tmp_path: Path,
):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    env = {"CAREPLAN_DATABASE_URL": url, "CAREPLAN_SECRET_KEY": KEY}
    assert run_careplan(["migrate"], env).returncode == 0
    path = tmp_path / "one.backup"
    assert run_careplan(["backup", str(path)], env).returncode == 0
    again = run_careplan(["backup", str(path)], env)
    assert again.returncode == 1 and "exists already" in again.stderr
    refused = run_careplan(["restore", str(path)], env)
    assert refused.returncode == 1 and "already holds data" in refused.stderr
    missing = run_careplan(["restore", str(tmp_path / "nothing")], env)
    assert missing.returncode == 1 and "is not a backup file" in missing.stderr
