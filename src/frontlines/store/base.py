"""What any store offers, whatever the database behind it (SQLite or PostgreSQL), and the filter helpers both share."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from frontlines.errors import ConfigError
from frontlines.geometry import EARTH_RADIUS_KM
from frontlines.geometry import haversine_km as haversine_km  # re-exported: the store's distance filters use it
from frontlines.model import Document

if TYPE_CHECKING:
    from frontlines.store.incidents import StoreIncidents

# The event orders a store offers (EventFilter.sort).
SORTS = ("event_date", "-event_date", "fatalities", "-fatalities")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list. Every field is optional; unset fields do not filter.

    ``since``/``until`` are ISO dates compared with ``event_date`` (inclusive); ``country`` matches the country name
    or its ISO alpha-2 code, case-insensitively; ``actor`` is a case-insensitive substring of any actor's name or id;
    ``processed_since`` keeps events of documents stored at or after that ISO timestamp (UTC); ``admin1`` matches
    the first-level region exactly, case-insensitively; ``min_fatalities`` keeps events with at least that many
    (events with an unknown count never match).

    Order (``sort``, one of :data:`SORTS`): ``event_date`` (default) is by event date, undated last, then in the
    order the events were stored; ``-event_date`` is newest first, undated last, ties in storage order;
    ``fatalities`` / ``-fatalities`` are by the fatality count (unknown counts last), ties in the default order.

    Place and words (events without coordinates never match ``bbox``/``near``):
    ``bbox`` = (min_lon, min_lat, max_lon, max_lat) in degrees, edges included; min_lon > max_lon crosses the
    antimeridian. ``near`` = (lon, lat, km): great-circle distance on a sphere of radius :data:`EARTH_RADIUS_KM` at
    most ``km``. ``text`` keeps events whose document text contains every word of it (case-insensitive, whole words;
    a word ending in ``*`` is a prefix); words are runs of letters and digits: punctuation is ignored, and a
    ``text`` with no word does not filter.
    """

    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    doc_id: str | None = None
    processed_since: str | None = None
    limit: int | None = None
    offset: int = 0
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float, float] | None = None
    text: str | None = None
    admin1: str | None = None
    min_fatalities: int | None = None
    sort: str = "event_date"

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ConfigError(f"sort must be one of {', '.join(SORTS)}, got {self.sort!r}")
        if self.bbox is not None:
            check_bbox(self.bbox)
        if self.near is not None:
            check_near(self.near)


def _check_point(lon: float, lat: float) -> None:
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise ConfigError(f"longitude {lon} / latitude {lat} out of range (-180..180 / -90..90)")


def check_bbox(bbox: tuple[float, float, float, float]) -> None:
    """Refuse a box that is not (min_lon, min_lat, max_lon, max_lat) in degrees."""
    if len(bbox) != 4:
        raise ConfigError(f"bbox needs 4 numbers (min_lon, min_lat, max_lon, max_lat), got {bbox!r}")
    min_lon, min_lat, max_lon, max_lat = bbox
    _check_point(min_lon, min_lat)
    _check_point(max_lon, max_lat)
    if min_lat > max_lat:
        raise ConfigError(f"bbox min_lat {min_lat} is above max_lat {max_lat}")


def check_near(near: tuple[float, float, float]) -> None:
    if len(near) != 3:
        raise ConfigError(f"near needs 3 numbers (lon, lat, km), got {near!r}")
    lon, lat, km = near
    _check_point(lon, lat)
    if not km >= 0:
        raise ConfigError(f"near radius must be >= 0 km, got {km}")


def bbox_parts(bbox: tuple[float, float, float, float]) -> list[tuple[float, float, float, float]]:
    """The box as one or two boxes that do not cross the antimeridian."""
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)
    if min_lon <= max_lon:
        return [(min_lon, min_lat, max_lon, max_lat)]
    return [(min_lon, min_lat, 180.0, max_lat), (-180.0, min_lat, max_lon, max_lat)]


def near_box(near: tuple[float, float, float]) -> list[tuple[float, float, float, float]]:
    """Boxes (as :func:`bbox_parts`) holding every point within ``km`` of (lon, lat): a cheap index prefilter."""
    lon, lat, km = (float(v) for v in near)
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    min_lat, max_lat = lat - dlat, lat + dlat
    if min_lat <= -90.0 or max_lat >= 90.0:  # a pole is inside: every longitude
        return [(-180.0, max(min_lat, -90.0), 180.0, min(max_lat, 90.0))]
    dlon = math.degrees(math.asin(min(1.0, math.sin(km / EARTH_RADIUS_KM) / math.cos(math.radians(lat)))))
    if km / EARTH_RADIUS_KM >= math.pi / 2 or dlon >= 180.0:
        return [(-180.0, min_lat, 180.0, max_lat)]
    west, east = lon - dlon, lon + dlon
    if west < -180.0:
        west += 360.0
    if east > 180.0:
        east -= 360.0
    return bbox_parts((west, min_lat, east, max_lat))


_WORD = re.compile(r"[^\W_]+\*?")


def text_terms(text: str) -> list[tuple[str, bool]]:
    """The words of a ``text`` filter, lower-cased, each with True when it is a prefix (``kill*``)."""
    return [(w.rstrip("*").lower(), w.endswith("*")) for w in _WORD.findall(text) if w.rstrip("*")]


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Which documents to list: ``discarded`` True/False keeps only discarded/kept ones; ``query`` is full-text."""

    discarded: bool | None = None
    query: str | None = None
    limit: int | None = None
    offset: int = 0


@runtime_checkable
class Store(Protocol):
    """Documents and their events, written whole or not at all. Records come back as serialized dicts."""

    def save(self, doc: Document) -> bool:
        """Store a processed or discarded document with everything found in it; False if already stored."""
        ...

    def has_document(self, doc_id: str) -> bool: ...

    def has_url(self, url: str) -> bool:
        """True when a document fetched from ``url`` (successfully processed or discarded) is stored."""
        ...

    def list_events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]: ...

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The event's dict plus ``document``: its doc_id, external_id, url, source_path, title, published, text."""
        ...

    def list_documents(self, filters: DocumentFilter | None = None) -> list[dict[str, Any]]: ...

    def get_document(self, doc_id: str) -> dict[str, Any] | None: ...

    def discard_counts(self) -> dict[str, int]: ...

    def count_events(self) -> int: ...

    def incidents(self) -> StoreIncidents:
        """The incidents merged from the stored events (``save`` merges each document's events as it stores it)."""
        ...

    def merge_pending(self) -> int:
        """Merge events a failed merge left pending; how many were merged."""
        ...

    def close(self) -> None: ...
