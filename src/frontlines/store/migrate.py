"""Schema migrations: numbered ``.sql`` files applied in order, each in one transaction.

Each backend has its own folder of the package: ``migrations/`` (SQLite, applied here) and ``migrations_pg/``
(PostgreSQL, applied by :mod:`frontlines.store.migrate_pg`). ``NNNN_name.sql`` is version NNNN; an applied
migration is never edited: a change is a new file. The ``schema_migrations`` table records what a database has; a
database with a version this code does not know was written by a newer frontlines and is refused with
:class:`MigrationError`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources

from frontlines.errors import MigrationError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@lru_cache(maxsize=4)
def load_migrations(folder_name: str = "migrations") -> tuple[Migration, ...]:
    """The migrations shipped with the package in ``folder_name`` (``migrations_pg`` for PostgreSQL), by version."""
    folder = resources.files("frontlines.store") / folder_name
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return tuple(sorted(found, key=lambda m: m.version))


def split_statements(sql: str) -> list[str]:
    """SQL text as complete statements (``sqlite3.complete_statement`` knows about strings and triggers)."""
    statements, pending = [], ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip().strip(";").strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip() and not pending.strip().startswith("--"):
        statements.append(pending.strip())
    return statements


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    conn.execute(_CREATE_TABLE)
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    """Apply one migration in one transaction; False when another process applied it meanwhile."""
    conn.execute("BEGIN IMMEDIATE")
    if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)).fetchone():
        conn.execute("ROLLBACK")
        return False
    try:
        for statement in split_statements(migration.sql):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, applied_at()),
        )
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise MigrationError(f"migration {migration.version:04d}_{migration.name} failed: {exc}") from exc
    conn.execute("COMMIT")
    return True


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] | None = None) -> list[int]:
    """Bring the database up to date; returns the versions applied. ``conn`` must be in autocommit mode."""
    migrations = load_migrations() if migrations is None else migrations
    have = applied_versions(conn)
    return [m.version for m in pending(have, migrations) if _apply(conn, m)]


def pending(have: set[int], migrations: tuple[Migration, ...]) -> list[Migration]:
    """The migrations a database with versions ``have`` still needs; refuses a database newer than the code."""
    known = {m.version for m in migrations}
    newer = sorted(have - known)
    if newer and newer[-1] > max(known, default=0):
        raise MigrationError(
            f"the database has schema version {newer[-1]}, newer than this frontlines knows "
            f"({max(known, default=0)}); upgrade frontlines"
        )
    return [m for m in migrations if m.version not in have]


def applied_at() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
