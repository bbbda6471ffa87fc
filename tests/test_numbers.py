"""Counts read from text: values, qualifiers, ranges, spans (frontlines.numbers)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.numbers import find_counts, is_vague, parse_count

PARSE_CASES = [
    # digits
    ("17,000", 17000, 17000, 17000, ""),
    ("320", 320, 320, 320, ""),
    ("1.5 million", 1_500_000, 1_500_000, 1_500_000, ""),
    ("2 lakh", 200_000, 200_000, 200_000, ""),
    ("1,50,000", 150_000, 150_000, 150_000, ""),
    # words
    ("five hundred", 500, 500, 500, ""),
    ("twenty-three", 23, 23, 23, ""),
    ("forty five", 45, 45, 45, ""),
    ("two thousand three hundred and twelve", 2312, 2312, 2312, ""),
    ("one", 1, 1, 1, ""),
    ("a", 1, 1, 1, ""),
    ("an", 1, 1, 1, ""),
    ("both", 2, 2, 2, ""),
    # conventional quantities (casualty-coding.md)
    ("a dozen", 12, 12, 12, ""),
    ("dozens", 12, 12, 12, "at_least"),
    ("tens", 10, 10, 10, "at_least"),
    ("hundreds", 100, 100, 100, "at_least"),
    ("scores", 20, 20, 20, "at_least"),
    ("a couple of", 2, 2, 2, ""),
    ("half a dozen", 6, 6, 6, ""),
    # qualifiers keep the stated number
    ("about nine hundred", 900, 900, 900, "about"),
    ("at least 320", 320, 320, 320, "at_least"),
    ("more than 20", 20, 20, 20, "more_than"),
    ("over 100", 100, 100, 100, "more_than"),
    ("nearly 50", 50, 50, 50, "nearly"),
    ("around 7", 7, 7, 7, "about"),
    ("an estimated 5,000", 5000, 5000, 5000, "about"),
    ("up to 30", 30, 30, 30, "up_to"),
    # ranges: the low end is the best value
    ("10 to 15", 10, 10, 15, "range"),
    ("between 10 and 15", 10, 10, 15, "range"),
    ("between ten and fifteen", 10, 10, 15, "range"),
    ("10-15", 10, 10, 15, "range"),
    ("two or three", 2, 2, 3, "range"),
]


@pytest.mark.parametrize(("text", "low", "best", "high", "qualifier"), PARSE_CASES)
def test_parse_count(text: str, low: int, best: int, high: int, qualifier: str) -> None:
    count = parse_count(text)
    assert count is not None
    assert (count.low, count.best, count.high, count.qualifier) == (low, best, high, qualifier)
    assert count.span.text == text


@pytest.mark.parametrize(
    "text", ["several", "a few", "many", "some", "a number of", "numerous", "no one", "10am", "", "   ", "militants"]
)
def test_not_counts(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "vague"),
    [("several", True), ("a few", True), ("a number of", True), ("12", False), ("", False), (",", False)],
)
def test_is_vague(text: str, vague: bool) -> None:
    assert is_vague(text) is vague


def test_parse_count_reads_the_leading_count_only() -> None:
    count = parse_count("17,000 fighters took the town")
    assert count is not None and count.best == 17000 and count.span.text == "17,000"


def test_find_counts_spans_and_offset() -> None:
    text = "Two policemen and at least 60 others were hurt; no one died."
    counts = find_counts(text, offset=100)
    assert [c.best for c in counts] == [2, 60]
    for count in counts:
        assert text[count.span.start - 100 : count.span.end - 100] == count.span.text
    assert counts[1].span.text == "at least 60"


def test_find_counts_skips_glued_numbers_and_pronoun_one() -> None:
    assert [c.best for c in find_counts("At 10am the AK47 fired; no one was hurt, one another")] == []


def test_word_sequences_do_not_merge_separate_numbers() -> None:
    assert [c.best for c in find_counts("two three")] == [2, 3]
    assert [c.best for c in find_counts("ten and fifteen")] == [10, 15]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.integers(min_value=0, max_value=10_000))
def test_find_counts_never_crashes_and_spans_are_exact(text: str, offset: int) -> None:
    for count in find_counts(text, offset):
        assert text[count.span.start - offset : count.span.end - offset] == count.span.text
        assert count.low <= count.best <= count.high


_PIECES = st.sampled_from(
    ["about", "at least", "between", "and", "to", "-", "17,000", "five", "hundred", "twenty", "three", "dozens",
     "of", "a", "killed", "people", ",", "1.5", "million", "or", "no", "one", "several"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=10))
def test_count_like_text_parses_consistently(pieces: list[str]) -> None:
    text = " ".join(pieces)
    counts = find_counts(text)
    for count in counts:
        assert text[count.span.start : count.span.end] == count.span.text
    assert all(a.span.end <= b.span.start for a, b in pairwise(counts))
    parsed = parse_count(text)
    if parsed is not None:
        assert parsed.span.start == 0
