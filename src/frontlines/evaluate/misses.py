"""``frontlines eval --errors``: every gold item the system got wrong, with what it predicted and why."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from frontlines.model import Document

# Figures that are not rates in [0, 1] (counts, errors in km or people) and so say nothing of a single miss.
NOT_RATES = ("_n", "_mae", "_median_err_km", "n")


def write_misses(path: Path, processed: list[tuple[dict[str, Any], Document]], families: Iterable[Any]) -> int:
    """Write one JSON line per (item, metric family) that is not perfect; returns how many."""
    written = 0
    families = list(families)
    with path.open("w", encoding="utf-8") as out:
        for record, doc in processed:
            for family in families:
                if not family.applies(record["gold"]):
                    continue
                predicted = family.predict(doc)
                figures = family.score([(record["gold"], predicted)])
                if _perfect(figures):
                    continue
                line = {
                    "id": record["id"],
                    "family": family.name,
                    "gold": {key: record["gold"][key] for key in family.keys if key in record["gold"]},
                    "predicted": to_jsonable(predicted),
                    "figures": figures,
                    "evidence": evidence_of(doc),
                }
                out.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
                written += 1
    return written


def _perfect(figures: dict[str, float]) -> bool:
    rates = [value for key, value in figures.items() if not key.endswith(NOT_RATES) and key != "n"]
    return all(value != value or value >= 1.0 for value in rates)  # NaN: not applicable to this item


def evidence_of(doc: Document) -> dict[str, Any]:
    """The spans behind the prediction, so a person can see why."""
    return {
        "discard": to_jsonable(doc.discard),
        "error": doc.title if "error" in doc.timings else "",
        "events": [
            {
                "sub_event_type": event.sub_event_type,
                "trigger": event.trigger.text,
                "sentence": event.sentence.text if event.sentence else "",
                "actor1": event.actor1.name if event.actor1 else None,
                "actor2": event.actor2.name if event.actor2 else None,
                "location": to_jsonable(event.location),
                "casualties": to_jsonable(event.casualties.reports),
            }
            for event in doc.events
        ],
    }


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_jsonable(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value
