"""Direct quotes: marks of every kind, speakers before/after/in the sentence before, duplicates, broken marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.model import Block, BlockKind, Document
from frontlines.quotes import drop_contained, extract_quotes, scan_quotes


def doc_of(text: str, blocks: list[Block] | None = None) -> Document:
    return Document(raw=text, text=text, blocks=blocks or [])


# -- scanning quote marks (no model) ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “we are ready” and left.", ["we are ready"]),
        ('He said "we are ready" and left.', ["we are ready"]),
        ("He said «we are ready» and left.", ["we are ready"]),
        ("“First part,” he said, “second part.”", ["First part,", "second part."]),
        ("“He shouted “run” and we ran,” a witness said.", ["He shouted “run” and we ran,"]),
        ("He called the offer “a trap.\n\nThe army said “we are ready” to fight.", ["we are ready"]),
        ("“One paragraph.\n\n“Another one,” she said.", ["One paragraph.\n\n“Another one,"]),
        ("Stray ” closing mark and “an open one", []),
        ('Mixed "straight” marks', ["straight"]),
        ("", []),
        # curly single marks (British style), apostrophes and possessives left alone
        ("‘We will not leave,’ he said.", ["We will not leave,"]),
        ("He said ‘we are ready’ and the soldiers’ families wept.", ["we are ready"]),
        ("The soldiers’ families don’t know what the ’90s were like.", []),
        ("“He said ‘run’ and we ran,” she said.", ["He said ‘run’ and we ran,"]),
        ("‘First part.\n\n‘Second part,’ he said.", ["First part.\n\n‘Second part,"]),
    ],
)
def test_scan_quotes(text: str, quoted: list[str]) -> None:
    assert [text[q.open + 1 : q.close] for q in scan_quotes(text)] == quoted


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab “”"«»„‘’s\n.,')), max_size=60))
def test_scan_quotes_never_crashes_and_pairs_are_ordered(text: str) -> None:
    previous_close = -1
    for quote in scan_quotes(text):
        assert previous_close < quote.open < quote.close < len(text)
        assert text[quote.open] in '“”"«»„‘' and text[quote.close] in '“”"«»„’'
        previous_close = quote.close


# -- speakers, roles and duplicates (model) -----------------------------------------------------------------------

CASES = [
    (
        "“We will retake the town within days,” said Gen. Ahmed Ali, the army's spokesman.",
        "We will retake the town within days",
        "Ahmed Ali",
        ("Gen.", "the army's spokesman"),
    ),
    (
        '"The militants fled towards the hills," the police chief told reporters.',
        "The militants fled towards the hills",
        "the police chief",
        ("the police chief",),
    ),
    (
        'The army\'s spokesman, Mohammed Hassan, told reporters: "We have cleared the area."',
        "We have cleared the area.",
        "Mohammed Hassan",
        ("The army's spokesman",),
    ),
    (
        "Major Lina Haddad, spokeswoman for the border guard, speaks of a turning point. "
        "“The smugglers have lost their routes. They will try again.”",
        "The smugglers have lost their routes. They will try again.",
        "Lina Haddad",
        ("Major", "spokeswoman for the border guard"),
    ),
    (
        "According to Governor Paul Menda, “the roads are closed to all traffic”.",
        "the roads are closed to all traffic",
        "Paul Menda",
        ("Governor",),
    ),
    (
        'Captain Omar Farouk led the patrol into the valley. "We came under fire twice," he said.',
        "We came under fire twice",
        "Omar Farouk",
        (),
    ),
    (
        "‘Our convoy was hit twice on the road,’ a Red Crescent official said on Sunday.",
        "Our convoy was hit twice on the road",
        "a Red Crescent official",
        ("a Red Crescent official",),
    ),
    (
        "“We hold the hills. We hold the roads.\n\n“We will not leave,” the commander said.",
        "We hold the hills. We hold the roads. We will not leave",
        "the commander",
        ("the commander",),
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "quote_text", "speaker", "role_parts"), CASES)
def test_quote_speaker_and_role(text: str, quote_text: str, speaker: str, role_parts: tuple[str, ...]) -> None:
    quotes = extract_quotes(doc_of(text))
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text == quote_text
    assert quote.speaker == speaker
    for part in role_parts:
        assert part in quote.role
    assert text[quote.span.start : quote.span.end] == quote.span.text
    assert quote.speaker_span is not None and text[quote.speaker_span.start : quote.speaker_span.end] == speaker


FULL = (
    "Major Lina Haddad, spokeswoman for the border guard, gave a briefing on Monday. "
    "“The smugglers have lost their routes. They can run, but they cannot hide. We will find them.”\n\n"
)
PULL = "“They can run, but they cannot hide,” Lina Haddad\n\n"
AFTER = "Patrols were doubled along the river."


@pytest.mark.model
@pytest.mark.parametrize("text", [FULL + PULL + AFTER, PULL + FULL + AFTER, FULL + FULL.split(". ", 1)[1]])
def test_repeated_quote_appears_once(text: str) -> None:
    quotes = extract_quotes(doc_of(text))
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The smugglers have lost their routes.")
    assert quotes[0].speaker == "Lina Haddad"


@pytest.mark.model
@pytest.mark.parametrize("kind", [BlockKind.PULLQUOTE, BlockKind.CAPTION])
def test_pullquote_and_caption_blocks_yield_no_quote(kind: BlockKind) -> None:
    body = "The convoy reached the town. "
    other = "“We were not expecting anyone to survive,” a medic said."
    text = body + other
    blocks = [Block(BlockKind.BODY, 0, len(body)), Block(kind, len(body), len(text))]
    assert extract_quotes(doc_of(text, blocks)) == []
    assert len(extract_quotes(doc_of(text))) == 1


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The group called it a “victory” in a statement.",  # one-word scare quote
        "He called the offer “a trap and walked out.\n\nTalks ended.",  # never closed
        "No quotes at all in this sentence.",
    ],
)
def test_no_quote(text: str) -> None:
    assert extract_quotes(doc_of(text)) == []


def test_drop_contained_keeps_first_of_equals() -> None:
    from frontlines.model import Span

    text = "Alpha beta gamma. alpha, beta! Alpha beta gamma"
    spans = [Span.of(text, 0, 17), Span.of(text, 18, 30), Span.of(text, 31, 47)]
    kept, dropped = drop_contained(spans)
    assert kept == [spans[0]] and dropped == spans[1:]


@pytest.mark.model
@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["“", "”", '"', "said", "Colonel John Smith", "he", ",", ".", "\n\n", "We won", " "]),
        max_size=25,
    )
)
def test_extract_quotes_never_crashes_and_spans_are_exact(parts: list[str]) -> None:
    text = " ".join(parts)
    for quote in extract_quotes(doc_of(text)):
        assert text[quote.span.start : quote.span.end] == quote.span.text
        if quote.speaker_span is not None:
            assert text[quote.speaker_span.start : quote.speaker_span.end] == quote.speaker_span.text
