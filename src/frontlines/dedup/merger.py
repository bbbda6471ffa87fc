"""Incremental merging of events into incidents.

``IncidentMerger(repository).add(event, meta)`` (a numbered recipe):

1. find the document's near-duplicate cluster (its origin) from its text fingerprint;
2. ask the repository for candidate incidents near the event in space and time;
3. score each candidate: the best :func:`match_events` score against its members (plus
   :data:`rules.DUPLICATE_BONUS` when it already holds a near copy of this document), ruled out when any member
   vetoes the event (so an incident never chains into reports that contradict each other);
4. no candidate reaches :data:`rules.MATCH_THRESHOLD`: start a new incident;
5. otherwise join the best one; any other incident the event also matches is merged into it when the two
   incidents match each other (no veto between their members and a pair scoring :data:`rules.MERGE_THRESHOLD`):
   the event showed they are one. Incidents that do not match each other stay apart.
"""

from __future__ import annotations

from collections.abc import Iterator

from frontlines.dedup import rules
from frontlines.dedup.fingerprint import LshIndex
from frontlines.dedup.incident import DocMeta, Incident, Member, summarize
from frontlines.dedup.match import match_events
from frontlines.dedup.repository import IncidentRecord, IncidentRepository, window_for
from frontlines.model import Document, Event


class DuplicateFinder:
    """Near-duplicate clusters of documents: each document's origin is the first stored document it copies."""

    def __init__(self, index: LshIndex | None = None) -> None:
        self.index = index if index is not None else LshIndex()
        self._origin: dict[str, str] = {}

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


def incident_score(member: Member, record: IncidentRecord) -> float | None:
    """How well a new member fits an incident (best pair score, duplicate bonus), None when any member vetoes it."""
    best = 0.0
    for held in record.members:
        score = _pair_score(held, member)
        if score is None:
            return None
        best = max(best, score)
    same_story = any(
        m.origin_doc_id == member.origin_doc_id and m.meta.doc_id != member.meta.doc_id for m in record.members
    )
    return best + rules.DUPLICATE_BONUS if same_story else best


def incidents_match(a: IncidentRecord, b: IncidentRecord) -> bool:
    """True when no pair across the two incidents vetoes and the best pair reaches MERGE_THRESHOLD."""
    best = 0.0
    for x in a.members:
        for y in b.members:
            score = _pair_score(x, y)
            if score is None:
                return False
            best = max(best, score)
    return best >= rules.MERGE_THRESHOLD


class IncidentMerger:
    def __init__(self, repository: IncidentRepository, *, duplicates: DuplicateFinder | None = None) -> None:
        self.repository = repository
        self.duplicates = duplicates if duplicates is not None else DuplicateFinder()

    def add(self, event: Event, meta: DocMeta) -> str:
        """Put one event into its incident; return the incident id."""
        origin = self.duplicates.origin_of(meta)
        member = Member(event=event, meta=meta, origin_doc_id=origin)
        window = window_for(event, meta.published)
        scored = []
        for record in self.repository.candidates(event, window=window):
            score = incident_score(member, record)
            if score is not None and score >= rules.MATCH_THRESHOLD:
                scored.append((score, record))
        if not scored:
            return self.repository.add_incident(member)
        scored.sort(key=lambda item: (-item[0], item[1].incident_id))
        best_score, best = scored[0]
        self._merge_bridged(best, [record for _, record in scored[1:]])
        self.repository.attach_event(best.incident_id, Member(event, meta, origin, score=min(best_score, 1.0)))
        return best.incident_id

    def _merge_bridged(self, best: IncidentRecord, others: list[IncidentRecord]) -> None:
        for other in others:
            current = self.repository.get(best.incident_id)
            if current is not None and incidents_match(current, other):
                self.repository.merge_incidents(best.incident_id, other.incident_id)

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
