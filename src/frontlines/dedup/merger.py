"""Incremental merging of events into incidents.

``IncidentMerger(repository).add(event, meta)`` (a numbered recipe):

1. find the document's near-duplicate cluster (its origin) from its text fingerprint;
2. ask the repository for candidate incidents near the event in space and time, and for those holding events of
   the document's near-duplicate cluster;
3. score each candidate: the best :func:`match_events` score against its members (plus
   :data:`rules.DUPLICATE_BONUS` when it already holds a near copy of this document), ruled out when any member
   vetoes the event (so an incident never chains into reports that contradict each other). Members are taken
   by story (:func:`stories`: one event and its readings in near copies): a story vetoes only when all its
   readings do. The same event read from a near copy (:func:`same_story`) always joins the original's incident;
4. no candidate reaches :data:`rules.MATCH_THRESHOLD`: start a new incident;
5. otherwise join the best one (highest score, then smallest id); then any other incident the event also matches is
   merged into it when no member of one vetoes a member of the other: the event bridged two partial views of one
   incident (one report lacked the place, another the actors), so the result does not depend on arrival order.
   Incidents that contradict each other stay apart and the event joins the best.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from frontlines.dedup import rules
from frontlines.dedup.fingerprint import Fingerprint, LshIndex
from frontlines.dedup.incident import DocMeta, Incident, Member, summarize
from frontlines.dedup.match import match_events
from frontlines.dedup.repository import IncidentRecord, IncidentRepository, window_for
from frontlines.model import Document, Event


class DuplicateFinder:
    """Near-duplicate clusters of documents: each document's origin is the first stored document it copies."""

    def __init__(self, index: LshIndex | None = None) -> None:
        self.index = index if index is not None else LshIndex()
        self._origin: dict[str, str] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, Fingerprint | None]]) -> DuplicateFinder:
        """Rebuild from stored (doc_id, origin_doc_id, fingerprint) rows, in the order they were stored."""
        finder = cls()
        finder.load(rows)
        return finder

    def load(self, rows: Iterable[tuple[str, str, Fingerprint | None]]) -> None:
        """Add stored (doc_id, origin_doc_id, fingerprint) rows, in the order they were stored (another run's)."""
        for doc_id, origin, fp in rows:
            self._origin[doc_id] = origin
            if fp is not None and doc_id not in self.index:
                self.index.add(doc_id, fp)

    def rows(self) -> Iterator[tuple[str, str, Fingerprint | None]]:
        """(doc_id, origin_doc_id, fingerprint) for every document seen: what a store keeps."""
        stored = dict(self.index.items())
        return ((doc_id, origin, stored.get(doc_id)) for doc_id, origin in self._origin.items())

    def origin_of(self, meta: DocMeta) -> str:
        known = self._origin.get(meta.doc_id)
        if known is not None:
            return known
        origin = meta.doc_id
        if meta.fingerprint is not None:
            hits = self.index.query(meta.fingerprint)
            if hits:
                origin = self._origin.get(hits[0][0], hits[0][0])
            self.index.add(meta.doc_id, meta.fingerprint)
        self._origin[meta.doc_id] = origin
        return origin


def _pair_score(a: Member, b: Member) -> float | None:
    """The match score of two members, None when vetoed."""
    found = match_events(a.event, b.event, published_a=a.meta.published, published_b=b.meta.published)
    return None if found.veto else found.score


def _place_id(member: Member) -> int | None:
    loc = member.event.location
    return None if loc is None else loc.place.geonameid


def same_story(held: Member, member: Member) -> bool:
    """The member is the held one's event read again from a near copy of its document: same cluster, other
    document, same sub-event type and place. Its date may differ (a copy published days later resolves "on Monday"
    to another week), so no rule may split them."""
    return (
        held.origin_doc_id == member.origin_doc_id
        and held.meta.doc_id != member.meta.doc_id
        and held.event.sub_event_type == member.event.sub_event_type
        and _place_id(held) == _place_id(member)
    )


def _story_key(member: Member) -> tuple[str, str, int | None]:
    return (member.origin_doc_id, member.event.sub_event_type, _place_id(member))


