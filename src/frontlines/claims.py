"""Claims: who says what, and how firmly (asserted, reported, speculative, predicted, denied).

A claim is a sentence (split further at line breaks) of event text that carries a modality cue or a source:

1. skip sentences in captions and pull-quotes, and sentences that only repeat a quote already given;
2. the source: the speaker of a quote the sentence lies in, else the subject of a speech verb or the object of
   "according to" in the sentence, else a hearsay phrase ("on several reports", "sources say"), else "" (the
   article's own voice);
3. the modality: the strongest content cue (denied > speculative > predicted), else asserted for a sentence of a
   direct quote with a known speaker, else the attribution itself (a reporting cue -> reported, an asserting verb
   -> asserted); a sentence with no cue and no source is no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontlines.attribution_lexicon import (
    HEARSAY_NOUNS,
    HEARSAY_PREPOSITIONS,
    HEARSAY_QUALIFIERS,
    MODAL_TOKENS,
    MODALITY_CUES,
    VERB_ONLY_CUES,
)
from frontlines.model import Claim, Document, Modality, Quote, Span
from frontlines.nlp.sentences import parsed_sentences
from frontlines.quotes import ParsedDoc, build_quotes, find_attribution, nlp_of, quote_candidates

# Content modalities in order of strength: the first one with a cue in the sentence wins.
CONTENT_ORDER = (Modality.DENIED, Modality.SPECULATIVE, Modality.PREDICTED)


@lru_cache(maxsize=1)
def hearsay_pattern() -> re.Pattern[str]:
    """'on several reports', 'according to local sources': a hearsay source named without a speech verb."""
    prepositions = "|".join(p.replace(" ", r"\s+") for p in HEARSAY_PREPOSITIONS)
    qualifiers = "|".join(sorted(HEARSAY_QUALIFIERS))
    nouns = "|".join(sorted(HEARSAY_NOUNS, key=len, reverse=True))
    return re.compile(rf"\b(?:{prepositions})\s+(?P<source>(?:(?:{qualifiers})\s+){{0,2}}(?:{nouns}))\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    modality: Modality
    span: Span


_WORD = re.compile(r"\w+(?:['’]\w+)*")
CueIndex = dict[str, list[tuple[tuple[str, ...], Modality]]]


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("’", "'").split())


@lru_cache(maxsize=1)
def cue_index() -> CueIndex:
    """Cue phrases by their first word, longest first: a dictionary walk over words beats a 200-way regex."""
    index: CueIndex = {}
    for name, phrases in MODALITY_CUES.items():
        for phrase in phrases:
            words = _words_of(phrase)
            index.setdefault(words[0], []).append((words, Modality(name)))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def _cue_counts(parse: ParsedDoc, start: int, text: str) -> bool:
    """Modal and verb cues must be that part of speech in the parse ("May 2019", "the will", "the claims")."""
    first = text.split()[0].lower() if text.split() else ""
    if first.rstrip("'’") in MODAL_TOKENS or first in ("won't", "won’t"):
        token = parse.token_at(start)
        return token is not None and token.tag_ == "MD"
    if first in VERB_ONLY_CUES and len(text.split()) == 1:
        token = parse.token_at(start)
        return token is not None and token.pos_ in ("VERB", "AUX")
    return True


def folded(text: str) -> str:
    """``text`` lower-cased with curly apostrophes made straight, offset for offset (character by character where
    lower-casing would change the length, as for "İ")."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(low if len(low := char.lower()) == 1 else char for char in text)
    return lowered.replace("’", "'")


def find_cues(parse: ParsedDoc, span: Span, lowered: str | None = None) -> list[Cue]:
    """Every modality cue in ``span``, in text order (longest phrase first where several start at one word).

    ``lowered`` is :func:`folded` of the whole text, passed in to fold it once per document.
    """
    index = cue_index()
    lowered = lowered if lowered is not None else folded(parse.text)
    words = _WORD.findall(lowered, span.start, span.end)
    if not any(word in index for word in words):
        return []
    bounds = [m.span() for m in _WORD.finditer(lowered, span.start, span.end)]
    cues = []
    position = 0
    while position < len(words):
        step = 1
        for phrase, modality in index.get(words[position], ()):
            stop = position + len(phrase)
            if tuple(words[position:stop]) != phrase:
                continue
            cue = Span.of(parse.text, bounds[position][0], bounds[stop - 1][1])
            if _cue_counts(parse, cue.start, cue.text):
                cues.append(Cue(modality, cue))
                step = len(phrase)
                break
        position += step
    return cues


