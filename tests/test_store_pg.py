"""PostgreSQL-only store details: migrations (rollback, concurrent openers), PostGIS/tsvector columns and the
indexes the filters use, concurrent writers sharing actors and places, URLs. The behaviour both stores share is
tested in test_store.py; these use the throwaway cluster of tests/pg_cluster.py and skip without one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from fixtures_store import OTHER_TOWN, TOWN, clash_document
from frontlines.errors import MigrationError, StoreError
from frontlines.model import Actor, ActorKind, Document, PlaceMention
from frontlines.store import EventFilter, open_store
from frontlines.store.migrate import Migration, load_migrations
from pg_cluster import PgServer, pg_server  # noqa: F401  (the session fixture)

psycopg = pytest.importorskip("psycopg", reason='PostgreSQL tests need psycopg 3 (pip install "psycopg[binary]")')

from frontlines.store import migrate_pg  # noqa: E402
from frontlines.store.postgres import PostgresStore, tsquery_terms  # noqa: E402


@pytest.fixture
def url(pg_server: PgServer) -> Iterator[str]:  # noqa: F811
    """A fresh, empty schema."""
    with pg_server.schema() as fresh:
        yield fresh


def _plan(store: PostgresStore, sql: str, params: tuple[Any, ...]) -> str:
    with store._conn.transaction():
        store._conn.execute("SET LOCAL enable_seqscan = off")
        return "\n".join(row[0] for row in store._conn.execute("EXPLAIN " + sql, params))


def test_schema_has_geography_text_search_and_their_indexes(url: str) -> None:
    with PostgresStore(url) as store:
        store.save(clash_document())
        points = store._query("SELECT ST_AsText(geog), GeometryType(geog::geometry) FROM events ORDER BY seq")
        assert points == [("POINT(29.72 11.01)", "POINT"), ("POINT(29.65 12.05)", "POINT")]
        indexes = {
            name for (name,) in store._query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        }
        assert {"events_geog", "events_geom", "documents_tsv"} <= indexes
        near = _plan(store, "SELECT 1 FROM events e WHERE " + _near_sql(), (29.7, 11.0, 5000.0))
        box = _plan(
            store,
            "SELECT 1 FROM events e WHERE e.geog::geometry && ST_MakeEnvelope(%s, %s, %s, %s, 4326)",
            (29, 10, 30, 12),
        )
        words = _plan(store, "SELECT 1 FROM documents d WHERE d.tsv @@ to_tsquery('simple', %s)", ("'kadugli'",))
        assert "events_geog" in near and "events_geom" in box and "documents_tsv" in words


def _near_sql() -> str:
    from frontlines.store.postgres import _NEAR

    return _NEAR


def test_impossible_coordinates_store_without_a_point(url: str) -> None:
    doc = clash_document()
    bad = replace(TOWN, lat=123.0)
    doc.places = [PlaceMention(doc.places[0].span, bad, 0.9)]
    doc.events = [replace(doc.events[0], location=doc.places[0]), doc.events[1]]
    with PostgresStore(url) as store:
        assert store.save(doc)
        assert store._query("SELECT count(*) FROM events WHERE geog IS NULL") == [(1,)]
        assert len(store.list_events(EventFilter(near=(29.65, 12.05, 1.0)))) == 1


def test_fresh_schema_migrates_once_even_with_concurrent_openers(url: str) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def open_one() -> None:
        try:
            barrier.wait(timeout=10)
            PostgresStore(url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with psycopg.connect(url, autocommit=True) as conn:
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m.version for m in load_migrations(migrate_pg.FOLDER)]


def test_failed_migration_leaves_nothing(url: str) -> None:
    steps = (
        Migration(1, "a", "CREATE TABLE a (x INTEGER);"),
        Migration(2, "b", "CREATE TABLE b (y TEXT DEFAULT 'p;q');"),
    )
    with psycopg.connect(url, autocommit=True) as conn:
        assert migrate_pg.migrate(conn, steps) == [1, 2]
        assert migrate_pg.migrate(conn, steps) == []
        broken = (*steps, Migration(3, "c", "CREATE TABLE c (z INTEGER);\nCREATE TABLE a (x INTEGER);"))
        with pytest.raises(MigrationError, match="0003_c"):
            migrate_pg.migrate(conn, broken)
        tables = {
            name for (name,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        }
        assert "c" not in tables and {"a", "b", "schema_migrations"} <= tables
        assert [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")] == [1, 2]
        with pytest.raises(MigrationError, match="newer"):
            migrate_pg.migrate(conn, steps[:1])


def _sharing_document(round_no: int, worker: int) -> Document:
    """The workers of one round write documents with the same two new actors and places, in opposite orders."""
    doc = clash_document(raw_suffix=f"-r{round_no}w{worker}")
    x = Actor(f"x{round_no}", f"X Brigade {round_no}", ActorKind.REBEL_GROUP, "SD")
    y = Actor(f"y{round_no}", f"Y Brigade {round_no}", ActorKind.STATE_FORCES, "SD")
    here = PlaceMention(doc.places[0].span, replace(TOWN, geonameid=800000 + 2 * round_no))
    there = PlaceMention(doc.places[2].span, replace(OTHER_TOWN, geonameid=800001 + 2 * round_no))
    first, second = doc.events
    if worker % 2:
        x, y, here, there = y, x, there, here
    doc.places = [here, there]
    doc.events = [
        replace(first, actor1=x, actor2=y, assoc_actor_1=(), location=here),
        replace(second, actor1=y, actor2=x, location=there),
    ]
    return doc


def test_shared_rows_are_written_in_key_order() -> None:
    from frontlines.store.postgres import _doc_actors

    for worker in (0, 1):
        doc = _sharing_document(3, worker)
        assert [actor.id for actor in _doc_actors(doc.events)] == ["x3", "y3"]


def test_concurrent_writers_sharing_new_actors_and_places_do_not_deadlock(url: str) -> None:
    PostgresStore(url).close()
    errors: list[BaseException] = []
    workers, rounds = 4, 10
    barrier = threading.Barrier(workers)

    def write(worker: int) -> None:
        try:
            with PostgresStore(url) as store:
                for round_no in range(rounds):
                    barrier.wait(timeout=30)
                    assert store.save(_sharing_document(round_no, worker))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    with PostgresStore(url) as store:
        assert store.count_events() == 2 * workers * rounds
        assert store._query("SELECT count(*) FROM actors") == [(2 * rounds,)]
        assert store._query("SELECT count(*) FROM places") == [(2 * rounds,)]


def test_one_store_shared_by_threads(url: str) -> None:
    with PostgresStore(url) as store:
        docs = [clash_document(raw_suffix=f"-t{n}") for n in range(8)]
        threads = [threading.Thread(target=store.save, args=(doc,)) for doc in docs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert store.count_events() == 16


def test_open_store_with_a_postgres_url(url: str) -> None:
    for scheme in ("postgresql://", "postgres://", "postgresql+psycopg://"):
        store = open_store(scheme + url.split("://", 1)[1])
        try:
            assert isinstance(store, PostgresStore) and store.list_events() == []
        finally:
            store.close()


def test_unreachable_server_is_a_one_line_store_error() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as caught:
        PostgresStore("postgresql://nobody@127.0.0.1:1/none", connect_timeout=2)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "query"),
    [("Kadugli", "'kadugli'"), ("al-Fashir kill*", "'al' & 'fashir' & 'kill':*"), ("'; DROP", "'drop'"), ("!", None)],
)
def test_text_filter_becomes_a_tsquery_of_plain_words(text: str, query: str | None) -> None:
    assert tsquery_terms(text) == query


def test_missing_postgis_is_named_in_the_migration_error(url: str) -> None:
    step = (Migration(1, "search", "CREATE EXTENSION IF NOT EXISTS postgis_not_installed_here;"),)
    with psycopg.connect(url, autocommit=True) as conn, pytest.raises(MigrationError, match="PostGIS is not installed"):
        migrate_pg.migrate(conn, step)
