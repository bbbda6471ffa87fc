"""One incident, many reports: near-duplicate documents and merging events from many articles into incidents.

- :mod:`fingerprint`: MinHash fingerprints of word shingles, ``near_duplicate`` and the ``LshIndex``;
- :mod:`rules`: the matching heuristics as data (compatible types, distances, date slack, weights, threshold);
- :mod:`match`: ``match_events(a, b)``, the score of two event reports as one incident;
- :mod:`incident`: ``Incident`` and ``summarize`` (provenance, sources, fatality ranges);
- :mod:`repository`: the ``IncidentRepository`` protocol and an in-memory implementation;
- :mod:`merger`: ``IncidentMerger``, incremental merging;
- :mod:`metrics`: ``pairwise_scores``.
"""

from frontlines.dedup.fingerprint import Fingerprint, LshIndex, fingerprint, is_near_duplicate, near_duplicate
from frontlines.dedup.incident import DocMeta, Fatalities, FatalityFigure, Incident, Member, Report, summarize
from frontlines.dedup.match import Match, match_events
from frontlines.dedup.merger import DuplicateFinder, IncidentMerger
from frontlines.dedup.metrics import PairwiseScores, pairwise_scores
from frontlines.dedup.repository import IncidentRecord, IncidentRepository, InMemoryIncidentRepository, Window
from frontlines.dedup.rules import MATCH_THRESHOLD

__all__ = [
    "MATCH_THRESHOLD",
    "DocMeta",
    "DuplicateFinder",
    "Fatalities",
    "FatalityFigure",
    "Fingerprint",
    "InMemoryIncidentRepository",
    "Incident",
    "IncidentMerger",
    "IncidentRecord",
    "IncidentRepository",
    "LshIndex",
    "Match",
    "Member",
    "PairwiseScores",
    "Report",
    "Window",
    "fingerprint",
    "is_near_duplicate",
    "match_events",
    "near_duplicate",
    "pairwise_scores",
    "summarize",
]
