"""Scores of the clean stage against the gold sets of ``../shared/eval`` (see FORMAT.md there).

The project's eval runner calls these with (gold dict, system output) pairs; nothing here reads files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    """Whitespace collapsed to single spaces, so line breaks never decide whether a snippet matches."""
    return _SPACE.sub(" ", text).strip()


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def snippet_scores(items: Iterable[tuple[dict, str]]) -> dict[str, float]:
    """Precision/recall/F1 of ``body_with`` (must be found) and ``body_without`` (must be absent) over the set."""
    tp = fp = fn = n = 0
    for gold, extracted in items:
        with_ = gold.get("body_with") or []
        without = gold.get("body_without") or []
        if not with_ and not without:
            continue
        n += 1
        text = _squash(extracted)
        found = [_squash(s) in text for s in with_]
        tp += sum(found)
        fn += len(found) - sum(found)
        fp += sum(_squash(s) in text for s in without)
    precision, recall, f1 = _prf(tp, fp, fn)
    return {"snippet_precision": precision, "snippet_recall": recall, "snippet_f1": f1, "n": n}


def _token_prf(gold: str, extracted: str) -> tuple[float, float, float]:
    gold_tokens = Counter(gold.lower().split())
    sys_tokens = Counter(extracted.lower().split())
    tp = sum((gold_tokens & sys_tokens).values())
    return _prf(tp, sum(sys_tokens.values()) - tp, sum(gold_tokens.values()) - tp)


def body_scores(items: Iterable[tuple[dict, str]]) -> dict[str, float]:
    """Token multiset precision/recall/F1 of the extracted main text against gold ``body``, mean over documents."""
    rows = [_token_prf(gold["body"], extracted) for gold, extracted in items if gold.get("body") is not None]
    if not rows:
        return {"body_precision": 0.0, "body_recall": 0.0, "body_f1": 0.0, "n": 0}
    n = len(rows)
    return {
        "body_precision": sum(r[0] for r in rows) / n,
        "body_recall": sum(r[1] for r in rows) / n,
        "body_f1": sum(r[2] for r in rows) / n,
        "n": n,
    }


def pubdate_accuracy(items: Iterable[tuple[dict, date | None]]) -> dict[str, float]:
    """Exact-day accuracy of publication dates; a gold null is matched only by no date."""
    right = n = 0
    for gold, found in items:
        if "published" not in gold:
            continue
        n += 1
        expected = gold["published"]
        right += (found.isoformat() if found else None) == expected
    return {"published_acc": right / n if n else 0.0, "n": n}
