"""The default stages, in order. Each is a thin adapter from a module's function to the Stage shape."""

from __future__ import annotations

from frontlines.model import Document
from frontlines.pipeline import Stage


def _clean(doc: Document) -> Document:
    from frontlines import settings
    from frontlines.clean import clean_document

    return clean_document(doc, max_bytes=settings.get_int("max_input_bytes"))


def _relevance(doc: Document) -> Document:
    from frontlines.relevance import relevance_gate

    return relevance_gate(doc)


def _annotate(doc: Document) -> Document:
    from frontlines.nlp.annotate import annotate

    return annotate(doc)


def _annotate_many(docs: list[Document]) -> list[Document]:
    from frontlines.nlp.annotate import annotate_many

    return list(annotate_many(docs))


def _actors(doc: Document) -> Document:
    from frontlines.actors import find_actors

    doc.actors = find_actors(doc)
    return doc


def _places(doc: Document) -> Document:
    from frontlines.geo import geoparse

    doc.places = geoparse(doc)
    return doc


def _quotes_and_claims(doc: Document) -> Document:
    from frontlines.claims import extract_claims
    from frontlines.quotes import extract_quotes

    doc.quotes = extract_quotes(doc)
    doc.claims = extract_claims(doc)
    return doc


def _events(doc: Document) -> Document:
    from frontlines.events.assemble import build_events

    doc.events = build_events(doc)
    return doc


def default_stages() -> list[Stage]:
    return [
        Stage("clean", _clean, requires=("raw", "media_type"), assigns=("text", "title", "published", "blocks")),
        Stage("relevance", _relevance, requires=("text", "blocks")),
        Stage("annotate", _annotate, requires=("text",), assigns=("nlp", "mentions"), run_many=_annotate_many),
        Stage("actors", _actors, requires=("nlp",), assigns=("actors",)),
        Stage("places", _places, requires=("nlp",), assigns=("places",)),
        Stage("quotes", _quotes_and_claims, requires=("nlp",), assigns=("quotes", "claims")),
        Stage("events", _events, requires=("nlp", "actors", "places", "published"), assigns=("events",)),
    ]
