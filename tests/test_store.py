"""The SQLite store: round trips, idempotent and atomic saves, migrations, filters, the store URL opener."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
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
from frontlines.model import DateRange, Document, Event, PlaceMention, Span
from frontlines.serialize import document_to_dict, event_to_dict
from frontlines.store import DocumentFilter, EventFilter, SQLiteStore, Store, open_store
from frontlines.store.migrate import Migration, load_migrations, migrate, split_statements


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    opened = SQLiteStore(":memory:")
    yield opened
    opened.close()


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    for doc in (clash_document(), protest_document(), undated_document(), discarded_document()):
        assert store.save(doc)
    return store


def _table_counts(store: SQLiteStore) -> dict[str, int]:
    tables = ("documents", "events", "event_actors", "actors", "evidence", "places", "doc_places", "quotes", "claims")
    return {table: store._query(f"SELECT count(*) FROM {table}")[0][0] for table in tables}


def test_store_satisfies_protocol(store: SQLiteStore) -> None:
    assert isinstance(store, Store)


def test_round_trip_events_and_document(store: SQLiteStore) -> None:
    doc = clash_document()
    assert store.save(doc)
    assert store.has_document(doc.doc_id) and not store.has_document("0" * 16)
    assert store.list_events() == [event_to_dict(event, doc) for event in doc.events]
    assert store.get_document(doc.doc_id) == document_to_dict(doc)
    assert store.list_documents() == [document_to_dict(doc)]


def test_rows_beside_the_json(store: SQLiteStore) -> None:
    doc = clash_document()
    store.save(doc)
    counts = _table_counts(store)
    assert counts["events"] == 2 and counts["quotes"] == 1 and counts["claims"] == 1
    assert counts["places"] == 2 and counts["doc_places"] == 3  # Kadugli twice, Dilling once
    assert counts["actors"] == 3 and counts["event_actors"] == 5
    evidence = store._query("SELECT field, start, end, text FROM evidence WHERE field = 'deaths_civilians'")
    assert evidence == [("deaths_civilians", 147, 151, "five")]
    assert doc.text[147:151] == "five"


def test_get_event_carries_the_document(store: SQLiteStore) -> None:
    doc = clash_document()
    store.save(doc)
    found = store.get_event(doc.events[0].event_id)
    assert found is not None
    assert found["document"]["text"] == doc.text and found["document"]["url"] == doc.url
    assert found["document"]["external_id"] == "clash-1" and found["fatalities"] == 14
    assert store.get_event("missing") is None


def test_save_twice_stores_once(store: SQLiteStore) -> None:
    assert store.save(clash_document())
    before = _table_counts(store)
    assert not store.save(clash_document())  # the same input again, as a fresh object
    assert _table_counts(store) == before


def test_exception_mid_save_leaves_nothing(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def failing_event_insert(*args: object) -> None:
        calls.append(args)
        raise sqlite3.OperationalError("disk on fire")

    monkeypatch.setattr(store, "_insert_event", failing_event_insert)
    with pytest.raises(StoreError, match="disk on fire"):
        store.save(clash_document())
    assert calls and not store.has_document(clash_document().doc_id)
    assert set(_table_counts(store).values()) == {0}
    assert store.list_documents(DocumentFilter(query="Kadugli")) == []


def test_conflicting_event_id_rolls_back_the_whole_document(store: SQLiteStore) -> None:
    first = clash_document()
    store.save(first)
    second = clash_document(raw_suffix="-copy")
    second.events = [replace(second.events[0], event_id=first.events[0].event_id)]
    with pytest.raises(StoreError):
        store.save(second)
    assert not store.has_document(second.doc_id) and len(store.list_events()) == 2
    assert store.save(clash_document(raw_suffix="-copy"))  # the store is still usable


def test_repeated_event_id_in_one_document_keeps_the_first(
    store: SQLiteStore, caplog: pytest.LogCaptureFixture
) -> None:
    doc = clash_document()
    doc.events = [doc.events[0], replace(doc.events[1], event_id=doc.events[0].event_id)]
    assert store.save(doc)
    assert [e["sub_event_type"] for e in store.list_events()] == ["Armed clash"]
    assert "repeats" in caplog.text


def test_discarded_documents_are_counted(store: SQLiteStore) -> None:
    store.save(discarded_document("not_english", raw="a"))
    store.save(discarded_document("not_english", raw="b"))
    store.save(discarded_document("empty", raw=""))
    store.save(clash_document())
    assert store.discard_counts() == {"empty": 1, "not_english": 2}
    assert len(store.list_documents(DocumentFilter(discarded=True))) == 3
    assert [d["external_id"] for d in store.list_documents(DocumentFilter(discarded=False))] == ["clash-1"]


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
    ],
)
def test_event_filters(filled: SQLiteStore, filters: EventFilter, expected: list[str]) -> None:
    found = [e["sub_event_type"] for e in filled.list_events(filters)]
    assert [s if not s.startswith("Remote") else "Remote" for s in found] == expected


def test_filter_by_document_and_full_text(filled: SQLiteStore) -> None:
    doc = protest_document()
    assert [e["event_id"] for e in filled.list_events(EventFilter(doc_id=doc.doc_id))] == [doc.events[0].event_id]
    assert [d["external_id"] for d in filled.list_documents(DocumentFilter(query="journalists"))] == ["protest-7"]
    with pytest.raises(StoreError):
        filled.list_documents(DocumentFilter(query='"unbalanced'))


def test_file_store_reopens_with_data_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    with SQLiteStore(path) as first:
        first.save(clash_document())
        assert first._query("PRAGMA journal_mode")[0][0] == "wal"
    with SQLiteStore(path) as second:
        assert len(second.list_events()) == 2
        versions = second._query("SELECT version FROM schema_migrations ORDER BY version")
        assert [v for (v,) in versions] == [m.version for m in load_migrations()]


def test_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')")
    with pytest.raises(MigrationError, match="newer"):
        SQLiteStore(path)


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


@pytest.mark.parametrize("url", ["postgresql://user@localhost/frontlines", "postgres://h/db"])
def test_postgres_is_refused_clearly(url: str) -> None:
    with pytest.raises(ConfigError, match="PostgreSQL support is not available yet"):
        open_store(url)


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


_PLACES = [None, TOWN, CAPITAL]
_TYPES = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
_ACTORS = [None, ARMY, MILITIA, PROTESTERS]


@st.composite
def _random_document(draw: st.DrawFn, n: int) -> Document:
    text = f"Report number {n}: something happened."
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


def _expected(records: list[dict], filters: EventFilter) -> list[str]:
    def keep(r: dict) -> bool:
        date_ok = (not filters.since or (r["event_date"] or "") >= filters.since) and (
            not filters.until or (r["event_date"] is not None and r["event_date"] <= filters.until)
        )
        country = filters.country
        country_ok = not country or country.lower() in {(r["country"] or "").lower(), (r["country_code"] or "").lower()}
        names = [r["actor1"], r["actor2"], r["actor1_id"] or "", r["actor2_id"] or ""]
        actor_ok = not filters.actor or any(filters.actor.lower() in n.lower() for n in names if n)
        type_ok = not filters.event_type or r["event_type"].lower() == filters.event_type.lower()
        return date_ok and country_ok and actor_ok and type_ok

    ordered = sorted(enumerate(records), key=lambda p: (p[1]["event_date"] is None, p[1]["event_date"] or "", p[0]))
    return [r["event_id"] for _, r in ordered if keep(r)]


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, 8).flatmap(lambda k: st.tuples(*(_random_document(n) for n in range(k)))),
    st.builds(
        EventFilter,
        since=st.none() | st.sampled_from(["2024-01-03", "2024-01-07"]),
        until=st.none() | st.sampled_from(["2024-01-05", "2024-01-09"]),
        country=st.none() | st.sampled_from(["sudan", "ML", "France"]),
        event_type=st.none() | st.sampled_from(["battles", "Protests"]),
        actor=st.none() | st.sampled_from(["forces", "sd-", "protesters"]),
    ),
)
def test_filters_agree_with_a_reference(docs: tuple[Document, ...], filters: EventFilter) -> None:
    with SQLiteStore(":memory:") as store:
        for doc in docs:
            store.save(doc)
        records = [event_to_dict(d.events[0], d) for d in docs]
        assert [e["event_id"] for e in store.list_events(filters)] == _expected(records, filters)
