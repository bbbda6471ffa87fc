"""Feeds, URL lists and content sniffing, without a network: a FakeFetcher serves every URL."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.sources.content import document_body, feed_root, is_feed, page_media_type, split_content_type
from frontlines.sources.feeds import (
    FeedEntry,
    is_url,
    iter_feed_entries,
    iter_url_documents,
    iter_url_file_documents,
    local_day,
    parse_url_list,
)
from frontlines.sources.fetch import FakeFetcher, failure, fake_page

BASE = "https://wire.example/feeds/main.xml"

RSS_091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old wire</title><link>https://wire.example/</link><description>d</description>
<item><title>Border post shelled</title><link>https://wire.example/a/1</link><description>x</description></item>
</channel></rss>"""

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://wire.example/"><title>RDF wire</title><link>https://wire.example/</link></channel>
<item rdf:about="https://wire.example/a/2"><title>Militia seizes checkpoint</title>
<link>https://wire.example/a/2</link><dc:date>2023-11-02T18:00:00+01:00</dc:date></item>
</rdf:RDF>"""

RSS_20 = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>  Airstrike   on market </title><link>/a/3#comments</link><guid isPermaLink="false">w-3</guid>
<pubDate>Sun, 03 Mar 2024 23:50:00 -0500</pubDate></item>
<item><title>Same story again</title><link>https://wire.example/a/3</link></item>
<item><title>No link at all</title><description>only text</description></item>
<item><title>Mail</title><link>mailto:desk@wire.example</link></item>
<item><title>Permalink guid</title><guid>https://wire.example/a/4</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example/atom/">
<title>Atom wire</title><id>urn:w</id><updated>2024-01-09T00:00:00Z</updated>
<entry><title>Convoy hit by IED</title><id>tag:wire.example,2024:5</id>
<link rel="alternate" type="text/html" href="../a/5"/><link rel="enclosure" href="https://cdn.example/5.jpg"/>
<updated>2024-01-09T00:00:00Z</updated><published>2024-01-08T22:10:00-03:00</published></entry>
</feed>"""


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        (RSS_091, [FeedEntry("https://wire.example/a/1", "Border post shelled", None, "")]),
        (
            RSS_10,
            [
                FeedEntry(
                    "https://wire.example/a/2",
                    "Militia seizes checkpoint",
                    date(2023, 11, 2),
                    "https://wire.example/a/2",
                )
            ],
        ),
        (
            RSS_20,
            [
                FeedEntry("https://wire.example/a/3", "Airstrike on market", date(2024, 3, 3), "w-3"),
                FeedEntry("https://wire.example/a/4", "Permalink guid", None, "https://wire.example/a/4"),
            ],
        ),
        (
            ATOM,
            [FeedEntry("https://wire.example/a/5", "Convoy hit by IED", date(2024, 1, 8), "tag:wire.example,2024:5")],
        ),
    ],
    ids=["rss-0.91", "rss-1.0", "rss-2.0", "atom"],
)
def test_feed_entries(feed, expected):
    assert iter_feed_entries(feed, BASE) == expected


def test_max_entries_caps_a_long_feed():
    items = "".join(f"<item><title>t{i}</title><link>https://wire.example/{i}</link></item>" for i in range(50))
    feed = f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode()
    assert [e.url for e in iter_feed_entries(feed, BASE, max_entries=7)] == [
        f"https://wire.example/{i}" for i in range(7)
    ]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=300).map(lambda t: f"<rss><channel>{t}</channel></rss>".encode()))
def test_feed_parsing_never_raises_and_keeps_only_web_links(data):
    for entry in iter_feed_entries(data, BASE):
        assert entry.url.startswith(("http://", "https://"))


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("Tue, 07 May 2024 01:30:00 +0300", date(2024, 5, 7)),
        ("2024-05-05T23:00:00-02:00", date(2024, 5, 5)),
        ("2024-05-05", date(2024, 5, 5)),
        ("yesterday", None),
        ("", None),
    ],
)
def test_local_day_keeps_the_feeds_own_calendar_day(value, day):
    assert local_day(value) == day


