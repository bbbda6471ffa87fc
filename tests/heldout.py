"""Shared by the tests over our own held-out corpora (tests/data/*_heldout*.jsonl): reading a corpus, scoring some of
its records through the whole pipeline as ``frontlines eval`` does, and naming the metrics below their floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from frontlines.evaluate import run_eval

DATA = Path(__file__).resolve().parent / "data"


def read_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def figures_of(records: list[dict[str, Any]], tmp_path: Path) -> dict[str, float]:
    """``frontlines eval`` figures of these records (written to a temporary gold file)."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return run_eval(str(gold), progress=False)


def below_floors(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """'metric: value below floor f' for each metric under its floor."""
    return [
        f"{metric}: {figures[metric]:.4f} below floor {floor}"
        for metric, floor in floors.items()
        if figures[metric] < floor
    ]
