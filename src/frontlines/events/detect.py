"""Event detection and typing in ACLED's taxonomy: which events a document reports, the primary one first.

The recipe (``detect_events``):

1. take the sentences of the spaCy parse that lie in event text (body, title, headings; not captions);
2. match the trigger cues of ``lexicon.py`` in each sentence;
3. resolve cue classes with context: who captured a place, whether an attack hit armed or unarmed people, whether a
   protest is going on, whether an arrest is for ordinary crime or an explosion an accident;
4. keep the best cue per sub-event type and sentence, and rank all of them: cue weight, earlier sentences first.

All heuristics live in ``lexicon.py``; this module only reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontlines.events import lexicon as lx
from frontlines.events.taxonomy import EXPLOSIONS, NONE, sub_event_info
from frontlines.model import Actor, ActorKind, Document, Span

GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
CHANGE_TO_GROUP = "Change to group/activity"
ARMED_CLASH = "Armed clash"
ATTACK = "Attack"
ARRESTS = "Arrests"
DISRUPTED = "Disrupted weapons use"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
PEACEFUL_PROTEST = "Peaceful protest"

# Actor kinds whose capture of a place is "Government regains territory" (state forces and their foreign allies).
STATE_KINDS = frozenset({ActorKind.STATE_FORCES, ActorKind.GOVERNMENT, ActorKind.EXTERNAL_FORCES})
# Below this weight a cue is not reported as an event.
MIN_WEIGHT = 0.5
# How much a sentence's rank weighs less for each sentence before it, and the floor of that factor.
SENTENCE_DECAY = 0.04
SENTENCE_FLOOR = 0.8
# Weight multiplier for sentences about diplomacy, sanctions, reactions (lexicon.NON_EVENT_CONTEXT).
NON_EVENT_FACTOR = 0.6
# Characters around a specific weapon/territory cue within which a generic assault cue is the same event.
MERGE_WINDOW = 40


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event a document reports: its ACLED type, the trigger words and sentence, and how sure we are."""

    sub_event_type: str
    event_type: str
    disorder_type: str
    trigger: Span
    sentence: Span
    confidence: float
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue matched in a sentence (offsets relative to the sentence), before or after resolution."""

    label: str
    weight: float
    start: int
    end: int
    cue: str


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    cues: tuple[tuple[str, float, re.Pattern[str]], ...]
    protest_modifiers: tuple[tuple[str, float, re.Pattern[str]], ...]
    ordinary_crime: re.Pattern[str]
    political: re.Pattern[str]
    accident: re.Pattern[str]
    non_event: re.Pattern[str]
    armed_targets: re.Pattern[str]
    civilian_targets: re.Pattern[str]
    state_capturer: re.Pattern[str]
    nonstate_capturer: re.Pattern[str]
    nonstate_cased: re.Pattern[str]
    base_words: re.Pattern[str]
    territory_words: re.Pattern[str]


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def compiled_lexicon() -> CompiledLexicon:
    """The lexicon's regexes, compiled once per process."""
    return CompiledLexicon(
        cues=tuple((label, w, _ci(p)) for label, w, p in lx.TRIGGER_CUES),
        protest_modifiers=tuple((label, w, _ci(p)) for label, w, p in lx.PROTEST_MODIFIER_CUES),
        ordinary_crime=_ci(lx.ORDINARY_CRIME),
        political=_ci(lx.POLITICAL_MARKERS),
        accident=_ci(lx.ACCIDENT_CONTEXT),
        non_event=_ci(lx.NON_EVENT_CONTEXT),
        armed_targets=_ci(lx.ARMED_TARGETS),
        civilian_targets=_ci(lx.CIVILIAN_TARGETS),
        state_capturer=_ci(lx.STATE_CAPTURER),
        nonstate_capturer=_ci(lx.NONSTATE_CAPTURER),
        nonstate_cased=re.compile(lx.NONSTATE_CAPTURER_CASED),
        base_words=_ci(lx.BASE_WORDS),
        territory_words=_ci(lx.TERRITORY_WORDS),
    )


# ---------------------------------------------------------------------------------------------------------------
# Territory: who took it


def territory_subtype(capturer_kind: ActorKind | None) -> str:
    """The sub-event type of territory taken by force: state forces (and allies) regain, anyone else overtakes."""
    return GOVERNMENT_REGAINS if capturer_kind in STATE_KINDS else NON_STATE_OVERTAKES


