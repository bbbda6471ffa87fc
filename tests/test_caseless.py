"""Caseless patterns: exactly the verdicts of re.IGNORECASE, through lower-cased text when that is safe."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from frontlines.caseless import CaselessPattern, CaselessText

PATTERNS = (
    r"\b(?:kill\w*|dead|wound(?:ed|s)?|IEDs?)\b",
    r"\b(?:clash(?:es)?|shell(?:ed|ing))\b[^.;:!?]{0,20}?\bnear\b",
    r"kill|die|los[ts]|li(?:fe|ves)|picked up",
    r"\bSIS\b|\bIS\b",
    r"[A-Z]{2,}\s+\d+",
)
# Letters whose case mapping differs from IGNORECASE matching ('İ', 'ı', 'ſ', the Kelvin sign), others with case,
# caseless symbols, word and sentence punctuation.
ALPHABET = "aeiklnoprstdwyIKSLD İıſKéÉßΣσς’'-.,;!?\n0123456789"


def test_lower_cased_path_is_taken_for_plain_patterns_and_texts() -> None:
    pattern = CaselessPattern(PATTERNS[0])
    assert pattern.lowered is not None
    text = CaselessText.of("Three soldiers were KILLED in an IED blast; one wounded.")
    assert text.lowered is not None and pattern.found(text)
    assert not pattern.found(text, 0, 10)
    assert pattern.found(text, 20, 30)


def test_unsafe_text_and_pattern_keep_ignorecase() -> None:
    assert CaselessText.of("İnsurgents killed").lowered is None  # 'İ' lower-cases to two characters
    assert CaselessText.of("the loſt village").lowered is None
    assert CaselessText.of("Zürich – «calm»").lowered is not None
    assert CaselessPattern(r"\Skill").lowered is None
    assert CaselessPattern(r"(?-i:Kill)").lowered is None
    assert CaselessPattern(r"\x4Bill").lowered is None
    assert CaselessPattern(r"\bloſt\b").lowered is None
    assert CaselessPattern("los[ts]").found(CaselessText.of("the LOſT village"))


def test_word_boundary_at_pos_sees_the_character_before() -> None:
    pattern, text = CaselessPattern(r"\bkill\b"), CaselessText.of("overkill kill")
    assert not pattern.found(text, 4, 8)  # "kill" inside "overkill" is no word
    assert pattern.found(text, 9)


@given(
    st.sampled_from(PATTERNS),
    st.text(alphabet=ALPHABET, max_size=60),
    st.integers(min_value=0, max_value=70),
    st.integers(min_value=0, max_value=70),
)
def test_same_verdict_as_ignorecase(pattern: str, text: str, pos: int, endpos: int) -> None:
    expected = re.compile(pattern, re.IGNORECASE).search(text, pos, endpos) is not None
    assert CaselessPattern(pattern).found(CaselessText.of(text), pos, endpos) is expected
