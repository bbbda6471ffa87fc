"""Assembling events: typed event mentions plus actors, place, date, casualties and territory, with evidence.

The recipe of :func:`build_events`:

1. detect typed event mentions, the primary (main) event first;
2. drop mentions that are not reported as fact (predictions, speculation, denials, "they can still strike") or
   that sum up a conflict ("an insurgency since 2012 that has killed thousands");
3. cut sentences that report several acts into one clause per act; a weak casualty cue in a clause of its own
   with its own place is an event of its own, else it defers to the act it sits beside;
4. give each mention its arguments from its sentence (its place from its own words and clause first): actor roles,
   location, date; one act named in several places ("clashes in A and B") is one event per place;
5. merge mentions that report the same event (same type, compatible place and actors);
6. fill the primary event's missing actor1 from the document's leading actor, an air strike's from the one force
   the document names flying; find associated actors;
7. attach casualty statements and force sizes to the event they belong to;
8. freeze each draft into an :class:`Event` with a territory change where the type is one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from frontlines.events.clauses import clauses, segment
from frontlines.events.roles import (
    GENERIC_PREFIX,
    assign_roles,
    is_background,
    is_factual,
    leading_actor,
    support_actors,
)
from frontlines.model import (
    Actor,
    ActorKind,
    Casualties,
    CasualtyReport,
    DateRange,
    Document,
    Event,
    ForceSize,
    Place,
    PlaceMention,
    Span,
    TerritoryChange,
)

# Sub-event types that transfer territory, where actor1 takes the place from actor2.
TERRITORY_SUBTYPES = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
)


AIR_STRIKE = "Air/drone strike"
AIR_POWER_WORDS = re.compile(
    r"\b(?:air ?forces?|warplanes?|war planes?|fighter jets?|jets|aircraft|drones?|helicopters?)\b", re.I
)
AIR_POWER_WINDOW = 30  # characters between the force and the air-power word ("American elite troops and air force")

# Below this confidence a mention is a casualty or vague cue that defers to a stronger mention in its sentence.
WEAK_MENTION = 0.5
# Sub-event types where the two sides play the same part, so "A against B" and "B against A" are one event.
SYMMETRIC_SUBTYPES = frozenset({"Armed clash"})


@dataclass
class Draft:
    """An event being assembled from one or more mentions."""

    sub_event_type: str
    event_type: str
    disorder_type: str
    trigger: Span
    sentence: Span
    confidence: float
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc1: list[Actor] = field(default_factory=list)
    assoc2: list[Actor] = field(default_factory=list)
    actor_spans: list[tuple[str, Span]] = field(default_factory=list)
    location: PlaceMention | None = None
    date: DateRange | None = None
    reports: list[CasualtyReport] = field(default_factory=list)
    forces: list[ForceSize] = field(default_factory=list)
    mentions: int = 1
    copy: bool = False  # the same act in another of the places the report names ("clashes in A and B")


def build_events(doc: Document) -> list[Event]:
    from frontlines.casualties import extract_casualties, extract_force_sizes
    from frontlines.events.detect import detect_events

    mentions = [
        mention
        for mention in detect_events(doc)
        if is_factual(doc, mention.trigger, mention.sentence) and not is_background(doc, mention.trigger)
    ]
    clause_of = mention_clauses(doc, mentions)
    mentions = [mention for mention in mentions if not _overshadowed(doc, mention, mentions, clause_of)]
    if not mentions:
        return []
    drafts = [draft_of(doc, mention, clause_of.get(mention.trigger)) for mention in mentions]
    drafts += [copy for draft in drafts for copy in per_place_copies(doc, draft, clause_of.get(draft.trigger))]
    drafts = merge_mentions(drafts)
    fill_leading_actor(doc, drafts[0])
    fill_air_power(doc, drafts)
    add_associated_actors(doc, drafts)
    attach_casualties(drafts, extract_casualties(doc), extract_force_sizes(doc))
    return [freeze(doc, draft, index) for index, draft in enumerate(drafts)]


def mention_clauses(doc: Document, mentions: list[Any]) -> dict[Span, Span]:
    """Each mention's clause (keyed by its trigger), where its sentence reports several acts."""
    by_sentence: dict[Span, list[Span]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention.trigger)
    out: dict[Span, Span] = {}
    for sentence, triggers in by_sentence.items():
        by_start = clauses(doc.text, sentence, triggers)
        out.update((trigger, by_start[trigger.start]) for trigger in triggers)
    return out


