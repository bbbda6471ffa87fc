"""A synthetic store for load tests, and the API latency measure over it.

``python -m frontlines.api.loadgen --db /tmp/load.db --events 100000`` fills a store (a SQLite path or a
``postgresql://`` URL) with invented documents (several events each, seeded, spread over places in a few countries
and two years) through the store's own ``save``; ``--measure 200`` then times a filtered /api/events query
(country + date range + bbox, limit 100) through FastAPI's TestClient and over real HTTP on 127.0.0.1, and prints
the median and p95 in milliseconds; ``--query-set`` times every query of :data:`QUERY_SET` the same way (each run
count is bounded, and the server only listens on 127.0.0.1).
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from frontlines.model import (
    Actor,
    ActorKind,
    Casualties,
    CasualtyKind,
    CasualtyReport,
    Count,
    DatePrecision,
    DateRange,
    Document,
    Event,
    Place,
    PlaceMention,
    Span,
    VictimCategory,
)
from frontlines.store import Store, open_store

# Invented actors by country (ids in the project's style), and region centres (lat, lon) with a spread in degrees.
ACTORS = {
    "SD": (("sd-army", ActorKind.STATE_FORCES), ("sd-rsf", ActorKind.REBEL_GROUP)),
    "ML": (("ml-army", ActorKind.STATE_FORCES), ("ml-jnim", ActorKind.REBEL_GROUP)),
    "UA": (("ua-army", ActorKind.STATE_FORCES), ("ru-army", ActorKind.EXTERNAL_FORCES)),
    "MM": (("mm-army", ActorKind.STATE_FORCES), ("mm-pdf", ActorKind.REBEL_GROUP)),
}
REGIONS = {"SD": (13.5, 30.0, 3.0), "ML": (15.0, -3.0, 3.0), "UA": (48.5, 36.0, 2.0), "MM": (20.0, 96.0, 3.0)}
TYPES = (
    ("Battles", "Armed clash", "clashed with"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
    ("Violence against civilians", "Attack", "attacked"),
)
START = date(2023, 1, 1)
DAYS = 730
EVENTS_PER_DOCUMENT = 5
PLACES_PER_COUNTRY = 400


@dataclass(frozen=True, slots=True)
class Query:
    """The measured query: events in Sudan in three months of 2024 inside a box, first 100."""

    path: str = "/api/events?country=SD&since=2024-01-01&until=2024-03-31&bbox=28,11,32,16&limit=100"


# Named API paths timed by --query-set, with how many runs each (scaled by --measure / 200, at least 3).
QUERY_SET: tuple[tuple[str, str, int], ...] = (
    ("filtered", Query().path, 200),
    ("page of 1000", "/api/events?limit=1000", 20),
    ("offset 50000", "/api/events?limit=100&offset=50000", 20),
    ("near 50 km", "/api/events?near=30,13.5,50&limit=100", 50),
    ("text, every document", "/api/events?q=shelled&limit=100", 50),
    ("text, one place", "/api/events?q=Town%20SD-17&limit=100", 50),
    ("admin1", "/api/events?country=SD&admin1=region%20sd-3&limit=100", 50),
    ("min_fatalities, -fatalities", "/api/events?country=ML&min_fatalities=30&sort=-fatalities&limit=100", 50),
)


def _places(rng: random.Random) -> dict[str, list[Place]]:
    out: dict[str, list[Place]] = {}
    for n, (country, (lat, lon, spread)) in enumerate(REGIONS.items()):
        out[country] = [
            Place(
                8_000_000 + n * PLACES_PER_COUNTRY + i,
                f"Town {country}-{i}",
                round(lat + rng.uniform(-spread, spread), 4),
                round(lon + rng.uniform(-spread, spread), 4),
                country,
                admin1=f"Region {country}-{i % 12}",
                precision=1,
            )
            for i in range(PLACES_PER_COUNTRY)
        ]
    return out


def _event(doc: Document, seq: int, start: int, rng: random.Random, place: Place, actors: list[Actor]) -> Event:
    text = doc.text
    sentence_end = text.index(".", start) + 1
    kind, sub, verb = TYPES[seq % len(TYPES)]  # the verb the sentence was written with
    verb_at = text.index(verb, start)
    place_at = text.index(place.name, start)
    count_at = text.index("killing ", start) + len("killing ")
    count_end = text.index(" people", count_at)
    killed = int(text[count_at:count_end])
    day = date.fromisoformat(text[text.index("On ", start) + 3 : text.index(",", start)])
    report = CasualtyReport(
        CasualtyKind.KILLED,
        Count(killed, killed, killed, Span.of(text, count_at, count_end)),
        VictimCategory.UNKNOWN,
        None,
        Span.of(text, count_at, count_end + len(" people")),
    )
    return Event(
        event_id=f"{doc.doc_id}-{seq}",
        doc_id=doc.doc_id,
        disorder_type="Political violence",
        event_type=kind,
        sub_event_type=sub,
        trigger=Span.of(text, verb_at, verb_at + len(verb)),
        actor1=actors[0],
        actor2=actors[1],
        date=DateRange(day, day, DatePrecision.DAY, None),
        location=PlaceMention(Span.of(text, place_at, place_at + len(place.name)), place),
        casualties=Casualties((report,)),
        confidence=round(rng.uniform(0.3, 0.95), 2),
        sentence=Span.of(text, start, sentence_end),
    )


def synthetic_document(number: int, rng: random.Random, places: dict[str, list[Place]]) -> Document:
    """One invented report with :data:`EVENTS_PER_DOCUMENT` events in one country."""
    country = rng.choice(sorted(REGIONS))
    actors = [Actor(actor_id, actor_id.upper(), kind, country) for actor_id, kind in ACTORS[country]]
    chosen = [(rng.choice(places[country]), START + timedelta(days=rng.randrange(DAYS))) for _ in range(5)]
    sentences = [
        f"On {day.isoformat()}, {actors[0].name} {TYPES[i % len(TYPES)][2]} {actors[1].name} in {place.name}, "
        f"killing {rng.randrange(0, 40)} people."
        for i, (place, day) in enumerate(chosen)
    ]
    text = " ".join(sentences)
    doc = Document(raw=f"synthetic report {number}", external_id=f"load-{number}", text=text, language="en")
    starts = [text.index(s) for s in sentences]
    doc.places = []
    doc.events = []
    for seq, ((place, _), start) in enumerate(zip(chosen, starts, strict=True)):
        event = _event(doc, seq, start, rng, place, actors)
        doc.events.append(event)
        assert event.location is not None
        doc.places.append(event.location)
    return doc


def fill(store: Store, *, events: int, seed: int = 7) -> int:
    """Save documents until at least ``events`` events are stored; returns the number of documents saved."""
    rng = random.Random(seed)
    places = _places(rng)
    documents = -(-events // EVENTS_PER_DOCUMENT)
    for number in range(documents):
        store.save(synthetic_document(number, rng, places))
    return documents


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def _time(get: Callable[[str], int], path: str, runs: int) -> tuple[dict[str, float], int]:
    samples: list[float] = []
    status = 0
    for _ in range(runs):
        began = time.perf_counter()
        status = get(path)
        samples.append(time.perf_counter() - began)
    return _percentiles(samples), status


def measure_testclient(db: str, runs: int, path: str) -> dict[str, float]:
    from fastapi.testclient import TestClient

    from frontlines.api.app import app_for_db

    with TestClient(app_for_db(db)) as client:
        body = client.get(path).json()
        items = len(body.get("items") or body.get("bins") or [])
        figures, _ = _time(lambda p: client.get(p).status_code, path, runs)
    return {**figures, "items": items}


@contextmanager
def _serve(db: str, port: int) -> Iterator[str]:
    import uvicorn

    from frontlines.api.app import app_for_db

    server = uvicorn.Server(uvicorn.Config(app_for_db(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def measure_http(db: str, runs: int, path: str) -> dict[str, float]:
    """The same over real HTTP: uvicorn on a free port of 127.0.0.1, httpx with keep-alive."""
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with _serve(db, port) as base, httpx.Client(base_url=base, timeout=30) as client:
        client.get(path)
        figures, _ = _time(lambda p: client.get(p).status_code, path, runs)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--events", type=int, default=0, help="Fill the store with at least this many events.")
    parser.add_argument("--measure", type=int, default=0, help="Time the query this many times.")
    parser.add_argument("--path", default=Query().path, help="The API path to time.")
    parser.add_argument("--query-set", action="store_true", help="Time every query of QUERY_SET instead.")
    args = parser.parse_args()
    if args.events:
        began = time.perf_counter()
        store = open_store(args.db)
        try:
            documents = fill(store, events=args.events)
            total = store.count_events()
        finally:
            store.close()
        print(f"filled {args.db}: {documents} documents, {total} events in {time.perf_counter() - began:.1f} s")
    if args.measure and args.query_set:
        for name, path, runs in QUERY_SET:
            count = max(3, runs * args.measure // 200)
            print(f"{name} ({count} runs): {path}")
            print("  TestClient:", measure_testclient(args.db, count, path))
            print("  HTTP 127.0.0.1:", measure_http(args.db, count, path))
    elif args.measure:
        print("query:", args.path)
        print("TestClient:", measure_testclient(args.db, args.measure, args.path))
        print("HTTP 127.0.0.1:", measure_http(args.db, args.measure, args.path))


if __name__ == "__main__":
    main()
