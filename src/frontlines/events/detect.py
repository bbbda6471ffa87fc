"""Event detection and typing in ACLED's taxonomy: which events a document reports, the primary one first.

The recipe (``detect_events``):

1. take the sentences of the spaCy parse that lie in event text (body, title, headings; not captions);
2. match the trigger cues of ``lexicon.py`` in each sentence;
3. resolve cue classes with context: who captured a place, whether an attack hit armed or unarmed people (the
   act's object or passive subject in the parse), whether a protest is going on, whether an arrest is for ordinary
   crime or an explosion an accident;
4. weigh cues by where they sit in the parse (``structure.py``): planned, threatened, denied or dated acts report
   nothing, a cue in a relative clause or reason phrase is background to the act above it, history told with
   "years after" or "since 2017" drops out;
5. keep the best cue per sub-event type and sentence, and rank all of them: cue weight, earlier sentences first.

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
from frontlines.events.clauses import clauses
from frontlines.events.structure import (
    cue_span,
    cue_token,
    frames,
    governed_by,
    subordinate,
    target_side,
    time_reference,
    unrealised,
)
from frontlines.events.taxonomy import BATTLES, EXPLOSIONS, NONE, VIOLENCE_AGAINST_CIVILIANS, sub_event_info
from frontlines.model import Actor, ActorKind, Document, Span
from frontlines.nlp.sentences import parsed_sentences

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
MOB_VIOLENCE = "Mob violence"
LOOTING = "Looting/property destruction"
CHEMICAL = "Chemical weapon"
AGREEMENT = "Agreement"
OTHER = "Other"

# Event types of violence that property destruction mentioned after it is part of.
VIOLENT_TYPES = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS})
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
    non_event: re.Pattern[str]
    disaster: CaselessPattern
    harm: re.Pattern[str]
    armed_targets: re.Pattern[str]
    civilian_targets: re.Pattern[str]
    state_capturer: re.Pattern[str]
    nonstate_capturer: re.Pattern[str]
    nonstate_cased: re.Pattern[str]
    base_words: re.Pattern[str]
    territory_words: re.Pattern[str]
    protest_topic_markers: re.Pattern[str]
    protest_topic_end: re.Pattern[str]
    capture_attempt_before: re.Pattern[str]
    negation_before: re.Pattern[str]
    future_after: re.Pattern[str]
    capture_done_before: re.Pattern[str]
    protest_not_happening: re.Pattern[str]
    arrest_attributive: re.Pattern[str]
    no_fight: re.Pattern[str]
    troop_withdrawal: re.Pattern[str]
    receiving_side: re.Pattern[str]
    background_clause: re.Pattern[str]
    distant_past_before: re.Pattern[str]
    distant_past_after: re.Pattern[str]
    distant_past_attributive: re.Pattern[str]


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
        non_event=_ci(lx.NON_EVENT_CONTEXT),
        disaster=CaselessPattern(lx.DISASTER_CONTEXT),
        harm=_ci(lx.HARM_WORDS),
        armed_targets=_ci(lx.ARMED_TARGETS),
        civilian_targets=_ci(lx.CIVILIAN_TARGETS),
        state_capturer=_ci(lx.STATE_CAPTURER),
        nonstate_capturer=_ci(lx.NONSTATE_CAPTURER),
        nonstate_cased=re.compile(lx.NONSTATE_CAPTURER_CASED),
        base_words=_ci(lx.BASE_WORDS),
        territory_words=_ci(lx.TERRITORY_WORDS),
        protest_topic_markers=_ci(lx.PROTEST_TOPIC_MARKERS),
        protest_topic_end=_ci(lx.PROTEST_TOPIC_END),
        capture_attempt_before=_ci(lx.CAPTURE_ATTEMPT_BEFORE),
        negation_before=_ci(lx.NEGATION_BEFORE),
        future_after=_ci(lx.FUTURE_AFTER),
        capture_done_before=_ci(lx.CAPTURE_DONE_BEFORE),
        protest_not_happening=_ci(lx.PROTEST_NOT_HAPPENING_BEFORE),
        arrest_attributive=_ci(lx.ARREST_ATTRIBUTIVE_BEFORE),
        no_fight=_ci(lx.NO_FIGHT),
        troop_withdrawal=_ci(lx.TROOP_WITHDRAWAL),
        receiving_side=_ci(lx.RECEIVING_SIDE),
        background_clause=_ci(lx.BACKGROUND_CLAUSE),
        distant_past_before=_ci(lx.DISTANT_PAST_BEFORE),
        distant_past_after=_ci(lx.DISTANT_PAST_AFTER),
        distant_past_attributive=_ci(lx.DISTANT_PAST_ATTRIBUTIVE),
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
    """Character range (in the doc) of the passive agent or else the grammatical subject of the verb at
    ``trigger_start``: the agent first, since a verbless headline ("police station overrun by insurgents") parses
    the place as a subject and the agent as a plain "by" phrase."""
    token = next((t for t in sent if t.idx <= trigger_start < t.idx + len(t.text) + 1), None)
    if token is None:
        return None
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for dep in ("agent", "nsubj"):
        for child in verb.children:
            if child.dep_ == dep or (dep == "agent" and child.dep_ == "prep" and child.lower_ == "by"):
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
    negation, future = compiled_lexicon().negation_before, compiled_lexicon().future_after
    for cue in active_cues(sentence.lower()):
        label, weight = cue.label, cue.weight
        pos = 0
        while (m := cue.pattern.search(sentence, pos)) is not None:
            pos = max(m.end(), m.start() + 1)
            if names_matter and in_proper_name(sentence, m.start(), m.end()):
                pos = m.start() + 1  # "Iraqi F-16 jets struck": the name is skipped, "jets struck" may still match
                continue
            if negation.search(sentence[max(0, m.start() - 30) : m.start()]) or future.match(sentence, m.end()):
                continue
            hits.append(Hit(label, weight, m.start(), m.end(), m.group(0)))
    return hits


def protest_modifier(context: str) -> Hit | None:
    """The strongest protest modifier in a stretch of text (violent > excessive force > intervention).

    A modifier that is the protest's topic ("a protest against police brutality") does not count.
    """
    for label, weight, pattern in compiled_lexicon().protest_modifiers:
        window = CROWD_TOPIC_WINDOW if label == VIOLENT_DEMONSTRATION else TOPIC_WINDOW
        for m in pattern.finditer(context):
            if not is_protest_topic(context, m.start(), m.end(), window=window):
                return Hit(label, weight, m.start(), m.end(), m.group(0))
    return None


# Characters before a word within which a protest topic marker may govern it. Harm done to people is a common
# topic ("to mourn dozens of demonstrators killed last month"); what a crowd does is one only right after the marker
# ("against the burning of a holy book", but "angry over the price of bread torched a building").
TOPIC_WINDOW = 60
CROWD_TOPIC_WINDOW = 40
# The longest topic marker, in characters ("in the wake of the recent killings").
MARKER_LENGTH = 45


def is_protest_topic(text: str, start: int, end: int, floor: int = 0, window: int = TOPIC_WINDOW) -> bool:
    """True when the words at [start, end) are what a protest is about: a topic marker ("against", "to demand the
    release of", "a week after") ends at most ``window`` characters before them, after ``floor``, with no clause
    break in between."""
    lex = compiled_lexicon()
    lo = max(floor, start - window - MARKER_LENGTH)
    for marker in lex.protest_topic_markers.finditer(text, lo, end):
        if marker.start() >= start or start - marker.end() > window:
            continue
        if not lex.protest_topic_end.search(text, marker.end(), start):
            return True
    return False


# The perpetrator phrase right after an attack noun ("an attack by suspected jihadists"): not the target.
_BY_PERPETRATOR = re.compile(r"^\s*(?:\w+\s+)?by\s+(?:\w+\s+){0,3}\w+")


def _resolve_assault(hit: Hit, sentence: str, side: str | None = None) -> Hit | None:
    """An attack: a battle when it hit armed people, an attack on civilians otherwise. ``side`` is the target read
    from the parse; without it the words around the cue decide."""
    if side == "armed":
        return Hit(ARMED_CLASH, hit.weight + 0.06, hit.start, hit.end, hit.cue)
    if side == "civilian":
        return Hit(ATTACK, hit.weight + 0.04, hit.start, hit.end, hit.cue)
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
    side = _target_side(hit, ctx)
    if hit.label == lx.TARGETING:
        return _resolve_assault(hit, sentence, side)
    if side is not None:
        return Hit(ARMED_CLASH if side == "armed" else ATTACK, hit.weight, hit.start, hit.end, hit.cue)
    if _BY_PERPETRATOR.match(sentence[hit.end : hit.end + 80]):
        # "an official tortured to death by rebels": the victims come before the verb, the killers after it
        before = sentence[max(0, hit.start - VICTIM_WINDOW) : hit.start]
        lex = compiled_lexicon()
        armed = lex.armed_targets.search(before) and not lex.civilian_targets.search(before)
        return Hit(ARMED_CLASH if armed else ATTACK, hit.weight, hit.start, hit.end, hit.cue)
    return _resolve_killing(hit, sentence)


def _target_side(hit: Hit, ctx: SentenceContext) -> str | None:
    """'armed' or 'civilian' for what the act of a cue hit, from the sentence's parse (None without one)."""
    return target_side(ctx.sent, ctx.start + hit.start, ctx.start + hit.end, list(ctx.actors))


# Characters around a casualty cue where the victims are named.
VICTIM_WINDOW = 60


def _ordinary_crime(sentence: str) -> bool:
    """Deaths from ordinary crime or outside conflict (a robbery, a gang dispute, an illness), not political."""
    lex = compiled_lexicon()
    if lex.non_conflict_deaths.search(sentence):
        return True
    return bool(lex.ordinary_crime.search(sentence)) and not lex.political.search(sentence)


def _resolve_casualties(hit: Hit, sentence: str, side: str | None = None) -> Hit:
    """Deaths with no act named: a clash when only armed people are among the victims, else an attack. ``side`` is
    who died by the parse ("five soldiers were killed"); without it the nearest victim word decides."""
    if side is not None:
        return Hit(ARMED_CLASH if side == "armed" else ATTACK, hit.weight, hit.start, hit.end, hit.cue)
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


def _resolve_killing(hit: Hit, sentence: str, side: str | None = None) -> Hit:
    """A killing: a battle when the victims were armed, an attack on civilians otherwise. ``side`` is the victims
    by the parse; without it, the first victim word after the killing verb (the cue may name it: "shot dead a
    farmer") decides."""
    if side is None:
        lex = compiled_lexicon()
        verb_end = hit.start + len(hit.cue.split()[0])
        after = sentence[verb_end : hit.end + 60]
        side = "armed" if lex.armed_targets.search(after) and not lex.civilian_targets.search(after) else "civilian"
    return Hit(ARMED_CLASH if side == "armed" else ATTACK, hit.weight, hit.start, hit.end, hit.cue)


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

    Only the object's head and its modifiers count ("the town", "Kirawa", "two oil fields", "an army base": a base
    or headquarters taken is territory taken), not everything hanging off it ("footage of landslides in Japan" is
    footage, not Japan).
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
    words = " ".join(t.text for t in head)
    lex = compiled_lexicon()
    return bool(lex.territory_words.search(words) or lex.base_words.search(words))


