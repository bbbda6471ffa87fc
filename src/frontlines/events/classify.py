"""The primary-event classifier for short texts: the first event ``detect_events`` finds, or ``"none"``.

Chosen by measurement on the dev set (see the module report in the events docs): the lexicon and patterns of
``lexicon.py`` alone; no trained model is shipped.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.detect import detect_events, primary_sub_event
from frontlines.model import Document


def classify_document(doc: Document) -> str:
    """The ACLED sub-event type of a document's primary event, or ``"none"``."""
    return primary_sub_event(detect_events(doc))


def classify_text(text: str, *, nlp: Any = None) -> str:
    """The primary sub-event type of a plain text (parsed with ``nlp`` or the cached spaCy pipeline)."""
    if nlp is None:
        from frontlines.nlp.model import load_spacy

        nlp = load_spacy()
    doc = Document(raw=text, text=text)
    doc.nlp = nlp(text)
    return classify_document(doc)
