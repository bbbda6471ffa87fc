"""Event queries the API pages with: admin1, min_fatalities and the sort orders in the store, on both backends,
checked against the API layer's reference (keep + sort_records over the default order); and the query plans that
keep them fast (index-ordered pages, the R*Tree only for small boxes)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from frontlines.api import loadgen
from frontlines.api.params import EventQuery, keep, sort_records
from frontlines.errors import ConfigError
from frontlines.model import Casualties, Document
from frontlines.store import EventFilter, SQLiteStore
from frontlines.store import sqlite as sqlite_store
from frontlines.store.base import SORTS
from pg_cluster import PgServer, pg_server  # noqa: F401  (the session fixture)


def _documents() -> list[Document]:
    """Synthetic reports (dated, with counts and regions), and one whose odd events have no date and no count."""
    rng = random.Random(3)
    places = loadgen._places(rng)
    docs = [loadgen.synthetic_document(n, rng, places) for n in range(40)]
    odd = loadgen.synthetic_document(99, rng, places)
    odd.events = [
        replace(event, date=None, casualties=Casualties(())) if i % 2 else event for i, event in enumerate(odd.events)
    ]
    return [*docs[:20], odd, *docs[20:]]


def _fill(store: Any) -> Any:
    for doc in _documents():
        assert store.save(doc)
    return store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if request.param == "sqlite":
        with SQLiteStore(tmp_path_factory.mktemp("query") / "store.db") as store:
            yield _fill(store)
        return
    server: PgServer = request.getfixturevalue("pg_server")
    pytest.importorskip("psycopg")
    from frontlines.store.postgres import PostgresStore

    with server.schema() as url, PostgresStore(url) as store:
        yield _fill(store)


def _reference(store: Any, filters: EventFilter) -> list[str]:
    """What the API layer used to compute: the store's default order, then admin1/min_fatalities, sort and page."""
    base = replace(filters, admin1=None, min_fatalities=None, sort="event_date", limit=None, offset=0)
    query = EventQuery(filters, admin1=filters.admin1, min_fatalities=filters.min_fatalities, sort=filters.sort)
    records = sort_records([r for r in store.list_events(base) if keep(r, query)], filters.sort)
    end = None if filters.limit is None else filters.offset + filters.limit
    return [r["event_id"] for r in records[filters.offset : end]]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize(
    "filters",
    [
        EventFilter(),
        EventFilter(limit=7, offset=30),
        EventFilter(admin1="region sd-3"),
        EventFilter(admin1="REGION ML-11", since="2023-06-01"),
        EventFilter(admin1="Nowhere"),
        EventFilter(min_fatalities=30),
        EventFilter(min_fatalities=0, country="ua", limit=5, offset=2),
        EventFilter(since="2024-01-01", until="2024-06-30", limit=10),
        EventFilter(until="2023-03-31", bbox=(28.0, 11.0, 32.0, 16.0)),
        EventFilter(near=(30.0, 13.5, 150.0), min_fatalities=10),
        EventFilter(text="shelled", admin1="region sd-1"),
    ],
)
def test_store_filters_and_sorts_agree_with_the_api_reference(filled: Any, filters: EventFilter, sort: str) -> None:
    filters = replace(filters, sort=sort)
    found = [e["event_id"] for e in filled.list_events(filters)]
    assert found == _reference(filled, filters)
    if filters.limit is None and filters == replace(filters, admin1=None, min_fatalities=None):
        assert len(found) == len(filled.list_events(replace(filters, sort="event_date")))


def test_sorts_put_unknown_values_last(filled: Any) -> None:
    for sort in SORTS:
        records = filled.list_events(EventFilter(sort=sort))
        key = sort.lstrip("-")
        known = [r[key] for r in records if r[key] is not None]
        assert 0 < len(known) < len(records) and all(r[key] is None for r in records[len(known) :])
        assert known == sorted(known, reverse=sort.startswith("-"))
    counted = filled.list_events(EventFilter(min_fatalities=0, since="1900-01-01", sort="-fatalities"))
    assert counted and all(r["fatalities"] is not None and r["event_date"] for r in counted)


def test_unknown_sort_is_refused() -> None:
    with pytest.raises(ConfigError, match="sort"):
        EventFilter(sort="event_id")


def test_admin1_outside_ascii_compares_casefolded() -> None:
    rng = random.Random(5)
    places = loadgen._places(rng)
    places["SD"] = [replace(p, admin1="Ñuble Östra") for p in places["SD"]]
    with SQLiteStore(":memory:") as store:
        for n in range(6):
            store.save(loadgen.synthetic_document(n, rng, places))
        sudan = store.list_events(EventFilter(country="SD"))
        assert sudan and store.list_events(EventFilter(admin1="ñUBLE öSTRA")) == sudan


