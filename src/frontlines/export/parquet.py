"""Events as Parquet with typed columns (needs pyarrow): dates as date32, counts as int64, coordinates and
confidence as float64, actor id lists as list<string>, nested records (casualties, evidence...) as JSON text.
Written in row groups of :data:`BATCH` events, so memory stays small whatever the size of the export."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from typing import IO, Any

from frontlines.errors import ConfigError
from frontlines.export.columns import EVENT_COLUMNS

BATCH = 5000

# Column types by name (every other export column is a string).
DATE_COLUMNS = ("event_date", "event_date_end")
INT_COLUMNS = (
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "geo_precision",
    "fatalities",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
    "geonameid",
    "wounded",
)
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")
LIST_COLUMNS = ("assoc_actor_1_ids", "assoc_actor_2_ids")
JSON_COLUMNS = ("casualties", "force_sizes", "territory", "evidence")


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # optional dependency
        raise ConfigError("the parquet format needs pyarrow: pip install pyarrow") from exc
    return pa, pq


def schema() -> Any:
    pa, _ = _pyarrow()

    def kind(column: str) -> Any:
        if column in DATE_COLUMNS:
            return pa.date32()
        if column in INT_COLUMNS:
            return pa.int64()
        if column in FLOAT_COLUMNS:
            return pa.float64()
        if column in LIST_COLUMNS:
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([pa.field(column, kind(column)) for column in EVENT_COLUMNS])


def value(column: str, raw: Any) -> Any:
    """A record's value in its column's type (JSON text for nested values, None stays None)."""
    if raw is None:
        return None
    if column in DATE_COLUMNS:
        return date.fromisoformat(raw)
    if column in JSON_COLUMNS:
        return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))
    return raw


def _batches(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(records)
    while batch := list(islice(it, BATCH)):
        yield batch


def write_parquet(records: Iterable[dict[str, Any]], out: str | IO[bytes]) -> int:
    """Write the records to a Parquet file (a path or a binary stream); returns how many were written."""
    pa, pq = _pyarrow()
    table_schema = schema()
    written = 0
    with pq.ParquetWriter(out, table_schema) as writer:
        for batch in _batches(records):
            columns = {c: [value(c, r.get(c)) for r in batch] for c in EVENT_COLUMNS}
            writer.write_table(pa.table(columns, schema=table_schema))
            written += len(batch)
        if not written:
            writer.write_table(table_schema.empty_table())
    return written
