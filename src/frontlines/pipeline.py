"""The pipeline: an ordered list of stages, each ``(Document) -> Document``, that declare what they need and give.

The order is checked before anything runs (a stage whose requirement no earlier stage assigns is a
:class:`PipelineError`). A document that a stage discards goes no further. Each stage's time is recorded in
``Document.timings`` so the benchmark can show where the time goes.

A stage may also offer ``run_many`` for a list of documents at once (the parse batches documents through spaCy);
:meth:`Pipeline.process_many` uses it, and an exception there is retried one document at a time so that one bad
document fails alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from frontlines.errors import PipelineError
from frontlines.model import Document

# Fields a Document has when it leaves ingest.
INGESTED_FIELDS = ("raw", "media_type", "external_id", "url", "given_published")


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], Document | None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    run_many: Callable[[list[Document]], list[Document]] | None = None


@dataclass
class Outcome:
    """A document after the pipeline, or the exception that stopped it."""

    doc: Document
    error: Exception | None = None


class Pipeline:
    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = tuple(stages)

    def process(self, doc: Document) -> Document:
        """Run every stage in order; stop at the first discard. Stage exceptions propagate to the caller."""
        for stage in self.stages:
            if doc.discard is not None:
                break
            started = time.perf_counter()
            doc = stage.run(doc) or doc
            doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + time.perf_counter() - started
        return doc

    def process_many(self, docs: list[Document]) -> list[Outcome]:
        """Run every stage over a batch, in order; each document's exception is kept, never raised."""
        outcomes = [Outcome(doc) for doc in docs]
        for stage in self.stages:
            live = [o for o in outcomes if o.error is None and o.doc.discard is None]
            if stage.run_many is not None and len(live) > 1:
                self._run_batched(stage, live)
            else:
                for outcome in live:
                    self._run_one(stage, outcome)
        return outcomes

    def _run_batched(self, stage: Stage, live: list[Outcome]) -> None:
        assert stage.run_many is not None
        started = time.perf_counter()
        try:
            done = stage.run_many([o.doc for o in live])
        except Exception:  # find the document at fault by running them one at a time
            for outcome in live:
                self._run_one(stage, outcome)
            return
        share = (time.perf_counter() - started) / len(live)
        for outcome, doc in zip(live, done, strict=True):
            outcome.doc = doc
            doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + share

    @staticmethod
    def _run_one(stage: Stage, outcome: Outcome) -> None:
        started = time.perf_counter()
        try:
            outcome.doc = stage.run(outcome.doc) or outcome.doc
        except Exception as exc:  # reported with the document by the caller
            outcome.error = exc
        timings = outcome.doc.timings
        timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - started

    def upto(self, last: str) -> Pipeline:
        """The pipeline's stages up to and including ``last``."""
        names = [stage.name for stage in self.stages]
        if last not in names:
            raise PipelineError(f"no stage named {last!r}; stages are {', '.join(names)}")
        return Pipeline(self.stages[: names.index(last) + 1])

    def without(self, name: str) -> Pipeline:
        """The pipeline less one stage (a gate, for a measurement that must see every document)."""
        return Pipeline([stage for stage in self.stages if stage.name != name])


def check_order(stages: Iterable[Stage]) -> None:
    available = set(INGESTED_FIELDS)
    for stage in stages:
        missing = [field for field in stage.requires if field not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        available.update(stage.assigns)


def default_pipeline() -> Pipeline:
    """The full pipeline: clean, annotate, actors, places, quotes and claims, events."""
    from frontlines.stages import default_stages

    return Pipeline(default_stages())
