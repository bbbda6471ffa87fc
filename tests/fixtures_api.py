"""A store for the API, web and export-format tests: the store fixtures plus a second report of the Kadugli clash
(one incident, two documents) and an article whose text carries HTML that must never run in the page."""

from __future__ import annotations

from datetime import date

from fixtures_store import (
    ARMY,
    MILITIA,
    TOWN,
    clash_document,
    discarded_document,
    protest_document,
    span,
    undated_document,
)
from frontlines.model import (
    Casualties,
    CasualtyKind,
    CasualtyReport,
    Count,
    DatePrecision,
    DateRange,
    Document,
    Event,
    PlaceMention,
    VictimCategory,
)
from frontlines.store import SQLiteStore

HOSTILE_MARKUP = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

SECOND_REPORT_TEXT = (
    "Army and RSF fight near Kadugli\n"
    "Twelve people died on Sunday when the army and RSF fighters clashed outside Kadugli, medics said. "
    + HOSTILE_MARKUP
    + " The hospital asked for blood donors."
)


def second_report() -> Document:
    """Another outlet's report of the Kadugli clash: same day, place and type; twelve killed; hostile markup."""
    text = SECOND_REPORT_TEXT
    doc = Document(
        raw="<html>second report</html>",
        external_id="clash-2",
        url="https://other.example/kadugli",
        text=text,
        title="Army and RSF fight near " + HOSTILE_MARKUP,
        published=date(2024, 3, 4),
        language="en",
    )
    where = PlaceMention(span(text, "Kadugli", 1), TOWN, 0.9)
    doc.places = [where]
    killed = CasualtyReport(
        CasualtyKind.KILLED,
        Count(low=12, best=12, high=12, span=span(text, "Twelve")),
        VictimCategory.UNKNOWN,
        None,
        span(text, "Twelve people died"),
    )
    doc.events = [
        Event(
            event_id=doc.doc_id + "-0",
            doc_id=doc.doc_id,
            disorder_type="Political violence",
            event_type="Battles",
            sub_event_type="Armed clash",
            trigger=span(text, "clashed"),
            actor1=ARMY,
            actor2=MILITIA,
            actor_spans=(("sd-army", span(text, "army", 0)), ("sd-rsf", span(text, "RSF", 1))),
            date=DateRange(date(2024, 3, 3), date(2024, 3, 3), DatePrecision.DAY, span(text, "Sunday")),
            location=where,
            casualties=Casualties((killed,)),
            confidence=0.7,
            sentence=span(text, "Twelve people died on Sunday when the army and RSF fighters clashed outside Kadugli"),
        )
    ]
    return doc


def documents() -> list[Document]:
    return [clash_document(), second_report(), protest_document(), undated_document(), discarded_document()]


def filled_store(path: str = ":memory:") -> SQLiteStore:
    store = SQLiteStore(path)
    for doc in documents():
        store.save(doc)
    return store