# What follows "control": "of" and the few words that name what was taken.
_CONTROL_OF = re.compile(r"\s+of\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", re.IGNORECASE)
# Nouns naming a place taken, whose "of" phrase says what was taken ("recapture of Ngala by the military").
_NOMINAL_CAPTURES = frozenset({"recapture", "retaking", "liberation", "reconquest", "takeover", "conquest"})
# A capitalised word: a place or group name ("control of Sake", "control of the Kivu highway").
_NAME = re.compile(r"\b[A-Z][a-z]")


def _place_at(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether a place entity of the parse starts within [start, end) of the sentence."""
    return any(start <= at - ctx.start < end for at, _ in ctx.places)


def _is_territorial(hit: Hit, ctx: SentenceContext) -> bool:
    """A capture of a place: a place name or territory word near the verb, no person or thing taken, no attempt."""
    sentence, places, sent_start = ctx.text[ctx.start : ctx.end], ctx.places, ctx.start
    lex = compiled_lexicon()
    before = sentence[max(0, hit.start - 30) : hit.start]
    if lex.capture_attempt_before.search(before) and not lex.capture_done_before.search(before):
        return False
    if lex.ordinary_crime.search(sentence) and not lex.political.search(sentence):
        return False
    of_what = hit.cue.lower().endswith("control") or hit.cue.lower() in _NOMINAL_CAPTURES
    control_of = _CONTROL_OF.match(sentence, hit.end) if of_what else None
    if control_of:
        # "took control of the town" is territory, "take control of services" is not; so for "recapture of Ngala"
        what = control_of.group(1)
        return bool(lex.territory_words.search(what) or _NAME.search(what) or _place_at(ctx, hit.end, hit.end + 45))
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


# Characters after a withdrawal cue within which the place left is named ("withdrew from Kibumba").
PLACE_AFTER_WITHDRAWAL = 12
# Withdrawal cues that name a receiving side: the place changes hands even when it is a base.
_HANDOVER = re.compile(r"\bhand|\bced", re.IGNORECASE)


def _resolve_withdrawal(
    hit: Hit, sentence: str, places: Sequence[tuple[int, int]], has_capture: bool, sent_start: int = 0
) -> Hit | None:
    """A handover or a withdrawal from territory is a transfer; leaving a base or pulling troops out is a change,
    unless another side moves in or it went without a fight; "an abandoned camp" names no withdrawal at all."""
    lex = compiled_lexicon()
    if hit.cue.split()[0].lower().endswith("ed") and lex.arrest_attributive.search(sentence[: hit.start][-25:]):
        return None
    lo, hi = max(0, hit.start - 40), hit.end + 60
    around = sentence[lo:hi]
    handover = bool(_HANDOVER.match(hit.cue))
    received = bool(lex.receiving_side.search(sentence, hit.end) or lex.no_fight.search(sentence))
    named_place = any(hit.end <= start - sent_start <= hit.end + PLACE_AFTER_WITHDRAWAL for start, _ in places)
    if lex.base_words.search(around) and not (
        lex.territory_words.search(around) or named_place or handover or received
    ):
        return Hit(CHANGE_TO_GROUP, hit.weight - 0.05, hit.start, hit.end, hit.cue)
    troops_only = bool(lex.troop_withdrawal.match(sentence, hit.start)) and not handover
    changes_hands = (
        has_capture
        or (handover and lex.base_words.search(around))
        or lex.territory_words.search(sentence)
        or received
        or (places and not troops_only)
    )
    if changes_hands:
        return Hit(NON_VIOLENT_TRANSFER, hit.weight + (0.05 if has_capture else 0.0), hit.start, hit.end, hit.cue)
    return Hit(CHANGE_TO_GROUP, hit.weight - (0.05 if troops_only else 0.2), hit.start, hit.end, hit.cue)


def _resolve_arrest(hit: Hit, sentence: str, protest: bool) -> Hit | None:
    lex = compiled_lexicon()
    if lex.ordinary_crime.search(sentence) and not lex.political.search(sentence):
        return None
    participle = hit.cue.split()[0].lower().endswith("ed")
    if participle and lex.arrest_attributive.search(sentence[max(0, hit.start - 25) : hit.start]):
        return None  # "the jailed opposition leader" (but "a wave of arrests" is one)
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
    disaster_nearby: bool  # the document speaks of a natural disaster or an epidemic
    neighbour_text: str  # the next sentence's text, for protest modifiers
    actors: Sequence[tuple[Span, Actor]]
    places: Sequence[tuple[int, int]]  # GPE/LOC/FAC entity offsets inside the sentence


def resolve_hits(hits: list[Hit], ctx: SentenceContext) -> list[Hit]:
    """Turn cue classes into sub-event types using the sentence's context; drop cues that report no event."""
    sentence = ctx.text[ctx.start : ctx.end]
    lex = compiled_lexicon()
    has_capture = any(h.label in (lx.CAPTURE, lx.RECAPTURE, lx.ARMED_CAPTURE) for h in hits)
    hits = [h for h in hits if h.label != lx.PROTEST or _protest_happens(h, sentence)]
    hits = drop_protest_topics(hits, sentence)
    protest = ctx.protest_nearby or any(h.label in (lx.PROTEST, VIOLENT_DEMONSTRATION) for h in hits)
    accident = ctx.accident_nearby or lex.accident.found(CaselessText.of(sentence))
    resolved: list[Hit] = []
    for hit in hits:
        out: Hit | None = hit
        if hit.label == lx.ASSAULT:
            out = None if protest else _resolve_assault(hit, sentence, _target_side(hit, ctx))
        elif hit.label == lx.KILLING:
            crime = accident or _ordinary_crime(sentence)
            out = None if crime else _resolve_killing(hit, sentence, _target_side(hit, ctx))
        elif hit.label == LOOTING and protest:
            out = None  # looting by demonstrators is a violent demonstration
        elif hit.label == lx.EMERGENCY:
            out = None if ctx.disaster_nearby else Hit(OTHER, hit.weight, hit.start, hit.end, hit.cue)
        elif hit.label == CHEMICAL and accident:
            out = None  # "toxic gas leaked from the plant"
        elif hit.label == lx.ARMED_CHANGE:
            out = Hit(CHANGE_TO_GROUP, hit.weight, hit.start, hit.end, hit.cue) if _armed_actor_named(ctx) else None
        elif hit.label == lx.ARMED_LOOTING:
            out = (
                None
                if protest or not _armed_actor_named(ctx)
                else Hit(LOOTING, hit.weight, hit.start, hit.end, hit.cue)
            )
        elif hit.label in (lx.CAPTURE, lx.RECAPTURE):
            out = _resolve_capture(hit, ctx)
        elif hit.label == lx.ARMED_CAPTURE:
            out = _resolve_capture(hit, ctx) if _armed_actor_named(ctx) else None
        elif hit.label == lx.WITHDRAWAL:
            out = _resolve_withdrawal(hit, sentence, ctx.places, has_capture, ctx.start)
        elif hit.label == lx.ARREST:
            out = _resolve_arrest(hit, sentence, protest)
        elif hit.label == lx.BLAST_PROPERTY:
            label = REMOTE_EXPLOSIVE if lex.harm.search(sentence) else LOOTING
            out = Hit(label, hit.weight, hit.start, hit.end, hit.cue)
        elif hit.label == lx.EXPLOSION:
            out = None if accident else Hit(REMOTE_EXPLOSIVE, hit.weight, hit.start, hit.end, hit.cue)
        elif hit.label == lx.PROTEST:
            out = _resolve_protest(hit, sentence + " " + ctx.neighbour_text)
        elif hit.label in (lx.ARMED_KILLING, lx.ADVANCE, lx.EXECUTION, lx.TARGETING):
            out = None if accident else _resolve_armed_act(hit, ctx)
        elif hit.label == lx.CASUALTIES:
            crime = accident or _ordinary_crime(sentence)
            out = None if crime else _resolve_casualties(hit, sentence, _target_side(hit, ctx))
        if out is not None:
            resolved.append(out)
    return resolved


# Crowd violence is what the protesters do, never the topic of their protest.
CROWD_LABELS = frozenset({lx.PROTEST, VIOLENT_DEMONSTRATION, MOB_VIOLENCE})


def drop_protest_topics(hits: list[Hit], sentence: str) -> list[Hit]:
    """Drop cues that name what a protest in the sentence is about, not what happened ("marched to demand the
    release of abducted students", "a vigil a week after the massacre")."""
    protests = [h for h in hits if h.label == lx.PROTEST]
    if not protests:
        return hits
    return [
        h
        for h in hits
        if h.label in CROWD_LABELS
        or not any(p.end <= h.start and is_protest_topic(sentence, h.start, h.end, floor=p.end) for p in protests)
    ]


def _protest_happens(hit: Hit, sentence: str) -> bool:
    """False for a protest that is only planned, called for or banned ("ahead of the planned rally")."""
    return not compiled_lexicon().protest_not_happening.search(sentence[max(0, hit.start - 40) : hit.start])


def _resolve_capture(hit: Hit, ctx: SentenceContext) -> Hit | None:
    if not _is_territorial(hit, ctx):
        return None
    if compiled_lexicon().no_fight.search(ctx.text, ctx.start, ctx.end):
        return Hit(NON_VIOLENT_TRANSFER, hit.weight, hit.start, hit.end, hit.cue)
    kind = capturer_kind(text=ctx.text, sent=ctx.sent, trigger_start=ctx.start + hit.start, actors=ctx.actors)
    if kind is None and hit.label == lx.RECAPTURE:
        kind = ActorKind.STATE_FORCES
    return Hit(territory_subtype(kind), hit.weight, hit.start, hit.end, hit.cue)


def _resolve_protest(hit: Hit, context: str) -> Hit:
    modifier = protest_modifier(context)
    if modifier is None:
        return Hit(PEACEFUL_PROTEST, hit.weight, hit.start, hit.end, hit.cue)
    return Hit(modifier.label, modifier.weight, hit.start, hit.end, f"{hit.cue}+{modifier.cue}")


def prune_hits(hits: list[Hit], sentence: str = "") -> list[Hit]:
    """Keep one hit per sub-event type and clause (the strongest, then earliest) and drop hits that restate a better
    one; a sentence reporting several acts ("clashes in A and shelling on B") keeps one hit per act."""
    disrupted = any(h.label == DISRUPTED for h in hits)
    harm = bool(compiled_lexicon().harm.search(sentence))
    specific = [h for h in hits if _is_specific(h.label)]
    clause_of = _hit_clauses(hits, sentence)
    kept: dict[tuple[str, int], Hit] = {}
    for hit in hits:
        if any(_swallows(o, hit) for o in hits):
            continue  # "weapons seized": the seizing is part of the stronger cue
        if disrupted and _event_type(hit.label) == EXPLOSIONS:
            continue  # "seized two landmines": the weapons were not used
        same_clause = [o for o in specific if clause_of[o.start] == clause_of[hit.start]]
        if hit.label in (ARMED_CLASH, ATTACK) and (
            any(o is not hit for o in same_clause) if sentence else _near_any(hit, same_clause)
        ):
            continue  # "a grenade attack", "captured the town in an assault": one event
        if (
            hit.label == LOOTING
            and harm
            and any(h.start < hit.start and _event_type(h.label) in VIOLENT_TYPES for h in hits)
        ):
            continue  # "raided the village, killing five and torching homes": the burning is part of the attack
        key = (hit.label, clause_of[hit.start])
        best = kept.get(key)
        if best is None or (hit.weight, -hit.start) > (best.weight, -best.start):
            kept[key] = hit
    return [h for h in kept.values() if h.weight >= MIN_WEIGHT]


def _hit_clauses(hits: list[Hit], sentence: str) -> dict[int, int]:
    """The start of each hit's clause (by hit start); one clause for all when the sentence text is not given."""
    if not sentence:
        return {h.start: 0 for h in hits}
    found = clauses(sentence, Span(0, len(sentence), sentence), [Span.of(sentence, h.start, h.end) for h in hits])
    return {start: clause.start for start, clause in found.items()}


# Weight taken off a cue in a clause about an earlier event ("... after the town was retaken").
BACKGROUND_CLAUSE_PENALTY = 0.1
# Punctuation that closes such a clause ("since the morning, and a civilian died").
_CLAUSE_PUNCT = re.compile(r"[,;:]")


def background_clauses(hits: list[Hit], sentence: str) -> list[Hit]:
    """Weaken cues that follow "after", "since", "following" (in the same clause) behind another cue of the
    sentence: the sentence's event is the one before ("investigators uncovered a mass grave after the town was
    retaken"). A transfer of territory is read from both clauses ("rebels took the city after troops pulled out")
    and keeps its weight."""
    if len(hits) < 2:
        return hits
    markers = [m.start() for m in compiled_lexicon().background_clause.finditer(sentence)]
    if not markers:
        return hits
    first_end = min(h.end for h in hits)
    out = []
    for h in hits:
        behind = any(first_end <= at < h.start and not _CLAUSE_PUNCT.search(sentence, at, h.start) for at in markers)
        if behind and h.label != NON_VIOLENT_TRANSFER:
            h = Hit(h.label, h.weight - BACKGROUND_CLAUSE_PENALTY, h.start, h.end, h.cue)
        out.append(h)
    return out


# Weight taken off a cue told as history ("five years after militants seized the town"): most drop below MIN_WEIGHT.
DISTANT_PAST_PENALTY = 0.45
# How far (characters) a distant-past time word reaches from a cue in its clause.
DISTANT_PAST_WINDOW = 60
# How far a date before a noun reaches: the noun it dates ("the 2016 truck attack").
DATED_NOUN_WINDOW = 8
# What ends that clause: strong punctuation, or a comma that does not open a "when"/"which" clause about that time.
_PAST_CLAUSE_END = re.compile(r"[;:!?]|,(?!\s*(?:when|where|which|during which)\b)", re.IGNORECASE)


def distant_past(hits: list[Hit], sentence: str) -> list[Hit]:
    """Weaken cues in a clause whose time words put the act years or months back, before ("since 2017, when ...",
    "years after ...") or after it ("... two years ago")."""
    lex = compiled_lexicon()
    before = [(m.end(), DISTANT_PAST_WINDOW) for m in lex.distant_past_before.finditer(sentence)]
    before += [(m.end(), DATED_NOUN_WINDOW) for m in lex.distant_past_attributive.finditer(sentence)]
    after = [m.start() for m in lex.distant_past_after.finditer(sentence)]
    if not before and not after:
        return hits
    out = []
    for h in hits:
        past = any(
            0 <= h.start - at <= reach and not _PAST_CLAUSE_END.search(sentence, at, h.start) for at, reach in before
        ) or any(
            0 <= at - h.end <= DISTANT_PAST_WINDOW and not _PAST_CLAUSE_END.search(sentence, h.end, at) for at in after
        )
        out.append(Hit(h.label, h.weight - DISTANT_PAST_PENALTY, h.start, h.end, h.cue) if past else h)
    return out


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


# Weight taken off a cue that hangs below another cue of its sentence in a relative clause or a reason phrase.
SUBORDINATE_PENALTY = 0.2
# Weight taken off a cue that only dates another event ("since the truce", "After a bombing ..., shelling hit"):
# most drop below MIN_WEIGHT.
TIME_REFERENCE_PENALTY = 0.35


def read_structure(hits: list[Hit], ctx: SentenceContext) -> list[Hit]:
    """Weigh cues by where they sit in the sentence's parse.

    - A cue under a word of planning, threat, fear, trial or remembrance, or in an infinitive that did not happen
      ("ready to attack"), reports nothing.
    - A ceasefire one side ended is a change of its activity; one broken by fighting is no event of its own.
    - A cue that only dates another event ("since the truce", a fronted "After ..." clause) is history.
    - A cue in a relative clause or a reason phrase below a cue of another event type that names an act is
      background to it; a transfer of territory is read from both clauses ("took the city after troops left").
    """
    if ctx.sent is None or not hits:
        return hits
    spans = [cue_span(ctx.sent, ctx.start + h.start, ctx.start + h.end) for h in hits]
    tokens = [cue_token(span) for span in spans]
    # only a cue that names an act makes another background: not a bare casualty count or displacement
    acts = [t if h.weight >= LEAD_MIN else None for h, t in zip(hits, tokens, strict=True)]
    out = []
    for hit, span, token in zip(hits, spans, tokens, strict=True):
        if token is None:
            out.append(hit)
            continue
        if governed_by(token, lx.NON_EVENT_GOVERNORS) or any(t.lower_ in lx.NON_EVENT_GOVERNORS for t in span[1:]):
            continue  # "the army denied that its soldiers had killed ...": the denial is inside the cue
        if unrealised(token, span):
            continue
        label, weight = hit.label, hit.weight
        if label == AGREEMENT and token.pos_ in ("NOUN", "PROPN"):
            if governed_by(token, lx.DEAL_BREACHES, depth=2):
                continue
            if governed_by(token, lx.DEAL_ENDERS, depth=2, verbs_only=True):
                label = CHANGE_TO_GROUP
        above = subordinate(token, acts) if weight >= LEAD_MIN else None  # a casualty count is the act's result
        if label != NON_VIOLENT_TRANSFER and time_reference(token, acts):
            weight -= TIME_REFERENCE_PENALTY
        elif above is not None and _differs(hits[above].label, label) and label != NON_VIOLENT_TRANSFER:
            weight -= SUBORDINATE_PENALTY
        out.append(Hit(label, weight, hit.start, hit.end, hit.cue))
    return out


def _differs(above: str, label: str) -> bool:
    """Whether two cues tell of different kinds of event ("mortars filled with chlorine" is one explosive act)."""
    return above.startswith("@") or label.startswith("@") or _event_type(above) != _event_type(label)


def sentence_hits(ctx: SentenceContext) -> list[Hit]:
    """The events one sentence reports, one hit per sub-event type, weights scaled for non-event talk."""
    sentence = ctx.text[ctx.start : ctx.end]
    hits = read_structure(resolve_hits(match_cues(sentence), ctx), ctx)
    hits = prune_hits(background_clauses(distant_past(hits, sentence), sentence), sentence)
    talk = [m.span() for m in compiled_lexicon().non_event.finditer(sentence)]
    if talk:
        hits = [
            Hit(h.label, h.weight * NON_EVENT_FACTOR, h.start, h.end, h.cue) if _about_talk(h, talk, ctx) else h
            for h in hits
        ]
        hits = [h for h in hits if h.weight >= MIN_WEIGHT]
    return hits


def _about_talk(hit: Hit, talk: list[tuple[int, int]], ctx: SentenceContext) -> bool:
    """Whether a sentence's diplomacy, sanctions, reaction or sports words frame a cue ("condemned the attack",
    "sanctions on commanders accused of attacks") rather than describe its event ("gunmen killed a football coach",
    "protested against sanctions", "the army said ..., in a statement condemning the attack"). Without a parse,
    any such word frames every cue."""
    token = cue_token(cue_span(ctx.sent, ctx.start + hit.start, ctx.start + hit.end))
    if token is None:
        return True
    words = [cue_token(cue_span(ctx.sent, ctx.start + a, ctx.start + b)) for a, b in talk]
    return any(word is not None and frames(word, token) for word in words)


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
    for first, last, sent in parsed_sentences(nlp_doc):
        bounds = [first, *(c for c in cuts if first < c < last), last]
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
    disaster = any(compiled_lexicon().disaster.found(CaselessText.of(t)) for t in texts)
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
            disaster_nearby=disaster,
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
