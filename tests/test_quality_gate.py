"""The quality gate: every dev gold set is scored and no metric may fall below its floor in quality/baseline.json.

A floor is raised when a change improves it and lowered only with a written reason in CHANGELOG.md. Large sets are
sampled deterministically (every k-th record) to keep CI time reasonable; the sample size is part of the baseline.
"""

import json
from pathlib import Path

import pytest

from frontlines.evaluate import run_eval

BASELINE = json.loads((Path(__file__).resolve().parents[1] / "quality" / "baseline.json").read_text())
# Metrics where lower is better: the baseline holds a ceiling, not a floor.
CEILING_SUFFIXES = ("_mae", "_median_err_km")

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


def sample(path: Path, size: int | None, out: Path) -> Path:
    # split("\n"), not splitlines(): a JSON string may hold U+2028 or other characters splitlines() breaks on
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    if size and size < len(lines):
        step = len(lines) / size
        lines = [lines[int(i * step)] for i in range(size)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("name", sorted(BASELINE["sets"]))
def test_metrics_stay_above_their_floors(name, dev_dir, tmp_path):
    spec = BASELINE["sets"][name]
    gold = sample(dev_dir / spec["file"], spec.get("sample"), tmp_path / spec["file"])
    figures = run_eval(str(gold), progress=False)
    failures = []
    for metric, bound in spec["floors"].items():
        value = figures.get(metric)
        if value is None:
            failures.append(f"{metric}: not computed")
        elif metric.endswith(CEILING_SUFFIXES) and value > bound:
            failures.append(f"{metric}: {value:.4f} above ceiling {bound}")
        elif not metric.endswith(CEILING_SUFFIXES) and value < bound:
            failures.append(f"{metric}: {value:.4f} below floor {bound}")
    assert not failures, f"{name}: " + "; ".join(failures)
