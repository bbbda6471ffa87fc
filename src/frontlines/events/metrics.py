"""Scores of the primary event's type against gold: accuracy, weighted F1 and macro F1 (sklearn's definitions).

``event_type_scores`` takes ``(gold, predicted)`` pairs where ``gold`` is a gold dict (``{"event_type": ...}``, as in
``shared/eval/FORMAT.md``) and ``predicted`` is the primary event's ACLED sub-event type or ``"none"``. Items whose
gold has no ``event_type`` are skipped. Weighted and macro F1 average over the labels present in gold, as
``sklearn.metrics.f1_score(..., labels=gold_labels)`` does, so a wrong label the system invents costs precision of
no class but recall of the gold one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from frontlines.events.taxonomy import NONE


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def per_label_f1(pairs: list[tuple[str, str]]) -> dict[str, tuple[float, int]]:
    """F1 and support of every gold label, from (gold, predicted) label pairs."""
    support = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    correct = Counter(g for g, p in pairs if g == p)
    return {
        label: (_f1(correct[label], predicted[label] - correct[label], n - correct[label]), n)
        for label, n in support.items()
    }


def confusion_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """(gold, predicted, count) of the errors, most frequent first."""
    errors = Counter((g, p) for g, p in pairs if g != p)
    return [(g, p, n) for (g, p), n in errors.most_common()]


def event_type_scores(items: list[tuple[dict[str, Any], str]]) -> dict[str, Any]:
    """event_type_acc, event_type_weighted_f1, event_type_macro_f1 and n over items with a gold event type."""
    pairs = [(str(gold["event_type"]), predicted or NONE) for gold, predicted in items if "event_type" in gold]
    n = len(pairs)
    if not n:
        return {"event_type_acc": 0.0, "event_type_weighted_f1": 0.0, "event_type_macro_f1": 0.0, "n": 0}
    scores = per_label_f1(pairs)
    return {
        "event_type_acc": sum(g == p for g, p in pairs) / n,
        "event_type_weighted_f1": sum(f1 * support for f1, support in scores.values()) / n,
        "event_type_macro_f1": sum(f1 for f1, _ in scores.values()) / len(scores),
        "n": n,
    }