def kind_from_words(text: str) -> ActorKind | None:
    """An actor kind read from generic words (troops, rebels, IS...) when the actor dictionary gave nothing."""
    lex = compiled_lexicon()
    nonstate = lex.nonstate_capturer.search(text) or lex.nonstate_cased.search(text)
    state = lex.state_capturer.search(text)
    if nonstate and state:
        return ActorKind.REBEL_GROUP if nonstate.start() <= state.start() else ActorKind.STATE_FORCES
    if nonstate:
        return ActorKind.REBEL_GROUP
    if state:
        return ActorKind.STATE_FORCES
    return None


def _actor_kind_in(actors: Sequence[tuple[Span, Actor]], start: int, end: int) -> ActorKind | None:
    """The kind of the first dictionary actor inside [start, end) whose kind is known."""
    for span, actor in actors:
        if start <= span.start and span.end <= end and actor.kind not in (ActorKind.UNKNOWN, ActorKind.OTHER):
            return actor.kind
    return None


def _subject_range(sent: Any, trigger_start: int) -> tuple[int, int] | None:
    """Character range (in the doc) of the grammatical subject or passive agent of the verb at ``trigger_start``."""
    token = next((t for t in sent if t.idx <= trigger_start < t.idx + len(t.text) + 1), None)
    if token is None:
        return None
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent"):
            tokens = list(child.subtree)
            return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None


def capturer_kind(
    *, text: str, sent: Any, trigger_start: int, actors: Sequence[tuple[Span, Actor]]
) -> ActorKind | None:
    """Who took a place: the verb's subject (dictionary actor first, then generic words), else the clause before."""
    ranges: list[tuple[int, int]] = []
    subject = _subject_range(sent, trigger_start) if sent is not None else None
    if subject is not None:
        ranges.append(subject)
    sent_start = sent.start_char if sent is not None else 0
    ranges.append((sent_start, trigger_start))
    for start, end in ranges:
        kind = _actor_kind_in(actors, start, end) or kind_from_words(text[start:end])
        if kind is not None:
            return kind
    return None


# ---------------------------------------------------------------------------------------------------------------
# Matching and resolving cues in one sentence


def match_cues(sentence: str) -> list[Hit]:
    """Every trigger cue of the lexicon found in a sentence, in lexicon order."""
    hits = []
    for label, weight, pattern in compiled_lexicon().cues:
        for m in pattern.finditer(sentence):
            hits.append(Hit(label, weight, m.start(), m.end(), m.group(0)))
    return hits


def protest_modifier(context: str) -> Hit | None:
    """The strongest protest modifier in a stretch of text (violent > excessive force > intervention)."""
    for label, weight, pattern in compiled_lexicon().protest_modifiers:
        m = pattern.search(context)
        if m:
            return Hit(label, weight, m.start(), m.end(), m.group(0))
    return None


def _resolve_assault(hit: Hit, sentence: str) -> Hit:
    lex = compiled_lexicon()
    after = sentence[hit.end : hit.end + 80]
    armed, civil = lex.armed_targets.search(after), lex.civilian_targets.search(after)
    if armed and (not civil or armed.start() <= civil.start()):
        return Hit(ARMED_CLASH, hit.weight + 0.06, hit.start, hit.end, hit.cue)
    if civil:
        return Hit(ATTACK, hit.weight + 0.04, hit.start, hit.end, hit.cue)
    if lex.armed_targets.search(sentence):
        return Hit(ARMED_CLASH, hit.weight, hit.start, hit.end, hit.cue)
    return Hit(ATTACK, hit.weight - 0.1, hit.start, hit.end, hit.cue)


def _resolve_killing(hit: Hit, sentence: str) -> Hit:
    after = sentence[hit.end : hit.end + 60]
    victims_armed = compiled_lexicon().armed_targets.search(after)
    label = ARMED_CLASH if victims_armed and not compiled_lexicon().civilian_targets.search(after) else ATTACK
    return Hit(label, hit.weight, hit.start, hit.end, hit.cue)


# Words right after a capture verb that show people or things were taken, not a place.
_NOT_A_PLACE = re.compile(
    r"^\W*(?:alive|\d[\d,]* |(?:the |a |an |two |three |several |dozens of )?(?:\w+ )?"
    r"(?:militants?|fighters?|soldiers?|people|suspects?|weapons?|arms|ammunition|vehicles?|drugs|hostages?|"
    r"prisoners?|footage|images?|attention|power|initiative)\b)",
    re.IGNORECASE,
)


