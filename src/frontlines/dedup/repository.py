"""What incident merging needs from storage, as a protocol, and an in-memory implementation.

A store backs :class:`IncidentRepository` with its tables ``incidents`` and ``incident_events`` (the member events,
with the columns :class:`Window` filters on: the effective date range and the point):
:class:`frontlines.store.incidents.StoreIncidentRepository`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol, runtime_checkable

from frontlines.dedup import rules
from frontlines.dedup.incident import Member
from frontlines.dedup.match import effective_date, haversine_km
from frontlines.model import DatePrecision, Event


@dataclass(frozen=True, slots=True)
class Window:
    """Where to look for candidate incidents: members whose effective dates touch [start, end] and whose points lie
    within ``radius_km`` of (lat, lon). A None bound does not filter; members without a date or point always pass."""

    start: date | None = None
    end: date | None = None
    lat: float | None = None
    lon: float | None = None
    radius_km: float = max(rules.MAX_DISTANCE_KM.values())


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    incident_id: str
    members: tuple[Member, ...]


@runtime_checkable
class IncidentRepository(Protocol):
    def candidates(self, event: Event, *, window: Window) -> list[IncidentRecord]:
        """Incidents with at least one member inside the window (a superset of those that can match)."""
        ...

    def with_origin(self, origin_doc_id: str) -> list[IncidentRecord]:
        """Incidents holding a member of this near-duplicate cluster (a copy's events may be dated off-window)."""
        ...

    def add_incident(self, member: Member) -> str:
        """Start an incident with one member; return its id."""
        ...

    def attach_event(self, incident_id: str, member: Member) -> None: ...

    def get(self, incident_id: str) -> IncidentRecord | None: ...

    def merge_incidents(self, keep_id: str, drop_id: str) -> None:
        """Move every member of ``drop_id`` into ``keep_id`` and delete ``drop_id``."""
        ...

    def incident_ids(self) -> list[str]: ...


def window_for(event: Event, published: date | None = None) -> Window:
    """The candidate window of an event: its effective dates widened by the largest gap it may match across, and the
    largest radius."""
    dated = effective_date(event, published)
    pad = timedelta(days=_largest_gap(dated.precision) if dated is not None else 0)
    start, end = (dated.start - pad, dated.end + pad) if dated is not None else (None, None)
    point = event.location.place if event.location is not None else None
    return Window(
        start=start,
        end=end,
        lat=point.lat if point is not None else None,
        lon=point.lon if point is not None else None,
    )


def _largest_gap(precision: DatePrecision) -> int:
    """The largest date gap a report of this precision can match across: summaries (month, year) only meet each
    other, the rest only each other (see ``match.date_evidence``). Members are indexed by their effective range, so
    their own fallback look-back is already in the index."""
    summary = precision in rules.SUMMARY_PRECISIONS
    return max(days for p, days in rules.DATE_SLACK_DAYS.items() if (p in rules.SUMMARY_PRECISIONS) == summary)


def incident_id_for(member: Member) -> str:
    """A stable id from the event that starts the incident."""
    key = f"{member.meta.doc_id}/{member.event.event_id}".encode()
    return "inc-" + hashlib.blake2b(key, digest_size=8).hexdigest()


def _days(member: Member) -> list[date] | None:
    dated = effective_date(member.event, member.meta.published)
    if dated is None:
        return None
    span = min((dated.end - dated.start).days, 400 if dated.precision == DatePrecision.YEAR else 62)
    return [dated.start + timedelta(days=i) for i in range(span + 1)]


class InMemoryIncidentRepository:
    """Incidents in dicts, with a day index for candidate lookup (what a store does with a date index)."""

    def __init__(self) -> None:
        self._members: dict[str, list[Member]] = {}
        self._by_day: dict[date, set[str]] = {}
        self._undated: set[str] = set()
        self._by_origin: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self._members)

    def __iter__(self) -> Iterator[IncidentRecord]:
        return (IncidentRecord(k, tuple(v)) for k, v in self._members.items())

    def _index(self, incident_id: str, member: Member) -> None:
        self._by_origin.setdefault(member.origin_doc_id, set()).add(incident_id)
        days = _days(member)
        if days is None:
            self._undated.add(incident_id)
            return
        for day in days:
            self._by_day.setdefault(day, set()).add(incident_id)

    def _ids_in(self, window: Window) -> set[str]:
        if window.start is None or window.end is None:
            return set(self._members)
        found = set(self._undated)
        for i in range((window.end - window.start).days + 1):
            found |= self._by_day.get(window.start + timedelta(days=i), set())
        return found

    @staticmethod
    def _near(member: Member, window: Window) -> bool:
        loc = member.event.location
        if loc is None or window.lat is None or window.lon is None:
            return True
        return haversine_km(window.lon, window.lat, loc.place.lon, loc.place.lat) <= window.radius_km

    def candidates(self, event: Event, *, window: Window) -> list[IncidentRecord]:
        ids = sorted(i for i in self._ids_in(window) if any(self._near(m, window) for m in self._members[i]))
        return [IncidentRecord(i, tuple(self._members[i])) for i in ids]

    def with_origin(self, origin_doc_id: str) -> list[IncidentRecord]:
        ids = sorted(i for i in self._by_origin.get(origin_doc_id, ()) if i in self._members)
        return [IncidentRecord(i, tuple(self._members[i])) for i in ids]

    def add_incident(self, member: Member) -> str:
        incident_id = incident_id_for(member)
        while incident_id in self._members:  # the same event added twice: a fresh id, never a silent merge
            incident_id += "x"
        self._members[incident_id] = [member]
        self._index(incident_id, member)
        return incident_id

    def attach_event(self, incident_id: str, member: Member) -> None:
        self._members[incident_id].append(member)
        self._index(incident_id, member)

    def get(self, incident_id: str) -> IncidentRecord | None:
        found = self._members.get(incident_id)
        return None if found is None else IncidentRecord(incident_id, tuple(found))

    def merge_incidents(self, keep_id: str, drop_id: str) -> None:
        if keep_id == drop_id:
            return
        for member in self._members.pop(drop_id):
            self.attach_event(keep_id, member)
        for ids in (*self._by_day.values(), *self._by_origin.values()):
            ids.discard(drop_id)
        self._undated.discard(drop_id)

    def incident_ids(self) -> list[str]:
        return list(self._members)
