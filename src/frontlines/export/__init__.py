"""Events and documents out of a store as JSON (one array), JSON Lines or CSV; events also as UCDP GED-style CSV
(:mod:`.ucdp`), GeoJSON (:mod:`.geojson`) and Parquet (:mod:`.parquet`, binary: needs a path or a binary stream).

Records are the dicts of :mod:`frontlines.serialize` (published as JSON Schema); CSV flattens them with ACLED's
columns first (:mod:`frontlines.export.columns`). Records are read from the store page by page and written as they
come, so an export of any size runs in little memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import IO, Any, TextIO, cast

from frontlines.errors import ConfigError
from frontlines.export.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS, flat_row
from frontlines.store.base import DocumentFilter, EventFilter, Store

__all__ = [
    "BINARY_FORMATS",
    "EVENT_FORMATS",
    "FORMATS",
    "export_documents",
    "export_events",
    "iter_documents",
    "iter_events",
    "write_event_records",
    "write_records",
]

FORMATS = ("json", "jsonl", "csv")
# Formats for events only (UCDP columns, features, typed table); parquet is written to a binary stream or path.
EVENT_FORMATS = (*FORMATS, "ucdp-csv", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)
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


def write_event_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO | IO[bytes] | str) -> int:
    """Write event records in any of :data:`EVENT_FORMATS`; ``out`` is binary (or a path) for parquet only."""
    if fmt == "parquet":
        from frontlines.export.parquet import write_parquet

        return write_parquet(records, cast("IO[bytes] | str", out))
    text_out = cast(TextIO, out)
    if fmt == "ucdp-csv":
        from frontlines.export.ucdp import write_ucdp_csv

        return write_ucdp_csv(records, text_out)
    if fmt == "geojson":
        from frontlines.export.geojson import write_geojson

        return write_geojson(records, text_out)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EVENT_FORMATS)}")
    return write_records(records, fmt, text_out, EVENT_COLUMNS)


def export_events(store: Store, fmt: str, out: TextIO | IO[bytes] | str, filters: EventFilter | None = None) -> int:
    """Write the events matching ``filters``; every record carries its document's external_id. Returns the count."""
    return write_event_records(iter_events(store, filters), fmt, out)


def export_documents(store: Store, fmt: str, out: TextIO, filters: DocumentFilter | None = None) -> int:
    """Write the documents (text, places, quotes, claims, discard). Returns the count."""
    return write_records(iter_documents(store, filters), fmt, out, DOCUMENT_COLUMNS)
