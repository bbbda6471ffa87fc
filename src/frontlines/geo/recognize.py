"""Finding toponyms in a parsed document: spaCy's GPE/LOC/FAC entities, extended and repaired with capitalized
name runs that match the gazetteer ("Deir ez-Zor" where spaCy saw only "Deir"), names spaCy mislabelled
(PERSON/ORG/NORP) accepted only on strong evidence, and demonyms ("Syrian", "Palestinians")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontlines.geo.data import (
    ARABIC_ARTICLES,
    DEMONYMS,
    LOCATIVE_PREPOSITIONS,
    REGION_SUFFIXES,
    SETTLEMENT_NOUNS,
    STOPLIST,
)
from frontlines.geo.gazetteer import Gazetteer, Match
from frontlines.geo.normalize import name_key
from frontlines.model import Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_NAME_TOKENS = 5
# A match spaCy did not label as a place must name a town at least this big, or carry a locative cue.
MIN_POPULATION_UNCUED = 50_000
_CONNECTORS = frozenset({*ARABIC_ARTICLES, "-", "'", "’", "de", "del", "da", "do", "du", "la", "le", "bin", "ibn"})
_SUFFIXES = frozenset(REGION_SUFFIXES)
_STOP_KEYS = frozenset(name_key(w) for w in STOPLIST)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A recognized place name with the context the resolver and ``locate_event`` read."""

    span: Span
    matches: tuple[Match, ...]
    label: str = ""  # spaCy label of the entity it overlaps ("" when none)
    suffix: str = ""  # "province", "countryside", ... right after the name
    before: tuple[str, ...] = ()  # up to four lower-cased words before it, nearest first
    demonym: str = ""  # ISO2 when the toponym is a demonym ("Syrian")


def _is_name_token(tok: Any) -> bool:
    text = tok.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _name_runs(sdoc: Any) -> list[tuple[int, int]]:
    """Token ranges [i, j) of capitalized words, joined through articles and hyphens ("Deir ez - Zor")."""
    runs, i, n = [], 0, len(sdoc)
    while i < n:
        if not _is_name_token(sdoc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _is_name_token(sdoc[j]) and not sdoc[j].is_sent_start:
                j += 1
                continue
            k = j
            while k < n and sdoc[k].lower_ in _CONNECTORS and k - j < 3 and sdoc[k].whitespace_ in ("", " "):
                k += 1
            if k > j and k < n and _is_name_token(sdoc[k]) and not sdoc[k].is_sent_start:
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _before(sdoc: Any, i: int) -> tuple[str, ...]:
    words = []
    k = i - 1
    sent_start = sdoc[i].sent.start
    while k >= sent_start and len(words) < 4:
        if not sdoc[k].is_punct or sdoc[k].text in (",", "-"):
            words.append(sdoc[k].lower_)
        k -= 1
    return tuple(words)


def _suffix_after(sdoc: Any, j: int) -> str:
    return sdoc[j].lower_ if j < len(sdoc) and sdoc[j].lower_ in _SUFFIXES else ""


def _labels(sdoc: Any) -> list[str]:
    return [tok.ent_type_ for tok in sdoc]


def _has_cue(before: tuple[str, ...]) -> bool:
    if not before:
        return False
    if before[0] in LOCATIVE_PREPOSITIONS:
        return True
    return before[0] == "of" and len(before) > 1 and before[1] in SETTLEMENT_NOUNS


def _accept(text: str, label: str, matches: list[Match], before: tuple[str, ...], suffix: str, comma_after: bool) -> bool:
    """Whether a gazetteer match is a toponym. spaCy places pass; other names need a cue or a big town."""
    if label in PLACE_LABELS:
        return True
    key = name_key(text)
    if key in _STOP_KEYS or len(key) < 3:
        return False
    cue = _has_cue(before) or bool(suffix) or comma_after
    if label == "PERSON":
        return cue and any(m.how != "loose" for m in matches)
    return cue or max(m.place.population for m in matches if m.how != "loose") >= MIN_POPULATION_UNCUED


def _demonym(text: str) -> str:
    return DEMONYMS.get(text) or (DEMONYMS.get(text[:-1], "") if text.endswith("s") else "")


def recognize(sdoc: Any, text: str, gazetteer: Gazetteer) -> list[Toponym]:
    """Toponyms of a spaCy Doc over ``text``, left to right, non-overlapping."""
    labels = _labels(sdoc)
    found: list[Toponym] = []
    for start, end in _name_runs(sdoc):
        i = start
        while i < end:
            hit = _longest_match(sdoc, text, gazetteer, labels, i, end)
            if hit is None:
                i += 1
                continue
            found.append(hit[0])
            i = hit[1]
    return found


def _longest_match(
    sdoc: Any, text: str, gazetteer: Gazetteer, labels: list[str], i: int, end: int
) -> tuple[Toponym, int] | None:
    for j in range(min(end, i + MAX_NAME_TOKENS), i, -1):
        last = sdoc[j - 1]
        if not _is_name_token(last):
            continue
        s, e = sdoc[i].idx, last.idx + len(last.text)
        name = text[s:e]
        label = next((lab for lab in labels[i:j] if lab), "")
        demonym = _demonym(name)
        if demonym and (j == i + 1 or name in DEMONYMS):
            return Toponym(Span(s, e, name), (), label, "", _before(sdoc, i), demonym), j
        matches = gazetteer.matches(name)
        if not matches:
            continue
        before, suffix = _before(sdoc, i), _suffix_after(sdoc, j)
        comma_after = j + 1 < len(sdoc) and sdoc[j].text == "," and _is_name_token(sdoc[j + 1])
        if _accept(name, label, matches, before, suffix, comma_after):
            return Toponym(Span(s, e, name), tuple(matches), label, suffix, before), j
    return None
