"""One clause per reported act, the words around each act, and one event per place of a multi-place report."""

from __future__ import annotations

import pytest

from frontlines.events.clauses import clauses, segment
from frontlines.model import Span


def _spans(text: str, *words: str) -> list[Span]:
    return [Span.of(text, text.index(w), text.index(w) + len(w)) for w in words]


def _whole(text: str) -> Span:
    return Span.of(text, 0, len(text))


@pytest.mark.parametrize(
    ("text", "triggers", "expected"),
    [
        (
            "Warplanes bombed Kelo and shells hit Marun",
            ("bombed", "shells"),
            ["Warplanes bombed Kelo", "shells hit Marun"],
        ),
        # a list between two acts stays with the first: the cut is at the last break before the second act
        (
            "Jets struck Kelo, Marun and Tessit, while clashes went on in Abar",
            ("struck", "clashes"),
            ["Jets struck Kelo, Marun and Tessit", "clashes went on in Abar"],
        ),
        (
            "Gunmen attacked Kelo… troops raided Marun",
            ("attacked", "raided"),
            ["Gunmen attacked Kelo", "troops raided Marun"],
        ),
        # a participle after a comma tells the act's result: no second act
        (
            "Missiles struck Kelo and Marun overnight, killing three",
            ("struck", "killing"),
            ["Missiles struck Kelo and Marun overnight, killing three"] * 2,
        ),
        # no break between two cues of one act: they share the clause
        (
            "Warplanes bombed Kelo with airstrikes",
            ("bombed", "airstrikes"),
            ["Warplanes bombed Kelo with airstrikes"] * 2,
        ),
    ],
)
def test_clauses_cut_between_acts(text: str, triggers: tuple[str, ...], expected: list[str]) -> None:
    spans = _spans(text, *triggers)
    found = clauses(text, _whole(text), spans)
    assert [found[s.start].text for s in spans] == expected


def test_a_single_act_keeps_its_sentence() -> None:
    text = "Fighters attacked Kelo and Marun on Sunday."
    (trigger,) = _spans(text, "attacked")
    assert clauses(text, _whole(text), [trigger])[trigger.start] == _whole(text)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("20 fighters were mourned in Kelo and clashes went on in Marun", "clashes", "clashes went on in Marun"),
        ("In Kelo, gunmen attacked a checkpoint", "attacked", "gunmen attacked a checkpoint"),
        ("Shelling hit Kelo; rebels said it was the army", "Shelling", "Shelling hit Kelo"),
    ],
)
def test_segment_is_the_words_around_the_act(text: str, trigger: str, expected: str) -> None:
    (span,) = _spans(text, trigger)
    assert segment(text, _whole(text), span).text == expected
