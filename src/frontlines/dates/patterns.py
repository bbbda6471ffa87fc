"""Compiled regular expressions for English date expressions, built once from :mod:`frontlines.dates.lexicon`.

Each pattern has a name; :mod:`frontlines.dates.find` has one resolver per name. Every pattern has a ``body`` group:
the expression itself, without a leading preposition ("on", "in", "since"), which goes to the ``prep`` group.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines.dates import lexicon

YEAR_CORE = r"(?P<y>(?:19|20)\d\d)"
YEAR = YEAR_CORE + r"(?![\d])"
PREP = r"(?:(?P<prep>(?i:in|on|since|until|till|by|from|during|before|after|at|of))\s+(?:the\s+)?)?"
DAY_PART = r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"


def _alternation(names: list[str], *, abbreviated: set[str]) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        parts.append(re.escape(name) + (r"\.?" if name in abbreviated else ""))
    return "|".join(parts)


def _month_alternation() -> str:
    abbreviated = {name for name in lexicon.MONTHS if len(name) <= 4 and name not in ("June", "July")}
    return _alternation(list(lexicon.MONTHS), abbreviated=abbreviated)


def _weekday_alternation() -> str:
    abbreviated = {name for name in lexicon.WEEKDAYS if not name.endswith("day")}
    return _alternation(list(lexicon.WEEKDAYS), abbreviated=abbreviated)


def _words(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def _sources() -> list[tuple[str, str]]:
    month = rf"(?P<month>{_month_alternation()})(?![A-Za-z])"
    weekday = rf"(?P<wd>{_weekday_alternation()})(?![A-Za-z])"
    ordinal = r"(?:st|nd|rd|th)?"
    numbers = _words(list(lexicon.NUMBER_WORDS))
    return [
        ("iso", rf"(?<![\d-])(?P<body>{YEAR_CORE}-(?P<m>\d\d)-(?P<d>\d\d))(?![\d])"),
        ("numeric", rf"(?<![\d./])(?P<body>(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.]{YEAR})(?![./]\d)"),
        (
            "month_day",
            rf"\b{PREP}(?P<body>(?:{weekday},?\s+)?{month}\s+(?P<d>\d{{1,2}}){ordinal}(?![\d,]\d)"
            rf"(?:\s*[-–]\s*(?P<d2>\d{{1,2}})(?!\d))?(?:,?\s+{YEAR})?)",
        ),
        (
            "day_month",
            rf"(?<![\w.,]){PREP}(?P<body>(?:{weekday},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){ordinal}"
            rf"(?:\s*[-–]\s*(?P<d2>\d{{1,2}}){ordinal})?(?:\s+of)?\s+{month}(?:,?\s+{YEAR})?)",
        ),
        ("dashed", rf"(?<![\w-])(?P<body>(?P<d>\d{{1,2}})-{month}-{YEAR})(?!-\d)"),
        (
            "month",
            rf"\b{PREP}(?P<body>(?:(?P<mod>(?i:early|mid|late|last|this|the\s+end\s+of|the\s+beginning\s+of|"
            rf"end\s+of|beginning\s+of))[\s-]+)?{month}(?:,?\s+{YEAR})?)",
        ),
        (
            "year",
            r"\b(?P<prep>(?i:in|since|during|until|till|by|from|throughout|before|after|of))\s+"
            rf"(?P<body>(?:(?P<mod>(?i:early|mid|late))[\s-]+)?{YEAR})(?![s'’]|,\d)",
        ),
        (
            "weekday",
            rf"\b{PREP}(?P<body>(?:(?P<mod>(?i:last|this|past|early|late|early\s+on|late\s+on))\s+)?{weekday}"
            rf"{DAY_PART})",
        ),
        ("relative_day", rf"\b(?P<body>(?P<rel>(?i:{_words(list(lexicon.RELATIVE_DAYS))})){DAY_PART})\b"),
        (
            "ago",
            rf"\b(?P<body>(?P<n>\d{{1,2}}|(?i:{numbers}))\s+(?P<unit>(?i:{_words(list(lexicon.AGO_UNITS))}))"
            r"\s+(?i:ago))\b",
        ),
        ("period", rf"\b(?P<body>(?P<period>(?i:{_words(list(lexicon.RELATIVE_PERIODS))})))\b"),
        ("recent", rf"\b(?P<body>(?P<recent>(?i:{_words(list(lexicon.RECENT_WORDS))})))\b"),
        ("anaphoric", rf"\b(?P<body>(?P<anaphoric>(?i:{_words(list(lexicon.ANAPHORIC_DAYS))})))\b"),
    ]


# Which patterns can match around each kind of anchor word (see :func:`anchors`): the full patterns run only in
# windows around anchors, so a page without dates costs one scan.
ANCHOR_PATTERNS: dict[str, tuple[str, ...]] = {
    "name": ("month_day", "day_month", "dashed", "month", "weekday"),
    "number": ("iso", "numeric", "year"),
    "relative": ("relative_day", "ago", "period", "recent", "anaphoric"),
}
# Characters around an anchor searched by the full patterns ("since the beginning of" + "August 2019").
WINDOW = 48


WORD_OR_NUMBER = re.compile(r"[A-Za-z]+|\d+(?:[/.-]\d+)*")


@lru_cache(maxsize=1)
def anchor_names() -> frozenset[str]:
    """Month and weekday names, as written (capitalised)."""
    return frozenset([*lexicon.MONTHS, *lexicon.WEEKDAYS])


def anchor_kind(word: str) -> str | None:
    """Which patterns a word can anchor: a month or weekday name, a year or numeric date, or a relative word."""
    if word in anchor_names():
        return "name"
    if word[0].isdigit():
        return "number" if len(word) == 4 or not word.isdigit() else None
    return "relative" if word.lower() in lexicon.RELATIVE_ANCHORS else None


@lru_cache(maxsize=1)
def compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The named date patterns, compiled once."""
    return tuple((name, re.compile(source)) for name, source in _sources())
