"""How the cues of one sentence sit in its dependency parse: what an act was done to, and which cues report the
sentence's own event rather than its background.

- ``target_side``: the side an attack, killing or casualty report hit, read from the act's grammatical object
  ("attacked a displacement camp"), passive subject ("a social leader was murdered by armed men") or prepositional
  target ("an attack on the base"): armed (a battle) or civilian (violence against civilians).
- ``subordinate``: a cue inside a relative clause, a noun's clausal modifier or a reason/time phrase ("after",
  "since", "over", "for") that hangs below another cue ("detained a man suspected of planting the bomb", "the
  army, which recaptured the area last year, clashed with rebels") is background to that cue.
- ``time_reference``: a cue that only dates another event ("the first death since the truce", a fronted "After a
  bombing killed nine, ..." before the sentence's own act) is history.
- ``governed_by``: a cue below a word of planning, threat, fear, judgement or remembrance ("preparing an
  offensive", "sentenced for the attack", "marking the anniversary of the massacre") reports no event;
  ``unrealised``: nor does an infinitive under a word of readiness or will ("ready to attack", "Army to launch
  offensive").
- ``frames``: whether a word of diplomacy, sanctions or sport frames an act ("condemned the attack") or only
  describes it ("gunmen killed a football coach").

Word lists live in ``lexicon.py``; every function returns a neutral answer (None, False) without a parse.
"""

from __future__ import annotations

import re
from typing import Any

from frontlines.events import lexicon as lx
from frontlines.model import Actor, ActorKind, Span

# Actor kinds that make a target armed (a battle) or civilian (an attack on civilians).
ARMED_KINDS = frozenset(
    {
        ActorKind.STATE_FORCES,
        ActorKind.REBEL_GROUP,
        ActorKind.POLITICAL_MILITIA,
        ActorKind.IDENTITY_MILITIA,
        ActorKind.EXTERNAL_FORCES,
    }
)
CIVILIAN_KINDS = frozenset({ActorKind.CIVILIANS, ActorKind.GOVERNMENT})
# Dependents of a target noun that are not part of what was hit ("a man who ...", "people, mostly women").
_NOT_TARGET_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct", "cc"})
# How many heads up the parse a cue may sit below a governing word or another cue.
MAX_DEPTH = 8
# A bound on the walk to the root (a parse is a tree; the bound only guards against a malformed one).
MAX_ROOT_DISTANCE = 100

_ARMED = re.compile(lx.ARMED_TARGETS, re.IGNORECASE)
_CIVIL = re.compile(lx.CIVILIAN_TARGETS, re.IGNORECASE)


def cue_span(sent: Any, start: int, end: int) -> Any:
    """The parsed tokens of the cue at document offsets [start, end); None without a parse."""
    if sent is None:
        return None
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span


def cue_token(span: Any) -> Any:
    """The token that carries the act of a cue's tokens: its first verb ("militants killed", "shot dead a
    farmer"), else its syntactic head ("exchange of fire"); None for no tokens."""
    if span is None:
        return None
    return next((t for t in span if t.pos_ == "VERB"), span.root)


def _target_token(token: Any) -> Any:
    """The noun an act at ``token`` was done to: passive subject, direct object, or object of on/against/at."""
    if token.pos_ in ("VERB", "AUX"):
        children = list(token.children)
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return passive
        obj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
        if obj is None and token.dep_ == "acl" and token.tag_ == "VBN":
            return token.head  # "three militants killed in the fighting": a reduced passive
        holders = [token] if obj is None else [token, obj]
        found = _prep_object(holders, lx.TARGET_PREPOSITIONS)
        # "opened fire on the crowd": the object is the fire, the target follows "on"
        return found if found is not None and (obj is None or obj.lower_ in lx.FIRE_WORDS) else obj
    if token.pos_ in ("NOUN", "PROPN"):
        prepositions = lx.TARGET_PREPOSITIONS | ({"of"} if token.lower_ in lx.VICTIM_OF_NOUNS else frozenset())
        return _prep_object([token], prepositions)
    return None


def _prep_object(holders: list[Any], prepositions: frozenset[str]) -> Any:
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _phrase(token: Any) -> tuple[int, int]:
    """Document offsets of a target noun phrase: the noun, its modifiers and an "of" phrase, no clauses."""
    tokens = [token]
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in _NOT_TARGET_DEPS or (child.dep_ == "prep" and child.lower_ != "of"):
            continue
        tokens.append(child)
        stack.extend(child.children)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def target_side(sent: Any, start: int, end: int, actors: list[tuple[Span, Actor]]) -> str | None:
    """'armed' or 'civilian' for what the act at document offsets [start, end) hit; None when the parse names no
    target or the target's words say neither."""
    token = cue_token(cue_span(sent, start, end))
    target = _target_token(token) if token is not None else None
    if target is None:
        return None
    lo, hi = _phrase(target)
    for where, actor in actors:
        if lo <= where.start and where.end <= hi:
            if actor.kind in ARMED_KINDS:
                return "armed"
            if actor.kind in CIVILIAN_KINDS:
                return "civilian"
    text = sent.doc.text[lo:hi]
    armed, civil = _ARMED.search(text), _CIVIL.search(text)
    if armed and (civil is None or armed.start() <= civil.start()):
        return "armed"
    return "civilian" if civil else None


