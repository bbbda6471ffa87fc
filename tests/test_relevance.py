import pytest

from frontlines.model import Block, BlockKind, Document
from frontlines.nlp.annotate import parsed_part, parsed_text
from frontlines.relevance import is_relevant, relevance_gate


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        ("Gunmen killed three villagers near the market.", True),
        ("Hundreds protested against the new law in the capital.", True),
        ("Troops recaptured the town after heavy shelling.", True),
        ("Police arrested two activists on Monday.", True),
        ("A suicidal operation by the group was thwarted.", True),
        ("Thousands of farmers rallied outside parliament on Monday.", True),
        ("Activists staged a die-in outside the consulate.", True),
        ("The governor imposed a curfew on the old town.", True),
        ("Investigators found a mass grave near the river.", True),
        ("Two corpses with gunshot wounds were dumped on the highway.", True),
        ("Customs officers found 30 rifles hidden in a timber shipment.", True),
        ("The army regained control of the hill on Friday.", True),
        ("Dozens of inmates broke out of the central prison overnight.", True),
        ("The hotel offers a spa, two pools and a rooftop bar.", False),
        ("Whisk the eggs, add the flour and bake for 20 minutes.", False),
        ("United beat City 2-1 with a late header.", False),
    ],
)
def test_gate_lets_conflict_through_and_stops_the_rest(text, relevant):
    assert is_relevant(Document(raw=text, text=text)) is relevant


def test_only_event_text_counts_and_a_discard_is_set(monkeypatch):
    text = "A quiet beach resort\n\nPhoto: troops at a parade"
    doc = Document(raw=text, text=text)
    doc.blocks = [Block(BlockKind.TITLE, 0, 20), Block(BlockKind.CAPTION, 22, len(text))]
    assert relevance_gate(doc).discard is not None and doc.discard.reason == "not_conflict"
    monkeypatch.setenv("FRONTLINES_RELEVANCE_GATE", "off")
    other = Document(raw=text, text=text, blocks=list(doc.blocks))
    assert relevance_gate(other).discard is None


def test_parsed_part_cuts_at_a_sentence_end_and_keeps_offsets():
    text = "First sentence here. " * 10 + "Tail"
    part = parsed_part(text, limit=50)
    assert text.startswith(part) and part.endswith(".") and len(part) <= 50
    assert parsed_part("short text", limit=50) == "short text"
    assert parsed_part("x" * 100, limit=50) == "x" * 50


def test_parsed_text_masks_quiet_paragraphs_and_captions_but_keeps_offsets():
    paragraphs = [
        "Rebels seize a town",
        "Fighting broke out at dawn.",
        "The town is known for figs.",
        "Its market sells fruit.",
        "Later, gunmen attacked the police post.",
        "Photo: a fighter near the wall.",
    ]
    kinds = [BlockKind.TITLE] + [BlockKind.BODY] * 4 + [BlockKind.CAPTION]
    text, blocks = "", []
    for paragraph, kind in zip(paragraphs, kinds, strict=True):
        blocks.append(Block(kind, len(text), len(text) + len(paragraph)))
        text += paragraph + "\n\n"
    doc = Document(raw=text, text=text, blocks=blocks)
    parsed = parsed_text(doc, limit=1000)
    assert len(parsed) == len(text) and parsed.count("\n") == text.count("\n")
    kept = [p for p in paragraphs if p in parsed]
    assert kept == [paragraphs[0], paragraphs[1], paragraphs[4]]  # title, lead, conflict paragraph
    assert parsed_text(doc, limit=30).strip() == paragraphs[0] + "\n\n" + paragraphs[1]


@pytest.mark.parametrize(
    "text",
    [
        "Hayat Tahrir al-Sham executes two men in a square",
        "Human losses in two provinces",
        "Al-Shabaab claims the town",
    ],
)
def test_named_armed_groups_and_executions_are_relevant(text):
    assert is_relevant(Document(raw=text, text=text))
