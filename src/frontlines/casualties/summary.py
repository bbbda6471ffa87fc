"""Totals of a document's casualty reports, coded as ``shared/eval/casualty-coding.md`` says.

How reports combine:

- reports of one sentence (same evidence span end) add up: "two policemen and two militants were killed" -> 4;
  a sub-count (its span starts at "including", inside its sentence) only gives a part: "12 killed, including 3
  children" -> killed 12, civilians 3;
- later sentences of the same incident repeat or detail the lead: per category the first sentence that names it
  holds, and the total is the first sentence's total or the sum of the categories, whichever is larger (a later
  "SFs killed two terrorists" adds perpetrators to a lead about 60 dead policemen);
- a sentence opening "In another incident", "Meanwhile", "Separately"... starts a new incident: incidents add up;
- explicit zeros ("no casualties") give 0 only where no report gives a number;
- parts are null unless some report attributes deaths to that category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontlines.casualties.patterns import patterns
from frontlines.model import CasualtyKind, CasualtyReport, VictimCategory

PARTS = {
    "killed_civilians": VictimCategory.CIVILIANS,
    "killed_security": VictimCategory.SECURITY,
    "killed_perpetrators": VictimCategory.PERPETRATORS,
}


@dataclass
class _Sentence:
    total: int = 0
    parts: dict[VictimCategory, int] = field(default_factory=dict)
    sub_parts: dict[VictimCategory, int] = field(default_factory=dict)

    def part(self, category: VictimCategory) -> int | None:
        if category in self.parts:
            return self.parts[category]
        return self.sub_parts.get(category)


def _key(report: CasualtyReport) -> tuple[int, int]:
    span = report.span or report.count.span
    return span.start, span.end


def _is_sub(report: CasualtyReport, reports: list[CasualtyReport]) -> bool:
    """A sub-count: its evidence span lies strictly inside another report's span."""
    span = report.span
    return span is not None and any(
        o.span is not None and o.span.start < span.start and span.end <= o.span.end for o in reports
    )


def _sentences(reports: list[CasualtyReport]) -> list[_Sentence]:
    """Reports grouped by evidence span (one clause), sub-counts joined to the clause whose span holds theirs."""
    mains = [r for r in reports if not _is_sub(r, reports)]
    groups: dict[tuple[int, int], _Sentence] = {}
    for report in sorted(mains, key=_key):
        clause = groups.setdefault(_key(report), _Sentence())
        clause.total += report.count.best
        if report.category != VictimCategory.UNKNOWN:
            clause.parts[report.category] = clause.parts.get(report.category, 0) + report.count.best
    for report in reports:
        if report in mains or report.category == VictimCategory.UNKNOWN:
            continue
        start, end = _key(report)
        holder = next((k for k in groups if k[0] <= start and end <= k[1]), None)
        if holder is not None:
            subs = groups[holder].sub_parts
            subs[report.category] = subs.get(report.category, 0) + report.count.best
    return [groups[key] for key in sorted(groups)]


def _incident_total(sentences: list[_Sentence]) -> tuple[int, dict[VictimCategory, int]]:
    parts: dict[VictimCategory, int] = {}
    for category in PARTS.values():
        for sentence in sentences:
            value = sentence.part(category)
            if value is not None:
                parts[category] = value
                break
    # a later clause raises the total only with deaths it does not attribute, and only when the first clause
    # attributed all of its own ("a trader was shot ... four people were killed in three incidents"); a later
    # figure for a side, or a second unattributed toll, is a differing figure and the first one stands
    first = sentences[0]
    later = [s.total for s in sentences[1:] if s.total > sum(s.parts.values())]
    if first.total > sum(first.parts.values()):
        later = []
    return max(first.total, *later, sum(parts.values())), parts


def _incidents(reports: list[CasualtyReport]) -> list[list[CasualtyReport]]:
    """Reports split where a clause opens a separate incident ("In another incident, ...")."""
    opener = patterns().new_incident
    groups: list[list[CasualtyReport]] = []
    for report in sorted(reports, key=_key):
        starts_new = report.span is not None and opener.match(report.span.text)
        if not groups or (starts_new and not any(_key(r) == _key(report) for r in groups[-1])):
            groups.append([])
        groups[-1].append(report)
    return groups


def _kind_total(reports: list[CasualtyReport], kind: CasualtyKind) -> tuple[int | None, dict[VictimCategory, int]]:
    picked = [r for r in reports if r.kind == kind]
    positive = [r for r in picked if r.count.best > 0]
    if not positive:
        return (0 if picked else None), {}
    total, parts = 0, dict[VictimCategory, int]()
    for incident in _incidents(positive):
        incident_total, incident_parts = _incident_total(_sentences(incident))
        total += incident_total
        for category, value in incident_parts.items():
            parts[category] = parts.get(category, 0) + value
    return total, parts


# A death from injuries: that person left the injured ("three injured, one later succumbed" -> wounded 2).
_DIED_OF_WOUNDS = re.compile(r"\bsuccumb|\bdied (?:of|from) (?:his|her|their) (?:injuries|wounds)", re.IGNORECASE)


def _wounded_left(wounded: int | None, reports: list[CasualtyReport]) -> int | None:
    """Injured minus those who died of their injuries when the text's first death is such a one (null if none left).

    "Three employees were injured. One of the injured later succumbed" -> wounded 2; a death reported first as a
    killing ("the driver was killed ... the driver later succumbed") does not come out of the injured.
    """
    killed = sorted((r for r in reports if r.kind == CasualtyKind.KILLED and r.count.best > 0), key=_key)
    if not wounded or not killed or killed[0].span is None or not _DIED_OF_WOUNDS.search(killed[0].span.text):
        return wounded
    died = sum(r.count.best for r in killed if _key(r) == _key(killed[0]))
    return wounded - died if wounded > died else None


def summarize(reports: list[CasualtyReport]) -> dict[str, int | None]:
    """fatalities, wounded and the killed per category (null where the text does not say) for one document."""
    killed, parts = _kind_total(reports, CasualtyKind.KILLED)
    wounded, _ = _kind_total(reports, CasualtyKind.WOUNDED)
    wounded = _wounded_left(wounded, reports)
    summary: dict[str, int | None] = {"fatalities": killed, "wounded": wounded}
    for key, category in PARTS.items():
        summary[key] = parts.get(category) if killed else None
    return summary
