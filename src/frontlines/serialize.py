"""Events and documents as plain dicts: the shape of the JSON output, the CSV rows and the store's JSON columns.

The shape is published as JSON Schema in ``frontlines/schema/`` (``event.schema.json``, ``document.schema.json``);
a change here is a change there, noted in the changelog.

Events use ACLED's column names (event_date, actor1, fatalities...), UCDP GED's per-side deaths (deaths_a, deaths_b,
deaths_civilians, deaths_unknown, low, best, high) and our extras: ids, casualty reports, force sizes, territory,
confidence and ``evidence`` (for every field, the spans of the document's text it was read from).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from frontlines.events.taxonomy import INTER_CODE_OF_KIND
from frontlines.model import (
    TIME_PRECISION_CODE,
    Actor,
    CasualtyKind,
    CasualtyReport,
    Claim,
    Count,
    Document,
    Event,
    ForceSize,
    PlaceMention,
    Quote,
    Side,
    Span,
    TerritoryChange,
    VictimCategory,
    category_of,
)

# ACLED's inter1/inter2 actor codes by actor kind live with the taxonomy. GOVERNMENT counts as state forces, OTHER as
# "external/other forces"; UNKNOWN has no code, so an event with an unknown actor has no interaction.
INTER_CODE = INTER_CODE_OF_KIND

# The evidence keys every serialized event carries (each a list of spans, possibly empty).
EVIDENCE_FIELDS = (
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "event_date",
    "location",
    "fatalities",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "wounded",
    "force_sizes",
    "territory",
    "notes",
)


def span_dict(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span is not None else None


def _unique_spans(spans: list[Span | None]) -> list[dict[str, Any]]:
    seen: set[tuple[int, int]] = set()
    out = []
    for span in spans:
        if span is not None and (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span.to_dict())
    return out


@lru_cache(maxsize=512)
def _country(alpha2: str) -> tuple[str, int | None]:
    """(English name, ISO 3166-1 numeric code) of an alpha-2 code; the code itself and None when unknown."""
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    if found is None:
        return alpha2, None
    return found.name, int(found.numeric)


def inter_code(actor: Actor | None) -> int | None:
    """ACLED's inter1/inter2 code of an actor; None for no actor or an actor of unknown kind."""
    return INTER_CODE.get(actor.kind) if actor is not None else None


