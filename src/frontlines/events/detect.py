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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

from frontlines.caseless import CaselessPattern, CaselessText
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
VIOLENT_DEMONSTRATION = "Violent demonstration"
LOOTING = "Looting/property destruction"

# Actor kinds whose capture of a place is "Government regains territory" (state forces and their foreign allies).
STATE_KINDS = frozenset({ActorKind.STATE_FORCES, ActorKind.GOVERNMENT, ActorKind.EXTERNAL_FORCES})
# Arrests at a protest are usually the protest's intervention: weigh them less than the protest.
ARREST_IN_PROTEST_PENALTY = 0.15
# A sentence whose best cue reaches this confidence is the lead that holds the primary event.
LEAD_MIN = 0.7
# How many sentences from the lead on may hold a more specific account of the primary event.
REFINE_SENTENCES = 3
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


# Regex operators that consume no text and may be skipped when looking for the literal a match starts with.
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def _first_literals(items: list[Any]) -> set[str] | None:
    """The literal texts one of which every match of a parsed regex starts with; None when unknown."""
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            run = _leading_literals(items[i:])
            text = "".join(chr(v) for _, v in run)
            rest = _first_literals(items[i + len(run) :]) if i + len(run) < len(items) else None
            return {text + r for r in rest} if rest else {text}
        if op is sre_constants.BRANCH:
            if all(b and len(_leading_literals(list(b))) == len(b) for b in av[1]):  # "(?:were|was) killed"
                texts = {"".join(chr(v) for _, v in b) for b in av[1]}
                rest = _first_literals(items[i + 1 :]) if i + 1 < len(items) else None
                return {text + r for text in texts for r in rest} if rest else texts
            branches = [_first_literals(list(b)) for b in av[1]]
            return None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
        if op is sre_constants.SUBPATTERN:
            return _first_literals(list(av[3]))
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            first = _first_literals(list(av[2]))
            if first is None or av[0] > 0:
                return first
            rest = _first_literals(items[i + 1 :])
            return None if rest is None else first | rest
        return None
    return None


def _leading_literals(items: list[Any]) -> list[Any]:
    run = []
    for item in items:
        if item[0] is not sre_constants.LITERAL:
            break
        run.append(item)
    return run


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-cased literal starts of a regex's matches (a cheap pre-check before running it), or None."""
    found = _first_literals(list(sre_parser.parse(pattern, re.IGNORECASE)))
    if not found or any(len(p) < 2 for p in found):
        return None
    return tuple(sorted({p.lower() for p in found}))


@dataclass(frozen=True, slots=True)
class Cue:
    """A compiled trigger cue with the literal texts one of which must occur in a sentence for it to match."""

    label: str
    weight: float
    pattern: re.Pattern[str]
    prefixes: tuple[str, ...] | None

    def keys(self) -> tuple[str, ...] | None:
        """Word-start keys (a prefix's first 2-4 word characters) under which the cue is indexed; None: always run."""
        if self.prefixes is None or not self.pattern.pattern.startswith(r"\b"):
            return None
        keys = {_KEY_CHARS.match(p[:KEY_LEN]).group(0) for p in self.prefixes}  # type: ignore[union-attr]
        return None if any(len(k) < 2 for k in keys) else tuple(keys)

    def may_match(self, lowered: str) -> bool:
        """False when none of the cue's literal starts occurs in the lower-cased sentence: it cannot match there."""
        return self.prefixes is None or any(prefix in lowered for prefix in self.prefixes)


def _cue(label: str, weight: float, pattern: str) -> Cue:
    return Cue(label, weight, _ci(pattern), literal_prefixes(pattern))


# Length of the word-start keys that select which cues to run on a sentence.
KEY_LEN = 4
_KEY_CHARS = re.compile(r"\w*")
_WORD_HEADS = re.compile(rf"\b\w{{1,{KEY_LEN}}}")


