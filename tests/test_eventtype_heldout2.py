"""Event typing on a second held-out corpus of our own (tests/data/eventtype_heldout2.jsonl), through the pipeline.

239 short snippets written for this project before its lexicon or the first held-out corpus were read, labelled with
ACLED's codebook definitions: every sub-event type and ``none``, in styles other than wire copy (local press, NGO
situation reports, translated Arabic and French press, monitoring-group bulletins, verbless headlines, passive and
nominal constructions, long sentences with background, casualty-only reports, denials, threats and plans, crime and
accidents). It is scored, never tuned on: the rules were improved on the dev set and the first corpus only, and
this file was measured once before and once after that work. Two of its snippets came out close to snippets of
the first corpus (a joint military exercise, violence "since 2017, when insurgents ...").

Measured 2026-11-25 (accuracy / weighted F1 / macro F1): 0.757 / 0.763 / 0.787 before the parse-based rules of
events/structure.py, 0.803 / 0.805 / 0.818 after. Since the third round of work on event typing this corpus is
tuning data too (its errors were read: bodies found with wounds, suicide attackers told by their vest or vehicle,
bases named before their verb, verbless headline nouns, a side moving in after a withdrawal): 0.933 / 0.933 / 0.937
after that round, and the floors sit a little under those figures. tests/data/eventtype_heldout3.jsonl is the
held-out corpus now.
"""

from collections import Counter
from pathlib import Path

import pytest

from frontlines.events.taxonomy import NONE, SUB_EVENT_NAMES
from heldout import DATA, below_floors, figures_of, read_records

CORPUS = DATA / "eventtype_heldout2.jsonl"
FLOORS = {"event_type_acc": 0.91, "event_type_weighted_f1": 0.91, "event_type_macro_f1": 0.92}


def test_corpus_is_well_formed_and_covers_every_type() -> None:
    records = read_records(CORPUS)
    ids = [r["id"] for r in records]
    assert len(records) >= 200
    assert len(set(ids)) == len(ids)
    assert {r["dataset"] for r in records} == {"frontlines-heldout2"}
    assert all(1 <= r["text"].count(". ") + 1 <= 3 for r in records)  # short snippets: one to three sentences
    counts = Counter(r["gold"]["event_type"] for r in records)
    assert set(counts) == {*SUB_EVENT_NAMES, NONE}
    assert counts[NONE] >= 30  # crime, accidents, disasters, diplomacy, threats, denials, plans


@pytest.mark.model
@pytest.mark.slow
def test_event_typing_stays_above_its_floor(tmp_path: Path) -> None:
    failures = below_floors(figures_of(read_records(CORPUS), tmp_path), FLOORS)
    assert not failures, "; ".join(failures)
