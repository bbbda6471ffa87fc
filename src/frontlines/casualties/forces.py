"""Force sizes: how many fighters a party has ("a force of 17,000", "deployed 300 troops"); never casualties.

A count is a force size when a cue around it says so (data below): a group noun before it ("a force of"), a
deployment verb before it ("deployed 300 troops") or after it ("3,000 troops were deployed"), "-strong" after it,
or an estimate of fighters who hold out ("an estimated 5,000 fighters ... refuse to surrender"). A sub-count
("including 2,000 foreign fighters") goes into ``note``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from frontlines.casualties.extract import parsed
from frontlines.casualties.phrases import counted_phrases
from frontlines.model import Actor, Document, ForceSize, Span, VictimCategory
from frontlines.nlp.sentences import parsed_sentences

# Before the count: group nouns ("a force of") and verbs of deploying or having ("deployed", "has").
BEFORE_CUES = (
    r"(?:force|army|contingent|squad|team|unit|column|battalion|brigade|detachment|strength|garrison|militia"
    r"|convoy|reinforcements?|group) of(?: about| around| some| nearly| over| up to| at least)?",
    r"deployed|deploying|deploys|deploy|sent|sending|dispatched|dispatching|mobili[sz]ed|mobili[sz]ing|amassed"
    r"|stationed|numbering|comprising|fielding|fields|commands|commanding|has|have|had|boasts|with",
)
# After the count and its noun: "-strong", deployment in the passive, fighters holding out.
AFTER_CUES = (
    r"-?\s*strong\b",
    r"(?:were|are|have been|had been|was|is|will be) (?:being )?(?:deployed|stationed|sent|mobili[sz]ed|positioned"
    r"|dispatched|rushed|massed|amassed|involved|taking part|participating|fighting|engaged)",
    r"refuse to surrender|still hold|remain|are still|are holed up|are fighting|are believed|are thought|hold out",
)
# Nouns that never make a force: crowds and onlookers.
NOT_FORCES = frozenset(
    ["crowd", "crowds", "protesters", "demonstrators", "people", "persons", "mob", "mobs", "voters", "residents"]
)
_ARMED = (VictimCategory.SECURITY, VictimCategory.PERPETRATORS)
# A sentence without a digit or a number word states no force size (a cheap first filter).
_NUMBER_CUE = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|dozen|score|lakh)",
    re.IGNORECASE,
)
# ... and one of these stems of the cues below.
_FORCE_CUE = re.compile(
    r"force|army|contingent|squad|team|unit|column|battalion|brigade|detachment|strength|garrison|militia|convoy"
    r"|reinforcement|group|deploy|sent|sending|dispatch|mobili|amass|station|number|compris|field|command|ha[sd]"
    r"|have|boast|with|strong|involved|taking part|participat|fight|engaged|rushed|surrender|hold|remain|still"
    r"|believed|thought|estimated",
    re.IGNORECASE,
)
# How far before a count its cue ("a force of", "including") can start.
TAIL_CHARS = 120
_SUB = re.compile(r"\b(?:including|among them|of whom)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    before = re.compile(rf"\b(?:{'|'.join(BEFORE_CUES)})\s+$", re.IGNORECASE)
    after = re.compile(rf"^\s*(?:{'|'.join(AFTER_CUES)})", re.IGNORECASE)
    including = re.compile(
        r"^\s*,?\s*(?:including|among them|of whom)\s+(?P<note>(?:\d[\d,.]*\d|[^,.;()]){1,60}?)"
        r"(?=\s*[,.;(]|\s+(?:refuse|are|were|have|had|who)\b|$)",
        re.IGNORECASE,
    )
    return before, after, including


def _word_after(sentence: str, offset: int) -> str:
    match = re.match(r"\W*([A-Za-z]+)", sentence[offset:])
    return match.group(1).lower() if match else ""


def _nearest_actor(actors: Sequence[tuple[Span, Actor]], start: int, end: int, floor: int) -> Actor | None:
    """An actor inside the phrase ("5,000 IS fighters"), else the last one before it in its sentence."""
    inside = [actor for span, actor in actors if span.start < end and start < span.end]
    if inside:
        return inside[0]
    before = [(span, actor) for span, actor in actors if floor <= span.start and span.end <= start]
    return max(before, key=lambda pair: pair[0].end)[1] if before else None


def sentence_force_sizes(sentence: str, base: int, *, actors: Sequence[tuple[Span, Actor]] = ()) -> list[ForceSize]:
    """The force sizes stated in one sentence starting at ``base`` in its document."""
    before_cue, after_cue, including = _cues()
    found = []
    for phrase in counted_phrases(sentence, base):
        tail = sentence[max(0, phrase.start - TAIL_CHARS) : phrase.start]  # the cues are $-anchored: a tail will do
        if phrase.head.lower() in NOT_FORCES or phrase.count.best < 2 or _SUB.search(tail):
            continue
        group_cue = before_cue.search(tail)
        estimate = "estimated" in phrase.count.span.text.lower() and phrase.category in _ARMED
        after = after_cue.match(sentence[phrase.end :])
        strong = after is not None and "strong" in after.group().lower()
        if after is not None and not (strong or phrase.head or group_cue):
            after = None
        if strong and _word_after(sentence, phrase.end + after.end()) in NOT_FORCES:  # type: ignore[union-attr]
            continue
        if not (group_cue or after or estimate):
            continue
        if not (phrase.category in _ARMED or strong or (group_cue and "of" in group_cue.group().lower())):
            continue
        note_match = including.match(sentence[phrase.end :])
        note = f"including {note_match.group('note').strip()}" if note_match else ""
        actor = _nearest_actor(actors, base + phrase.start, base + phrase.end, base)
        span = Span(base + phrase.start, base + phrase.end, sentence[phrase.start : phrase.end])
        found.append(ForceSize(count=phrase.count, actor=actor, span=span, note=note))
    return found


def extract_force_sizes(doc: Document) -> list[ForceSize]:
    """Every force size in the event text of ``doc``, in text order, with the actor when one is known."""
    found: list[ForceSize] = []
    for start, end, _ in parsed_sentences(parsed(doc)):
        text = doc.text[start:end]
        if _NUMBER_CUE.search(text) and _FORCE_CUE.search(text) and doc.is_event_text(start):
            found += sentence_force_sizes(text, start, actors=doc.actors)
    return found
