"""Offline geocoding: find toponyms, resolve them against a GeoNames gazetteer, and pick an event's place.

``geoparse`` is a numbered recipe over small modules: ``normalize`` (lookup keys), ``gazetteer`` (the protocol,
the in-memory fake and the GeoNames tables), ``recognize`` (toponyms in a spaCy Doc), ``resolve`` (one place per
toponym) and ``locate`` (``locate_event``). Nothing is loaded at import: the gazetteer loads on first use through
``default_gazetteer()``.
"""

from __future__ import annotations

from frontlines.geo.gazetteer import Gazetteer, GeoNamesGazetteer, InMemoryGazetteer, Match, default_gazetteer
from frontlines.geo.locate import coordinated_places, locate_event
from frontlines.geo.normalize import loose_key, name_key
from frontlines.geo.recognize import Toponym, recognize
from frontlines.geo.resolve import resolve
from frontlines.model import BlockKind, Document, PlaceMention

__all__ = [
    "Gazetteer",
    "GeoNamesGazetteer",
    "InMemoryGazetteer",
    "Match",
    "Toponym",
    "coordinated_places",
    "default_gazetteer",
    "geoparse",
    "locate_event",
    "loose_key",
    "name_key",
]

_SIDE_BLOCKS = (BlockKind.CAPTION, BlockKind.PULLQUOTE)


def _parsed(doc: Document) -> object:
    if doc.nlp is None:
        from frontlines.nlp.model import load_spacy

        doc.nlp = load_spacy()(doc.text)
    return doc.nlp


def _skip_side_duplicates(doc: Document, toponyms: list[Toponym]) -> list[Toponym]:
    """Caption and pull-quote toponyms that repeat a name of the body add nothing: drop them."""
    if not doc.blocks:
        return toponyms
    in_side = [(b := doc.block_at(t.span.start)) is not None and b.kind in _SIDE_BLOCKS for t in toponyms]
    body_names = {t.span.text for t, side in zip(toponyms, in_side, strict=True) if not side}
    return [t for t, side in zip(toponyms, in_side, strict=True) if not (side and t.span.text in body_names)]


def geoparse(doc: Document, gazetteer: Gazetteer | None = None, *, demonyms: bool = True) -> list[PlaceMention]:
    """Every resolved toponym of ``doc.text`` (parsing it with spaCy first when ``doc.nlp`` is unset).

    Demonyms ("Syrian", "Palestinians") resolve to their country, as geoparsing corpora code them; pass
    ``demonyms=False`` to leave them out."""
    # 1. the gazetteer and the parse
    gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
    sdoc = _parsed(doc)
    # 2. recognize toponyms (spaCy places, repaired name runs, strong gazetteer matches, demonyms)
    toponyms = recognize(sdoc, doc.text, gazetteer)
    if not demonyms:
        toponyms = [t for t in toponyms if not t.demonym]
    # 3. drop caption/pull-quote repeats of body names
    toponyms = _skip_side_duplicates(doc, toponyms)
    # 4. resolve each to one place with document context (country focus, admin areas, containment)
    return resolve(toponyms, doc.text, gazetteer)
