"""The central types of frontlines: every stage reads and writes these.

Values are frozen dataclasses (picklable, so they cross process and cluster boundaries). The one mutable type is
the :class:`Document` in flight, which each pipeline stage fills in a little more.

Offsets are always character offsets into ``Document.text`` (the cleaned main text), never into the raw page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Document.text``: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


class BlockKind(StrEnum):
    """What a stretch of the cleaned text is. Only ``body``, ``title`` and ``heading`` yield events."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    CAPTION = "caption"
    PULLQUOTE = "pullquote"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Discard:
    """An expected rejection of a document: counted by reason, never raised."""

    reason: str  # short machine name: "empty", "not_english", "binary", "too_large", "duplicate", ...
    detail: str = ""


class MentionKind(StrEnum):
    ACTOR = "actor"
    PLACE = "place"
    DATE = "date"
    NUMBER = "number"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names something, with its normalized value (an actor id, a GeoNames id...)."""

    span: Span
    kind: MentionKind
    value: str = ""
    label: str = ""  # the NER/ruler label it came from (GPE, ORG, ACTOR...)


class ActorKind(StrEnum):
    STATE_FORCES = "state_forces"
    REBEL_GROUP = "rebel_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    EXTERNAL_FORCES = "external_forces"  # foreign or coalition forces operating in another country
    PROTESTERS = "protesters"
    RIOTERS = "rioters"
    CIVILIANS = "civilians"
    GOVERNMENT = "government"  # civilian state institutions, officials
    OTHER = "other"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to an event. ``id`` is the canonical dictionary id; unresolved actors get ``unresolved:<name>``."""

    id: str
    name: str
    kind: ActorKind = ActorKind.UNKNOWN
    country: str = ""  # ISO 3166-1 alpha-2 where the actor belongs, "" when none/unknown
    parent: str = ""  # id of the coalition or organisation it belongs to
    aliases: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return not self.id.startswith("unresolved:")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``precision`` is ACLED's geo_precision: 1 town, 2 district/near town, 3 region."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO alpha-2
    admin1: str = ""
    admin2: str = ""
    feature_class: str = "P"  # GeoNames feature class: P populated place, A admin area, ...
    feature_code: str = ""
    population: int = 0
    precision: int = 1

    @property
    def country_name(self) -> str:
        import pycountry

        found = pycountry.countries.get(alpha_2=self.country) if self.country else None
        return found.name if found else self.country


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text resolved to a place, with how sure the resolver is."""

    span: Span
    place: Place
    score: float = 1.0


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


# ACLED time_precision codes: 1 the day is known, 2 the week (or a few days), 3 only the month (or coarser).
TIME_PRECISION_CODE = {DatePrecision.DAY: 1, DatePrecision.WEEK: 2, DatePrecision.MONTH: 3, DatePrecision.YEAR: 3}


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    precision: DatePrecision = DatePrecision.DAY
    span: Span | None = None  # the expression it was read from; None when it fell back to publication date


@dataclass(frozen=True, slots=True)
class Count:
    """A number read from text: 'about nine hundred' -> best 900, 'between 10 and 15' -> low 10, high 15."""

    low: int
    best: int
    high: int
    span: Span
    qualifier: str = ""  # "at_least", "about", "more_than", "range", "vague", ""


class Side(StrEnum):
    """Whose casualties: the event's first or second actor, civilians, or not stated."""

    ACTOR1 = "actor1"
    ACTOR2 = "actor2"
    CIVILIANS = "civilians"
    UNKNOWN = "unknown"


class CasualtyKind(StrEnum):
    KILLED = "killed"
    WOUNDED = "wounded"
    CAPTURED = "captured"  # arrested, abducted, taken prisoner
    MISSING = "missing"


class VictimCategory(StrEnum):
    """The coding categories of ``../shared/eval/casualty-coding.md``."""

    CIVILIANS = "civilians"
    SECURITY = "security"  # state security forces
    PERPETRATORS = "perpetrators"  # non-state armed actors, attackers
    UNKNOWN = "unknown"


# Which casualty category an actor's dead fall into, by the actor's kind (casualty-coding.md).
CATEGORY_OF_KIND = {
    ActorKind.STATE_FORCES: VictimCategory.SECURITY,
    ActorKind.EXTERNAL_FORCES: VictimCategory.SECURITY,
    ActorKind.REBEL_GROUP: VictimCategory.PERPETRATORS,
    ActorKind.POLITICAL_MILITIA: VictimCategory.PERPETRATORS,
    ActorKind.IDENTITY_MILITIA: VictimCategory.PERPETRATORS,
    ActorKind.CIVILIANS: VictimCategory.CIVILIANS,
    ActorKind.PROTESTERS: VictimCategory.CIVILIANS,
    ActorKind.GOVERNMENT: VictimCategory.CIVILIANS,
}


