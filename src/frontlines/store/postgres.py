"""The PostgreSQL + PostGIS store (team use): the same records and semantics as :class:`.SQLiteStore`.

One connection per store (guarded by a lock, so threads may share a store); each document is written in one
transaction, so readers see a document with all its events or not at all. ``save`` is idempotent on ``doc_id`` even
between concurrent writers: ``INSERT ... ON CONFLICT DO NOTHING`` makes the later writer wait for the first and then
return False. Shared rows (actors, places) are written in key order, so concurrent writers cannot deadlock on them.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from frontlines.errors import ConfigError, StoreError
from frontlines.model import Actor, Document, Event
from frontlines.serialize import document_to_dict, event_to_dict
from frontlines.store import rows
from frontlines.store.base import DocumentFilter, EventFilter, bbox_parts, text_terms
from frontlines.store.incidents import INSERT_FINGERPRINT, INSERT_PENDING, PostgresDb, StoreIncidents, pending_rows
from frontlines.store.migrate_pg import migrate
from frontlines.store.reads import SharedReads, document_record
from frontlines.store.sqlite import utc_now

try:
    import psycopg
except ImportError:  # pragma: no cover - depends on the installation
    psycopg = None  # type: ignore[assignment]


def _insert(table: str, columns: str, conflict: str = "") -> str:
    count = columns.count(",") + 1
    return f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * count)}){conflict}"


log = logging.getLogger(__name__)

_INSERT_DOCUMENT = _insert(
    "documents",
    "doc_id, external_id, url, source_path, title, published, language, text, discard_reason, discard_detail,"
    " processed_at, json",
    " ON CONFLICT (doc_id) DO NOTHING RETURNING id",
)
_EVENT_COLUMNS = (
    "event_id, doc_id, seq, event_date, event_date_end, time_precision, disorder_type, event_type, sub_event_type,"
    " actor1, actor1_id, actor2, actor2_id, interaction, country, country_code, admin1, admin2, location, latitude,"
    " longitude, geo_precision, geonameid, fatalities, wounded, confidence, json, " + ", ".join(rows.EVENT_COLUMNS_0002)
)
_INSERT_EVENT = _insert("events", _EVENT_COLUMNS)
_INSERT_ACTOR = _insert("actors", "id, name, kind, country, parent", " ON CONFLICT DO NOTHING")
_INSERT_EVENT_ACTOR = _insert("event_actors", "event_id, actor_id, role", " ON CONFLICT DO NOTHING")
_INSERT_EVIDENCE = _insert("evidence", 'event_id, field, "start", "end", text')
_INSERT_PLACE = _insert("places", "geonameid, name, lat, lon, country, admin1, admin2", " ON CONFLICT DO NOTHING")
_INSERT_DOC_PLACE = _insert("doc_places", 'doc_id, "start", "end", geonameid, score')
_INSERT_QUOTE = _insert("quotes", 'doc_id, seq, speaker, role, text, "start", "end"')
_INSERT_CLAIM = _insert("claims", 'doc_id, seq, source, text, modality, cue, "start", "end"')

_ACTOR_MATCH = (
    "EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.event_id"
    " AND (a.name ILIKE %s ESCAPE '\\' OR a.id ILIKE %s ESCAPE '\\'))"
)
# The index prefilter (&& on the geometry GiST index) and the exact test on the columns, as SQLite does.
_BOX = (
    "(e.geog::geometry && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
    " AND e.longitude BETWEEN %s AND %s AND e.latitude BETWEEN %s AND %s)"
)
# use_spheroid false: the sphere of base.EARTH_RADIUS_KM, the same distance as the SQLite haversine.
_NEAR = "ST_DWithin(e.geog, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s, false)"
_TEXT = "e.doc_id IN (SELECT doc_id FROM documents WHERE tsv @@ to_tsquery('simple', %s))"
_PROCESSED_SINCE = "e.doc_id IN (SELECT doc_id FROM documents WHERE processed_at >= %s)"
# ORDER BY per EventFilter.sort: each ends in e.id (storage order) and is an index of migrations_pg/0004.
# (PostgreSQL puts NULL last in ascending order already.)
_ORDERS = {
    "event_date": "e.event_date, e.id",
    "-event_date": "e.event_date DESC NULLS LAST, e.id",
    "fatalities": "e.fatalities, e.event_date, e.id",
    "-fatalities": "e.fatalities DESC NULLS LAST, e.event_date, e.id",
}
_DOCUMENT_QUERY = (
    "(tsv @@ websearch_to_tsquery('simple', %s) OR to_tsvector('simple', title) @@ websearch_to_tsquery('simple', %s))"
)


def _one_line(exc: BaseException) -> str:
    """psycopg's messages span lines (server detail, hints); errors are shown on one line."""
    return " ".join(str(exc).split())


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def tsquery_terms(text: str) -> str | None:
    """A ``to_tsquery`` text for :func:`~frontlines.store.base.text_terms` (every word); None without words."""
    terms = [f"'{word}'" + (":*" if prefix else "") for word, prefix in text_terms(text)]
    return " & ".join(terms) if terms else None


