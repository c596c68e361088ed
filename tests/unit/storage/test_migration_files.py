"""Pure parts of the migration runner: history checks and script splitting."""

from __future__ import annotations

import pytest

from careplan.storage.db import split_sqlite_script, to_postgres
from careplan.storage.migrate import Migration, MigrationError, check_history, load_migrations


def test_shipped_migrations_are_numbered_without_gaps():
    versions = [m.version for m in load_migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_pending_are_those_not_applied():
    first, second = Migration(1, "a", "CREATE TABLE a (x INT);"), Migration(2, "b", "SELECT 1;")
    assert check_history([first, second], {1: first.checksum}) == [second]


def test_changed_applied_file_is_refused():
    edited = Migration(1, "a", "CREATE TABLE a (x INT, y INT);")
    with pytest.raises(MigrationError, match="changed after it was applied"):
        check_history([edited], {1: Migration(1, "a", "CREATE TABLE a (x INT);").checksum})


def test_applied_migration_without_its_file_is_refused():
    with pytest.raises(MigrationError, match="file is missing"):
        check_history([], {1: "abc"})


def test_script_splitting_keeps_trigger_bodies_whole():
    script = """
    CREATE TABLE a (x INT);
    CREATE TRIGGER t AFTER INSERT ON a BEGIN
        INSERT INTO a VALUES (1);
        INSERT INTO a VALUES (2);
    END;
    -- a comment
    CREATE INDEX i ON a (x);
    """
    statements = split_sqlite_script(script)
    assert len(statements) == 3
    assert statements[1].count("VALUES") == 2


def test_placeholders_are_renumbered_for_postgresql():
    assert to_postgres("SELECT ? , ?, ?") == "SELECT $1 , $2, $3"
