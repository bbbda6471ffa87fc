"""The HTTP API and the map page over one store: ``create_app(store_factory=...)`` or ``app_for_db("file.db")``.

Endpoints (all GET, JSON; OpenAPI at /api/openapi.json, interactive docs at /api/docs):
/api/events, /api/events/{event_id}, /api/incidents, /api/actors, /api/places, /api/territory,
/api/stats/timeline, /api/export?format=..., and the web page at / with its files under /static/.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, Literal, cast

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from frontlines import __version__
from frontlines.api import queries
from frontlines.api.params import DEFAULT_LIMIT, MAX_LIMIT, BadQuery, EventQuery, build_query
from frontlines.api.worker import StoreWorker
from frontlines.errors import ConfigError, StoreError
from frontlines.export import write_event_records
from frontlines.store import open_store
from frontlines.store.base import Store

WEB_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

DESCRIPTION = """Events, incidents, actors and places of a frontlines store.

Filters of /api/events (also /api/incidents, /api/territory, /api/stats/timeline): since/until (YYYY-MM-DD,
inclusive), bbox=minlon,minlat,maxlon,maxlat, near=lon,lat,km, country (name or ISO alpha-2), admin1, event_type,
sub_event_type, actor (part of a name or id), min_fatalities, q (words of the article text; `word*` is a prefix).

Filtering, sorting and paging of /api/events happen in the store. The aggregates (incidents, actors, places,
territory, timeline) read at most 20,000 matching events; their answers say `truncated: true` when there were more
(narrow the filters). /api/export is never truncated.

