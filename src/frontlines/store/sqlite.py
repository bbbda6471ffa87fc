"""The SQLite store: one file (or ``:memory:``), WAL mode, migrated on open, one transaction per document."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from frontlines.errors import StoreError
from frontlines.model import Document, Event
from frontlines.serialize import document_to_dict, event_to_dict
from frontlines.store import rows
from frontlines.store.base import (
    DocumentFilter,
    EventFilter,
    bbox_parts,
    haversine_km,
    near_box,
    text_terms,
)
from frontlines.store.incidents import INSERT_FINGERPRINT, INSERT_PENDING, SQLiteDb, StoreIncidents, pending_rows
from frontlines.store.migrate import migrate
from frontlines.store.reads import SharedReads, document_record

log = logging.getLogger(__name__)

_INSERT_DOCUMENT = (
    "INSERT INTO documents (doc_id, external_id, url, source_path, title, published, language, text,"
    " discard_reason, discard_detail, processed_at, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_FTS = "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)"
_EVENT_COLUMNS = (
    "event_id, doc_id, seq, event_date, event_date_end, time_precision, disorder_type, event_type, sub_event_type,"
    " actor1, actor1_id, actor2, actor2_id, interaction, country, country_code, admin1, admin2, location, latitude,"
    " longitude, geo_precision, geonameid, fatalities, wounded, confidence, json, " + ", ".join(rows.EVENT_COLUMNS_0002)
)
_INSERT_EVENT = f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({', '.join(['?'] * (_EVENT_COLUMNS.count(',') + 1))})"
_INSERT_ACTOR = "INSERT INTO actors (id, name, kind, country, parent) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
_INSERT_EVENT_ACTOR = "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)"
_INSERT_EVIDENCE = 'INSERT INTO evidence (event_id, field, "start", "end", text) VALUES (?, ?, ?, ?, ?)'
_INSERT_PLACE = (
    "INSERT INTO places (geonameid, name, lat, lon, country, admin1, admin2) VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT DO NOTHING"
)
_INSERT_DOC_PLACE = 'INSERT INTO doc_places (doc_id, "start", "end", geonameid, score) VALUES (?, ?, ?, ?, ?)'
_INSERT_QUOTE = 'INSERT INTO quotes (doc_id, seq, speaker, role, text, "start", "end") VALUES (?, ?, ?, ?, ?, ?, ?)'
_INSERT_CLAIM = (
    'INSERT INTO claims (doc_id, seq, source, text, modality, cue, "start", "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
)
_ACTOR_MATCH = (
    "EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.event_id"
    " AND (a.name LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\'))"
)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_IN_BOXES = "e.event_id IN (SELECT event_id FROM event_points WHERE {boxes})"
_RTREE_BOX = "(max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)"
_EXACT_BOX = "(e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?)"
_NEAR = "fl_haversine_km(e.longitude, e.latitude, ?, ?) <= ?"
_TEXT = (
    "e.doc_id IN (SELECT doc_id FROM documents WHERE rowid IN"
    " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))"
)
# For a word matching many documents: walk the event order and look each event's document up in the matches
# (reading 20,000 matching document rows to list their doc_ids took ~550 ms at 100,000 events, this ~12 ms).
_TEXT_WIDE = (
    "(SELECT d.rowid FROM documents d WHERE d.doc_id = e.doc_id) IN"
    " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
)
_COUNT_TEXT = "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)"
_PROCESSED_SINCE = "e.doc_id IN (SELECT doc_id FROM documents WHERE processed_at >= ?)"
_COUNT_BOXES = "SELECT count(*) FROM (SELECT 1 FROM event_points WHERE {boxes} LIMIT ?)"

# A box with more R*Tree candidates than this is tested on the event's columns only: walking the date index and
# checking each row then finds a page sooner than fetching and sorting every candidate (measured at 100,000 events:
# 12,800 candidates took ~270 ms through the R*Tree, 11 ms by the date index).
RTREE_MAX_CANDIDATES = 2000
# A text filter matching more documents than this uses _TEXT_WIDE.
TEXT_MAX_DOCUMENTS = 2000

# ORDER BY per EventFilter.sort; each ends in e.rowid (storage order) and is the order of an index of 0005.
_ORDERS = {
    "event_date": "(e.event_date IS NULL), e.event_date, e.rowid",
    "-event_date": "e.event_date DESC, e.rowid",
    "fatalities": "(e.fatalities IS NULL), e.fatalities, (e.event_date IS NULL), e.event_date, e.rowid",
    "-fatalities": "e.fatalities DESC, (e.event_date IS NULL), e.event_date, e.rowid",
}
# With since/until no undated event matches: this order (and the WHERE term below) let SQLite walk the
# events_date_order index over the date range and stop after the page.
_DATED_ORDER = "e.event_date, e.rowid"
_DATED = "(e.event_date IS NULL) = 0"


def _sql_haversine_km(lon1: float | None, lat1: float | None, lon2: float, lat2: float) -> float | None:
    """:func:`haversine_km` as an SQL function: NULL for an event without coordinates."""
    if lon1 is None or lat1 is None:
        return None
    return haversine_km(lon1, lat1, lon2, lat2)


def _sql_casefold(text: str | None) -> str | None:
    return None if text is None else text.casefold()


def _box_params(parts: list[tuple[float, float, float, float]]) -> list[Any]:
    return [v for (w, s, e, n) in parts for v in (w, e, s, n)]


def _boxes(parts: list[tuple[float, float, float, float]], *, rtree: bool, exact: bool) -> tuple[str, list[Any]]:
    """With ``rtree`` an R*Tree prefilter for the boxes, with ``exact`` the exact test on the event's columns."""
    clauses: list[str] = []
    params: list[Any] = []
    if rtree:
        clauses.append(_IN_BOXES.format(boxes=" OR ".join([_RTREE_BOX] * len(parts))))
        params += _box_params(parts)
    if exact:
        clauses.append("(" + " OR ".join([_EXACT_BOX] * len(parts)) + ")")
        params += _box_params(parts)
    return " AND ".join(clauses), params