def stories(members: Iterable[Member]) -> list[list[Member]]:
    """Members grouped by story: one event read from a document and its near copies. Within a story a veto counts
    only when every reading vetoes (a copy may have misread the date the original got right)."""
    groups: dict[tuple[str, str, int | None], list[Member]] = {}
    for m in members:
        groups.setdefault(_story_key(m), []).append(m)
    return list(groups.values())


def _story_score(member: Member, story: list[Member]) -> float | None:
    """The best score of a member against one story's readings, None when all of them veto it."""
    scores = [score for held in story if (score := _pair_score(held, member)) is not None]
    return max(scores) if scores else None


def incident_score(member: Member, record: IncidentRecord) -> float | None:
    """How well a new member fits an incident (best pair score, duplicate bonus), None when any story vetoes it.
    An event of a near copy joins the incident of the same event in the original whatever the other members say."""
    if any(same_story(held, member) for held in record.members):
        return 1.0 + rules.DUPLICATE_BONUS
    best = 0.0
    for story in stories(record.members):
        score = _story_score(member, story)
        if score is None:
            return None
        best = max(best, score)
    copied = any(
        m.origin_doc_id == member.origin_doc_id and m.meta.doc_id != member.meta.doc_id for m in record.members
    )
    return best + rules.DUPLICATE_BONUS if copied else best


def incidents_compatible(a: IncidentRecord, b: IncidentRecord) -> bool:
    """True when no story of one incident vetoes a story of the other (no contradiction between them)."""
    return all(
        any(_pair_score(x, y) is not None for x in sa for y in sb)
        for sa in stories(a.members)
        for sb in stories(b.members)
    )


class IncidentMerger:
    def __init__(self, repository: IncidentRepository, *, duplicates: DuplicateFinder | None = None) -> None:
        self.repository = repository
        self.duplicates = duplicates if duplicates is not None else DuplicateFinder()

    def add(self, event: Event, meta: DocMeta) -> str:
        """Put one event into its incident; return the incident id."""
        origin = self.duplicates.origin_of(meta)
        member = Member(event=event, meta=meta, origin_doc_id=origin)
        scored = []
        for record in self._candidates(event, meta, origin):
            score = incident_score(member, record)
            if score is not None and score >= rules.MATCH_THRESHOLD:
                scored.append((score, record))
        if not scored:
            return self.repository.add_incident(member)
        scored.sort(key=lambda item: (-item[0], item[1].incident_id))
        best_score, best = scored[0]
        self.repository.attach_event(best.incident_id, Member(event, meta, origin, score=min(best_score, 1.0)))
        self._merge_bridged(best.incident_id, [record for _, record in scored[1:]])
        return best.incident_id

    def _candidates(self, event: Event, meta: DocMeta, origin: str) -> list[IncidentRecord]:
        """Incidents near the event in space and time, plus those holding its document's near copies."""
        found = {r.incident_id: r for r in self.repository.candidates(event, window=window_for(event, meta.published))}
        if origin != meta.doc_id or meta.fingerprint is not None:
            found.update((r.incident_id, r) for r in self.repository.with_origin(origin))
        return [found[k] for k in sorted(found)]

    def _merge_bridged(self, best_id: str, others: list[IncidentRecord]) -> None:
        """Merge into the best incident (which now holds the bridging event) every other matched incident that
        does not contradict it."""
        for other in others:
            current = self.repository.get(best_id)
            if current is not None and incidents_compatible(current, other):
                self.repository.merge_incidents(best_id, other.incident_id)

    def add_document(self, doc: Document) -> list[str]:
        """Put every event of a processed document into its incident; the ids in event order."""
        meta = DocMeta.from_document(doc)
        return [self.add(event, meta) for event in doc.events]

    def incident(self, incident_id: str) -> Incident | None:
        record = self.repository.get(incident_id)
        return None if record is None else summarize(record.incident_id, record.members)

    def incidents(self) -> Iterator[Incident]:
        for incident_id in self.repository.incident_ids():
            found = self.incident(incident_id)
            if found is not None:
                yield found
