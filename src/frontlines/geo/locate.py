"""Where an event happened: the place of its sentence governed by a locative cue near the trigger, not a dateline,
a speaker's seat, a border reference or an origin; else the nearest earlier place, else the document's focus."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from frontlines.geo.data import (
    BASED_WORDS,
    BORDER_WORDS,
    CONTAINER_NOUNS,
    DEMONYMS,
    LOCATIVE_PREPOSITIONS,
    NEAR_CUES,
    NON_EVENT_CUES,
    PATRON_WORDS,
    PLACE_KIND_NOUNS,
    PLACE_OBJECT_VERBS,
    SETTLEMENT_NOUNS,
    SPEECH_VERBS,
    SURROUNDINGS_SUFFIXES,
)
from frontlines.geo.metrics import haversine_km
from frontlines.model import Document, PlaceMention, Span

_WORD = re.compile(r"[A-Za-z]+")
# "BEIRUT (Reuters) -", "KABUL, Aug 3 -", "Aleppo, Syria —": a place at a line start followed by an agency or date.
_DATELINE_AFTER = re.compile(
    r"^\s*(?:,\s*[A-Z][A-Za-z.]*){0,2}\s*(?:\([^)]{1,40}\))?\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?[-–—:]"
)
_SURROUNDINGS_AFTER = re.compile(r"^\s+(?:" + "|".join(SURROUNDINGS_SUFFIXES) + r")\b", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"^\s*(?:'s\s+|’s\s+)?(?:" + "|".join(BORDER_WORDS) + r")\b", re.IGNORECASE)
_BASED_AFTER = re.compile(r"^[-‐‑](?:" + "|".join(BASED_WORDS | PATRON_WORDS) + r")\b", re.IGNORECASE)
# "Syria's al-Bab": a possessive area names where the place after it lies.
_POSSESSIVE_BETWEEN = re.compile(r"^['’]s\s+$")
_NEAR_WORDS = frozenset(NEAR_CUES)
# Words before "of X" that keep X the event's place: "the city of X", "outskirts of X", "north of X".
_OF_OK = frozenset(
    {*SETTLEMENT_NOUNS, *NEAR_CUES, "north", "south", "east", "west", "northeast", "northwest", "southeast",
     "southwest", "neighborhoods", "neighbourhoods", "neighborhood", "neighbourhood", "centre", "center", "heart"}
)  # fmt: skip
_DIRECTION = r"(?:(?:north|south|east|west)(?:ern|east|west|-east|-west|eastern|western)?|central)"
# What stands between a place and the area named to locate it: "X, Y", "X town in the southern countryside of Y",
# "X in southern Y", "X, in Y".
_CONTAINER_BETWEEN = re.compile(
    rf"^\s*(?:(?:{'|'.join(PLACE_KIND_NOUNS)})\s*)?(?:,\s*(?:in\s+)?|(?:in|at|of|within)\s+)(?:the\s+)?"
    rf"(?:{_DIRECTION}\s+)?(?:(?:{'|'.join(CONTAINER_NOUNS)})\s+of\s+)?$",
    re.IGNORECASE,
)
# What joins two places of one report: "in A and B", "the cities of A and B", "A city and B desert", "A, B and C",
# "in A and in the countryside of B".
_COORDINATION_BETWEEN = re.compile(
    rf"^\s*(?:(?:{'|'.join(PLACE_KIND_NOUNS)}|{'|'.join(CONTAINER_NOUNS)})\s*)?(?:,\s*(?:and\s+)?|(?:and|&)\s+)"
    rf"(?:(?:in|on|at)\s+)?(?:the\s+)?(?:{_DIRECTION}\s+)?(?:(?:{'|'.join(CONTAINER_NOUNS)})\s+of\s+)?$",
    re.IGNORECASE,
)
# Words between a locative cue and its place: "in the northern X", "targeted western X".
_QUALIFIERS = frozenset(
    {"the", "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
     "southwestern", "north", "south", "east", "west"}
)  # fmt: skip
_SETTLEMENT_SKIP = frozenset({"the", "of", "city", "town", "village", "western", "eastern", "northern", "southern"})

LOCATIVE_BONUS = 2.0
SETTLEMENT_BONUS = 1.5
OBJECT_BONUS = 2.0  # "warplanes targeted X": the object of an attack verb is where it happened
SPECIFICITY_BONUS = {1: 1.0, 2: 0.5, 3: 0.0}
DISTANCE_PENALTY_PER_CHAR = 0.005
# Without a trigger, a headline's first place is its subject: a small penalty per character of offset.
POSITION_PENALTY_PER_CHAR = 0.004
NON_EVENT_PENALTY = 3.0
# A place named only to locate a smaller one before it ("X in the countryside of Y"): the event is at X.
CONTAINER_PENALTY = 2.0
CONTAINER_MAX_KM = 150.0
DATELINE_PENALTY = 5.0


def _words_before(text: str, start: int, floor: int, n: int = 5) -> list[str]:
    """Up to ``n`` lower-cased words before ``start`` (not before ``floor``), nearest first."""
    window = text[max(floor, start - 80) : start]
    return [w.lower() for w in _WORD.findall(window)][::-1][:n]


def is_dateline(doc: Document, mention: PlaceMention) -> bool:
    start = mention.span.start
    line_start = doc.text.rfind("\n", 0, start) + 1
    if doc.text[line_start:start].strip():
        return False
    return bool(_DATELINE_AFTER.match(doc.text[mention.span.end : mention.span.end + 60]))


def is_near(doc: Document, mention: PlaceMention, floor: int = 0) -> bool:
    """'near X', 'outskirts of X', 'X countryside', 'the western countryside of X'."""
    if _SURROUNDINGS_AFTER.match(doc.text[mention.span.end : mention.span.end + 20]):
        return True
    before = [w for w in _words_before(doc.text, mention.span.start, floor) if w not in _SETTLEMENT_SKIP]
    return bool(before) and before[0] in _NEAR_WORDS


def _non_event(doc: Document, mention: PlaceMention, before: list[str]) -> bool:
    """A speaker's location, a border reference, an origin or a demonym."""
    after = doc.text[mention.span.end : mention.span.end + 20]
    if mention.span.text in DEMONYMS or mention.span.text.rstrip("s") in DEMONYMS:
        return True
    if _BORDER_AFTER.match(after) or _BASED_AFTER.match(after) or any(w in BORDER_WORDS for w in before[:4]):
        return True
    if before and before[0] in NON_EVENT_CUES and not (len(before) > 1 and before[1] in _OF_OK):
        return True
    return any(w in SPEECH_VERBS or w in BASED_WORDS for w in before[1:3]) and before[0] in ("in", "from", "at")


