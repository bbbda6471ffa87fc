"""Events as a UCDP GED-style CSV: UCDP's column names and codes for what we produce.

Mapping (UCDP GED codebook 23.1 names): ``side_a``/``side_b`` are our actor1/actor2 and ``deaths_a``/``deaths_b``
follow them (no swap to put the government first); ``type_of_violence`` comes from the ACLED actor codes;
``where_prec`` from the place precision; ``date_prec`` from the length of the date range. Codes we cannot give
(Gleditsch-Ward numbers, conflict/dyad ids, PRIO-GRID cells) are left out rather than left empty.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from frontlines.export.columns import cell

UCDP_GED_COLUMNS = (
    "id",
    "relid",
    "year",
    "type_of_violence",
    "dyad_name",
    "side_a",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
)

# ACLED inter codes (frontlines.serialize.INTER_CODE): armed organised actors, and civilians.
STATE = 1
ORGANISED = {2, 3, 4, 8}
CIVILIANS = 7

# UCDP where_prec by our geo_precision (1 exact place, 2 near a place, 3 a larger region: UCDP's admin-1 code 4).
WHERE_PREC = {1: 1, 2: 2, 3: 4}
WHERE_PREC_COUNTRY = 6

# UCDP date_prec by the number of days the date range covers (1 day, 2-6 days, a week, up to a month, longer).
DATE_PREC_BY_DAYS = ((1, 1), (6, 2), (7, 3), (31, 4))
DATE_PREC_LONGER = 5


def type_of_violence(inter1: int | None, inter2: int | None) -> int | None:
    """1 state-based, 2 non-state, 3 one-sided (organised actor against civilians); None outside UCDP's scope."""
    armed = ORGANISED | {STATE}
    if inter1 not in armed:
        return None
    if inter2 == CIVILIANS:
        return 3
    if inter2 not in armed:
        return None
    return 1 if STATE in (inter1, inter2) else 2


def where_prec(record: dict[str, Any]) -> int | None:
    if record.get("latitude") is None:
        return WHERE_PREC_COUNTRY if record.get("country") else None
    return WHERE_PREC.get(record.get("geo_precision") or 0)


def date_prec(start: str | None, end: str | None) -> int | None:
    if not start:
        return None
    days = (date.fromisoformat(end or start) - date.fromisoformat(start)).days + 1
    for most, code in DATE_PREC_BY_DAYS:
        if days <= most:
            return code
    return DATE_PREC_LONGER


def ucdp_row(record: dict[str, Any]) -> dict[str, Any]:
    """One event as UCDP GED columns."""
    start, end = record.get("event_date"), record.get("event_date_end") or record.get("event_date")
    lat, lon = record.get("latitude"), record.get("longitude")
    side_a, side_b = record.get("actor1") or "", record.get("actor2") or ""
    place_parts = [record.get(k) for k in ("location", "admin2", "admin1", "country")]
    return {
        "id": record["event_id"],
        "relid": record.get("external_id") or record["event_id"],
        "year": int(start[:4]) if start else None,
        "type_of_violence": type_of_violence(record.get("inter1"), record.get("inter2")),
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else side_a,
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": 1,
        "source_article": record.get("source") or "",
        "source_original": record.get("notes") or "",
        "where_prec": where_prec(record),
        "where_coordinates": record.get("location") or "",
        "where_description": ", ".join(p for p in place_parts if p),
        "adm_1": record.get("admin1") or "",
        "adm_2": record.get("admin2") or "",
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else "",
        "country": record.get("country") or "",
        "event_clarity": 1 if record.get("time_precision") == 1 else 2,
        "date_prec": date_prec(start, end),
        "date_start": start,
        "date_end": end,
        **{k: record.get(k) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")},
        **{k: record.get(k) for k in ("best", "high", "low")},
    }


def write_ucdp_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the records as UCDP GED-style CSV; returns how many were written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(UCDP_GED_COLUMNS)
    written = 0
    for record in records:
        row = ucdp_row(record)
        writer.writerow([cell(row[column]) for column in UCDP_GED_COLUMNS])
        written += 1
    return written
