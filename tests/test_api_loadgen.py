"""The synthetic load store: valid documents whose evidence points at their own text, and a working measure."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from frontlines.api import loadgen
from frontlines.store import EventFilter, SQLiteStore


def test_synthetic_documents_have_evidence_in_their_text() -> None:
    rng = random.Random(1)
    doc = loadgen.synthetic_document(3, rng, loadgen._places(rng))
    assert len(doc.events) == loadgen.EVENTS_PER_DOCUMENT
    for event in doc.events:
        assert doc.text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.location is not None and event.location.span.text == event.location.place.name
        killed = event.casualties.reports[0].count
        assert doc.text[killed.span.start : killed.span.end] == str(killed.best)


def test_fill_and_measure(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    db = str(tmp_path / "load.db")
    with SQLiteStore(db) as store:
        assert loadgen.fill(store, events=50) == 10
        assert store.count_events() == 50
        assert len({e["event_id"] for e in store.list_events()}) == 50
        assert store.list_events(EventFilter(country="SD", bbox=(28, 11, 32, 16)))
    figures = loadgen.measure_testclient(db, runs=5, path="/api/events?country=SD&limit=10")
    assert 0 < figures["median_ms"] <= figures["p95_ms"] <= figures["max_ms"]
    assert 0 < figures["items"] <= 10
