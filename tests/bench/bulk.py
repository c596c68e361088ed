"""Bulk writes for bench data sets: millions of rows in seconds, on the schema we ship.

The real migrations run first (careplan's own `migrate`), so the server under test meets
exactly its production schema and indexes. Rows then stream from generators in one
transaction: SQLite through the stdlib `sqlite3` executemany, PostgreSQL through binary COPY.
Indexes that back no constraint are dropped first and built again from their own definitions
afterwards: sorting once is several times faster than millions of scattered inserts, and a
UNIQUE one still refuses duplicates when it is built. Foreign keys are not checked during the
load (SQLite's are off on a plain connection; PostgreSQL's triggers are skipped as on a
replica): the generators make consistent rows by construction, and checking them per row
tripled PostgreSQL's load (46 s against 18 s at 20,000 patients).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import asyncpg

from careplan.storage.db import connect
from careplan.storage.migrate import migrate

# For the load only, on a throwaway file: no journal and no syncs (a failed build is thrown
# away; a gigabyte of WAL would be written twice), and a 1 GiB cache so the pages being filled
# stay in memory. The server gets WAL back when the load is done.
_SQLITE_LOAD_PRAGMAS = ("journal_mode = OFF", "synchronous = OFF", "cache_size = -1048576")

_POSTGRES_PLAIN_INDEXES = """
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace = current_schema()::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
"""


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: Iterable[tuple[Any, ...]]  # read once, in order


def load(database_url: str, tables: Iterable[Table]) -> None:
    """Migrate DATABASE_URL, then write TABLES in order, all or nothing."""
    asyncio.run(_migrate(database_url))
    if database_url.startswith("sqlite:///"):
        _load_sqlite(database_url.removeprefix("sqlite:///"), tables)
    else:
        asyncio.run(_load_postgres(database_url, tables))


async def _migrate(database_url: str) -> None:
    db = await connect(database_url)
    try:
        await migrate(db)
    finally:
        await db.close()


def _load_sqlite(path: str, tables: Iterable[Table]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in _SQLITE_LOAD_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}").fetchall()
        conn.execute("BEGIN IMMEDIATE")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for table in tables:
            marks = ", ".join("?" for _ in table.columns)
            conn.executemany(
                f"INSERT INTO {table.name} ({', '.join(table.columns)}) VALUES ({marks})",
                table.rows,
            )
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL").fetchall()  # as the server runs it
    finally:
        conn.close()


async def _load_postgres(database_url: str, tables: Iterable[Table]) -> None:
    conn = await asyncpg.connect(database_url)
    loaded = []
    try:
        async with conn.transaction():
            await conn.execute("SET LOCAL session_replication_role = replica")
            await conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
            indexes = await conn.fetch(_POSTGRES_PLAIN_INDEXES)
            for index in indexes:
                await conn.execute(f"DROP INDEX {index['name']}")
            for table in tables:
                await conn.copy_records_to_table(
                    table.name, records=table.rows, columns=list(table.columns)
                )
                loaded.append(table.name)
            for index in indexes:
                await conn.execute(index["definition"])
        # What autovacuum does soon after a load this size; without it the planner guesses.
        # (SQLite is not analysed: the server never runs ANALYZE there either.)
        await conn.execute(f"ANALYZE {', '.join(dict.fromkeys(loaded))}")
    finally:
        await conn.close()