def _sqlite_plan(store: SQLiteStore, filters: EventFilter) -> str:
    where, params = sqlite_store._event_where(filters, store._small_boxes, store._few_documents)
    sql = f"EXPLAIN QUERY PLAN SELECT e.rowid FROM events e{where} ORDER BY {sqlite_store._order_by(filters)}"
    return " | ".join(str(row[-1]) for row in store._query(sql, params))


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (EventFilter(), "events_date_order"),
        (EventFilter(sort="-event_date"), "events_date_desc"),
        (EventFilter(sort="fatalities"), "events_fatalities_order"),
        (EventFilter(sort="-fatalities"), "events_fatalities_desc"),
        (EventFilter(since="2024-01-01", until="2024-03-31"), "events_date_order"),
        (EventFilter(since="2024-01-01", sort="-event_date"), "events_date_desc"),
    ],
)
def test_sqlite_pages_walk_an_index_without_sorting(filters: EventFilter, index: str) -> None:
    with SQLiteStore(":memory:") as store:
        plan = _sqlite_plan(store, filters)
    assert index in plan and "TEMP B-TREE" not in plan, plan


def test_sqlite_filters_use_their_indexes() -> None:
    with SQLiteStore(":memory:") as store:
        assert "events_admin1" in _sqlite_plan(store, EventFilter(admin1="Darfur", sort="-fatalities"))
        assert "events_country_code" in _sqlite_plan(store, EventFilter(country="SD"))


def test_sqlite_uses_the_rtree_only_for_small_boxes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    box = EventFilter(bbox=(28.0, 11.0, 32.0, 16.0), since="2023-01-01")
    near = EventFilter(near=(30.0, 13.5, 120.0))
    with SQLiteStore(tmp_path / "store.db") as store:
        _fill(store)
        small = {f: [e["event_id"] for e in store.list_events(f)] for f in (box, near)}
        assert all(small.values())
        assert "VIRTUAL TABLE INDEX" in _sqlite_plan(store, box)
        monkeypatch.setattr(sqlite_store, "RTREE_MAX_CANDIDATES", 3)
        assert "VIRTUAL TABLE INDEX" not in _sqlite_plan(store, box)
        assert "VIRTUAL TABLE INDEX" not in _sqlite_plan(store, near)
        assert {f: [e["event_id"] for e in store.list_events(f)] for f in (box, near)} == small


def test_sqlite_wide_word_matches_walk_the_event_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filters = [EventFilter(text=words) for words in ("shelled", "clashed Town*", "killing", "nothing")]
    with SQLiteStore(tmp_path / "store.db") as store:
        _fill(store)
        few = [[e["event_id"] for e in store.list_events(f)] for f in filters]
        assert few[0] and few[-1] == []
        assert "TEMP B-TREE" in _sqlite_plan(store, filters[0])
        monkeypatch.setattr(sqlite_store, "TEXT_MAX_DOCUMENTS", 3)
        plan = _sqlite_plan(store, filters[0])
        assert "events_date_order" in plan and "TEMP B-TREE" not in plan, plan
        assert [[e["event_id"] for e in store.list_events(f)] for f in filters] == few


def test_sqlite_deep_pages_match_a_full_listing(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "store.db") as store:
        _fill(store)
        everything = [e["event_id"] for e in store.list_events()]
        assert len(everything) == 205
        pages = [store.list_events(EventFilter(limit=600, offset=start)) for start in (0, 100, 204, 205)]
        assert [[e["event_id"] for e in page] for page in pages] == [
            everything,
            everything[100:],
            everything[204:],
            [],
        ]


def _pg_plan(store: Any, filters: EventFilter, *, ordered: bool = True) -> str:
    from frontlines.store import postgres

    where, params = postgres._event_where(filters)
    order = f" ORDER BY {postgres._ORDERS[filters.sort]} LIMIT 100" if ordered else ""
    sql = f"EXPLAIN SELECT e.id FROM events e{where}{order}"
    with store._conn.transaction():
        store._conn.execute("SET LOCAL enable_seqscan = off")
        store._conn.execute("SET LOCAL enable_sort = off")
        return "\n".join(row[0] for row in store._conn.execute(sql, params))


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        (EventFilter(), "events_date_order"),
        (EventFilter(sort="-event_date"), "events_date_desc"),
        (EventFilter(sort="fatalities"), "events_fatalities_order"),
        (EventFilter(sort="-fatalities"), "events_fatalities_desc"),
        (EventFilter(since="2024-01-01", until="2024-03-31"), "events_date_order"),
    ],
)
def test_postgres_pages_walk_an_index(pg_server: PgServer, filters: EventFilter, index: str) -> None:  # noqa: F811
    pytest.importorskip("psycopg")
    from frontlines.store.postgres import PostgresStore

    with pg_server.schema() as url, PostgresStore(url) as store:
        plan = _pg_plan(store, filters)
        assert index in plan and "Sort" not in plan, plan
        filters_plan = _pg_plan(store, EventFilter(admin1="Darfur"), ordered=False)
        filters_plan += _pg_plan(store, EventFilter(country="SD"), ordered=False)
        assert "events_admin1" in filters_plan and "events_country_code" in filters_plan


def test_postgres_event_ids_follow_storage_order(pg_server: PgServer) -> None:  # noqa: F811
    pytest.importorskip("psycopg")
    from frontlines.store.postgres import PostgresStore

    with pg_server.schema() as url, PostgresStore(url) as store:
        _fill(store)
        by_id = store._query("SELECT e.event_id FROM events e ORDER BY e.id")
        by_storage = store._query(
            "SELECT e.event_id FROM events e JOIN documents d USING (doc_id) ORDER BY d.id, e.seq"
        )
        assert by_id == by_storage and len(by_id) == 205
