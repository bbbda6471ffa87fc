"""Incidents in the store (frontlines.store.incidents), on SQLite and PostgreSQL alike: merging as documents are
saved, idempotent re-runs, resumable merging, the advisory lock, and the dedup corpus measured through the store."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

import test_store
from fixtures_api import second_report
from fixtures_store import clash_document
from frontlines.dedup import IncidentMerger, IncidentRepository, pairwise_scores
from frontlines.model import Document
from frontlines.store.incidents import StoreIncidentRepository, StoreIncidents
from pg_cluster import pg_server  # noqa: F401  (the session fixture)
from test_dedup_merge import (
    CORPUS,
    HELDOUT,
    event_of,
    gold_groups,
    groups_of,
    load_corpus,
    merge_rows,
)
from test_store import Backend

# The backends and stores of tests/test_store.py (SQLite file, PostgreSQL schema emptied per test).
backend = test_store.backend
store = test_store.store


def _reports(store: Any) -> list[int]:
    return sorted(s["reports_count"] for s in store.incidents().list())


def _clash(store: Any) -> dict[str, Any]:
    (found,) = [s for s in store.incidents().list() if s["sub_event_type"] == "Armed clash"]
    return found


def test_two_reports_of_one_clash_make_one_incident(store: Any) -> None:
    assert store.save(clash_document()) and store.save(second_report())
    assert store.incidents().pending_count() == 0
    assert _reports(store) == [1, 2]  # the clash (two outlets) and the territory change (one)
    clash = _clash(store)
    assert clash["sources_count"] == 2
    assert (clash["fatalities"]["low"], clash["fatalities"]["best"], clash["fatalities"]["high"]) == (12, 12, 14)
    assert {f["source"] for f in clash["fatalities"]["figures"]} == {"news.example", "other.example"}
    assert clash["first_report"] == clash["last_report"] == "2024-03-04"
    assert clash["location"]["name"] == "Kadugli"


def test_every_event_finds_its_incident(store: Any) -> None:
    first, second = clash_document(), second_report()
    store.save(first)
    store.save(second)
    event_ids = [e.event_id for doc in (first, second) for e in doc.events]
    owners = store.incidents().incident_ids_of(event_ids)
    assert set(owners) == set(event_ids)
    assert owners[first.events[0].event_id] == owners[second.events[0].event_id] == _clash(store)["incident_id"]
    assert store.incidents().summaries(["no-such-incident"]) == []


def test_saving_again_changes_nothing(store: Any) -> None:
    docs = [clash_document(), second_report()]
    for doc in docs:
        store.save(doc)
    before = store.incidents().list()
    assert not any(store.save(doc) for doc in [clash_document(), second_report()])
    assert store.incidents().list() == before
    assert store.merge_pending() == 0


def test_a_near_copy_saved_by_a_later_run_joins_as_a_duplicate(backend: Backend) -> None:
    with backend.open() as first_run:
        first_run.save(clash_document())
        first_run.save(second_report())
    with backend.open() as second_run:  # a new connection: the duplicate index comes from doc_fingerprints
        assert second_run.save(clash_document(raw_suffix="syndicated copy"))
        clash = _clash(second_run)
    assert clash["reports_count"] == 3 and clash["sources_count"] == 2
    assert sum(r["duplicate"] for r in clash["reports"]) == 1


def test_a_failed_merge_leaves_events_pending_and_the_next_save_merges_them(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = StoreIncidents._merge_document

    def failing(*args: Any) -> int:
        raise RuntimeError("merge failed")

    monkeypatch.setattr(StoreIncidents, "_merge_document", failing)
    assert store.save(clash_document())
    assert store.has_document(clash_document().doc_id) and store.incidents().pending_count() == 2
    assert store.incidents().count() == 0
    monkeypatch.setattr(StoreIncidents, "_merge_document", real)
    assert store.save(second_report())  # merges its own events and the ones left pending
    assert store.incidents().pending_count() == 0 and _reports(store) == [1, 2]


def test_merge_pending_resumes_without_a_new_document(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real = StoreIncidents._merge_document
    monkeypatch.setattr(StoreIncidents, "_merge_document", lambda *a: (_ for _ in ()).throw(RuntimeError("x")))
    store.save(clash_document())
    store.save(second_report())
    monkeypatch.setattr(StoreIncidents, "_merge_document", real)
    assert store.merge_pending() == 3
    assert _reports(store) == [1, 2]


def test_an_interrupted_save_leaves_no_document_and_no_incident(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(clash_document())

    def interrupted(*args: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(StoreIncidents, "_merge_document", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.save(second_report())
    assert not store.has_document(second_report().doc_id)
    assert store.incidents().pending_count() == 0 and _reports(store) == [1, 1]


def test_the_repository_follows_the_protocol(store: Any) -> None:
    repository = store.incidents().repository
    assert isinstance(repository, IncidentRepository)
    rows = load_corpus(HELDOUT)[:6]
    merger = IncidentMerger(repository)
    ids = [merger.add(event_of(row), _meta(row)) for row in rows]
    repository.flush()
    assert set(ids) <= set(repository.incident_ids())
    assert all(repository.get(i) is not None for i in ids)
    assert store.incidents().count() == len(repository.incident_ids())


def _meta(row: dict[str, Any]) -> Any:
    from test_dedup_merge import meta_of

    return meta_of(row)


def _documents(rows: list[dict[str, Any]]) -> list[Document]:
    """One stored document per corpus document (its id as given), its events in corpus order."""
    docs: dict[str, Document] = {}
    for row in rows:
        d = row["doc"]
        doc = docs.get(d["doc_id"])
        if doc is None:
            doc = Document(raw=d["doc_id"], url=d["url"], text=d["text"], language="en")
            doc.published = date.fromisoformat(d["published"])
            doc.__dict__["doc_id"] = d["doc_id"]  # the corpus names its documents
            docs[d["doc_id"]] = doc
        doc.events.append(event_of(row))
    return list(docs.values())


@pytest.mark.parametrize("path", [CORPUS, HELDOUT], ids=["own", "heldout"])
def test_corpus_through_the_store_scores_as_in_memory(store: Any, path: Any) -> None:
    rows = load_corpus(path)
    for doc in _documents(rows):
        assert store.save(doc)
    owners = store.incidents().incident_ids_of([row["report"] for row in rows])
    stored = pairwise_scores(groups_of(owners), gold_groups(rows))
    _, in_memory = merge_rows(rows)
    assert (stored.precision, stored.recall) == pytest.approx(
        (
            pairwise_scores(groups_of(in_memory), gold_groups(rows)).precision,
            pairwise_scores(groups_of(in_memory), gold_groups(rows)).recall,
        )
    )
    assert stored.precision >= 0.95 and stored.recall >= 0.90, stored


@pytest.fixture
def pg_backend(backend: Backend) -> Iterator[Backend]:
    if backend.name != "postgresql":
        pytest.skip("the advisory lock is PostgreSQL's (SQLite has one writer at a time)")
    yield backend


def _commit_shared_rows(store: Any, docs: list[Document]) -> None:
    """Commit the actor and place rows the documents share, so that saving them concurrently does not wait on
    each other's uncommitted inserts (which would serialize the two runs by chance, hiding a missing lock)."""
    from frontlines.store import postgres, rows

    with store._conn.cursor() as cur:
        for doc in docs:
            cur.executemany(postgres._INSERT_ACTOR, [rows.actor_row(a) for a in postgres._doc_actors(doc.events)])
            cur.executemany(postgres._INSERT_PLACE, rows.place_rows(doc))


def test_two_concurrent_runs_open_one_incident(pg_backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each run looks for candidates slowly (a hook): without the advisory lock both would miss the other's
    uncommitted incident and open their own."""
    real = StoreIncidentRepository.candidates

    def slow(self: StoreIncidentRepository, *args: Any, **kwargs: Any) -> Any:
        time.sleep(0.2)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(StoreIncidentRepository, "candidates", slow)
    docs = [clash_document(), second_report()]
    stores = [pg_backend.open(), pg_backend.open()]
    _commit_shared_rows(stores[0], docs)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(store: Any, doc: Document) -> None:
        try:
            start.wait()
            store.save(doc)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=pair) for pair in zip(stores, docs, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert _reports(stores[0]) == [1, 2]
    for s in stores:
        s.close()
