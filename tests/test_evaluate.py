import json

from frontlines.evaluate import Family, run_eval
from frontlines.evaluate.misses import to_jsonable
from frontlines.model import Discard, Document
from frontlines.pipeline import Pipeline, Stage


def shout(doc: Document) -> Document:
    doc.text = str(doc.raw)
    doc.title = "LOUD" if "!" in doc.text else "calm"
    return doc


def exact_title(items):
    hits = [gold["tone"] == predicted for gold, predicted in items]
    return {"tone_acc": sum(hits) / len(hits), "tone_n": len(hits)}


FAMILY = Family("tone", ("tone",), lambda doc: doc.title, "tests.test_evaluate:exact_title")
PIPELINE = Pipeline([Stage("clean", shout, requires=("raw",), assigns=("text",))])


def write_gold(tmp_path, records):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_scores_only_families_whose_keys_occur_and_writes_report_and_misses(tmp_path):
    gold = write_gold(
        tmp_path,
        [
            {"id": "a", "text": "Stop!", "gold": {"tone": "LOUD"}},
            {"id": "b", "text": "fine", "gold": {"tone": "LOUD"}},
            {"id": "c", "text": "fine", "gold": {"other": 1}},
        ],
    )
    report, errors = tmp_path / "r.json", tmp_path / "e.jsonl"
    figures = run_eval(str(gold), str(report), str(errors), progress=False, pipeline=PIPELINE, families=(FAMILY,))
    assert figures == {"n": 3.0, "tone_acc": 0.5, "tone_n": 2}  # the family reports its own count as tone_n
    assert json.loads(report.read_text()) == figures
    (miss,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert miss["id"] == "b" and miss["gold"] == {"tone": "LOUD"} and miss["predicted"] == "calm"


def test_to_jsonable_handles_model_values():
    assert to_jsonable(Discard("empty", "x")) == {"reason": "empty", "detail": "x"}
    assert to_jsonable([(1, 2)]) == [[1, 2]]
