"""One clause per reported act, and the words around each act: a sentence such as "Airstrikes target Idlib and
shells hit Aleppo" reports two events in two places, and each event's place, and its weak casualty cue, belong to
its own clause.

A sentence is cut only between two triggers, at the last clause break between them (a coordinating or temporal
connective or a clause punctuation mark), so "A, B and C" between two triggers stays with the first; a comma before
a participle ("struck A and B, killing three") adds the act's result and cuts nothing. Two triggers with no break
between them ("warplanes bomb X with airstrikes") share their clause.
"""

from __future__ import annotations

import re
from itertools import pairwise

from frontlines.model import Span

# Words and marks that open a new clause when they stand between two acts.
CLAUSE_BREAK_WORDS = (
    "in conjunction with", "as well as", "meanwhile", "following", "whereas", "while", "after", "amid", "and",
    "but",
)  # fmt: skip
_WORDS = "|".join(re.escape(w) for w in CLAUSE_BREAK_WORDS)
_MARKS = r"(?:;|…|\.{2,}|,|\s[-–—](?=\s))"
# ", killing three", ", leaving two dead": a participle after a comma tells the result of the act before it.
_RESULT = re.compile(r"\s*,\s*[a-z]+ing\b")
_BREAK = re.compile(rf"\s*{_MARKS}\s*(?:(?:{_WORDS})\b\s*)?|\s+(?:{_WORDS})\s+", re.IGNORECASE)


def clauses(text: str, sentence: Span, triggers: list[Span]) -> dict[int, Span]:
    """The clause of each trigger (keyed by its start offset) inside ``sentence``."""
    ordered = sorted({t.start: t for t in triggers if sentence.contains(t)}.values(), key=lambda t: t.start)
    cuts: list[tuple[int, int]] = []  # (end of one clause, start of the next)
    for one, nxt in pairwise(ordered):
        breaks = _breaks(text, one.end, nxt.start)
        if breaks and not _RESULT.match(text, breaks[-1].start()):
            cuts.append((breaks[-1].start(), breaks[-1].end()))
    starts = [sentence.start, *(start for _, start in cuts)]
    ends = [*(end for end, _ in cuts), sentence.end]
    out: dict[int, Span] = {}
    for trigger in ordered:
        k = sum(1 for start in starts[1:] if start <= trigger.start)
        out[trigger.start] = Span.of(text, starts[k], ends[k])
    return out


def segment(text: str, clause: Span, trigger: Span) -> Span:
    """The stretch of ``clause`` between the clause breaks on either side of ``trigger``: in "20 fighters mourned
    in A and clashes in B" the clashes' own words are "clashes in B"."""
    start, end = clause.start, clause.end
    for found in _breaks(text, clause.start, clause.end):
        if found.end() <= trigger.start:
            start = found.end()
        elif found.start() >= trigger.end:
            end = found.start()
            break
    return Span.of(text, start, end)


def _breaks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Clause breaks starting in [start, end), read with the text after ``end`` in view (a dash's look-ahead)."""
    found = []
    for match in _BREAK.finditer(text, start):
        if match.start() >= end:
            break
        found.append(match)
    return found
