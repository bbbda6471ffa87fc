"""The benchmark's warm-up: models load before the timed loop even when the first documents are discarded."""

from __future__ import annotations

import pytest

from frontlines import bench
from frontlines.model import Discard, Document


class _Pipeline:
    """Discards every document but those that speak of war, and remembers what it processed."""

    def __init__(self) -> None:
        self.seen: list[str | bytes] = []

    def process(self, doc: Document) -> Document:
        self.seen.append(doc.raw)
        if doc.raw != "war":
            doc.discard = Discard("not_conflict", "")
        return doc


def test_warm_up_goes_on_past_discarded_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "WARM_UP_DATES", ())
    pipeline = _Pipeline()
    bench._warm_up(pipeline, [Document(raw=raw) for raw in ("hotel", "recipe", "war", "later")])
    assert pipeline.seen == ["hotel", "recipe", "war"]


def test_warm_up_stops_at_the_samples_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "WARM_UP_DATES", ())
    pipeline = _Pipeline()
    bench._warm_up(pipeline, [Document(raw=raw) for raw in ("hotel", "recipe")])
    assert pipeline.seen == ["hotel", "recipe"]
