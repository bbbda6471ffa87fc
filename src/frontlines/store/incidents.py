"""Incidents in the store: the tables of migration 0006 (SQLite) / 0005 (PostgreSQL) behind the dedup protocols.

- ``save(doc)`` writes, in the document's transaction, its fingerprint row (``doc_fingerprints``) and one pending
  row per event (``incident_events`` with ``incident_id`` NULL): :func:`pending_rows`;
- then, still in that transaction (inside a savepoint), :meth:`StoreIncidents.merge_pending` puts every pending
  event into its incident with :class:`~frontlines.dedup.IncidentMerger` over :class:`StoreIncidentRepository`.
  A merge that fails rolls back to the savepoint: the document is stored and its events stay pending, merged by
  the next save (or an explicit ``merge_pending()``). A run stopped mid-way leaves no half-merged incident;
- each touched incident's summary (:meth:`~frontlines.dedup.Incident.to_dict` as JSON) is recomputed before the
  transaction commits; readers (the API) read summaries only;
- PostgreSQL: the merge takes ``pg_advisory_xact_lock(MERGE_LOCK)`` so two runs cannot open two incidents for one
  event; each merge first loads the fingerprints other runs merged since (``merged_seq``).

SQL here is written with ``?`` placeholders; :class:`PostgresDb` turns them into ``%s``.
"""

from __future__ import annotations

import json
import logging
import pickle
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Protocol

from frontlines.dedup.fingerprint import Fingerprint
from frontlines.dedup.incident import DocMeta, Member, summarize
from frontlines.dedup.match import effective_date
from frontlines.dedup.merger import DuplicateFinder, IncidentMerger
from frontlines.dedup.repository import IncidentRecord, Window, incident_id_for
from frontlines.model import Document, Event
from frontlines.store.base import near_box

log = logging.getLogger(__name__)

# The advisory lock key a PostgreSQL merge holds (any constant shared by every frontlines run on a database).
MERGE_LOCK = 7_146_012_337
# Unpickled members kept per store (an event read again by the next candidate lookup is not unpickled again).
MEMBER_CACHE = 20_000

Row = tuple[Any, ...]

