"""The clean stage: raw page or text in, main text with titled, typed blocks, date and language out.

``clean_document`` reads ``doc.raw``/``doc.media_type`` (and ``url``, ``fetched_at``, ``given_published``) and
assigns ``text``, ``title``, ``published``, ``published_source``, ``language``, ``blocks`` or ``discard``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from frontlines.clean import pubdate
from frontlines.clean.encoding import decode_bytes, looks_binary
from frontlines.clean.html import extract_html
from frontlines.clean.language import detect_language
from frontlines.clean.text import Piece, assemble, classify, split_units, squash
from frontlines.model import BlockKind, Discard, Document

__all__ = ["MAX_RAW_BYTES", "clean_document", "main_text"]

MAX_RAW_BYTES = 5 * 1024 * 1024  # larger inputs are not news articles (archives, dumps): discarded as too_large
_HTML_START = ("<!doctype html", "<html", "<?xml")


def clean_document(doc: Document, *, max_bytes: int = MAX_RAW_BYTES) -> Document:
    """Fill the clean-stage fields of ``doc``; expected rejections set ``doc.discard`` and never raise."""
    # 1. refuse what is too big or not text at all, decode the rest
    raw = _readable(doc, max_bytes=max_bytes)
    if raw is None:
        return doc
    latest = _latest(doc)
    # 2. main text, title and the page's own date
    declared: date | None = None
    html = _is_html(raw, doc.media_type)
    if html:
        pieces, doc.title, declared = _from_html(raw, url=doc.url, latest=latest)
    else:
        pieces, doc.title = _from_text(raw)
    # 3. one text with exact block offsets
    doc.text, doc.blocks = assemble(pieces)
    # 4. publication date: the input's, the page's, or a dateline near the top (of the raw text: furniture goes)
    dateline_text = doc.text if html else raw
    doc.published, doc.published_source = _choose_date(doc, declared=declared, text=dateline_text, latest=latest)
    # 5. nothing left, or not English: counted rejections (text, title and date stay for the record)
    body = main_text(doc)
    if not body.strip():
        doc.discard = Discard("empty", "no main text")
        return doc
    doc.language, _ = detect_language(body)
    if doc.language not in accepted_languages():
        doc.discard = Discard("not_english", doc.language)
    return doc


def main_text(doc: Document) -> str:
    """The text of all blocks except the title: what the boilerplate metrics compare."""
    return "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks if b.kind != BlockKind.TITLE)


def _readable(doc: Document, *, max_bytes: int) -> str | None:
    """The raw input as text, or None with ``doc.discard`` set when it is too large or binary."""
    size = _raw_size(doc.raw, max_bytes=max_bytes)
    if size > max_bytes:
        doc.discard = Discard("too_large", f"{size} bytes")
        return None
    raw = doc.raw if isinstance(doc.raw, str) else decode_bytes(doc.raw)
    if looks_binary(raw):
        doc.discard = Discard("binary", "NUL or control bytes, or undecodable")
        return None
    return raw.lstrip("\ufeff")


def _raw_size(raw: str | bytes, *, max_bytes: int) -> int:
    """Size in bytes (UTF-8 for text); a text with more characters than the limit is too large without encoding."""
    if isinstance(raw, bytes) or len(raw) > max_bytes:
        return len(raw)
    return len(raw.encode("utf-8", "surrogatepass"))


def _latest(doc: Document) -> date:
    """The last plausible publication day: the fetch day, else today."""
    return doc.fetched_at.date() if doc.fetched_at else datetime.now().date()


def _is_html(raw: str, media_type: str) -> bool:
    return "html" in media_type.lower() or raw.lstrip()[:20].lower().startswith(_HTML_START)


def _from_html(raw: str, *, url: str, latest: date) -> tuple[list[Piece], str, date | None]:
    extracted = extract_html(raw, url=url, latest=latest)
    pieces = _with_title(classify(extracted.units, guess_title=False, guess_headings=False), extracted.title)
    declared = pubdate.declared_published(raw, url=url, htmldate_value=extracted.htmldate, latest=latest)
    title = pieces[0].text if pieces and pieces[0].kind == BlockKind.TITLE else ""
    return pieces, title, declared


def _with_title(pieces: list[Piece], title: str) -> list[Piece]:
    """The title as the first block: the first paragraph when it already is the title (or, without a title, when it
    is a heading), else the title put in front."""
    if pieces and (
        squash(pieces[0].text).lower() == title.lower() or (not title and pieces[0].kind == BlockKind.HEADING)
    ):
        return [replace(pieces[0], kind=BlockKind.TITLE), *pieces[1:]]
    return [Piece(BlockKind.TITLE, title), *pieces] if title else pieces


def _from_text(raw: str) -> tuple[list[Piece], str]:
    pieces = classify(split_units(raw), guess_title=True, guess_headings=True)
    title = next((p.text for p in pieces if p.kind == BlockKind.TITLE), "")
    return pieces, title


def _choose_date(doc: Document, *, declared: date | None, text: str, latest: date) -> tuple[date | None, str]:
    if doc.given_published:
        return doc.given_published, "input"
    if declared:
        return declared, "metadata"
    found = pubdate.text_published(text, latest=latest)
    return (found, "text") if found else (None, "")


def accepted_languages() -> set[str]:
    """The ``languages`` setting: ISO 639-1 codes processed (English only for now: the models are English)."""
    from frontlines import settings

    return {code.strip().lower() for code in settings.get("languages").split(",") if code.strip()}
