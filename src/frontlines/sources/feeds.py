"""Feeds and URL lists into Documents: RSS 0.9x/1.0/2.0 and Atom feeds read with feedparser, pages fetched through a
:class:`~frontlines.sources.fetch.Fetcher`.

Every URL becomes Documents or one Document carrying a Discard (counted, never raised):

    refused_address         the host is a private/loopback/... address
    robots_disallowed       robots.txt says no
    too_large               the body is over the size limit
    bad_url                 not an http/https URL
    fetch_failed            anything else: DNS, network, timeout, HTTP status, too many redirects
    unsupported_media_type  neither a page (HTML, plain text) nor a feed (an image, a PDF...)
    malformed_feed          a feed with no readable entries
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from frontlines.model import Discard, Document
from frontlines.sources.content import document_body, is_feed, page_media_type
from frontlines.sources.fetch import Fetcher, FetchResult

# Entries read from one feed at most (a feed is a recent-items list; thousands of entries mean a dump).
MAX_FEED_ENTRIES = 500
# Fetch error kinds that keep their own discard reason; every other kind is "fetch_failed".
OWN_DISCARD_REASONS = frozenset({"refused_address", "robots_disallowed", "too_large", "bad_url"})
# Entry date fields, most specific first (feedparser's names).
ENTRY_DATE_KEYS = ("published", "updated", "created")
# A trailing comment on a URL list line: whitespace then '#' (a '#' inside a URL is a fragment).
_TRAILING_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: the page it points at, its title, its publication day (in the feed's own time zone) and id."""

    url: str
    title: str = ""
    published: date | None = None
    id: str = ""


def iter_feed_entries(feed_bytes: bytes, base_url: str, *, max_entries: int = MAX_FEED_ENTRIES) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed that link to an http(s) page, relative links resolved against ``base_url``,
    without repeats, in feed order."""
    return parse_feed(feed_bytes, base_url, max_entries=max_entries)[0]


def parse_feed(feed_bytes: bytes, base_url: str, *, max_entries: int = MAX_FEED_ENTRIES) -> tuple[list[FeedEntry], str]:
    """The entries and, when the feed is malformed, what feedparser found wrong (``''`` when well-formed)."""
    import feedparser

    # A stream, never bytes or str: feedparser opens a str that looks like a URL or a file name. No base URL is
    # given to feedparser (it would turn plain guids into URLs); links are resolved against base_url here.
    parsed = feedparser.parse(io.BytesIO(feed_bytes), sanitize_html=False, resolve_relative_uris=False)
    problem = str(parsed.get("bozo_exception", "")) if parsed.get("bozo") else ""
    entries: dict[str, FeedEntry] = {}
    for item in parsed.entries:
        entry = _entry(item, base_url)
        if entry and entry.url not in entries:
            entries[entry.url] = entry
        if len(entries) >= max_entries:
            break
    return list(entries.values()), problem


def _entry(item: Any, base_url: str) -> FeedEntry | None:
    link = _entry_link(item)
    url = urldefrag(urljoin(base_url, link.strip()))[0] if link else ""
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    title = " ".join(str(item.get("title", "")).split())
    return FeedEntry(url=url, title=title, published=_entry_day(item), id=str(item.get("id", "") or ""))


def _entry_link(item: Any) -> str:
    """The entry's page: its alternate link (feedparser's ``link``), else the first link of any kind."""
    if item.get("link"):
        return str(item["link"])
    links = [link for link in item.get("links", []) if link.get("href")]
    return str(links[0]["href"]) if links else ""


def _entry_day(item: Any) -> date | None:
    """The day the entry was published, as the feed wrote it (its own offset), else from feedparser's UTC time."""
    for key in ENTRY_DATE_KEYS:
        day = local_day(str(item.get(key, "") or ""))
        parsed = item.get(f"{key}_parsed")
        if day:
            return day
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def local_day(value: str) -> date | None:
    """The calendar day of an RFC 822 (RSS) or RFC 3339 (Atom) timestamp in its own time zone, ``None`` if neither."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def is_url(text: str) -> bool:
    """True for an http(s) URL given where a path could be (a command-line argument)."""
    return text.strip().lower().startswith(("http://", "https://"))


def iter_feed_documents(feed_url: str, fetcher: Fetcher, *, max_entries: int = MAX_FEED_ENTRIES) -> Iterator[Document]:
    """Each entry's page of the feed at ``feed_url`` as a Document (given_published = the entry's day, external_id =
    the entry id, else its URL); a feed that cannot be fetched or read is one discard."""
    result = fetcher.fetch(feed_url)
    if not result.ok:
        yield fetch_discard(result)
        return
    yield from _feed_documents(result, fetcher, seen=set(), max_entries=max_entries)


def iter_url_documents(
    urls: Iterable[str], fetcher: Fetcher, *, max_entries: int = MAX_FEED_ENTRIES
) -> Iterator[Document]:
    """Each URL as a Document: a page as itself, a feed (by content type, else by its RSS/Atom root element) as the
    pages of its entries. A URL is fetched once per call even when listed twice or also in a feed."""
    seen: set[str] = set()
    for url in urls:
        if url in seen:
            continue
        seen.add(url)
        result = fetcher.fetch(url)
        if not result.ok:
            yield fetch_discard(result)
        elif is_feed(result.media_type, result.content):
            yield from _feed_documents(result, fetcher, seen=seen, max_entries=max_entries)
        else:
            yield page_document(result)


def iter_url_file_documents(
    path: str | os.PathLike[str], fetcher: Fetcher, *, max_entries: int = MAX_FEED_ENTRIES
) -> Iterator[Document]:
    """The Documents of every URL in a URL list file (see :func:`parse_url_list`)."""
    where = Path(path)
    try:
        text = where.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        detail = f"{where}: {exc.strerror or exc}"
        yield _discarded(str(where), "unreadable", detail, is_url=False)
        return
    yield from iter_url_documents(parse_url_list(text.splitlines()), fetcher, max_entries=max_entries)


def parse_url_list(lines: Iterable[str]) -> list[str]:
    """The URLs of a URL list: one per line; blank lines, ``#`` comment lines and trailing `` # comments`` ignored."""
    urls = []
    for line in lines:
        url = _TRAILING_COMMENT.sub("", line).strip()
        if url and not url.startswith("#"):
            urls.append(url)
    return urls


