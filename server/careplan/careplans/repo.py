"""SQL for the plan document, goals, actions, action logs and the version history.

Updates are compare-and-set on `version`: they change a row only if it is still at the
version the writer read, and report how many rows changed, so the service can answer 409.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from careplan.people.actor_names import name_column, name_joins
from careplan.storage.db import Executor, Row

GOAL_COLUMNS = (
    "id, version, description, condition_ids, target, target_date, importance, confidence, "
    "status, progress, created_at, updated_at"
)
ACTION_COLUMNS = (
    "id, version, what, goal_id, frequency, times_per_week, weekdays, time_of_day, start_date, "
    "created_at, updated_at"
)
LOG_COLUMNS = "id, action_id, day, outcome, note, logged_at, actor_kind, actor_id, on_behalf_of"
_LOG_SELECT = ", ".join(f"l.{column.strip()}" for column in LOG_COLUMNS.split(","))


# --- the plan document ---------------------------------------------------------------------


async def plan(db: Executor, patient_id: str) -> Row | None:
    return await db.fetch_one(
        "SELECT version, document, review_date, updated_at FROM care_plans WHERE patient_id = ?",
        patient_id,
    )


async def insert_plan(
    db: Executor, patient_id: str, version: int, document: str, review_date: str | None, now: int
) -> None:
    await db.execute(
        "INSERT INTO care_plans (patient_id, version, document, review_date, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        patient_id,
        version,
        document,
        review_date,
        now,
        now,
    )


async def update_plan(
    db: Executor,
    patient_id: str,
    expected_version: int,
    document: str,
    review_date: str | None,
    now: int,
) -> int:
    return await db.execute(
        "UPDATE care_plans SET version = version + 1, document = ?, review_date = ?, "
        "updated_at = ? WHERE patient_id = ? AND version = ?",
        document,
        review_date,
        now,
        patient_id,
        expected_version,
    )


# --- goals and actions ---------------------------------------------------------------------


async def goals(db: Executor, patient_id: str) -> list[Row]:
    return await db.fetch_all(
        f"SELECT {GOAL_COLUMNS} FROM goals WHERE patient_id = ? AND deleted_at IS NULL "
        "ORDER BY position, created_at",
        patient_id,
    )


async def goal(db: Executor, patient_id: str, goal_id: str) -> Row | None:
    return await db.fetch_one(
        f"SELECT {GOAL_COLUMNS} FROM goals WHERE id = ? AND patient_id = ? AND deleted_at IS NULL",
        goal_id,
        patient_id,
    )


async def actions(db: Executor, patient_id: str) -> list[Row]:
    return await db.fetch_all(
        f"SELECT {ACTION_COLUMNS} FROM plan_actions WHERE patient_id = ? AND deleted_at IS NULL "
        "ORDER BY position, created_at",
        patient_id,
    )


async def action(db: Executor, patient_id: str, action_id: str) -> Row | None:
    return await db.fetch_one(
        f"SELECT {ACTION_COLUMNS} FROM plan_actions "
        "WHERE id = ? AND patient_id = ? AND deleted_at IS NULL",
        action_id,
        patient_id,
    )


async def id_taken(db: Executor, table: str, entity_id: str) -> bool:
    """Whether a client-made id is already used (deleted rows included)."""
    assert table in ("goals", "plan_actions")
    return await db.fetch_value(f"SELECT 1 FROM {table} WHERE id = ?", entity_id) is not None


async def next_position(db: Executor, table: str, patient_id: str) -> int:
    assert table in ("goals", "plan_actions")
    highest = await db.fetch_value(
        f"SELECT MAX(position) FROM {table} WHERE patient_id = ?", patient_id
    )
    return 0 if highest is None else int(highest) + 1


async def insert_row(db: Executor, table: str, row: dict[str, Any]) -> None:
    assert table in ("goals", "plan_actions")
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    await db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", *row.values())


async def update_row(
    db: Executor,
    table: str,
    patient_id: str,
    entity_id: str,
    expected_version: int,
    changes: dict[str, Any],
) -> int:
    """Compare-and-set: 0 rows changed means stale (or gone)."""
    assert table in ("goals", "plan_actions")
    assignments = ", ".join(f"{column} = ?" for column in changes)
    return await db.execute(
        f"UPDATE {table} SET version = version + 1, {assignments} "
        "WHERE id = ? AND patient_id = ? AND version = ? AND deleted_at IS NULL",
        *changes.values(),
        entity_id,
        patient_id,
        expected_version,
    )


async def current_version(db: Executor, table: str, patient_id: str, entity_id: str) -> int | None:
    assert table in ("goals", "plan_actions")
    return await db.fetch_value(
        f"SELECT version FROM {table} WHERE id = ? AND patient_id = ? AND deleted_at IS NULL",
        entity_id,
        patient_id,
    )


# --- action logs ---------------------------------------------------------------------------


async def log_by_id(db: Executor, log_id: str) -> Row | None:
    """The log with the name of whoever logged it."""
    return await db.fetch_one(
        f"SELECT l.patient_id, {_LOG_SELECT}, {name_column('l')} FROM action_logs l"
        + name_joins("l")
        + " WHERE l.id = ?",
        log_id,
    )


async def retire_log(db: Executor, action_id: str, day: str, now: int) -> int:
    """Soft-delete the live log for this action and day (a newer log replaces it)."""
    return await db.execute(
        "UPDATE action_logs SET deleted_at = ? "
        "WHERE action_id = ? AND day = ? AND deleted_at IS NULL",
        now,
        action_id,
        day,
    )


async def insert_log(db: Executor, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    await db.execute(f"INSERT INTO action_logs ({columns}) VALUES ({marks})", *row.values())


async def newest_live_outcomes(db: Executor, action_id: str, limit: int) -> list[Row]:
    """(day, outcome) of the action's LIMIT latest live logs (at most one per day)."""
    return await db.fetch_all(
        "SELECT day, outcome FROM action_logs WHERE action_id = ? AND deleted_at IS NULL "
        "ORDER BY day DESC LIMIT ?",
        action_id,
        limit,
    )


