"""Scores of the primary event type: checked against hand-computed values and scikit-learn's definitions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.events.metrics import confusion_pairs, event_type_scores

LABELS = ["Armed clash", "Attack", "Peaceful protest", "none"]


def test_hand_computed_example() -> None:
    items = [
        ({"event_type": "Armed clash"}, "Armed clash"),
        ({"event_type": "Armed clash"}, "Attack"),
        ({"event_type": "none"}, "none"),
        ({"event_type": "none"}, "Armed clash"),
    ]
    scores = event_type_scores(items)
    assert scores["n"] == 4
    assert scores["event_type_acc"] == pytest.approx(0.5)
    # Armed clash: P 1/2, R 1/2 -> F1 0.5; none: P 1, R 1/2 -> F1 2/3
    assert scores["event_type_macro_f1"] == pytest.approx((0.5 + 2 / 3) / 2)
    assert scores["event_type_weighted_f1"] == pytest.approx((0.5 * 2 + 2 / 3 * 2) / 4)


def test_items_without_gold_event_type_are_skipped() -> None:
    scores = event_type_scores([({"fatalities": 3}, "Attack"), ({"event_type": "Attack"}, "Attack")])
    assert scores["n"] == 1
    assert scores["event_type_acc"] == 1.0


def test_empty_input() -> None:
    assert event_type_scores([])["n"] == 0


def test_confusion_pairs_most_frequent_first() -> None:
    pairs = [("a", "b"), ("a", "b"), ("c", "d"), ("a", "a")]
    assert confusion_pairs(pairs) == [("a", "b", 2), ("c", "d", 1)]


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.sampled_from(LABELS), st.sampled_from(LABELS)), min_size=1, max_size=40))
def test_matches_sklearn(pairs: list[tuple[str, str]]) -> None:
    from sklearn.metrics import accuracy_score, f1_score

    gold = [g for g, _ in pairs]
    pred = [p for _, p in pairs]
    labels = sorted(set(gold))
    scores = event_type_scores([({"event_type": g}, p) for g, p in pairs])
    assert scores["event_type_acc"] == pytest.approx(accuracy_score(gold, pred))
    weighted = f1_score(gold, pred, labels=labels, average="weighted", zero_division=0)
    macro = f1_score(gold, pred, labels=labels, average="macro", zero_division=0)
    assert scores["event_type_weighted_f1"] == pytest.approx(weighted)
    assert scores["event_type_macro_f1"] == pytest.approx(macro)
