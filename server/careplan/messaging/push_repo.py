"""SQL for Web Push subscriptions (one row per browser endpoint). No HTTP here."""

from __future__ import annotations

from typing import Any

from careplan.storage.db import Executor, Row


async def upsert(tx: Executor, row: dict[str, Any]) -> str:
    """Store the subscription; an endpoint already known moves to this patient (a shared
    device notifies only whoever subscribed on it last). Returns the subscription's id.
    Must run in a transaction (RETURNING on the writer)."""
    return await tx.fetch_value(
        "INSERT INTO push_subscriptions (id, patient_id, endpoint, p256dh, auth, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (endpoint) DO UPDATE SET "
        "patient_id = excluded.patient_id, p256dh = excluded.p256dh, auth = excluded.auth, "
        "created_at = excluded.created_at, last_success_at = NULL RETURNING id",
        row["id"],
        row["patient_id"],
        row["endpoint"],
        row["p256dh"],
        row["auth"],
        row["created_at"],
    )


async def delete(ex: Executor, patient_id: str, endpoint: str) -> bool:
    deleted = await ex.execute(
        "DELETE FROM push_subscriptions WHERE patient_id = ? AND endpoint = ?",
        patient_id,
        endpoint,
    )
    return deleted > 0


async def delete_by_id(ex: Executor, subscription_id: str) -> None:
    await ex.execute("DELETE FROM push_subscriptions WHERE id = ?", subscription_id)


async def for_patient(ex: Executor, patient_id: str) -> list[Row]:
    return await ex.fetch_all(
        "SELECT id, endpoint, p256dh, auth FROM push_subscriptions WHERE patient_id = ? "
        "ORDER BY created_at, id",
        patient_id,
    )


async def mark_success(ex: Executor, subscription_id: str, now: int) -> None:
    await ex.execute(
        "UPDATE push_subscriptions SET last_success_at = ? WHERE id = ?", now, subscription_id
    )
