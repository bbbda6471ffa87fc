"""The HTTP API over a store filled from fixtures, through FastAPI's TestClient."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi")
from click.testing import CliRunner
from fastapi.testclient import TestClient

from fixtures_api import filled_store
from frontlines.api import queries
from frontlines.api.app import create_app
from frontlines.cli import main


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(store_factory=filled_store)) as test_client:
        yield test_client


def ids(client: TestClient, query: str) -> list[str]:
    response = client.get("/api/events?" + query)
    assert response.status_code == 200, response.text
    return [(item["external_id"], item["event_date"]) for item in response.json()["items"]]


CLASH = ("clash-1", "2024-03-03")
SECOND = ("clash-2", "2024-03-03")
TAKEOVER = ("clash-1", "2024-03-04")
PROTEST = ("protest-7", "2024-05-01")
UNDATED = ("undated-1", None)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [CLASH, SECOND, TAKEOVER, PROTEST, UNDATED]),
        ("since=2024-03-04", [TAKEOVER, PROTEST]),
        ("until=2024-03-03", [CLASH, SECOND]),
        ("since=2024-03-04&until=2024-03-04", [TAKEOVER]),
        ("country=ml", [PROTEST]),
        ("country=Sudan", [CLASH, SECOND, TAKEOVER]),
        ("admin1=south%20kordofan", [CLASH, SECOND, TAKEOVER]),
        ("admin1=Bamako", [PROTEST]),
        ("event_type=protests", [PROTEST]),
        ("sub_event_type=Non-state%20actor%20overtakes%20territory", [TAKEOVER]),
        ("actor=rapid%20support", [CLASH, SECOND, TAKEOVER]),
        ("actor=ml-protesters", [PROTEST]),
        ("min_fatalities=13", [CLASH]),
        ("min_fatalities=0", [CLASH, SECOND]),
        ("bbox=29,10,30,11.5", [CLASH, SECOND]),
        ("bbox=-10,10,0,15", [PROTEST]),
        ("near=29.72,11.01,150", [CLASH, SECOND, TAKEOVER]),
        ("near=29.72,11.01,50", [CLASH, SECOND]),
        ("q=hospital", [SECOND]),
        ("q=march*", [PROTEST]),
        ("q=seized%20Dilling", [CLASH, TAKEOVER]),
        ("country=SD&since=2024-03-03&until=2024-03-31&bbox=28,10,31,13&limit=100", [CLASH, SECOND, TAKEOVER]),
        ("sort=-event_date", [PROTEST, TAKEOVER, CLASH, SECOND, UNDATED]),
        ("sort=-fatalities", [CLASH, SECOND, TAKEOVER, PROTEST, UNDATED]),
        ("sort=fatalities", [SECOND, CLASH, TAKEOVER, PROTEST, UNDATED]),
        ("limit=2&offset=1", [SECOND, TAKEOVER]),
        ("sort=-event_date&limit=2&offset=1", [TAKEOVER, CLASH]),
    ],
)
def test_event_filters_and_sorts(client: TestClient, query: str, expected: list[tuple[str, str | None]]) -> None:
    assert ids(client, query) == expected


@pytest.mark.parametrize(("query", "next_offset"), [("limit=2", 2), ("limit=5", None), ("limit=2&offset=4", None)])
def test_paging_says_where_the_next_page_starts(client: TestClient, query: str, next_offset: int | None) -> None:
    body = client.get("/api/events?" + query).json()
    assert body["next_offset"] == next_offset
    assert body["count"] == len(body["items"])


def test_list_items_leave_out_evidence_but_keep_the_columns(client: TestClient) -> None:
    item = client.get("/api/events?limit=1").json()["items"][0]
    assert "evidence" not in item
    assert (item["fatalities"], item["deaths_civilians"], item["latitude"]) == (14, 5, 11.01)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("bbox=1,2,3", "bbox needs 4"),
        ("bbox=a,b,c,d", "bbox needs numbers"),
        ("bbox=0,50,10,40", "min_lat"),
        ("bbox=0,0,200,10", "out of range"),
        ("bbox=nan,0,1,1", "finite"),
        ("near=1,2", "near needs 3"),
        ("near=1,2,-5", "radius"),
        ("near=1,95,5", "out of range"),
        ("since=2024-13-01", "since"),
        ("since=yesterday", "since"),
        ("since=2024-05-01&until=2024-04-01", "after until"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("offset=-1", "offset"),
        ("min_fatalities=-3", "min_fatalities"),
        ("min_fatalities=many", "min_fatalities"),
        ("sort=event_id", "sort"),
        ("q=" + "x" * 501, "q"),
    ],
)
def test_bad_filters_get_a_422_naming_the_problem(client: TestClient, query: str, message: str) -> None:
    response = client.get("/api/events?" + query)
    assert response.status_code == 422
    assert message in json.dumps(response.json()["detail"])


def test_timeline_interval_is_checked(client: TestClient) -> None:
    response = client.get("/api/stats/timeline?interval=month")
    assert response.status_code == 422 and "interval" in response.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["bbox", "near", "since", "until", "q", "country", "actor", "limit", "sort", "admin1"]),
    value=st.text(max_size=40),
)
def test_no_input_gives_a_server_error(client: TestClient, name: str, value: str) -> None:
    response = client.get("/api/events", params={name: value})
    assert response.status_code in (200, 422), response.text


def test_sql_in_a_filter_is_only_a_value(client: TestClient) -> None:
    for query in ("country=SD' OR '1'='1", "actor=%' --", 'q="; DROP TABLE events; --'):
        assert client.get("/api/events?" + query).json()["items"] == []
    assert len(client.get("/api/events").json()["items"]) == 5


def test_event_detail_has_evidence_document_and_incident(client: TestClient) -> None:
    first = client.get("/api/events?limit=1").json()["items"][0]
    detail = client.get(f"/api/events/{first['event_id']}").json()
    text = detail["document"]["text"]
    deaths = detail["evidence"]["deaths_a"][0]
    assert text[deaths["start"] : deaths["end"]] == deaths["text"] == "at least nine"
    incident = detail["incident"]
    assert incident["reports"] == 2 and incident["documents"] == 2
    assert (incident["fatalities_low"], incident["fatalities_high"]) == (12, 14)
    assert {e["external_id"] for e in incident["events"]} == {"clash-1", "clash-2"}


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404 and "no-such-event" in response.json()["detail"]


def test_incidents_group_reports_of_one_clash(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert [i["reports"] for i in body["items"]] == [2, 1, 1, 1]
    first = body["items"][0]
    assert first["grouped_by"] == "merged reports" and first["sources_count"] == 2
    assert (first["fatalities_low"], first["fatalities_best"], first["fatalities_high"]) == (12, 12, 14)
    assert {f["source"] for f in first["fatalities"]["figures"]} == {"news.example", "other.example"}
    assert first["first_report"] <= first["last_report"] and first["location"] == "Kadugli"
    assert body["items"][-1]["grouped_by"] == "single event"
    assert "grouped" in body["note"]
    assert [i["reports"] for i in client.get("/api/incidents?country=ML").json()["items"]] == [1]


def test_actors_places_and_territory(client: TestClient) -> None:
    actors = {a["id"]: a for a in client.get("/api/actors").json()["items"]}
    assert actors["sd-army"]["events"] == 3 and actors["sd-army"]["fatalities"] == 26
    assert actors["sd-allied"]["name"] == "Allied Volunteers"
    places = client.get("/api/places").json()["items"]
    assert places[0]["name"] == "Kadugli" and places[0]["events"] == 2 and places[0]["latitude"] == 11.01
    territory = client.get("/api/territory").json()["items"]
    assert [(t["event_date"], t["place"], t["to_actor"], t["from_actor"]) for t in territory] == [
        ("2024-03-04", "Dilling", "Rapid Support Forces", "Military Forces of Sudan")
    ]
    assert client.get("/api/territory?country=ML").json()["items"] == []


@pytest.mark.parametrize(
    ("query", "bins"),
    [
        ("interval=day", [("2024-03-03", 2, 26), ("2024-03-04", 1, 0), ("2024-05-01", 1, 0)]),
        ("interval=week", [("2024-02-26", 2, 26), ("2024-03-04", 1, 0), ("2024-04-29", 1, 0)]),
        ("interval=day&country=SD&min_fatalities=13", [("2024-03-03", 1, 14)]),
    ],
)
def test_timeline(client: TestClient, query: str, bins: list[tuple[str, int, int]]) -> None:
    body = client.get("/api/stats/timeline?" + query).json()
    assert [(b["period"], b["events"], b["fatalities"]) for b in body["bins"]] == bins


def test_export_endpoint_honours_filters(client: TestClient) -> None:
    response = client.get("/api/export?format=geojson&country=SD&min_fatalities=1")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/geo+json")
    features = response.json()["features"]
    assert [f["properties"]["fatalities"] for f in features] == [14, 12]
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(client.get("/api/export?format=parquet&country=ML").content))
    assert table.column("external_id").to_pylist() == ["protest-7"]
    assert client.get("/api/export?format=xml").status_code == 422


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/incidents", "/api/actors", "/api/places"):
        assert path in paths
    assert "/api/stats/timeline" in paths and "/api/territory" in paths
    parameters = {p["name"]: p for p in paths["/api/events"]["get"]["parameters"]}
    assert parameters["limit"]["schema"]["maximum"] == 1000
    assert client.get("/api/docs").status_code == 200


def test_page_and_vendored_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    for path in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/LICENSE",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/LICENSE",
    ):
        assert client.get(path).status_code == 200, path
    world = client.get("/static/vendor/world-atlas/countries-110m.json").json()
    assert world["type"] == "Topology" and "countries" in world["objects"]
    script = client.get("/static/app.js").text
    assert not re.search(r"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write", script)


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db"), "--port", "0"])
    assert result.exit_code == 1 and "no such database" in result.output


def test_scans_beyond_the_limit_say_truncated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "SCAN_LIMIT", 2)
    with TestClient(create_app(store_factory=filled_store)) as small:
        timeline = small.get("/api/stats/timeline").json()
        assert timeline["truncated"] is True and sum(b["events"] for b in timeline["bins"]) == 2
        assert small.get("/api/events?sort=-fatalities").json()["truncated"] is False  # the store sorts and pages
        assert small.get("/api/events").json()["truncated"] is False  # the store pages this one itself
        assert small.get("/api/actors?country=ML").json()["truncated"] is False
        assert len(small.get("/api/export?format=jsonl").text.splitlines()) == 5  # exports are complete


def test_serve_reports_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    result = CliRunner().invoke(main, ["serve", "--db", str(bogus), "--port", "0"])
    assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output