Incidents are merged by frontlines.dedup as documents are stored (near-duplicate copies flagged, fatalities
low/best/high across sources); an event not yet merged is an incident of its own.
"""


def event_query(
    since: date | None = Query(None, description="Events on or after this day (YYYY-MM-DD)."),
    until: date | None = Query(None, description="Events on or before this day (YYYY-MM-DD)."),
    bbox: str | None = Query(None, max_length=200, description="minlon,minlat,maxlon,maxlat in degrees."),
    near: str | None = Query(None, max_length=200, description="lon,lat,km: within km of the point."),
    country: str | None = Query(None, max_length=100, description="Country name or ISO alpha-2 code."),
    admin1: str | None = Query(None, max_length=200, description="First-level region (exact, any case)."),
    event_type: str | None = Query(None, max_length=100, description="ACLED event type, e.g. Battles."),
    sub_event_type: str | None = Query(None, max_length=100, description="ACLED sub-event type."),
    actor: str | None = Query(None, max_length=200, description="Part of an actor's name or id."),
    min_fatalities: int | None = Query(None, ge=0, le=10_000_000, description="At least this many killed."),
    q: str | None = Query(None, max_length=500, description="Words that must all be in the article text."),
    sort: Literal["event_date", "-event_date", "fatalities", "-fatalities"] = Query("event_date"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Page size (1..{MAX_LIMIT})."),
    offset: int = Query(0, ge=0, le=100_000_000),
) -> EventQuery:
    return build_query(
        since=since,
        until=until,
        bbox=bbox,
        near=near,
        country=country,
        admin1=admin1,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        min_fatalities=min_fatalities,
        q=q,
        sort=sort,
        limit=limit,
        offset=offset,
    )


def _cached(store: Store, cache: dict[tuple[Any, ...], Any], key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """A value computed over the store, kept until the number of stored events changes."""
    full_key = (*key, store.count_events())
    if full_key not in cache:
        if len(cache) > 256:
            cache.clear()
        cache[full_key] = build()
    return cache[full_key]


def _aggregate(
    store: Store,
    cache: dict[tuple[Any, ...], Any],
    name: str,
    fn: Callable[..., Any],
    query: EventQuery,
    *args: Any,
) -> tuple[Any, bool]:
    """``fn(records, *args)`` over the matching events (at most SCAN_LIMIT), and whether they were truncated."""
    key = (name, query.store_filter, query.admin1, query.min_fatalities, *args)

    def build() -> tuple[Any, bool]:
        records, truncated = queries.scanned(store, query)
        return fn(records, *args), truncated

    return cast("tuple[Any, bool]", _cached(store, cache, key, build))


def _event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    record = store.get_event(event_id)
    if record is not None:
        record["incident"] = queries.incident_of(store, record)
    return record


# Export formats: media type and file extension.
EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "ucdp-csv": ("text/csv; charset=utf-8", "ucdp.csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "json": ("application/json", "json"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


def _export(store: Store, query: EventQuery, fmt: str) -> bytes:
    """Every matching event (limit/offset/sort do not apply) in an export format, as bytes."""
    records = queries.matching(store, query)
    if fmt == "parquet":
        binary = io.BytesIO()
        write_event_records(records, fmt, binary)
        return binary.getvalue()
    text = io.StringIO()
    write_event_records(records, fmt, text)
    return text.getvalue().encode("utf-8")


def _routes(app: FastAPI, worker: StoreWorker) -> None:
    @app.get("/api/events", tags=["events"], summary="Events matching the filters, one page")
    async def list_events(query: EventQuery = Depends(event_query)) -> dict[str, Any]:
        return await worker.run(queries.events_page, query)

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with evidence, document text, incident")
    async def get_event(event_id: str) -> dict[str, Any]:
        if len(event_id) > 200:
            raise HTTPException(status_code=422, detail="event_id is too long (at most 200 characters)")
        record = await worker.run(_event_detail, event_id)
        if record is None:
            raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
        return record

    @app.get("/api/incidents", tags=["events"], summary="Reports grouped into incidents (see the description)")
    async def list_incidents(query: EventQuery = Depends(event_query)) -> dict[str, Any]:
        return await worker.run(queries.incidents_page, query)

    @app.get("/api/actors", tags=["aggregates"], summary="Actors of the matching events, most active first")
    async def list_actors(query: EventQuery = Depends(event_query)) -> dict[str, Any]:
        items, truncated = await worker.run(_aggregate, worker.cache, "actors", queries.actors, query)
        return {"items": items, "count": len(items), "truncated": truncated}

    @app.get("/api/places", tags=["aggregates"], summary="Places of the matching events, most events first")
    async def list_places(query: EventQuery = Depends(event_query)) -> dict[str, Any]:
        items, truncated = await worker.run(_aggregate, worker.cache, "places", queries.places, query)
        return {"items": items, "count": len(items), "truncated": truncated}

    @app.get("/api/territory", tags=["aggregates"], summary="Territorial control changes: who took which place when")
    async def list_territory(query: EventQuery = Depends(event_query)) -> dict[str, Any]:
        items, truncated = await worker.run(_aggregate, worker.cache, "territory", queries.territory, query)
        return {"items": items, "count": len(items), "truncated": truncated}

    @app.get("/api/stats/timeline", tags=["aggregates"], summary="Events and fatalities per day or week")
    async def stats_timeline(
        query: EventQuery = Depends(event_query), interval: Literal["day", "week"] = Query("day")
    ) -> dict[str, Any]:
        bins, truncated = await worker.run(_aggregate, worker.cache, "timeline", queries.timeline, query, interval)
        return {"interval": interval, "bins": bins, "truncated": truncated}

    @app.get(
        "/api/export",
        tags=["export"],
        summary="Every matching event as a file (limit, offset and sort do not apply)",
        response_class=Response,
    )
    async def export_events(
        query: EventQuery = Depends(event_query),
        format: Literal["csv", "ucdp-csv", "geojson", "jsonl", "json", "parquet"] = Query("csv"),
    ) -> Response:
        body = await worker.run(_export, query, format)
        media_type, extension = EXPORTS[format]
        headers = {"Content-Disposition": f'attachment; filename="frontlines-events.{extension}"'}
        return Response(content=body, media_type=media_type, headers=headers)


def _web(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})


def _errors(app: FastAPI) -> None:
    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(ConfigError)
    async def bad_config(request: Request, exc: ConfigError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": f"the database could not answer: {exc}"})


def create_app(*, store_factory: Callable[[], Store], web: bool = True) -> FastAPI:
    """The app; ``store_factory`` is called once, on the app's store thread. The store closes on shutdown."""
    worker = StoreWorker(store_factory)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        worker.close()

    app = FastAPI(
        title="frontlines",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.worker = worker
    _errors(app)
    _routes(app, worker)
    if web:
        _web(app)
    return app


def app_for_db(db: str) -> FastAPI:
    """The app over the store at ``db`` (a SQLite path or a PostgreSQL URL, as :func:`open_store` takes)."""
    return create_app(store_factory=lambda: open_store(db))