def fts_terms(text: str, column: str = "text") -> str | None:
    """An FTS5 query for :func:`~frontlines.store.base.text_terms` limited to one column; None without words."""
    terms = [f'"{word}"' + ("*" if prefix else "") for word, prefix in text_terms(text)]
    return "{" + column + "} : (" + " AND ".join(terms) + ")" if terms else None


# Whether the R*Tree holds at most RTREE_MAX_CANDIDATES points in the boxes (given as bbox_parts).
SmallBoxes = Callable[[list[tuple[float, float, float, float]]], bool]
# Whether an FTS5 query matches at most TEXT_MAX_DOCUMENTS documents.
FewDocuments = Callable[[str], bool]


def _place_where(
    filters: EventFilter, small: SmallBoxes | None, few: FewDocuments | None
) -> tuple[list[str], list[Any]]:
    """Place and word clauses; ``small`` decides per box whether the R*Tree prefilters, ``few`` whether the word
    matches are listed first (None: always)."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.bbox is not None:
        parts = bbox_parts(filters.bbox)
        clause, values = _boxes(parts, rtree=small is None or small(parts), exact=True)
        clauses.append(clause)
        params += values
    if filters.near is not None:
        parts = near_box(filters.near)
        clause, values = _boxes(parts, rtree=small is None or small(parts), exact=True)
        lon, lat, km = filters.near
        clauses += [clause, _NEAR]
        params += [*values, float(lon), float(lat), float(km)]
    query = fts_terms(filters.text) if filters.text else None
    if query:
        clauses.append(_TEXT if few is None or few(query) else _TEXT_WIDE)
        params.append(query)
    return clauses, params


def _admin1_where(admin1: str) -> tuple[str, str]:
    """Exact, case-insensitive: NOCASE (indexed) folds ASCII only, so other names compare casefolded."""
    if admin1.isascii():
        return "e.admin1 = ? COLLATE NOCASE", admin1
    return "fl_casefold(e.admin1) = ?", admin1.casefold()


def _event_where(
    filters: EventFilter, small: SmallBoxes | None = None, few: FewDocuments | None = None
) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters for a filter (column names are fixed, values are parameters)."""
    clauses: list[str] = []
    params: list[Any] = []
    simple = (
        ("e.event_date >= ?", filters.since),
        ("e.event_date <= ?", filters.until),
        ("e.event_type = ? COLLATE NOCASE", filters.event_type),
        ("e.sub_event_type = ? COLLATE NOCASE", filters.sub_event_type),
        ("e.doc_id = ?", filters.doc_id),
        (_PROCESSED_SINCE, filters.processed_since),
    )
    for clause, value in simple:
        if value:
            clauses.append(clause)
            params.append(value)
    if (filters.since or filters.until) and filters.sort == "event_date":
        clauses.append(_DATED)
    if filters.country:
        clauses.append("(e.country = ? COLLATE NOCASE OR e.country_code = ? COLLATE NOCASE)")
        params += [filters.country, filters.country]
    if filters.admin1:
        clause, value = _admin1_where(filters.admin1)
        clauses.append(clause)
        params.append(value)
    if filters.min_fatalities is not None:
        clauses.append("e.fatalities >= ?")
        params.append(filters.min_fatalities)
    if filters.actor:
        clauses.append(_ACTOR_MATCH)
        params += [_like(filters.actor), _like(filters.actor)]
    place_clauses, place_params = _place_where(filters, small, few)
    clauses += place_clauses
    params += place_params
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order_by(filters: EventFilter) -> str:
    if filters.sort == "event_date" and (filters.since or filters.until):
        return _DATED_ORDER
    return _ORDERS[filters.sort]


