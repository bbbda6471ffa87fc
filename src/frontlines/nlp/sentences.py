"""The parse's sentences as stretches of ``Document.text`` that were really parsed.

Only some paragraphs are parsed (``annotate.parsed_text``); the others reach spaCy as spaces with their line breaks
kept, and a spaCy sentence may run from a parsed paragraph across such a masked stretch into the next one. Readers
that take a sentence's offsets into ``Document.text`` would then read paragraphs no parse has seen. These stretches
are cut at line breaks, and those that are blank in the parsed text are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_LINE_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")


def parsed_sentences(nlp_doc: Any) -> Iterator[tuple[int, int, Any]]:
    """(start, end, spaCy sentence) for each parsed stretch of each sentence, between line breaks."""
    parsed = nlp_doc.text
    for sent in nlp_doc.sents:
        start = sent.start_char
        for cut in [*_LINE_BREAK.finditer(parsed, sent.start_char, sent.end_char), None]:
            end = cut.start() if cut is not None else sent.end_char
            piece = parsed[start:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                yield start + lead, start + len(piece.rstrip()), sent
            start = cut.end() if cut is not None else end