def _pieces(doc: Document, nlp_doc: Any) -> list[Span]:
    """Sentences of event text, split at line breaks (a heading or pull-quote line never joins the next line)."""
    return [Span.of(doc.text, start, end) for start, end, _ in parsed_sentences(nlp_doc) if doc.is_event_text(start)]


@dataclass(frozen=True, slots=True)
class Source:
    name: str = ""
    span: Span | None = None
    cue: Span | None = None  # the attributing word: a speech verb, "according to", a hearsay phrase
    quoted: bool = False  # the sentence is (part of) a direct quote of this source


def _source(parse: ParsedDoc, piece: Span, quotes: list[tuple[Span, Quote]]) -> Source:
    """Who a sentence piece is attributed to: a quote's speaker, a speech verb's subject, a hearsay phrase."""
    for content, quote in quotes:
        if content.overlaps(piece) and quote.speaker:
            return Source(quote.speaker, quote.speaker_span, None, quoted=True)
    chars = parse.nlp.char_span(piece.start, piece.end, alignment_mode="expand")
    found = find_attribution(parse, list(chars) if chars is not None else [], piece.start)
    if found is not None:
        speaker, token = found
        end = token.idx + len(token.text)
        if token.lower_ == "according" and token.i + 1 < len(parse.nlp):
            end = parse.nlp[token.i + 1].idx + len(parse.nlp[token.i + 1].text)
        return Source(speaker.name, speaker.span, Span.of(parse.text, token.idx, end))
    hearsay = hearsay_pattern().search(parse.text, piece.start, piece.end)
    if hearsay is not None:
        return Source(hearsay["source"], Span.of(parse.text, *hearsay.span("source")), _span_of(parse, hearsay))
    return Source()


def _span_of(parse: ParsedDoc, match: re.Match[str]) -> Span:
    return Span.of(parse.text, match.start(), match.end())


def _verb_cue(cues: list[Cue], source: Source) -> Cue | None:
    """The cue the attribution itself sets: its verb's group when the verb is a cue ("confirmed" -> asserted)."""
    if source.cue is None:
        return None
    for cue in cues:
        if cue.span.overlaps(source.cue) and cue.modality in (Modality.REPORTED, Modality.ASSERTED):
            return cue
    return Cue(Modality.REPORTED, source.cue)


def _first(cues: list[Cue], modalities: tuple[Modality, ...]) -> Cue | None:
    for modality in modalities:
        found = [cue for cue in cues if cue.modality == modality]
        if found:
            return found[0]
    return None


def _claim(parse: ParsedDoc, piece: Span, quotes: list[tuple[Span, Quote]], lowered: str) -> Claim | None:
    """The claim a sentence piece makes, or None when it has neither a cue nor a source.

    Content cues decide first (denied > speculative > predicted). A direct quote without one is the speaker's flat
    statement: asserted. Else the attribution decides (its verb's group: "said" reported, "confirmed" asserted),
    else a reporting cue without a named source ("no casualties were reported").
    """
    cues = find_cues(parse, piece, lowered)
    source = _source(parse, piece, quotes)
    chosen = _first(cues, CONTENT_ORDER)
    if chosen is None and source.quoted:
        return Claim(source.name, piece.text, Modality.ASSERTED, piece, source.span, "quote")
    if chosen is None:
        chosen = _verb_cue(cues, source) if source.name else _first(cues, (Modality.REPORTED,))
    if chosen is None:
        return None
    return Claim(source.name, piece.text, chosen.modality, piece, source.span, _cue_text(chosen.span))


def _cue_text(span: Span) -> str:
    return " ".join(span.text.lower().split())


def _repeats_dropped_quote(piece: Span, kept: list[Span], dropped: list[Span]) -> bool:
    return any(span.overlaps(piece) for span in dropped) and not any(span.overlaps(piece) for span in kept)


def extract_claims(doc: Document) -> list[Claim]:
    """Claims of the document's event text, in text order, each with source, modality, cue and spans.

    Reuses ``doc.quotes`` when the quote stage has filled it; finds quote speakers itself otherwise.
    """
    scanned, kept, dropped = quote_candidates(doc)
    nlp_doc = nlp_of(doc)
    parse = ParsedDoc(doc, nlp_doc, scanned)
    quotes = [(q.span, q) for q in (doc.quotes or build_quotes(parse, scanned, kept)) if q.speaker]
    lowered = folded(doc.text)
    claims = []
    for piece in _pieces(doc, nlp_doc):
        if _repeats_dropped_quote(piece, kept, dropped):
            continue
        claim = _claim(parse, piece, quotes, lowered)
        if claim is not None:
            claims.append(claim)
    return claims


__all__ = ["cue_index", "extract_claims", "find_cues"]
