"""Sentences as parsed stretches of the document: masked (unparsed) paragraphs are never read."""

from __future__ import annotations

import pytest

from frontlines.nlp.sentences import parsed_sentences

pytestmark = pytest.mark.model


def test_a_sentence_running_over_a_masked_paragraph_is_cut_there() -> None:
    from frontlines.nlp.model import load_spacy

    text = (
        "Gunmen killed two villagers near the market\n\nThe mayor opened a new bridge on Monday\n\n"
        "No one else was hurt."
    )
    masked = text.replace("The mayor opened a new bridge on Monday", " " * 39)
    pieces = [text[start:end] for start, end, _ in parsed_sentences(load_spacy()(masked))]
    assert pieces == ["Gunmen killed two villagers near the market", "No one else was hurt."]
