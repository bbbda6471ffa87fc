"""Casualty statements of one document: who was killed, hurt, captured or went missing, and how many.

Recipe, per sentence of event text (captions and pull-quotes never count):

1. find victim phrases: counts with a victim noun, "a policeman", "the couple", named people, "himself";
2. attach each to a casualty verb after it ("were killed") or before it ("killing"), sharing verbs across
   coordinated phrases ("two policemen and two militants were killed", "a commander was killed along with two
   aides") and with gapped counts ("two were killed in A and another three in B");
3. drop background and consequence mentions ("since 2011 the war has killed", "confessed to killing");
4. mark sub-counts ("12 killed, including 3 children": the evidence span starts at "including");
5. read elliptical losses ("A lost 500 fighters, B about 900"), counts per incident ("one in each of three
   encounters") and explicit zeros ("no one was hurt").

Then, over the document, victims pointing back at earlier ones take their category (:mod:`.coref`).

Every report's ``span`` is its clause: the coordinated victim phrases and their verb ("Two policemen and two
militants were killed"); reports of one clause share the span. A sub-count's span runs from its cue ("including
3 children") and lies inside its clause's span; a clause of a sentence opening a separate incident ("In another
incident, ...") starts at the sentence start; a clause naming more victims keeps its cue ("also shot dead a
doctor", "while a man ... was killed", "another three"). :func:`frontlines.casualties.summary.summarize` reads
exactly this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from frontlines.caseless import CaselessText
from frontlines.casualties.coref import resolve_references
from frontlines.casualties.patterns import patterns
from frontlines.casualties.phrases import (
    VictimPhrase,
    article_phrases,
    counted_phrases,
    drop_appositions,
    named_phrases,
    reflexive_phrases,
)
from frontlines.casualties.victims import ROLE_NOUNS, VICTIM_NOUNS
from frontlines.model import Actor, CasualtyKind, CasualtyReport, Count, Document, Span, VictimCategory, category_of
from frontlines.nlp.sentences import parsed_sentences
from frontlines.numbers import find_counts, is_vague, parse_count

# Head nouns that say what happened to their people by themselves: "12 martyrs", "the dead", "two bodies".
IMPLIED_KIND = {
    "martyr": CasualtyKind.KILLED,
    "martyrs": CasualtyKind.KILLED,
    "dead": CasualtyKind.KILLED,
    "deaths": CasualtyKind.KILLED,
    "fatalities": CasualtyKind.KILLED,
    "bodies": CasualtyKind.KILLED,
}
_KINDS = tuple(CasualtyKind)
_CUE_WINDOW = 80  # characters around a clause searched for background and consequence cues
_SOURCE_AFTER = re.compile(r"\s+(?:said|says|told|added|confirmed|stated|reported|claimed)\b", re.IGNORECASE)
# Generic nouns for people that a mention of civilians nearby places among civilians.
PEOPLE_NOUNS = frozenset({"people", "persons", "person", "individuals"})
_CIVILIAN = re.compile(r"\bcivilians?\b", re.IGNORECASE)
_NOT_VERB = r"(?!(?:\w+ed|said|says|claims?|told|reported)\b)"  # "the army claimed 40": not a party's losses
_ELLIPSIS = re.compile(
    r"^\s*[,;]?\s*(?:and|while|whereas|but)?\s*(?:(?P<the>the)\s+)?"
    rf"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,4}}|(?(the){_NOT_VERB}[a-z]+(?:\s+{_NOT_VERB}[a-z]+)?|(?!)))\s+"
)
_SUBJECT = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5})\s*$")


@dataclass
class _Attached:
    phrase: VictimPhrase
    kind: CasualtyKind | None = None
    side: str = ""  # "after" or "before": where the verb was
    verb_start: int = -1  # offset in the sentence of a verb before the phrase
    verb_end: int = -1  # offset in the sentence of the end of a verb after it
    group: int = 0  # coordinated phrases sharing one verb share a group
    lost: bool = False  # "lost N fighters": losses of a named party
    subcount: bool = False
    lumped: bool = False


def _group_kind(match: re.Match[str], prefix: str = "") -> CasualtyKind | None:
    for kind in _KINDS:
        if match.groupdict().get(prefix + kind.value) is not None:
            return kind
    return None


# Auxiliaries of the passive voice: without one, "killed" after the subject is active ("have killed two").
_PASSIVE_AUX = frozenset(["were", "was", "been", "being", "be", "is", "are", "got", "get", "gets"])


def _has_object(text: str) -> bool:
    """Whether ``text`` (after a verb) starts with its object: "two policemen", "more than 20 soldiers", "several"."""
    if patterns().active_object.match(text):
        return True
    rest = text.lstrip()
    return rest != text and (parse_count(rest) is not None or is_vague(rest))


def _attach_after(sentence: str, item: _Attached) -> None:
    p = patterns()
    after = sentence[item.phrase.end :]
    match = p.after.match(after)
    if match is None:
        return
    passive, active = _group_kind(match), _group_kind(match, "a_")
    active_voice = _PASSIVE_AUX.isdisjoint(match.group("aux").lower().split())  # "killed", "have killed"
    if passive is not None and active_voice and _has_object(after[match.end() :]):
        return  # "three militants (have) killed two policemen": the verb is active, its subject is not a victim
    kind = passive or active
    verb_at = match.start(kind.value if passive else "a_" + kind.value) if kind else 0
    if kind in (CasualtyKind.KILLED, CasualtyKind.WOUNDED) and p.lumped.match(after[verb_at:]):
        item.lumped = True
        return
    item.kind, item.side, item.verb_end = kind, "after", item.phrase.end + match.end()


# How far before a victim phrase its verb ("killing", "claimed the lives of") can start.
TAIL_CHARS = 120
# A speech verb right after a phrase ("a CRPF spokesman said", "an official told"): the phrase names a source.
_SOURCE_NEAR = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s*,?\s+(?:said|says|told|added|confirmed|stated|claimed)\b", re.IGNORECASE
)
_ALSO_BEFORE = re.compile(r"\balso\s+$", re.IGNORECASE)
_TOLL_NOUN = re.compile(r"\bnumber of (\w+)", re.IGNORECASE)


def _attach_before(sentence: str, item: _Attached) -> None:
    p = patterns()
    # The "before" patterns end at the victims ($-anchored): only the sentence's last characters before them matter,
    # and searching just that tail keeps long sentences cheap. Offsets are shifted back to the sentence.
    shift = max(0, item.phrase.start - TAIL_CHARS)
    before = sentence[shift : item.phrase.start]
    match = p.before.search(before)
    if match is not None and _SOURCE_NEAR.match(sentence, item.phrase.end):
        return  # "two jawans were injured, a CRPF spokesman said": the source, not a victim
    if match is not None:
        kind = _group_kind(match)
        verb = match.group().strip().lower()
        lost = verb.startswith(("lost", "losing"))
        if lost and not item.phrase.head:
            return
        if kind in (CasualtyKind.KILLED, CasualtyKind.WOUNDED) and p.lumped.match(sentence[item.phrase.end :]):
            item.lumped = True
            return
        toll_noun = _TOLL_NOUN.search(match.group())
        if toll_noun is not None and item.phrase.category == VictimCategory.UNKNOWN:
            named = VICTIM_NOUNS.get(toll_noun.group(1).lower(), VictimCategory.UNKNOWN)
            item.phrase = replace(item.phrase, category=named)  # "the number of Maoists killed ... to five"
        verb_start = shift + match.start()
        also = _ALSO_BEFORE.search(sentence, max(0, verb_start - 8), verb_start)
        if also is not None:
            verb_start = also.start()  # "and also shot dead a doctor": the span keeps the cue of more victims
        item.kind, item.side, item.verb_start, item.lost = kind, "before", verb_start, lost
        return
    if p.leaving.search(before):
        result = p.leaving_result.match(sentence[item.phrase.end :])
        if result is not None:
            item.kind, item.side = _group_kind(result), "before"


def _attach(sentence: str, phrase: VictimPhrase, group: int) -> _Attached:
    item = _Attached(phrase, group=group)
    if _NOUN_BEFORE.search(sentence, max(0, phrase.start - 40), phrase.start):
        _attach_before(sentence, item)  # "the body of a soldier, who had been abducted": found dead, not abducted
        if item.kind is not None:
            return item
    _attach_after(sentence, item)
    if item.kind is None and not item.lumped:
        implied = IMPLIED_KIND.get(phrase.head.lower())
        if implied is not None:
            item.kind, item.side = implied, "after"
        else:
            _attach_before(sentence, item)
    return item


# A noun of death right before the victims: it says what happened to them, whatever verb follows.
_NOUN_BEFORE = re.compile(
    r"\b(?:the )?(?:death|deaths|killing|killings|murder|murders|bodies|body) of\s+$", re.IGNORECASE
)


# After a verb, more victims of it: "a commander was killed along with three of his associates".
_ALONG_WITH = re.compile(
    r"\s*,?\s*(?:along with|together with|alongside)\s+(?:(?:his|her|their|its)\s+)?", re.IGNORECASE
)


def _after_cue(sentence: str, item: _Attached) -> bool:
    """A sub-count ("1,200 injured, including 350 police officers, and 12 killed"): it takes no verb of its own."""
    return bool(patterns().subcount.search(sentence, max(0, item.phrase.start - 20), item.phrase.start))


def _share_coordinated(sentence: str, items: list[_Attached]) -> None:
    """ "Two policemen and two militants were killed": coordinated phrases share the verb after or before them."""
    p = patterns()
    for left, right in reversed(list(pairwise(items))):
        gap = sentence[left.phrase.end : right.phrase.start]
        if left.kind is None and right.side == "after" and p.coordination.match(gap) and not _after_cue(sentence, left):
            left.kind, left.side, left.group, left.verb_end = right.kind, "after", right.group, right.verb_end
    for left, right in pairwise(items):
        gap = sentence[left.phrase.end : right.phrase.start]
        if _SOURCE_AFTER.match(sentence[right.phrase.end :]):
            continue  # "killed 8, a local official said": the source, not a victim
        if right.kind is None and left.side == "before" and p.coordination.match(gap):
            right.kind, right.side, right.lost, right.group = left.kind, "before", left.lost, left.group
        along = _ALONG_WITH.match(sentence, left.verb_end) if left.side == "after" and left.verb_end >= 0 else None
        if right.kind is None and along is not None and along.end() == right.phrase.start:
            right.kind, right.side, right.group, right.verb_end = left.kind, "after", left.group, left.verb_end


# A count standing for more victims of the verb before it: "two were killed in A and another three in B".
_GAP_BEFORE = re.compile(r"\b(?:and|while|whereas)\s+(?P<more>another|a further)\s+$", re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)


def _share_gapped(sentence: str, items: list[_Attached]) -> None:
    """ "Two militants were killed in Kupwara and another three in Rajouri": the bare count takes the verb (and
    the people) of the clause before; its span starts at "another" (or ends at "more"), marking more victims."""
    for n, item in enumerate(items):
        if item.kind is not None or item.phrase.head or not n:
            continue
        left = next((other for other in reversed(items[:n]) if other.kind is not None and not other.subcount), None)
        if left is None:
            continue
        gap = _GAP_BEFORE.search(sentence, max(0, item.phrase.start - 20), item.phrase.start)
        more = _MORE_AFTER.match(sentence, item.phrase.end)
        joined = patterns().additive_and.search(sentence, max(0, item.phrase.start - 10), item.phrase.start)
        if gap is None and not (more and joined):
            continue
        item.kind, item.side = left.kind, "gap"
        item.phrase = replace(item.phrase, category=left.phrase.category)
        if gap is not None:
            item.verb_start = gap.start("more")
        elif more is not None:
            item.verb_end = more.end()


def _mark_subcounts(sentence: str, items: list[_Attached]) -> dict[int, int]:
    """ "nine people, including four children": the second is part of the first (same kind unless it has its own).

    Returns, for each sub-count item's index, the offset of its cue ("including"), shared by coordinated sub-counts.
    """
    p = patterns()
    last_kind: CasualtyKind | None = None
    cues: dict[int, int] = {}
    for n, item in enumerate(items):
        # $-anchored at the phrase: only the tail before it is searched (pos/endpos, so the offsets are the sentence's)
        cue = p.subcount.search(sentence, max(0, item.phrase.start - TAIL_CHARS), item.phrase.start)
        previous = items[n - 1] if n else None
        if cue and last_kind is not None:
            cues[n] = cue.start()
        elif previous is not None and n - 1 in cues and previous.group == item.group:
            cues[n] = cues[n - 1]
        if n in cues:
            item.subcount = True
            item.kind = item.kind or last_kind
        elif item.kind is not None:
            last_kind = item.kind
    return cues


def _clause_spans(sentence: str, items: list[_Attached], cues: dict[int, int]) -> dict[int, tuple[int, int]]:
    """The evidence span of each item: its clause (coordinated phrases and their verb), or its sub-count."""
    groups: dict[int, tuple[int, int]] = {}
    for item in items:
        if item.kind is None or item.subcount:
            continue
        start = min(item.phrase.start, item.verb_start if item.verb_start >= 0 else item.phrase.start)
        end = max(item.phrase.end, item.verb_end)
        old = groups.get(item.group, (start, end))
        groups[item.group] = (min(old[0], start), max(old[1], end))
    spans: dict[int, tuple[int, int]] = {}
    parent: int | None = None
    for n, item in enumerate(items):
        if item.kind is None:
            continue
        if n in cues and parent is not None:
            spans[n] = (cues[n], item.phrase.end)
            old = groups[parent]
            groups[parent] = (old[0], max(old[1], item.phrase.end))
        elif not item.subcount:
            parent = item.group
    kinds = {item.group: item.kind for item in items if item.kind is not None and not item.subcount}
    own_verb = {item.group for item in items if item.side == "after"}
    for group, (start, end) in list(groups.items()):
        opener = patterns().additive_opener.search(sentence, max(0, start - 12), start)
        if opener is None and group in own_verb:  # "A was killed in X and B was killed in Y"
            opener = patterns().additive_and.search(sentence, max(0, start - 12), start)
        before = [g for g, (s, _) in groups.items() if s < start]
        if opener is not None and before and kinds[max(before, key=lambda g: groups[g][0])] == kinds[group]:
            groups[group] = (opener.start(), end)  # "A man was killed ... while a man ... was killed": more victims
    if groups and patterns().new_incident.match(sentence):
        first = min(groups, key=lambda g: groups[g][0])
        groups[first] = (0, groups[first][1])
    for n, item in enumerate(items):
        if item.kind is not None and n not in spans and item.group in groups:
            spans[n] = groups[item.group]
    return spans


# A count that holds for each of several incidents: "one militant was killed in each of three encounters".
_EACH = re.compile(r"[^.;]{0,60}?\bin each of (?:the\s+)?(?:these\s+|those\s+)?", re.IGNORECASE)


def _each(sentence: str, end: int) -> tuple[int, int] | None:
    """(how many incidents, the end of their count) when "in each of N ..." follows a clause ending at ``end``."""
    match = _EACH.match(sentence, end)
    count = parse_count(sentence[match.end() :]) if match else None
    if match is None or count is None or count.best < 2:
        return None
    return count.best, match.end() + count.span.end


def _is_background(sentence: str, item: _Attached) -> bool:
    """Earlier or cumulative tolls, and killings named only as the cause of an arrest or confession.

    Background cues count near the clause only (run-on sentences of wire summaries hold several clauses);
    a consequence cue anywhere before it ("confessed that ... they had killed four policemen").
    """
    p = patterns()
    if item.kind not in (CasualtyKind.KILLED, CasualtyKind.WOUNDED):
        return False
    start = min(item.phrase.start, item.verb_start) if item.verb_start >= 0 else item.phrase.start
    end = max(item.phrase.end, item.verb_end)
    window = sentence[max(0, start - _CUE_WINDOW) : end + _CUE_WINDOW]
    return bool(p.background.search(window) or p.consequence.search(sentence[:start]))


# Ids of generic actor nouns ("fighters", "police"): a named party that "lost" them is more precise.
GENERIC_ACTOR_PREFIX = "generic:"


def _actor_in(actors: Sequence[tuple[Span, Actor]], start: int, end: int) -> Actor | None:
    for span, actor in actors:
        if span.start < end and start < span.end:
            return actor
    return None


def _loser(sentence: str, base: int, item: _Attached, actors: Sequence[tuple[Span, Actor]]) -> Actor | None:
    """The party that "lost" the people: a resolved actor right before the verb, else its capitalised name."""
    before = sentence[: item.verb_start]
    near = [(span, actor) for span, actor in actors if base <= span.start and span.end <= base + item.verb_start]
    if near:
        span, actor = max(near, key=lambda pair: pair[0].end)
        if not sentence[span.end - base : item.verb_start].strip(" ,"):
            return actor
    match = _SUBJECT.search(before)
    if match is None:
        return None
    name = match.group("name")
    return Actor(id=f"unresolved:{name}", name=name)


def _report(item: _Attached, span: Span, actor: Actor | None, civilian_context: bool) -> CasualtyReport:
    """The report of one victim phrase. A party's kind decides the category where the noun does not (people,
    fighters of a party that "lost" them); an actor contradicting the noun ("a woman Maoist cadre") is dropped."""
    category = item.phrase.category
    party = category_of(actor)
    if actor is not None and party != VictimCategory.UNKNOWN and party != category:
        named_party = not actor.id.startswith(GENERIC_ACTOR_PREFIX)
        if category == VictimCategory.UNKNOWN or item.lost or (named_party and item.phrase.head.lower() in ROLE_NOUNS):
            category = party
        else:
            actor = None
    if category == VictimCategory.UNKNOWN and civilian_context and item.phrase.head.lower() in PEOPLE_NOUNS:
        category = VictimCategory.CIVILIANS  # "... hit the civilian population. 320 people lost their lives"
    assert item.kind is not None
    return CasualtyReport(kind=item.kind, count=item.phrase.count, category=category, actor=actor, span=span)


def _ellipsis(sentence: str, base: int, item: _Attached, report: CasualtyReport, actors: Sequence[tuple[Span, Actor]]):
    """ "The A lost 500 fighters, B about 900": the second party's losses, with the first clause's verb and noun."""
    rest = sentence[item.phrase.end :]
    match = _ELLIPSIS.match(rest)
    if match is None:
        return None
    counts = find_counts(rest[match.end() :], base + item.phrase.end + match.end())
    if not counts or counts[0].span.start != base + item.phrase.end + match.end():
        return None
    name_start = base + item.phrase.end + match.start("name")
    actor = _actor_in(actors, name_start, name_start + len(match.group("name")))
    actor = actor or Actor(id=f"unresolved:{match.group('name')}", name=match.group("name"))
    category = category_of(actor)
    if category == VictimCategory.UNKNOWN:
        named = VICTIM_NOUNS.get(match.group("name").split()[-1].lower(), VictimCategory.UNKNOWN)
        category = named if named != VictimCategory.UNKNOWN else item.phrase.category
    return CasualtyReport(kind=report.kind, count=counts[0], category=category, actor=actor, span=report.span)


def _zeros(sentence: str, sentence_span: Span) -> list[CasualtyReport]:
    """Explicit zeros: "no casualties" (killed and wounded), "no one was hurt" (wounded)."""
    kinds: set[CasualtyKind] = set()
    for key, pattern in patterns().zero.items():
        match = pattern.search(sentence)
        if match is None:
            continue
        if key in ("both", "killed"):
            kinds.add(CasualtyKind.KILLED)
        if key in ("both", "wounded"):
            kinds.add(CasualtyKind.WOUNDED)
    zero_span = Span(sentence_span.start, sentence_span.start, "")
    return [
        CasualtyReport(kind=kind, count=Count(0, 0, 0, zero_span, "none"), span=sentence_span)
        for kind in sorted(kinds, key=_KINDS.index)
    ]


def _phrases(sentence: str, base: int, persons: list[tuple[int, int]]) -> list[VictimPhrase]:
    found = counted_phrases(sentence, base)
    found += article_phrases(sentence, base, found)
    found += named_phrases(sentence, base, persons, found)
    found += reflexive_phrases(sentence, base)
    return drop_appositions(sentence, sorted(found, key=lambda phrase: phrase.start))


def sentence_reports(
    sentence: str,
    base: int,
    *,
    persons: Sequence[tuple[int, int]] = (),
    actors: Sequence[tuple[Span, Actor]] = (),
    previous: str = "",
) -> list[CasualtyReport]:
    """The casualty reports of one sentence starting at ``base`` in its document.

    ``persons`` are offsets of person names in the sentence, ``actors`` the document's resolved actor mentions,
    ``previous`` the sentence before it (it may say that the people were civilians).
    """
    civilian_context = bool(
        _CIVILIAN.search(previous) or _CIVILIAN.search(sentence) or patterns().non_conflict.search(sentence)
    )
    sentence_span = Span(base, base + len(sentence), sentence)
    phrases = _phrases(sentence, base, list(persons))
    items = [_attach(sentence, phrase, n) for n, phrase in enumerate(phrases)]
    _share_coordinated(sentence, items)
    _share_gapped(sentence, items)
    cues = _mark_subcounts(sentence, items)
    spans = _clause_spans(sentence, items, cues)
    reports = []
    parent = VictimCategory.UNKNOWN  # the category of the last clause that is not a sub-count
    for n, item in enumerate(items):
        if item.kind is None or item.lumped or n not in spans or _is_background(sentence, item):
            continue
        if item.phrase.named and item.kind in (CasualtyKind.CAPTURED, CasualtyKind.MISSING):
            continue
        actor = _actor_in(actors, base + item.phrase.end - 1, base + item.phrase.end)  # the one naming the head
        actor = actor or _actor_in(actors, base + item.phrase.start, base + item.phrase.end)
        if item.lost and (actor is None or actor.id.startswith(GENERIC_ACTOR_PREFIX)):
            actor = _loser(sentence, base, item, actors) or actor  # "the SDF lost 500 fighters": the SDF's dead
        start, end = spans[n]
        each = None if item.subcount else _each(sentence, end)
        if each is not None:  # "one militant was killed in each of three encounters"
            end = each[1]
        report = _report(item, Span(base + start, base + end, sentence[start:end]), actor, civilian_context)
        if each is not None:
            count = report.count
            report = replace(
                report,
                count=replace(count, low=count.low * each[0], best=count.best * each[0], high=count.high * each[0]),
            )
        if not item.subcount:
            parent = report.category
        elif item.phrase.head.lower() in ROLE_NOUNS and parent != VictimCategory.UNKNOWN:
            report = replace(report, category=parent)  # "29 Maoists, including a senior leader"
        reports.append(report)
        if item.lost:
            extra = _ellipsis(sentence, base, item, report, actors)
            if extra is not None:
                whole = Span(base + start, extra.count.span.end, sentence[start : extra.count.span.end - base])
                reports[-1] = replace(report, span=whole)
                reports.append(replace(extra, span=whole))
    return reports + _zeros(sentence, sentence_span)


def parsed(doc: Document) -> Any:
    """The spaCy Doc over ``doc.text``: ``doc.nlp`` when the annotate stage set it, else parsed here."""
    if doc.nlp is not None:
        return doc.nlp
    from frontlines.nlp.model import load_spacy

    return load_spacy()(doc.text)


def extract_casualties(doc: Document) -> list[CasualtyReport]:
    """Every casualty statement in the event text of ``doc`` (killed, wounded, captured, missing), in text order."""
    reports: list[CasualtyReport] = []
    previous = ""
    nlp_doc = parsed(doc)
    names = [(e.start_char, e.end_char) for e in nlp_doc.ents if e.label_ == "PERSON"]
    cue = patterns().sentence_cue
    for base, end, _ in parsed_sentences(nlp_doc):
        text = doc.text[base:end]
        if cue.found(CaselessText.of(text)) and doc.is_event_text(base):
            persons = [(s - base, e - base) for s, e in names if base <= s and e <= end]
            reports += sentence_reports(text, base, persons=persons, actors=doc.actors, previous=previous)
        previous = text
    return resolve_references(reports, doc.text)
