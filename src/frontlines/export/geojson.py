"""Events as one GeoJSON FeatureCollection (RFC 7946): a Point per event at (longitude, latitude), the event's
export columns as properties (lists and objects kept as JSON). An event without coordinates is a Feature with a
null geometry, as RFC 7946 allows. Written feature by feature, so any number of events fits in little memory."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from frontlines.export.columns import EVENT_COLUMNS


def feature(record: dict[str, Any]) -> dict[str, Any]:
    lat, lon = record.get("latitude"), record.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {
        "type": "Feature",
        "id": record["event_id"],
        "geometry": geometry,
        "properties": {column: record.get(column) for column in EVENT_COLUMNS},
    }


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the records as a FeatureCollection; returns how many features were written."""
    out.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for record in records:
        out.write(("\n" if written == 0 else ",\n") + json.dumps(feature(record), ensure_ascii=False))
        written += 1
    out.write("\n]}\n" if written else "]}\n")
    return written
