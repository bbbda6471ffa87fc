"""Hand-built documents and events (invented articles) for the store, serialize, export and CLI tests."""

from __future__ import annotations

from datetime import date

from frontlines.model import (
    Actor,
    ActorKind,
    Block,
    BlockKind,
    Casualties,
    CasualtyKind,
    CasualtyReport,
    Claim,
    Count,
    DatePrecision,
    DateRange,
    Discard,
    Document,
    Event,
    ForceSize,
    Modality,
    Place,
    PlaceMention,
    Quote,
    Span,
    TerritoryChange,
    VictimCategory,
)

ARMY = Actor("sd-army", "Military Forces of Sudan", ActorKind.STATE_FORCES, "SD")
MILITIA = Actor("sd-rsf", "Rapid Support Forces", ActorKind.REBEL_GROUP, "SD")
ALLIED = Actor("sd-allied", "Allied Volunteers", ActorKind.POLITICAL_MILITIA, "SD", parent="sd-army")
PROTESTERS = Actor("ml-protesters", "Protesters (Mali)", ActorKind.PROTESTERS, "ML")

TOWN = Place(900001, "Kadugli", 11.01, 29.72, "SD", admin1="South Kordofan", admin2="Kadugli", precision=1)
OTHER_TOWN = Place(900002, "Dilling", 12.05, 29.65, "SD", admin1="South Kordofan", precision=1)
CAPITAL = Place(900003, "Bamako", 12.65, -8.0, "ML", admin1="Bamako", precision=1)

CLASH_TEXT = (
    "Clashes near Kadugli leave 14 dead\n"
    "Fighting between the army and the Rapid Support Forces near Kadugli on Sunday killed at least nine soldiers "
    "and five civilians, a local official said. Eleven other people were wounded.\n"
    '"The attackers shelled the market," said Amal Idris, a spokeswoman for the state government.\n'
    "On Monday the RSF seized the town of Dilling from the army, which had about 3,000 troops there.\n"
    "The RSF will likely push north, according to analysts.\n"
    "Residents flee the town [/Reuters] [bold]photo[/bold]"
)


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def count(text: str, needle: str, value: int, low: int | None = None, qualifier: str = "") -> Count:
    return Count(
        low=value if low is None else low, best=value, high=value, span=span(text, needle), qualifier=qualifier
    )


def clash_document(raw_suffix: str = "") -> Document:
    """A document with two events (a clash with casualties, a territory change), places, a quote and a claim."""
    text = CLASH_TEXT
    doc = Document(
        raw="<html><body>clash report" + raw_suffix + "</body></html>",
        media_type="text/html",
        external_id="clash-1" + raw_suffix,
        url="https://news.example/sudan/clash" + raw_suffix,
        text=text,
        title="Clashes near Kadugli leave 14 dead",
        published=date(2024, 3, 4),
        published_source="metadata",
        language="en",
    )
    caption_start = text.index("Residents flee")
    doc.blocks = [
        Block(BlockKind.TITLE, 0, text.index("\n")),
        Block(BlockKind.BODY, text.index("\n") + 1, caption_start),
        Block(BlockKind.CAPTION, caption_start, len(text)),
    ]
    town = PlaceMention(span(text, "Kadugli", 1), TOWN, 0.9)
    other = PlaceMention(span(text, "Dilling"), OTHER_TOWN, 0.8)
    doc.places = [PlaceMention(span(text, "Kadugli"), TOWN, 0.9), town, other]
    doc.quotes = [
        Quote(
            "Amal Idris",
            "The attackers shelled the market,",
            span(text, "The attackers shelled the market,"),
            role="a spokeswoman for the state government",
            speaker_span=span(text, "Amal Idris"),
        )
    ]
    doc.claims = [
        Claim(
            "analysts",
            "The RSF will likely push north",
            Modality.PREDICTED,
            span(text, "The RSF will likely push north"),
            source_span=span(text, "analysts"),
            cue="will",
        )
    ]
    doc.events = [clash_event(doc, town), territory_event(doc, other)]
    return doc