INSERT_FINGERPRINT = (
    "INSERT INTO doc_fingerprints (doc_id, signature, shingles, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
INSERT_PENDING = (
    "INSERT INTO incident_events (event_id, doc_id, seq, date_start, date_end, lat, lon, member)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
_UPSERT_MEMBER = (
    "INSERT INTO incident_events (event_id, doc_id, seq, date_start, date_end, lat, lon, member, incident_id,"
    " origin_doc_id, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET"
    " incident_id = excluded.incident_id, origin_doc_id = excluded.origin_doc_id, score = excluded.score"
)
_MEMBERS_OF = (
    "SELECT incident_id, event_id, origin_doc_id, score, member FROM incident_events WHERE incident_id IN ({marks})"
    " ORDER BY incident_id, doc_id, seq"
)


class Db(Protocol):
    """The little a repository needs from a database connection."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def executemany(self, sql: str, rows: Sequence[Row]) -> None: ...

    def savepoint(self) -> AbstractContextManager[None]:
        """Inside an open transaction: undo everything done in the block when it raises."""
        ...

    def merge_lock(self) -> None:
        """Serialize merges across processes until the transaction ends (a no-op where one writer is the rule)."""
        ...


class SQLiteDb:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.conn.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Row]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        self.conn.execute("SAVEPOINT merge")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO merge")
            self.conn.execute("RELEASE merge")
            raise
        self.conn.execute("RELEASE merge")

    def merge_lock(self) -> None:
        """SQLite's BEGIN IMMEDIATE already makes the transaction the only writer."""


class PostgresDb:
    def __init__(self, conn: Any, lock: threading.RLock | None = None) -> None:
        self.conn = conn
        self.lock = lock

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self.lock or nullcontext():
            return list(self.conn.execute(sql.replace("?", "%s"), tuple(params) or None).fetchall())

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.lock or nullcontext():
            self.conn.execute(sql.replace("?", "%s"), tuple(params) or None)

    def executemany(self, sql: str, rows: Sequence[Row]) -> None:
        if rows:
            with self.lock or nullcontext(), self.conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        with self.conn.transaction():  # nested in the document's transaction: a savepoint
            yield

    def merge_lock(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (MERGE_LOCK,))


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _member_columns(event: Event, meta: DocMeta, seq: int) -> Row:
    """(event_id, doc_id, seq, date_start, date_end, lat, lon, member): what candidate lookup filters on."""
    dated = effective_date(event, meta.published)
    place = event.location.place if event.location is not None else None
    blob = pickle.dumps((event, replace(meta, fingerprint=None)), protocol=pickle.HIGHEST_PROTOCOL)
    return (
        event.event_id,
        meta.doc_id,
        seq,
        dated.start.isoformat() if dated is not None else None,
        dated.end.isoformat() if dated is not None else None,
        place.lat if place is not None else None,
        place.lon if place is not None else None,
        blob,
    )


def pending_rows(doc: Document, events: Sequence[Event]) -> tuple[Row | None, list[Row]]:
    """The document's fingerprint row and one pending row per event (none for a document without events)."""
    if not events or doc.discard is not None:
        return None, []
    meta = DocMeta.from_document(doc)  # computes the text's fingerprint
    fp = meta.fingerprint
    fp_row = (doc.doc_id, fp.to_bytes() if fp is not None else None, fp.shingles if fp is not None else 0, utc_now())
    return fp_row, [_member_columns(event, meta, seq) for seq, event in enumerate(events)]


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


class StoreIncidentRepository:
    """:class:`~frontlines.dedup.IncidentRepository` over the store's tables. Writes mark incidents dirty;
    :meth:`flush` rewrites their summaries (the merge calls it before its transaction commits)."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self._members: dict[str, Member] = {}
        self.dirty: set[str] = set()

    def _member(self, event_id: str, origin: str | None, score: float, blob: bytes) -> Member:
        cached = self._members.get(event_id)
        if cached is None or cached.origin_doc_id != origin or cached.score != score:
            event, meta = pickle.loads(blob)  # written by this store's save
            if len(self._members) >= MEMBER_CACHE:
                self._members.clear()
            cached = self._members[event_id] = Member(event, meta, origin or meta.doc_id, score)
        return cached

    def _records(self, ids: Sequence[str]) -> list[IncidentRecord]:
        found: dict[str, list[Member]] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            for incident_id, event_id, origin, score, blob in self.db.query(
                _MEMBERS_OF.format(marks=_marks(chunk)), chunk
            ):
                found[incident_id].append(self._member(event_id, origin, float(score), bytes(blob)))
        return [IncidentRecord(i, tuple(found[i])) for i in ids if found[i]]

    def candidates(self, event: Event, *, window: Window) -> list[IncidentRecord]:
        clauses: list[str] = ["incident_id IS NOT NULL"]
        params: list[Any] = []
        if window.start is not None and window.end is not None:
            clauses.append("(date_start IS NULL OR (date_start <= ? AND date_end >= ?))")
            params += [window.end.isoformat(), window.start.isoformat()]
        if window.lat is not None and window.lon is not None:
            parts = near_box((window.lon, window.lat, window.radius_km))
            boxes = " OR ".join(["(lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)"] * len(parts))
            clauses.append(f"(lat IS NULL OR {boxes})")
            params += [v for (w, s, e, n) in parts for v in (s, n, w, e)]
        sql = "SELECT DISTINCT incident_id FROM incident_events WHERE " + " AND ".join(clauses)
        return self._records(sorted(row[0] for row in self.db.query(sql, params)))

    def with_origin(self, origin_doc_id: str) -> list[IncidentRecord]:
        sql = "SELECT DISTINCT incident_id FROM incident_events WHERE origin_doc_id = ? AND incident_id IS NOT NULL"
        return self._records(sorted(row[0] for row in self.db.query(sql, (origin_doc_id,))))

    def _put(self, incident_id: str, member: Member) -> None:
        row = _member_columns(member.event, member.meta, 0)  # a member saved by save() keeps its seq
        self.db.execute(_UPSERT_MEMBER, (*row, incident_id, member.origin_doc_id, member.score))
        self._members[member.event.event_id] = member
        self.dirty.add(incident_id)

    def add_incident(self, member: Member) -> str:
        incident_id = incident_id_for(member)
        while self.db.query("SELECT 1 FROM incidents WHERE incident_id = ?", (incident_id,)):
            incident_id += "x"  # the same event added twice: a fresh id, never a silent merge
        created = self.db.query("SELECT coalesce(max(created), 0) + 1 FROM incidents")[0][0]
        self.db.execute(
            "INSERT INTO incidents (incident_id, created, sources_count, reports_count, summary)"
            " VALUES (?, ?, 0, 0, '{}')",
            (incident_id, created),
        )
        self._put(incident_id, member)
        return incident_id

    def attach_event(self, incident_id: str, member: Member) -> None:
        self._put(incident_id, member)

    def get(self, incident_id: str) -> IncidentRecord | None:
        found = self._records([incident_id])
        return found[0] if found else None

    def merge_incidents(self, keep_id: str, drop_id: str) -> None:
        if keep_id == drop_id:
            return
        self.db.execute("UPDATE incident_events SET incident_id = ? WHERE incident_id = ?", (keep_id, drop_id))
        self.db.execute("DELETE FROM incidents WHERE incident_id = ?", (drop_id,))
        self.dirty.discard(drop_id)
        self.dirty.add(keep_id)

    def incident_ids(self) -> list[str]:
        return [row[0] for row in self.db.query("SELECT incident_id FROM incidents ORDER BY created")]

    def flush(self) -> None:
        """Rewrite the cached summary of every incident touched since the last flush."""
        for record in self._records(sorted(self.dirty)):
            summary = summarize(record.incident_id, record.members).to_dict()
            self.db.execute(
                "UPDATE incidents SET first_report = ?, last_report = ?, date_start = ?, sources_count = ?,"
                " reports_count = ?, summary = ? WHERE incident_id = ?",
                (
                    summary["first_report"],
                    summary["last_report"],
                    summary["date_start"],
                    summary["sources_count"],
                    summary["reports_count"],
                    json.dumps(summary, ensure_ascii=False),
                    record.incident_id,
                ),
            )
        self.dirty.clear()

    def forget(self) -> None:
        """Drop what this object holds in memory (after a rollback)."""
        self._members.clear()
        self.dirty.clear()


class StoreIncidents:
    """A store's incidents: merging of pending events and reading summaries. One per store connection."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.repository = StoreIncidentRepository(db)
        self._finder: DuplicateFinder | None = None
        self._finder_seq = 0

    def _duplicates(self) -> DuplicateFinder:
        """The near-duplicate finder, brought up to date with documents merged since (by any run)."""
        if self._finder is None:
            self._finder, self._finder_seq = DuplicateFinder(), 0
        rows = self.db.query(
            "SELECT merged_seq, doc_id, origin_doc_id, signature, shingles FROM doc_fingerprints"
            " WHERE merged_seq > ? ORDER BY merged_seq",
            (self._finder_seq,),
        )
        self._finder.load(
            (doc_id, origin, Fingerprint.from_bytes(bytes(sig), shingles=int(n)) if sig is not None else None)
            for _, doc_id, origin, sig, n in rows
        )
        if rows:
            self._finder_seq = int(rows[-1][0])
        return self._finder

    def merge_pending(self) -> int:
        """Merge every pending document's events (in the caller's transaction); the number of events merged.
        On an error the caller's savepoint undoes it all, and this object's memory is reset."""
        try:
            return self._merge_pending()
        except BaseException:
            self._finder = None
            self.repository.forget()
            raise

    def _merge_pending(self) -> int:
        self.db.merge_lock()
        pending = self.db.query(
            "SELECT doc_id, signature, shingles FROM doc_fingerprints WHERE merged_seq IS NULL"
            " ORDER BY saved_at, doc_id"
        )
        if not pending:
            return 0
        merger = IncidentMerger(self.repository, duplicates=self._duplicates())
        merged = 0
        for doc_id, sig, shingles in pending:
            fp = Fingerprint.from_bytes(bytes(sig), shingles=int(shingles)) if sig is not None else None
            merged += self._merge_document(merger, doc_id, fp)
        self.repository.flush()
        return merged

    def _merge_document(self, merger: IncidentMerger, doc_id: str, fp: Fingerprint | None) -> int:
        rows = self.db.query(
            "SELECT member FROM incident_events WHERE doc_id = ? AND incident_id IS NULL ORDER BY seq", (doc_id,)
        )
        for (blob,) in rows:
            event, meta = pickle.loads(bytes(blob))  # written by this store's save
            merger.add(event, replace(meta, fingerprint=fp))
        origin = merger.duplicates.origin_of(DocMeta(doc_id=doc_id, fingerprint=fp))
        seq = self.db.query("SELECT coalesce(max(merged_seq), 0) + 1 FROM doc_fingerprints")[0][0]
        self.db.execute(
            "UPDATE doc_fingerprints SET origin_doc_id = ?, merged_seq = ? WHERE doc_id = ?", (origin, seq, doc_id)
        )
        self._finder_seq = int(seq)  # under the merge lock: the finder saw every earlier row
        return len(rows)

    # Reading (the API).

    def incident_ids_of(self, event_ids: Sequence[str]) -> dict[str, str]:
        """event_id -> incident_id for the merged ones among ``event_ids``."""
        found: dict[str, str] = {}
        for start in range(0, len(event_ids), 500):
            chunk = list(event_ids[start : start + 500])
            sql = (
                "SELECT event_id, incident_id FROM incident_events"
                f" WHERE incident_id IS NOT NULL AND event_id IN ({_marks(chunk)})"
            )
            found.update((e, i) for e, i in self.db.query(sql, chunk))
        return found

    def summaries(self, incident_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The cached summaries of these incidents, in the given order (unknown ids left out)."""
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(incident_ids), 500):
            chunk = list(incident_ids[start : start + 500])
            sql = f"SELECT incident_id, summary FROM incidents WHERE incident_id IN ({_marks(chunk)})"
            found.update((i, json.loads(s)) for i, s in self.db.query(sql, chunk))
        return [found[i] for i in incident_ids if i in found]

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Summaries in the order incidents were opened."""
        rows = self.db.query(
            "SELECT summary FROM incidents ORDER BY created LIMIT ? OFFSET ?",
            (2**62 if limit is None else limit, offset),
        )
        return [json.loads(s) for (s,) in rows]

    def count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM incidents")[0][0])

    def pending_count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM incident_events WHERE incident_id IS NULL")[0][0])
