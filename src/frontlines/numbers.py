"""Counts in text: "17,000", "1.5 million", "about nine hundred", "between 10 and 15", "dozens".

:func:`find_counts` scans a text once, word by word, and returns every count with its exact span; :func:`parse_count`
reads one expression. Values follow ``shared/eval/casualty-coding.md``: qualifiers keep the stated number as ``best``
("at least 320" -> 320), ranges take the low end as ``best`` ("10 to 15" -> low 10, best 10, high 15), conventional
words have fixed values ("dozens" -> 12, "hundreds" -> 100, "scores" -> 20, "tens" -> 10).

Vague words ("several", "a few", "many", "some") are not counts: they yield nothing (``parse_count`` returns None,
``find_counts`` skips them); :func:`is_vague` tells them apart for callers that note them.

The articles "a"/"an" are counts only where the caller says so (``articles=True``): in running text they are
far more often not a number than a number.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from frontlines.model import Count, Span
from frontlines.number_words import CONVENTIONAL, QUALIFIERS, SCALES, TENS, UNITS, VAGUE

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+|[-–—]")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+(?:\.\d+)?")
_HYPHENS = ("-", "–", "—")
# Words in front of "one" that make it a pronoun, not a count ("no one", "every one").
_NOT_COUNT_BEFORE_ONE = frozenset({"no", "any", "every", "each", "some", "the", "this", "that", "which"})


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    low: str


@dataclass(frozen=True, slots=True)
class _Num:
    value: int
    next_index: int  # index of the first token after the number
    qualifier: str = ""


@lru_cache(maxsize=1)
def _phrase_tables() -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], str], frozenset[tuple[str, ...]]]:
    """Conventional, qualifier and vague phrases as token tuples (built once)."""
    conventional = {tuple(k.split()): v for k, v in CONVENTIONAL.items()}
    qualifiers = {tuple(k.split()): v for k, v in QUALIFIERS.items()}
    vague = frozenset(tuple(k.split()) for k in VAGUE)
    return conventional, qualifiers, vague


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Words that may begin a count expression: anything else is skipped without a closer look."""
    conventional, qualifiers, vague = _phrase_tables()
    firsts = {phrase[0] for table in (conventional, qualifiers, vague) for phrase in table}
    return frozenset(firsts | set(UNITS) | set(TENS) | {"between", "from", "a", "an"})


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _match_phrase(toks: list[_Tok], i: int, phrases: Collection[tuple[str, ...]]) -> tuple[str, ...]:
    """The longest phrase of ``phrases`` starting at token ``i`` (words separated by spaces only), or ()."""
    if toks[i].low not in _starters():
        return ()
    for length in (4, 3, 2, 1):
        if i + length <= len(toks):
            words = tuple(t.low for t in toks[i : i + length])
            if words in phrases:
                return words
    return ()


def _digit_value(text: str, tok: _Tok) -> float | None:
    """The value of a digit token, or None when it is glued to letters ("10am", "AK47") or malformed."""
    before = text[tok.start - 1] if tok.start else " "
    after = text[tok.end] if tok.end < len(text) else " "
    if before.isalpha() or after.isalnum() or not _DIGITS.fullmatch(tok.low):
        return None
    return float(tok.low.replace(",", ""))


def _read_digits(text: str, toks: list[_Tok], i: int) -> _Num | None:
    value = _digit_value(text, toks[i])
    if value is None:
        return None
    nxt = i + 1
    if nxt < len(toks) and toks[nxt].low in SCALES and toks[nxt].start - toks[i].end <= 1:
        return _Num(round(value * SCALES[toks[nxt].low]), nxt + 1)
    if value != int(value):
        return None  # "1.5" alone is a measure, not a count
    return _Num(int(value), nxt)


def _word_kind(word: str) -> str:
    if word in UNITS:
        return "unit"
    if word in TENS:
        return "tens"
    if word in SCALES:
        return "scale"
    return ""


def _may_follow(prev: str, prev_value: int, kind: str, value: int) -> bool:
    """Whether a number word of ``kind`` may continue a sequence ending in a word of ``prev`` kind."""
    if prev == "unit":
        return kind == "scale"
    if prev == "tens":
        return kind == "scale" or (kind == "unit" and 0 < value < 10)
    return kind != "scale" or value > prev_value  # after a scale: anything, or a bigger scale ("hundred thousand")


def _combine(words: list[str]) -> int:
    total = current = 0
    for word in words:
        if word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            current += UNITS.get(word, 0) + TENS.get(word, 0)
    return total + current


def _read_words(text: str, toks: list[_Tok], i: int) -> _Num | None:
    """A run of number words: "five hundred and twenty-three", "twenty three", "nine hundred"."""
    first = _word_kind(toks[i].low)
    if first not in ("unit", "tens"):
        return None
    words = [toks[i].low]
    prev, prev_value, j = first, UNITS.get(toks[i].low, 0) + TENS.get(toks[i].low, 0), i + 1
    while j < len(toks):
        step = j
        if (toks[j].low in _HYPHENS and prev == "tens") or (toks[j].low == "and" and prev == "scale"):
            step = j + 1
        if step >= len(toks) or not _adjacent(text, toks[step - 1] if step > j else toks[j - 1], toks[step]):
            break
        kind = _word_kind(toks[step].low)
        value = SCALES.get(toks[step].low) or UNITS.get(toks[step].low, 0) + TENS.get(toks[step].low, 0)
        if not kind or not _may_follow(prev, prev_value, kind, value):
            break
        words.append(toks[step].low)
        prev, prev_value, j = kind, value, step + 1
    return _Num(_combine(words), j)


