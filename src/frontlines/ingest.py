"""Ingest: files, directories, JSON Lines (the gold format of ``../shared/eval/FORMAT.md``), WARC archives,
URLs, RSS/Atom feeds and URL list files (``*.urls``, one URL a line) into Documents.

Every input becomes a :class:`Document`; an input that cannot be read (missing, too large, a malformed JSON line)
becomes a Document carrying a :class:`Discard`, so the batch counts it and goes on. Nothing here raises for bad content.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from frontlines import settings
from frontlines.model import Discard, Document
from frontlines.sources.feeds import is_url
from frontlines.sources.fetch import Fetcher
from frontlines.sources.warc import is_warc_path, iter_warc_documents

# A JSON Lines file may be large; each line is bounded by the max_input_bytes setting, like a file.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
URL_LIST_SUFFIX = ".urls"
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text", ".md")
# Files a directory walk skips: hidden files and obvious non-documents.
SKIPPED_SUFFIXES = (".gz", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".pdf", ".pyc", ".db", ".sqlite")


def iter_documents(paths: Iterable[str | os.PathLike[str]], fetcher: Fetcher | None = None) -> Iterator[Document]:
    """Every document in the given inputs; directories are walked recursively in sorted order.

    URLs (pages or feeds) and URL list files are fetched politely with ``fetcher`` (an HttpFetcher built from the
    settings when none is given, and closed at the end).
    """
    own: Any = None
    try:
        for path in paths:
            if (isinstance(path, str) and is_url(path)) or Path(path).suffix.lower() == URL_LIST_SUFFIX:
                if fetcher is None:
                    fetcher = own = default_fetcher()
                yield from _iter_remote(str(path), fetcher)
            else:
                yield from _iter_path(Path(path))
    finally:
        if own is not None:
            own.close()


def _iter_remote(where: str, fetcher: Fetcher) -> Iterator[Document]:
    from frontlines.sources.feeds import iter_url_documents, iter_url_file_documents

    if is_url(where):
        yield from iter_url_documents([where], fetcher)
    else:
        yield from iter_url_file_documents(where, fetcher)


def default_fetcher() -> Any:
    from frontlines.sources.fetch import FetchOptions, HttpFetcher

    options = FetchOptions(
        delay=float(settings.get("fetch_delay")),
        read_timeout=float(settings.get("fetch_timeout")),
        allow_private=settings.get("fetch_allow_private").lower() in ("1", "true", "yes"),
    )
    return HttpFetcher(options)


def _iter_path(path: Path) -> Iterator[Document]:
    if not path.exists():
        yield _discarded(path, "missing", f"{path}: no such file or directory")
    elif path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and (is_warc_path(child) or not is_skipped(child)):
                yield from _iter_file(child)
    else:
        yield from _iter_file(path)


def is_skipped(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts[-1:]) or path.suffix.lower() in SKIPPED_SUFFIXES


def _iter_file(path: Path) -> Iterator[Document]:
    if is_warc_path(path):
        yield from iter_warc_documents(path)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from iter_jsonl(path)
        return
    size, limit = path.stat().st_size, settings.get_int("max_input_bytes")
    if size > limit:
        yield _discarded(path, "too_large", f"{path}: {size} bytes is over the {limit} byte limit")
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield _discarded(path, "unreadable", f"{path}: {exc.strerror or exc}")
        return
    yield Document(
        raw=raw,
        media_type=media_type_of(path.name, raw),
        external_id=str(path),
        source_path=str(path),
        fetched_at=datetime.fromtimestamp(path.stat().st_mtime, tz=UTC),
    )


def media_type_of(name: str, raw: bytes | str) -> str:
    """``text/html`` or ``text/plain``, from the file name, else by sniffing the first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return "text/plain"
    head = raw[:2048].lower() if isinstance(raw, str) else raw[:2048].decode("latin-1").lower()
    markers = ("<!doctype html", "<html", "<body", "<head", "<div", "<p>", "<article")
    return "text/html" if any(marker in head for marker in markers) else "text/plain"


def iter_jsonl(path: Path) -> Iterator[Document]:
    """Documents of a JSON Lines file in the gold format; a bad line is a counted discard, never an abort."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _discarded(path, "unreadable", f"{path}: {exc.strerror or exc}")
        return
    limit = settings.get_int("max_input_bytes")
    with handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            if len(line) > limit:
                yield _discarded(path, "too_large", f"{where}: line of {len(line)} bytes", external_id=where)
                continue
            yield document_from_record(line, where=where, source_path=str(path))


def document_from_record(line: bytes | str, *, where: str, source_path: str = "") -> Document:
    """One gold-format JSON line as a Document (or a Document carrying a ``malformed_json`` discard)."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return _discarded(Path(source_path), "malformed_json", f"{where}: not valid JSON ({exc})", external_id=where)
    problem = _record_problem(record)
    if problem:
        external_id = str(record.get("id", where)) if isinstance(record, dict) else where
        return _discarded(Path(source_path), "malformed_json", f"{where}: {problem}", external_id=external_id)
    is_html = "html" in record
    return Document(
        raw=record["html"] if is_html else record["text"],
        media_type="text/html" if is_html else "text/plain",
        external_id=str(record.get("id") or where),
        url=str(record.get("url") or ""),
        source_path=source_path,
        given_published=_parse_day(record.get("published")),
    )


def _record_problem(record: Any) -> str:
    if not isinstance(record, dict):
        return "a line must hold a JSON object"
    has = [key for key in ("html", "text") if key in record]
    if len(has) != 1:
        return "a line must have exactly one of 'html' or 'text'"
    if not isinstance(record[has[0]], str):
        return f"'{has[0]}' must be a string"
    return ""


def _parse_day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _discarded(path: Path, reason: str, detail: str, *, external_id: str = "") -> Document:
    return Document(
        raw=detail.encode("utf-8"),
        external_id=external_id or str(path),
        source_path=str(path),
        discard=Discard(reason, detail),
    )