def _overshadowed(doc: Document, mention: Any, mentions: list[Any], clause_of: dict[Span, Span]) -> bool:
    """A weak mention ("320 people lost their lives") in a sentence whose stronger mention names the act ("air
    raids") reports that same event, not another one: unless it stands in a clause of its own that names its own
    place ("airstrikes target A and losses in B")."""
    if mention.confidence >= WEAK_MENTION:
        return False
    own = clause_of.get(mention.trigger, mention.sentence)
    apart = own != mention.sentence and any(own.contains(place.span) for place in doc.places)
    return any(
        other is not mention
        and other.sentence == mention.sentence
        and other.confidence > mention.confidence
        and not (apart and not own.contains(other.trigger))
        for other in mentions
    )


def draft_of(doc: Document, mention: object, clause: Span | None = None) -> Draft:
    """A draft event from one detected mention, with the arguments its sentence gives; its place is sought in its
    own ``clause`` first where the sentence reports several acts."""
    from frontlines.dates import resolve_event_date
    from frontlines.geo import locate_event

    draft = Draft(
        sub_event_type=mention.sub_event_type,  # type: ignore[attr-defined]
        event_type=mention.event_type,  # type: ignore[attr-defined]
        disorder_type=mention.disorder_type,  # type: ignore[attr-defined]
        trigger=mention.trigger,  # type: ignore[attr-defined]
        sentence=mention.sentence,  # type: ignore[attr-defined]
        confidence=float(mention.confidence),  # type: ignore[attr-defined]
    )
    roles = assign_roles(doc, draft.trigger, draft.sentence)
    draft.actor1, draft.actor2 = roles.actor1, roles.actor2
    draft.assoc1 = list(roles.assoc1)
    draft.actor_spans = list(roles.evidence)
    clause = clause or draft.sentence
    parts = (segment(doc.text, clause, draft.trigger), clause)
    draft.location = locate_event(doc, doc.places, draft.sentence, draft.trigger, parts)
    draft.date = resolve_event_date(doc, draft.sentence)
    if draft.sub_event_type in TERRITORY_SUBTYPES and roles.parsed_agent and is_specific(draft.actor1):
        draft.sub_event_type = _territory_subtype(draft)
    return draft


def per_place_copies(doc: Document, draft: Draft, clause: Span | None) -> list[Draft]:
    """Copies of a draft at each other place its report names with it ("shelling hit A and B"): coders record one
    event per place. The copies carry no casualty statements of their own."""
    from frontlines.geo import coordinated_places

    if draft.location is None:
        return []
    part = clause if clause is not None and clause.contains(draft.location.span) else draft.sentence
    return [
        replace(
            draft,
            location=place,
            assoc1=list(draft.assoc1),
            assoc2=list(draft.assoc2),
            actor_spans=list(draft.actor_spans),
            reports=[],
            forces=[],
            copy=True,
        )
        for place in coordinated_places(doc, doc.places, draft.location, part)
    ]


def _territory_subtype(draft: Draft) -> str:
    from frontlines.events.detect import territory_subtype

    if draft.sub_event_type == "Non-violent transfer of territory":
        return draft.sub_event_type
    return territory_subtype(draft.actor1.kind if draft.actor1 else None)


def merge_mentions(drafts: list[Draft]) -> list[Draft]:
    """Mentions of one event (same type, same or unknown place, compatible actors) become one draft."""
    merged: list[Draft] = []
    for draft in drafts:
        same = next((kept for kept in merged if _same_event(kept, draft)), None)
        if same is None:
            merged.append(draft)
        else:
            _absorb(same, draft)
    return merged


def _same_event(kept: Draft, new: Draft) -> bool:
    if kept.sub_event_type != new.sub_event_type:
        return False
    if kept.location and new.location and not _nested(kept.location.place, new.location.place):
        return False
    if kept.sub_event_type in SYMMETRIC_SUBTYPES:
        return len(_sides(kept, new)) <= 2
    return _compatible(kept.actor1, new.actor1) and _compatible(kept.actor2, new.actor2)


