"""`careplan backup PATH` and `careplan restore PATH`: a consistent copy while the service runs.

SQLite: the online backup API copies a snapshot page by page under a read transaction, so
writers carry on (WAL) and the copy is never half a transaction. PostgreSQL: `pg_dump` in
its custom format (one consistent snapshot), restored with `pg_restore`. A backup is written
to a temporary name and renamed, so PATH is either complete or absent. Restore refuses a
database that already holds Careplan data: nothing already stored is overwritten.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


class BackupError(ValueError):
    """What the operator must fix; nothing was changed."""


def backup(database_url: str, path: Path) -> None:
    if path.exists():
        raise BackupError(f"{path} exists already: choose a new file for the backup")
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    if database_url.startswith("sqlite:///"):
        _sqlite_copy(_sqlite_file(database_url), partial)
    else:
        url, schema = _libpq_url(database_url)
        _run(["pg_dump", "--format=custom", f"--file={partial}", *_schema_args(schema), url])
    os.replace(partial, path)


def restore(database_url: str, path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"{path} is not a backup file")
    if database_url.startswith("sqlite:///"):
        target = Path(_sqlite_file(database_url))
        if target.exists() and _sqlite_has_data(target):
            raise BackupError(f"{target} already holds data: move it aside, then restore")
        _sqlite_copy(str(path), target)
        return
    url, _schema = _libpq_url(database_url)
    _run(["pg_restore", "--exit-on-error", "--no-owner", f"--dbname={url}", str(path)])


def _sqlite_file(database_url: str) -> str:
    return database_url.removeprefix("sqlite:///")


def _sqlite_copy(source: str, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # all pages in one step: one consistent snapshot
    dst.close()
    src.close()


def _sqlite_has_data(target: Path) -> bool:
    with sqlite3.connect(target) as conn:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ).fetchone()
    conn.close()
    return found is not None


def _libpq_url(database_url: str) -> tuple[str, str | None]:
    """Our URLs may carry `?search_path=` (one schema per deployment or test); the PostgreSQL
    tools take the schema as an argument instead."""
    parts = urlsplit(database_url)
    query = dict(parse_qsl(parts.query))
    schema = query.pop("search_path", None)
    return urlunsplit(parts._replace(query=urlencode(query))), schema


def _schema_args(schema: str | None) -> list[str]:
    return [f"--schema={schema}"] if schema else []


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools)") from None
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:500]}")
