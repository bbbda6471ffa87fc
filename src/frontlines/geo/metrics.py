"""Geocoding metrics of ``shared/eval/FORMAT.md``: toponym resolution on gold ``places``, event locations on gold
``locations``. Items are (gold, system output) pairs; ``gold`` is a record's ``gold`` dict or the whole record."""

from __future__ import annotations

import statistics
from typing import Any

from frontlines import geometry
from frontlines.model import Place, PlaceMention

PLACE_TOLERANCE_KM = 161.0
LOCATION_TOLERANCE_KM = 25.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """:func:`frontlines.geometry.haversine_km` with latitude first, as gold records and places give them."""
    return geometry.haversine_km(lon1, lat1, lon2, lat2)


def _gold(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    gold = record.get("gold", record)
    return list(gold.get(key) or [])


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def places_scores(items: list[tuple[dict[str, Any], list[PlaceMention]]]) -> dict[str, Any]:
    """Share of gold toponyms resolved within 161 km by an overlapping system place (end to end and among the
    recognised), recognition recall, and the median error of recognised ones."""
    total = found = correct = 0
    errors: list[float] = []
    for record, mentions in items:
        for gold in _gold(record, "places"):
            total += 1
            hit = next((m for m in mentions if m.span.start < gold["end"] and gold["start"] < m.span.end), None)
            if hit is None:
                continue
            found += 1
            error = haversine_km(float(gold["lat"]), float(gold["lon"]), hit.place.lat, hit.place.lon)
            errors.append(error)
            correct += error <= PLACE_TOLERANCE_KM
    return {
        "places_acc161_e2e": round(_ratio(correct, total), 4),
        "places_acc161_found": round(_ratio(correct, found), 4),
        "places_recognized": round(_ratio(found, total), 4),
        "places_median_err_km": _median(errors),
        "n": total,
    }


def location_scores(items: list[tuple[dict[str, Any], list[Place]]]) -> dict[str, Any]:
    """Recall and precision of system event locations within 25 km of a gold location; median error of matches."""
    n_gold = n_system = gold_hit = system_hit = 0
    errors: list[float] = []
    for record, places in items:
        golds = _gold(record, "locations")
        n_gold += len(golds)
        n_system += len(places)
        for gold in golds:
            dists = [haversine_km(float(gold["lat"]), float(gold["lon"]), p.lat, p.lon) for p in places]
            if dists and min(dists) <= LOCATION_TOLERANCE_KM:
                gold_hit += 1
                errors.append(min(dists))
        for place in places:
            dists = [haversine_km(float(g["lat"]), float(g["lon"]), place.lat, place.lon) for g in golds]
            system_hit += bool(dists) and min(dists) <= LOCATION_TOLERANCE_KM
    return {
        "loc_recall_25km": round(_ratio(gold_hit, n_gold), 4),
        "loc_precision_25km": round(_ratio(system_hit, n_system), 4),
        "loc_median_err_km": _median(errors),
        "n": n_gold,
    }
