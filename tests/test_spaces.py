"""Whitespace tokens skip the affix regexes: only regexes that provably never match whitespace, same tokens."""

from __future__ import annotations

import re

import pytest
import spacy

from frontlines.nlp.spaces import SpacelessSearch, never_matches_whitespace, skip_spaces


@pytest.mark.parametrize(
    ("pattern", "never"),
    [
        (r"\bfoo", True),
        (r"\S+$", True),
        (r"(?<=\s)x", True),  # a look-around may test whitespace: it consumes nothing
        (r"(?i:K)|[a-z]\.$", True),
        (r"\s", False),
        (r"a|\s+", False),
        (r"x*", False),  # may match the empty string
        (r"(?<![a-z])", False),
        (r"[^a-z]", False),
        (r".", False),
        (r"foo$|bar\W", False),
        (r"[\u2000-\u200b]", False),  # en quad to zero-width space: spaces among them
        (r"(x)\1", False),  # a back-reference is not reasoned about
    ],
)
def test_never_matches_whitespace(pattern: str, never: bool) -> None:
    assert never_matches_whitespace(re.compile(pattern)) is never


def test_spaceless_search_answers_whitespace_without_the_regex() -> None:
    search = SpacelessSearch(re.compile(r"\.$|-"))
    assert search.search("   \n\n  ") is None and list(search.finditer("\t \u2003")) == []
    assert search.search("end.") is not None and len(list(search.finditer("a-b-c"))) == 2
    assert search.pattern == r"\.$|-"


def test_tokens_are_unchanged() -> None:
    text = "Troops (30) re-took Kidal.   \n\n        \n\n   \u00a0 \u2003 Rebels fled--north; 5km away!\n\n   \t  end."
    plain = spacy.blank("en")
    fast = spacy.blank("en")
    skip_spaces(fast.tokenizer)
    assert isinstance(fast.tokenizer.suffix_search.__self__, SpacelessSearch)
    assert isinstance(fast.tokenizer.infix_finditer.__self__, SpacelessSearch)
    assert [(t.idx, t.text) for t in fast(text)] == [(t.idx, t.text) for t in plain(text)]
    assert fast.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
