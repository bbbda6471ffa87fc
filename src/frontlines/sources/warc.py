"""WARC archives (.warc, .warc.gz) streamed record by record into Documents, and a writer for test archives.

Only HTTP ``response`` records (and ``resource`` records) with status 200 and an HTML or plain-text payload become
Documents; request, metadata, warcinfo and revisit records, other media types and other statuses are skipped
silently (they are not documents). A record over the ``max_input_bytes`` setting is a ``too_large`` discard. A
truncated or corrupt archive yields the records before the damage, then one Document carrying
``Discard("corrupt_archive", ...)``: never an exception. The archive is never loaded whole.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from frontlines import settings
from frontlines.model import Discard, Document
from frontlines.sources.content import document_body, page_media_type, split_content_type

# WARC record types that carry a captured document; every other type is skipped.
DOCUMENT_RECORD_TYPES = ("response", "resource")
_READ_CHUNK = 64 * 1024
# Characters of an exception message kept in a corrupt_archive detail (warcio's can be paragraphs).
_MAX_DETAIL = 200
# Blank-line bytes an uncompressed archive may hold after its last record.
_TAIL_SLACK = 16


WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc_path(path: str | os.PathLike[str]) -> bool:
    """True for a file name ending in .warc or .warc.gz (any case)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def iter_warc_documents(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Every page of a WARC archive as a Document: url = WARC-Target-URI, raw = HTTP body, fetched_at = WARC-Date
    (the capture date, which clean uses as the latest plausible publication date), external_id = WARC-Record-ID."""
    from warcio.archiveiterator import ArchiveIterator

    where = Path(path)
    try:
        handle = where.open("rb")
    except OSError as exc:
        yield _archive_discard(where, "unreadable", f"{where}: {exc.strerror or exc}")
        return
    limit = settings.get_int("max_input_bytes")
    with handle:
        iterator = ArchiveIterator(handle)
        records, count, end = iter(iterator), 0, 0
        while True:
            try:
                record = next(records, None)
                if record is None:
                    _check_tail(handle, end=end)
                    return
                _check_record(record)
                doc = _record_document(record, where=where, limit=limit)
                end = _record_end(iterator, record)
            # warcio signals damage with many exception types (ArchiveLoadFailed, EOFError, zlib.error, ValueError,
            # IndexError...); any of them while reading a record means the archive is damaged from here on.
            except Exception as exc:
                what = " ".join(f"{type(exc).__name__}: {exc}".split())[:_MAX_DETAIL].rstrip(": ")
                yield _archive_discard(where, "corrupt_archive", f"{where}: {what} after {count} records")
                return
            count += 1
            if doc is not None:
                yield doc


def _check_record(record: Any) -> None:
    """Raise when warcio made a record out of something that is not a whole WARC record header."""
    if not record.format.startswith("warc"):
        raise ValueError(f"not a WARC record (read as {record.format})")
    if record.rec_headers.get_header("Content-Length") is None:
        raise EOFError("a record without Content-Length (headers cut short)")


def _record_end(iterator: Any, record: Any) -> int:
    """Where the record ends in the file (its rest read); raises EOFError when the archive ended inside it."""
    end = iterator.get_record_offset() + iterator.get_record_length()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise EOFError(f"record {record.rec_headers.get_header('WARC-Record-ID')} is missing {missing} bytes")
    return end


def _check_tail(handle: Any, *, end: int) -> None:
    """Raise EOFError when bytes other than blank lines follow the last whole record: warcio ends quietly when the
    archive stops inside a record's headers (or inside a gzip member), so that damage shows only here."""
    size = os.fstat(handle.fileno()).st_size
    if size <= end:
        return
    handle.seek(end)
    tail = handle.read(_TAIL_SLACK + 1)
    if len(tail) > _TAIL_SLACK or tail.strip():
        raise EOFError(f"{size - end} bytes at offset {end} are not a whole record")


def _record_document(record: Any, *, where: Path, limit: int) -> Document | None:
    """The record's Document, ``None`` when it is not a 200 HTML/text capture; raises when the record is damaged."""
    if record.rec_type not in DOCUMENT_RECORD_TYPES:
        return None
    declared = _declared_content_type(record)
    if declared is None:
        return None
    media_type, charset = split_content_type(declared)
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID") or ""
    body = _read_body(record, limit=limit)
    if body is None:
        detail = f"{where}: record {record_id} is over the {limit} byte limit"
        return _archive_discard(where, "too_large", detail, external_id=record_id)
    kind = page_media_type(media_type, body)
    if not kind:
        return None
    return Document(
        raw=document_body(body, charset),
        media_type=kind,
        external_id=record_id,
        url=headers.get_header("WARC-Target-URI") or "",
        source_path=str(where),
        fetched_at=parse_warc_date(headers.get_header("WARC-Date") or ""),
    )


def _declared_content_type(record: Any) -> str | None:
    """The payload's Content-Type, or ``None`` when the record is not a successful capture."""
    if record.rec_type == "resource":
        return record.rec_headers.get_header("Content-Type") or ""
    http = record.http_headers
    if http is None or http.get_statuscode() != "200":
        return None
    return http.get_header("Content-Type") or ""


def _read_body(record: Any, *, limit: int) -> bytes | None:
    """The payload (chunking and content encoding undone), ``None`` when over ``limit``."""
    stream = record.content_stream()
    chunks, size = [], 0
    while chunk := stream.read(_READ_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def parse_warc_date(value: str) -> datetime | None:
    """``2024-05-01T12:00:00Z`` (WARC 1.0, or with fractional seconds as in WARC 1.1) as an aware UTC datetime."""
    try:
        found = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def _archive_discard(where: Path, reason: str, detail: str, *, external_id: str = "") -> Document:
    return Document(
        raw=detail.encode("utf-8"),
        external_id=external_id or str(where),
        source_path=str(where),
        discard=Discard(reason, detail),
    )


@dataclass(frozen=True, slots=True)
class WarcCapture:
    """One capture to write: a response record (with a request record before it when asked)."""

    url: str
    body: bytes
    captured_at: datetime
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    record_type: str = "response"


def write_test_warc(
    path: str | os.PathLike[str], pages: Iterable[tuple[str, str, datetime]], *, gzip: bool = True
) -> int:
    """Write ``(url, html, captured_at)`` pages as a WARC archive (a warcinfo record, then a request and a
    response record per page); returns the number of pages. ``pages`` may be a generator: nothing is held."""
    captures = (WarcCapture(url, html.encode("utf-8"), when) for url, html, when in pages)
    return write_warc(path, captures, gzip=gzip, with_requests=True)


def write_warc(
    path: str | os.PathLike[str], captures: Iterable[WarcCapture], *, gzip: bool = True, with_requests: bool = False
) -> int:
    """Write captures of any type, status and content type as a WARC archive; returns the number written."""
    from warcio.warcwriter import WARCWriter

    count = 0
    with Path(path).open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(Path(path).name, {"software": "frontlines"}))
        for capture in captures:
            if with_requests:
                writer.write_record(_request_record(writer, capture))
            writer.write_record(_capture_record(writer, capture))
            count += 1
    return count


def _capture_record(writer: Any, capture: WarcCapture) -> Any:
    from warcio.statusandheaders import StatusAndHeaders

    date = capture.captured_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    warc_headers = {"WARC-Date": date, "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>"}
    if capture.record_type == "resource":
        warc_headers["Content-Type"] = capture.content_type
        return writer.create_warc_record(
            capture.url, "resource", payload=io.BytesIO(capture.body), warc_headers_dict=warc_headers
        )
    http_headers = StatusAndHeaders(
        capture.status,
        [("Content-Type", capture.content_type), ("Content-Length", str(len(capture.body)))],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        capture.url,
        capture.record_type,
        payload=io.BytesIO(capture.body),
        http_headers=http_headers,
        warc_headers_dict=warc_headers,
    )


def _request_record(writer: Any, capture: WarcCapture) -> Any:
    from urllib.parse import urlsplit

    from warcio.statusandheaders import StatusAndHeaders

    parts = urlsplit(capture.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", parts.netloc)], is_http_request=True)
    return writer.create_warc_record(
        capture.url, "request", payload=io.BytesIO(b""), http_headers=headers, warc_headers_dict={}
    )