def _cue_index(cues: tuple[Cue, ...]) -> tuple[dict[str, tuple[tuple[int, str], ...]], tuple[int, ...]]:
    """(cue position, literal start) pairs by the start's word-start key, and the positions of cues without keys."""
    index: dict[str, list[tuple[int, str]]] = {}
    always = []
    for i, cue in enumerate(cues):
        if cue.keys() is None:
            always.append(i)
            continue
        for prefix in cue.prefixes or ():
            index.setdefault(_KEY_CHARS.match(prefix[:KEY_LEN]).group(0), []).append((i, prefix))  # type: ignore[union-attr]
    return {k: tuple(v) for k, v in index.items()}, tuple(always)


@lru_cache(maxsize=512)
def active_cues(lowered: str) -> tuple[Cue, ...]:
    """The cues that may match a lower-cased sentence, in lexicon order.

    A cue is run only when one of its literal starts occurs in the sentence: for an indexed cue, a start whose key
    (first 2-4 word characters) begins a word there and which occurs in full (a substring test, far cheaper than the
    cue's regex); a cue without keys is run when any of its literal starts occurs (or always, without any)."""
    lex = compiled_lexicon()
    index = lex.cue_index
    picked = {i for i in lex.always_run if lex.cues[i].may_match(lowered)}
    for head in set(_WORD_HEADS.findall(lowered)):
        for n in range(2, len(head) + 1):
            for i, prefix in index.get(head[:n], ()):
                if i not in picked and prefix in lowered:
                    picked.add(i)
    return tuple(lex.cues[i] for i in sorted(picked))


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    cues: tuple[Cue, ...]
    cue_index: dict[str, tuple[tuple[int, str], ...]]
    always_run: tuple[int, ...]
    protest_modifiers: tuple[tuple[str, float, re.Pattern[str]], ...]
    ordinary_crime: re.Pattern[str]
    non_conflict_deaths: re.Pattern[str]
    political: re.Pattern[str]
    accident: CaselessPattern
    non_event: CaselessPattern
    armed_targets: re.Pattern[str]
    civilian_targets: re.Pattern[str]
    state_capturer: re.Pattern[str]
    nonstate_capturer: re.Pattern[str]
    nonstate_cased: re.Pattern[str]
    base_words: re.Pattern[str]
    territory_words: re.Pattern[str]
    protest_topic_before: re.Pattern[str]
    capture_attempt_before: re.Pattern[str]
    negation_before: re.Pattern[str]
    capture_done_before: re.Pattern[str]
    protest_not_happening: re.Pattern[str]
    arrest_attributive: re.Pattern[str]


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def compiled_lexicon() -> CompiledLexicon:
    """The lexicon's regexes, compiled once per process."""
    cues = tuple(_cue(label, w, p) for label, w, p in lx.TRIGGER_CUES)
    cue_index, always_run = _cue_index(cues)
    return CompiledLexicon(
        cues=cues,
        cue_index=cue_index,
        always_run=always_run,
        protest_modifiers=tuple((label, w, _ci(p)) for label, w, p in lx.PROTEST_MODIFIER_CUES),
        ordinary_crime=_ci(lx.ORDINARY_CRIME),
        non_conflict_deaths=_ci(lx.NON_CONFLICT_DEATHS),
        political=_ci(lx.POLITICAL_MARKERS),
        accident=CaselessPattern(lx.ACCIDENT_CONTEXT),
        non_event=CaselessPattern(lx.NON_EVENT_CONTEXT),
        armed_targets=_ci(lx.ARMED_TARGETS),
        civilian_targets=_ci(lx.CIVILIAN_TARGETS),
        state_capturer=_ci(lx.STATE_CAPTURER),
        nonstate_capturer=_ci(lx.NONSTATE_CAPTURER),
        nonstate_cased=re.compile(lx.NONSTATE_CAPTURER_CASED),
        base_words=_ci(lx.BASE_WORDS),
        territory_words=_ci(lx.TERRITORY_WORDS),
        protest_topic_before=_ci(lx.PROTEST_TOPIC_BEFORE),
        capture_attempt_before=_ci(lx.CAPTURE_ATTEMPT_BEFORE),
        negation_before=_ci(lx.NEGATION_BEFORE),
        capture_done_before=_ci(lx.CAPTURE_DONE_BEFORE),
        protest_not_happening=_ci(lx.PROTEST_NOT_HAPPENING_BEFORE),
        arrest_attributive=_ci(lx.ARREST_ATTRIBUTIVE_BEFORE),
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


_WORD = re.compile(r"[A-Za-z][\w'-]*")


def is_title_case(sentence: str) -> bool:
    """A headline in title case ("Rebels Capture Key Town"): capitals there do not mark names."""
    words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def in_proper_name(sentence: str, start: int, end: int) -> bool:
    """True when a cue is part of a capitalised name ("Levant Liberation Board", "Popular Mobilization Forces")."""
    if start == 0 or not sentence[start].isupper():
        return False
    before = _WORD.findall(sentence[max(0, start - 30) : start])
    after = _WORD.findall(sentence[end : end + 30])
    return bool((before and before[-1][0].isupper()) or (after and after[0][0].isupper()))


def match_cues(sentence: str) -> list[Hit]:
    """Every trigger cue of the lexicon found in a sentence, in lexicon order; cues inside names are skipped."""
    hits = []
    names_matter = not is_title_case(sentence)
    negation = compiled_lexicon().negation_before
    for cue in active_cues(sentence.lower()):
        label, weight = cue.label, cue.weight
        for m in cue.pattern.finditer(sentence):
            if names_matter and in_proper_name(sentence, m.start(), m.end()):
                continue
            if negation.search(sentence[max(0, m.start() - 30) : m.start()]):
                continue
            hits.append(Hit(label, weight, m.start(), m.end(), m.group(0)))
    return hits


def protest_modifier(context: str) -> Hit | None:
    """The strongest protest modifier in a stretch of text (violent > excessive force > intervention).

    A modifier that is the protest's topic ("a protest against police brutality") does not count.
    """
    topic = compiled_lexicon().protest_topic_before
    for label, weight, pattern in compiled_lexicon().protest_modifiers:
        for m in pattern.finditer(context):
            if not topic.search(context[max(0, m.start() - 40) : m.start()]):
                return Hit(label, weight, m.start(), m.end(), m.group(0))
    return None


# The perpetrator phrase right after an attack noun ("an attack by suspected jihadists"): not the target.
_BY_PERPETRATOR = re.compile(r"^\s*(?:\w+\s+)?by\s+(?:\w+\s+){0,3}\w+")


def _resolve_assault(hit: Hit, sentence: str) -> Hit | None:
    lex = compiled_lexicon()
    after = sentence[hit.end : hit.end + 80]
    by = _BY_PERPETRATOR.match(after)
    if by:
        before = sentence[max(0, hit.start - 80) : hit.start]
        if lex.civilian_targets.search(before) and not lex.armed_targets.search(before):
            return Hit(ATTACK, hit.weight + 0.04, hit.start, hit.end, hit.cue)
        after = after[by.end() :]
    armed, civil = lex.armed_targets.search(after), lex.civilian_targets.search(after)
    if armed and (not civil or armed.start() <= civil.start()):
        return Hit(ARMED_CLASH, hit.weight + 0.06, hit.start, hit.end, hit.cue)
    if civil:
        return Hit(ATTACK, hit.weight + 0.04, hit.start, hit.end, hit.cue)
    if lex.armed_targets.search(sentence):
        return Hit(ARMED_CLASH, hit.weight, hit.start, hit.end, hit.cue)
    if kind_from_words(sentence) is None:
        return None  # no armed actor anywhere: "the president attacked his rivals"
    return Hit(ATTACK, hit.weight - 0.1, hit.start, hit.end, hit.cue)


def _armed_actor_named(ctx: SentenceContext) -> bool:
    """Whether the sentence names an armed actor: a dictionary actor of known kind, or generic words (troops, IS)."""
    sentence = ctx.text[ctx.start : ctx.end]
    return _actor_kind_in(ctx.actors, ctx.start, ctx.end) is not None or kind_from_words(sentence) is not None


def _resolve_armed_act(hit: Hit, ctx: SentenceContext) -> Hit | None:
    """A present-tense killing, execution, targeting or advance: counted only when an armed actor is named."""
    if not _armed_actor_named(ctx):
        return None
    if hit.label == lx.ADVANCE:
        return Hit(ARMED_CLASH, hit.weight, hit.start, hit.end, hit.cue)
    if hit.label == lx.EXECUTION:
        return Hit(ATTACK, hit.weight, hit.start, hit.end, hit.cue)  # the victims were captives, armed or not
    sentence = ctx.text[ctx.start : ctx.end]
    if hit.label == lx.TARGETING:
        return _resolve_assault(hit, sentence)
    if _BY_PERPETRATOR.match(sentence[hit.end : hit.end + 80]):
        # "an official tortured to death by rebels": the victims come before the verb, the killers after it
        before = sentence[max(0, hit.start - VICTIM_WINDOW) : hit.start]
        lex = compiled_lexicon()
        armed = lex.armed_targets.search(before) and not lex.civilian_targets.search(before)
        return Hit(ARMED_CLASH if armed else ATTACK, hit.weight, hit.start, hit.end, hit.cue)
    return _resolve_killing(hit, sentence)


# Characters around a casualty cue where the victims are named.
VICTIM_WINDOW = 60


def _ordinary_crime(sentence: str) -> bool:
    """Deaths from ordinary crime or outside conflict (a robbery, a gang dispute, an illness), not political."""
    lex = compiled_lexicon()
    if lex.non_conflict_deaths.search(sentence):
        return True
    return bool(lex.ordinary_crime.search(sentence)) and not lex.political.search(sentence)


def _resolve_casualties(hit: Hit, sentence: str) -> Hit:
    """Deaths with no act named: a clash when only armed people are among the victims, else an attack."""
    lex = compiled_lexicon()
    lo = max(0, hit.start - VICTIM_WINDOW)
    around = sentence[lo : hit.end + VICTIM_WINDOW]
    armed = _nearest(lex.armed_targets, around, hit.start - lo, hit.end - lo)
    civil = _nearest(lex.civilian_targets, around, hit.start - lo, hit.end - lo)
    fighters = armed is not None and (civil is None or armed < civil)
    return Hit(ARMED_CLASH if fighters else ATTACK, hit.weight, hit.start, hit.end, hit.cue)


def _nearest(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """Distance in characters from [start, end) to the closest match of a pattern in text; None without one."""
    gaps = [max(start - m.end(), m.start() - end, 0) for m in pattern.finditer(text)]
    return min(gaps) if gaps else None


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


# Characters around a capture verb where the place taken must be named.
PLACE_WINDOW = 80


def _object_is_place(sent: Any, trigger_start: int) -> bool | None:
    """Whether the direct object of the verb at ``trigger_start`` names a place; None when there is no object.

    Only the object's head and its modifiers count ("the town", "Kirawa", "two oil fields"), not everything hanging
    off it ("footage of landslides in Japan" is footage, not Japan).
    """
    token = next((t for t in sent if t.idx == trigger_start), None)
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    head = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod", "nmod", "poss"))]
    if any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN" for t in head):
        return True
    return bool(compiled_lexicon().territory_words.search(" ".join(t.text for t in head)))


def _is_territorial(hit: Hit, ctx: SentenceContext) -> bool:
    """A capture of a place: a place name or territory word near the verb, no person or thing taken, no attempt."""
    sentence, places, sent_start = ctx.text[ctx.start : ctx.end], ctx.places, ctx.start
    lex = compiled_lexicon()
    before = sentence[max(0, hit.start - 30) : hit.start]
    if lex.capture_attempt_before.search(before) and not lex.capture_done_before.search(before):
        return False
    if lex.ordinary_crime.search(sentence) and not lex.political.search(sentence):
        return False
    if ctx.sent is not None:
        verdict = _object_is_place(ctx.sent, ctx.start + hit.start)
        # "drove the militants from the village": the object of a recapture verb may be the enemy;
        # "hoisted their flag over the town": the object of a phrase is not what was taken
        if verdict is True or (verdict is False and hit.label == lx.CAPTURE and " " not in hit.cue):
            return verdict
    if _NOT_A_PLACE.search(sentence[hit.end : hit.end + 40]):
        return False
    lo, hi = max(0, hit.start - PLACE_WINDOW), hit.end + PLACE_WINDOW
    if lex.territory_words.search(sentence[lo:hi]):
        return True
    return any(lo <= start - sent_start < hi for start, _ in places)


def _resolve_withdrawal(hit: Hit, sentence: str, places: Sequence[tuple[int, int]], has_capture: bool) -> Hit | None:
    lex = compiled_lexicon()
    around = sentence[max(0, hit.start - 40) : hit.end + 60]
    if lex.base_words.search(around) and not lex.territory_words.search(around):
        return Hit(CHANGE_TO_GROUP, hit.weight - 0.05, hit.start, hit.end, hit.cue)
    if has_capture or lex.territory_words.search(sentence) or places:
        return Hit(NON_VIOLENT_TRANSFER, hit.weight + (0.05 if has_capture else 0.0), hit.start, hit.end, hit.cue)
    return Hit(CHANGE_TO_GROUP, hit.weight - 0.2, hit.start, hit.end, hit.cue)


def _resolve_arrest(hit: Hit, sentence: str, protest: bool) -> Hit | None:
    lex = compiled_lexicon()
    if lex.ordinary_crime.search(sentence) and not lex.political.search(sentence):
        return None
    if lex.arrest_attributive.search(sentence[max(0, hit.start - 25) : hit.start]):
        return None  # "the jailed opposition leader"
    weight = hit.weight - (ARREST_IN_PROTEST_PENALTY if protest else 0.0)
    return Hit(ARRESTS, weight, hit.start, hit.end, hit.cue)


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What a sentence's cues are resolved with: the document, its parse and the surrounding sentences."""

    text: str  # the whole document text
    start: int  # sentence offsets in the document
    end: int
    sent: Any  # the spaCy sentence (or None)
    protest_nearby: bool  # the previous or next sentence speaks of a protest
    accident_nearby: bool  # the document speaks of an industrial accident or disaster
    neighbour_text: str  # the next sentence's text, for protest modifiers
    actors: Sequence[tuple[Span, Actor]]
    places: Sequence[tuple[int, int]]  # GPE/LOC/FAC entity offsets inside the sentence


def resolve_hits(hits: list[Hit], ctx: SentenceContext) -> list[Hit]:
    """Turn cue classes into sub-event types using the sentence's context; drop cues that report no event."""
    sentence = ctx.text[ctx.start : ctx.end]
    lex = compiled_lexicon()
    has_capture = any(h.label in (lx.CAPTURE, lx.RECAPTURE, lx.ARMED_CAPTURE) for h in hits)
    hits = [h for h in hits if h.label != lx.PROTEST or _protest_happens(h, sentence)]
    protest = ctx.protest_nearby or any(h.label in (lx.PROTEST, VIOLENT_DEMONSTRATION) for h in hits)
    accident = ctx.accident_nearby or lex.accident.found(CaselessText.of(sentence))
    resolved: list[Hit] = []
    for hit in hits:
        out: Hit | None = hit
        if hit.label == lx.ASSAULT:
            out = None if protest else _resolve_assault(hit, sentence)
        elif hit.label == lx.KILLING:
            out = None if accident else _resolve_killing(hit, sentence)
        elif hit.label == LOOTING and protest:
            out = None  # looting by demonstrators is a violent demonstration
        elif hit.label in (lx.CAPTURE, lx.RECAPTURE):
            out = _resolve_capture(hit, ctx)
        elif hit.label == lx.ARMED_CAPTURE:
            out = _resolve_capture(hit, ctx) if _armed_actor_named(ctx) else None
        elif hit.label == lx.WITHDRAWAL:
            out = _resolve_withdrawal(hit, sentence, ctx.places, has_capture)
        elif hit.label == lx.ARREST:
            out = _resolve_arrest(hit, sentence, protest)
        elif hit.label == lx.EXPLOSION:
            out = None if accident else Hit(REMOTE_EXPLOSIVE, hit.weight, hit.start, hit.end, hit.cue)
        elif hit.label == lx.PROTEST:
            out = _resolve_protest(hit, sentence + " " + ctx.neighbour_text)
        elif hit.label in (lx.ARMED_KILLING, lx.ADVANCE, lx.EXECUTION, lx.TARGETING):
            out = None if accident else _resolve_armed_act(hit, ctx)
        elif hit.label == lx.CASUALTIES:
            out = None if accident or _ordinary_crime(sentence) else _resolve_casualties(hit, sentence)
        if out is not None:
            resolved.append(out)
    return resolved


def _protest_happens(hit: Hit, sentence: str) -> bool:
    """False for a protest that is only planned, called for or banned ("ahead of the planned rally")."""
    return not compiled_lexicon().protest_not_happening.search(sentence[max(0, hit.start - 40) : hit.start])


def _resolve_capture(hit: Hit, ctx: SentenceContext) -> Hit | None:
    if not _is_territorial(hit, ctx):
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
        if any(_swallows(o, hit) for o in hits):
            continue  # "weapons seized": the seizing is part of the stronger cue
        if disrupted and _event_type(hit.label) == EXPLOSIONS:
            continue  # "seized two landmines": the weapons were not used
        if hit.label in (ARMED_CLASH, ATTACK) and _near_any(hit, specific):
            continue  # "a grenade attack", "captured the town in an assault": one event
        best = kept.get(hit.label)
        if best is None or (hit.weight, -hit.start) > (best.weight, -best.start):
            kept[hit.label] = hit
    return [h for h in kept.values() if h.weight >= MIN_WEIGHT]


def _swallows(big: Hit, small: Hit) -> bool:
    """A stronger, longer cue of another type that contains this one ("weapons seized" contains "seized")."""
    longer = big.end - big.start > small.end - small.start
    inside = big.start <= small.start and small.end <= big.end
    return big.label != small.label and longer and inside and big.weight >= small.weight


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
    if compiled_lexicon().non_event.found(CaselessText.of(sentence)):
        hits = [Hit(h.label, h.weight * NON_EVENT_FACTOR, h.start, h.end, h.cue) for h in hits]
        hits = [h for h in hits if h.weight >= MIN_WEIGHT]
    return hits


# ---------------------------------------------------------------------------------------------------------------
# The document


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence of the parse, clipped to one block of event text."""

    start: int
    end: int
    sent: Any  # the spaCy sentence it comes from


def _segments(doc: Document) -> list[Segment]:
    """The parse's sentences, cut at block boundaries, keeping only event text (no captions, pull-quotes)."""
    nlp_doc = doc.nlp
    if nlp_doc is None:
        from frontlines.nlp.model import load_spacy

        nlp_doc = load_spacy()(doc.text)
    cuts = sorted({b.start for b in doc.blocks} | {b.end for b in doc.blocks})
    segments = []
    for sent in nlp_doc.sents:
        if not sent.text.strip():  # a masked (unparsed) stretch of the text
            continue
        bounds = [sent.start_char, *(c for c in cuts if sent.start_char < c < sent.end_char), sent.end_char]
        for start, end in pairwise(bounds):
            if doc.text[start:end].strip() and doc.is_event_text(start):
                segments.append(Segment(start, end, sent))
    return segments


def _has_protest(sentence: str) -> bool:
    for cue in active_cues(sentence.lower()):
        if cue.label in (lx.PROTEST, VIOLENT_DEMONSTRATION):
            for m in cue.pattern.finditer(sentence):
                if _protest_happens(Hit(cue.label, 1.0, m.start(), m.end(), ""), sentence):
                    return True
    return False


def _place_entities(segments: list[Segment]) -> list[tuple[int, int]]:
    """(start, end) of the parse's GPE/LOC/FAC entities, sorted, read once per document."""
    if not segments:
        return []
    ents = segments[0].sent.doc.ents
    return [(e.start_char, e.end_char) for e in ents if e.label_ in ("GPE", "LOC", "FAC")]


def _places_in(segment: Segment, places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    lo = bisect_left(places, (segment.start, -1))
    hi = bisect_left(places, (segment.end, -1))
    return places[lo:hi]


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
    segments = _segments(doc)
    texts = [doc.text[seg.start : seg.end] for seg in segments]
    protest_flags = [_has_protest(t) for t in texts]
    accident = any(compiled_lexicon().accident.found(CaselessText.of(t)) for t in texts)
    places = _place_entities(segments)
    mentions: list[EventMention] = []
    for i, seg in enumerate(segments):
        nearby = (i > 0 and protest_flags[i - 1]) or (i + 1 < len(segments) and protest_flags[i + 1])
        ctx = SentenceContext(
            text=doc.text,
            start=seg.start,
            end=seg.end,
            sent=seg.sent,
            protest_nearby=nearby,
            accident_nearby=accident,
            neighbour_text=texts[i + 1] if i + 1 < len(segments) and protest_flags[i] else "",
            actors=doc.actors,
            places=_places_in(seg, places),
        )
        mentions.extend(_mention(hit, ctx, i) for hit in sentence_hits(ctx))
    return rank_mentions(mentions)


def rank_mentions(mentions: list[EventMention]) -> list[EventMention]:
    """Primary event first, then the rest by confidence and position.

    The primary event is the strongest one of the lead: the first sentence with a cue of at least ``LEAD_MIN``
    (news puts the main event first); without such a sentence, the strongest event anywhere.
    """
    ordered = sorted(mentions, key=lambda m: (-m.confidence, m.trigger.start))
    lead = [m for m in ordered if m.confidence >= LEAD_MIN]
    if not lead:
        return ordered
    first_sentence = min(m.sentence.start for m in lead)
    primary = refine(next(m for m in lead if m.sentence.start == first_sentence), ordered)
    return [primary, *(m for m in ordered if m is not primary)]


def refine(primary: EventMention, ordered: list[EventMention]) -> EventMention:
    """A more specific account of the primary event close after it: same event type, stronger cue.

    "Bombings in the city ... a suicide bomber blew himself up" -> the suicide bombing; "protesters rallied ...
    police fired tear gas" -> the protest with intervention; "fighting ... rebels captured the town" -> the capture.
    """
    sentence_starts = sorted({m.sentence.start for m in ordered})
    lead_index = sentence_starts.index(primary.sentence.start)
    near = set(sentence_starts[lead_index : lead_index + REFINE_SENTENCES])
    better = [
        m
        for m in ordered
        if m.event_type == primary.event_type and m.sentence.start in near and m.confidence > primary.confidence
    ]
    return better[0] if better else primary


def distinct_events(mentions: Sequence[EventMention]) -> list[EventMention]:
    """The best-ranked mention of each sub-event type, in rank order (the primary event stays first)."""
    seen: set[str] = set()
    kept = []
    for mention in mentions:
        if mention.sub_event_type not in seen:
            seen.add(mention.sub_event_type)
            kept.append(mention)
    return kept


def primary_sub_event(mentions: Sequence[EventMention]) -> str:
    """The primary event's sub-event type, or ``"none"`` when there is no event."""
    return mentions[0].sub_event_type if mentions else NONE
