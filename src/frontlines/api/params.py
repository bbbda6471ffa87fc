"""Query parameters of the event endpoints: parsed, checked and turned into an :class:`EventFilter` (every
filter, the sort order and the page are the store's: it answers them from its indexes).

Every parser raises :class:`BadQuery` with a message naming the parameter; the app answers it with a 422.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from frontlines.errors import ConfigError
from frontlines.store.base import EventFilter, check_bbox, check_near

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100

# sort parameter -> (record key, descending); the store sorts (EventFilter.sort), sort_records is its reference.
SORTS: dict[str, tuple[str, bool]] = {
    "event_date": ("event_date", False),
    "-event_date": ("event_date", True),
    "fatalities": ("fatalities", False),
    "-fatalities": ("fatalities", True),
}


class BadQuery(ValueError):
    """A query parameter that cannot be used; the message names it."""


def _numbers(name: str, text: str, count: int, help_text: str) -> tuple[float, ...]:
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != count:
        raise BadQuery(f"{name} needs {count} comma-separated numbers ({help_text}), got {text!r}")
    try:
        values = tuple(float(part) for part in parts)
    except ValueError as exc:
        raise BadQuery(f"{name} needs numbers ({help_text}), got {text!r}") from exc
    if not all(math.isfinite(v) for v in values):
        raise BadQuery(f"{name} needs finite numbers ({help_text}), got {text!r}")
    return values


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``"minlon,minlat,maxlon,maxlat"`` in degrees."""
    a, b, c, d = _numbers("bbox", text, 4, "minlon,minlat,maxlon,maxlat")
    try:
        check_bbox((a, b, c, d))
    except ConfigError as exc:
        raise BadQuery(f"bbox: {exc}") from exc
    return (a, b, c, d)


def parse_near(text: str) -> tuple[float, float, float]:
    """``"lon,lat,km"``."""
    lon, lat, km = _numbers("near", text, 3, "lon,lat,km")
    try:
        check_near((lon, lat, km))
    except ConfigError as exc:
        raise BadQuery(f"near: {exc}") from exc
    return (lon, lat, km)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """What /api/events was asked: the store's filter (with admin1, min_fatalities and the sort) and the page.
    ``admin1``, ``min_fatalities`` and ``sort`` repeat the filter's values (cache keys, answers)."""

    store_filter: EventFilter
    admin1: str | None = None
    min_fatalities: int | None = None
    sort: str = "event_date"
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @property
    def needs_scan(self) -> bool:
        """False: the store filters, sorts and pages every event query itself (kept for callers of old)."""
        return False

    def page_filter(self) -> EventFilter:
        """The store filter for the requested page, asking one record more to tell whether a next page exists."""
        return replace(self.store_filter, limit=self.limit + 1, offset=self.offset)


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def build_query(
    *,
    since: date | None = None,
    until: date | None = None,
    bbox: str | None = None,
    near: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    actor: str | None = None,
    min_fatalities: int | None = None,
    q: str | None = None,
    sort: str = "event_date",
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> EventQuery:
    """Check the parameters together and build the query; raises :class:`BadQuery`."""
    if since and until and since > until:
        raise BadQuery(f"since ({since}) is after until ({until})")
    if sort not in SORTS:
        raise BadQuery(f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    bbox_text, near_text = _blank(bbox), _blank(near)
    store_filter = EventFilter(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        country=_blank(country),
        event_type=_blank(event_type),
        sub_event_type=_blank(sub_event_type),
        actor=_blank(actor),
        bbox=parse_bbox(bbox_text) if bbox_text else None,
        near=parse_near(near_text) if near_text else None,
        text=_blank(q),
        admin1=_blank(admin1),
        min_fatalities=min_fatalities,
        sort=sort,
    )
    return EventQuery(store_filter, store_filter.admin1, min_fatalities, sort, limit, offset)


def keep(record: dict[str, Any], query: EventQuery) -> bool:
    """admin1 (case-insensitive, exact) and min_fatalities (unknown counts fail) on a record: what the store's
    filter does, for stores or callers that hold records already."""
    if query.admin1 is not None and (record.get("admin1") or "").casefold() != query.admin1.casefold():
        return False
    if query.min_fatalities is not None:
        fatalities = record.get("fatalities")
        return fatalities is not None and fatalities >= query.min_fatalities
    return True


def sort_records(records: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """Records in the asked order; records without the sort value always come last. Stable (ties keep the given
    order, as the store's sorts keep ties in event-date order)."""
    key, descending = SORTS[sort]
    known = [r for r in records if r.get(key) is not None]
    unknown = [r for r in records if r.get(key) is None]
    return sorted(known, key=lambda r: r[key], reverse=descending) + unknown
