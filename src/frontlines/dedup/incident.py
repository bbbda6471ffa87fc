"""An incident: one thing that happened, reported by one or more events in one or more documents.

:func:`summarize` builds the :class:`Incident` from its members, so the summary never depends on the order the
reports arrived in. Rules (documented here, tested in tests/test_dedup_merge.py):

- a report is a *duplicate* when an earlier report (by publication date, then doc id) in the incident comes from
  the same near-duplicate cluster (``origin_doc_id``) or from the same document; duplicates are listed but never
  count as independent confirmation;
- the *source* of a report is its outlet (the URL's host, or ``DocMeta.outlet``), else its origin document;
  ``sources_count`` counts distinct sources of non-duplicate reports;
- *fatalities*: each report's figure is its killed total (the largest among its events in the incident); per
  source the most recently published figure is current (a revised toll supersedes the first one); the incident's
  ``low``/``high`` are the min/max of the current figures' low/high and ``best`` the median (the lower one of an
  even count) of their best values. Every figure stays in ``figures``, marked current or not;
- location: the most precise place, then the one most reports name; date: the most precise range, then the most
  reported; sub-event type: the majority among independent reports, ties to the more specific type; actors: the
  most specific actor reported on each side (named over generic over unresolved), sides aligned to the first report.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from statistics import median_low
from typing import Any
from urllib.parse import urlsplit

from frontlines.dedup import rules
from frontlines.dedup.fingerprint import Fingerprint, fingerprint
from frontlines.dedup.match import GENERIC_PREFIX, UNRESOLVED_PREFIX, actor_evidence, effective_date
from frontlines.model import Actor, CasualtyKind, DateRange, Document, Event, PlaceMention

FATALITY_RULE = "current figure per independent source (latest published); low=min, high=max, best=median_low"


@dataclass(frozen=True, slots=True)
class DocMeta:
    """What the merger needs to know about the document an event came from."""

    doc_id: str
    url: str = ""
    external_id: str = ""
    outlet: str = ""  # the publisher; defaults to the URL's host without "www."
    published: date | None = None
    fingerprint: Fingerprint | None = None  # of the document's text, for near-duplicate detection

    @property
    def source(self) -> str:
        if self.outlet:
            return self.outlet.lower()
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")

    @classmethod
    def from_document(cls, doc: Document) -> DocMeta:
        return cls(
            doc_id=doc.doc_id,
            url=doc.url,
            external_id=doc.external_id,
            published=doc.published or doc.given_published,
            fingerprint=fingerprint(doc.text) if doc.text else None,
        )


@dataclass(frozen=True, slots=True)
class Member:
    """One event stored in an incident: the event, its document, its near-duplicate cluster and its match score."""

    event: Event
    meta: DocMeta
    origin_doc_id: str  # the first stored document of its near-duplicate cluster (its own id when none)
    score: float = 1.0  # the score it joined with (1.0 for the event that started the incident)


@dataclass(frozen=True, slots=True)
class Report:
    """Provenance of one event in an incident."""

    event_id: str
    doc_id: str
    url: str
    external_id: str
    source: str
    published: date | None
    duplicate: bool
    origin_doc_id: str
    score: float


@dataclass(frozen=True, slots=True)
class FatalityFigure:
    """What one report said: "source X said 12"."""

    source: str
    doc_id: str
    published: date | None
    low: int
    best: int
    high: int
    duplicate: bool
    current: bool  # the source's latest figure: the one the incident's range uses


@dataclass(frozen=True, slots=True)
class Fatalities:
    low: int
    best: int
    high: int
    figures: tuple[FatalityFigure, ...]
    rule: str = FATALITY_RULE


@dataclass(frozen=True, slots=True)
class Incident:
    incident_id: str
    reports: tuple[Report, ...]
    sources_count: int
    first_report: date | None
    last_report: date | None
    event_type: str
    sub_event_type: str
    location: PlaceMention | None
    date: DateRange | None
    date_start: dt.date | None  # the earliest and latest day any report gives
    date_end: dt.date | None
    actor1: Actor | None
    actor2: Actor | None
    actors: tuple[Actor, ...]  # every distinct actor reported, primary and associated
    fatalities: Fatalities | None

    @property
    def duplicate_reports(self) -> int:
        return sum(1 for r in self.reports if r.duplicate)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (dates as ISO strings, the place and actors by id and name)."""
        place = self.location.place if self.location is not None else None
        return {
            "incident_id": self.incident_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "sources_count": self.sources_count,
            "reports_count": len(self.reports),
            "first_report": _iso(self.first_report),
            "last_report": _iso(self.last_report),
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "time_precision": self.date.precision.value if self.date is not None else None,
            "location": None
            if place is None
            else {
                "geonameid": place.geonameid,
                "name": place.name,
                "lat": place.lat,
                "lon": place.lon,
                "country": place.country,
                "admin1": place.admin1,
                "geo_precision": place.precision,
            },
            "actor1": _actor_dict(self.actor1),
            "actor2": _actor_dict(self.actor2),
            "actors": [_actor_dict(a) for a in self.actors],
            "fatalities": None if self.fatalities is None else _fatalities_dict(self.fatalities),
            "reports": [{**asdict(r), "published": _iso(r.published)} for r in self.reports],
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _actor_dict(actor: Actor | None) -> dict[str, str] | None:
    return None if actor is None else {"id": actor.id, "name": actor.name, "kind": actor.kind.value}


def _fatalities_dict(fat: Fatalities) -> dict[str, Any]:
    figures = [{**asdict(f), "published": _iso(f.published)} for f in fat.figures]
    return {"low": fat.low, "best": fat.best, "high": fat.high, "rule": fat.rule, "figures": figures}


# --- provenance ---------------------------------------------------------------------------------------------------


def _order_key(member: Member) -> tuple[date, bool, str, str]:
    """Publication order; on the same day a cluster's original (the first stored copy) before its copies."""
    copy = member.meta.doc_id != member.origin_doc_id
    return (member.meta.published or date.max, copy, member.meta.doc_id, member.event.event_id)


def _duplicate_flags(members: Sequence[Member]) -> list[bool]:
    """For members in publication order: True when an earlier member shares its document or cluster."""
    seen_docs: set[str] = set()
    seen_origins: set[str] = set()
    flags = []
    for m in members:
        same_doc = m.meta.doc_id in seen_docs
        flags.append(not same_doc and m.origin_doc_id in seen_origins)
        seen_docs.add(m.meta.doc_id)
        seen_origins.add(m.origin_doc_id)
    return flags


def _source_keys(members: Sequence[Member]) -> list[str]:
    """Each member's source; a near copy takes the source of its cluster's first report in the incident."""
    first_source: dict[str, str] = {}
    keys = []
    for m in members:
        own = m.meta.source or m.origin_doc_id
        keys.append(first_source.setdefault(m.origin_doc_id, own))
    return keys


def _reports(members: Sequence[Member], flags: Sequence[bool], sources: Sequence[str]) -> tuple[Report, ...]:
    return tuple(
        Report(
            event_id=m.event.event_id,
            doc_id=m.meta.doc_id,
            url=m.meta.url,
            external_id=m.meta.external_id,
            source=src,
            published=m.meta.published,
            duplicate=dup,
            origin_doc_id=m.origin_doc_id,
            score=m.score,
        )
        for m, dup, src in zip(members, flags, sources, strict=True)
    )


# --- fatalities ---------------------------------------------------------------------------------------------------


def _killed(event: Event) -> tuple[int, int, int] | None:
    total = event.casualties.total(CasualtyKind.KILLED)
    return None if total is None else (total.low, total.best, total.high)


def fatality_figures(members: Sequence[Member], sources: Sequence[str], flags: Sequence[bool]) -> list[FatalityFigure]:
    """One figure per document that gave a killed count (its largest), marked current for each source's latest."""
    per_doc: dict[str, tuple[Member, str, bool, tuple[int, int, int]]] = {}
    for m, src, dup in zip(members, sources, flags, strict=True):
        killed = _killed(m.event)
        if killed is None:
            continue
        held = per_doc.get(m.meta.doc_id)
        if held is None or killed[1] > held[3][1]:
            per_doc[m.meta.doc_id] = (m, src, dup if held is None else held[2] and dup, killed)
    latest: dict[str, tuple[date, str]] = {}
    for m, src, _, _ in per_doc.values():
        key = (m.meta.published or date.min, m.meta.doc_id)
        latest[src] = max(latest.get(src, key), key)
    return [
        FatalityFigure(
            source=src,
            doc_id=m.meta.doc_id,
            published=m.meta.published,
            low=k[0],
            best=k[1],
            high=k[2],
            duplicate=dup,
            current=latest[src][1] == m.meta.doc_id,
        )
        for m, src, dup, k in per_doc.values()
    ]


def combine_fatalities(figures: Sequence[FatalityFigure]) -> Fatalities | None:
    """low/best/high over the current figures (see the module docstring); None when no report gave a number."""
    current = [f for f in figures if f.current]
    if not current:
        return None
    return Fatalities(
        low=min(f.low for f in current),
        best=median_low(sorted(f.best for f in current)),
        high=max(f.high for f in current),
        figures=tuple(figures),
    )


# --- what happened, where, when, who ------------------------------------------------------------------------------


def _specificity(sub_event_type: str) -> int:
    return rules.GENERAL_SUB_EVENTS.get(sub_event_type, rules.DEFAULT_SPECIFICITY)


def majority_sub_event(events: Sequence[Event]) -> str:
    counts = Counter(e.sub_event_type for e in events)
    return max(counts, key=lambda s: (counts[s], _specificity(s), s))


def best_location(events: Sequence[Event]) -> PlaceMention | None:
    found = [e.location for e in events if e.location is not None]
    if not found:
        return None
    counts = Counter(p.place.geonameid for p in found)
    return min(found, key=lambda p: (p.place.precision, -counts[p.place.geonameid], -p.score, p.place.geonameid))


def best_date(events: Sequence[Event]) -> DateRange | None:
    found = [e.date for e in events if e.date is not None]
    if not found:
        return None
    counts = Counter((d.start, d.end) for d in found)
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    return min(
        found,
        key=lambda d: (d.span is None, order[d.precision.value], -counts[(d.start, d.end)], (d.end - d.start).days),
    )


def _actor_rank(actor: Actor) -> int:
    if actor.id.startswith(UNRESOLVED_PREFIX):
        return 2
    return 1 if actor.id.startswith(GENERIC_PREFIX) else 0


def _best_actor(candidates: Iterable[Actor | None]) -> Actor | None:
    found = [a for a in candidates if a is not None]
    if not found:
        return None
    counts = Counter(a.id for a in found)
    return min(found, key=lambda a: (_actor_rank(a), -counts[a.id], a.id))


def _aligned_sides(members: Sequence[Member]) -> tuple[list[Actor | None], list[Actor | None]]:
    first = members[0].event
    side1: list[Actor | None] = []
    side2: list[Actor | None] = []
    for m in members:
        aligned = actor_evidence(first, m.event)
        swapped = aligned is not None and aligned[1]
        side1.append(m.event.actor2 if swapped else m.event.actor1)
        side2.append(m.event.actor1 if swapped else m.event.actor2)
    return side1, side2


def _all_actors(events: Iterable[Event]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for e in events:
        for a in (e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2):
            if a is not None:
                seen.setdefault(a.id, a)
    return tuple(seen[k] for k in sorted(seen))


def _date_bounds(members: Sequence[Member]) -> tuple[date | None, date | None]:
    dated = [d for m in members if (d := effective_date(m.event, m.meta.published)) is not None and d.exact]
    if not dated:
        return None, None
    return min(d.start for d in dated), max(d.end for d in dated)


def summarize(incident_id: str, members: Sequence[Member]) -> Incident:
    """The incident its members describe (independent of the order they are given in)."""
    ordered = sorted(members, key=_order_key)
    flags = _duplicate_flags(ordered)
    sources = _source_keys(ordered)
    independent = [m.event for m, dup in zip(ordered, flags, strict=True) if not dup]
    events = [m.event for m in ordered]
    published = [m.meta.published for m in ordered if m.meta.published is not None]
    sub_event_type = majority_sub_event(independent or events)
    side1, side2 = _aligned_sides(ordered)
    start, end = _date_bounds(ordered)
    return Incident(
        incident_id=incident_id,
        reports=_reports(ordered, flags, sources),
        sources_count=len({s for s, dup in zip(sources, flags, strict=True) if not dup}),
        first_report=min(published) if published else None,
        last_report=max(published) if published else None,
        event_type=next(e.event_type for e in events if e.sub_event_type == sub_event_type),
        sub_event_type=sub_event_type,
        location=best_location(events),
        date=best_date(events),
        date_start=start,
        date_end=end,
        actor1=_best_actor(side1),
        actor2=_best_actor(side2),
        actors=_all_actors(events),
        fatalities=combine_fatalities(fatality_figures(ordered, sources, flags)),
    )