def interaction(actor1: Actor | None, actor2: Actor | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (12, 17...), or the sole actor's code times 10."""
    code1, code2 = inter_code(actor1), inter_code(actor2)
    if code1 is None or (actor2 is not None and code2 is None):
        return None
    if code2 is None:
        return code1 * 10
    low, high = sorted((code1, code2))
    return low * 10 + high


def _is_party(actor: Actor | None, main: Actor | None, assoc: tuple[Actor, ...]) -> bool:
    """True when ``actor`` is the main actor, its parent organisation, a unit of it, or one of its associates."""
    if actor is None or main is None:
        return False
    return actor.id in {main.id, main.parent, *(a.id for a in assoc)} - {""} or actor.parent == main.id


def side_of(report: CasualtyReport, event: Event) -> Side:
    """Whose dead a report counts: civilians first, then the named actor's side, then the side whose category fits."""
    if report.category == VictimCategory.CIVILIANS:
        return Side.CIVILIANS
    if _is_party(report.actor, event.actor1, event.assoc_actor_1):
        return Side.ACTOR1
    if _is_party(report.actor, event.actor2, event.assoc_actor_2):
        return Side.ACTOR2
    if report.category != VictimCategory.UNKNOWN:
        fits1 = event.actor1 is not None and category_of(event.actor1) == report.category
        fits2 = event.actor2 is not None and category_of(event.actor2) == report.category
        if fits1 != fits2:
            return Side.ACTOR1 if fits1 else Side.ACTOR2
    return Side.UNKNOWN


def _sum(counts: list[Count]) -> tuple[int, int, int] | None:
    if not counts:
        return None
    return sum(c.low for c in counts), sum(c.best for c in counts), sum(c.high for c in counts)


def _deaths(event: Event) -> dict[str, Any]:
    """UCDP-style deaths per side plus ACLED fatalities; all null when the text states no deaths."""
    killed = [r for r in event.casualties.reports if r.kind == CasualtyKind.KILLED]
    totals = _sum([r.count for r in killed if not r.subcount])
    if totals is None:
        keys = ("fatalities", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "best", "high")
        return dict.fromkeys(keys)
    by_side = {side: 0 for side in Side}
    for report in killed:
        if not report.subcount:
            by_side[side_of(report, event)] += report.count.best
    for report in killed:  # "14 killed, including nine soldiers": nine of the unattributed 14 move to their side
        side = side_of(report, event)
        if report.subcount and side != Side.UNKNOWN and by_side[Side.UNKNOWN] >= report.count.best:
            by_side[Side.UNKNOWN] -= report.count.best
            by_side[side] += report.count.best
    return {
        "fatalities": totals[1],
        "deaths_a": by_side[Side.ACTOR1],
        "deaths_b": by_side[Side.ACTOR2],
        "deaths_civilians": by_side[Side.CIVILIANS],
        "deaths_unknown": by_side[Side.UNKNOWN],
        "low": totals[0],
        "best": totals[1],
        "high": totals[2],
    }


def _wounded(event: Event) -> int | None:
    total = event.casualties.total(CasualtyKind.WOUNDED)
    return total.best if total is not None else None


def _actor_ref(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"id": actor.id, "name": actor.name, "kind": actor.kind.value, "country": actor.country}


def casualty_to_dict(report: CasualtyReport, event: Event) -> dict[str, Any]:
    return {
        "kind": report.kind.value,
        "category": report.category.value,
        "side": side_of(report, event).value,
        "actor": _actor_ref(report.actor),
        "low": report.count.low,
        "best": report.count.best,
        "high": report.count.high,
        "qualifier": report.count.qualifier,
        "subcount": report.subcount,
        "count_span": report.count.span.to_dict(),
        "span": span_dict(report.span),
    }


def force_size_to_dict(force: ForceSize) -> dict[str, Any]:
    return {
        "actor": _actor_ref(force.actor),
        "low": force.count.low,
        "best": force.count.best,
        "high": force.count.high,
        "qualifier": force.count.qualifier,
        "note": force.note,
        "count_span": force.count.span.to_dict(),
        "span": span_dict(force.span),
    }


def territory_to_dict(change: TerritoryChange | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "place": change.place.place.name,
        "geonameid": change.place.place.geonameid,
        "place_span": change.place.span.to_dict(),
        "from": _actor_ref(change.from_actor),
        "to": _actor_ref(change.to_actor),
        "span": change.span.to_dict(),
    }


def _actor_fields(event: Event) -> dict[str, Any]:
    def names(actors: tuple[Actor, ...]) -> str:
        return "; ".join(a.name for a in actors)

    code1, code2 = inter_code(event.actor1), inter_code(event.actor2)
    return {
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": names(event.assoc_actor_1),
        "inter1": code1,
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": names(event.assoc_actor_2),
        "inter2": code2,
        "interaction": interaction(event.actor1, event.actor2),
    }


def _date_fields(event: Event) -> dict[str, Any]:
    if event.date is None:
        return {"event_date": None, "event_date_end": None, "time_precision": None}
    return {
        "event_date": event.date.start.isoformat(),
        "event_date_end": event.date.end.isoformat(),
        "time_precision": TIME_PRECISION_CODE[event.date.precision],
    }


def _place_fields(mention: PlaceMention | None) -> dict[str, Any]:
    if mention is None:
        keys = ("country", "iso", "country_code", "admin1", "admin2", "location", "latitude", "longitude")
        return {**dict.fromkeys(keys), "geo_precision": None, "geonameid": None}
    place = mention.place
    name, numeric = _country(place.country)
    return {
        "country": name or None,
        "iso": numeric,
        "country_code": place.country or None,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "location": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": place.precision,
        "geonameid": place.geonameid,
    }


def _actor_spans(event: Event, actors: tuple[Actor | None, ...]) -> list[Span | None]:
    ids = {a.id for a in actors if a is not None}
    return [span for actor_id, span in event.actor_spans if actor_id in ids]


def _report_spans(event: Event, kind: CasualtyKind, side: Side | None = None) -> list[Span | None]:
    return [
        r.count.span for r in event.casualties.reports if r.kind == kind and (side is None or side_of(r, event) == side)
    ]


def evidence_of(event: Event) -> dict[str, list[dict[str, Any]]]:
    """For every field, the spans of the text it was read from (deduplicated, in order)."""
    trigger: list[Span | None] = [event.trigger]
    killed = CasualtyKind.KILLED
    spans: dict[str, list[Span | None]] = {
        "disorder_type": trigger,
        "event_type": trigger,
        "sub_event_type": trigger,
        "actor1": _actor_spans(event, (event.actor1,)),
        "assoc_actor_1": _actor_spans(event, event.assoc_actor_1),
        "actor2": _actor_spans(event, (event.actor2,)),
        "assoc_actor_2": _actor_spans(event, event.assoc_actor_2),
        "event_date": [event.date.span if event.date else None],
        "location": [event.location.span if event.location else None],
        "fatalities": _report_spans(event, killed),
        "deaths_a": _report_spans(event, killed, Side.ACTOR1),
        "deaths_b": _report_spans(event, killed, Side.ACTOR2),
        "deaths_civilians": _report_spans(event, killed, Side.CIVILIANS),
        "deaths_unknown": _report_spans(event, killed, Side.UNKNOWN),
        "wounded": _report_spans(event, CasualtyKind.WOUNDED),
        "force_sizes": [f.span or f.count.span for f in event.force_sizes],
        "territory": [event.territory.span if event.territory else None],
        "notes": [event.sentence],
    }
    return {key: _unique_spans(spans[key]) for key in EVIDENCE_FIELDS}


def event_to_dict(event: Event, doc: Document) -> dict[str, Any]:
    """One event as the exported record: ACLED columns, UCDP deaths, then our extras and evidence."""
    notes = event.sentence.text if event.sentence else event.trigger.text
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id or doc.doc_id,  # the same; event.doc_id saves hashing the raw page again
        "external_id": doc.external_id,
        **_date_fields(event),
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        **_actor_fields(event),
        "actor1_id": event.actor1.id if event.actor1 else None,
        "actor2_id": event.actor2.id if event.actor2 else None,
        "assoc_actor_1_ids": [a.id for a in event.assoc_actor_1],
        "assoc_actor_2_ids": [a.id for a in event.assoc_actor_2],
        **_place_fields(event.location),
        "source": doc.url or doc.source_path,
        "notes": notes,
        **_deaths(event),
        "wounded": _wounded(event),
        "casualties": [casualty_to_dict(r, event) for r in event.casualties.reports],
        "force_sizes": [force_size_to_dict(f) for f in event.force_sizes],
        "territory": territory_to_dict(event.territory),
        "confidence": event.confidence,
        "evidence": evidence_of(event),
    }