def category_of(actor: Actor | None) -> VictimCategory:
    """The casualty category of an actor's people: security forces, non-state perpetrators, civilians or unknown."""
    if actor is None:
        return VictimCategory.UNKNOWN
    return CATEGORY_OF_KIND.get(actor.kind, VictimCategory.UNKNOWN)


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """One casualty statement: 'The SDF lost five hundred fighters' -> killed, 500, the SDF."""

    kind: CasualtyKind
    count: Count
    category: VictimCategory = VictimCategory.UNKNOWN
    actor: Actor | None = None  # whose people, when the text says
    span: Span | None = None  # the whole evidence clause
    subcount: bool = False  # a part of another report's count ("12 killed, including 3 children"): not added again


@dataclass(frozen=True, slots=True)
class ForceSize:
    """A statement of how many fighters a party has: not casualties."""

    count: Count
    actor: Actor | None = None
    span: Span | None = None
    note: str = ""  # e.g. "including 2,000 foreign fighters"


@dataclass(frozen=True, slots=True)
class Casualties:
    """Per-side totals of an event, each a (low, best, high) triple, with evidence reports."""

    reports: tuple[CasualtyReport, ...] = ()

    def total(self, kind: CasualtyKind = CasualtyKind.KILLED, category: VictimCategory | None = None) -> Count | None:
        picked = [
            r.count
            for r in self.reports
            if r.kind == kind and (category is None or r.category == category) and not (r.subcount and category is None)
        ]
        if not picked:
            return None
        return Count(
            low=sum(c.low for c in picked),
            best=sum(c.best for c in picked),
            high=sum(c.high for c in picked),
            span=picked[0].span,
            qualifier="sum" if len(picked) > 1 else picked[0].qualifier,
        )


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str
    text: str
    span: Span
    role: str = ""  # "spokesperson for the coalition"
    speaker_span: Span | None = None


class Modality(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    SPECULATIVE = "speculative"
    PREDICTED = "predicted"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says what, and how firmly: 'According to X, Y will happen' -> source X, predicted."""

    source: str  # who makes the claim; "" when the text does not say (the article's own voice)
    text: str
    modality: Modality
    span: Span
    source_span: Span | None = None
    cue: str = ""  # the word that set the modality ("will", "indications", "according to")


@dataclass(frozen=True, slots=True)
class TerritoryChange:
    place: PlaceMention
    from_actor: Actor | None
    to_actor: Actor | None
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    """One event in one document, with evidence for every field."""

    event_id: str
    doc_id: str
    disorder_type: str
    event_type: str
    sub_event_type: str
    trigger: Span
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    assoc_actor_2: tuple[Actor, ...] = ()
    actor_spans: tuple[tuple[str, Span], ...] = ()  # (actor id, span) evidence pairs
    date: DateRange | None = None
    location: PlaceMention | None = None
    casualties: Casualties = field(default_factory=Casualties)
    force_sizes: tuple[ForceSize, ...] = ()
    territory: TerritoryChange | None = None
    confidence: float = 0.5
    sentence: Span | None = None  # the sentence that reports the event


@dataclass
class Document:
    """The record in flight: each stage adds its part. Only ``raw`` and the source fields exist at the start."""

    raw: str | bytes
    media_type: str = "text/plain"  # "text/html" or "text/plain"
    external_id: str = ""
    url: str = ""
    source_path: str = ""
    fetched_at: datetime | None = None
    given_published: date | None = None  # publication date supplied with the input (feed, JSON line)
    # clean
    text: str = ""
    title: str = ""
    published: date | None = None
    published_source: str = ""  # "input", "metadata", "text", ""
    language: str = ""
    blocks: list[Block] = field(default_factory=list)
    # annotate
    nlp: Any = None  # spaCy Doc aligned to text; never stored or pickled
    mentions: list[Mention] = field(default_factory=list)
    # resolve and extract
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[tuple[Span, Actor]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    discard: Discard | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @cached_property
    def doc_id(self) -> str:
        """Stable internal id: a hash of the raw content, so the same input is never stored twice."""
        raw = self.raw.encode("utf-8", "surrogatepass") if isinstance(self.raw, str) else self.raw
        return hashlib.sha256(raw).hexdigest()[:16]

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    def is_event_text(self, offset: int) -> bool:
        """True where text at ``offset`` may yield events, quotes and casualties (not a caption or pull-quote)."""
        if not self.blocks:
            return True
        block = self.block_at(offset)
        return block is None or block.kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.BODY)

    def event_text_blocks(self) -> list[Block]:
        """Blocks that may yield events and quotes (captions and pull-quotes never do)."""
        return [b for b in self.blocks if b.kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.BODY)]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["nlp"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
