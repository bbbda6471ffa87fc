"""Quality floor of casualty coding on the dev gold set (skipped when ../shared/eval/dev is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.casualties import extract_casualties, summarize
from frontlines.casualties.metrics import casualty_scores
from frontlines.model import Document

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "casualties.jsonl"
# Floors a little under the figures measured when the rules were last changed (0.98 / 0.97 / 0.93 / 0.98 / 0.97).
FLOORS = {
    "fatalities_exact": 0.95,
    "wounded_exact": 0.94,
    "killed_civilians_exact": 0.90,
    "killed_security_exact": 0.95,
    "killed_perpetrators_exact": 0.95,
}


@pytest.mark.model
@pytest.mark.gold
@pytest.mark.skipif(not GOLD.exists(), reason="dev gold set not present")
def test_casualty_floors_on_dev_gold() -> None:
    from frontlines.nlp.model import load_spacy

    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [record["text"] for record in records]
    items = []
    for record, parsed in zip(records, load_spacy().pipe(texts), strict=True):
        doc = Document(raw=record["text"], text=record["text"], nlp=parsed)
        items.append((record["gold"], summarize(extract_casualties(doc))))
    scores = casualty_scores(items)
    for key, floor in FLOORS.items():
        assert scores[key] >= floor, (key, scores[key])
