"""Paragraphs to blocks: drop site furniture, cut at the end of the article, label titles, headings, captions and
pull-quotes, and join what is left into one text with exact block offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from frontlines.clean import boilerplate
from frontlines.model import Block, BlockKind

MAX_FURNITURE_WORDS = 30  # SHORT_LINE patterns only apply to lines this short
MAX_LEGAL_WORDS = 80  # LEGAL patterns (copyright, disclosures) only apply to lines this short
MAX_SEGMENTED_WORDS = 25  # a byline or toolbar of " | "-separated fields, one of them furniture
MAX_CAPTION_WORDS = 40  # a longer paragraph ending in a credit is an article with a photo note
MAX_TITLE_WORDS = 25
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100
MAX_PULLQUOTE_WORDS = 50
MIN_PULLQUOTE_CHARS = 20
MAX_ATTRIBUTION_WORDS = 5
SEPARATOR = "\n\n"

_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")  # a line's text without its surrounding whitespace
_FIELD_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_CONFUSABLES = str.maketrans("аеорсухіѕјԁһӏАВЕКМНОРСТХІЅЈΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", "aeopcyxisjdhlABEKMHOPCTXISJABEZHIKMNOPTYXo")
_QUOTES = re.compile(r"[\"“”„«»‘’‚'`]")
_OPENING_QUOTE = "\"“„«‘'"
_CLOSING_QUOTE = re.compile(r"[\"”»’']")
_CLOSED = re.compile(r"[.!?:;\"”’)]$")
_SENTENCE_END = re.compile(r"[.,;:]$")
_HEADING_END = re.compile(r"[.,;:!?\"”’)\]…]$")
_STARTS_UPPER = re.compile(r"^[\"“‘'(]?[A-Z0-9]")


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph or line before classification; ``hint`` is what the markup said it is (HTML path)."""

    text: str
    hint: BlockKind | None = None
    gap: str | None = None  # plain text path: the raw whitespace between the previous unit and this one


@dataclass(frozen=True, slots=True)
class Piece:
    """A classified unit; ``gap`` is its raw separator, kept while nothing before it was dropped."""

    kind: BlockKind
    text: str
    gap: str | None = None


@dataclass(frozen=True, slots=True)
class PatternGroup:
    """One data group compiled twice: patterns anchored at the line start are tried once with ``match`` (an anchor
    inside a ``search`` alternation is retried at every position), the others with ``search``."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    @classmethod
    def of(cls, patterns: tuple[str, ...]) -> PatternGroup:
        def union(chosen: list[str]) -> re.Pattern[str] | None:
            return re.compile("|".join(f"(?:{p})" for p in chosen)) if chosen else None

        return cls(
            union([p for p in patterns if p.startswith("^")]), union([p for p in patterns if not p.startswith("^")])
        )

    def search(self, line: str) -> bool:
        """Whether a lower-cased line matches (lower-casing is faster than re.IGNORECASE on long alternations)."""
        return bool((self.anchored and self.anchored.match(line)) or (self.floating and self.floating.search(line)))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, PatternGroup]:
    """The data module's pattern groups, compiled once."""
    return {
        "whole": PatternGroup.of(boilerplate.WHOLE_LINE),
        "short": PatternGroup.of(boilerplate.SHORT_LINE),
        "legal": PatternGroup.of(boilerplate.LEGAL),
        "end": PatternGroup.of(boilerplate.END_OF_ARTICLE),
        "caption": PatternGroup.of(boilerplate.CAPTION),
    }