def place_mention_to_dict(mention: PlaceMention) -> dict[str, Any]:
    place = mention.place
    return {
        **mention.span.to_dict(),
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "precision": place.precision,
        "score": mention.score,
    }


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "role": quote.role,
        "text": quote.text,
        "span": quote.span.to_dict(),
        "speaker_span": span_dict(quote.speaker_span),
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "source": claim.source,
        "text": claim.text,
        "modality": claim.modality.value,
        "cue": claim.cue,
        "span": claim.span.to_dict(),
        "source_span": span_dict(claim.source_span),
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """A processed (or discarded) document: metadata, cleaned text, resolved places, quotes, claims, discard."""
    return {
        "doc_id": doc.doc_id,
        "external_id": doc.external_id,
        "url": doc.url,
        "source_path": doc.source_path,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source,
        "language": doc.language,
        "text": doc.text,
        "blocks": [{"kind": b.kind.value, "start": b.start, "end": b.end} for b in doc.blocks],
        "places": [place_mention_to_dict(m) for m in doc.places],
        "quotes": [quote_to_dict(q) for q in doc.quotes],
        "claims": [claim_to_dict(c) for c in doc.claims],
        "event_ids": [e.event_id for e in doc.events],
        "discard": {"reason": doc.discard.reason, "detail": doc.discard.detail} if doc.discard else None,
    }
