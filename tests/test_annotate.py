"""The annotate stage: pipeline shape, ACTOR entities from the ruler, mentions, batching."""

from __future__ import annotations

import subprocess
import sys

import pytest

from frontlines.model import Document, MentionKind
from frontlines.nlp.annotate import annotate, annotate_many, build_pipeline

pytestmark = pytest.mark.model

TEXT = (
    "The Islamic State claimed the bombing in Mosul on 3 March 2019, which killed 14 people. "
    "Iraqi police officers and Peshmerga fighters cordoned off the area, Ahmed Karim, a local official, said."
)


def test_ruler_sits_before_ner() -> None:
    names = build_pipeline().pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    assert names.index("actor_refine") < names.index("ner")


def test_islamic_state_is_an_actor_not_norp() -> None:
    sdoc = build_pipeline()("Fighters of the Islamic State fled as Islamic State commanders surrendered.")
    labels = {(ent.text, ent.label_, ent.ent_id_) for ent in sdoc.ents}
    assert ("Islamic State", "ACTOR", "islamic-state") in labels
    assert not any(label == "NORP" and "Islamic" in text for text, label, _ in labels)


def test_annotate_sets_nlp_and_mentions() -> None:
    doc = annotate(Document(raw=TEXT, text=TEXT))
    assert doc.nlp is not None and doc.nlp.text == TEXT
    kinds = {(m.span.text, m.kind) for m in doc.mentions}
    assert ("Islamic State", MentionKind.ACTOR) in kinds
    assert ("Mosul", MentionKind.PLACE) in kinds
    assert ("14", MentionKind.NUMBER) in kinds
    assert ("Ahmed Karim", MentionKind.PERSON) in kinds
    assert any(kind == MentionKind.DATE and "2019" in text for text, kind in kinds)
    actors = {m.span.text: m.value for m in doc.mentions if m.kind == MentionKind.ACTOR}
    assert actors["Islamic State"] == "islamic-state"
    assert actors["Iraqi police officers"] == "iq-police"
    assert actors["Peshmerga fighters"] == "peshmerga"
    places = [m for m in doc.mentions if m.kind == MentionKind.PLACE]
    assert all(m.value == "" for m in places)


def test_mentions_are_exact_and_ordered() -> None:
    doc = annotate(Document(raw=TEXT, text=TEXT))
    assert [m.span.start for m in doc.mentions] == sorted(m.span.start for m in doc.mentions)
    assert all(TEXT[m.span.start : m.span.end] == m.span.text for m in doc.mentions)


def test_annotate_many_matches_annotate_and_keeps_order() -> None:
    texts = [TEXT, "Police arrested three protesters in the capital.", "", "Houthi rebels fired drones."]
    docs = list(annotate_many((Document(raw=t, text=t) for t in texts), batch_size=2))
    assert [d.text for d in docs] == texts
    for doc, text in zip(docs, texts, strict=True):
        single = annotate(Document(raw=text, text=text))
        assert [(m.span, m.kind, m.value) for m in doc.mentions] == [(m.span, m.kind, m.value) for m in single.mentions]


def test_empty_text() -> None:
    doc = annotate(Document(raw="", text=""))
    assert doc.mentions == [] and len(doc.nlp) == 0


def test_importing_has_no_side_effects() -> None:
    code = (
        "import sys, frontlines.nlp.annotate, frontlines.actors;"
        "from frontlines.actors.dictionary import default_dictionary;"
        "assert 'spacy' not in sys.modules and default_dictionary.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
