"""Claims: one table per modality, sources through the parse, quotes as claims, repeated quotes once."""

from __future__ import annotations

import pytest

from frontlines.claims import extract_claims
from frontlines.model import Block, BlockKind, Document, Modality

pytestmark = pytest.mark.model

A, R, S, P, D = Modality.ASSERTED, Modality.REPORTED, Modality.SPECULATIVE, Modality.PREDICTED, Modality.DENIED


def doc_of(text: str, blocks: list[Block] | None = None) -> Document:
    return Document(raw=text, text=text, blocks=blocks or [])


@pytest.mark.parametrize(
    ("text", "modality", "source", "cue"),
    [
        # REPORTED: hearsay and attribution
        ("According to local officials, the militia burned twelve houses.", R, "local officials", "according to"),
        ("The militia burned twelve houses, the governor said.", R, "the governor", "said"),
        ("Reports say the militia burned twelve houses in the valley.", R, "Reports", "reports say"),
        ("On several reports, the group has withdrawn to the desert.", R, "several reports", "on several reports"),
        ("The town fell in May, officials said.", R, "officials", "said"),
        ("Earlier, Okafor said the bridge had been destroyed.", R, "Okafor", "said"),
        # PREDICTED: future, expectation, forecast
        ("The commander said the offensive will end within a month.", P, "The commander", "will"),
        ("Al-Shabaab said it will continue the attacks.", P, "Al-Shabaab", "will"),
        ("The town is expected to fall within days.", P, "", "is expected to"),
        ("Analysts predict that the group will regroup in the mountains.", P, "Analysts", "predict"),
        ("There will be no fighters left in the region in a month.", P, "", "will"),
        ("“We will retake the bridge within days,” said Gen. Ahmed Ali.", P, "Ahmed Ali", "will"),
        # SPECULATIVE: hedges, beliefs, indications
        ("There are indications that the leader fled to the border.", S, "", "there are indications"),
        ("There is a chance that he is hiding among the last fighters.", S, "", "there is a chance"),
        ("The leader may have been wounded in the strike.", S, "", "may"),
        ("The commander was reportedly killed in the raid.", S, "", "reportedly"),
        ("It is believed that dozens remain trapped under the rubble.", S, "", "it is believed"),
        ("It is taken into account that the fighters have moved south.", S, "", "taken into account that"),
        ("The suspected militants were detained at a checkpoint.", S, "", "suspected"),
        # DENIED
        ("The ministry denied that its aircraft struck the hospital.", D, "The ministry", "denied"),
        ("Officials rejected claims that civilians were killed in the raid.", D, "Officials", "rejected claims"),
        ("The rebels dismissed reports of a ceasefire.", D, "The rebels", "dismissed reports"),
        # ASSERTED: a sourced flat statement
        ("The army confirmed that the town was captured.", A, "The army", "confirmed"),
        ("“We control every street of the old town,” said Colonel Adam Berg.", A, "Adam Berg", "quote"),
    ],
)
def test_claim_modality_source_and_cue(text: str, modality: Modality, source: str, cue: str) -> None:
    claims = extract_claims(doc_of(text))
    assert len(claims) == 1, claims
    claim = claims[0]
    assert (claim.modality, claim.source, claim.cue) == (modality, source, cue)
    assert text[claim.span.start : claim.span.end] == claim.span.text == claim.text
    if source:
        assert claim.source_span is not None and text[claim.source_span.start : claim.source_span.end] == source


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the checkpoint on Friday.",
        "The will of the people decided the vote.",
        "Fighting continued in May around the port.",
    ],
)
def test_no_claim(text: str) -> None:
    assert extract_claims(doc_of(text)) == []


QUOTE_STORY = (
    "Major Lina Haddad, spokeswoman for the border guard, gave a briefing on Monday. "
    "“The smugglers have lost their routes. They can run, but they cannot hide. They might try the coast.”\n\n"
    "“They can run, but they cannot hide,” Lina Haddad\n\n"
    "Patrols were doubled along the river."
)


def test_quote_sentences_are_claims_of_the_speaker_once() -> None:
    claims = extract_claims(doc_of(QUOTE_STORY))
    hiding = [claim for claim in claims if "cannot hide" in claim.text]
    assert len(hiding) == 1
    assert (hiding[0].source, hiding[0].modality) == ("Lina Haddad", A)
    coast = [claim for claim in claims if "coast" in claim.text]
    assert [(c.source, c.modality, c.cue) for c in coast] == [("Lina Haddad", S, "might")]


def test_pullquote_block_is_no_claim() -> None:
    body = "Patrols were doubled along the river. "
    pull = "The town may fall within days, officials warned."
    text = body + pull
    blocks = [Block(BlockKind.BODY, 0, len(body)), Block(BlockKind.PULLQUOTE, len(body), len(text))]
    assert extract_claims(doc_of(text, blocks)) == []
    assert [c.modality for c in extract_claims(doc_of(text))] == [S]


@pytest.mark.gold
def test_seed_article_quotes_once_and_modalities(seed_path) -> None:  # type: ignore[no-untyped-def]
    """The seed article (read at test time, never copied): no quote repeats another, one predicted claim of the
    named politician, and the article's own guesses are speculative."""
    from frontlines.quotes import _key, extract_quotes

    text = seed_path.read_text(encoding="utf-8")
    doc = doc_of(text)
    keys = [_key(quote.text) for quote in extract_quotes(doc)]
    assert keys and not any(a in b for i, a in enumerate(keys) for j, b in enumerate(keys) if i != j)
    claims = extract_claims(doc)
    assert any(c.modality == P and c.source == "Donald Trump" for c in claims)
    assert sum(1 for c in claims if c.modality == S and c.source == "") >= 3


@pytest.mark.parametrize("text", ["İstanbul’s governor SAID it", "plain text", "", "ΣΑΣ won’t"])
def test_folded_keeps_offsets(text: str) -> None:
    from frontlines.claims import folded

    assert len(folded(text)) == len(text)
    assert folded(text).count("’") == 0