def squash(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (``str.split`` splits where the regex ``\\s+`` would)."""
    return " ".join(text.split())


def word_count(text: str) -> int:
    return len(text.split())


def is_furniture(line: str) -> bool:
    """A line that belongs to the site, not the article (buttons, share bars, newsletter boxes, legal lines)."""
    line = unconfuse(squash(line)).lower()
    if not line:
        return True
    patterns = _patterns()
    words = word_count(line)
    if patterns["whole"].search(line):
        return True
    if words <= MAX_FURNITURE_WORDS and patterns["short"].search(line):
        return True
    if words <= MAX_LEGAL_WORDS and patterns["legal"].search(line):
        return True
    return words <= MAX_SEGMENTED_WORDS and any(patterns["whole"].search(field) for field in fields(line))


def fields(line: str) -> list[str]:
    """The fields of a byline or toolbar ("May 2, 2020 | Politics | 3 Comments"); none for a table row."""
    if line.startswith("|"):
        return []
    parts = [part.strip() for part in _FIELD_SEPARATOR.split(line)]
    return [part for part in parts if part] if len(parts) > 1 else []


def unconfuse(line: str) -> str:
    """Cyrillic and Greek look-alikes of Latin letters (used to dodge filters) mapped to Latin, for matching only."""
    return line.translate(_CONFUSABLES) if not line.isascii() else line


def is_end_marker(line: str) -> bool:
    """A line after which only comments, teasers and footer follow."""
    return _patterns()["end"].search(line.strip().lower())


def is_caption(line: str) -> bool:
    """A photo caption or credit line: '©AFP – ...', 'Photo: ...', '... (Reuters photo)'."""
    line = line.strip()
    return 0 < word_count(line) <= MAX_CAPTION_WORDS and _patterns()["caption"].search(line.lower())


def looks_like_title(line: str) -> bool:
    """A headline: a few capitalised words, no closing full stop."""
    words = word_count(line)
    return 2 <= words <= MAX_TITLE_WORDS and not _SENTENCE_END.search(line) and bool(_STARTS_UPPER.match(line))


def looks_like_heading(line: str) -> bool:
    """A subheading: a short capitalised line without closing punctuation."""
    return (
        1 <= word_count(line) <= MAX_HEADING_WORDS
        and len(line) <= MAX_HEADING_CHARS
        and not _HEADING_END.search(line)
        and bool(_STARTS_UPPER.match(line))
    )


def split_units(text: str) -> list[Unit]:
    """Paragraphs of a plain text, one per line, hard-wrapped lines of one paragraph joined again.

    Each unit's text has the length of its raw stretch (line breaks inside become spaces) and carries the raw gap
    before it, so an untouched text comes out of :func:`assemble` character for character.
    """
    units: list[Unit] = []
    start = end = 0
    for line in _LINE.finditer(text):
        gap = text[end : line.start()]
        if units and gap.count("\n") <= 1 and _continues(units[-1].text, line.group()):
            units[-1] = replace(units[-1], text=_flat(text[start : line.end()]))
        else:
            units.append(Unit(line.group(), gap=gap))
            start = line.start()
        end = line.end()
    return units


def _flat(raw: str) -> str:
    return raw.replace("\r", " ").replace("\n", " ")


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped continuation: the previous line stops mid-sentence and this one goes on in lower case."""
    return not _CLOSED.search(previous) and line[:1].islower()


def _norm(text: str) -> str:
    return squash(_QUOTES.sub("", text)).lower().strip(" .,;:-–—")


def quoted_core(text: str) -> str:
    """The quoted part of a pull-quote ('"..." Name' -> '...'), or the whole text when it is not so shaped."""
    text = text.strip()
    if text[:1] not in _OPENING_QUOTE:
        return text
    closings = list(_CLOSING_QUOTE.finditer(text, 1))
    if not closings:
        return text[1:]
    last = closings[-1]
    if word_count(text[last.end() :]) <= MAX_ATTRIBUTION_WORDS:
        return text[1 : last.start()]
    return text


def mark_pullquotes(pieces: list[Piece]) -> list[Piece]:
    """Short paragraphs that repeat words of another paragraph (a pull-quote, a repeated line) become PULLQUOTE."""
    normed = [_norm(p.text) for p in pieces]
    haystack = "\n".join(normed)
    marked = []
    for index, piece in enumerate(pieces):
        core = _norm(quoted_core(piece.text))
        if (
            piece.kind == BlockKind.BODY
            and word_count(piece.text) <= MAX_PULLQUOTE_WORDS
            and len(core) >= MIN_PULLQUOTE_CHARS
            and _repeated(core, normed[index], haystack)
        ):
            piece = replace(piece, kind=BlockKind.PULLQUOTE)
        marked.append(piece)
    return _keep_first_copy(marked, normed)


def _repeated(core: str, own: str, haystack: str) -> bool:
    return haystack.count(core) > own.count(core)


def _keep_first_copy(pieces: list[Piece], normed: list[str]) -> list[Piece]:
    """Of identical paragraphs marked PULLQUOTE, the first stays body: it is the article's own copy."""
    seen: set[str] = set()
    result = []
    for piece, norm in zip(pieces, normed, strict=True):
        if piece.kind == BlockKind.PULLQUOTE and norm not in seen and normed.count(norm) > 1:
            piece = replace(piece, kind=BlockKind.BODY)
        seen.add(norm)
        result.append(piece)
    return result


def cut_at_end(units: list[Unit]) -> list[Unit]:
    """Drop everything from an end-of-article marker on, when the marker sits in the second half of the text."""
    total = sum(len(u.text) for u in units)
    before = 0
    for index, unit in enumerate(units):
        if before >= total / 2 and is_end_marker(unit.text):
            return units[:index]
        before += len(unit.text)
    return units


def classify(units: list[Unit], *, guess_title: bool, guess_headings: bool) -> list[Piece]:
    """Label each unit that is not furniture: title, heading, caption, body, then pull-quotes."""
    kept: list[Unit] = []
    dropped = False
    for unit in cut_at_end(units):
        if is_furniture(unit.text):
            dropped = True
            continue
        kept.append(unit if not dropped else replace(unit, gap=None))
        dropped = False
    pieces = [
        Piece(_kind(unit, index, kept, guess_title=guess_title, guess_headings=guess_headings), unit.text, unit.gap)
        for index, unit in enumerate(kept)
    ]
    return mark_pullquotes(pieces)


def _kind(unit: Unit, index: int, units: list[Unit], *, guess_title: bool, guess_headings: bool) -> BlockKind:
    if unit.hint in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.CAPTION):
        return unit.hint
    if is_caption(unit.text):
        return BlockKind.CAPTION
    if guess_title and index == 0 and len(units) > 1 and looks_like_title(unit.text):
        return BlockKind.TITLE
    between = 0 < index < len(units) - 1
    if guess_headings and between and looks_like_heading(unit.text):
        return BlockKind.HEADING
    return BlockKind.BODY


def assemble(pieces: list[Piece]) -> tuple[str, list[Block]]:
    """One text of the pieces, and a block per piece with exact offsets.

    Pieces are separated by their raw gap where nothing between them was dropped, else by a blank line.
    """
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for piece in pieces:
        if not piece.text.strip():
            continue
        text = piece.text.strip()
        separator = piece.gap if piece.gap is not None and piece.text == text else (SEPARATOR if parts else "")
        parts += [separator, text]
        offset += len(separator)
        blocks.append(Block(piece.kind, offset, offset + len(text)))
        offset += len(text)
    return "".join(parts), blocks
