"""Where processed documents and their events are kept: a backend-neutral protocol, SQLite and PostgreSQL stores.

- ``open_store("frontlines.db")`` (or ``":memory:"``) opens and migrates a SQLite store;
  ``open_store("postgresql://user@host/db")`` a PostgreSQL + PostGIS one (needs psycopg 3).
- ``store.save(doc)`` writes a whole document or nothing, and returns False when it was stored before.
- ``save`` also merges the document's events into incidents (one incident, many reports: :mod:`frontlines.dedup`)
  in the same transaction; ``store.incidents()`` reads them (:mod:`frontlines.store.incidents`);
- ``store.list_events(EventFilter(country="Sudan", since="2024-01-01", limit=50))`` reads events back as dicts;
  ``EventFilter(bbox=(lon1, lat1, lon2, lat2))``, ``near=(lon, lat, km)`` and ``text="words"`` search by place/words.
"""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import ConfigError
from frontlines.store.base import DocumentFilter, EventFilter, Store
from frontlines.store.sqlite import SQLiteStore

__all__ = ["DEFAULT_DB", "DocumentFilter", "EventFilter", "SQLiteStore", "Store", "open_store"]
# PostgresStore lives in frontlines.store.postgres (imported on demand: psycopg is optional).

DEFAULT_DB = "frontlines.db"

_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def open_store(db: str | Path = DEFAULT_DB) -> Store:
    """Open (creating and migrating if needed) the store at a path, ``sqlite:///path``, ``:memory:`` or a
    ``postgresql://`` URL (``postgres://`` and ``postgresql+psycopg://`` are accepted too)."""
    target = str(db).strip() or DEFAULT_DB
    if target.lower().startswith(_POSTGRES_SCHEMES):
        from frontlines.store.postgres import PostgresStore  # psycopg is only needed for PostgreSQL

        return PostgresStore("postgresql://" + target.split("://", 1)[1])
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///") or DEFAULT_DB
    elif "://" in target:
        scheme = target.split("://", 1)[0]
        raise ConfigError(f"unsupported database URL scheme {scheme!r}; use a SQLite file path or a postgresql:// URL")
    return SQLiteStore(target)
