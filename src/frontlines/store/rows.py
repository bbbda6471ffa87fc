"""Table rows of one document, built from its serialized dicts: what the SQLite and PostgreSQL stores insert.

Pure functions of the data, so the SQL modules only run statements. Every row is a tuple in column order of the
matching ``INSERT`` in :mod:`frontlines.store.sqlite` and :mod:`frontlines.store.postgres`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from frontlines.model import Actor, Document, Event

log = logging.getLogger(__name__)

Row = tuple[Any, ...]

# Event columns added by migration 0002, in the order event_row appends them.
EVENT_COLUMNS_0002 = (
    "external_id",
    "inter1",
    "inter2",
    "iso",
    "source",
    "notes",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def document_row(record: dict[str, Any], processed_at: str) -> Row:
    """The documents row; the JSON column leaves out the text, which has its own column."""
    discard = record["discard"] or {}
    slim = {key: value for key, value in record.items() if key != "text"}
    return (
        record["doc_id"],
        record["external_id"],
        record["url"],
        record["source_path"],
        record["title"],
        record["published"],
        record["language"],
        record["text"],
        discard.get("reason"),
        discard.get("detail"),
        processed_at,
        dumps(slim),
    )


def unique_events(doc: Document) -> list[Event]:
    """The document's events, each id once: a repeated id would fail the whole document, so later copies go."""
    seen: dict[str, Event] = {}
    for event in doc.events:
        if event.event_id in seen:
            log.warning("document %s: event id %s repeats; keeping the first", event.doc_id, event.event_id)
        else:
            seen[event.event_id] = event
    return list(seen.values())


def event_row(record: dict[str, Any], seq: int) -> Row:
    return (
        record["event_id"],
        record["doc_id"],
        seq,
        record["event_date"],
        record["event_date_end"],
        record["time_precision"],
        record["disorder_type"],
        record["event_type"],
        record["sub_event_type"],
        record["actor1"],
        record["actor1_id"],
        record["actor2"],
        record["actor2_id"],
        record["interaction"],
        record["country"],
        record["country_code"],
        record["admin1"],
        record["admin2"],
        record["location"],
        record["latitude"],
        record["longitude"],
        record["geo_precision"],
        record["geonameid"],
        record["fatalities"],
        record["wounded"],
        record["confidence"],
        dumps(record),
        *(record[name] for name in EVENT_COLUMNS_0002),
    )


def event_actors(event: Event) -> list[tuple[str, Actor]]:
    """(role, actor) pairs of an event: actor1, actor2 and their associates."""
    pairs: list[tuple[str, Actor]] = []
    if event.actor1 is not None:
        pairs.append(("actor1", event.actor1))
    if event.actor2 is not None:
        pairs.append(("actor2", event.actor2))
    pairs += [("assoc_actor_1", actor) for actor in event.assoc_actor_1]
    pairs += [("assoc_actor_2", actor) for actor in event.assoc_actor_2]
    return pairs


def actor_row(actor: Actor) -> Row:
    return (actor.id, actor.name, actor.kind.value, actor.country, actor.parent)


def evidence_rows(record: dict[str, Any]) -> list[Row]:
    return [
        (record["event_id"], name, span["start"], span["end"], span["text"])
        for name, spans in record["evidence"].items()
        for span in spans
    ]


def place_rows(doc: Document) -> list[Row]:
    places = {m.place.geonameid: m.place for m in doc.places}
    return [(p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2) for p in places.values()]


def doc_place_rows(doc: Document) -> list[Row]:
    doc_id = doc.doc_id  # a hash of the raw page: compute it once
    return [(doc_id, m.span.start, m.span.end, m.place.geonameid, m.score) for m in doc.places]


def quote_rows(doc: Document) -> list[Row]:
    doc_id = doc.doc_id
    return [(doc_id, seq, q.speaker, q.role, q.text, q.span.start, q.span.end) for seq, q in enumerate(doc.quotes)]


def claim_rows(doc: Document) -> list[Row]:
    doc_id = doc.doc_id
    return [
        (doc_id, seq, c.source, c.text, c.modality.value, c.cue, c.span.start, c.span.end)
        for seq, c in enumerate(doc.claims)
    ]
