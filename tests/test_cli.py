"""The command line, through click's CliRunner, on databases filled by hand (run/eval/bench with fake back ends)."""

from __future__ import annotations

import csv
import io
import json
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from fixtures_store import clash_document, discarded_document, protest_document, undated_document
from frontlines.cli import main
from frontlines.errors import InputError
from frontlines.store import SQLiteStore, Store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with SQLiteStore(path) as store:
        for doc in (clash_document(), protest_document(), undated_document(), discarded_document()):
            store.save(doc)
    return path


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "250", **(env or {})}, catch_exceptions=False)


def test_events_lists_and_filters(db: str) -> None:
    result = invoke("events", "--db", db)
    assert result.exit_code == 0
    for event in clash_document().events + protest_document().events:
        assert event.event_id in result.output
    assert "Armed clash" in result.output and "Kadugli, Sudan" in result.output
    only_mali = invoke("events", "--db", db, "--country", "ML")
    assert protest_document().events[0].event_id in only_mali.output and "Kadugli" not in only_mali.output
    limited = invoke("events", "--db", db, "--limit", "1", "--since", "2024-03-01", "--actor", "support")
    assert clash_document().events[0].event_id in limited.output
    assert clash_document().events[1].event_id not in limited.output


def test_events_reads_db_from_environment(db: str) -> None:
    result = invoke("events", "--type", "Protests", env={"FRONTLINES_DB": db})
    assert result.exit_code == 0 and "Peaceful protest" in result.output


def test_events_on_empty_database(tmp_path: Path) -> None:
    result = invoke("events", "--db", str(tmp_path / "empty.db"))
    assert result.exit_code == 0 and "No events match." in result.output


def test_show_highlights_evidence_and_prints_markup_literally(db: str) -> None:
    event = clash_document().events[0]
    result = invoke("show", event.event_id, "--db", db)
    assert result.exit_code == 0
    assert "Military Forces of Sudan" in result.output and "Casualty reports" in result.output
    assert "five[fatalities, deaths_civilians]" in result.output
    assert "Sunday[event_date]" in result.output
    assert '"sd-allied"' in result.output  # lists print as JSON


def test_show_territory_and_force_sizes(db: str) -> None:
    result = invoke("show", clash_document().events[1].event_id, "--db", db)
    assert "Dilling: Military Forces of Sudan -> Rapid Support Forces" in result.output
    assert "Military Forces of Sudan: 3000 (about 3,000)" in result.output
    assert "from the army[actor2, territory]" in result.output  # labels of spans ending together merge
    assert "[/Reuters] [bold]photo[/bold]" in result.output  # article text is never read as rich markup


def test_show_unknown_event_is_a_one_line_error(db: str) -> None:
    result = CliRunner().invoke(main, ["show", "nope", "--db", db])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no event with id 'nope'"


@pytest.mark.parametrize(
    ("db_arg", "message"),
    [
        ("postgresql://127.0.0.1:1/frontlines", "cannot connect to PostgreSQL"),
        ("/no/such/folder/x.db", "folder does not exist"),
    ],
)
def test_store_errors_are_one_line(db_arg: str, message: str) -> None:
    result = CliRunner().invoke(main, ["events", "--db", db_arg])
    assert result.exit_code == 1 and message in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_export_json_to_stdout(db: str) -> None:
    result = invoke("export", "--db", db, "--format", "json", "--country", "SD")
    records = json.loads(result.output)
    assert [r["event_id"] for r in records] == [e.event_id for e in clash_document().events]
    assert all(r["external_id"] == "clash-1" for r in records)


def test_export_csv_to_file(db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    result = invoke("export", "--db", db, "--format", "csv", "-o", str(target))
    assert result.exit_code == 0 and "wrote 4 events" in result.output
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["external_id"] for r in rows] == ["clash-1", "clash-1", "protest-7", "undated-1"]
    assert json.loads(rows[0]["evidence"])["event_date"][0]["text"] == "Sunday"


def test_export_documents_jsonl(db: str) -> None:
    result = invoke("export", "--db", db, "--what", "documents", "--format", "jsonl")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["external_id"] for r in records] == ["clash-1", "protest-7", "undated-1", "discard-not_english"]


def test_usage_errors_exit_2(db: str) -> None:
    assert CliRunner().invoke(main, ["export", "--db", db, "--format", "xml"]).exit_code == 2
    assert CliRunner().invoke(main, ["events", "--db", db, "--since", "yesterday"]).exit_code == 2
    assert CliRunner().invoke(main, ["run"]).exit_code == 2
    assert CliRunner().invoke(main, ["export", "--db", db, "--what", "documents", "--country", "SD"]).exit_code == 2


@dataclass
class FakeSummary:
    documents_seen: int = 0
    documents_stored: int = 0
    documents_skipped_duplicate: int = 0
    events_found: int = 0
    discards: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.5