@pytest.mark.parametrize(
    ("declared", "content", "feed"),
    [
        ("application/rss+xml", b"anything", True),
        ("application/atom+xml", b"", True),
        ("text/xml", RSS_20, True),
        ("application/xml", RSS_10, True),
        ("", ATOM, True),
        ("text/html", b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><rss version='2.0'/>", True),
        ("", "<?xml version='1.0' encoding='utf-16'?><feed xmlns='x'/>".encode("utf-16"), True),
        ("text/html", b"<!DOCTYPE html><html><body>rss feed</body></html>", False),
        ("text/xml", b"<?xml version='1.0'?><sitemap/>", False),
        ("text/plain", b"Plain words.", False),
    ],
)
def test_feed_detection_by_type_or_root_element(declared, content, feed):
    assert is_feed(declared, content) is feed


def test_feed_root_names_the_first_element():
    assert feed_root(b"<?xml version='1.0'?>\n<!DOCTYPE x>\n<rdf:RDF xmlns:rdf='r'>") == b"rdf"
    assert feed_root(b"no markup") == b""


@pytest.mark.parametrize(
    ("declared", "content", "expected"),
    [
        ("text/html", b"x", "text/html"),
        ("application/xhtml+xml", b"x", "text/html"),
        ("text/plain", b"<html>", "text/plain"),
        ("", b"<!doctype html><html>", "text/html"),
        ("application/octet-stream", b"Plain report text.", "text/plain"),
        ("text/xml", b"<?xml version='1.0'?><urlset/>", ""),
        ("application/xml", b"<html><body>x</body></html>", "text/html"),
        ("text/csv", b"a,b", "text/plain"),
        ("image/png", b"\x89PNG", ""),
        ("application/pdf", b"%PDF-1.4", ""),
    ],
)
def test_page_media_type(declared, content, expected):
    assert page_media_type(declared, content) == expected


@pytest.mark.parametrize(
    ("content", "charset", "expected"),
    [
        (b"caf\xc3\xa9", "", b"caf\xc3\xa9"),  # no header charset: bytes, clean sniffs
        (b"caf\xc3\xa9", "iso-8859-1", b"caf\xc3\xa9"),  # valid UTF-8 is kept whatever the header says
        (b"caf\xe9", "iso-8859-1", "café"),  # only the header knows: decoded with it
        (b"\xcf\xf0\xe8", "windows-1251", "При"),
        (b"caf\xe9", "no-such-charset", b"caf\xe9"),
        (b"\xff\xfeh\x00i\x00", "iso-8859-1", b"\xff\xfeh\x00i\x00"),  # a BOM outranks the header
    ],
)
def test_document_body_uses_the_header_charset_only_when_needed(content, charset, expected):
    assert document_body(content, charset) == expected


def test_split_content_type():
    assert split_content_type('Text/HTML; Charset="UTF-8"') == ("text/html", "utf-8")
    assert split_content_type("") == ("", "")


@pytest.mark.parametrize(
    ("text", "url"),
    [("https://wire.example/a", True), (" HTTP://wire.example", True), ("wire.example/a", False), ("a.warc.gz", False)],
)
def test_is_url(text, url):
    assert is_url(text) is url


def test_url_list_lines():
    lines = ["# front pages", "", "https://wire.example/a/1", "  https://wire.example/a/2#top  # the second", "#x"]
    assert parse_url_list(lines) == ["https://wire.example/a/1", "https://wire.example/a/2#top"]


PAGE = "<html><body><p>Two soldiers were killed.</p></body></html>"


def test_url_documents_pages_feeds_and_every_failure_kind():
    fetcher = FakeFetcher(
        {
            "https://wire.example/page": fake_page("https://wire.example/page", PAGE, content_type="text/html"),
            "https://wire.example/feed": RSS_20,
            "https://wire.example/a/3": fake_page(
                "https://wire.example/a/3", PAGE, content_type="text/html", final_url="https://wire.example/a/3?x=1"
            ),
            "https://wire.example/a/4": "Plain text report.",
            "https://wire.example/pic": fake_page("https://wire.example/pic", b"\x89PNG", content_type="image/png"),
            "https://wire.example/bad-feed": fake_page(
                "https://wire.example/bad-feed", b"<rss><channel><item>", content_type="application/rss+xml"
            ),
            "http://10.0.0.1/": failure("http://10.0.0.1/", "refused_address", "a private address"),
            "https://wire.example/no": failure("https://wire.example/no", "robots_disallowed", "robots.txt"),
            "https://wire.example/huge": failure("https://wire.example/huge", "too_large", "over"),
            "https://wire.example/slow": failure("https://wire.example/slow", "timeout", "read timed out"),
        }
    )
    urls = [*fetcher.responses, "https://wire.example/missing", "https://wire.example/page"]
    docs = list(iter_url_documents(urls, fetcher))
    got = [(d.url, d.discard.reason if d.discard else d.media_type) for d in docs]
    assert got == [
        ("https://wire.example/page", "text/html"),
        ("https://wire.example/a/3?x=1", "text/html"),  # the feed's entries, in feed order
        ("https://wire.example/a/4", "text/plain"),
        ("https://wire.example/pic", "unsupported_media_type"),
        ("https://wire.example/bad-feed", "malformed_feed"),
        ("http://10.0.0.1/", "refused_address"),
        ("https://wire.example/no", "robots_disallowed"),
        ("https://wire.example/huge", "too_large"),
        ("https://wire.example/slow", "fetch_failed"),
        ("https://wire.example/missing", "fetch_failed"),
    ]
    assert docs[1].external_id == "w-3" and docs[1].given_published == date(2024, 3, 3)
    assert docs[0].external_id == "https://wire.example/page" and docs[0].given_published is None
    assert fetcher.requests.count("https://wire.example/page") == 1  # listed twice, fetched once
    assert all(d.discard.detail for d in docs if d.discard)


def test_url_file_documents(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# wire\nhttps://wire.example/page\n\nftp://wire.example/x\n", encoding="utf-8")
    fetcher = FakeFetcher({"https://wire.example/page": PAGE})
    docs = list(iter_url_file_documents(listing, fetcher))
    assert [d.media_type for d in docs[:1]] == ["text/html"] and docs[0].raw == PAGE.encode()
    assert len(docs) == 2 and docs[1].discard is not None
    assert fetcher.requests == ["https://wire.example/page", "ftp://wire.example/x"]
    (missing,) = iter_url_file_documents(tmp_path / "none.txt", fetcher)
    assert missing.discard is not None and missing.discard.reason == "unreadable"