def _sides(*drafts: Draft) -> set[str]:
    """The distinct named parties of drafts, a coalition's units counted with their parent."""
    actors = [a for d in drafts for a in (d.actor1, d.actor2) if a is not None and is_specific(a)]
    return {actor.parent or actor.id for actor in actors}


def _nested(one: Place, other: Place) -> bool:
    """The same place, or one lies inside the other (a town and its province or country)."""
    if one.geonameid == other.geonameid:
        return True
    if one.country != other.country:
        return False
    coarse, fine = (one, other) if one.precision >= other.precision else (other, one)
    if coarse.precision == fine.precision:
        return False
    return coarse.precision == 3 and (not coarse.admin1 or coarse.admin1 == fine.admin1)


def _compatible(one: Actor | None, other: Actor | None) -> bool:
    if one is None or other is None or not is_specific(one) or not is_specific(other):
        return True
    return one.id == other.id or one.parent == other.id or other.parent == one.id


def is_specific(actor: Actor | None) -> bool:
    """A named, dictionary-resolved party, not a generic noun ("gunmen") nor an unresolved name."""
    return actor is not None and actor.resolved and not actor.id.startswith(GENERIC_PREFIX)


def _better(kept: Actor | None, new: Actor | None) -> Actor | None:
    return new if new is not None and is_specific(new) and not is_specific(kept) else (kept or new)


def _absorb(kept: Draft, new: Draft) -> None:
    kept.actor1 = _better(kept.actor1, new.actor1)
    kept.actor2 = _better(kept.actor2, new.actor2)
    kept.location = _more_precise(kept.location, new.location)
    kept.date = kept.date if kept.date and kept.date.span else (new.date or kept.date)
    kept.assoc1.extend(actor for actor in new.assoc1 if actor not in kept.assoc1)
    kept.actor_spans.extend(new.actor_spans)
    kept.mentions += 1
    kept.confidence = max(kept.confidence, new.confidence)


def _more_precise(one: PlaceMention | None, other: PlaceMention | None) -> PlaceMention | None:
    if one is None or other is None:
        return one or other
    return other if other.place.precision < one.place.precision else one


def fill_leading_actor(doc: Document, draft: Draft) -> None:
    """A primary event without a named actor1 takes the document's leading party: the named actor that is most often
    the grammatical subject (then most often mentioned), other than actor2 and its units."""
    if is_specific(draft.actor1):
        return
    leader = leading_actor(doc, exclude=draft.actor2)
    if leader is not None:
        draft.actor1 = leader
        draft.actor_spans.extend((leader.id, where) for where, actor in doc.actors if actor.id == leader.id)


def fill_air_power(doc: Document, drafts: list[Draft]) -> None:
    """An air strike without a named actor1 takes the party the document names as flying ("American troops and air
    force", "Russian warplanes"), when there is exactly one: the one nearest an air-power word in its sentence."""
    missing = [d for d in drafts if d.sub_event_type == AIR_STRIKE and not is_specific(d.actor1)]
    if not missing:
        return
    flyers = {actor.id: (where, actor) for where, actor in _air_powers(doc)}
    if len(flyers) != 1:
        return
    ((where, actor),) = flyers.values()
    for draft in missing:
        draft.actor1 = actor
        draft.actor_spans.append((actor.id, where))


def _air_powers(doc: Document) -> list[tuple[Span, Actor]]:
    """Named state or foreign forces mentioned within a few words before an air-power word of the same sentence."""
    out = []
    for cue in AIR_POWER_WORDS.finditer(doc.text):
        before = [
            (where, actor)
            for where, actor in doc.actors
            if 0 <= cue.start() - where.end <= AIR_POWER_WINDOW
            and "." not in doc.text[where.end : cue.start()]
            and is_specific(actor)
            and actor.kind in (ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES)
        ]
        if before:
            out.append(max(before, key=lambda pair: pair[0].end))
    return out


