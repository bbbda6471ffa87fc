"""Column order of the CSV exports: ACLED's columns first, UCDP GED's deaths next, then our extras."""

from __future__ import annotations

import json
from typing import Any

# ACLED's column names, in ACLED's order (only those we produce).
ACLED_COLUMNS = (
    "event_id",
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "iso",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)

# UCDP GED's deaths per side and its low/best/high estimates.
UCDP_COLUMNS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "best", "high")

# Ours: ids, resolution details, casualty reports and evidence (lists and objects as JSON text).
EXTRA_COLUMNS = (
    "doc_id",
    "external_id",
    "event_date_end",
    "actor1_id",
    "actor2_id",
    "assoc_actor_1_ids",
    "assoc_actor_2_ids",
    "country_code",
    "geonameid",
    "wounded",
    "confidence",
    "casualties",
    "force_sizes",
    "territory",
    "evidence",
)

EVENT_COLUMNS = ACLED_COLUMNS + UCDP_COLUMNS + EXTRA_COLUMNS

DOCUMENT_COLUMNS = (
    "doc_id",
    "external_id",
    "url",
    "source_path",
    "title",
    "published",
    "published_source",
    "language",
    "discard",
    "event_ids",
    "places",
    "quotes",
    "claims",
    "blocks",
    "text",
)


def cell(value: Any) -> str | int | float:
    """A CSV cell: null is empty, lists and objects are compact JSON, the rest as is."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str | int | float):
        return value
    return str(value)


def flat_row(record: dict[str, Any], columns: tuple[str, ...]) -> list[str | int | float]:
    return [cell(record.get(column)) for column in columns]