async def set_recent_outcomes(db: Executor, action_id: str, recent: str) -> None:
    await db.execute("UPDATE plan_actions SET recent_outcomes = ? WHERE id = ?", recent, action_id)


async def actions_without_recent_outcomes(db: Executor, after_id: str, limit: int) -> list[str]:
    rows = await db.fetch_all(
        "SELECT id FROM plan_actions WHERE recent_outcomes IS NULL AND id > ? ORDER BY id LIMIT ?",
        after_id,
        limit,
    )
    return [row["id"] for row in rows]


async def live_logs_of(db: Executor, action_ids: Sequence[str]) -> list[Row]:
    """(action_id, day, outcome) of the live logs of several actions."""
    marks = ", ".join("?" for _ in action_ids)
    return await db.fetch_all(
        "SELECT action_id, day, outcome FROM action_logs "
        f"WHERE action_id IN ({marks}) AND deleted_at IS NULL",
        *action_ids,
    )


async def fill_recent_outcomes(db: Executor, strings_and_ids: Sequence[tuple[str, str]]) -> None:
    await db.executemany(
        "UPDATE plan_actions SET recent_outcomes = ? WHERE id = ? AND recent_outcomes IS NULL",
        strings_and_ids,
    )


# --- today: the patient, their actions and the logs of today -------------------------------

_TODAY = (
    "SELECT p.time_zone, "
    + ", ".join(f"a.{column.strip()}" for column in ACTION_COLUMNS.split(","))
    + ", a.recent_outcomes, "
    + ", ".join(f"l.{column.strip()} AS log_{column.strip()}" for column in LOG_COLUMNS.split(","))
    + f", {name_column('l', 'log_actor_name')}"
    + " FROM patients p"
    " LEFT JOIN plan_actions a ON a.patient_id = p.id AND a.deleted_at IS NULL"
    " LEFT JOIN action_logs l ON l.action_id = a.id AND l.deleted_at IS NULL AND l.day IN (?, ?, ?)"
    + name_joins("l")
    + " WHERE p.id = ? ORDER BY a.position, a.created_at"
)


async def today_rows(db: Executor, patient_id: str, days: Sequence[str]) -> list[Row]:
    """One round trip: the patient's zone, each live action with its recent outcomes, and its
    live logs on DAYS (the calendar days that can be "today" in some zone; the caller, who
    learns the zone from the same rows, picks one). An action may appear once per logged day."""
    return await db.fetch_all(_TODAY, *days, patient_id)


# --- version history -----------------------------------------------------------------------

_INSERT_VERSION = (
    "INSERT INTO plan_versions (id, patient_id, entity_kind, entity_id, version, change, "
    "changed_fields, snapshot, actor_kind, actor_id, on_behalf_of, review_id, at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


async def insert_version(db: Executor, row: Sequence[Any]) -> None:
    await db.execute(_INSERT_VERSION, *row)


async def versions_since(db: Executor, patient_id: str, since: int | None, limit: int) -> list[Row]:
    """Newest first, with the actor's name whoever they are."""
    return await db.fetch_all(
        "SELECT v.id, v.entity_kind, v.entity_id, v.version, v.change, v.changed_fields, "
        "v.snapshot, v.actor_kind, v.actor_id, v.on_behalf_of, v.review_id, v.at, "
        f"{name_column('v')} FROM plan_versions v"
        + name_joins("v")
        + " WHERE v.patient_id = ? AND v.at > ? "
        "ORDER BY v.at DESC, v.version DESC, v.id DESC LIMIT ?",
        patient_id,
        since if since is not None else -1,
        limit,
    )


async def last_review_completed_at(db: Executor, patient_id: str) -> int | None:
    return await db.fetch_value(
        "SELECT MAX(completed_at) FROM reviews WHERE patient_id = ? AND status = 'completed'",
        patient_id,
    )


# --- offline sync receipts -----------------------------------------------------------------


async def receipt_exists(db: Executor, mutation_id: str) -> bool:
    return (
        await db.fetch_value("SELECT 1 FROM sync_receipts WHERE mutation_id = ?", mutation_id)
        is not None
    )


async def insert_receipt(
    db: Executor, mutation_id: str, patient_id: str, kind: str, now: int
) -> None:
    await db.execute(
        "INSERT INTO sync_receipts (mutation_id, patient_id, kind, status, received_at) "
        "VALUES (?, ?, ?, 'applied', ?)",
        mutation_id,
        patient_id,
        kind,
        now,
    )
