import json
from datetime import date

import pytest

from frontlines.ingest import document_from_record, iter_documents, media_type_of


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("page.html", b"anything", "text/html"),
        ("page.HTM", b"anything", "text/html"),
        ("story.txt", b"<html>", "text/plain"),
        ("noext", b"<!DOCTYPE html><html><body>x", "text/html"),
        ("noext", b"Plain words about a town.", "text/plain"),
        ("noext", b"  <div class='a'>x</div>", "text/html"),
    ],
)
def test_media_type_from_name_then_content(name, head, expected):
    assert media_type_of(name, head) == expected


def test_directory_is_walked_in_sorted_order_and_hidden_files_skipped(tmp_path):
    write(tmp_path, "b.txt", "second")
    write(tmp_path, "a.html", "<p>first</p>")
    write(tmp_path, ".hidden.txt", "never")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", "third")
    docs = list(iter_documents([tmp_path]))
    assert [d.raw for d in docs] == [b"<p>first</p>", b"second", b"third"]
    assert [d.media_type for d in docs] == ["text/html", "text/plain", "text/plain"]
    assert all(d.discard is None for d in docs)


def test_missing_path_is_a_counted_discard_not_an_exception(tmp_path):
    (doc,) = iter_documents([tmp_path / "nope.txt"])
    assert doc.discard is not None and doc.discard.reason == "missing"
    assert "nope.txt" in doc.discard.detail


def test_oversized_file_is_discarded_unread(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTLINES_MAX_INPUT_BYTES", "10")
    write(tmp_path, "big.txt", "x" * 11)
    (doc,) = iter_documents([tmp_path / "big.txt"])
    assert doc.discard is not None and doc.discard.reason == "too_large"


def test_jsonl_lines_keep_their_ids_and_bad_lines_are_discards(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Troops clashed.", "url": "http://x/1", "published": "2020-05-01"}),
        "",
        "{broken",
        json.dumps({"id": "a3", "html": "<p>x</p>", "text": "both"}),
        json.dumps({"id": "a4", "text": 5}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a6", "html": "<p>Police fired tear gas.</p>"}),
    ]
    write(tmp_path, "in.jsonl", "\n".join(lines))
    docs = list(iter_documents([tmp_path / "in.jsonl"]))
    assert len(docs) == 6
    first, broken, both, number, array, html = docs
    assert first.external_id == "a1" and first.url == "http://x/1" and first.given_published == date(2020, 5, 1)
    assert first.raw == "Troops clashed." and first.media_type == "text/plain" and first.discard is None
    for bad in (broken, both, number, array):
        assert bad.discard is not None and bad.discard.reason == "malformed_json"
    assert broken.discard is not None and "in.jsonl:3" in broken.discard.detail
    assert both.external_id == "a3"
    assert html.media_type == "text/html" and html.discard is None


def test_same_content_has_same_id_and_different_content_differs():
    one = document_from_record('{"id": "x", "text": "A"}', where="f:1")
    again = document_from_record('{"id": "y", "text": "A"}', where="f:2")
    other = document_from_record('{"id": "x", "text": "B"}', where="f:3")
    assert one.doc_id == again.doc_id != other.doc_id
    assert len(one.doc_id) == 16


def test_bad_published_value_is_ignored_not_fatal():
    doc = document_from_record('{"text": "A", "published": "yesterday"}', where="f:1")
    assert doc.given_published is None and doc.discard is None and doc.external_id == "f:1"


def test_urls_and_url_lists_go_through_the_fetcher(tmp_path):
    from frontlines.sources.fetch import FakeFetcher, fake_page

    page = "<html><body><p>Rebels attacked a convoy.</p></body></html>"
    fetcher = FakeFetcher(
        {"https://news.example/a": fake_page("https://news.example/a", page, content_type="text/html")}
    )
    url_list = write(tmp_path, "watch.urls", "# outlets\nhttps://news.example/a\nhttps://news.example/missing\n")
    direct, listed, missing = iter_documents(["https://news.example/a", url_list], fetcher=fetcher)
    assert direct.url == "https://news.example/a" and direct.media_type == "text/html" and direct.discard is None
    assert listed.raw == direct.raw
    assert missing.discard is not None and missing.discard.reason == "fetch_failed"


def test_warc_archives_in_a_directory_are_streamed(tmp_path):
    from datetime import UTC, datetime

    from frontlines.sources.warc import write_test_warc

    when = datetime(2023, 5, 4, 12, 0, tzinfo=UTC)
    pages = [(f"https://news.example/{i}", f"<html><body><p>Story {i}</p></body></html>", when) for i in range(3)]
    write_test_warc(tmp_path / "crawl.warc.gz", pages, gzip=True)
    docs = list(iter_documents([tmp_path]))
    assert [d.url for d in docs] == [url for url, _, _ in pages]
    assert all(d.fetched_at == when and d.media_type == "text/html" for d in docs)