def clash_event(doc: Document, town: PlaceMention) -> Event:
    text = doc.text
    reports = (
        CasualtyReport(
            CasualtyKind.KILLED,
            count(text, "at least nine", 9, qualifier="at_least"),
            VictimCategory.SECURITY,
            None,
            span(text, "killed at least nine soldiers"),
        ),
        CasualtyReport(
            CasualtyKind.KILLED, count(text, "five", 5), VictimCategory.CIVILIANS, None, span(text, "five civilians")
        ),
        CasualtyReport(
            CasualtyKind.WOUNDED,
            count(text, "Eleven", 11),
            VictimCategory.UNKNOWN,
            None,
            span(text, "Eleven other people were wounded"),
        ),
    )
    return Event(
        event_id=doc.doc_id + "-0",
        doc_id=doc.doc_id,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        trigger=span(text, "Fighting"),
        actor1=ARMY,
        actor2=MILITIA,
        assoc_actor_1=(ALLIED,),
        actor_spans=(("sd-army", span(text, "army")), ("sd-rsf", span(text, "Rapid Support Forces"))),
        date=DateRange(date(2024, 3, 3), date(2024, 3, 3), DatePrecision.DAY, span(text, "Sunday")),
        location=town,
        casualties=Casualties(reports),
        confidence=0.8,
        sentence=span(
            text,
            "Fighting between the army and the Rapid Support Forces near Kadugli on Sunday killed at "
            "least nine soldiers and five civilians, a local official said.",
        ),
    )


def territory_event(doc: Document, place: PlaceMention) -> Event:
    text = doc.text
    troops = ForceSize(count(text, "about 3,000", 3000, qualifier="about"), ARMY, span(text, "about 3,000 troops"))
    return Event(
        event_id=doc.doc_id + "-1",
        doc_id=doc.doc_id,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        trigger=span(text, "seized"),
        actor1=MILITIA,
        actor2=ARMY,
        actor_spans=(("sd-rsf", span(text, "RSF")), ("sd-army", span(text, "army", 1))),
        date=DateRange(date(2024, 3, 4), date(2024, 3, 4), DatePrecision.DAY, span(text, "Monday")),
        location=place,
        force_sizes=(troops,),
        territory=TerritoryChange(place, ARMY, MILITIA, span(text, "seized the town of Dilling from the army")),
        confidence=0.6,
        sentence=span(
            text, "On Monday the RSF seized the town of Dilling from the army, which had about 3,000 troops there."
        ),
    )


PROTEST_TEXT = "Hundreds of people marched in Bamako on Friday to demand the release of detained journalists."


def protest_document() -> Document:
    """A document with one undated-precision (month) protest event in another country, no casualties."""
    text = PROTEST_TEXT
    doc = Document(
        raw=text,
        external_id="protest-7",
        source_path="inbox/protest.txt",
        text=text,
        language="en",
        title="",
        published=date(2024, 5, 11),
        published_source="input",
    )
    where = PlaceMention(span(text, "Bamako"), CAPITAL)
    doc.places = [where]
    doc.events = [
        Event(
            event_id=doc.doc_id + "-0",
            doc_id=doc.doc_id,
            disorder_type="Demonstrations",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            trigger=span(text, "marched"),
            actor1=PROTESTERS,
            actor_spans=(("ml-protesters", span(text, "Hundreds of people")),),
            date=DateRange(date(2024, 5, 1), date(2024, 5, 31), DatePrecision.MONTH, None),
            location=where,
            confidence=0.7,
        )
    ]
    return doc


def undated_document() -> Document:
    """A document with one event that has no date, place or actors."""
    text = "An explosion was heard overnight."
    doc = Document(raw="undated:" + text, external_id="undated-1", text=text, language="en")
    doc.events = [
        Event(
            event_id=doc.doc_id + "-0",
            doc_id=doc.doc_id,
            disorder_type="Political violence",
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            trigger=span(text, "explosion"),
            confidence=0.3,
        )
    ]
    return doc


def discarded_document(reason: str = "not_english", raw: str = "Ceci n'est pas un article.") -> Document:
    return Document(raw=raw, external_id="discard-" + reason, discard=Discard(reason, "langid says fr"))
