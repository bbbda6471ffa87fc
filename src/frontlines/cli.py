"""The ``frontlines`` command: run the pipeline into a store, list, show and export events, evaluate, benchmark.

Every command takes ``--db`` (default ``frontlines.db``, or the ``FRONTLINES_DB`` environment variable). Errors are
one line on stderr, never a traceback: exit code 0 is success, 1 an error, 2 a usage error.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from frontlines import __version__
from frontlines.errors import FrontlinesError
from frontlines.export import terminal
from frontlines.store import DEFAULT_DB, EventFilter, Store, open_store
from frontlines.store.base import SORTS, check_bbox, check_near

F = TypeVar("F", bound=Callable[..., Any])


class FrontlinesGroup(click.Group):
    """A group that turns expected failures into one-line errors (exit code 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FrontlinesError as exc:
            raise click.ClickException(str(exc)) from exc
        except BrokenPipeError:
            _silence_stdout()  # the reader went away (`frontlines export | head`): stop quietly
            ctx.exit(1)
        except OSError as exc:
            where = f": {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from exc


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def db_option(func: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        envvar="FRONTLINES_DB",
        show_default=True,
        show_envvar=True,
        help="SQLite database file (a PostgreSQL URL is not supported yet).",
    )(func)


def progress_option(func: F) -> F:
    return click.option(
        "--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal)."
    )(func)


_DATE = click.DateTime(formats=["%Y-%m-%d"])


def filter_options(func: F) -> F:
    options = [
        click.option("--since", type=_DATE, help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", type=_DATE, help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--country", help="Country name or ISO alpha-2 code."),
        click.option("--type", "event_type", help="ACLED event type, e.g. Battles."),
        click.option("--sub-type", "sub_event_type", help="ACLED sub-event type, e.g. 'Armed clash'."),
        click.option("--actor", help="Part of an actor's name or id."),
        click.option("--admin1", help="First-level region, e.g. 'Deir ez-Zor'."),
        click.option("--min-fatalities", type=click.IntRange(min=0), help="Events with at least this many dead."),
        click.option("--bbox", callback=_coordinates(4, check_bbox), help="minlon,minlat,maxlon,maxlat"),
        click.option("--near", callback=_coordinates(3, check_near), help="lon,lat,km: within km of a point."),
        click.option("--text", help="Words of the article text ('shell*' is a prefix)."),
        click.option("--sort", type=click.Choice(SORTS), help="Order [event_date]; '-' sorts descending."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def make_filter(options: dict[str, Any], limit: int | None) -> EventFilter:
    def day(value: datetime | None) -> str | None:
        return value.date().isoformat() if value else None

    return EventFilter(
        since=day(options.get("since")),
        until=day(options.get("until")),
        country=options.get("country"),
        event_type=options.get("event_type"),
        sub_event_type=options.get("sub_event_type"),
        actor=options.get("actor"),
        admin1=options.get("admin1"),
        min_fatalities=options.get("min_fatalities"),
        bbox=options.get("bbox"),
        near=options.get("near"),
        text=options.get("text"),
        sort=options.get("sort") or "event_date",
        limit=limit,
    )


def _coordinates(count: int, check: Callable[[Any], None]) -> Callable[[Any, Any, str | None], Any]:
    """A click callback reading ``count`` comma-separated numbers and checking them (bbox, near)."""

    def parse(ctx: Any, param: Any, value: str | None) -> tuple[float, ...] | None:
        if value is None:
            return None
        try:
            numbers = tuple(float(part) for part in value.split(","))
            if len(numbers) != count:
                raise ValueError(f"expected {count} comma-separated numbers")
            check(numbers)
        except (ValueError, FrontlinesError) as exc:
            raise click.BadParameter(str(exc)) from exc
        return numbers

    return parse


def console() -> Console:
    return Console(highlight=False)


@contextmanager
def opened(db: str) -> Iterator[Store]:
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


def _check_inputs(paths: tuple[str, ...]) -> None:
    for path in paths:
        if path != "-" and "://" not in path and not Path(path).exists():
            raise click.ClickException(f"no such file or directory: {path}")


@click.group(cls=FrontlinesGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="frontlines")
def main() -> None:
    """Structured, geolocated, evidence-linked records of armed conflict from news pages."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@progress_option
@click.option("--show", "show_count", type=click.IntRange(min=0), default=50, help="How many new events to list [50].")
def run(paths: tuple[str, ...], db: str, progress: bool | None, show_count: int) -> None:
    """Process files, folders or JSON Lines files into the database, then list the new events."""
    _check_inputs(paths)
    from frontlines.batch import run_paths

    started = datetime.now(UTC).isoformat(timespec="microseconds")
    with opened(db) as store:
        show_progress = sys.stderr.isatty() if progress is None else progress
        summary = run_paths(paths=list(paths), store=store, progress=show_progress)
        out = console()
        out.print(terminal.key_value_table(summary_rows(summary), title="Run", headers=("", "count")))
        events = new_events(store, summary, started, show_count)
        if events:
            out.print(terminal.events_table(events, title=f"New events ({summary.events_found} found)"))


def summary_rows(summary: Any) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [
        ("documents seen", summary.documents_seen),
        ("documents stored", summary.documents_stored),
        ("skipped (already stored)", summary.documents_skipped_duplicate),
        ("events found", summary.events_found),
    ]
    rows += [(f"discarded: {reason}", n) for reason, n in sorted(summary.discards.items())]
    rows += [(f"errors: {kind}", n) for kind, n in sorted(summary.errors.items())]
    rate = summary.documents_seen / summary.seconds if summary.seconds else 0.0
    rows += [("seconds", f"{summary.seconds:.2f}"), ("documents/second", f"{rate:.1f}")]
    return rows


def new_events(store: Store, summary: Any, started: str, limit: int) -> list[dict[str, Any]]:
    """The events this run stored: by the summary's ids when it has them, else by when their documents were stored."""
    ids = getattr(summary, "event_ids", None)
    if ids is None:
        return store.list_events(EventFilter(processed_since=started, limit=limit))
    found = (store.get_event(event_id) for event_id in ids[:limit])
    return [event for event in found if event is not None]


@main.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
def events(db: str, limit: int, **options: Any) -> None:
    """List stored events, oldest first."""
    with opened(db) as store:
        found = store.list_events(make_filter(options, limit))
    out = console()
    if not found:
        out.print("No events match.")
        return
    out.print(terminal.events_table(found, title=f"{len(found)} events"))


@main.command()
@click.argument("event_id")
@db_option
def show(event_id: str, db: str) -> None:
    """Show one event: every field, and its document's text with each piece of evidence highlighted."""
    with opened(db) as store:
        event = store.get_event(event_id)
    if event is None:
        raise click.ClickException(f"no event with id {event_id!r}")
    out = console()
    out.print(terminal.field_table(event))
    if event.get("casualties"):
        out.print(terminal.casualty_table(event))
    document = event["document"]
    heading = Text.assemble(("Document ", "bold"), document.get("external_id") or document["doc_id"])
    out.print(heading)
    if document.get("title"):
        out.print(Text(document["title"], style="bold"))
    out.print(terminal.highlight_evidence(document.get("text", ""), event.get("evidence", {})))


@main.command("export")
@db_option
@click.option("--what", type=click.Choice(["events", "documents"]), default="events", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv", "ucdp-csv", "geojson", "parquet"]),
    default="json",
    show_default=True,
    help="ucdp-csv (UCDP GED columns), geojson and parquet are for events only; parquet needs -o.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many events.")
def export_command(db: str, what: str, fmt: str, output: str | None, limit: int | None, **options: Any) -> None:
    """Export events (ACLED columns, per-side deaths, evidence) or documents as JSON, JSON Lines or CSV;
    events also as UCDP GED-style CSV, GeoJSON or Parquet."""
    from frontlines.export import FORMATS, export_documents, export_events

    if what == "documents" and (limit is not None or any(options.values())):
        raise click.UsageError("event filters (--since, --country, --limit...) apply to --what events only")
    if what == "documents" and fmt not in FORMATS:
        raise click.UsageError(f"--format {fmt} is for events only; documents export as {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not output:
            raise click.UsageError("--format parquet writes a binary file: give it with -o/--output")
        with opened(db) as store:
            written = export_events(store, fmt, output, make_filter(options, limit))
        click.echo(f"wrote {written} {what} to {output}", err=True)
        return
    with opened(db) as store, _output(output) as out:
        if what == "events":
            written = export_events(store, fmt, out, make_filter(options, limit))
        else:
            written = export_documents(store, fmt, out)
    if output:
        click.echo(f"wrote {written} {what} to {output}", err=True)


@contextmanager
def _output(path: str | None) -> Iterator[Any]:
    if path is None:
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        yield handle


@main.command("eval")
@click.argument("gold")
@click.option("--report", type=click.Path(dir_okay=False), help="Write the metrics to this JSON file.")
@click.option("--errors", type=click.Path(dir_okay=False), help="Write the misses to this JSON Lines file.")
@progress_option
@db_option
def eval_command(gold: str, report: str | None, errors: str | None, progress: bool | None, db: str) -> None:
    """Score the pipeline on a gold JSON Lines file (the database is not used)."""
    from frontlines.evaluate import run_eval

    _check_inputs((gold,))
    show_progress = sys.stderr.isatty() if progress is None else progress
    figures = run_eval(gold=gold, report=report, errors=errors, progress=show_progress)
    rows = [(name, terminal.figure(value)) for name, value in figures.items()]
    console().print(terminal.key_value_table(rows, title=f"Evaluation: {Path(gold).name}", headers=("metric", "value")))


@main.command()
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True, help="Seconds between polls.")
@click.option("--rounds", type=click.IntRange(min=1), default=None, help="Stop after this many polls (default: never).")
def watch(feeds_file: str, db: str, interval: float, rounds: int | None) -> None:
    """Poll the feeds listed in FEEDS_FILE (one URL a line) and process only new entries, until Ctrl+C."""
    from frontlines.ingest import default_fetcher
    from frontlines.pipeline import default_pipeline
    from frontlines.watch import Round
    from frontlines.watch import watch as watch_feeds

    out = console()

    def report(done: Round) -> None:
        failures = sum(done.fetch_failures.values())
        out.print(
            f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S}Z polled {done.feeds} feeds: {done.entries} entries, "
            f"{done.already_stored} already stored, {done.summary.documents_stored} new documents, "
            f"{done.summary.events_found} events, {failures} fetch failures"
        )

    with opened(db) as store, default_fetcher() as fetcher:
        pipeline = default_pipeline()
        watch_feeds(Path(feeds_file), store, fetcher, pipeline, interval=interval, rounds=rounds, report=report)


@main.command()
@click.argument("path", required=False)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Use at most this many documents.")
@db_option
def bench(path: str | None, limit: int | None, db: str) -> None:
    """Measure documents per second and memory on PATH (default: the project's benchmark set)."""
    from frontlines.bench import run_bench

    if path is not None:
        _check_inputs((path,))
    figures = run_bench(path=path, limit=limit)
    rows = [(name, terminal.figure(value)) for name, value in terminal.flatten(figures)]
    console().print(terminal.key_value_table(rows, title="Benchmark", headers=("figure", "value")))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the HTTP API (/api/..., docs at /api/docs) and the offline map page (/) over the database."""
    try:
        import uvicorn

        from frontlines.api.app import app_for_db
    except ImportError as exc:
        raise click.ClickException(f"serve needs fastapi and uvicorn ({exc.name} is missing)") from exc
    if db != ":memory:" and not Path(db).exists() and "://" not in db:
        raise click.ClickException(f"no such database: {db}")
    click.echo(f"frontlines: serving {db} on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app_for_db(db), host=host, port=port, log_level="warning")
