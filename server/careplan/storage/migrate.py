"""Forward-only migrations: numbered plain-SQL files, each applied in one transaction.

Each applied file is recorded with a SHA-256 checksum; if an applied file later changes,
start-up is refused rather than running against a schema nobody can reproduce.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass
from importlib import resources

from careplan.storage.db import Database

log = logging.getLogger(__name__)

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_LOCK_ID = 7_270_001  # PostgreSQL advisory lock: one migrator at a time across nodes

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)
"""


class MigrationError(RuntimeError):
    """The database and the migration files disagree; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def load_migrations() -> list[Migration]:
    folder = resources.files("careplan.storage") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migration files share a number: {versions}")
    return found


async def applied_checksums(db: Database) -> dict[int, str]:
    await db.execute(_CREATE_TABLE)
    rows = await db.fetch_all("SELECT version, checksum FROM schema_migrations")
    return {row["version"]: row["checksum"] for row in rows}


def check_history(migrations: list[Migration], applied: dict[int, str]) -> list[Migration]:
    """The migrations still to apply; raises if an applied one changed or disappeared."""
    by_version = {m.version: m for m in migrations}
    for version, checksum in sorted(applied.items()):
        migration = by_version.get(version)
        if migration is None:
            raise MigrationError(f"migration {version:04d} is applied but its file is missing")
        if migration.checksum != checksum:
            raise MigrationError(
                f"migration {version:04d}_{migration.name}.sql changed after it was applied; "
                "write a new migration instead of editing an applied one"
            )
    return [m for m in migrations if m.version not in applied]


async def migrate(db: Database, now_ms: int | None = None) -> list[str]:
    """Apply pending migrations; returns the names applied. Safe to run concurrently."""
    migrations = load_migrations()
    pending = check_history(migrations, await applied_checksums(db))
    done = []
    for migration in pending:
        async with db.transaction() as tx:
            if db.dialect == "postgresql":
                await tx.execute("SELECT pg_advisory_xact_lock(?)", _LOCK_ID)
            # Re-check inside the lock: another process may have applied it meanwhile.
            if await tx.fetch_value(
                "SELECT 1 FROM schema_migrations WHERE version = ?", migration.version
            ):
                continue
            await tx.execute_script(migration.sql)
            await tx.execute(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                "VALUES (?, ?, ?, ?)",
                migration.version,
                migration.name,
                migration.checksum,
                now_ms if now_ms is not None else int(time.time() * 1000),
            )
        log.info("migration applied", extra={"migration": f"{migration.version:04d}"})
        done.append(f"{migration.version:04d}_{migration.name}")
    return done


async def ensure_current(db: Database) -> None:
    """Refuse to serve on a schema that is behind or was altered."""
    pending = check_history(load_migrations(), await applied_checksums(db))
    if pending:
        names = ", ".join(f"{m.version:04d}_{m.name}" for m in pending)
        raise MigrationError(f"database is not migrated (pending: {names}); run `careplan migrate`")
