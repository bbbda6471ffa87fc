"""WARC archives: written with warcio, read back record by record; damage is a counted discard, never an exception."""

from __future__ import annotations

import gzip as gzip_module
from datetime import UTC, datetime

import pytest

from frontlines.sources.warc import (
    WarcCapture,
    is_warc_path,
    iter_warc_documents,
    parse_warc_date,
    write_test_warc,
    write_warc,
)

WHEN = datetime(2024, 3, 14, 9, 26, 53, tzinfo=UTC)


def pages(count: int, *, size: int = 600) -> list[tuple[str, str, datetime]]:
    filler = "Shelling continued overnight along the northern front. " * (size // 56 + 1)
    return [
        (f"https://wire.example/news/{i}", f"<html><body><h1>Report {i}</h1><p>{filler}</p></body></html>", WHEN)
        for i in range(count)
    ]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_round_trip(tmp_path, gzip):
    path = tmp_path / ("a.warc.gz" if gzip else "a.warc")
    written = pages(5)
    assert write_test_warc(path, written, gzip=gzip) == 5
    docs = list(iter_warc_documents(path))
    assert [d.url for d in docs] == [url for url, _, _ in written]
    assert [d.raw for d in docs] == [html.encode("utf-8") for _, html, _ in written]
    assert all(d.media_type == "text/html" and d.fetched_at == WHEN and d.given_published is None for d in docs)
    assert all(d.external_id.startswith("<urn:uuid:") and d.source_path == str(path) for d in docs)
    assert len({d.external_id for d in docs}) == 5 and all(d.discard is None for d in docs)
    with path.open("rb") as handle:
        assert (handle.read(2) == b"\x1f\x8b") is gzip


def test_only_successful_html_and_text_captures_are_kept(tmp_path):
    path = tmp_path / "mixed.warc.gz"
    captures = [
        WarcCapture("https://wire.example/keep.html", b"<html><p>kept</p></html>", WHEN),
        WarcCapture("https://wire.example/logo.png", b"\x89PNG\r\n", WHEN, content_type="image/png"),
        WarcCapture("https://wire.example/api", b'{"a": 1}', WHEN, content_type="application/json"),
        WarcCapture("https://wire.example/gone", b"<html>404</html>", WHEN, status="404 Not Found"),
        WarcCapture("https://wire.example/moved", b"", WHEN, status="301 Moved Permanently"),
        WarcCapture("https://wire.example/notes.txt", b"Plain notes.", WHEN, content_type="text/plain"),
        WarcCapture("https://wire.example/res", b"<p>resource</p>", WHEN, record_type="resource"),
        WarcCapture("https://wire.example/meta", b"outlinks: x", WHEN, record_type="metadata"),
        WarcCapture(
            "https://wire.example/latin",
            "Défense".encode("latin-1"),
            WHEN,
            content_type="text/html; charset=iso-8859-1",
        ),
    ]
    assert write_warc(path, captures, gzip=True, with_requests=True) == len(captures)
    docs = list(iter_warc_documents(path))
    assert [(d.url.rsplit("/", 1)[1], d.media_type) for d in docs] == [
        ("keep.html", "text/html"),
        ("notes.txt", "text/plain"),
        ("res", "text/html"),
        ("latin", "text/html"),
    ]
    assert docs[-1].raw == "Défense"  # the HTTP header's charset was the only declaration
    assert all(d.discard is None for d in docs)


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("keep", [0.35, 0.6, 0.95])
def test_truncated_archive_yields_earlier_records_then_a_corrupt_discard(tmp_path, gzip, keep):
    whole = tmp_path / "whole.warc"
    write_test_warc(whole, pages(6), gzip=gzip)
    complete = list(iter_warc_documents(whole))
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * keep)])
    docs = list(iter_warc_documents(cut))
    *kept, last = docs
    assert last.discard is not None and last.discard.reason == "corrupt_archive"
    assert str(cut) in last.discard.detail and "after" in last.discard.detail and "records" in last.discard.detail
    assert 0 < len(kept) < 6 and [d.raw for d in kept] == [d.raw for d in complete[: len(kept)]]
    assert all(d.discard is None for d in kept)


def test_garbage_and_missing_files_are_discards(tmp_path):
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(gzip_module.compress(b"this is not a WARC record at all\r\n" * 20))
    (doc,) = iter_warc_documents(junk)
    assert (
        doc.discard is not None and doc.discard.reason == "corrupt_archive" and "after 0 records" in doc.discard.detail
    )
    (missing,) = iter_warc_documents(tmp_path / "none.warc.gz")
    assert missing.discard is not None and missing.discard.reason == "unreadable"


def test_empty_archive_yields_nothing(tmp_path):
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    assert list(iter_warc_documents(path)) == []


def test_oversized_record_is_a_too_large_discard_and_the_rest_goes_on(tmp_path, monkeypatch):
    path = tmp_path / "big.warc.gz"
    write_test_warc(path, [pages(1, size=5000)[0], pages(2, size=100)[1]], gzip=True)
    monkeypatch.setenv("FRONTLINES_MAX_INPUT_BYTES", "2000")
    first, second = iter_warc_documents(path)
    assert first.discard is not None and first.discard.reason == "too_large"
    assert second.discard is None and second.url.endswith("/1")


def test_archive_is_read_lazily(tmp_path):
    path = tmp_path / "lazy.warc.gz"
    write_test_warc(path, (page for page in pages(50)), gzip=True)
    stream = iter_warc_documents(path)
    first = next(stream)
    assert first.url.endswith("/0")
    stream.close()


def test_memory_stays_flat_as_the_archive_grows(tmp_path):
    import tracemalloc

    peaks = []
    for count in (40, 400):
        path = tmp_path / f"{count}.warc.gz"
        write_test_warc(path, pages(count, size=5000), gzip=True)
        tracemalloc.start()
        seen = sum(1 for _ in iter_warc_documents(path))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert seen == count
    assert peaks[1] < 1.5 * peaks[0] + 64 * 1024 and peaks[1] < 1024 * 1024  # 2 MB of pages, well under 1 MB held


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-14T09:26:53Z", WHEN),
        ("2024-03-14T09:26:53.123456Z", WHEN.replace(microsecond=123456)),
        ("2024-03-14T09:26:53", WHEN),
        ("not a date", None),
    ],
)
def test_warc_date(value, expected):
    assert parse_warc_date(value) == expected


@pytest.mark.parametrize(
    ("name", "warc"), [("crawl.warc", True), ("CRAWL-00001.WARC.GZ", True), ("a.gz", False), ("a.warc.txt", False)]
)
def test_is_warc_path(name, warc):
    assert is_warc_path(name) is warc
