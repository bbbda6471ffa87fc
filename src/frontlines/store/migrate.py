"""Schema migrations: numbered ``.sql`` files in ``migrations/`` applied in order, each in one transaction.

``NNNN_name.sql`` is version NNNN. The ``schema_migrations`` table records what a database has; a database with a
version this code does not know was written by a newer frontlines and is refused with :class:`MigrationError`.
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


@lru_cache(maxsize=1)
def load_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with the package, by version."""
    folder = resources.files("frontlines.store") / "migrations"
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
            (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
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
    known = {m.version for m in migrations}
    newer = sorted(have - known)
    if newer and newer[-1] > max(known, default=0):
        raise MigrationError(
            f"the database has schema version {newer[-1]}, newer than this frontlines knows "
            f"({max(known, default=0)}); upgrade frontlines"
        )
    todo = [m for m in migrations if m.version not in have]
    return [m.version for m in todo if _apply(conn, m)]