def _time_link(token: Any) -> bool:
    """A clause or phrase opened by "after", "since", "following": it tells of an earlier event."""
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in lx.TIME_LINKS for c in token.children)
    return token.dep_ == "prep" and token.lower_ in lx.TIME_LINKS


def _opens_background(token: Any) -> bool:
    """A link in the parse into a part that reports something else: a relative clause or clausal modifier ("a man
    suspected of planting the bomb"), an earlier event ("after ..."), a reason ("over", "for")."""
    if token.dep_ in ("relcl", "acl") or _time_link(token):
        return True
    return token.dep_ == "prep" and token.lower_ in lx.REASON_LINKS


def _coordinated_act(token: Any) -> bool:
    """A conjunct that stands on its own: a coordinated noun ("raids on A and martyrs in B") or a clause with its
    own subject ("..., and a civilian dies"), not a verb sharing its subject ("who organise or take part")."""
    if token.dep_ != "conj":
        return False
    return token.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def subordinate(token: Any, others: list[Any]) -> int | None:
    """The index in ``others`` (the head tokens of the sentence's other cues) of the cue that ``token`` hangs below
    through a background link; None when there is none. A direct argument of another cue ("attacked the town,
    killing five") is the same event, not background, and so are acts coordinated with it ("raids on A and
    martyrs in B")."""
    heads = {o.i: k for k, o in enumerate(others) if o is not None and o.i != token.i}
    linked, current = False, token
    for _ in range(MAX_DEPTH):
        if current.head.i == current.i or _coordinated_act(current):
            return None
        linked = linked or _opens_background(current)
        if current.head.i in heads:
            return heads[current.head.i] if linked else None
        current = current.head
    return None


def time_reference(token: Any, others: list[Any]) -> bool:
    """True when the cue only dates or frames another event: it sits in a "since ..." phrase ("the first death since
    the start of the truce") or in a fronted "After ..." clause whose sentence goes on to report another act
    ("After a bombing killed nine, shelling hit the town")."""
    current, coordinated = token, False
    for _ in range(MAX_DEPTH):
        head = current.head
        if head.i == current.i or (_coordinated_act(current) and current.pos_ == "VERB"):
            return False
        coordinated = coordinated or current.dep_ == "conj"
        if _time_link(current):
            if current.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since" for c in current.children):
                return not coordinated
            # a coordinated noun shares the fronted phrase ("After a bombing and an attack killed nine, ...")
            inside = {t.i for t in current.subtree}
            fronted = max(inside) < head.i
            return fronted and any(o is not None and o.i not in inside for o in others)
        current = head
    return False


def unrealised(token: Any, span: Any) -> bool:
    """True when the act at ``token`` is an infinitive that did not (yet) happen: the cue's verb, or the verb whose
    object the cue is, takes "to" under a word of readiness, will or plan, or heads a headline ("ready to attack",
    "Teachers to stage a protest"; not "gathered to protest"). A cue that holds the "to" itself ("an attempt to
    storm") already says what it means."""
    verb = token
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    else:
        return False
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or span.start <= to.i < span.end:
        return False
    return _headline_infinitive(verb, to) or verb.head.lower_ in lx.IRREALIS_INFINITIVE_HEADS


def _headline_infinitive(verb: Any, to: Any) -> bool:
    """A headline's subject followed straight by its infinitive ("Army to launch offensive", "Teachers to stage
    protest"), parsed either as the root verb with its subject or as a clause on a root noun."""
    if verb.head.i == verb.i:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    elif verb.dep_ in ("acl", "relcl") and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN"):
        subject = verb.head
        if any(t.pos_ == "ADP" for t in subject.subtree if t.i < to.i):
            return False  # "attempts by the forces to control the town" is no headline subject
    else:
        return False
    if subject is None:
        return False
    words = [t.i for t in subject.subtree if not t.is_punct and t.i < to.i]
    return bool(words) and max(words) == to.i - 1


def governed_by(token: Any, words: frozenset[str], depth: int = lx.GOVERNOR_DEPTH, verbs_only: bool = False) -> bool:
    """True when one of ``words`` is one of the ``depth`` heads above the cue's token ("preparing an offensive",
    "sentenced for the attack", "ended the ceasefire"); an earlier event the governing word follows ("vowed an
    inquiry after seven people were murdered") is not governed by it."""
    current = token
    for _ in range(depth):
        if current.head.i == current.i or _time_link(current):
            return False
        current = current.head
        if current.lower_ in words and (current.pos_ == "VERB" or not verbs_only):
            return True
    return False


def _depth(token: Any) -> int:
    """How many heads lie between a token and its sentence's root."""
    depth = 0
    while token.head.i != token.i and depth < MAX_ROOT_DISTANCE:
        token, depth = token.head, depth + 1
    return depth


def frames(word: Any, token: Any) -> bool:
    """Whether ``word`` frames the act at ``token``: it governs it ("condemned the attack"), or stands higher in the
    sentence outside the act's own phrase ("imposed sanctions on commanders accused of attacks"); a word inside the
    act's phrase ("killed a football coach") only describes it."""
    if word.i == token.i or word in token.subtree:
        return False
    return token in word.subtree or _depth(word) < _depth(token)
