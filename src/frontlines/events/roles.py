"""Who did what to whom: actor roles of an event mention, read from the dependency parse of its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontlines.events.roles_lexicon import (
    AGENT_DEPS,
    AGENT_PREPOSITIONS,
    BACKGROUND_CUES,
    BACKGROUND_WINDOW,
    HEARSAY_CUES,
    IRREALIS_AUXILIARIES,
    LOSER_SUBJECT_WORDS,
    NON_FACTUAL_MODALITIES,
    PATIENT_DEPS,
    PATIENT_PREPOSITIONS,
    SPEECH_WORDS,
    SUPPORT_CUES,
)
from frontlines.model import Actor, ActorKind, Claim, Document, Span

# How far up the parse an actor may sit below the trigger and still be its argument.
MAX_HOPS = 4
# Kinds that never act first in a conflict event (they are acted upon).
PASSIVE_KINDS = frozenset({ActorKind.CIVILIANS})
# Actor ids of generic nouns ("gunmen", "police") from the dictionary start with this.
GENERIC_PREFIX = "generic:"
# A document's leading actor needs at least this score (2 per time it is a subject, 1 per mention).
MIN_LEADING_SCORE = 3


@dataclass(frozen=True)
class Roles:
    actor1: Actor | None
    actor2: Actor | None
    assoc1: tuple[Actor, ...]
    evidence: tuple[tuple[str, Span], ...]
    parsed_agent: bool = False  # actor1 is the trigger's grammatical agent, not a guess from word order


def actors_in(doc: Document, span: Span) -> list[tuple[Span, Actor]]:
    return [(where, actor) for where, actor in doc.actors if span.contains(where)]


def assign_roles(doc: Document, trigger: Span, sentence: Span) -> Roles:
    """actor1 (who acted), actor2 (who was acted on) and helpers named in the trigger's sentence."""
    found = [(where, actor) for where, actor in actors_in(doc, sentence) if not is_source(doc, where)]
    if not found:
        return Roles(None, None, (), ())
    roles = {id(actor): _role(doc, where, trigger) for where, actor in found}
    agents = [actor for _, actor in found if roles[id(actor)] == "agent"]
    patients = [actor for _, actor in found if roles[id(actor)] == "patient"]
    helpers = tuple(actor for _, actor in found if roles[id(actor)] == "support")
    if _word_at(doc, trigger) in LOSER_SUBJECT_WORDS:
        agents, patients = _swap_subject_roles(doc, found, trigger, agents, patients)
    actor1 = _first_active(agents) or _first_active(_before(found, trigger, exclude=patients + list(helpers)))
    actor2 = next((a for a in patients if a != actor1), None) or next(
        (a for a in _after(found, trigger) if a != actor1 and a not in helpers), None
    )
    evidence = tuple((actor.id, where) for where, actor in found if actor in (actor1, actor2) or actor in helpers)
    return Roles(actor1, actor2, helpers, evidence, parsed_agent=actor1 is not None and actor1 in agents)


def is_source(doc: Document, where: Span) -> bool:
    """An actor that only tells of the event: the subject of a verb of saying, or the object of "according to"."""
    span = _parsed(doc, where)
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in SPEECH_WORDS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _swap_subject_roles(
    doc: Document, found: list[tuple[Span, Actor]], trigger: Span, agents: list[Actor], patients: list[Actor]
) -> tuple[list[Actor], list[Actor]]:
    """With 'lose', 'withdraw', 'fall' the subject lost: it is actor2; an agent by 'to'/'by' stays actor1."""
    by_preposition = [a for where, a in found if _preposition_path(doc, where, trigger) & AGENT_PREPOSITIONS]
    subjects = [a for a in agents if a not in by_preposition]
    return by_preposition, subjects + [p for p in patients if p not in subjects]


def _first_active(actors: list[Actor]) -> Actor | None:
    return next((a for a in actors if a.kind not in PASSIVE_KINDS), None)


def _before(found: list[tuple[Span, Actor]], trigger: Span, exclude: list[Actor]) -> list[Actor]:
    return [actor for where, actor in found if where.end <= trigger.start and actor not in exclude]


def _after(found: list[tuple[Span, Actor]], trigger: Span) -> list[Actor]:
    return [actor for where, actor in found if where.start >= trigger.end]


def _role(doc: Document, where: Span, trigger: Span) -> str:
    """'agent', 'patient', 'support' or '' for an actor mention relative to the trigger, from the parse."""
    chain = _chain_to(doc, where, trigger)
    if not chain:
        return ""
    words = " ".join(token.lower_ for token in chain)
    if any(cue in words for cue in SUPPORT_CUES):
        return "support"
    below_trigger = chain[-1]
    if below_trigger.dep_ in AGENT_DEPS:
        return "agent"
    if below_trigger.dep_ in PATIENT_DEPS:
        return "patient"
    if below_trigger.dep_ == "prep" or below_trigger.dep_ == "agent":
        preposition = below_trigger.lower_
        if preposition in AGENT_PREPOSITIONS:
            return "agent"
        if preposition in PATIENT_PREPOSITIONS:
            return "patient"
    return ""


def _preposition_path(doc: Document, where: Span, trigger: Span) -> set[str]:
    return {token.lower_ for token in _chain_to(doc, where, trigger) if token.dep_ in ("prep", "agent")}


