"""Totals of a document's casualty reports, coded as ``shared/eval/casualty-coding.md`` says.

How reports combine:

- reports of one sentence (same evidence span end) add up: "two policemen and two militants were killed" -> 4;
  a sub-count (its span starts at "including", inside its sentence) only gives a part: "12 killed, including 3
  children" -> killed 12, civilians 3;
- later sentences of the same incident repeat or detail the lead: per category the lowest figure holds (differing
  figures, casualty-coding.md; a part such as "two of the suspects" is no figure of its own), and the total is the
  first sentence's total or the sum of the categories, whichever is larger (a later "SFs killed two terrorists"
  adds perpetrators to a lead about 60 dead policemen);
- a clause naming more victims ("a bystander was also killed", "while a man ... was killed", "a third person
  died") adds to the incident instead of repeating it;
- a restated toll ("the death toll rose to 54", "raising the number of Maoists killed to five") stands for the
  whole incident (or its side) when it is larger;
- a sentence opening "In another incident", "Meanwhile", "Separately"... starts a new incident: incidents add up;
- explicit zeros ("no casualties") give 0 only where no report gives a number;
- parts are null unless some report attributes deaths to that category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontlines.casualties.patterns import patterns
from frontlines.model import CasualtyKind, CasualtyReport, VictimCategory

_PERP = VictimCategory.PERPETRATORS
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
    additive: bool = False  # "a bystander was also killed": on top of the victims reported before
    toll: bool = False  # "the death toll rose to 54": the whole incident's deaths
    partitive: str = ""  # "part" ("two of the dead"), "party" ("two of the attackers"), "dead": see _partitive

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


_PARTITIVE = re.compile(
    r"\s+(?:of|among)\s+(?:the|them|those|these|whom|their)\b(?:\s+(?P<noun>[\w-]+))?", re.IGNORECASE
)
# Clauses naming some of the dead: "the body of a woman cadre was recovered", "the dead included two children".
_SOME_OF_THE_DEAD = re.compile(
    r"^(?:the\s+)?(?:(?:bod(?:y|ies)|dead|deceased|victims|death toll|fatalities)\s+(?:of|included|include|includes"
    r"|including)|among the (?:dead|killed|deceased|victims))\b",
    re.IGNORECASE,
)
# Nouns after "of the" naming the victims themselves ("two of the dead"), not a party ("two of the raiders").
_VICTIM_WORDS = frozenset(["dead", "deceased", "killed", "slain", "injured", "wounded", "victims", "them", "those"])


def _partitive(report: CasualtyReport) -> str:
    """How a clause names some of the people: "part" of people reported before ("two of the dead", "one of them"),
    of a "party" named before ("two of the attackers"), "dead" ("the body of X", "the dead included X"), or ""."""
    span = report.span
    if span is None:
        return ""
    if _SOME_OF_THE_DEAD.match(span.text):
        return "dead"
    match = _PARTITIVE.match(span.text, report.count.span.end - span.start)
    if match is None:
        return ""
    noun = (match.group("noun") or "").lower()
    return "party" if noun and noun not in _VICTIM_WORDS else "part"


def _sentences(reports: list[CasualtyReport]) -> list[_Sentence]:
    """Reports grouped by evidence span (one clause), sub-counts joined to the clause whose span holds theirs."""
    mains = [r for r in reports if not _is_sub(r, reports)]
    groups: dict[tuple[int, int], _Sentence] = {}
    p = patterns()
    for report in sorted(mains, key=_key):
        text = report.span.text if report.span is not None else ""
        clause = groups.setdefault(
            _key(report), _Sentence(additive=bool(p.additive.search(text)), toll=bool(p.toll_update.search(text)))
        )
        clause.partitive = clause.partitive or _partitive(report)
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


def _incident_total(clauses: list[_Sentence]) -> tuple[int, dict[VictimCategory, int]]:
    """The deaths (or injuries) of one incident and their parts.

    The first clause and those restating it give the base (see below); clauses adding victims ("was also
    killed") come on top, and so do attackers killed after a toll of their unnamed victims ("gunmen killed ten
    people ... two of the gunmen were killed"); a restated toll ("the toll rose to 54") stands for the whole
    incident when larger.
    """
    first = clauses[0]
    open_toll = first.total > sum(first.parts.values()) and _PERP not in first.parts
    extra = [
        n
        for n, clause in enumerate(clauses)
        if n
        and not clause.toll
        and (clause.additive or (open_toll and clause.partitive == "party" and set(clause.parts) == {_PERP}))
    ]
    covered = {category for n in extra for category in clauses[n].parts}
    total, parts = _restated_total([clause for n, clause in enumerate(clauses) if n not in extra], covered)
    for clause in (clauses[n] for n in extra):
        total += clause.total
        for category in PARTS.values():
            value = clause.part(category)
            if value is not None:
                parts[category] = parts.get(category, 0) + value
    tolls = [clause for clause in clauses if clause.toll]
    if tolls:  # "raising the number of Maoists killed to five": the latest toll, for all or for one side
        total = max(total, tolls[-1].total)
        for category, value in tolls[-1].parts.items():
            parts[category] = max(parts.get(category, 0), value)
    return total, parts


def _restated_total(sentences: list[_Sentence], covered: set[VictimCategory]) -> tuple[int, dict[VictimCategory, int]]:
    """The first clause and those restating it; a part of people ("the body of a cadre") says nothing of a side
    that a clause adding victims already ``covered`` ("nine Maoists were also killed")."""
    parts: dict[VictimCategory, int] = {}
    for category in PARTS.values():
        for sentence in sentences:
            value = sentence.part(category)
            if sentence.partitive and category in covered:
                continue
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
    # differing figures for a side (not a part of them: "two of the suspects"): the lowest one (coding rules)
    lowest = {
        c: min((v for s in sentences if s.partitive in ("", "dead") and (v := s.part(c)) is not None), default=parts[c])
        for c in parts
    }
    cut = sum(parts[c] - lowest[c] for c in parts if c in first.parts)
    return max(first.total - cut, *later, sum(lowest.values())), lowest


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


_OF_THE_INJURED = re.compile(r"\s+of\s+(?:the|those)\s+(?:injured|wounded)\b", re.IGNORECASE)


def _of_the_injured(report: CasualtyReport) -> bool:
    """ "Three of the injured later died": deaths among people already counted as injured."""
    span = report.span
    return span is not None and bool(_OF_THE_INJURED.match(span.text, report.count.span.end - span.start))


def _wounded_left(wounded: int | None, reports: list[CasualtyReport]) -> int | None:
    """Injured minus those who died of their injuries (null if none are left).

    "Three employees were injured. One of the injured later succumbed" -> wounded 2. Counted out: the text's first
    death when it is such a one, and any death "of the injured"; a death reported first as a killing ("the driver
    was killed ... the driver later succumbed") does not come out of the injured.
    """
    killed = sorted((r for r in reports if r.kind == CasualtyKind.KILLED and r.count.best > 0), key=_key)
    if not wounded or not killed:
        return wounded
    first = killed[0]
    died = sum(r.count.best for r in killed if _key(r) != _key(first) and _of_the_injured(r))
    if first.span is not None and (_DIED_OF_WOUNDS.search(first.span.text) or _of_the_injured(first)):
        died += sum(r.count.best for r in killed if _key(r) == _key(first))
    if not died:
        return wounded
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
