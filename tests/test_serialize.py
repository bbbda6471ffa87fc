"""Events and documents as dicts: ACLED/UCDP fields, side mapping, evidence, and the published JSON Schemas."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fixtures_store import (
    ALLIED,
    ARMY,
    MILITIA,
    PROTESTERS,
    clash_document,
    discarded_document,
    protest_document,
    undated_document,
)
from frontlines.model import (
    Actor,
    ActorKind,
    Casualties,
    CasualtyKind,
    CasualtyReport,
    Count,
    Document,
    Side,
    Span,
    VictimCategory,
)
from frontlines.schema import load_schema
from frontlines.serialize import EVIDENCE_FIELDS, document_to_dict, event_to_dict, interaction, side_of

UNKNOWN_ACTOR = Actor("unresolved:gunmen", "gunmen", ActorKind.UNKNOWN)
FOREIGN = Actor("ru-forces", "Military Forces of Russia", ActorKind.EXTERNAL_FORCES, "RU")
UNIT = Actor("sd-army-22", "22nd Infantry Division", ActorKind.STATE_FORCES, "SD", parent="sd-army")
CIVILIANS = Actor("civilians-sd", "Civilians (Sudan)", ActorKind.CIVILIANS, "SD")


def all_documents() -> list[Document]:
    return [clash_document(), protest_document(), undated_document(), discarded_document()]


def event_records() -> list[dict]:
    return [event_to_dict(event, doc) for doc in all_documents() for event in doc.events]


@pytest.mark.parametrize(
    ("actor1", "actor2", "expected"),
    [
        (ARMY, MILITIA, 12),
        (MILITIA, ARMY, 12),
        (ARMY, CIVILIANS, 17),
        (MILITIA, FOREIGN, 28),
        (PROTESTERS, None, 60),
        (ARMY, ARMY, 11),
        (UNKNOWN_ACTOR, ARMY, None),
        (ARMY, UNKNOWN_ACTOR, None),
        (None, None, None),
    ],
)
def test_interaction_codes(actor1: Actor | None, actor2: Actor | None, expected: int | None) -> None:
    assert interaction(actor1, actor2) == expected


def _report(category: VictimCategory, actor: Actor | None = None) -> CasualtyReport:
    return CasualtyReport(CasualtyKind.KILLED, Count(3, 3, 3, Span(0, 5, "three")), category, actor)


@pytest.mark.parametrize(
    ("report", "actor2", "expected"),
    [
        (_report(VictimCategory.SECURITY, ARMY), MILITIA, Side.ACTOR1),
        (_report(VictimCategory.PERPETRATORS, MILITIA), MILITIA, Side.ACTOR2),
        (_report(VictimCategory.PERPETRATORS, ALLIED), MILITIA, Side.ACTOR1),  # an associate of actor1
        (_report(VictimCategory.UNKNOWN, UNIT), MILITIA, Side.ACTOR1),  # a unit of actor1
        (_report(VictimCategory.SECURITY), MILITIA, Side.ACTOR1),  # by category: only actor1 is security
        (_report(VictimCategory.PERPETRATORS), MILITIA, Side.ACTOR2),
        (_report(VictimCategory.SECURITY), FOREIGN, Side.UNKNOWN),  # both sides are security forces
        (_report(VictimCategory.CIVILIANS, ARMY), MILITIA, Side.CIVILIANS),
        (_report(VictimCategory.UNKNOWN), MILITIA, Side.UNKNOWN),
        (_report(VictimCategory.CIVILIANS), CIVILIANS, Side.CIVILIANS),
    ],
)
def test_side_of(report: CasualtyReport, actor2: Actor, expected: Side) -> None:
    event = clash_document().events[0]
    assert side_of(report, replace(event, actor2=actor2)) == expected


def test_clash_event_fields() -> None:
    doc = clash_document()
    record = event_to_dict(doc.events[0], doc)
    assert record["external_id"] == "clash-1" and record["doc_id"] == doc.doc_id
    assert (record["event_date"], record["time_precision"]) == ("2024-03-03", 1)
    assert (record["actor1"], record["actor2"], record["assoc_actor_1"]) == (ARMY.name, MILITIA.name, ALLIED.name)
    assert (record["country"], record["iso"], record["country_code"]) == ("Sudan", 729, "SD")
    assert (record["location"], record["latitude"], record["geo_precision"]) == ("Kadugli", 11.01, 1)
    assert (record["fatalities"], record["deaths_a"], record["deaths_b"], record["deaths_civilians"]) == (14, 9, 0, 5)
    assert (record["low"], record["best"], record["high"], record["wounded"]) == (14, 14, 14, 11)
    assert record["source"] == doc.url and record["notes"].startswith("Fighting between")
    assert [c["side"] for c in record["casualties"]] == ["actor1", "civilians", "unknown"]
    assert [s["text"] for s in record["evidence"]["deaths_a"]] == ["at least nine"]
    assert [s["text"] for s in record["evidence"]["event_date"]] == ["Sunday"]


def test_territory_and_force_sizes() -> None:
    doc = clash_document()
    record = event_to_dict(doc.events[1], doc)
    assert record["territory"]["place"] == "Dilling"
    assert (record["territory"]["from"]["id"], record["territory"]["to"]["id"]) == ("sd-army", "sd-rsf")
    assert record["force_sizes"][0]["best"] == 3000 and record["force_sizes"][0]["actor"]["id"] == "sd-army"
    assert record["fatalities"] is None and record["deaths_a"] is None and record["wounded"] is None


def test_sparse_event_is_null_not_missing() -> None:
    doc = undated_document()
    record = event_to_dict(doc.events[0], doc)
    assert record["event_date"] is None and record["time_precision"] is None
    assert record["location"] is None and record["latitude"] is None and record["country"] is None
    assert record["actor1"] == "" and record["interaction"] is None
    assert record["notes"] == "explosion"  # no sentence: the trigger stands in
    assert set(record["evidence"]) == set(EVIDENCE_FIELDS)


def test_month_precision_date() -> None:
    """ACLED codes a date known only to the month with time_precision 3."""
    doc = protest_document()
    record = event_to_dict(doc.events[0], doc)
    assert (record["event_date"], record["event_date_end"], record["time_precision"]) == ("2024-05-01", "2024-05-31", 3)
    assert record["source"] == "inbox/protest.txt" and record["interaction"] == 60


@pytest.mark.parametrize("doc", all_documents(), ids=lambda d: d.external_id)
def test_every_evidence_span_matches_the_text(doc: Document) -> None:
    for event in doc.events:
        for spans in event_to_dict(event, doc)["evidence"].values():
            for span in spans:
                assert doc.text[span["start"] : span["end"]] == span["text"]


def test_document_dict() -> None:
    doc = clash_document()
    record = document_to_dict(doc)
    assert record["text"] == doc.text and record["published"] == "2024-03-04"
    assert [p["name"] for p in record["places"]] == ["Kadugli", "Kadugli", "Dilling"]
    assert record["places"][2]["text"] == "Dilling" and record["places"][2]["geonameid"] == 900002
    assert record["quotes"][0]["speaker"] == "Amal Idris" and record["claims"][0]["modality"] == "predicted"
    assert record["event_ids"] == [e.event_id for e in doc.events] and record["discard"] is None
    assert [b["kind"] for b in record["blocks"]] == ["title", "body", "caption"]


def test_discarded_document_dict() -> None:
    record = document_to_dict(discarded_document("empty", raw=""))
    assert record["discard"] == {"reason": "empty", "detail": "langid says fr"}
    assert record["event_ids"] == [] and record["text"] == ""


@pytest.mark.parametrize("record", event_records(), ids=lambda r: r["external_id"] + ":" + r["sub_event_type"])
def test_events_match_schema_and_survive_json(record: dict) -> None:
    jsonschema.Draft202012Validator(load_schema("event")).validate(record)
    assert json.loads(json.dumps(record)) == record


@pytest.mark.parametrize("doc", all_documents(), ids=lambda d: d.external_id)
def test_documents_match_schema(doc: Document) -> None:
    jsonschema.Draft202012Validator(load_schema("document")).validate(document_to_dict(doc))


@pytest.mark.parametrize("change", ["drop", "extra", "retype"])
def test_event_schema_is_strict(change: str) -> None:
    record = event_records()[0]
    if change == "drop":
        del record["fatalities"]
    elif change == "extra":
        record["surprise"] = 1
    else:
        record["latitude"] = "11.0"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(load_schema("event")).validate(record)


def test_schemas_are_valid_draft_2020_12() -> None:
    for name in ("event", "document"):
        jsonschema.Draft202012Validator.check_schema(load_schema(name))
    assert set(load_schema("event")["required"]) == set(event_records()[0])


_categories = st.sampled_from(list(VictimCategory))
_kinds = st.sampled_from([CasualtyKind.KILLED, CasualtyKind.WOUNDED])
_actors = st.sampled_from([None, ARMY, MILITIA, ALLIED, CIVILIANS])


@st.composite
def _reports(draw: st.DrawFn) -> CasualtyReport:
    low = draw(st.integers(0, 50))
    best = draw(st.integers(low, 100))
    high = draw(st.integers(best, 200))
    return CasualtyReport(draw(_kinds), Count(low, best, high, Span(0, 1, "x")), draw(_categories), draw(_actors))


@given(st.lists(_reports(), max_size=6))
def test_deaths_by_side_add_up(reports: list[CasualtyReport]) -> None:
    doc = clash_document()
    event = replace(doc.events[0], casualties=Casualties(tuple(reports)))
    record = event_to_dict(event, doc)
    killed = [r for r in reports if r.kind == CasualtyKind.KILLED]
    if not killed:
        assert record["fatalities"] is None and record["deaths_unknown"] is None
        return
    parts = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
    assert sum(record[p] for p in parts) == record["fatalities"] == record["best"]
    assert record["low"] <= record["best"] <= record["high"]
    jsonschema.Draft202012Validator(load_schema("event")).validate(record)
