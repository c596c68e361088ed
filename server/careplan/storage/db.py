"""One small `Database` interface over embedded SQLite and PostgreSQL.

SQL is written once, with `?` placeholders, in the portable dialect of the migrations;
the PostgreSQL backend renumbers placeholders to `$1..$n`. Rows are mappings by column name.

SQLite: one writer connection (writes serialised by a lock, as SQLite does anyway) and one
read-only connection, both used directly on the event loop. In WAL mode a read never waits
behind a write, and our statements are short indexed ones that take far less time than a hop
to a worker thread and back (ADRs 0006, 0018). PostgreSQL: an asyncpg pool.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from itertools import count
from typing import Any, Protocol

import asyncpg

Row = Mapping[str, Any]

_PLACEHOLDER = re.compile(r"\?")


class Executor(Protocol):
    """What a transaction (and the database itself) can run."""

    async def execute(self, sql: str, *args: Any) -> int: ...
    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    async def fetch_one(self, sql: str, *args: Any) -> Row | None: ...
    async def fetch_all(self, sql: str, *args: Any) -> list[Row]: ...
    async def fetch_value(self, sql: str, *args: Any) -> Any: ...
    async def execute_script(self, sql: str) -> None: ...


class UniqueViolation(Exception):
    """A UNIQUE or PRIMARY KEY constraint refused a write (portable across backends)."""


class InvalidText(ValueError):
    """A text value holds a NUL character, which PostgreSQL cannot store: refused on both
    backends alike, before the query runs, so the app can answer 400 rather than 500."""


def _no_nul(args: Sequence[Any]) -> Sequence[Any]:
    for arg in args:
        if isinstance(arg, str) and "\x00" in arg:
            raise InvalidText("text must not contain the NUL character (\\u0000)")
    return args


class Database(ABC):
    """What the app holds: an Executor that also makes transactions.

    An ABC rather than a Protocol so Litestar's dependency injection can check it cheaply.
    """

    dialect: str

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Executor]:
        """`async with db.transaction() as tx:` — all or nothing; SQLite takes the write lock."""

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def execute(self, sql: str, *args: Any) -> int: ...
    @abstractmethod
    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    @abstractmethod
    async def fetch_one(self, sql: str, *args: Any) -> Row | None: ...
    @abstractmethod
    async def fetch_all(self, sql: str, *args: Any) -> list[Row]: ...
    @abstractmethod
    async def fetch_value(self, sql: str, *args: Any) -> Any: ...
    @abstractmethod
    async def execute_script(self, sql: str) -> None: ...


def to_postgres(sql: str) -> str:
    """Renumber `?` placeholders as `$1, $2, ...` (our SQL never has `?` in literals)."""
    numbers = count(1)
    return _PLACEHOLDER.sub(lambda _match: f"${next(numbers)}", sql)


async def connect(url: str) -> Database:
    if url.startswith("sqlite:///"):
        return await SqliteDatabase.open(url.removeprefix("sqlite:///"))
    return await PostgresDatabase.open(url)


# --- SQLite -------------------------------------------------------------------------------


class _SqliteExecutor:
    """Statements run inline on the event loop (ADR 0018): each is tens of microseconds,
    less than a hop to a worker thread and back, and a transaction then holds the write
    lock only for its own work rather than for a queue of hops."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, *args: Any) -> int:
        try:
            return self._conn.execute(sql, _no_nul(args)).rowcount
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise UniqueViolation(str(exc)) from exc
            raise

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._conn.executemany(sql, [_no_nul(row) for row in rows])

    async def fetch_one(self, sql: str, *args: Any) -> Row | None:
        # Drained whole: an unfinished statement (UPDATE ... RETURNING) keeps its lock.
        rows = self._conn.execute(sql, _no_nul(args)).fetchall()
        return rows[0] if rows else None

    async def fetch_all(self, sql: str, *args: Any) -> list[Row]:
        return self._conn.execute(sql, _no_nul(args)).fetchall()

    async def fetch_value(self, sql: str, *args: Any) -> Any:
        row = await self.fetch_one(sql, *args)
        return None if row is None else row[0]

    async def execute_script(self, sql: str) -> None:
        """Run statement by statement: `executescript` would commit the open transaction."""
        for statement in split_sqlite_script(sql):
            self._conn.execute(statement).fetchall()


