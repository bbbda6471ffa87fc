"""The stores, SQLite and PostgreSQL alike: round trips, idempotent, concurrent and atomic saves, readers during
writes, migrations, filters (incl. bbox/near/text); then SQLite-only details and the store URL opener.

The PostgreSQL runs use a throwaway cluster (tests/pg_cluster.py) and are skipped, with the reason, without one.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures_store import (
    ARMY,
    CAPITAL,
    MILITIA,
    PROTESTERS,
    TOWN,
    clash_document,
    discarded_document,
    protest_document,
    undated_document,
)
from frontlines.errors import ConfigError, MigrationError, StoreError
from frontlines.model import DateRange, Document, Event, Place, PlaceMention, Span
from frontlines.serialize import document_to_dict, event_to_dict
from frontlines.store import DocumentFilter, EventFilter, SQLiteStore, Store, open_store
from frontlines.store.base import haversine_km, near_box, text_terms
from frontlines.store.migrate import Migration, load_migrations, migrate, split_statements
from frontlines.store.sqlite import fts_terms
from pg_cluster import PgServer, pg_server  # noqa: F401  (the session fixture)

_TABLES = ("documents", "events", "event_actors", "actors", "evidence", "places", "doc_places", "quotes", "claims")


@dataclass
class Backend:
    """One database for one test: ``open()`` is a new store (connection) on it, ``execute`` a raw write."""

    name: str
    open: Callable[[], Any]
    execute: Callable[[str], None]
    driver_error: type[Exception]
    migrations_folder: str

    def fresh(self) -> Any:
        """An empty store (hypothesis examples): a new in-memory SQLite, or the PostgreSQL schema emptied."""
        if self.name == "sqlite":
            return SQLiteStore(":memory:")
        store = self.open()
        self.execute(_EMPTY)
        return store


# Children before parents (foreign keys); DELETE is faster than TRUNCATE on tables this small.
_EMPTY = "; ".join(
    f"DELETE FROM {table}"
    for table in (
        "incident_events",
        "incidents",
        "doc_fingerprints",
        "event_actors",
        "evidence",
        "events",
        "doc_places",
        "quotes",
        "claims",
        "documents",
        "actors",
        "places",
    )
)


def _sqlite_backend(path: Path) -> Backend:
    def execute(sql: str) -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute(sql)
        finally:
            conn.close()

    return Backend("sqlite", lambda: SQLiteStore(path), execute, sqlite3.OperationalError, "migrations")


def _pg_backend(url: str) -> Backend:
    import psycopg

    from frontlines.store.postgres import PostgresStore

    def execute(sql: str) -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.encode())

    return Backend("postgresql", lambda: PostgresStore(url), execute, psycopg.OperationalError, "migrations_pg")


_MIGRATED: set[str | None] = set()  # servers whose shared schema this session has migrated


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield _sqlite_backend(tmp_path / "store.db")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    pg = _pg_backend(server.shared_schema())  # one schema for the session, emptied for each test
    if server.url not in _MIGRATED:
        pg.open().close()
        _MIGRATED.add(server.url)
    pg.execute(_EMPTY)
    yield pg


@pytest.fixture
def store(backend: Backend) -> Iterator[Any]:
    opened = backend.open()
    yield opened
    opened.close()


@pytest.fixture
def filled(store: Any) -> Any:
    for doc in (clash_document(), protest_document(), undated_document(), discarded_document()):
        assert store.save(doc)
    return store


def _table_counts(store: Any) -> dict[str, int]:
    return {table: store._query(f"SELECT count(*) FROM {table}")[0][0] for table in _TABLES}


def test_store_satisfies_protocol(store: Any) -> None:
    assert isinstance(store, Store)


def test_round_trip_events_and_document(store: Any) -> None:
    doc = clash_document()
    assert store.save(doc)
    assert store.has_document(doc.doc_id) and not store.has_document("0" * 16)
    assert store.list_events() == [event_to_dict(event, doc) for event in doc.events]
    assert store.get_document(doc.doc_id) == document_to_dict(doc)
    assert store.list_documents() == [document_to_dict(doc)]
    assert store.count_events() == 2


def test_rows_beside_the_json(store: Any) -> None:
    doc = clash_document()
    store.save(doc)
    counts = _table_counts(store)
    assert counts["events"] == 2 and counts["quotes"] == 1 and counts["claims"] == 1
    assert counts["places"] == 2 and counts["doc_places"] == 3  # Kadugli twice, Dilling once
    assert counts["actors"] == 3 and counts["event_actors"] == 5
    evidence = store._query('SELECT field, "start", "end", text FROM evidence WHERE field = \'deaths_civilians\'')
    assert evidence == [("deaths_civilians", 147, 151, "five")]
    assert doc.text[147:151] == "five"


def test_get_event_carries_the_document(store: Any) -> None:
    doc = clash_document()
    store.save(doc)
    found = store.get_event(doc.events[0].event_id)
    assert found is not None
    assert found["document"]["text"] == doc.text and found["document"]["url"] == doc.url
    assert found["document"]["external_id"] == "clash-1" and found["fatalities"] == 14
    assert store.get_event("missing") is None


def test_save_twice_stores_once(store: Any) -> None:
    assert store.save(clash_document())
    before = _table_counts(store)
    assert not store.save(clash_document())  # the same input again, as a fresh object
    assert _table_counts(store) == before


def test_exception_mid_save_leaves_nothing(store: Any, backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def failing_event_insert(*args: object) -> None:
        calls.append(args)
        raise backend.driver_error("disk on fire")

    # SQLite writes events one by one, PostgreSQL in batches
    monkeypatch.setattr(
        store, "_insert_event" if hasattr(store, "_insert_event") else "_insert_events", failing_event_insert
    )
    with pytest.raises(StoreError, match="disk on fire"):
        store.save(clash_document())
    assert calls and not store.has_document(clash_document().doc_id)
    assert set(_table_counts(store).values()) == {0}
    assert store.list_documents(DocumentFilter(query="Kadugli")) == []
    monkeypatch.undo()
    assert store.save(clash_document()) and store.count_events() == 2  # the store is still usable


def test_conflicting_event_id_rolls_back_the_whole_document(store: Any) -> None:
    first = clash_document()
    store.save(first)
    second = clash_document(raw_suffix="-copy")
    second.events = [replace(second.events[0], event_id=first.events[0].event_id)]
    with pytest.raises(StoreError):
        store.save(second)
    assert not store.has_document(second.doc_id) and len(store.list_events()) == 2
    assert store.save(clash_document(raw_suffix="-copy"))  # the store is still usable


def test_repeated_event_id_in_one_document_keeps_the_first(store: Any, caplog: pytest.LogCaptureFixture) -> None:
    doc = clash_document()
    doc.events = [doc.events[0], replace(doc.events[1], event_id=doc.events[0].event_id)]
    assert store.save(doc)
    assert [e["sub_event_type"] for e in store.list_events()] == ["Armed clash"]
    assert "repeats" in caplog.text


def test_discarded_documents_are_counted(store: Any) -> None:
    store.save(discarded_document("not_english", raw="a"))
    store.save(discarded_document("not_english", raw="b"))
    store.save(discarded_document("empty", raw=""))
    store.save(clash_document())
    assert store.discard_counts() == {"empty": 1, "not_english": 2}
    assert len(store.list_documents(DocumentFilter(discarded=True))) == 3
    assert [d["external_id"] for d in store.list_documents(DocumentFilter(discarded=False))] == ["clash-1"]


# Kadugli (29.72 E, 11.01 N) and Dilling (29.65 E, 12.05 N) are 116 km apart; Bamako is at 8.0 W, 12.65 N.
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), ["Armed clash", "Non-state actor overtakes territory", "Peaceful protest", "Remote"]),
        (EventFilter(since="2024-03-04"), ["Non-state actor overtakes territory", "Peaceful protest"]),
        (EventFilter(until="2024-03-03"), ["Armed clash"]),
        (EventFilter(country="sudan"), ["Armed clash", "Non-state actor overtakes territory"]),
        (EventFilter(country="ML"), ["Peaceful protest"]),
        (EventFilter(event_type="protests"), ["Peaceful protest"]),
        (EventFilter(sub_event_type="Armed clash"), ["Armed clash"]),
        (EventFilter(actor="support"), ["Armed clash", "Non-state actor overtakes territory"]),
        (EventFilter(actor="volunteers"), ["Armed clash"]),  # an associated actor
        (EventFilter(actor="%"), []),  # LIKE wildcards are literal
        (EventFilter(actor="sd-rsf", country="SD", since="2024-03-04"), ["Non-state actor overtakes territory"]),
        (EventFilter(limit=2, offset=1), ["Non-state actor overtakes territory", "Peaceful protest"]),
        (EventFilter(processed_since="2999-01-01"), []),
        (EventFilter(bbox=(29.0, 10.0, 30.0, 12.0)), ["Armed clash"]),
        (EventFilter(bbox=(29.72, 11.01, 29.72, 11.01)), ["Armed clash"]),  # edges are inside
        (
            EventFilter(bbox=(-10.0, 10.0, 30.0, 13.0)),
            ["Armed clash", "Non-state actor overtakes territory", "Peaceful protest"],
        ),
        (EventFilter(bbox=(29.7, -90.0, -7.0, 90.0)), ["Armed clash", "Peaceful protest"]),  # across 180
        (EventFilter(bbox=(-7.0, -90.0, 29.6, 90.0)), []),
        (EventFilter(near=(29.72, 11.01, 0.0)), ["Armed clash"]),
        (EventFilter(near=(29.72, 11.01, 115.0)), ["Armed clash"]),
        (EventFilter(near=(29.72, 11.01, 117.0)), ["Armed clash", "Non-state actor overtakes territory"]),
        (EventFilter(near=(29.72, 11.01, 117.0), since="2024-03-04"), ["Non-state actor overtakes territory"]),
        (EventFilter(near=(-8.0, 90.0, 8650.0)), ["Peaceful protest"]),  # around the pole
        (EventFilter(text="kadugli"), ["Armed clash", "Non-state actor overtakes territory"]),
        (EventFilter(text="JOURNALISTS marched"), ["Peaceful protest"]),
        (EventFilter(text="journalist"), []),  # whole words
        (EventFilter(text="journalist*"), ["Peaceful protest"]),  # a prefix
        (EventFilter(text="explosion overnight"), ["Remote"]),
        (EventFilter(text="Kadugli Bamako"), []),  # every word
        (EventFilter(text="3,000 troops"), ["Armed clash", "Non-state actor overtakes territory"]),
        (EventFilter(text="'army' (RSF)!"), ["Armed clash", "Non-state actor overtakes territory"]),
        (
            EventFilter(text="..."),
            ["Armed clash", "Non-state actor overtakes territory", "Peaceful protest", "Remote"],
        ),
        (EventFilter(text="army", bbox=(29.0, 12.0, 30.0, 13.0)), ["Non-state actor overtakes territory"]),
    ],
)
def test_event_filters(filled: Any, filters: EventFilter, expected: list[str]) -> None:
    found = [e["sub_event_type"] for e in filled.list_events(filters)]
    assert [s if not s.startswith("Remote") else "Remote" for s in found] == expected


_TOKENS_TEXT = "On 2024-03-03, 1.5 km; -7 C; 3,000 troops in al-Fashir (e-mail foo@bar.com, x.org/a) Kharkiv’s F16"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2024 03", True),
        ("1.5", True),
        ("5 km", True),
        ("7", True),
        ("al-Fashir", True),
        ("fashir", True),
        ("mail", True),
        ("foo bar com", True),
        ("org a", True),
        ("kharkiv s", True),
        ("f16", True),
        ("f1*", True),
        ("fas*", True),
        ("-03", True),  # the same as "03"
        ("2024-03-04", False),
        ("fash", False),
        ("e-mails", False),
    ],
)
def test_text_filter_splits_words_alike(store: Any, text: str, found: bool) -> None:
    doc = undated_document()
    doc.text = _TOKENS_TEXT
    doc.events = [replace(doc.events[0], trigger=Span.of(_TOKENS_TEXT, 3, 7))]
    store.save(doc)
    assert len(store.list_events(EventFilter(text=text))) == int(found)


def test_filter_by_document_and_full_text(filled: Any) -> None:
    doc = protest_document()
    assert [e["event_id"] for e in filled.list_events(EventFilter(doc_id=doc.doc_id))] == [doc.events[0].event_id]
    assert [d["external_id"] for d in filled.list_documents(DocumentFilter(query="journalists"))] == ["protest-7"]
    assert [d["external_id"] for d in filled.list_documents(DocumentFilter(query="Kadugli", limit=1))] == ["clash-1"]


def _race(backend: Backend, suffix: str) -> tuple[list[bool], list[BaseException]]:
    """Two stores (connections) save the same document at the same moment."""
    barrier = threading.Barrier(2)
    results: list[bool] = []
    errors: list[BaseException] = []

    def save() -> None:
        store = backend.open()  # one connection per thread, as two processes would have
        try:
            barrier.wait(timeout=10)
            results.append(store.save(clash_document(raw_suffix=suffix)))
        except BaseException as exc:
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=save) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_concurrent_saves_of_one_document_store_it_once(backend: Backend) -> None:
    backend.open().close()  # migrate before the race
    for round_no in range(3):
        results, errors = _race(backend, f"-race{round_no}")
        assert errors == [] and sorted(results) == [False, True]
    with backend.open() as store:
        assert store.count_events() == 6 and _table_counts(store)["documents"] == 3


def _bulk_document(n: int, events: int) -> Document:
    text = f"Bulletin {n}: shelling was reported near Kadugli and in other places."
    doc = Document(raw=f"bulk-{n}", external_id=f"bulk-{n}", text=text, language="en")
    where = PlaceMention(Span.of(text, text.index("Kadugli"), text.index("Kadugli") + 7), TOWN)
    doc.places = [where]
    doc.events = [
        Event(
            event_id=f"{doc.doc_id}-{k}",
            doc_id=doc.doc_id,
            disorder_type="Political violence",
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            trigger=Span.of(text, text.index("shelling"), text.index("shelling") + 8),
            actor1=ARMY,
            date=DateRange(date(2024, 1, 1 + k % 28), date(2024, 1, 1 + k % 28)),
            location=where,
        )
        for k in range(events)
    ]
    return doc


def test_readers_never_see_a_document_without_its_events(backend: Backend) -> None:
    backend.open().close()
    docs = [_bulk_document(n, events=20) for n in range(25)]
    expected = {doc.doc_id: {event.event_id for event in doc.events} for doc in docs}
    done = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with backend.open() as writer:
                for doc in docs:
                    writer.save(doc)
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=write)
    checks, partial_views = 0, 0
    with backend.open() as reader:
        thread.start()
        while True:
            finished = done.is_set()
            seen = [d["doc_id"] for d in reader.list_documents()]
            by_doc: dict[str, set[str]] = defaultdict(set)
            for event in reader.list_events(EventFilter(near=(29.72, 11.01, 1.0), text="shelling")):
                by_doc[event["doc_id"]].add(event["event_id"])
            assert set(seen) <= set(by_doc)  # a document read earlier has its events now
            assert all(by_doc[doc_id] == expected[doc_id] for doc_id in by_doc)  # all of them or none
            checks += 1
            partial_views += 0 < len(seen) < len(docs)
            if finished:
                break
    thread.join(timeout=60)
    assert errors == [] and len(seen) == len(docs)
    assert partial_views >= 1  # the reader did look while the writer was half way


def test_fresh_database_has_every_migration_and_reopens_with_data(backend: Backend) -> None:
    with backend.open() as first:
        first.save(clash_document())
        versions = [v for (v,) in first._query("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == [m.version for m in load_migrations(backend.migrations_folder)]
    with backend.open() as second:
        assert len(second.list_events()) == 2 and not second.save(clash_document())
        again = [v for (v,) in second._query("SELECT version FROM schema_migrations ORDER BY version")]
        assert again == versions


def test_database_newer_than_the_code_is_refused(backend: Backend) -> None:
    backend.open().close()
    backend.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')")
    try:
        with pytest.raises(MigrationError, match="newer"):
            backend.open()
    finally:
        backend.execute("DELETE FROM schema_migrations WHERE version = 9999")
    backend.open().close()  # usable again once the future version is gone


_PLACES = [
    None,
    TOWN,
    CAPITAL,
    Place(900004, "Suva", -18.14, 178.44, "FJ", admin1="Central", precision=1),
    Place(900005, "Taveuni", -16.85, -179.97, "FJ", admin1="Northern", precision=1),
]
_TYPES = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
_ACTORS = [None, ARMY, MILITIA, PROTESTERS]
_WORDS = ["shelling", "shells", "market", "town", "convoy", "Kadugli"]


@st.composite
def _random_document(draw: st.DrawFn, n: int) -> Document:
    text = f"Report number {n}: {draw(st.sampled_from(_WORDS))} near the {draw(st.sampled_from(_WORDS))}."
    doc = Document(raw=f"random-{n}", external_id=f"r{n}", text=text)
    event_type, sub_type = draw(st.sampled_from(_TYPES))
    day = draw(st.none() | st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 1, 10)))
    place = draw(st.sampled_from(_PLACES))
    doc.events = [
        Event(
            event_id=f"{doc.doc_id}-0",
            doc_id=doc.doc_id,
            disorder_type="Political violence",
            event_type=event_type,
            sub_event_type=sub_type,
            trigger=Span.of(text, 0, 6),
            actor1=draw(st.sampled_from(_ACTORS)),
            actor2=draw(st.sampled_from(_ACTORS)),
            date=DateRange(day, day) if day else None,
            location=PlaceMention(Span.of(text, 7, 13), place) if place else None,
        )
    ]
    return doc


def _in_box(lon: float, lat: float, box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    lon_ok = west <= lon <= east if west <= east else (lon >= west or lon <= east)
    return lon_ok and south <= lat <= north


def _text_ok(text: str, query: str) -> bool:
    words = set(re.findall(r"[^\W_]+", text.lower()))
    return all(any(w.startswith(t) for w in words) if prefix else t in words for t, prefix in text_terms(query))


def _expected(records: list[dict], texts: list[str], filters: EventFilter) -> list[str]:
    def keep(r: dict, text: str) -> bool:
        date_ok = (not filters.since or (r["event_date"] or "") >= filters.since) and (
            not filters.until or (r["event_date"] is not None and r["event_date"] <= filters.until)
        )
        country = filters.country
        country_ok = not country or country.lower() in {(r["country"] or "").lower(), (r["country_code"] or "").lower()}
        names = [r["actor1"], r["actor2"], r["actor1_id"] or "", r["actor2_id"] or ""]
        actor_ok = not filters.actor or any(filters.actor.lower() in n.lower() for n in names if n)
        type_ok = not filters.event_type or r["event_type"].lower() == filters.event_type.lower()
        lon, lat = r["longitude"], r["latitude"]
        box_ok = not filters.bbox or (lon is not None and _in_box(lon, lat, filters.bbox))
        near_ok = not filters.near or (lon is not None and haversine_km(lon, lat, *filters.near[:2]) <= filters.near[2])
        text_ok = not filters.text or _text_ok(text, filters.text)
        return date_ok and country_ok and actor_ok and type_ok and box_ok and near_ok and text_ok

    ordered = sorted(enumerate(records), key=lambda p: (p[1]["event_date"] is None, p[1]["event_date"] or "", p[0]))
    return [r["event_id"] for i, r in ordered if keep(r, texts[i])]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(0, 8).flatmap(lambda k: st.tuples(*(_random_document(n) for n in range(k)))),
    st.builds(
        EventFilter,
        since=st.none() | st.sampled_from(["2024-01-03", "2024-01-07"]),
        until=st.none() | st.sampled_from(["2024-01-05", "2024-01-09"]),
        country=st.none() | st.sampled_from(["sudan", "ML", "France", "fj"]),
        event_type=st.none() | st.sampled_from(["battles", "Protests"]),
        actor=st.none() | st.sampled_from(["forces", "sd-", "protesters"]),
        bbox=st.none() | st.sampled_from([(29.0, 10.0, 30.0, 12.0), (-10.0, -20.0, 179.0, 13.0), (178.0, -20, -8, 13)]),
        near=st.none() | st.sampled_from([(29.7, 11.0, 50.0), (179.9, -17.5, 250.0), (-8.0, 12.0, 4500.0)]),
        text=st.none() | st.sampled_from(["shelling", "shell*", "market town", "KADUGLI", "number", "nothing"]),
    ),
)
def test_filters_agree_with_a_reference(backend: Backend, docs: tuple[Document, ...], filters: EventFilter) -> None:
    with backend.fresh() as store:
        for doc in docs:
            store.save(doc)
        records = [event_to_dict(d.events[0], d) for d in docs]
        expected = _expected(records, [d.text for d in docs], filters)
        assert [e["event_id"] for e in store.list_events(filters)] == expected


@pytest.mark.parametrize(
    "filters",
    [
        {"bbox": (0.0, 10.0, 1.0, 5.0)},
        {"bbox": (0.0, 0.0, 181.0, 1.0)},
        {"bbox": (0.0, 0.0, 1.0)},
        {"near": (0.0, 91.0, 5.0)},
        {"near": (0.0, 0.0, -1.0)},
        {"near": (0.0, 0.0, float("nan"))},
    ],
)
def test_impossible_places_are_refused(filters: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        EventFilter(**filters)


@pytest.mark.parametrize(
    ("near", "inside"),
    [((29.72, 11.01, 120.0), [(29.65, 12.05)]), ((179.9, -17.0, 300.0), [(178.44, -18.14), (-179.97, -16.85)])],
)
def test_near_boxes_hold_every_point_in_reach(near: tuple[float, float, float], inside: list[tuple]) -> None:
    boxes = near_box(near)
    for lon, lat in inside:
        assert haversine_km(lon, lat, near[0], near[1]) <= near[2]
        assert any(_in_box(lon, lat, box) for box in boxes)


@pytest.mark.parametrize(
    ("text", "fts"),
    [
        ("Kadugli", '{text} : ("kadugli")'),
        ("al-Fashir kill*", '{text} : ("al" AND "fashir" AND "kill"*)'),
        ('"quoted" OR NOT', '{text} : ("quoted" AND "or" AND "not")'),  # operators are words
        ("... !", None),
    ],
)
def test_text_filter_becomes_plain_words(text: str, fts: str | None) -> None:
    assert fts_terms(text) == fts


def test_document_query_syntax_errors_are_store_errors_on_sqlite(filled: Any, backend: Backend) -> None:
    if backend.name != "sqlite":
        pytest.skip("PostgreSQL reads DocumentFilter.query as web-search syntax, which has no syntax errors")
    with pytest.raises(StoreError):
        filled.list_documents(DocumentFilter(query='"unbalanced'))


# SQLite only


def test_file_store_reopens_with_data_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    with SQLiteStore(path) as first:
        first.save(clash_document())
        assert first._query("PRAGMA journal_mode")[0][0] == "wal"
    with SQLiteStore(path) as second:
        assert len(second.list_events()) == 2
        versions = second._query("SELECT version FROM schema_migrations ORDER BY version")
        assert [v for (v,) in versions] == [m.version for m in load_migrations()]


def test_upgrade_from_first_schema_backfills_event_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, load_migrations()[:1]) == [1]
    doc = clash_document()
    record = event_to_dict(doc.events[0], doc)
    conn.execute("INSERT INTO documents (doc_id, processed_at, json) VALUES (?, 'x', '{}')", (doc.doc_id,))
    conn.execute(
        "INSERT INTO events (event_id, doc_id, seq, json) VALUES (?, ?, 0, ?)",
        (record["event_id"], doc.doc_id, json.dumps(record)),
    )
    conn.close()
    with SQLiteStore(path) as store:
        found = store._query("SELECT external_id, deaths_a, deaths_civilians, best, iso, source FROM events")
        assert found == [("clash-1", 9, 5, 14, 729, doc.url)]


def test_migrations_apply_in_order_once_and_roll_back_on_failure() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    steps = (Migration(1, "a", "CREATE TABLE a (x INTEGER);"), Migration(2, "b", "CREATE TABLE b (y INTEGER);"))
    assert migrate(conn, steps) == [1, 2]
    assert migrate(conn, steps) == []
    broken = (*steps, Migration(3, "c", "CREATE TABLE c (z INTEGER);\nCREATE TABLE a (x INTEGER);"))
    with pytest.raises(MigrationError, match="0003_c"):
        migrate(conn, broken)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "c" not in tables and {"a", "b"} <= tables  # migration 3 left nothing behind


def test_split_statements_keeps_semicolons_in_strings() -> None:
    sql = "-- note\nCREATE TABLE t (x TEXT DEFAULT 'a;b');\nINSERT INTO t VALUES ('c;\nd');\n"
    assert split_statements(sql) == [
        "-- note\nCREATE TABLE t (x TEXT DEFAULT 'a;b');",
        "INSERT INTO t VALUES ('c;\nd');",
    ]


def test_open_store_paths(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="mysql"):
        open_store("mysql://h/db")
    with pytest.raises(StoreError, match="folder does not exist"):
        open_store(str(tmp_path / "missing" / "x.db"))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all, just text" * 100)
    with pytest.raises(StoreError, match="frontlines database"):
        open_store(str(garbage))
    store = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    store.close()
    assert (tmp_path / "u.db").exists()
    memory = open_store(":memory:")
    assert memory.list_events() == [] and memory.discard_counts() == {}
    memory.close()


def test_upgrade_to_event_points_indexes_stored_events(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, load_migrations()[:2]) == [1, 2]
    doc = clash_document()
    record = event_to_dict(doc.events[0], doc)
    conn.execute("INSERT INTO documents (doc_id, processed_at, json) VALUES (?, 'x', '{}')", (doc.doc_id,))
    conn.execute(
        "INSERT INTO events (event_id, doc_id, seq, latitude, longitude, json) VALUES (?, ?, 0, ?, ?, ?)",
        (record["event_id"], doc.doc_id, record["latitude"], record["longitude"], json.dumps(record)),
    )
    conn.close()
    with SQLiteStore(path) as store:
        assert [e["event_id"] for e in store.list_events(EventFilter(bbox=(29, 10, 30, 12)))] == [record["event_id"]]
        assert store.list_events(EventFilter(near=(0.0, 0.0, 100.0))) == []


def test_event_points_follow_updates_and_deletes(store: Any, backend: Backend) -> None:
    if backend.name != "sqlite":
        pytest.skip("the R*Tree triggers are SQLite's; PostgreSQL derives the point in a generated column")
    store.save(clash_document())
    assert store._query("SELECT count(*) FROM event_points") == [(2,)]
    store._conn.execute("UPDATE events SET longitude = 0.5, latitude = 0.5 WHERE seq = 0")
    assert len(store.list_events(EventFilter(bbox=(0, 0, 1, 1)))) == 1
    store._conn.execute("DELETE FROM documents")
    assert store._query("SELECT count(*) FROM event_points") == [(0,)]


def test_place_and_word_filters_use_their_indexes_on_sqlite() -> None:
    from frontlines.store.sqlite import _event_where

    with SQLiteStore(":memory:") as store:
        for filters in (EventFilter(bbox=(0, 0, 1, 1)), EventFilter(near=(0, 0, 5)), EventFilter(text="word")):
            where, params = _event_where(filters)
            sql = "EXPLAIN QUERY PLAN SELECT e.json FROM events e JOIN documents d ON d.doc_id = e.doc_id" + where
            plan = " ".join(str(row[-1]) for row in store._query(sql, params))
            assert "VIRTUAL TABLE INDEX" in plan, plan  # the R*Tree or the FTS5 table, not a scan of events only


def test_postgres_urls_go_to_the_postgres_store(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontlines.store import postgres

    opened: list[str] = []
    monkeypatch.setattr(postgres, "PostgresStore", lambda url: opened.append(url) or "store")
    for url in ("postgresql://u@h/db", "postgres://h/db", "postgresql+psycopg://h/db?sslmode=disable"):
        assert open_store(url) == "store"
    assert opened == ["postgresql://u@h/db", "postgresql://h/db", "postgresql://h/db?sslmode=disable"]
