"""Publication dates: the page's own structured declaration, htmldate's reading of the markup, dates in the text.

A date is only accepted between ``EARLIEST`` and the day the page was fetched (or today): never in the future.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

EARLIEST = date(1990, 1, 1)
TEXT_SEARCH_CHARS = 1500  # a dateline sits near the top of a text

# schema.org's datePublished as it appears in JSON-LD and in inline JSON state.
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Unambiguous day expressions in running text: "March 3, 2019", "3 March 2019", "2019-03-03".
_TEXT_DATES = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
)
# A full date in a URL path: /2020/02/17/ or /2020-02-17-: the newsroom's local publication day.
_URL_DATE = re.compile(r"[/_-]((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_-]|\.html?|$)")
_UTC_TIME = re.compile(r"T(\d\d):\d\d(?::[\d.]+)?(?:Z|[+-]00:?00)$")
EARLY_UTC_HOUR = 8
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}


def in_range(found: date | None, *, latest: date) -> date | None:
    """The date if it is plausible for a publication: not before 1990, not after ``latest``."""
    return found if found is not None and EARLIEST <= found <= latest else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _dateparser_settings() -> dict[str, Any]:
    return {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }


def parse_date_string(value: str) -> date | None:
    """An ISO date prefix, else whatever dateparser reads ("Tue, Sep 15 2020 10:01:41 EDT")."""
    iso = _ISO_DAY.match(value)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    import dateparser

    try:
        parsed = dateparser.parse(value, languages=["en"], settings=_dateparser_settings())
    except (ValueError, OverflowError):  # dateparser raises on odd inputs
        return None
    return parsed.date() if parsed else None


def _first_jsonld(html: str, *, latest: date) -> tuple[date | None, str]:
    for match in _JSONLD_PUBLISHED.finditer(html):
        found = in_range(parse_date_string(match.group(1)), latest=latest)
        if found:
            return found, match.group(1)
    return None, ""


def jsonld_published(html: str, *, latest: date) -> date | None:
    """The first plausible ``datePublished`` the page declares in its structured data."""
    return _first_jsonld(html, latest=latest)[0]


def early_utc(value: str) -> bool:
    """A UTC timestamp before 08:00: still the previous evening for an outlet in the Americas."""
    match = _UTC_TIME.search(value)
    return match is not None and int(match.group(1)) < EARLY_UTC_HOUR


def htmldate_params(*, latest: date) -> dict[str, Any]:
    """htmldate options: the original (not the updated) date, extensive search of the markup, plausible range."""
    return {
        "original_date": True,
        "extensive_search": True,
        "min_date": EARLIEST.isoformat(),
        "max_date": latest.isoformat(),
    }


def _jan_first_pattern(year: int) -> re.Pattern[str]:
    y = str(year)
    return re.compile(
        rf"\bjan(uary)?\.?\s+0?1(st)?,?\s+{y}|\b0?1(st)?\s+jan(uary)?\.?,?\s+{y}|{y}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{y}",
        re.IGNORECASE,
    )


def is_bare_year(found: date, html: str) -> bool:
    """True for a 1 January that the page never writes out: htmldate's reading of a bare year (a copyright line)."""
    return (found.month, found.day) == (1, 1) and not _jan_first_pattern(found.year).search(html)


def parse_htmldate(value: str | None, html: str, *, latest: date) -> date | None:
    """htmldate's answer (YYYY-MM-DD) as a date, dropping bare-year guesses and implausible dates."""
    found = parse_date_string(value) if value else None
    if found is None or is_bare_year(found, html):
        return None
    return in_range(found, latest=latest)


def _match_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get(groups["month"][:3].lower(), 0)
    return _safe_date(int(groups["year"]), month, int(groups["day"]))


def text_published(text: str, *, latest: date) -> date | None:
    """The earliest-placed unambiguous full date near the top of a text (a dateline or byline)."""
    head = text[:TEXT_SEARCH_CHARS]
    matches = sorted((m for pattern in _TEXT_DATES for m in pattern.finditer(head)), key=lambda m: m.start())
    for match in matches:
        found = in_range(_match_date(match), latest=latest)
        if found:
            return found
    return None


def url_published(url: str, *, latest: date) -> date | None:
    """The date a URL path spells out in full (year, month and day), if plausible."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    return in_range(_safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3))), latest=latest)


def declared_published(html: str, *, url: str, htmldate_value: str | None, latest: date) -> date | None:
    """The page's own publication date: its structured ``datePublished``, else htmldate's reading.

    A structured date early in the UTC day may be the previous evening where the outlet is; when the URL spells out
    that previous day, the URL's (local) day wins.
    """
    structured, value = _first_jsonld(html, latest=latest)
    from_url = url_published(url, latest=latest)
    if structured and from_url and (structured - from_url).days == 1 and early_utc(value):
        return from_url
    return structured or parse_htmldate(htmldate_value, html, latest=latest)