def _place_where(filters: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.bbox is not None:
        parts = bbox_parts(filters.bbox)
        clauses.append("(" + " OR ".join([_BOX] * len(parts)) + ")")
        params += [v for (w, s, e, n) in parts for v in (w, s, e, n, w, e, s, n)]
    if filters.near is not None:
        lon, lat, km = (float(v) for v in filters.near)
        clauses.append(_NEAR)
        params += [lon, lat, km * 1000.0]
    query = tsquery_terms(filters.text) if filters.text else None
    if query:
        clauses.append(_TEXT)
        params.append(query)
    return clauses, params


def _event_where(filters: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters for a filter (column names are fixed, values are parameters)."""
    clauses: list[str] = []
    params: list[Any] = []
    simple = (
        ("e.event_date >= %s", filters.since),
        ("e.event_date <= %s", filters.until),
        ("lower(e.event_type) = lower(%s)", filters.event_type),
        ("lower(e.sub_event_type) = lower(%s)", filters.sub_event_type),
        ("e.doc_id = %s", filters.doc_id),
        (_PROCESSED_SINCE, filters.processed_since),
    )
    for clause, value in simple:
        if value:
            clauses.append(clause)
            params.append(value)
    if filters.country:
        clauses.append("(lower(e.country) = lower(%s) OR lower(e.country_code) = lower(%s))")
        params += [filters.country, filters.country]
    if filters.admin1:
        clauses.append("lower(e.admin1) = lower(%s)")
        params.append(filters.admin1)
    if filters.min_fatalities is not None:
        clauses.append("e.fatalities >= %s")
        params.append(filters.min_fatalities)
    if filters.actor:
        clauses.append(_ACTOR_MATCH)
        params += [_like(filters.actor), _like(filters.actor)]
    place_clauses, place_params = _place_where(filters)
    clauses += place_clauses
    params += place_params
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _document_where(filters: DocumentFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.discarded is not None:
        clauses.append("discard_reason IS NOT NULL" if filters.discarded else "discard_reason IS NULL")
    if filters.query:
        clauses.append(_DOCUMENT_QUERY)
        params += [filters.query, filters.query]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _doc_actors(events: list[Event]) -> list[Actor]:
    """Every actor of the document once, in id order (the lock order for concurrent writers)."""
    found = {actor.id: actor for event in events for _, actor in rows.event_actors(event)}
    return [found[key] for key in sorted(found)]


class _AlreadyStored(Exception):
    """Raised inside the save transaction to roll it back when the document is there already."""


class PostgresStore(SharedReads):
    """A :class:`~frontlines.store.base.Store` in a PostgreSQL database with PostGIS, e.g.
    ``PostgresStore("postgresql://user@host/frontlines")``; migrated on open."""

    PLACEHOLDER = "%s"

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        if psycopg is None:
            raise ConfigError('PostgreSQL support needs psycopg 3: pip install "psycopg[binary]"')
        self.url = url
        self._lock = threading.RLock()
        self._incidents: StoreIncidents | None = None
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {_one_line(exc)}") from exc
        try:
            migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, doc: Document) -> bool:
        """Write the whole document (events, places, quotes, claims) in one transaction; False if already stored."""
        record = document_to_dict(doc)
        unique = rows.unique_events(doc)
        events = [(event, event_to_dict(event, doc)) for event in unique]
        fp_row, pending = pending_rows(doc, unique)
        try:
            with self._lock, self._conn.transaction(), self._conn.cursor() as cur:
                cur.execute(_INSERT_DOCUMENT, rows.document_row(record, utc_now()))
                if cur.fetchone() is None:
                    raise _AlreadyStored
                with self._conn.pipeline():  # the rest without waiting for each answer: one round trip
                    self._insert_document(cur, doc, unique)
                    self._insert_events(cur, events)
                    if fp_row is not None:
                        cur.execute(INSERT_FINGERPRINT.replace("?", "%s"), fp_row)
                        cur.executemany(INSERT_PENDING.replace("?", "%s"), pending)
                if fp_row is not None:
                    self._merge_incidents()
        except _AlreadyStored:
            return False
        except psycopg.Error as exc:
            raise StoreError(f"cannot store document {record['doc_id']}: {_one_line(exc)}") from exc
        return True

    def incidents(self) -> StoreIncidents:
        """The store's incidents (merging and summaries), one object per connection."""
        if self._incidents is None:
            self._incidents = StoreIncidents(PostgresDb(self._conn, self._lock))
        return self._incidents

    def merge_pending(self) -> int:
        """Merge events a failed or interrupted merge left pending, in a transaction of their own."""
        with self._lock, self._conn.transaction():
            return self.incidents().merge_pending()

    def _merge_incidents(self) -> None:
        """Merge the pending events inside the document's transaction (under the advisory merge lock); a failure
        leaves them pending, never the document unstored (the next save retries)."""
        incidents = self.incidents()
        try:
            with incidents.db.savepoint():
                incidents.merge_pending()
        except Exception as exc:  # one bad merge never stops a batch
            log.warning("incident merging failed, events left pending: %s: %s", type(exc).__name__, exc, exc_info=True)

    def _insert_document(self, cur: psycopg.Cursor, doc: Document, events: list[Event]) -> None:
        """The document's rows besides its events; shared rows first, in key order."""
        cur.executemany(_INSERT_ACTOR, [rows.actor_row(actor) for actor in _doc_actors(events)])
        places: list[rows.Row] = sorted(rows.place_rows(doc), key=lambda row: row[0])
        cur.executemany(_INSERT_PLACE, places)
        cur.executemany(_INSERT_DOC_PLACE, rows.doc_place_rows(doc))
        cur.executemany(_INSERT_QUOTE, rows.quote_rows(doc))
        cur.executemany(_INSERT_CLAIM, rows.claim_rows(doc))

    def _insert_events(self, cur: psycopg.Cursor, events: list[tuple[Event, dict[str, Any]]]) -> None:
        """All events of the document, with their actors and evidence: three batches (pipelined round trips)."""
        cur.executemany(_INSERT_EVENT, [rows.event_row(record, seq) for seq, (_, record) in enumerate(events)])
        links = [(event.event_id, actor.id, role) for event, _ in events for role, actor in rows.event_actors(event)]
        cur.executemany(_INSERT_EVENT_ACTOR, links)
        cur.executemany(_INSERT_EVIDENCE, [row for _, record in events for row in rows.evidence_rows(record)])

    def _query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._conn.execute(sql, params or None).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"database query failed: {_one_line(exc)}") from exc

    def list_events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching ``filters`` in the order of ``filters.sort`` (see :class:`EventFilter`).

        Two steps, as in SQLite: the page's ids in order, then the JSON of just those rows."""
        filters = filters or EventFilter()
        where, params = _event_where(filters)
        sql = f"SELECT e.id FROM events e{where} ORDER BY {_ORDERS[filters.sort]} LIMIT %s OFFSET %s"
        page = [row[0] for row in self._query(sql, [*params, filters.limit, filters.offset])]
        if not page:
            return []
        found = dict(self._query("SELECT id, json FROM events WHERE id = ANY(%s)", (page,)))
        return [json.loads(found[event_id]) for event_id in page]

    def list_documents(self, filters: DocumentFilter | None = None) -> list[dict[str, Any]]:
        """Documents matching ``filters`` in the order they were stored; ``query`` is web-search syntax."""
        filters = filters or DocumentFilter()
        where, params = _document_where(filters)
        sql = "SELECT json, text FROM documents" + where + " ORDER BY id LIMIT %s OFFSET %s"
        return [document_record(*row) for row in self._query(sql, [*params, filters.limit, filters.offset])]

    def discard_counts(self) -> dict[str, int]:
        sql = (
            "SELECT discard_reason, count(*) FROM documents WHERE discard_reason IS NOT NULL"
            ' GROUP BY discard_reason ORDER BY discard_reason COLLATE "C"'
        )
        return {reason: int(count) for reason, count in self._query(sql)}

    def close(self) -> None:
        with self._lock:
            self._conn.close()
