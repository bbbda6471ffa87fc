"""Finding toponyms in a parsed document: spaCy's GPE/LOC/FAC entities, extended and repaired with capitalized
name runs that match the gazetteer ("Deir ez-Zor" where spaCy saw only "Deir"), names spaCy mislabelled
(PERSON/ORG/NORP) accepted only on strong evidence, and demonyms ("Syrian", "Palestinians")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from frontlines.geo.data import (
    ARABIC_ARTICLES,
    CONTAINER_NOUNS,
    DEMONYMS,
    INSTITUTION_NOUNS,
    LOCATIVE_PREPOSITIONS,
    PLACE_OBJECT_VERBS,
    PLURAL_REGION_SUFFIXES,
    REGION_SUFFIXES,
    SETTLEMENT_NOUNS,
    STOPLIST,
    US_STATE_ABBREVIATIONS,
)
from frontlines.geo.gazetteer import NAMED_AREA_CODE, Gazetteer, Match
from frontlines.geo.normalize import name_key
from frontlines.model import Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_NAME_TOKENS = 5
# Whether "X police", "X Fire Department" makes X a place (see data.INSTITUTION_NOUNS).
INSTITUTION_CUE = True
# A match spaCy did not label as a place must name a town at least this big, or carry a locative cue.
MIN_POPULATION_UNCUED = 30_000
# A name spaCy took for a person ("Alexandria woman charged") counts when it alone is the entity and names a city.
MIN_POPULATION_PERSON = 100_000
# Loose (transliteration-skeleton) matches are too promiscuous for short single words.
MIN_LOOSE_CHARS = 7
_CONNECTORS = frozenset({*ARABIC_ARTICLES, "-", "'", "’", "de", "del", "da", "do", "du", "la", "le", "bin", "ibn"})
_SUFFIXES = frozenset(REGION_SUFFIXES)
# A name written with a lower-case article: "al-Bab", "el-Fasher", "ad-Dana".
_ARTICLE_NAME = re.compile(r"^(?:" + "|".join(ARABIC_ARTICLES) + r")[-‐‑][A-Z]")
# A name with a fused article: "Albukamal", "Alqusayr" (looked up without it when the whole finds nothing).
_FUSED_ARTICLE_NAME = re.compile(r"^(?:Al|El)(?=[a-z]{4})")
_AFTER_NOUNS = frozenset({*SETTLEMENT_NOUNS, "neighborhood", "neighbourhood"})
# "the town of X", "the outskirts of X", "the vicinity of X": a noun before "of" that makes X a place.
_OF_NOUNS = frozenset({*SETTLEMENT_NOUNS, *CONTAINER_NOUNS})
_STOP_KEYS = frozenset(name_key(w) for w in STOPLIST)
# A dateline's dash after the place (and an optional state or agency): "CORSICANA —", "ROSWELL, Ga. -".
_DATELINE_DASH = re.compile(r"(?:,\s*[A-Z][A-Za-z.]{1,12})?\s*(?:\([^)]{1,40}\))?\s*[-–—]\s")
LIST_MAX_TOKENS = 24  # how far a list of names may run before its closing plural ("... and Wilkin counties")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A recognized place name with the context the resolver and ``locate_event`` read."""

    span: Span
    matches: tuple[Match, ...]
    label: str = ""  # spaCy label of the entity it overlaps ("" when none)
    suffix: str = ""  # "province", "countryside", ... right after the name
    before: tuple[str, ...] = ()  # up to four lower-cased words before it, nearest first
    demonym: str = ""  # ISO2 when the toponym is a demonym ("Syrian")


def _is_name(text: str) -> bool:
    return (text[:1].isupper() and any(ch.isalpha() for ch in text)) or bool(_ARTICLE_NAME.match(text))


@dataclass(frozen=True, slots=True)
class _Tokens:
    """Plain per-token lists read from a spaCy Doc once (spaCy's per-token access is slow in loops)."""

    text: list[str]
    lower: list[str]
    idx: list[int]
    sent_start: list[int]  # index of the first token of the token's sentence
    is_name: list[bool]
    is_punct: list[bool]
    spaced: list[bool]  # followed by at most one space
    glued: list[bool]  # followed by no space ("al" of "al-Bab")

    @classmethod
    def of(cls, sdoc: Any) -> _Tokens:
        toks = cls([], [], [], [], [], [], [], [])
        sent = 0
        for t in sdoc:  # one pass: each access to sdoc makes new Token objects
            if t.is_sent_start:
                sent = t.i
            toks.text.append(t.text)
            toks.lower.append(t.lower_)
            toks.idx.append(t.idx)
            toks.sent_start.append(sent)
            toks.is_name.append(_is_name(t.text))
            toks.is_punct.append(t.is_punct)
            toks.spaced.append(t.whitespace_ in ("", " "))
            toks.glued.append(not t.whitespace_)
        return toks

    def __len__(self) -> int:
        return len(self.text)

    def name_at(self, k: int) -> bool:
        """A name token that does not open a sentence (so a run never crosses a sentence boundary)."""
        return self.is_name[k] and self.sent_start[k] != k