def _is_territorial(hit: Hit, sentence: str, places: Iterable[tuple[int, int]]) -> bool:
    if _NOT_A_PLACE.search(sentence[hit.end : hit.end + 40]):
        return False
    return bool(compiled_lexicon().territory_words.search(sentence)) or any(True for _ in places)


def _resolve_withdrawal(hit: Hit, sentence: str, places: Sequence[tuple[int, int]], has_capture: bool) -> Hit | None:
    lex = compiled_lexicon()
    after = sentence[hit.end : hit.end + 60]
    if lex.base_words.search(after) and not lex.territory_words.search(after):
        return Hit(CHANGE_TO_GROUP, hit.weight - 0.05, hit.start, hit.end, hit.cue)
    if has_capture or lex.territory_words.search(sentence) or places:
        return Hit(NON_VIOLENT_TRANSFER, hit.weight + (0.05 if has_capture else 0.0), hit.start, hit.end, hit.cue)
    return Hit(CHANGE_TO_GROUP, hit.weight - 0.2, hit.start, hit.end, hit.cue)


def _resolve_arrest(hit: Hit, sentence: str) -> Hit | None:
    lex = compiled_lexicon()
    if lex.ordinary_crime.search(sentence) and not lex.political.search(sentence):
        return None
    return Hit(ARRESTS, hit.weight, hit.start, hit.end, hit.cue)


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What a sentence's cues are resolved with: the document, its parse and the surrounding sentences."""

    text: str  # the whole document text
    start: int  # sentence offsets in the document
    end: int
    sent: Any  # the spaCy sentence (or None)
    protest_nearby: bool  # the previous or next sentence speaks of a protest
    neighbour_text: str  # the next sentence's text, for protest modifiers
    actors: Sequence[tuple[Span, Actor]]
    places: Sequence[tuple[int, int]]  # GPE/LOC/FAC entity offsets inside the sentence


def resolve_hits(hits: list[Hit], ctx: SentenceContext) -> list[Hit]:
    """Turn cue classes into sub-event types using the sentence's context; drop cues that report no event."""
    sentence = ctx.text[ctx.start : ctx.end]
    lex = compiled_lexicon()
    has_capture = any(h.label in (lx.CAPTURE, lx.RECAPTURE) for h in hits)
    protest = ctx.protest_nearby or any(h.label == lx.PROTEST for h in hits)
    resolved: list[Hit] = []
    for hit in hits:
        out: Hit | None = hit
        if hit.label == lx.ASSAULT:
            out = None if protest else _resolve_assault(hit, sentence)
        elif hit.label == lx.KILLING:
            out = _resolve_killing(hit, sentence)
        elif hit.label in (lx.CAPTURE, lx.RECAPTURE):
            out = _resolve_capture(hit, ctx)
        elif hit.label == lx.WITHDRAWAL:
            out = _resolve_withdrawal(hit, sentence, ctx.places, has_capture)
        elif hit.label == lx.ARREST:
            out = _resolve_arrest(hit, sentence)
        elif hit.label == lx.EXPLOSION:
            out = None if lex.accident.search(sentence) else Hit(REMOTE_EXPLOSIVE, hit.weight, hit.start, hit.end, hit.cue)
        elif hit.label == lx.PROTEST:
            out = _resolve_protest(hit, sentence + " " + ctx.neighbour_text)
        if out is not None:
            resolved.append(out)
    return resolved


def _resolve_capture(hit: Hit, ctx: SentenceContext) -> Hit | None:
    sentence = ctx.text[ctx.start : ctx.end]
    if not _is_territorial(hit, sentence, ctx.places):
        return None
    kind = capturer_kind(text=ctx.text, sent=ctx.sent, trigger_start=ctx.start + hit.start, actors=ctx.actors)
    if kind is None and hit.label == lx.RECAPTURE:
        kind = ActorKind.STATE_FORCES
    return Hit(territory_subtype(kind), hit.weight, hit.start, hit.end, hit.cue)


def _resolve_protest(hit: Hit, context: str) -> Hit:
    modifier = protest_modifier(context)
    if modifier is None:
        return Hit(PEACEFUL_PROTEST, hit.weight, hit.start, hit.end, hit.cue)
    return Hit(modifier.label, modifier.weight, hit.start, hit.end, f"{hit.cue}+{modifier.cue}")