def add_associated_actors(doc: Document, drafts: list[Draft]) -> None:
    """Units of a side's coalition join that side; forces the text says helped join the primary event's actor1."""
    everyone = list({actor.id: actor for _, actor in doc.actors}.values())
    for index, draft in enumerate(drafts):
        helpers = support_actors(doc, exclude=draft.actor2) if index == 0 else []
        for actor in everyone + helpers:
            if actor in (draft.actor1, draft.actor2):
                continue
            if draft.actor2 and actor.parent == draft.actor2.id:
                _add(draft.assoc2, actor)
            elif (draft.actor1 and actor.parent == draft.actor1.id) or actor in helpers:
                _add(draft.assoc1, actor)


def _add(actors: list[Actor], actor: Actor) -> None:
    if all(actor.id != known.id for known in actors):
        actors.append(actor)


def attach_casualties(drafts: list[Draft], reports: list[CasualtyReport], forces: list[ForceSize]) -> None:
    """A statement goes to the event whose trigger lies inside its evidence clause, else to the primary event;
    a sub-count is marked so, and a later sentence repeating a count (the headline's toll again) is dropped."""
    for report in without_repeats(mark_subcounts(reports)):
        _owner(drafts, report.span).reports.append(report)
    for force in forces:
        _owner(drafts, force.span).forces.append(force)


def mark_subcounts(reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """A report whose clause lies strictly inside another report's clause of the same kind is a part of it."""
    return [
        replace(report, subcount=True) if any(_inside(report, other) for other in reports) else report
        for report in reports
    ]


def _inside(part: CasualtyReport, whole: CasualtyReport) -> bool:
    if part is whole or part.kind != whole.kind or part.span is None or whole.span is None:
        return False
    return whole.span.contains(part.span) and whole.span != part.span


def without_repeats(reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """Drop a report that repeats an earlier sentence's count for the same kind, category and party."""
    kept: list[CasualtyReport] = []
    for report in reports:
        if not any(_repeats(report, earlier) for earlier in kept):
            kept.append(report)
    return kept


def _repeats(later: CasualtyReport, earlier: CasualtyReport) -> bool:
    same_party = (later.actor.id if later.actor else "") == (earlier.actor.id if earlier.actor else "")
    apart = later.span is None or earlier.span is None or not later.span.overlaps(earlier.span)
    return (
        apart
        and same_party
        and later.subcount == earlier.subcount
        and (later.kind, later.category, later.count.best) == (earlier.kind, earlier.category, earlier.count.best)
    )


def _owner(drafts: list[Draft], span: Span | None) -> Draft:
    if span is not None:
        for draft in drafts[1:]:
            if not draft.copy and span.contains(draft.trigger):
                return draft
    return drafts[0]


def freeze(doc: Document, draft: Draft, index: int) -> Event:
    evidence_actors = tuple(dict.fromkeys(draft.actor_spans))
    territory = None
    if draft.sub_event_type in TERRITORY_SUBTYPES and draft.location is not None:
        territory = TerritoryChange(draft.location, draft.actor2, draft.actor1, draft.sentence)
    return Event(
        event_id=_event_id(doc, draft, index),
        doc_id=doc.doc_id,
        disorder_type=draft.disorder_type,
        event_type=draft.event_type,
        sub_event_type=draft.sub_event_type,
        trigger=draft.trigger,
        actor1=draft.actor1,
        actor2=draft.actor2,
        assoc_actor_1=tuple(draft.assoc1),
        assoc_actor_2=tuple(draft.assoc2),
        actor_spans=evidence_actors,
        date=draft.date,
        location=draft.location,
        casualties=Casualties(tuple(draft.reports)),
        force_sizes=tuple(draft.forces),
        territory=territory,
        confidence=_confidence(draft),
        sentence=draft.sentence,
    )


def _confidence(draft: Draft) -> float:
    found = sum(x is not None for x in (draft.actor1, draft.location, draft.date))
    return round(min(0.99, draft.confidence * (0.7 + 0.1 * found) + 0.02 * (draft.mentions - 1)), 3)


def _event_id(doc: Document, draft: Draft, index: int) -> str:
    key = f"{doc.doc_id}:{index}:{draft.sub_event_type}:{draft.trigger.start}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]