def _name_runs(toks: _Tokens) -> list[tuple[int, int]]:
    """Token ranges [i, j) of capitalized words, joined through articles and hyphens ("Deir ez - Zor")."""
    runs, i, n = [], 0, len(toks)
    while i < n:
        if not toks.is_name[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if toks.name_at(j):
                j += 1
                continue
            k = j
            while k < n and toks.lower[k] in _CONNECTORS and k - j < 3 and toks.spaced[k]:
                k += 1
            if j < k < n and toks.name_at(k):
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _before(toks: _Tokens, i: int) -> tuple[str, ...]:
    words: list[str] = []
    k = i - 1
    while k >= toks.sent_start[i] and len(words) < 4:
        if not words and toks.lower[k] in _CONNECTORS and toks.glued[k]:
            k -= 1  # "in al-Bab": the article belongs to the name
            continue
        if not toks.is_punct[k] or toks.text[k] == ",":
            words.append(toks.lower[k])
        k -= 1
    return tuple(words)


def _suffix_after(toks: _Tokens, j: int) -> str:
    """'province', 'county', ... right after the name, or the singular of the plural closing a list of names the
    name opens or belongs to ("Clay, Swift and Wilkin counties")."""
    if j < len(toks) and toks.lower[j] in _SUFFIXES:
        return toks.lower[j]
    k = j
    while k < len(toks) and k - j < LIST_MAX_TOKENS:
        if toks.lower[k] in PLURAL_REGION_SUFFIXES:
            return PLURAL_REGION_SUFFIXES[toks.lower[k]]
        if not (toks.is_name[k] or toks.text[k] == "," or toks.lower[k] in ("and", "&")):
            return ""
        k += 1
    return ""


def _after_person(toks: _Tokens, i: int, entities: list[tuple[int, int, str] | None]) -> bool:
    """'James Tauber of Nelson', 'Rebecca Sears, 41, of Grovetown': a name after a person's 'of' is where they live."""
    k = i - 1
    if k < 1 or toks.lower[k] != "of":
        return False
    k -= 1
    if toks.text[k] == "," and k >= 2 and toks.text[k - 1].isdigit() and toks.text[k - 2] == ",":
        k -= 3  # ", 41, of"
    entity = entities[k] if k >= 0 else None
    return entity is not None and entity[2] == "PERSON"


def _dateline(toks: _Tokens, text: str, i: int, j: int) -> bool:
    """'CORSICANA — A Henderson County woman ...': a capitalized name opening a sentence before a dash."""
    opens = toks.sent_start[i] == i or (i > 0 and toks.text[i - 1] in (".", "\n"))
    end = toks.idx[j - 1] + len(toks.text[j - 1])
    return opens and bool(_DATELINE_DASH.match(text, end))


def _settlement_after(toks: _Tokens, j: int) -> bool:
    """'al-Bab city', 'Hajin town': a settlement noun right after the name."""
    return j < len(toks) and toks.lower[j] in _AFTER_NOUNS


def _article_start(toks: _Tokens, i: int) -> int:
    """Where a name starts, taking in a glued lower-case article: 'al-Atareb' rather than 'Atareb'."""
    glued = i >= 2 and toks.glued[i - 1] and toks.glued[i - 2]
    if glued and toks.text[i - 1] in ("-", "‐") and toks.text[i - 2] in ARABIC_ARTICLES:
        return toks.idx[i - 2]
    return toks.idx[i]


def _entities(sdoc: Any) -> list[tuple[int, int, str] | None]:
    """For each token, the (start, end, label) of the entity it is in."""
    out: list[tuple[int, int, str] | None] = [None] * len(sdoc)
    for ent in sdoc.ents:
        for k in range(ent.start, ent.end):
            out[k] = (ent.start, ent.end, ent.label_)
    return out


def _has_cue(before: tuple[str, ...]) -> bool:
    if not before:
        return False
    if before[0] in LOCATIVE_PREPOSITIONS or before[0] in PLACE_OBJECT_VERBS:
        return True
    return before[0] == "of" and len(before) > 1 and before[1] in _OF_NOUNS


@dataclass(frozen=True, slots=True)
class _Context:
    """What decides whether a gazetteer match is a toponym."""

    label: str
    run_start: bool  # the name opens its capitalized run
    whole_entity: bool  # the name is exactly one spaCy entity
    entity_start: bool  # the name opens a spaCy entity ("Azaz" of "Azaz city")
    before: tuple[str, ...]
    suffix: str
    comma_after: bool
    settlement_after: bool
    institution_after: bool  # "Grovetown police", "Oakdale Fire Department"
    place_names: frozenset[str]  # names spaCy labelled as places somewhere in the document
    person_of: bool = False  # "James Tauber of Nelson"
    dateline: bool = False  # "CORSICANA — ..."


def _usable_matches(text: str, matches: list[Match]) -> list[Match]:
    if len(text) >= MIN_LOOSE_CHARS and " " in text.strip():
        return matches
    return [m for m in matches if m.how != "loose"]


def _accept(text: str, matches: list[Match], ctx: _Context) -> bool:
    """Whether a gazetteer match is a toponym. spaCy places pass; other names need a cue or a big town."""
    key = name_key(text)
    if key in _STOP_KEYS or len(key) < 2:
        return False
    if ctx.label in PLACE_LABELS or text in ctx.place_names:
        return ctx.entity_start or any(m.how == "name" for m in matches)
    if not ctx.run_start:
        return False  # "Tom Davis": a name inside a longer capitalized run is part of that name
    if len(text) <= 3 and text.isupper():
        return False  # "IS", "SDF", "NATO": acronyms count only where spaCy calls them places
    own = [m for m in matches if m.how != "loose"]
    if not own:
        return False
    if any(m.place.feature_code == NAMED_AREA_CODE for m in own):
        return True  # "Darfur", "Eastern Ghouta": a named area is no person's or group's name
    biggest = max(m.place.population for m in own)
    named_region = text.rsplit(None, 1)[-1].lower() in _SUFFIXES
    cue = _has_cue(ctx.before) or bool(ctx.suffix) or ctx.comma_after or named_region or ctx.settlement_after
    cue = cue or ctx.person_of or ctx.dateline
    if ctx.label == "PERSON":
        big_city = ctx.whole_entity and biggest >= MIN_POPULATION_PERSON and any(m.how == "name" for m in own)
        return (
            big_city
            or ctx.settlement_after
            or named_region
            or bool(ctx.suffix)
            or (cue and bool(ctx.before) and ctx.before[0] not in ("by", "and"))
        )
    return cue or (INSTITUTION_CUE and ctx.institution_after) or biggest >= MIN_POPULATION_UNCUED


def _demonym(text: str) -> str:
    return DEMONYMS.get(text) or (DEMONYMS.get(text[:-1], "") if text.endswith("s") else "")


def recognize(sdoc: Any, text: str, gazetteer: Gazetteer) -> list[Toponym]:
    """Toponyms of a spaCy Doc over ``text``, left to right, non-overlapping."""
    toks = _Tokens.of(sdoc)
    entities = _entities(sdoc)
    place_names = frozenset(ent.text for ent in sdoc.ents if ent.label_ in PLACE_LABELS)
    found: list[Toponym] = []
    for start, end in _name_runs(toks):
        i = start
        while i < end:
            hit = _longest_match(toks, text, gazetteer, (entities, place_names), i, (start, end))
            if hit is None:
                i += 1
                continue
            found.append(hit[0])
            i = hit[1]
    return found


def _longest_match(
    toks: _Tokens,
    text: str,
    gazetteer: Gazetteer,
    doc_info: tuple[list[tuple[int, int, str] | None], frozenset[str]],
    i: int,
    run: tuple[int, int],
) -> tuple[Toponym, int] | None:
    entities, place_names = doc_info
    end = run[1]
    if not toks.is_name[i]:
        return None
    for j in range(min(end, i + MAX_NAME_TOKENS), i, -1):
        if not toks.is_name[j - 1]:
            continue
        s, e = _article_start(toks, i), toks.idx[j - 1] + len(toks.text[j - 1])
        name = text[s:e]
        first = i if s == toks.idx[i] else i - 2  # the token the name starts at, a glued article included
        ent = next((x for x in entities[first:j] if x is not None), None)
        label = ent[2] if ent else ""
        demonym = _demonym(name)
        if demonym and (j == i + 1 or name in DEMONYMS):
            return Toponym(Span(s, e, name), (), label, "", _before(toks, i), demonym), j
        matches = _usable_matches(name, gazetteer.matches(name))
        if not matches and _FUSED_ARTICLE_NAME.match(name):
            matches = _usable_matches(name, gazetteer.matches(name[2:]))
        if name in US_STATE_ABBREVIATIONS or name.rstrip(".") + "." in US_STATE_ABBREVIATIONS:
            matches = [m for m in matches if m.place.country == "US" and m.place.feature_code == "ADM1"]
        if not matches:
            continue
        ctx = _Context(
            label=label,
            run_start=all(toks.lower[k].rstrip(".") in STOPLIST for k in range(run[0], i)),
            whole_entity=ent is not None
            and ent[0] == first
            and (ent[1] == j or (ent[1] == j + 1 and toks.text[j] == ".")),
            entity_start=ent is not None and ent[0] == first,
            before=_before(toks, i),
            suffix=_suffix_after(toks, j),
            comma_after=j + 1 < len(toks) and toks.text[j] == "," and toks.is_name[j + 1],
            settlement_after=_settlement_after(toks, j),
            institution_after=j < len(toks) and toks.lower[j] in INSTITUTION_NOUNS,
            place_names=place_names,
            person_of=_after_person(toks, i, entities),
            dateline=_dateline(toks, text, i, j),
        )
        if _accept(name, matches, ctx):
            return Toponym(Span(s, e, name), tuple(matches), label, ctx.suffix, ctx.before), j
    return None
