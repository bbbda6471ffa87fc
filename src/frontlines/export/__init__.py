"""Events and documents out of a store as JSON (one array), JSON Lines or CSV.

Records are the dicts of :mod:`frontlines.serialize` (published as JSON Schema); CSV flattens them with ACLED's
columns first (:mod:`frontlines.export.columns`). Records are read from the store page by page and written as they
come, so an export of any size runs in little memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, TextIO

from frontlines.errors import ConfigError
from frontlines.export.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS, flat_row
from frontlines.store.base import DocumentFilter, EventFilter, Store

__all__ = ["FORMATS", "export_documents", "export_events", "iter_documents", "iter_events", "write_records"]

FORMATS = ("json", "jsonl", "csv")
PAGE_SIZE = 500


def _paged(fetch: Callable[[int, int], list[dict[str, Any]]], limit: int | None, offset: int) -> Iterator[dict]:
    """Records from ``fetch(limit, offset)`` in pages, stopping after ``limit`` records when one is given."""
    left = limit
    while left is None or left > 0:
        size = PAGE_SIZE if left is None else min(PAGE_SIZE, left)
        page = fetch(size, offset)
        yield from page
        if len(page) < size:
            return
        offset += len(page)
        left = None if left is None else left - len(page)


def iter_events(store: Store, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    filters = filters or EventFilter()
    return _paged(
        lambda size, offset: store.list_events(replace(filters, limit=size, offset=offset)),
        filters.limit,
        filters.offset,
    )


def iter_documents(store: Store, filters: DocumentFilter | None = None) -> Iterator[dict[str, Any]]:
    filters = filters or DocumentFilter()
    return _paged(
        lambda size, offset: store.list_documents(replace(filters, limit=size, offset=offset)),
        filters.limit,
        filters.offset,
    )


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO, columns: tuple[str, ...]) -> int:
    """Write records in ``fmt``; returns how many were written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    written = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow(flat_row(record, columns))
            written += 1
    elif fmt == "jsonl":
        for record in records:
            out.write(_dumps(record) + "\n")
            written += 1
    else:
        out.write("[")
        for record in records:
            out.write(("\n" if written == 0 else ",\n") + _dumps(record))
            written += 1
        out.write("\n]\n" if written else "]\n")
    return written


def export_events(store: Store, fmt: str, out: TextIO, filters: EventFilter | None = None) -> int:
    """Write the events matching ``filters``; every record carries its document's external_id. Returns the count."""
    return write_records(iter_events(store, filters), fmt, out, EVENT_COLUMNS)


def export_documents(store: Store, fmt: str, out: TextIO, filters: DocumentFilter | None = None) -> int:
    """Write the documents (text, places, quotes, claims, discard). Returns the count."""
    return write_records(iter_documents(store, filters), fmt, out, DOCUMENT_COLUMNS)
