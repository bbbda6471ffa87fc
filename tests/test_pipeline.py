import pickle

import pytest

from frontlines.errors import PipelineError
from frontlines.model import Discard, Document
from frontlines.pipeline import Pipeline, Stage, check_order


def upper(doc):
    doc.text = str(doc.raw).upper()
    return doc


def discard_short(doc):
    if len(doc.text) < 3:
        doc.discard = Discard("empty")
    return doc


def count_words(doc):
    doc.title = str(len(doc.text.split()))
    return doc


STAGES = [
    Stage("upper", upper, requires=("raw",), assigns=("text",)),
    Stage("gate", discard_short, requires=("text",)),
    Stage("count", count_words, requires=("text",), assigns=("title",)),
]


def test_stages_run_in_order_and_are_timed():
    doc = Pipeline(STAGES).process(Document(raw="two words"))
    assert doc.text == "TWO WORDS" and doc.title == "2"
    assert set(doc.timings) == {"upper", "gate", "count"}


def test_a_discard_stops_the_document():
    doc = Pipeline(STAGES).process(Document(raw="x"))
    assert doc.discard == Discard("empty") and doc.title == ""
    assert "count" not in doc.timings


def test_order_is_checked_before_running():
    with pytest.raises(PipelineError, match=r"count.*requires text"):
        check_order([STAGES[2], STAGES[0]])


def test_upto_keeps_a_prefix_and_rejects_unknown_names():
    assert [s.name for s in Pipeline(STAGES).upto("gate").stages] == ["upper", "gate"]
    with pytest.raises(PipelineError, match="no stage named"):
        Pipeline(STAGES).upto("nope")


def test_default_stage_order_is_valid():
    from frontlines.stages import default_stages

    check_order(default_stages())


def test_documents_pickle_without_their_parse():
    doc = Document(raw=b"abc", text="abc")
    doc.nlp = object()
    back = pickle.loads(pickle.dumps(doc))
    assert back.nlp is None and back.text == "abc" and back.doc_id == doc.doc_id


def test_without_drops_one_stage():
    assert [s.name for s in Pipeline(STAGES).without("gate").stages] == ["upper", "count"]


def test_process_many_batches_a_stage_and_isolates_a_failing_document():
    batches = []

    def shout_all(docs):
        batches.append(len(docs))
        if any("boom" in str(d.raw) for d in docs):
            raise ValueError("bad batch")
        return [upper(d) for d in docs]

    def shout_one(doc):
        if "boom" in str(doc.raw):
            raise ValueError("bad document")
        return upper(doc)

    stages = [Stage("upper", shout_one, requires=("raw",), assigns=("text",), run_many=shout_all), *STAGES[1:]]
    outcomes = Pipeline(stages).process_many([Document(raw="one two"), Document(raw="x"), Document(raw="boom now")])
    good, short, bad = outcomes
    assert good.error is None and good.doc.title == "2" and "upper" in good.doc.timings
    assert short.error is None and short.doc.discard == Discard("empty")
    assert isinstance(bad.error, ValueError) and str(bad.error) == "bad document"
    assert batches == [3]
    clean = Pipeline(stages).process_many([Document(raw="a b c"), Document(raw="d e")])
    assert [o.doc.title for o in clean] == ["3", "2"] and batches == [3, 2]
