"""PostgreSQL schema migrations: ``migrations_pg/NNNN_name.sql``, each in one transaction, as :mod:`.migrate` does.

Several processes may open the same database at once: each migration runs under a transaction-scoped advisory lock
and re-checks ``schema_migrations`` inside it, so every migration is applied exactly once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontlines.errors import MigrationError
from frontlines.store.migrate import Migration, applied_at, load_migrations, pending

if TYPE_CHECKING:
    import psycopg

FOLDER = "migrations_pg"

# Any fixed 64-bit number: the advisory lock all frontlines processes take while they migrate.
_LOCK_KEY = 0x66726F6E746C6E  # "frontln"

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def applied_versions(conn: psycopg.Connection) -> set[int]:
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute(_CREATE_TABLE)
        return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def _apply(conn: psycopg.Connection, migration: Migration) -> bool:
    """Apply one migration in one transaction; False when another process applied it meanwhile."""
    import psycopg

    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (migration.version,)).fetchone():
                return False
            conn.execute(migration.sql.encode("utf-8"))  # no parameters: the whole file as one simple query
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                (migration.version, migration.name, applied_at()),
            )
    except psycopg.Error as exc:
        message = " ".join(str(exc).split())
        missing = (psycopg.errors.UndefinedFile, psycopg.errors.FeatureNotSupported)
        if isinstance(exc, missing) and "postgis" in message:
            message += " (PostGIS is not installed on the server: e.g. Debian package postgresql-NN-postgis-3)"
        raise MigrationError(f"migration {migration.version:04d}_{migration.name} failed: {message}") from exc
    return True


def migrate(conn: psycopg.Connection, migrations: tuple[Migration, ...] | None = None) -> list[int]:
    """Bring the database up to date; returns the versions applied. ``conn`` must be in autocommit mode."""
    migrations = load_migrations(FOLDER) if migrations is None else migrations
    return [m.version for m in pending(applied_versions(conn), migrations) if _apply(conn, m)]
