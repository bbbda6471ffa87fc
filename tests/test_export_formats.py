"""UCDP GED-style CSV, GeoJSON and Parquet exports, read back with the tools their users use (pandas, pyarrow, json)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fixtures_api import filled_store
from frontlines.cli import main
from frontlines.errors import ConfigError
from frontlines.export import EVENT_FORMATS, export_events
from frontlines.export.ucdp import UCDP_GED_COLUMNS, date_prec, type_of_violence
from frontlines.store import EventFilter, SQLiteStore

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def store() -> SQLiteStore:
    return filled_store()


def text_export(store: SQLiteStore, fmt: str, filters: EventFilter | None = None) -> str:
    out = io.StringIO()
    export_events(store, fmt, out, filters)
    return out.getvalue()


def test_ucdp_csv_columns_types_and_values(store: SQLiteStore) -> None:
    frame = pd.read_csv(io.StringIO(text_export(store, "ucdp-csv")))
    assert tuple(frame.columns) == UCDP_GED_COLUMNS
    assert len(frame) == 5
    clash = frame.iloc[0]
    assert (clash["side_a"], clash["side_b"]) == ("Military Forces of Sudan", "Rapid Support Forces")
    assert (clash["deaths_a"], clash["deaths_b"], clash["deaths_civilians"]) == (9, 0, 5)
    assert (clash["low"], clash["best"], clash["high"]) == (14, 14, 14)
    assert (clash["type_of_violence"], clash["where_prec"], clash["date_prec"], clash["year"]) == (1, 1, 1, 2024)
    assert clash["geom_wkt"] == "POINT (29.72 11.01)"
    assert (clash["date_start"], clash["adm_1"]) == ("2024-03-03", "South Kordofan")
    for column in ("deaths_a", "best", "where_prec", "date_prec", "year"):
        assert str(frame[column].dtype) in ("int64", "float64"), column  # numbers, NaN where unknown
    assert frame["latitude"].dtype == "float64"
    protest = frame[frame["relid"] == "protest-7"].iloc[0]
    assert protest["date_prec"] == 4 and pd.isna(protest["type_of_violence"])  # a month; protests are not UCDP's
    undated = frame[frame["relid"] == "undated-1"].iloc[0]
    assert pd.isna(undated["year"]) and pd.isna(undated["where_prec"]) and pd.isna(undated["latitude"])


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 2, 1), (2, 1, 1), (1, 1, 1), (2, 3, 2), (4, 8, 2), (2, 7, 3), (1, 7, 3), (6, None, None), (2, None, None)],
)
def test_type_of_violence(inter1: int | None, inter2: int | None, expected: int | None) -> None:
    assert type_of_violence(inter1, inter2) == expected


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [("2024-03-03", "2024-03-03", 1), ("2024-03-01", "2024-03-04", 2), ("2024-03-04", "2024-03-10", 3),
     ("2024-05-01", "2024-05-31", 4), ("2024-01-01", "2024-12-31", 5), (None, None, None)],
)  # fmt: skip
def test_date_prec(start: str | None, end: str | None, code: int | None) -> None:
    assert date_prec(start, end) == code


def check_feature(feature: dict[str, Any]) -> None:
    """RFC 7946 structure of one event feature."""
    assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
    geometry = feature["geometry"]
    if geometry is not None:
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lon, lat) == (feature["properties"]["longitude"], feature["properties"]["latitude"])


def test_geojson_is_a_feature_collection_of_points(store: SQLiteStore) -> None:
    collection = json.loads(text_export(store, "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    for feature in features:
        check_feature(feature)
    assert [f["id"] for f in features] == [e["event_id"] for e in store.list_events()]
    clash = features[0]["properties"]
    assert clash["fatalities"] == 14 and clash["assoc_actor_1_ids"] == ["sd-allied"]
    assert clash["evidence"]["deaths_a"][0]["text"] == "at least nine"
    assert features[-1]["geometry"] is None  # the undated event has no place
    empty = json.loads(text_export(store, "geojson", EventFilter(country="Nowhere")))
    assert empty == {"type": "FeatureCollection", "features": []}


def test_parquet_has_typed_columns(store: SQLiteStore, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export_events(store, "parquet", str(path)) == 5
    table = pq.read_table(path)
    types = {field.name: field.type for field in table.schema}
    assert types["event_date"] == pa.date32() and types["fatalities"] == pa.int64()
    assert types["latitude"] == pa.float64() and types["assoc_actor_1_ids"] == pa.list_(pa.string())
    frame = pd.read_parquet(path)
    clash = frame.iloc[0]
    assert (clash["fatalities"], clash["deaths_civilians"], clash["latitude"]) == (14, 5, 11.01)
    assert str(clash["event_date"]) == "2024-03-03"
    assert list(clash["assoc_actor_1_ids"]) == ["sd-allied"]
    assert json.loads(clash["evidence"])["deaths_a"][0]["text"] == "at least nine"
    assert pd.isna(frame.iloc[-1]["fatalities"]) and frame.iloc[-1]["event_date"] is None
    empty = tmp_path / "empty.parquet"
    assert export_events(store, "parquet", str(empty), EventFilter(country="Nowhere")) == 0
    assert pq.read_table(empty).num_rows == 0 and pq.read_table(empty).schema == table.schema


@pytest.mark.parametrize("fmt", ["ucdp-csv", "geojson", "parquet", "jsonl", "csv"])
def test_every_format_honours_the_filters(store: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    filters = EventFilter(country="SD", bbox=(29.0, 10.0, 30.0, 11.5), since="2024-03-01", text="hospital")
    path = tmp_path / f"out.{fmt}"
    if fmt == "parquet":
        export_events(store, fmt, str(path), filters)
        ids = pd.read_parquet(path)["external_id"].tolist()
    else:
        path.write_text(text_export(store, fmt, filters), encoding="utf-8")
        if fmt == "geojson":
            ids = [f["properties"]["external_id"] for f in json.loads(path.read_text())["features"]]
        elif fmt == "jsonl":
            ids = pd.read_json(path, lines=True)["external_id"].tolist()
        else:
            ids = pd.read_csv(path)["relid" if fmt == "ucdp-csv" else "external_id"].tolist()
    assert ids == ["clash-2"]


def test_unknown_format_is_refused(store: SQLiteStore) -> None:
    assert set(EVENT_FORMATS) >= {"csv", "ucdp-csv", "geojson", "parquet", "jsonl"}
    with pytest.raises(ConfigError, match="unknown export format"):
        text_export(store, "xlsx")


def test_cli_writes_each_format(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    filled_store(str(db)).close()
    runner = CliRunner()
    for fmt in ("ucdp-csv", "geojson", "parquet"):
        out = tmp_path / f"events.{fmt}"
        result = runner.invoke(main, ["export", "--db", str(db), "--format", fmt, "--country", "ML", "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "wrote 1 events" in result.output
    assert pd.read_parquet(tmp_path / "events.parquet")["country"].tolist() == ["Mali"]
    refused = runner.invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert refused.exit_code == 2 and "-o" in refused.output
    docs = runner.invoke(main, ["export", "--db", str(db), "--what", "documents", "--format", "geojson"])
    assert docs.exit_code == 2 and "events only" in docs.output
