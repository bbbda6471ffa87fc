"""Exports read back with the csv and json modules, and validated against the published schemas."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fixtures_store import clash_document, discarded_document, protest_document, undated_document
from frontlines import export
from frontlines.errors import ConfigError
from frontlines.export import export_documents, export_events, terminal
from frontlines.export.columns import ACLED_COLUMNS, EVENT_COLUMNS, UCDP_COLUMNS
from frontlines.schema import load_schema
from frontlines.store import EventFilter, SQLiteStore


@pytest.fixture
def store() -> SQLiteStore:
    opened = SQLiteStore(":memory:")
    for doc in (clash_document(), protest_document(), undated_document(), discarded_document()):
        opened.save(doc)
    return opened


def _export(store: SQLiteStore, fmt: str, filters: EventFilter | None = None) -> str:
    out = io.StringIO()
    export_events(store, fmt, out, filters)
    return out.getvalue()


def test_json_is_one_schema_valid_array(store: SQLiteStore) -> None:
    records = json.loads(_export(store, "json"))
    assert records == store.list_events()
    validator = jsonschema.Draft202012Validator(load_schema("event"))
    for record in records:
        validator.validate(record)
    assert {r["external_id"] for r in records} == {"clash-1", "protest-7", "undated-1"}


def test_jsonl_is_one_record_a_line(store: SQLiteStore) -> None:
    lines = _export(store, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == store.list_events()


def test_csv_columns_and_values(store: SQLiteStore) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv"))))
    header = next(csv.reader(io.StringIO(_export(store, "csv"))))
    assert tuple(header) == EVENT_COLUMNS
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert tuple(header[len(ACLED_COLUMNS) : len(ACLED_COLUMNS) + len(UCDP_COLUMNS)]) == UCDP_COLUMNS
    clash = rows[0]
    assert (clash["external_id"], clash["fatalities"], clash["deaths_civilians"]) == ("clash-1", "14", "5")
    assert clash["country"] == "Sudan" and clash["iso"] == "729" and clash["interaction"] == "12"
    evidence = json.loads(clash["evidence"])
    assert evidence["deaths_a"][0]["text"] == "at least nine"
    assert json.loads(clash["assoc_actor_1_ids"]) == ["sd-allied"]
    undated = rows[-1]
    assert undated["event_date"] == "" and undated["fatalities"] == "" and undated["territory"] == ""


def test_filters_and_limit_apply(store: SQLiteStore) -> None:
    records = json.loads(_export(store, "json", EventFilter(country="SD")))
    assert [r["sub_event_type"] for r in records] == ["Armed clash", "Non-state actor overtakes territory"]
    assert len(json.loads(_export(store, "json", EventFilter(limit=1)))) == 1


@pytest.mark.parametrize(("page", "limit", "offset"), [(1, None, 0), (2, None, 1), (2, 3, 0), (3, 2, 1), (500, 0, 0)])
def test_paging_returns_each_record_once(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch, page: int, limit: int | None, offset: int
) -> None:
    monkeypatch.setattr(export, "PAGE_SIZE", page)
    everything = store.list_events()
    wanted = everything[offset:] if limit is None else everything[offset : offset + limit]
    assert list(export.iter_events(store, EventFilter(limit=limit, offset=offset))) == wanted


def test_empty_exports_are_well_formed() -> None:
    empty = SQLiteStore(":memory:")
    assert json.loads(_export(empty, "json")) == []
    assert _export(empty, "jsonl") == ""
    assert list(csv.reader(io.StringIO(_export(empty, "csv")))) == [list(EVENT_COLUMNS)]


def test_documents_export(store: SQLiteStore) -> None:
    out = io.StringIO()
    assert export_documents(store, "jsonl", out) == 4
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    validator = jsonschema.Draft202012Validator(load_schema("document"))
    for record in records:
        validator.validate(record)
    assert records[0]["text"] == clash_document().text and records[-1]["discard"]["reason"] == "not_english"
    out = io.StringIO()
    export_documents(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["text"] == clash_document().text  # newlines and quotes survive the CSV round trip
    assert json.loads(rows[0]["places"])[0]["name"] == "Kadugli"


def test_unknown_format_is_a_config_error(store: SQLiteStore) -> None:
    with pytest.raises(ConfigError, match="xml"):
        export_events(store, "xml", io.StringIO())


_fields = st.sampled_from(["event_type", "actor1", "location", "fatalities", "notes"])


@given(
    st.text(alphabet="ab [/]\n", max_size=40),
    st.lists(st.tuples(_fields, st.integers(0, 45), st.integers(0, 45)), max_size=6),
)
def test_highlighting_keeps_the_text_and_labels_each_span_end(text: str, marks: list[tuple[str, int, int]]) -> None:
    evidence: dict[str, list[dict]] = {}
    for name, start, end in marks:
        evidence.setdefault(name, []).append({"start": start, "end": end, "text": text[start:end]})
    shown = terminal.highlight_evidence(text, evidence)
    valid = [(s, e) for _, s, e in marks if 0 <= s < e <= len(text)]
    labels = [(span.start, span.end) for span in shown.spans if "italic" in str(span.style)]
    assert len(labels) == len({e for _, e in valid})
    pieces, cursor = [], 0
    for start, end in labels:  # cut the labels out: what is left is the text itself
        pieces.append(shown.plain[cursor:start])
        cursor = end
    assert "".join(pieces) + shown.plain[cursor:] == text