def _document_where(filters: DocumentFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.discarded is not None:
        clauses.append("discard_reason IS NOT NULL" if filters.discarded else "discard_reason IS NULL")
    if filters.query:
        clauses.append("rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(filters.query)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class SQLiteStore(SharedReads):
    """A :class:`~frontlines.store.base.Store` in one SQLite file; ``":memory:"`` keeps it in memory (tests)."""

    def __init__(self, path: str | Path = "frontlines.db") -> None:
        self.path = str(path)
        self._incidents: StoreIncidents | None = None
        if self.path != ":memory:" and not Path(self.path).resolve().parent.is_dir():
            raise StoreError(f"cannot open database {self.path}: its folder does not exist")
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"cannot use {self.path} as a frontlines database: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    def _setup(self) -> None:
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.create_function("fl_haversine_km", 4, _sql_haversine_km, deterministic=True)
        self._conn.create_function("fl_casefold", 1, _sql_casefold, deterministic=True)
        migrate(self._conn)

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def save(self, doc: Document) -> bool:
        """Write the whole document (events, places, quotes, claims) in one transaction; False if already stored."""
        record = document_to_dict(doc)
        unique = rows.unique_events(doc)
        events = [(event, event_to_dict(event, doc)) for event in unique]
        fp_row, pending = pending_rows(doc, unique)
        try:
            with self._transaction() as conn:
                if conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (record["doc_id"],)).fetchone():
                    return False
                self._insert_document(conn, doc, record)
                for seq, (event, event_record) in enumerate(events):
                    self._insert_event(conn, event, event_record, seq)
                if fp_row is not None:
                    conn.execute(INSERT_FINGERPRINT, fp_row)
                    conn.executemany(INSERT_PENDING, pending)
                    self._merge_incidents()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store document {record['doc_id']}: {exc}") from exc
        return True

    def incidents(self) -> StoreIncidents:
        """The store's incidents (merging and summaries), one object per connection."""
        if self._incidents is None:
            self._incidents = StoreIncidents(SQLiteDb(self._conn))
        return self._incidents

    def merge_pending(self) -> int:
        """Merge events a failed or interrupted merge left pending, in a transaction of their own."""
        with self._transaction():
            return self.incidents().merge_pending()

    def _merge_incidents(self) -> None:
        """Merge the pending events inside the document's transaction; a failure leaves them pending, never the
        document unstored (the next save retries)."""
        incidents = self.incidents()
        try:
            with incidents.db.savepoint():
                incidents.merge_pending()
        except Exception as exc:  # one bad merge never stops a batch
            log.warning("incident merging failed, events left pending: %s: %s", type(exc).__name__, exc, exc_info=True)

    def _insert_document(self, conn: sqlite3.Connection, doc: Document, record: dict[str, Any]) -> None:
        cursor = conn.execute(_INSERT_DOCUMENT, rows.document_row(record, utc_now()))
        conn.execute(_INSERT_FTS, (cursor.lastrowid, record["title"], record["text"]))
        conn.executemany(_INSERT_PLACE, rows.place_rows(doc))
        conn.executemany(_INSERT_DOC_PLACE, rows.doc_place_rows(doc))
        conn.executemany(_INSERT_QUOTE, rows.quote_rows(doc))
        conn.executemany(_INSERT_CLAIM, rows.claim_rows(doc))

    def _insert_event(self, conn: sqlite3.Connection, event: Event, record: dict[str, Any], seq: int) -> None:
        conn.execute(_INSERT_EVENT, rows.event_row(record, seq))
        pairs = rows.event_actors(event)
        conn.executemany(_INSERT_ACTOR, [rows.actor_row(actor) for _, actor in pairs])
        conn.executemany(_INSERT_EVENT_ACTOR, [(event.event_id, actor.id, role) for role, actor in pairs])
        conn.executemany(_INSERT_EVIDENCE, rows.evidence_rows(record))

    def _query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"database query failed: {exc}") from exc

    def list_events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching ``filters`` in the order of ``filters.sort`` (see :class:`EventFilter`).

        Two steps: the page's rowids in order (from the indexes and columns only), then the JSON of just those
        rows, so neither sorting nor a deep ``offset`` drags every matching record along."""
        filters = filters or EventFilter()
        where, params = _event_where(filters, self._small_boxes, self._few_documents)
        limit = -1 if filters.limit is None else filters.limit
        sql = f"SELECT e.rowid FROM events e{where} ORDER BY {_order_by(filters)} LIMIT ? OFFSET ?"
        page = [row[0] for row in self._query(sql, [*params, limit, filters.offset])]
        return [json.loads(text) for text in self._json_of(page)]

    def _json_of(self, rowids: list[int]) -> list[str]:
        """The events' JSON in the order of ``rowids`` (fetched in chunks under SQLite's parameter limit)."""
        found: dict[int, str] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(self._query(f"SELECT rowid, json FROM events WHERE rowid IN ({marks})", chunk))
        return [found[rowid] for rowid in rowids]

    def _few_documents(self, query: str) -> bool:
        """True when the FTS5 query matches at most :data:`TEXT_MAX_DOCUMENTS` documents (a bounded count)."""
        count = self._query(_COUNT_TEXT, [query, TEXT_MAX_DOCUMENTS + 1])[0][0]
        return int(count) <= TEXT_MAX_DOCUMENTS

    def _small_boxes(self, parts: list[tuple[float, float, float, float]]) -> bool:
        """True when the R*Tree has at most :data:`RTREE_MAX_CANDIDATES` points in the boxes (a bounded count)."""
        sql = _COUNT_BOXES.format(boxes=" OR ".join([_RTREE_BOX] * len(parts)))
        count = self._query(sql, [*_box_params(parts), RTREE_MAX_CANDIDATES + 1])[0][0]
        return int(count) <= RTREE_MAX_CANDIDATES

    def list_documents(self, filters: DocumentFilter | None = None) -> list[dict[str, Any]]:
        """Documents matching ``filters`` in the order they were stored."""
        filters = filters or DocumentFilter()
        where, params = _document_where(filters)
        limit = -1 if filters.limit is None else filters.limit
        sql = "SELECT json, text FROM documents" + where + " ORDER BY rowid LIMIT ? OFFSET ?"
        return [document_record(*row) for row in self._query(sql, [*params, limit, filters.offset])]

    def discard_counts(self) -> dict[str, int]:
        sql = "SELECT discard_reason, count(*) FROM documents WHERE discard_reason IS NOT NULL GROUP BY 1 ORDER BY 1"
        return {reason: int(count) for reason, count in self._query(sql)}

    def close(self) -> None:
        self._conn.close()
