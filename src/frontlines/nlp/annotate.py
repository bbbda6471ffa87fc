"""The annotate stage: parse ``Document.text`` with spaCy and list its mentions.

``build_pipeline()`` is the cached English pipeline of :func:`frontlines.nlp.model.load_spacy` with an
``entity_ruler`` before ``ner`` that labels dictionary actors ``ACTOR`` (so "Islamic State" is an actor, not a NORP).
``annotate(doc)`` assigns ``doc.nlp`` (a spaCy Doc over exactly ``doc.text``) and ``doc.mentions``:
ACTOR mentions carry the resolved actor id as value; PERSON, PLACE (GPE/LOC/FAC, value ""), DATE and NUMBER
(CARDINAL) mentions carry their NER label.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from frontlines.model import Block, BlockKind, Document, Mention, MentionKind, Span

# Paragraphs at the top of an article that are always parsed (the lead holds the who, where and when).
LEAD_PARAGRAPHS = 1
LEAD_KINDS = (BlockKind.BODY, BlockKind.HEADING)
RULER_NAME = "entity_ruler"
REFINE_NAME = "actor_refine"
# NER labels that become mentions, with their kind (ACTOR mentions come from the actor resolver).
LABEL_KINDS = {
    "PERSON": MentionKind.PERSON,
    "GPE": MentionKind.PLACE,
    "LOC": MentionKind.PLACE,
    "FAC": MentionKind.PLACE,
    "DATE": MentionKind.DATE,
    "CARDINAL": MentionKind.NUMBER,
}
RULER_CONFIG = {"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": False}


@lru_cache(maxsize=1)
def build_pipeline() -> Any:
    """The spaCy pipeline with the actor EntityRuler and its refiner before NER, built once per process.

    The ruler holds phrase patterns only (hash lookups, fast for thousands of names); ``actor_refine`` drops
    wrong-case and non-noun matches and adds '<demonym> <force noun>' phrases (see frontlines.actors.ruler)."""
    from spacy.language import Language

    from frontlines.actors.dictionary import default_dictionary
    from frontlines.nlp.model import load_spacy

    nlp = load_spacy()
    if RULER_NAME in nlp.pipe_names:
        return nlp
    if not Language.has_factory(REFINE_NAME):
        Language.component(REFINE_NAME, func=_refine)
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config=RULER_CONFIG)
    # Only the tokenizer runs over phrase patterns when the ruler is the one enabled pipe.
    with nlp.select_pipes(enable=[RULER_NAME]):
        ruler.add_patterns(default_dictionary().phrase_patterns())
    nlp.add_pipe(REFINE_NAME, after=RULER_NAME)
    return nlp


def _refine(sdoc: Any) -> Any:
    return _refiner()(sdoc)


@lru_cache(maxsize=1)
def _refiner() -> Any:
    from frontlines.actors.dictionary import default_dictionary
    from frontlines.actors.ruler import make_refiner
    from frontlines.nlp.model import load_spacy

    nlp = load_spacy()
    return make_refiner(default_dictionary(), tokenize=lambda text: [t.text for t in nlp.make_doc(text)])


def annotate(doc: Document) -> Document:
    """Parse ``doc.text`` (up to the nlp_max_chars setting) and assign ``doc.nlp`` and ``doc.mentions``."""
    doc.nlp = build_pipeline()(parsed_text(doc))
    doc.mentions = mentions_of(doc)
    return doc


def parsed_text(doc: Document, limit: int | None = None) -> str:
    """What spaCy parses: ``doc.text`` with the blocks that cannot matter masked by spaces (offsets unchanged).

    Kept: the title, the lead paragraph and every event-text block with conflict vocabulary, in order, until
    ``limit`` characters (the nlp_max_chars setting) are kept; captions, pull-quotes, quiet paragraphs and
    everything past the limit are masked. Whitespace is nearly free to tokenize, so the parse costs
    what the kept text costs, and every spaCy offset still equals a ``Document.text`` offset."""
    from frontlines import settings
    from frontlines.caseless import CaselessText
    from frontlines.relevance import relevance_pattern

    limit = settings.get_int("nlp_max_chars") if limit is None else limit
    if not doc.blocks:
        return parsed_part(doc.text, limit)
    pattern, text, kept, budget, paragraphs = relevance_pattern(), CaselessText.of(doc.text), [], limit, 0
    for block in doc.blocks:
        if budget <= 0:  # nothing more is kept: the rest need not be searched
            break
        lead = block.kind == BlockKind.TITLE or (block.kind in LEAD_KINDS and paragraphs < LEAD_PARAGRAPHS)
        paragraphs += block.kind in LEAD_KINDS
        if lead or (doc.is_event_text(block.start) and pattern.found(text, block.start, block.end)):
            kept.append(block)
            budget -= block.end - block.start
    return _mask_except(doc.text, kept)


def _mask_except(text: str, kept: list[Block]) -> str:
    pieces, at = [], 0
    for block in kept:
        pieces += [_blank(text[at : block.start]), text[block.start : block.end]]
        at = block.end
    pieces.append(_blank(text[at:]))
    return "".join(pieces)


def _blank(text: str) -> str:
    """Every character but line breaks turned into a space (line by line: far faster than a regex substitution)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def parsed_part(text: str, limit: int) -> str:
    """The start of an unblocked text up to the last sentence end before the limit (all of it when short)."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(end, 0, limit) for end in (". ", ".\n", "\n\n", "! ", "? "))
    return text[: cut + 1] if cut > limit // 2 else text[:limit]


def annotate_many(docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
    """Annotate documents in batches through ``nlp.pipe`` (one process); yields them in input order."""
    nlp = build_pipeline()
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _annotate_batch(nlp, batch, batch_size)
            batch = []
    if batch:
        yield from _annotate_batch(nlp, batch, batch_size)


def _annotate_batch(nlp: Any, batch: list[Document], batch_size: int) -> Iterator[Document]:
    for doc, sdoc in zip(batch, nlp.pipe((parsed_text(d) for d in batch), batch_size=batch_size), strict=True):
        doc.nlp = sdoc
        doc.mentions = mentions_of(doc)
        yield doc


def mentions_of(doc: Document) -> list[Mention]:
    """Mentions of an annotated document in reading order: resolved actors, then NER people, places, dates and
    numbers."""
    from frontlines.actors.resolve import actor_mentions

    mentions = [
        Mention(span=span, kind=MentionKind.ACTOR, value=actor.id, label=label)
        for span, actor, label in actor_mentions(doc)
    ]
    for ent in doc.nlp.ents:
        kind = LABEL_KINDS.get(ent.label_)
        if kind is not None:
            mentions.append(Mention(span=Span.of(doc.text, ent.start_char, ent.end_char), kind=kind, label=ent.label_))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return mentions
