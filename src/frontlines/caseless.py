"""Case-insensitive regex tests made fast: exactly the matches of ``re.IGNORECASE``, found in lower-cased text.

Python's regex engine skips an alternative cheaply when it starts with a plain literal, but not under IGNORECASE,
so a long alternation of word stems (the relevance gate's vocabulary, the casualty sentence cue) costs about five
times more there. An ASCII pattern, lower-cased and run case-sensitively on the lower-cased text, finds the same
matches at the same offsets as the IGNORECASE pattern on the text itself, as long as the text has none of the three
characters whose case mapping breaks that: 'İ' (its lower case is two characters), dotless 'ı' and long 'ſ'
(IGNORECASE equates them with 'i' and 's', lower-casing does not). With one of them in the text, or for a pattern
that cannot be lower-cased safely, the IGNORECASE pattern runs as before.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

# Characters for which lower-cased text and IGNORECASE disagree (see the module docstring).
_UNSAFE_TEXT = re.compile("[\u0130\u0131\u017f]")
# Pattern syntax that lower-casing would change in meaning: upper-case escapes (\S, \W, \B, \N), numeric escapes
# (\x4B is "K"), inline flags and named groups. A pattern with any of them keeps the IGNORECASE path only.
_UNSAFE_PATTERN = re.compile(r"\\[A-Zxu0-9]|\(\?[^:=!<]")


@dataclass(frozen=True, slots=True)
class CaselessText:
    """A text prepared once for any number of caseless tests: itself and, when safe, its lower-cased copy."""

    text: str
    lowered: str | None

    @classmethod
    def of(cls, text: str) -> CaselessText:
        safe = text.isascii() or _UNSAFE_TEXT.search(text) is None
        return cls(text, text.lower() if safe else None)


class CaselessPattern:
    """A regex matched without regard to case; :meth:`found` tells whether it occurs in a stretch of a text."""

    def __init__(self, pattern: str) -> None:
        self.ignorecase = re.compile(pattern, re.IGNORECASE)
        lowerable = pattern.isascii() and _UNSAFE_PATTERN.search(pattern) is None
        self.lowered = re.compile(pattern.lower()) if lowerable else None

    def found(self, text: CaselessText, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether the pattern matches in ``text`` between ``pos`` and ``endpos`` (as ``Pattern.search`` reads
        them: a look-behind or ``\\b`` at ``pos`` sees the character before it)."""
        if self.lowered is not None and text.lowered is not None:
            return self.lowered.search(text.lowered, pos, endpos) is not None
        return self.ignorecase.search(text.text, pos, endpos) is not None