def _feed_documents(feed: FetchResult, fetcher: Fetcher, *, seen: set[str], max_entries: int) -> Iterator[Document]:
    entries, problem = parse_feed(feed.content, feed.final_url, max_entries=max_entries)
    if not entries and problem:
        yield _discarded(feed.final_url, "malformed_feed", f"{feed.final_url}: no readable entries ({problem})")
        return
    for entry in entries:
        if entry.url in seen:
            continue
        seen.add(entry.url)
        result = fetcher.fetch(entry.url)
        if result.ok:
            yield page_document(result, external_id=entry.id or entry.url, published=entry.published)
        else:
            yield fetch_discard(result)


def page_document(result: FetchResult, *, external_id: str = "", published: date | None = None) -> Document:
    """A fetched page as a Document (url = where it ended up after redirects), or an unsupported_media_type discard."""
    media_type = page_media_type(result.media_type, result.content)
    if not media_type:
        detail = f"{result.final_url}: {result.media_type} is not a page"
        return _discarded(result.url, "unsupported_media_type", detail)
    return Document(
        raw=document_body(result.content, result.charset),
        media_type=media_type,
        external_id=external_id or result.url,
        url=result.final_url or result.url,
        fetched_at=result.fetched_at,
        given_published=published,
    )


def fetch_discard(result: FetchResult) -> Document:
    """The discard for a failed fetch: its own reason for the kinds in OWN_DISCARD_REASONS, else fetch_failed."""
    reason = result.error_kind if result.error_kind in OWN_DISCARD_REASONS else "fetch_failed"
    return _discarded(result.url, reason, result.error or f"{result.url}: HTTP {result.status}")


def _discarded(where: str, reason: str, detail: str, *, is_url: bool = True) -> Document:
    return Document(
        raw=detail.encode("utf-8"),
        external_id=where,
        url=where if is_url else "",
        source_path="" if is_url else where,
        discard=Discard(reason, detail),
    )
