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
