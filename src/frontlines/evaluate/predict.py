"""What the system predicts for each gold key, read off a processed Document."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.model import Document, Place, PlaceMention

# Gold keys answered by the clean stage alone; any other key needs the whole pipeline.
CLEAN_ONLY_KEYS = frozenset({"body", "body_with", "body_without", "published"})
CASUALTY_KEYS = ("fatalities", "wounded", "killed_civilians", "killed_security", "killed_perpetrators")


def needs_full_pipeline(gold: dict[str, Any]) -> bool:
    return any(key not in CLEAN_ONLY_KEYS for key in gold)


def main_text(doc: Document) -> str:
    from frontlines.clean import main_text as clean_main_text

    return clean_main_text(doc) if doc.text else ""


def published(doc: Document) -> date | None:
    return doc.published


def primary_event_type(doc: Document) -> str:
    return doc.events[0].sub_event_type if doc.events else "none"


def casualty_summary(doc: Document) -> dict[str, int | None]:
    from frontlines.casualties import extract_casualties, summarize

    if doc.discard is not None or not doc.text:
        return dict.fromkeys(CASUALTY_KEYS)
    return summarize(extract_casualties(doc))


def event_locations(doc: Document) -> list[Place]:
    return [event.location.place for event in doc.events if event.location is not None]


def places(doc: Document) -> list[PlaceMention]:
    return list(doc.places)
