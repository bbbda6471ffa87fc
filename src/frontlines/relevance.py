"""The relevance gate: a document with no conflict vocabulary at all in its event text is discarded as
``not_conflict`` before the (costly) parse. Controlled by the ``relevance_gate`` setting."""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines import settings
from frontlines.caseless import CaselessPattern, CaselessText
from frontlines.model import ActorKind, Discard, Document
from frontlines.relevance_lexicon import RELEVANCE_GROUPS

# Kinds of dictionary actors whose name alone makes a text about conflict ("Hayat Tahrir al-Sham executes two men").
ARMED_GROUP_KINDS = (
    ActorKind.REBEL_GROUP,
    ActorKind.POLITICAL_MILITIA,
    ActorKind.IDENTITY_MILITIA,
    ActorKind.EXTERNAL_FORCES,
)
# Shorter names ("IS", "FC") are too ambiguous for a gate that reads no context.
MIN_GROUP_NAME = 4


_WORD = re.compile(r"[\w'’-]+")


@lru_cache(maxsize=1)
def relevance_pattern() -> CaselessPattern:
    """Any conflict word of the lexicon, matched without regard to case."""
    stems = "|".join(f"(?:{group})" for group in RELEVANCE_GROUPS.values())
    return CaselessPattern(rf"\b(?:{stems})\b")


@lru_cache(maxsize=1)
def armed_group_names() -> tuple[frozenset[str], int]:
    """Lower-cased names and aliases of the dictionary's armed groups and foreign forces, and their most words."""
    from frontlines.actors.dictionary import default_dictionary

    names: set[str] = set()
    for actor in default_dictionary().by_id.values():
        if actor.kind in ARMED_GROUP_KINDS and not actor.id.startswith("generic:"):
            for name in (actor.name, *actor.aliases):
                if len(name) >= MIN_GROUP_NAME:
                    names.add(" ".join(_WORD.findall(name.lower())))
    return frozenset(names), max((name.count(" ") + 1 for name in names), default=1)


@lru_cache(maxsize=1)
def armed_group_first_words() -> frozenset[str]:
    """The words armed groups' names begin with: only there can a name start."""
    return frozenset(name.split(" ")[0] for name in armed_group_names()[0])


def names_armed_group(text: str) -> bool:
    """True when an armed group's name occurs (word n-grams from a name's first word, looked up in a set: fast on
    long pages)."""
    names, longest = armed_group_names()
    first = armed_group_first_words()
    words = _WORD.findall(text.lower())
    return any(
        " ".join(words[i : i + n]) in names
        for i in range(len(words))
        if words[i] in first
        for n in range(1, longest + 1)
    )


def is_relevant(doc: Document) -> bool:
    """True when the event text (title, headings, body; not captions) has a conflict word or an armed group."""
    pattern, text = relevance_pattern(), CaselessText.of(doc.text)
    blocks = [(b.start, b.end) for b in doc.event_text_blocks()] if doc.blocks else [(0, len(doc.text))]
    if any(pattern.found(text, start, end) for start, end in blocks):
        return True
    return any(names_armed_group(doc.text[start:end]) for start, end in blocks)


def gate_enabled() -> bool:
    return settings.get("relevance_gate").lower() not in ("0", "off", "false", "no")


def relevance_gate(doc: Document) -> Document:
    if gate_enabled() and not is_relevant(doc):
        doc.discard = Discard("not_conflict", "no conflict vocabulary in the text")
    return doc
