"""Running the pipeline over many inputs: dedupe, process, store, count, show progress.

One bad document never stops a batch: an exception is logged, counted under ``errors`` by its type, and the batch goes
on. Expected rejections (discards) are stored with their reason so they are counted once and never reprocessed.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.ingest import JSONL_SUFFIXES, URL_LIST_SUFFIX, is_skipped, iter_documents
from frontlines.model import Document
from frontlines.pipeline import Pipeline, default_pipeline
from frontlines.sources.feeds import is_url
from frontlines.sources.warc import is_warc_path
from frontlines.store import Store

log = logging.getLogger(__name__)
# Documents processed together: spaCy parses a batch faster than one document at a time; an interrupted run
# redoes at most this many.
BATCH_SIZE = 16


@dataclass
class BatchSummary:
    documents_seen: int = 0
    documents_stored: int = 0
    documents_skipped_duplicate: int = 0
    events_found: int = 0
    discards: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    event_ids: list[str] = field(default_factory=list)

    @property
    def documents_per_second(self) -> float:
        return self.documents_seen / self.seconds if self.seconds else 0.0


def run_paths(paths: list[str], store: Store, progress: bool = True, pipeline: Pipeline | None = None) -> BatchSummary:
    """Process every document under ``paths`` into ``store``; returns what happened."""
    pipeline = pipeline or default_pipeline()
    documents = iter_documents(paths)
    if progress:
        return _run_with_progress(documents, store, pipeline, total=count_inputs(paths))
    return run_documents(documents, store, pipeline)


def run_documents(documents: Iterable[Document], store: Store, pipeline: Pipeline) -> BatchSummary:
    summary = BatchSummary()
    started = time.perf_counter()
    for _ in _process_each(documents, store, pipeline, summary):
        pass
    summary.seconds = time.perf_counter() - started
    return summary


def _run_with_progress(documents: Iterable[Document], store: Store, pipeline: Pipeline, total: int) -> BatchSummary:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    summary = BatchSummary()
    started = time.perf_counter()
    columns = (
        TextColumn("[bold]processing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[events]} events"),
    )
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("run", total=total or None, rate=0.0, events=0)
        for _ in _process_each(documents, store, pipeline, summary):
            elapsed = time.perf_counter() - started
            rate = summary.documents_seen / elapsed if elapsed else 0.0
            bar.update(task, advance=1, rate=rate, events=summary.events_found)
    summary.seconds = time.perf_counter() - started
    return summary


def _process_each(
    documents: Iterable[Document], store: Store, pipeline: Pipeline, summary: BatchSummary
) -> Iterator[Document]:
    """Process in small batches (the parse is faster on many documents at once); yields each document when done."""
    discards: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for chunk in chunks(documents, BATCH_SIZE):
        fresh = []
        for doc in chunk:
            summary.documents_seen += 1
            if store.has_document(doc.doc_id):
                summary.documents_skipped_duplicate += 1
                yield doc
            else:
                fresh.append(doc)
        for outcome in pipeline.process_many(fresh):
            doc = outcome.doc
            if outcome.error is not None:  # one bad article never stops a batch
                errors[type(outcome.error).__name__] += 1
                log.warning("%s: %r", doc.external_id or doc.source_path, outcome.error, exc_info=outcome.error)
            else:
                _store(doc, store, summary, discards)
            summary.discards, summary.errors = dict(discards), dict(errors)
            yield doc


def _store(doc: Document, store: Store, summary: BatchSummary, discards: Counter[str]) -> None:
    doc.nlp = None  # the parse is large and is not stored
    if doc.discard is not None:
        discards[doc.discard.reason] += 1
    if store.save(doc):
        summary.documents_stored += 1
        summary.events_found += len(doc.events)
        summary.event_ids.extend(event.event_id for event in doc.events)
    else:
        summary.documents_skipped_duplicate += 1


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in documents:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def count_inputs(paths: Iterable[str]) -> int:
    """How many documents the inputs hold (files, lines of JSON Lines files), for the progress bar; 0 if unknown."""
    total = 0
    for raw_path in paths:
        path = Path(raw_path)
        if is_url(raw_path) or path.suffix.lower() == URL_LIST_SUFFIX:
            return 0  # feeds and URL lists expand into an unknown number of pages
        files = sorted(p for p in path.rglob("*") if p.is_file() and not is_skipped(p)) if path.is_dir() else [path]
        for file in files:
            if is_warc_path(file):
                return 0  # counting an archive's records would mean reading it twice
            total += _lines_in(file) if file.suffix.lower() in JSONL_SUFFIXES else 1
    return total


def _lines_in(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
