"""Turning raw bytes of unknown encoding into text, and telling text from binary junk."""

from __future__ import annotations

import codecs
import re

# Byte order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# C0 controls other than tab, newline, carriage return and form feed: never in real text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What Windows-1252 text of a Western European language holds beyond ASCII: Latin-1 letters and signs, typography.
_WESTERN = frozenset(map(chr, range(0xA0, 0x100))) | frozenset("‘’‚“”„–—…•€™ŒœŠšŽžŸ†‡‰‹›ˆ˜")
SNIFF_BYTES = 4096
MAX_JUNK_SHARE = 0.05
MAX_FOREIGN_WORDS = 0.2  # share of words without an ASCII letter above which bytes are not Western text
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _strip_bom(raw: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :], encoding
    return raw, None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or an XML declaration), if Python knows it."""
    head = raw[:SNIFF_BYTES]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(text: str) -> bool:
    """True for text full of NUL/control characters or replacement marks: an image, archive or undecodable blob."""
    if "\x00" in text[:SNIFF_BYTES]:
        return True
    sample = text[:20000]
    if not sample:
        return False
    junk = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return junk / len(sample) > MAX_JUNK_SHARE


def _try(raw: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    return best.encoding if best is not None else None


def _western(raw: bytes) -> str | None:
    """Windows-1252 when it yields only Latin letters and typography beyond ASCII, and words keep ASCII letters in
    them (Cyrillic or Greek bytes read as Windows-1252 give words without a single ASCII letter)."""
    text = _try(raw, "cp1252")
    if text is None or not all(ch < "\x80" or ch in _WESTERN for ch in text):
        return None
    words = _WORD.findall(text)
    foreign = sum(not _ASCII_LETTER.search(word) for word in words)
    return text if foreign <= MAX_FOREIGN_WORDS * len(words) else None


def decode_bytes(raw: bytes) -> str:
    """Decode bytes robustly: BOM, then strict UTF-8, the declared charset, a statistical guess, UTF-8 with
    replacement last. Never raises."""
    body, bom_encoding = _strip_bom(raw)
    if bom_encoding:
        return body.decode(bom_encoding, errors="replace")
    if b"\x00" in body[:SNIFF_BYTES]:
        return body.decode("utf-8", errors="replace")  # binary: let looks_binary() reject it
    for encoding in ("utf-8", declared_charset(body)):
        text = _try(body, encoding)
        if text is not None:
            return text
    guessed = _western(body) or _try(body, _guess(body))
    if guessed is not None:
        return guessed
    return body.decode("utf-8", errors="replace")
