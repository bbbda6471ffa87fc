"""Whitespace tokens skip the tokenizer's suffix and infix regexes, which can never match them.

The parse masks the unparsed stretches of a text with spaces (offsets kept) and spaCy's tokenizer makes each stretch
one whitespace token: a new string every time, which the suffix and infix regexes (long alternations, ``$``-anchored
or scanned) search from end to end, for about half of the tokenizer's time. Each regex is checked once, when the
model loads: when every match of it consumes at least one character and no character-consuming part of it (outside
look-arounds) accepts any whitespace character, it cannot match in a string of whitespace, and such strings are
answered without running it. A regex that fails the check keeps running on everything.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from re import _compiler as sre_compiler  # type: ignore[attr-defined]
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any


@lru_cache(maxsize=1)
def whitespace() -> tuple[str, ...]:
    """Every character the tokenizer counts as whitespace (``str.isspace``)."""
    return tuple(char for char in map(chr, range(sys.maxunicode + 1)) if char.isspace())


# Operators that test one character and consume it.
_ONE_CHARACTER = (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.ANY, sre_constants.IN)
# Operators that consume nothing (look-arounds and anchors): what they test is never part of a match.
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def _accepts_whitespace(items: list[Any], state: Any, flags: int) -> bool:
    """Whether some character-consuming part of a parsed regex may consume a whitespace character (True when an
    operator is not known here)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in _ONE_CHARACTER:
            single = re.compile(sre_compiler.compile(sre_parser.SubPattern(state, [(op, av)]), flags))
            if any(single.fullmatch(char) for char in whitespace()):
                return True
        elif op is sre_constants.BRANCH:
            if any(_accepts_whitespace(list(branch), state, flags) for branch in av[1]):
                return True
        elif op is sre_constants.SUBPATTERN:
            if _accepts_whitespace(list(av[3]), state, flags | av[1]):
                return True
        elif op in _REPEATS:
            if _accepts_whitespace(list(av[2]), state, flags):
                return True
        elif op is sre_constants.ATOMIC_GROUP:
            if _accepts_whitespace(list(av), state, flags):
                return True
        else:  # back-references, conditionals: not worth reasoning about
            return True
    return False


def never_matches_whitespace(pattern: re.Pattern[str]) -> bool:
    """True when ``pattern`` cannot match anywhere in a string made only of whitespace characters."""
    parsed = sre_parser.parse(pattern.pattern, pattern.flags)
    return parsed.getwidth()[0] >= 1 and not _accepts_whitespace(list(parsed), parsed.state, pattern.flags)


class SpacelessSearch:
    """A regex's ``search`` and ``finditer`` that answer "no match" for whitespace strings without running it.

    ``pattern`` is the regex's source, as spaCy reads it back when it saves a tokenizer."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern

    def search(self, string: str) -> re.Match[str] | None:
        return None if string.isspace() else self.regex.search(string)

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return iter(()) if string.isspace() else self.regex.finditer(string)


def skip_spaces(tokenizer: Any) -> None:
    """Let the tokenizer's suffix and infix regexes pass over whitespace tokens (those that provably never match
    whitespace)."""
    suffix = getattr(tokenizer.suffix_search, "__self__", None)
    if isinstance(suffix, re.Pattern) and never_matches_whitespace(suffix):
        tokenizer.suffix_search = SpacelessSearch(suffix).search
    infix = getattr(tokenizer.infix_finditer, "__self__", None)
    if isinstance(infix, re.Pattern) and never_matches_whitespace(infix):
        tokenizer.infix_finditer = SpacelessSearch(infix).finditer
