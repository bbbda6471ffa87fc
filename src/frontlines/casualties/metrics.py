"""Scores of casualty summaries against gold codings (keys and conventions of ``shared/eval/FORMAT.md``)."""

from __future__ import annotations

KEYS = ("fatalities", "wounded", "killed_civilians", "killed_security", "killed_perpetrators")


def _key_scores(pairs: list[tuple[int | None, int | None]]) -> tuple[float, float | None, int]:
    """(exact-match share with null == null, mean absolute error where both are numbers, items)."""
    exact = sum(1 for gold, got in pairs if gold == got)
    errors = [abs(gold - got) for gold, got in pairs if gold is not None and got is not None]
    mae = sum(errors) / len(errors) if errors else None
    return exact / len(pairs), mae, len(pairs)


def casualty_scores(items: list[tuple[dict, dict[str, int | None]]]) -> dict:
    """For each key present in gold: ``<key>_exact``, ``<key>_mae`` (None when no item has both) and ``<key>_n``.

    ``items`` are (gold, system) pairs; a key missing from a gold dict is not scored for that item.
    """
    scores: dict[str, float | int | None] = {}
    for key in KEYS:
        pairs = [(gold[key], system.get(key)) for gold, system in items if key in gold]
        if not pairs:
            continue
        exact, mae, n = _key_scores(pairs)
        scores[f"{key}_exact"] = round(exact, 4)
        scores[f"{key}_mae"] = None if mae is None else round(mae, 4)
        scores[f"{key}_n"] = n
    return scores