def _adjacent(text: str, left: _Tok, right: _Tok) -> bool:
    """Two tokens separated by nothing but spaces or a single hyphen (no line break or punctuation)."""
    gap = text[left.end : right.start]
    return len(gap) <= 3 and gap.strip(" ") in ("",)


def _read_number(text: str, toks: list[_Tok], i: int, *, articles: bool) -> _Num | None:
    """The number starting at token ``i``: conventional phrase, digits or number words."""
    conventional, _, vague = _phrase_tables()
    if _match_phrase(toks, i, vague):
        return None
    phrase = _match_phrase(toks, i, conventional)
    if phrase:
        value = conventional[phrase]
        plural = phrase[0] in ("dozens", "tens", "scores", "hundreds", "thousands", "millions")
        return _Num(value, i + len(phrase), "at_least" if plural else "")
    tok = toks[i]
    if tok.low[0].isdigit():
        return _read_digits(text, toks, i)
    if tok.low in ("a", "an") and articles:
        return _Num(1, i + 1)
    if tok.low == "one" and i > 0 and toks[i - 1].low in _NOT_COUNT_BEFORE_ONE:
        return None
    if tok.low == "one" and i + 1 < len(toks) and toks[i + 1].low == "another":
        return None
    return _read_words(text, toks, i)


def _read_range_end(text: str, toks: list[_Tok], j: int, *, between: bool) -> _Num | None:
    """The upper end of a range after the first number: "to 15", "or three", "-15", "and 15" after "between"."""
    if j + 1 >= len(toks):
        return None
    joiner = toks[j].low
    allowed = ("to", "or", *_HYPHENS) + (("and",) if between else ())
    if joiner not in allowed:
        return None
    if joiner in _HYPHENS and text[toks[j - 1].end : toks[j + 1].start].strip() not in _HYPHENS:
        return None
    return _read_number(text, toks, j + 1, articles=False)


def _count_at(text: str, toks: list[_Tok], i: int, offset: int, *, articles: bool) -> tuple[Count, int] | None:
    """The count expression starting at token ``i`` and the index after it, or None."""
    _, qualifiers, _ = _phrase_tables()
    start, between = i, False
    if toks[i].low in ("between", "from") and i + 1 < len(toks):
        between, i = toks[i].low == "between", i + 1
    qual = _match_phrase(toks, i, qualifiers)
    number = None
    if qual and i + len(qual) < len(toks):
        number = _read_number(text, toks, i + len(qual), articles=False)
    if number is None:
        qual = ()
        number = _read_number(text, toks, i, articles=articles)
    if number is None:
        return None
    end_tok = number.next_index - 1
    low = best = high = number.value
    qualifier = qualifiers[qual] if qual else number.qualifier
    upper = _read_range_end(text, toks, number.next_index, between=between)
    if upper is not None and upper.value > number.value:
        high, qualifier, end_tok = upper.value, "range", upper.next_index - 1
    elif between:
        start += 1  # "between" without a range is not part of the count
    span_start, span_end = toks[start].start, toks[end_tok].end
    count = Count(low, best, high, Span(span_start + offset, span_end + offset, text[span_start:span_end]), qualifier)
    return count, end_tok + 1


def find_counts(text: str, offset: int = 0, *, articles: bool = False) -> list[Count]:
    """Every count in ``text``, left to right, spans shifted by ``offset`` (the position of ``text`` in its document).

    ``articles=True`` also reads "a"/"an" as 1 (for a caller that already knows a noun of people follows).
    """
    toks = _tokens(text)
    found: list[Count] = []
    i = 0
    starters = _starters()
    while i < len(toks):
        if not toks[i].low[0].isdigit() and toks[i].low not in starters:
            i += 1
            continue
        hit = _count_at(text, toks, i, offset, articles=articles)
        if hit is None:
            i += 1
            continue
        count, i = hit
        found.append(count)
    return found


def parse_count(text: str) -> Count | None:
    """The count that ``text`` starts with ("about nine hundred", "17,000 fighters", "a dozen"), or None.

    Spans are offsets into ``text``. Vague quantities ("several", "a few") and non-numbers give None.
    """
    toks = _tokens(text)
    if not toks or text[: toks[0].start].strip():
        return None
    hit = _count_at(text, toks, 0, 0, articles=True)
    return hit[0] if hit and hit[0].span.start == toks[0].start else None


def is_vague(text: str) -> bool:
    """True when ``text`` starts with a vague quantity ("several", "a few", "many", "a number of")."""
    _, _, vague = _phrase_tables()
    toks = _tokens(text)
    return bool(toks) and bool(_match_phrase(toks, 0, vague))
