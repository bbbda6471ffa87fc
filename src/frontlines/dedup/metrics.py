"""Pairwise precision and recall of a clustering against gold groups (the usual measure for record linkage)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairwiseScores:
    precision: float
    recall: float
    f1: float
    true_pairs: int  # pairs together in both
    predicted_pairs: int
    gold_pairs: int


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _labels(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    labels: dict[str, int] = {}
    for number, group in enumerate(groups):
        for item in group:
            if item in labels:
                raise ValueError(f"item {item!r} is in two groups")
            labels[item] = number
    return labels


def pairwise_scores(predicted_groups: Iterable[Iterable[str]], gold_groups: Iterable[Iterable[str]]) -> PairwiseScores:
    """Precision = share of predicted same-group pairs that are gold pairs; recall = share of gold pairs predicted.
    Only items present in both groupings count; with no predicted (gold) pairs precision (recall) is 1."""
    predicted, gold = _labels(predicted_groups), _labels(gold_groups)
    items = predicted.keys() & gold.keys()
    cells = Counter((predicted[i], gold[i]) for i in items)
    true_pairs = sum(_pairs(n) for n in cells.values())
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted[i] for i in items).values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold[i] for i in items).values())
    precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScores(precision, recall, f1, true_pairs, predicted_pairs, gold_pairs)
