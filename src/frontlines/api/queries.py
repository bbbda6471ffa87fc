"""What the endpoints answer, as plain functions of a :class:`Store` (no web framework here, easy to test).

The store filters (date/country/admin1/type/actor/min_fatalities/bbox/near/text), sorts (event date or fatalities,
either way) and pages event lists itself, from its indexes: a page reads only its own rows. The aggregates (actors,
places, territory, timeline, incidents) are computed here over the store's filtered records, at most
:data:`SCAN_LIMIT` of them (the answer then says ``truncated``: narrow the filters): that is the one place the cap
is still needed, as they hold every matching record in memory. Exports are never truncated. Incidents come from the
store (merged by :mod:`frontlines.dedup` as documents are saved, summaries cached in its ``incidents`` table): the
page lists the incidents holding the matching events; an event not merged is an incident of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from frontlines.api.params import EventQuery
from frontlines.export import iter_events
from frontlines.store.base import Store

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


def _incidents(store: Store) -> Any:
    """The store's incidents (:class:`~frontlines.store.incidents.StoreIncidents`), None for a store without."""
    getter = getattr(store, "incidents", None)
    return getter() if callable(getter) else None


def single_event_incident(record: Record) -> Record:
    """An event not (yet) merged into a stored incident, shown as an incident of one report."""
    deaths = record.get("fatalities")
    return {
        "incident_id": "event:" + str(record["event_id"]),
        "grouped_by": "single event",
        "event_date": record.get("event_date"),
        "date_start": record.get("event_date"),
        "date_end": record.get("event_date_end") or record.get("event_date"),
        "event_type": record.get("event_type"),
        "sub_event_type": record.get("sub_event_type"),
        "location": record.get("location"),
        "country": record.get("country"),
        "latitude": record.get("latitude"),
        "longitude": record.get("longitude"),
        "reports": 1,
        "documents": 1,
        "sources_count": 1,
        "first_report": None,
        "last_report": None,
        "actors": [],
        "fatalities_low": deaths,
        "fatalities_best": deaths,
        "fatalities_high": deaths,
        "fatalities": None,
        "events": [{k: record.get(k) for k in ("event_id", "doc_id", "external_id", "source", "fatalities", "notes")}],
    }


def _report_events(summary: Record) -> list[Record]:
    """The incident's reports as the event summaries the web page lists (fatalities: the report's own figure)."""
    figures = (summary.get("fatalities") or {}).get("figures") or []
    killed = {f["doc_id"]: f["best"] for f in figures}
    return [
        {
            "event_id": r["event_id"],
            "doc_id": r["doc_id"],
            "external_id": r["external_id"],
            "source": r["source"],
            "url": r["url"],
            "published": r["published"],
            "duplicate": r["duplicate"],
            "fatalities": killed.get(r["doc_id"]),
            "notes": None,
        }
        for r in summary["reports"]
    ]


def stored_incident(summary: Record) -> Record:
    """A stored incident summary (:meth:`frontlines.dedup.Incident.to_dict`) plus the flat fields of the list."""
    place = summary.get("location") or {}
    fatalities = summary.get("fatalities") or {}
    return {
        **summary,
        "grouped_by": "merged reports" if summary["reports_count"] > 1 else "single event",
        "event_date": summary.get("date_start"),
        "location": place.get("name"),
        "place": place or None,
        "geonameid": place.get("geonameid"),
        "country": place.get("country"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "reports": summary["reports_count"],
        "documents": len({r["doc_id"] for r in summary["reports"]}),
        "fatalities_low": fatalities.get("low"),
        "fatalities_best": fatalities.get("best"),
        "fatalities_high": fatalities.get("high"),
        "fatalities": fatalities or None,
        "report_details": summary["reports"],
        "events": _report_events(summary),
    }


def incident_of(store: Store, record: Record) -> Record:
    """The stored incident an event belongs to (every report in it, this one included); an incident of its own
    when the event is not merged."""
    incidents = _incidents(store)
    if incidents is not None:
        found = incidents.incident_ids_of([record["event_id"]])
        summaries = incidents.summaries(list(found.values()))
        if summaries:
            return stored_incident(summaries[0])
    return single_event_incident(record)


def incidents_page(store: Store, query: EventQuery) -> Record:
    """Incidents holding the matching events, in order of their first matching event, paged like events."""
    records, truncated = scanned(store, query)
    incidents = _incidents(store)
    owner = incidents.incident_ids_of([r["event_id"] for r in records]) if incidents is not None else {}
    keys: dict[str, Record] = {}
    for record in records:
        keys.setdefault(owner.get(record["event_id"]) or "event:" + str(record["event_id"]), record)
    page = list(keys)[query.offset : query.offset + query.limit + 1]
    shown = page[: query.limit]
    summaries = {s["incident_id"]: s for s in incidents.summaries(shown)} if incidents is not None else {}
    items = [stored_incident(summaries[k]) if k in summaries else single_event_incident(keys[k]) for k in shown]
    return {
        "items": items,
        "count": len(items),
        "limit": query.limit,
        "offset": query.offset,
        "next_offset": query.offset + query.limit if len(page) > query.limit else None,
        "truncated": truncated,
        "note": "Reports grouped into incidents by frontlines.dedup as documents are stored (one incident, many "
        "reports); an event not merged is an incident of its own.",
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
