"""What a fetched or archived body is: its media type, its charset, and whether it is a page, a feed or neither."""

from __future__ import annotations

import codecs
import re

# Media types whose body is a web page (cleaned as HTML) or plain text.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# Media types that are feeds outright; generic XML types are feeds only when the root element says so.
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"text/xml", "application/xml"})
# Media types that say nothing about the content: sniffed.
UNKNOWN_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
# Root elements of RSS 0.9x/2.0 (rss), RSS 1.0 (rdf:RDF) and Atom (feed).
FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf"})
# The first element after the prolog (XML declaration, comments, processing instructions, doctype).
_FIRST_TAG = re.compile(rb"<(?![?!])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def split_content_type(value: str) -> tuple[str, str]:
    """``'text/HTML; charset=UTF-8'`` -> ``('text/html', 'utf-8')``; missing parts are ``''``."""
    media_type, _, params = value.partition(";")
    charset = ""
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset":
            charset = val.strip().strip("\"'").lower()
    return media_type.strip().lower(), charset


def page_media_type(declared: str, content: bytes) -> str:
    """``text/html`` or ``text/plain`` for a page, ``''`` when it is not a page (an image, a PDF, non-HTML XML...)."""
    if declared in HTML_TYPES:
        return "text/html"
    if declared in TEXT_TYPES:
        return "text/plain"
    from frontlines.ingest import media_type_of  # here, not at the top: ingest imports this package

    sniffed = media_type_of("", content)
    if declared in XML_TYPES:
        return sniffed if sniffed == "text/html" else ""
    return sniffed if declared in UNKNOWN_TYPES or declared.startswith("text/") else ""


def is_feed(declared: str, content: bytes) -> bool:
    """True for an RSS/Atom feed: by a feed media type, else by an RSS/Atom root element (JSON Feed is not read)."""
    return declared in FEED_TYPES or feed_root(content) in FEED_ROOTS


def feed_root(content: bytes) -> bytes:
    """The lower-cased local name of the first element (``rss``, ``feed``, ``rdf``, ``html``...), or ``b''``."""
    head = content[:4096]
    if head.startswith(_UTF16_BOMS):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    found = _FIRST_TAG.search(head)
    return found.group(1).lower() if found else b""


def document_body(content: bytes, charset: str) -> bytes | str:
    """The body for ``Document.raw``: bytes (clean sniffs BOM, UTF-8, ``<meta charset>``) unless only the HTTP
    header knows the charset, in which case the text decoded with it (the header outranks the page's own
    declaration in browsers, a BOM outranks both)."""
    if not charset or content.startswith((codecs.BOM_UTF8, *_UTF16_BOMS)):
        return content
    try:
        content.decode("utf-8")
        return content
    except UnicodeDecodeError:
        pass
    try:
        return content.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return content