def event_score(doc: Document, mention: PlaceMention, sentence: Span, trigger: Span | None) -> float:
    """How likely the mention is the place where the sentence's event happened."""
    before = _words_before(doc.text, mention.span.start, sentence.start)
    cue = [w for w in before if w not in _QUALIFIERS]  # "in northern X" is "in X"
    precision = 2 if mention.place.precision == 1 and is_near(doc, mention, sentence.start) else mention.place.precision
    score = SPECIFICITY_BONUS.get(precision, 0.0)  # "in X" is more specific than "X countryside"
    if cue and cue[0] in LOCATIVE_PREPOSITIONS:
        score += LOCATIVE_BONUS
    elif cue and cue[0] in PLACE_OBJECT_VERBS:
        score += OBJECT_BONUS
    elif len(before) > 1 and before[0] == "of" and before[1] in _OF_OK:
        score += SETTLEMENT_BONUS
    if _SURROUNDINGS_AFTER.match(doc.text[mention.span.end : mention.span.end + 20]):
        score += LOCATIVE_BONUS
    if _non_event(doc, mention, before):
        score -= NON_EVENT_PENALTY
    if is_dateline(doc, mention):
        score -= DATELINE_PENALTY
    if trigger is not None:
        gap = max(trigger.start - mention.span.end, mention.span.start - trigger.end, 0)
        score -= DISTANCE_PENALTY_PER_CHAR * gap
    else:
        score -= POSITION_PENALTY_PER_CHAR * (mention.span.start - sentence.start)
    return score


def _adjusted(doc: Document, mention: PlaceMention, floor: int) -> PlaceMention:
    """The mention with ACLED precision: 2 for 'near X' / 'X countryside' around a town, the place's own otherwise."""
    precision = mention.place.precision
    if precision == 1 and is_near(doc, mention, floor):
        precision = 2
    return (
        mention
        if precision == mention.place.precision
        else replace(mention, place=replace(mention.place, precision=precision))
    )


def _usable(doc: Document, mention: PlaceMention) -> bool:
    before = _words_before(doc.text, mention.span.start, 0)
    return not is_dateline(doc, mention) and not _non_event(doc, mention, before) and not in_actor_name(doc, mention)


def in_actor_name(doc: Document, mention: PlaceMention) -> bool:
    """A place inside a longer actor name ("Syria Democratic Forces", "the Deir ez-Zor Military Council") names the
    party, not where it acted."""
    return any(where.contains(mention.span) and where != mention.span for where, _ in doc.actors)