def _chain_to(doc: Document, where: Span, trigger: Span) -> list[Any]:
    """Tokens from the actor's head up to (not including) the trigger's token, or [] when not below it."""
    if doc.nlp is None:
        return []
    actor = doc.nlp.char_span(where.start, where.end, alignment_mode="expand")
    anchor = doc.nlp.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if actor is None or anchor is None:
        return []
    targets = {anchor.root.i}
    if anchor.root.pos_ == "NOUN" and anchor.root.dep_ in ("dobj", "pobj", "nsubj"):
        targets.add(anchor.root.head.i)  # "carried out an attack": the verb's arguments are the attack's
    chain = [actor.root]
    for _ in range(MAX_HOPS):
        token = chain[-1]
        if token.head.i in targets:
            return chain
        if token.head.i == token.i:
            return []
        chain.append(token.head)
    return []


def _word_at(doc: Document, trigger: Span) -> str:
    """The trigger's head word, lower-cased."""
    anchor = _parsed(doc, trigger)
    return anchor.root.lower_ if anchor is not None else trigger.text.lower()


def support_actors(doc: Document, exclude: Actor | None = None) -> list[Actor]:
    """Actors named in sentences that say a party helped ('with American support', 'backed by X')."""
    if doc.nlp is None:
        return []
    found: list[Actor] = []
    for sentence in doc.nlp.sents:
        if not sentence.text.strip():  # a masked (unparsed) stretch of the text
            continue
        lowered = sentence.text.lower()
        if not doc.is_event_text(sentence.start_char) or not any(cue in lowered for cue in SUPPORT_CUES):
            continue
        span = Span.of(doc.text, sentence.start_char, sentence.end_char)
        candidates = [actor for _, actor in actors_in(doc, span)] + _demonym_forces(doc, sentence)
        for actor in candidates:
            if _helps(actor, exclude) and all(actor.id != known.id for known in found):
                found.append(actor)
    return found


def _helps(actor: Actor, exclude: Actor | None) -> bool:
    if not actor.resolved or actor.id.startswith(GENERIC_PREFIX) or actor.kind in PASSIVE_KINDS:
        return False
    return not _related(actor, exclude)


def _related(actor: Actor, other: Actor | None) -> bool:
    if other is None:
        return False
    return actor.id == other.id or actor.parent == other.id or (bool(other.parent) and other.parent == actor.id)


@lru_cache(maxsize=1)
def _background() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(BACKGROUND_CUES)})\b", re.IGNORECASE)


def is_background(doc: Document, trigger: Span) -> bool:
    """True when cumulative wording ("since 2012", "has killed thousands") surrounds the trigger."""
    return (
        _background().search(doc.text, max(0, trigger.start - BACKGROUND_WINDOW), trigger.end + BACKGROUND_WINDOW)
        is not None
    )


def is_factual(doc: Document, trigger: Span, sentence: Span) -> bool:
    """False when the text does not report the event as having happened: a prediction, speculation or denial whose
    cue governs the trigger ("there is a chance that he fled"), or a negated or modal verb ("they can still strike").
    Hearsay ("reportedly", "allegedly") still reports an event."""
    for claim in doc.claims:
        if claim.modality.value not in NON_FACTUAL_MODALITIES or claim.cue.lower() in HEARSAY_CUES:
            continue
        if claim.span.overlaps(trigger) and _cue_governs(doc, claim, trigger):
            return False
    anchor = _parsed(doc, trigger)
    if anchor is None:
        return True
    verb = anchor.root if anchor.root.pos_ in ("VERB", "AUX") else anchor.root.head
    return not any(
        child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in IRREALIS_AUXILIARIES) for child in verb.children
    )


def _cue_governs(doc: Document, claim: Claim, trigger: Span) -> bool:
    """The claim's cue comes before the trigger and (where parsed) its word or head dominates the trigger."""
    at = claim.text.lower().find(claim.cue.lower()) if claim.cue else -1
    if at < 0 or claim.span.start + at >= trigger.start:
        return False
    cue = _parsed(doc, Span.of(doc.text, claim.span.start + at, claim.span.start + at + len(claim.cue)))
    target = _parsed(doc, trigger)
    if cue is None or target is None:
        return True
    heads = {cue.root, cue.root.head}
    return any(head == target.root or head.is_ancestor(target.root) for head in heads)


def _parsed(doc: Document, span: Span) -> Any:
    if doc.nlp is None:
        return None
    return doc.nlp.char_span(span.start, span.end, alignment_mode="expand")


def leading_actor(doc: Document, exclude: Actor | None = None) -> Actor | None:
    """The named party the document is most about: most often a grammatical subject, then most often mentioned."""
    scores: dict[str, int] = {}
    by_id: dict[str, Actor] = {}
    for where, actor in doc.actors:
        if not _helps(actor, exclude) or not doc.is_event_text(where.start):
            continue
        by_id[actor.id] = actor
        scores[actor.id] = scores.get(actor.id, 0) + 1 + 2 * _is_subject(doc, where)
    if not scores:
        return None
    best = max(scores, key=lambda actor_id: scores[actor_id])
    return by_id[best] if scores[best] >= MIN_LEADING_SCORE else None


def _is_subject(doc: Document, where: Span) -> bool:
    if doc.nlp is None:
        return False
    span = doc.nlp.char_span(where.start, where.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _demonym_forces(doc: Document, sentence: Any) -> list[Actor]:
    """'with American and Iraqi support': a bare demonym in a support sentence stands for that country's forces."""
    from frontlines.actors.dictionary import default_dictionary

    dictionary = default_dictionary()
    actors = []
    for entity in sentence.ents:
        if entity.label_ == "NORP":
            actor = dictionary.lookup(f"{entity.text} forces")
            if actor is not None:
                actors.append(actor)
    return actors
