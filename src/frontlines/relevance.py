"""The relevance gate: a document with no conflict vocabulary at all in its event text is discarded as
``not_conflict`` before the (costly) parse. Controlled by the ``relevance_gate`` setting."""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines import settings
from frontlines.model import Discard, Document
from frontlines.relevance_lexicon import RELEVANCE_GROUPS


@lru_cache(maxsize=1)
def relevance_pattern() -> re.Pattern[str]:
    stems = "|".join(f"(?:{group})" for group in RELEVANCE_GROUPS.values())
    return re.compile(rf"\b(?:{stems})\b", re.IGNORECASE)


def is_relevant(doc: Document) -> bool:
    """True when the event text (title, headings, body; not captions) has at least one conflict word."""
    pattern = relevance_pattern()
    if not doc.blocks:
        return pattern.search(doc.text) is not None
    return any(pattern.search(doc.text, block.start, block.end) for block in doc.event_text_blocks())


def gate_enabled() -> bool:
    return settings.get("relevance_gate").lower() not in ("0", "off", "false", "no")


def relevance_gate(doc: Document) -> Document:
    if gate_enabled() and not is_relevant(doc):
        doc.discard = Discard("not_conflict", "no conflict vocabulary in the text")
    return doc
