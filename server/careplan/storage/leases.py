"""Claiming background work with a lease: the one compare-and-set every worker uses.

A claim is one UPDATE of the rows a subquery picks. On PostgreSQL the subquery locks what
it picks with `FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint rows without
waiting for each other; on SQLite the caller's transaction already holds the write lock
(`BEGIN IMMEDIATE`), so no other writer can pick between our read and our write. The claim
records the worker and a lease; a worker that dies leaves a lease that runs out, and the
row can be claimed again (DESIGN rule 2, ADR 0013).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from careplan.storage.db import Executor, Row


def lock_clause(dialect: str) -> str:
    """What a picking SELECT ends with so concurrent claimers skip each other's rows."""
    return " FOR UPDATE SKIP LOCKED" if dialect == "postgresql" else ""


async def claim(
    tx: Executor,
    dialect: str,
    *,
    table: str,
    pick: str,
    pick_args: Sequence[Any],
    order_by: str,
    limit: int,
    assign: str,
    assign_args: Sequence[Any],
    returning: str,
) -> list[Row]:
    """UPDATE TABLE SET ASSIGN on at most LIMIT rows matching PICK; the claimed rows.

    Must run inside `db.transaction()`. PICK must still be true of a row that another
    worker has not claimed, and false once it has (a status or lease condition), so a
    row is never claimed twice.
    """
    sql = (
        f"UPDATE {table} SET {assign} WHERE id IN ("
        f"SELECT id FROM {table} WHERE {pick} ORDER BY {order_by} LIMIT ?{lock_clause(dialect)}"
        f") RETURNING {returning}"
    )
    return await tx.fetch_all(sql, *assign_args, *pick_args, limit)