def fake_batch(monkeypatch: pytest.MonkeyPatch, calls: list[dict[str, Any]], with_ids: bool) -> None:
    """A stand-in ``frontlines.batch`` that stores the hand-built documents."""

    def run_paths(paths: list[str], store: Store, progress: bool) -> Any:
        calls.append({"paths": paths, "progress": progress})
        docs = [clash_document(), discarded_document()]
        stored = [doc for doc in docs if store.save(doc)]
        summary: Any = FakeSummary(2, len(stored), 2 - len(stored), sum(len(d.events) for d in stored))
        summary.discards = {"not_english": 1}
        summary.errors = {"ValueError": 1}
        if with_ids:
            summary.event_ids = [e.event_id for d in stored for e in d.events]
        return summary

    module = types.ModuleType("frontlines.batch")
    module.run_paths = run_paths  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "frontlines.batch", module)


@pytest.mark.parametrize("with_ids", [True, False])
def test_run_prints_summary_and_new_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_ids: bool) -> None:
    calls: list[dict[str, Any]] = []
    fake_batch(monkeypatch, calls, with_ids)
    source = tmp_path / "in.jsonl"
    source.write_text("{}\n", encoding="utf-8")
    db = str(tmp_path / "run.db")
    result = invoke("run", str(source), "--db", db, "--no-progress")
    assert result.exit_code == 0
    assert calls == [{"paths": [str(source)], "progress": False}]
    assert "discarded: not_english" in result.output and "errors: ValueError" in result.output
    assert "New events (2 found)" in result.output and clash_document().events[1].event_id in result.output
    again = invoke("run", str(source), "--db", db, "--no-progress")
    assert "New events" not in again.output  # nothing new the second time


def test_run_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = CliRunner().invoke(main, ["run", str(tmp_path / "nope.html"), "--db", str(tmp_path / "x.db")])
    assert missing.exit_code == 1 and "no such file or directory" in missing.output

    def broken(paths: list[str], store: Store, progress: bool) -> Any:
        raise InputError("cannot read feed.xml: not a feed")

    module = types.ModuleType("frontlines.batch")
    module.run_paths = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "frontlines.batch", module)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and result.output.strip() == "Error: cannot read feed.xml: not a feed"


def test_eval_prints_metrics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def run_eval(gold: str, report: str | None, errors: str | None, progress: bool) -> dict[str, float]:
        calls.append({"gold": gold, "report": report, "errors": errors})
        return {"n": 3.0, "fatalities_exact": 0.666666, "loc_median_err_km": 12.5}

    module = types.ModuleType("frontlines.evaluate")
    module.run_eval = run_eval  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "frontlines.evaluate", module)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    result = invoke("eval", str(gold), "--report", str(tmp_path / "r.json"), "--no-progress")
    assert result.exit_code == 0
    assert calls == [{"gold": str(gold), "report": str(tmp_path / "r.json"), "errors": None}]
    assert "fatalities_exact" in result.output and "0.6667" in result.output and "12.5" in result.output
    assert CliRunner().invoke(main, ["eval", str(tmp_path / "missing.jsonl")]).exit_code == 1


def test_bench_prints_flattened_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str | None, int | None]] = []

    def run_bench(path: str | None, limit: int | None) -> dict[str, Any]:
        seen.append((path, limit))
        return {"documents": 20, "docs_per_second": 31.25, "stages": {"clean": 0.125}}

    module = types.ModuleType("frontlines.bench")
    module.run_bench = run_bench  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "frontlines.bench", module)
    result = invoke("bench", "--limit", "20")
    assert result.exit_code == 0 and seen == [(None, 20)]
    assert "docs_per_second" in result.output and "31.25" in result.output and "stages.clean" in result.output


def test_broken_pipe_stops_quietly(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def closed_reader(*args: object, **kwargs: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("frontlines.export.export_events", closed_reader)
    result = CliRunner().invoke(main, ["export", "--db", db])
    assert result.exit_code == 1 and "Error" not in result.output


def test_events_spatial_text_and_fatality_filters(db: str) -> None:
    clash, protest = clash_document().events[0].event_id, protest_document().events[0].event_id
    in_box = invoke("events", "--db", db, "--bbox", "28,10,31,12")
    assert clash in in_box.output and protest not in in_box.output
    near = invoke("events", "--db", db, "--near", "29.7,11.0,150")
    assert clash in near.output and protest not in near.output
    worded = invoke("events", "--db", db, "--text", "Kadugli")
    assert clash in worded.output and protest not in worded.output
    deadly = invoke("events", "--db", db, "--min-fatalities", "1", "--sort", "-fatalities")
    assert protest not in deadly.output


@pytest.mark.parametrize("args", [["--bbox", "1,2,3"], ["--bbox", "0,95,1,96"], ["--near", "0,0,x"]])
def test_bad_coordinates_are_usage_errors(db: str, args: list[str]) -> None:
    result = CliRunner().invoke(main, ["events", "--db", db, *args])
    assert result.exit_code == 2 and "Invalid value" in result.output
