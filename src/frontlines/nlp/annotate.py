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

from frontlines.model import Document, Mention, MentionKind, Span

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
    doc.nlp = build_pipeline()(parsed_part(doc.text))
    doc.mentions = mentions_of(doc)
    return doc


def parsed_part(text: str, limit: int | None = None) -> str:
    """The start of ``text`` that is parsed: all of it, or up to the last sentence end before the limit. The spaCy
    Doc over it keeps offsets equal to ``Document.text``'s; what lies beyond is stored and exported, not parsed."""
    from frontlines import settings

    limit = settings.get_int("nlp_max_chars") if limit is None else limit
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
    for doc, sdoc in zip(batch, nlp.pipe((parsed_part(d.text) for d in batch), batch_size=batch_size), strict=True):
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