class SqliteDatabase(Database):
    """One writer connection (transactions behind a lock) and one query-only reader, both
    used inline on the event loop. Another process holding the write lock (a separate
    `careplan scheduler`, the CLI) is waited for with `asyncio.sleep`, never by blocking."""

    dialect = "sqlite"

    def __init__(self, writer: sqlite3.Connection, reader: sqlite3.Connection) -> None:
        self._writer = writer
        self._write_lock = asyncio.Lock()
        self._reader = reader

    @classmethod
    async def open(cls, path: str) -> SqliteDatabase:
        writer = _open_sqlite(path, _WRITER_PRAGMAS)
        try:
            reader = _open_sqlite(path, _READER_PRAGMAS)
        except BaseException:
            writer.close()
            raise
        return cls(writer, reader)

    async def execute(self, sql: str, *args: Any) -> int:
        async with self.transaction() as tx:
            return await tx.execute(sql, *args)

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    async def fetch_one(self, sql: str, *args: Any) -> Row | None:
        return self._reader.execute(sql, _no_nul(args)).fetchone()

    async def fetch_all(self, sql: str, *args: Any) -> list[Row]:
        return self._reader.execute(sql, _no_nul(args)).fetchall()

    async def fetch_value(self, sql: str, *args: Any) -> Any:
        row = await self.fetch_one(sql, *args)
        return None if row is None else row[0]

    async def execute_script(self, sql: str) -> None:
        async with self.transaction() as tx:
            await tx.execute_script(sql)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[_SqliteExecutor]:
        async with self._write_lock:
            await self._begin()
            try:
                yield _SqliteExecutor(self._writer)
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            self._writer.execute("COMMIT")

    async def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting without blocking the loop while another process writes."""
        delay, waited = _BUSY_FIRST_WAIT_S, 0.0
        while True:
            try:
                self._writer.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode != sqlite3.SQLITE_BUSY or waited >= _BUSY_TIMEOUT_S:
                    raise
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, _BUSY_MAX_WAIT_S)

    async def close(self) -> None:
        self._reader.close()
        self._writer.close()


def split_sqlite_script(sql: str) -> list[str]:
    """Whole statements, trigger bodies included (`sqlite3.complete_statement` knows)."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip().strip(";").strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


_BUSY_TIMEOUT_S = 5.0  # as long as another process may keep us from writing
_BUSY_FIRST_WAIT_S = 0.001
_BUSY_MAX_WAIT_S = 0.05
# The writer never waits inside SQLite (busy_timeout 0): that would block the event loop;
# `SqliteDatabase._begin` waits instead. WAL is set once, by whoever opens the file first.
_WRITER_PRAGMAS = (
    "busy_timeout = 5000",
    "journal_mode = WAL",
    "busy_timeout = 0",
    "foreign_keys = ON",
    "synchronous = NORMAL",
)
# Autocommit and query-only: each read sees the latest commit and can never write. A larger
# page cache and memory-mapped reads: lookups then rarely leave user space.
_READER_PRAGMAS = (
    "busy_timeout = 5000",
    "foreign_keys = ON",
    "query_only = ON",
    "cache_size = -65536",
    "mmap_size = 268435456",
)


def _open_sqlite(path: str, pragmas: Sequence[str]) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN ourselves; the sqlite3 module's implicit
    # transactions would otherwise hold the write lock between statements.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        for pragma in pragmas:
            conn.execute(f"PRAGMA {pragma}").fetchall()  # drained: it may hold a lock
    except BaseException:
        conn.close()
        raise
    return conn


# --- PostgreSQL ---------------------------------------------------------------------------


class _PostgresExecutor:
    def __init__(self, conn: asyncpg.Connection | asyncpg.Pool) -> None:
        self._conn = conn

    async def execute(self, sql: str, *args: Any) -> int:
        try:
            status = await self._conn.execute(to_postgres(sql), *_no_nul(args))
        except asyncpg.UniqueViolationError as exc:
            raise UniqueViolation(str(exc)) from exc
        # asyncpg returns a status tag such as "UPDATE 3" or "INSERT 0 1".
        tail = status.rsplit(" ", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        await self._conn.executemany(to_postgres(sql), [_no_nul(row) for row in rows])

    async def fetch_one(self, sql: str, *args: Any) -> Row | None:
        return await self._conn.fetchrow(to_postgres(sql), *_no_nul(args))

    async def fetch_all(self, sql: str, *args: Any) -> list[Row]:
        return list(await self._conn.fetch(to_postgres(sql), *_no_nul(args)))

    async def fetch_value(self, sql: str, *args: Any) -> Any:
        return await self._conn.fetchval(to_postgres(sql), *_no_nul(args))

    async def execute_script(self, sql: str) -> None:
        await self._conn.execute(sql)  # no arguments: the simple protocol runs many statements


async def _roll_back_if_open(conn: asyncpg.Connection) -> None:
    """Reset a connection going back to the pool without a round trip when it is clean.

    asyncpg's default reset runs `RESET ALL`, `UNLISTEN *`, `pg_advisory_unlock_all()` on
    every release — a round trip that doubled the cost of each query. We never leave session
    state behind (settings are per transaction, advisory locks are transaction-scoped), so
    only an unfinished transaction needs undoing (ADR 0006).
    """
    if conn.is_in_transaction():
        await conn.execute("ROLLBACK")


class PostgresDatabase(_PostgresExecutor, Database):
    dialect = "postgresql"

    def __init__(self, pool: asyncpg.Pool) -> None:
        super().__init__(pool)
        self._pool = pool

    @classmethod
    async def open(cls, url: str) -> PostgresDatabase:
        pool = await asyncpg.create_pool(
            url.replace("postgres://", "postgresql://", 1),
            min_size=2,
            max_size=20,
            reset=_roll_back_if_open,
        )
        return cls(pool)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[_PostgresExecutor]:
        async with self._pool.acquire() as conn, conn.transaction():
            yield _PostgresExecutor(conn)

    async def close(self) -> None:
        await self._pool.close()
