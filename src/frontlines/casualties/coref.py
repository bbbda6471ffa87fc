"""Victims pointing back at people reported earlier in the text: their category comes from that report.

- "Three employees were injured. One of the injured later succumbed": the one is an employee (a civilian);
- "a shopkeeper, identified as Nazir Ahmad, was injured ... Nazir succumbed later": Nazir is the shopkeeper.

Runs once per document over its reports (in text order); only reports of unknown category change.
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontlines.model import CasualtyKind, CasualtyReport, VictimCategory

_UNK = VictimCategory.UNKNOWN
# "one of the injured", "two of the dead": some of the people an earlier report counted, of that kind.
_PARTITIVE_KIND = re.compile(
    r"\s+of\s+(?:the|those)\s+(?:(?P<wounded>injured|wounded)|(?P<killed>dead|deceased|killed|slain))\b", re.IGNORECASE
)
# A victim phrase naming its person: "a shopkeeper, identified as Nazir Ahmad".
_IDENTIFIED = re.compile(r"\b(?:identified as|named)\s+(?P<name>(?:[A-Z][\w'’.-]*\s*){1,4})")
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")


def resolve_references(reports: list[CasualtyReport], text: str) -> list[CasualtyReport]:
    """``reports`` with the categories of partitive and named victims filled in from earlier reports."""
    resolved: list[CasualtyReport] = []
    names: dict[str, VictimCategory] = {}  # words of the names of victims whose category is known
    for report in reports:
        if report.category == _UNK:
            report = replace(report, category=_partitive(report, resolved) or _named(report, names) or _UNK)
        if report.category != _UNK and report.span is not None:
            for name in _identified(report, text):
                names.update(dict.fromkeys(_NAME_WORD.findall(name), report.category))
        resolved.append(report)
    return resolved


def _partitive(report: CasualtyReport, earlier: list[CasualtyReport]) -> VictimCategory | None:
    """The category of the last earlier report of the kind a partitive names, counting at least as many."""
    span = report.span
    match = _PARTITIVE_KIND.match(span.text, report.count.span.end - span.start) if span is not None else None
    if match is None:
        return None
    kind = CasualtyKind.WOUNDED if match.group("wounded") else CasualtyKind.KILLED
    for other in reversed(earlier):
        fits = other.kind == kind and other.category != _UNK and other.count.best >= report.count.best
        if fits and not any(_inside(other, outer) for outer in earlier):  # not a sub-count ("including 4 children")
            return other.category
    return None


def _inside(report: CasualtyReport, outer: CasualtyReport) -> bool:
    a, b = report.span, outer.span
    return (
        a is not None
        and b is not None
        and b.start <= a.start
        and a.end <= b.end
        and (a.start, a.end) != (b.start, b.end)
    )


def _named(report: CasualtyReport, names: dict[str, VictimCategory]) -> VictimCategory | None:
    """The category of an earlier victim sharing a name word with this one ("Nazir Ahmad" ... "Nazir")."""
    if report.count.best != 1:
        return None
    for word in _NAME_WORD.findall(report.count.span.text):
        if word in names:
            return names[word]
    return None


def _identified(report: CasualtyReport, text: str) -> list[str]:
    """Names given to the report's victims in its clause or right after it ("..., identified as X")."""
    assert report.span is not None
    window = text[report.span.start : report.span.end + 60]
    return [match.group("name") for match in _IDENTIFIED.finditer(window)]
