"""``frontlines bench``: documents per second and peak memory of the whole pipeline, single process, by stage.

Both wall-clock and CPU figures are given: on a shared machine the CPU figure is the one that measures a core.

Start-up (loading the spaCy model, the actor dictionary and the gazetteer) is timed apart from the steady state, by
processing warm-up copies of the first documents until one has gone through every stage (a discarded document never
reaches the parse, so it would leave the model to load inside the timed loop). Documents go through in batches as
in ``frontlines run`` and are stored in an in-memory SQLite store, so storage is part of it.
"""

from __future__ import annotations

import resource
import time
from collections import Counter
from pathlib import Path
from typing import Any

from frontlines.batch import BATCH_SIZE, chunks
from frontlines.errors import InputError
from frontlines.ingest import iter_documents
from frontlines.model import Document
from frontlines.pipeline import default_pipeline

# The benchmark's default input, relative to the project checkout with ``../shared`` beside it.
DEFAULT_BENCH_INPUT = Path("..") / "shared" / "eval" / "dev" / "boilerplate.jsonl"


# Documents tried at most for the warm-up; when none of them reaches the last stage, loading stays in the loop.
WARM_UP_DOCUMENTS = 20
# Date-like strings in several languages, and one that is no date in any.
WARM_UP_DATES = ("12 März 2019", "3 de junio de 2020", "5 июня 2020", "Posted on Wednesday morning by the editor")


def run_bench(path: str | None = None, limit: int | None = None) -> dict[str, Any]:
    from frontlines.store import open_store

    source = Path(path) if path else DEFAULT_BENCH_INPUT
    documents = list(_take(iter_documents([source]), limit))
    if not documents:
        raise InputError(f"{source}: no documents to benchmark")
    pipeline = default_pipeline()
    store = open_store(":memory:")
    started = time.perf_counter()
    _warm_up(pipeline, documents[:WARM_UP_DOCUMENTS])
    startup = time.perf_counter() - started
    stage_seconds: dict[str, float] = {}
    discards: Counter[str] = Counter()
    events = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for chunk in chunks(documents, BATCH_SIZE):
        for outcome in pipeline.process_many(chunk):
            doc = outcome.doc
            doc.nlp = None
            saving = time.perf_counter()
            store.save(doc)
            for stage, seconds in [*doc.timings.items(), ("store", time.perf_counter() - saving)]:
                stage_seconds[stage] = stage_seconds.get(stage, 0.0) + seconds
            events += len(doc.events)
            if doc.discard:
                discards[doc.discard.reason] += 1
            if outcome.error is not None:
                discards[f"error:{type(outcome.error).__name__}"] += 1
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    store.close()
    return {
        "input": str(source),
        "documents": len(documents),
        "events": events,
        "discards": dict(discards),
        "startup_seconds": round(startup, 2),
        "seconds": round(elapsed, 2),
        "documents_per_second": round(len(documents) / elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "documents_per_cpu_second": round(len(documents) / cpu, 2),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stage_seconds": {name: round(value, 2) for name, value in _slowest_first(stage_seconds)},
        "stage_share": {name: round(value / elapsed, 3) for name, value in _slowest_first(stage_seconds)},
    }


def _warm_up(pipeline: Any, samples: list[Document]) -> None:
    """Load every model and table once, on copies of the first documents up to one that no stage discards;
    dateparser (used by htmldate for dates written in words) compiles its language tables on first use, so it is
    warmed up too."""
    from htmldate.extractors import get_external_parser

    for sample in samples:
        copy = Document(raw=sample.raw, media_type=sample.media_type, external_id="warm-up")
        if pipeline.process(copy).discard is None:
            break
    for phrase in WARM_UP_DATES:  # text that is no date makes dateparser try, and compile, every language once
        get_external_parser().get_date_data(phrase)


def _take(documents: Any, limit: int | None) -> Any:
    for index, doc in enumerate(documents):
        if limit is not None and index >= limit:
            return
        yield doc


def _slowest_first(seconds: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(seconds.items(), key=lambda item: -item[1])