def _focus(doc: Document, places: list[PlaceMention]) -> PlaceMention | None:
    """The document's most mentioned usable place, the most specific first among equals."""
    usable = [m for m in places if _usable(doc, m)]
    if not usable:
        return None
    counts = Counter(m.place.geonameid for m in usable)
    return max(usable, key=lambda m: (counts[m.place.geonameid], -m.place.precision, -m.span.start))


def _locates_other(doc: Document, mention: PlaceMention, earlier: PlaceMention) -> bool:
    """Whether ``mention`` is the area named to locate ``earlier``: 'earlier town in the countryside of mention'."""
    if earlier.place.precision > 2 or earlier.place.geonameid == mention.place.geonameid:
        return False
    if earlier.place.country != mention.place.country or not _CONTAINER_BETWEEN.match(
        doc.text[earlier.span.end : mention.span.start]
    ):
        return False
    return haversine_km(earlier.place.lat, earlier.place.lon, mention.place.lat, mention.place.lon) <= CONTAINER_MAX_KM


def _containers(doc: Document, inside: list[PlaceMention]) -> set[int]:
    """Indexes of the mentions that only locate the mention right before them ("X in the countryside of Y"), or the
    one right after them ("Y's X")."""
    after = {i for i in range(1, len(inside)) if _locates_other(doc, inside[i], inside[i - 1])}
    return after | {i for i in range(len(inside) - 1) if _owns(doc, inside[i], inside[i + 1])}


def _owns(doc: Document, area: PlaceMention, place: PlaceMention) -> bool:
    between = doc.text[area.span.end : place.span.start]
    return area.place.precision > place.place.precision and bool(_POSSESSIVE_BETWEEN.match(between))


def locate_event(
    doc: Document, places: list[PlaceMention], sentence: Span, trigger: Span | None, parts: tuple[Span, ...] = ()
) -> PlaceMention | None:
    """The place where the event of ``sentence`` (with ``trigger``) happened, with its precision adjusted: sought in
    the given ``parts`` of the sentence first (the trigger's own words, then its clause), then in the whole
    sentence, then before it, then the document's focus."""
    for part in dict.fromkeys((*parts, sentence)):
        best = _best_inside(doc, places, part, trigger)
        if best is not None:
            return _adjusted(doc, best, part.start)
    earlier = [m for m in places if m.span.end <= sentence.start and _usable(doc, m)]
    if earlier:
        return _adjusted(doc, earlier[-1], 0)
    focus = _focus(doc, places)
    return _adjusted(doc, focus, 0) if focus is not None else None


def _best_inside(doc: Document, places: list[PlaceMention], part: Span, trigger: Span | None) -> PlaceMention | None:
    """The best-scoring place inside ``part`` (a sentence or a clause), if any scores as a plausible event place."""
    inside = sorted(
        (m for m in places if part.contains(m.span) and not in_actor_name(doc, m)), key=lambda m: m.span.start
    )
    if not inside:
        return None
    containers = _containers(doc, inside)
    scores = [
        event_score(doc, m, part, trigger) - (CONTAINER_PENALTY if i in containers else 0.0)
        for i, m in enumerate(inside)
    ]
    best = max(range(len(inside)), key=lambda i: (scores[i], -i))
    return inside[best] if scores[best] > -1.0 else None


def coordinated_places(
    doc: Document, places: list[PlaceMention], chosen: PlaceMention, part: Span
) -> list[PlaceMention]:
    """The other places joined to ``chosen`` by "and" or a list comma inside ``part`` ("clashes in A and B"): the
    report names one act in several places, which coders record as one event per place. A place that only locates
    its neighbour ("X, Y province") is not one of them."""
    inside = sorted((m for m in places if part.contains(m.span) and _usable(doc, m)), key=lambda m: m.span.start)
    at = next((i for i, m in enumerate(inside) if m.span == chosen.span), None)
    if at is None:
        return []
    chain = [at]
    for step in (-1, 1):
        k = at
        while 0 <= k + step < len(inside):
            left, right = sorted((inside[k], inside[k + step]), key=lambda m: m.span.start)
            if not _COORDINATION_BETWEEN.match(doc.text[left.span.end : right.span.start]) or _locates_other(
                doc, right, left
            ):
                break
            k += step
            chain.append(k)
    seen = {chosen.place.geonameid}
    out = []
    for k in sorted(chain):
        mention = inside[k]
        if mention.place.geonameid not in seen:
            seen.add(mention.place.geonameid)
            out.append(_adjusted(doc, mention, part.start))
    return out