def prune_hits(hits: list[Hit]) -> list[Hit]:
    """Keep one hit per sub-event type (the strongest, then earliest) and drop hits that restate a better one."""
    disrupted = any(h.label == DISRUPTED for h in hits)
    specific = [h for h in hits if _is_specific(h.label)]
    kept: dict[str, Hit] = {}
    for hit in hits:
        if disrupted and _event_type(hit.label) == EXPLOSIONS:
            continue  # "seized two landmines": the weapons were not used
        if hit.label in (ARMED_CLASH, ATTACK) and _near_any(hit, specific):
            continue  # "a grenade attack", "captured the town in an assault": one event
        best = kept.get(hit.label)
        if best is None or (hit.weight, -hit.start) > (best.weight, -best.start):
            kept[hit.label] = hit
    return [h for h in kept.values() if h.weight >= MIN_WEIGHT]


def _event_type(label: str) -> str:
    return sub_event_info(label).event_type


def _is_specific(label: str) -> bool:
    return _event_type(label) == EXPLOSIONS or label in (GOVERNMENT_REGAINS, NON_STATE_OVERTAKES)


def _near_any(hit: Hit, others: list[Hit]) -> bool:
    return any(o is not hit and abs(o.start - hit.start) <= MERGE_WINDOW for o in others)


def sentence_hits(ctx: SentenceContext) -> list[Hit]:
    """The events one sentence reports, one hit per sub-event type, weights scaled for non-event talk."""
    sentence = ctx.text[ctx.start : ctx.end]
    hits = prune_hits(resolve_hits(match_cues(sentence), ctx))
    if compiled_lexicon().non_event.search(sentence):
        hits = [Hit(h.label, h.weight * NON_EVENT_FACTOR, h.start, h.end, h.cue) for h in hits]
        hits = [h for h in hits if h.weight >= MIN_WEIGHT]
    return hits


# ---------------------------------------------------------------------------------------------------------------
# The document


def _sentences(doc: Document) -> list[Any]:
    nlp_doc = doc.nlp
    if nlp_doc is None:
        from frontlines.nlp.model import load_spacy

        nlp_doc = load_spacy()(doc.text)
    return [s for s in nlp_doc.sents if s.text.strip() and doc.is_event_text(s.start_char)]


def _has_protest(sentence: str) -> bool:
    return any(label == lx.PROTEST and p.search(sentence) for label, _, p in compiled_lexicon().cues)


def _places_in(sent: Any) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC")]


def _sentence_factor(index: int) -> float:
    return max(SENTENCE_FLOOR, 1.0 - SENTENCE_DECAY * index)


def _mention(hit: Hit, ctx: SentenceContext, index: int) -> EventMention:
    info = sub_event_info(hit.label)
    rel = hit.start / max(1, ctx.end - ctx.start)
    confidence = round(min(1.0, hit.weight * _sentence_factor(index)) - 0.03 * rel, 4)
    trigger = Span.of(ctx.text, ctx.start + hit.start, ctx.start + hit.end)
    return EventMention(
        sub_event_type=hit.label,
        event_type=info.event_type,
        disorder_type=info.disorder_type,
        trigger=trigger,
        sentence=Span.of(ctx.text, ctx.start, ctx.end),
        confidence=confidence,
        cues=tuple(hit.cue.split("+")),
    )


def detect_events(doc: Document) -> list[EventMention]:
    """All events a document reports, the primary (main) one first; [] when it reports none of ACLED's kind."""
    sents = _sentences(doc)
    texts = [s.text for s in sents]
    protest_flags = [_has_protest(t) for t in texts]
    mentions: list[EventMention] = []
    for i, sent in enumerate(sents):
        nearby = (i > 0 and protest_flags[i - 1]) or (i + 1 < len(sents) and protest_flags[i + 1])
        ctx = SentenceContext(
            text=doc.text,
            start=sent.start_char,
            end=sent.end_char,
            sent=sent,
            protest_nearby=nearby,
            neighbour_text=texts[i + 1] if i + 1 < len(sents) and protest_flags[i] else "",
            actors=doc.actors,
            places=_places_in(sent),
        )
        mentions.extend(_mention(hit, ctx, i) for hit in sentence_hits(ctx))
    return rank_mentions(mentions)


def rank_mentions(mentions: list[EventMention]) -> list[EventMention]:
    """Primary event first: highest confidence, then earliest; stable for equal ones."""
    return sorted(mentions, key=lambda m: (-m.confidence, m.trigger.start))


def primary_sub_event(mentions: Sequence[EventMention]) -> str:
    """The primary event's sub-event type, or ``"none"`` when there is no event."""
    return mentions[0].sub_event_type if mentions else NONE
