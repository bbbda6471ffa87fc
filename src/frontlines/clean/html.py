"""HTML pages: trafilatura for the main text (comments off) and the title, htmldate for the date.

The extracted XML body is walked element by element so that headings keep their kind; each line of the rendered
text becomes one :class:`~frontlines.clean.text.Unit` for the shared paragraph classifier.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from frontlines.clean.pubdate import htmldate_params
from frontlines.clean.text import Unit, squash
from frontlines.model import BlockKind

LOG = logging.getLogger(__name__)

# trafilatura options chosen by measurement on the dev boilerplate set (snippet F1, metrics.py): favor_recall beat
# the default and favor_precision once the furniture filter of text.py runs after it; tables carry article text.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "favor_recall": True,
    "include_tables": True,
    "include_formatting": False,
}
# When the main text is this short and trafilatura's baseline finds this many times more, the extractor latched onto
# a fragment of the page (a teaser, one table cell): the baseline's paragraphs are used instead.
RETRY_BELOW_CHARS = 1500
RETRY_GAIN = 4
MIN_PROSE_WORDS = 12  # ...and only when the baseline found at least one paragraph of prose, not a menu
# Elements of trafilatura's XML output and the block kind they stand for (None: let the classifier decide).
HINTS: dict[str, BlockKind | None] = {"head": BlockKind.HEADING}


@dataclass
class HtmlExtract:
    """What a page yields before classification: its main-text lines, title and htmldate's date."""

    units: list[Unit] = field(default_factory=list)
    title: str = ""
    htmldate: str | None = None  # htmldate's YYYY-MM-DD for the page


def _guarded(what: str, function: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a third-party parser on an arbitrary page: one bad page must never stop a batch."""
    try:
        return function(*args, **kwargs)
    except Exception:
        LOG.warning("%s failed", what, exc_info=True)
        return None


def page_title(tree: Any) -> str:
    """The page's title: its social/meta title, else trafilatura's reading of <title> and <h1>."""
    from trafilatura.metadata import examine_meta, extract_title

    title = _guarded("title metadata", examine_meta, tree)
    found = (title.title if title is not None else None) or _guarded("title", extract_title, tree)
    return squash(found or "")


def page_date(tree: Any, *, url: str, latest: date) -> str | None:
    """htmldate's YYYY-MM-DD for the page (it works on its own copy of the tree)."""
    from htmldate import find_date

    return _guarded("htmldate", find_date, tree, url=url or None, **htmldate_params(latest=latest))


def body_units(body: Any) -> list[Unit]:
    """One unit per rendered line of each top-level element of trafilatura's XML body."""
    from trafilatura.xml import xmltotxt

    units = []
    for element in body:
        hint = HINTS.get(str(element.tag))
        for line in xmltotxt(element, include_formatting=False).splitlines():
            line = squash(line)
            if line:
                units.append(Unit(line, hint))
    return units


def with_fallback(tree: Any, units: list[Unit]) -> list[Unit]:
    """The extractor's units, or the baseline's when these are a small fragment of what the page holds."""
    from copy import deepcopy

    from trafilatura import baseline

    length = sum(len(unit.text) for unit in units)
    if length >= RETRY_BELOW_CHARS:
        return units
    found = _guarded("trafilatura baseline", baseline, deepcopy(tree))
    if found is None or found[2] <= RETRY_GAIN * max(length, 1):
        return units
    fallback = body_units(found[0])
    return fallback if any(len(unit.text.split()) >= MIN_PROSE_WORDS for unit in fallback) else units


def extract_html(html: str, *, url: str = "", latest: date) -> HtmlExtract:
    """Main-text units, title and htmldate's date of a page; empty when the page cannot be parsed."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = _guarded("HTML parsing", load_html, html)
    if tree is None:
        return HtmlExtract()
    result = _guarded("trafilatura", bare_extraction, tree, url=url or None, **EXTRACT_OPTIONS)
    units = with_fallback(tree, body_units(result.body) if result is not None else [])
    return HtmlExtract(units=units, title=page_title(tree), htmldate=page_date(tree, url=url, latest=latest))
