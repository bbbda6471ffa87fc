"""What the endpoints answer, as plain functions of a :class:`Store` (no web framework here, easy to test).

The store filters (date/country/admin1/type/actor/min_fatalities/bbox/near/text), sorts (event date or fatalities,
either way) and pages event lists itself, from its indexes: a page reads only its own rows. The aggregates (actors,
places, territory, timeline, incidents) are computed here over the store's filtered records, at most
:data:`SCAN_LIMIT` of them (the answer then says ``truncated``: narrow the filters): that is the one place the cap
is still needed, as they hold every matching record in memory. Exports are never truncated. Incidents: the store
keeps none yet, so reports are grouped here (:func:`incident_key`): events from different documents with the same
date, GeoNames place and event type form one incident; every other event is an incident of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from frontlines.api.params import EventQuery
from frontlines.export import iter_events
from frontlines.store.base import EventFilter, Store

Record = dict[str, Any]

# Fields left out of list items (the detail endpoint has them): long and only useful with the document text.
LIST_OMITS = ("evidence",)


def summary(record: Record) -> Record:
    return {key: value for key, value in record.items() if key not in LIST_OMITS}


# The most events an aggregate of this layer reads from the store (one query; records held in memory).
SCAN_LIMIT = 20_000


def matching(store: Store, query: EventQuery) -> Iterator[Record]:
    """Every record matching the query's filters, in the store's order."""
    yield from iter_events(store, query.store_filter)


def scanned(store: Store, query: EventQuery, limit: int | None = None) -> tuple[list[Record], bool]:
    """The first ``limit`` (default :data:`SCAN_LIMIT`) matching records, and True when the store had more (the
    answer is then about the first ones only)."""
    cap = SCAN_LIMIT if limit is None else limit
    found = store.list_events(replace(query.store_filter, sort="event_date", limit=cap + 1, offset=0))
    return found[:cap], len(found) > cap


def events_page(store: Store, query: EventQuery) -> Record:
    """One page of events: ``items``, ``limit``, ``offset`` and ``next_offset`` (None on the last page).
    The store filters, sorts and pages: never truncated."""
    found = store.list_events(query.page_filter())
    more = len(found) > query.limit
    items = [summary(r) for r in found[: query.limit]]
    return {
        "items": items,
        "count": len(items),
        "limit": query.limit,
        "offset": query.offset,
        "next_offset": query.offset + query.limit if more else None,
        "sort": query.sort,
        "truncated": False,
    }


def incident_key(record: Record) -> tuple[str, ...]:
    """Events sharing this key are reports of one incident: same day, GeoNames place and event type."""
    if record.get("event_date") and record.get("geonameid") is not None and record.get("event_type"):
        return ("place", str(record["event_date"]), str(record["geonameid"]), str(record["event_type"]))
    return ("event", str(record["event_id"]))


def _incident_id(key: tuple[str, ...]) -> str:
    return ":".join(key[1:])


def incident_of(store: Store, record: Record) -> Record:
    """The incident an event belongs to: its id and the summaries of every report in it (this one included)."""
    key = incident_key(record)
    if key[0] == "event":
        members = [record]
    else:
        same = EventFilter(since=record["event_date"], until=record["event_date"], event_type=record["event_type"])
        members = [r for r in iter_events(store, same) if incident_key(r) == key]
    return incident_record(key, members)


def incident_record(key: tuple[str, ...], members: list[Record]) -> Record:
    deaths = [m["fatalities"] for m in members if m.get("fatalities") is not None]
    first = members[0]
    return {
        "incident_id": _incident_id(key),
        "grouped_by": "date+place+event_type" if key[0] == "place" else "single event",
        "event_date": first.get("event_date"),
        "event_type": first.get("event_type"),
        "location": first.get("location"),
        "country": first.get("country"),
        "latitude": first.get("latitude"),
        "longitude": first.get("longitude"),
        "reports": len(members),
        "documents": len({m["doc_id"] for m in members}),
        "fatalities_low": min(deaths) if deaths else None,
        "fatalities_high": max(deaths) if deaths else None,
        "events": [
            {k: m.get(k) for k in ("event_id", "doc_id", "external_id", "source", "fatalities", "notes")}
            for m in members
        ],
    }


def incidents_page(store: Store, query: EventQuery) -> Record:
    """Incidents of the matching events, in order of their first report, paged like events."""
    groups: dict[tuple[str, ...], list[Record]] = {}
    records, truncated = scanned(store, query)
    for record in records:
        groups.setdefault(incident_key(record), []).append(record)
    keys = list(groups)[query.offset : query.offset + query.limit + 1]
    items = [incident_record(key, groups[key]) for key in keys[: query.limit]]
    return {
        "items": items,
        "count": len(items),
        "limit": query.limit,
        "offset": query.offset,
        "next_offset": query.offset + query.limit if len(keys) > query.limit else None,
        "truncated": truncated,
        "note": "The store keeps no incidents yet: reports are grouped by date, GeoNames place and event type.",
    }


def _add(table: dict[str, Record], key: str, name: str, fatalities: int | None, **extra: Any) -> None:
    row = table.get(key)
    if row is None:
        row = table[key] = {"id": key, "name": name, "events": 0, "fatalities": 0, **extra}
    row["events"] += 1
    row["fatalities"] += fatalities or 0


def actors(records: Iterable[Record]) -> list[Record]:
    """Actors named as actor1/actor2 or associates, with how many events and fatalities involve them."""
    table: dict[str, Record] = {}
    for r in records:
        for side in ("1", "2"):
            if r.get(f"actor{side}_id"):
                _add(table, r[f"actor{side}_id"], r.get(f"actor{side}") or "", r.get("fatalities"))
            names = [n for n in (r.get(f"assoc_actor_{side}") or "").split("; ") if n]
            ids = r.get(f"assoc_actor_{side}_ids") or []
            for actor_id, name in zip(ids, names + [""] * len(ids), strict=False):
                _add(table, actor_id, name, r.get("fatalities"))
    return sorted(table.values(), key=lambda row: (-row["events"], row["name"]))


def places(records: Iterable[Record]) -> list[Record]:
    """Places where events happened (by GeoNames id, else by name and country), with counts and coordinates."""
    table: dict[str, Record] = {}
    for r in records:
        if not r.get("location"):
            continue
        key = str(r["geonameid"]) if r.get("geonameid") is not None else f"{r['location']}|{r.get('country') or ''}"
        extra = {k: r.get(k) for k in ("geonameid", "country", "admin1", "latitude", "longitude")}
        _add(table, key, r["location"], r.get("fatalities"), **extra)
    return sorted(table.values(), key=lambda row: (-row["events"], row["name"]))


def period_start(day: str, interval: str) -> str:
    start = date.fromisoformat(day[:10])
    if interval == "week":
        start -= timedelta(days=start.weekday())
    return start.isoformat()


def timeline(records: Iterable[Record], interval: str) -> list[Record]:
    """Events and fatalities per day or per ISO week (Monday), dated events only, gaps left out."""
    bins: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        if r.get("event_date"):
            counts = bins[period_start(r["event_date"], interval)]
            counts[0] += 1
            counts[1] += r.get("fatalities") or 0
    return [{"period": k, "events": v[0], "fatalities": v[1]} for k, v in sorted(bins.items())]


def territory(records: Iterable[Record]) -> list[Record]:
    """Who took which place when: one row per event with a territorial control change, by date."""
    rows = []
    for r in records:
        change = r.get("territory")
        if change:
            rows.append(
                {
                    "event_id": r["event_id"],
                    "event_date": r.get("event_date"),
                    "place": change.get("place"),
                    "geonameid": change.get("geonameid"),
                    "from_actor": (change.get("from") or {}).get("name"),
                    "to_actor": (change.get("to") or {}).get("name"),
                    "sub_event_type": r.get("sub_event_type"),
                    "country": r.get("country"),
                    "latitude": r.get("latitude"),
                    "longitude": r.get("longitude"),
                }
            )
    return rows
