"""Where processed documents and their events are kept: a backend-neutral protocol and the SQLite store.

- ``open_store("frontlines.db")`` (or ``":memory:"``) opens and migrates a store; a PostgreSQL URL is refused for now.
- ``store.save(doc)`` writes a whole document or nothing, and returns False when it was stored before.
- ``store.list_events(EventFilter(country="Sudan", since="2024-01-01", limit=50))`` reads events back as dicts.
"""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import ConfigError
from frontlines.store.base import DocumentFilter, EventFilter, Store
from frontlines.store.sqlite import SQLiteStore

__all__ = ["DEFAULT_DB", "DocumentFilter", "EventFilter", "SQLiteStore", "Store", "open_store"]

DEFAULT_DB = "frontlines.db"

_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def open_store(db: str | Path = DEFAULT_DB) -> Store:
    """Open (creating and migrating if needed) the store at a path, ``sqlite:///path`` or ``:memory:``."""
    target = str(db).strip() or DEFAULT_DB
    if target.lower().startswith(_POSTGRES_SCHEMES):
        raise ConfigError("PostgreSQL support is not available yet; use a SQLite file path for --db")
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///") or DEFAULT_DB
    elif "://" in target:
        scheme = target.split("://", 1)[0]
        raise ConfigError(f"unsupported database URL scheme {scheme!r}; use a SQLite file path")
    return SQLiteStore(target)
