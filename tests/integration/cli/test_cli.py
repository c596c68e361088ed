"""The CLI as an operator meets it: migrate, demo, create-clinician, and bad settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.processes import run_careplan

from careplan.storage.db import connect

KEY = "cli-tests-secret-key-0123456789abcdef"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"CAREPLAN_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "CAREPLAN_SECRET_KEY": KEY}


def test_bad_setting_exits_naming_the_variable(env):
    done = run_careplan(["migrate"], {**env, "CAREPLAN_DATABASE_URL": "mysql://nope"})
    assert done.returncode == 2
    assert "CAREPLAN_DATABASE_URL" in done.stderr


def test_migrate_is_idempotent_and_demo_can_run_twice(env):
    assert "applied 0001" in run_careplan(["migrate"], env).stdout
    assert "up to date" in run_careplan(["migrate"], env).stdout
    first, second = run_careplan(["demo"], env), run_careplan(["demo"], env)
    assert first.returncode == second.returncode == 0, first.stderr
    assert "amira.hassan@riverside.example" in first.stdout
    assert "+447700900101" in first.stdout
    assert "Carer: Ruth Campbell" in first.stdout


async def test_demo_twice_creates_each_person_and_plan_once(env):
    run_careplan(["migrate"], env)
    run_careplan(["demo"], env)
    db = await connect(env["CAREPLAN_DATABASE_URL"])
    counted = (
        "SELECT (SELECT COUNT(*) FROM care_plans) AS plans, (SELECT COUNT(*) FROM goals) AS goals,"
        " (SELECT COUNT(*) FROM action_logs) AS logs, (SELECT COUNT(*) FROM readings) AS readings,"
        " (SELECT COUNT(*) FROM review_results) AS shared_results,"
        " (SELECT COUNT(*) FROM carer_delegations WHERE status = 'active') AS carers"
    )
    try:
        first = dict(await db.fetch_one(counted))
        run_careplan(["demo"], env)
        assert dict(await db.fetch_one(counted)) == first
        assert await db.fetch_value("SELECT COUNT(*) FROM patients") == 5
        assert await db.fetch_value("SELECT COUNT(*) FROM clinicians") == 2
        assert first["plans"] == 5 and first["goals"] >= 5 and first["shared_results"] == 3
        assert first["carers"] == 1  # Grace's daughter, on the dev phone too
        plans = await db.fetch_all("SELECT document FROM care_plans")
        assert all(doc["document"].count('"display"') >= 2 for doc in plans)  # multi-condition
        days_logged = await db.fetch_value("SELECT COUNT(DISTINCT day) FROM action_logs")
        assert days_logged >= 35 and first["readings"] >= 100
    finally:
        await db.close()


def test_create_clinician_reads_the_password_from_stdin(env):
    run_careplan(["migrate"], env)
    run_careplan(["demo"], env)
    args = [
        "create-clinician",
        "--email",
        "Pat@Riverside.example",
        "--name",
        "Pat Pharm",
        "--role",
        "pharmacist",
        "--password-stdin",
    ]
    done = run_careplan(args, env, stdin="a long enough password\n")
    assert done.returncode == 0, done.stderr
    again = run_careplan(args, env, stdin="a long enough password\n")
    assert again.returncode == 1 and "already exists" in again.stderr
    short = run_careplan([*args[:2], "other@riverside.example", *args[3:]], env, stdin="short\n")
    assert short.returncode == 1 and "at least 12" in short.stderr


def test_serving_refuses_an_unmigrated_database(env):
    done = run_careplan(["serve", "--port", "1"], env)
    assert done.returncode == 1 and "careplan migrate" in done.stderr


def test_changed_migration_is_refused_at_start(env, tmp_path):
    run_careplan(["migrate"], env)
    import sqlite3

    with sqlite3.connect(tmp_path / "cli.db") as conn:
        conn.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
    done = run_careplan(["demo"], env)
    assert done.returncode == 1 and "changed after it was applied" in done.stderr
