"""Casualties and force sizes read from a document's text.

- :func:`extract_casualties` -> ``list[CasualtyReport]``: killed, wounded, captured, missing, per victim category;
- :func:`extract_force_sizes` -> ``list[ForceSize]``: "a force of 17,000 fighters" (never casualties);
- :func:`summarize` -> the coded totals of ``shared/eval/casualty-coding.md`` (fatalities, wounded, parts);
- :func:`casualty_summary` -> ``summarize(extract_casualties(doc))``.

Reads ``doc.text``, ``doc.nlp`` (parsed here when None), ``doc.actors`` and ``doc.blocks``; assigns nothing.
"""

from __future__ import annotations

from frontlines.casualties.extract import extract_casualties
from frontlines.casualties.forces import extract_force_sizes
from frontlines.casualties.summary import summarize
from frontlines.model import Document


def casualty_summary(doc: Document) -> dict[str, int | None]:
    """The coded casualty totals of one document."""
    return summarize(extract_casualties(doc))


__all__ = ["casualty_summary", "extract_casualties", "extract_force_sizes", "summarize"]
