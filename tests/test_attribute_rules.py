"""The attribute ruler's matches by lookup: the same as spaCy's Matcher finds, on a blank pipeline and the model."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from frontlines.nlp.attribute_rules import IndexedAttributeRules, speed_up

# Every pattern feature handled: plain values, IN, NOT_IN, REGEX, IS_SPACE, DEP, two-token patterns, one key with
# two patterns, patterns filed under each attribute and one filed under none.
PATTERNS: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBZ"]}, "LOWER": "was"}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}, "index": 0},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "TAG": "DT"}]], "attrs": {"POS": "DET"}},
]
WORDS = ["There", "was", "  ", "y'", "all", "gon", "na", "the", "dog", "gets", "got", "a", "this", "y", "all"]
TAGS = ["EX", "VBD", "_SP", "PRP", "DT", "VBG", "TO", "DT", "NN", "VBZ", "VBD", "DT", "DT", "PRP", "DT"]
DEPS = ["expl", "ROOT", "dep", "nsubj", "det", "aux", "aux", "det", "nsubj", "ROOT", "conj", "det", "det", "x", "y"]


def _ruler(patterns: list[dict[str, Any]]) -> tuple[Any, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_blank_pipeline_matches_equal_spacys() -> None:
    nlp, ruler = _ruler(PATTERNS)
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=list(range(len(WORDS))))
    rules = IndexedAttributeRules(ruler)
    assert rules.supported
    expected = sorted(set(AttributeRuler.match(ruler, doc)))
    assert rules.match(doc) == expected and len(expected) >= 8
    assert rules.match(Doc(nlp.vocab, words=[])) == []


def test_unknown_pattern_features_keep_spacys_matcher() -> None:
    nlp, ruler = _ruler([{"patterns": [[{"ORTH": "was", "OP": "?"}]], "attrs": {"LEMMA": "be"}}])
    assert not IndexedAttributeRules(ruler).supported
    speed_up(nlp)
    assert "match" not in vars(ruler)


@pytest.mark.model
def test_model_ruler_uses_the_lookup_and_agrees() -> None:
    from frontlines.nlp.model import load_spacy

    nlp = load_spacy()
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)
    text = "There is a camp near Kidal.  \n\nY'all gonna see: it ain't over, the army gets what it got."
    doc = nlp(text)
    assert ruler.match(doc) == sorted(set(AttributeRuler.match(ruler, doc)))
    assert [t.pos_ for t in doc][:2] == ["PRON", "VERB"]
