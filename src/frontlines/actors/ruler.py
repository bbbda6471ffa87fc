"""The fast actor ruler: spaCy's EntityRuler with phrase patterns only, then ``refine_entities`` before NER.

spaCy's token Matcher costs time per pattern per token, so the pipeline gives the EntityRuler phrase patterns only
(hash lookups, any number of them) and this module does the rest in one pass over the tokens:
- drops ACTOR entities matched in the wrong case ("is" for IS) or single-word generic nouns that are not nouns
  ("military" in "military operations");
- adds '<demonym>['s] [modifier]* <force noun>' phrases ("American elite troops", "Pakistan's army") with the
  pattern id ``forces:<branch>``; longer spans win over shorter overlapping ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from frontlines.actors.dictionary import ACTOR_LABEL, GENERIC_PREFIX, ActorDictionary, ForceGrammar

NOUN_TAGS = frozenset({"NOUN", "PROPN"})
POSSESSIVES = frozenset({"'s", "\u2019s"})


def refine_entities(sdoc: Any, *, dictionary: ActorDictionary, grammar: ForceGrammar | None) -> Any:
    """Filter the ruler's ACTOR entities and add demonym force phrases; returns the same Doc."""
    from spacy.tokens import Span as SpacySpan
    from spacy.util import filter_spans

    kept = [ent for ent in sdoc.ents if ent.label_ != ACTOR_LABEL or _is_real_match(ent, dictionary)]
    added = []
    if grammar is not None:
        for start, end, branch in force_phrases(sdoc, grammar):
            added.append(SpacySpan(sdoc, start, end, label=ACTOR_LABEL, span_id=f"forces:{branch}"))
    if added or len(kept) != len(sdoc.ents):
        sdoc.ents = filter_spans([*added, *kept])
    return sdoc


def _is_real_match(ent: Any, dictionary: ActorDictionary) -> bool:
    actor_id = ent.ent_id_
    if not actor_id:
        return True
    if actor_id.startswith(GENERIC_PREFIX) and len(ent) == 1 and ent[0].pos_ not in NOUN_TAGS:
        return False
    return dictionary.matches_in_case(ent.text, actor_id)


def force_phrases(sdoc: Any, grammar: ForceGrammar) -> list[tuple[int, int, str]]:
    """Token ranges (start, end, branch) of '<demonym> [modifiers] <force noun>' phrases."""
    found = []
    tokens = [t.text for t in sdoc]
    lowers = [t.lower() for t in tokens]
    for i, lower in enumerate(lowers):
        first = tokens[i] if tokens[i] in grammar.case_sensitive else lower
        forms = grammar.heads.get(first)
        if forms is None:
            continue
        hit = _phrase_at(tokens, lowers, i, forms, grammar)
        if hit is not None:
            found.append((i, *hit))
    return found


def _phrase_at(
    tokens: list[str], lowers: list[str], i: int, forms: tuple[tuple[str, ...], ...], grammar: ForceGrammar
) -> tuple[int, str] | None:
    for form in forms:
        j = i + len(form)
        words = [tokens[k] if form[0] in grammar.case_sensitive else lowers[k] for k in range(i, min(j, len(tokens)))]
        if tuple(words) != form:
            continue
        if j < len(lowers) and lowers[j] in POSSESSIVES:
            j += 1
        return _head_after(lowers, j, grammar)
    return None


def _head_after(lowers: list[str], j: int, grammar: ForceGrammar) -> tuple[int, str] | None:
    """The farthest force noun reachable through modifiers from token j: (end, branch)."""
    best: tuple[int, str] | None = None
    k = j
    while k < len(lowers):
        branch = grammar.nouns.get(lowers[k])
        if branch is not None:
            end = k + 1
            if branch == "police" and end < len(lowers) and lowers[end] in grammar.police_tail:
                end += 1
            best = (end, branch)
        if lowers[k] not in grammar.modifiers:
            break
        k += 1
    return best


def make_refiner(
    dictionary: ActorDictionary, tokenize: Callable[[str], list[str]] | None = None
) -> Callable[[Any], Any]:
    """A pipeline component function bound to a dictionary."""
    grammar = dictionary.force_grammar(tokenize)

    def refine(sdoc: Any) -> Any:
        return refine_entities(sdoc, dictionary=dictionary, grammar=grammar)

    return refine
