"""The matching step of spaCy's ``attribute_ruler`` done by lookup: the same matches, several times faster.

The English model's attribute ruler (which sets ``pos_`` from ``tag_``, among other things) holds some 180 one- and
two-token patterns, and spaCy's general Matcher tries every one of them at every token: about a tenth of the parse.
Here each pattern is filed under the value its first token must have (of TAG, LOWER, DEP or IS_SPACE), so a token
is checked only against the few patterns filed under its own values. The matches are those ``AttributeRuler.match``
finds, sorted the same way (each once), and spaCy's own ``set_annotations`` applies them; a ruler with a pattern
feature this module does not handle keeps spaCy's matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Token attributes a pattern may test, in the column order of the ``Doc.to_array`` rows; patterns are filed under
# the first of these that their first token tests for one value (or a list of values).
ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
REGEX_CACHE = 65536  # string ids whose REGEX verdict is remembered, per pattern

Test = Callable[[int], bool]  # a token attribute's value id -> whether the token passes


@dataclass(frozen=True, slots=True)
class _Rule:
    attr_id: int  # the pattern's position in the ruler: later ones take precedence
    match_id: int  # the matcher key's string id, as spaCy's matcher reports it
    tests: tuple[tuple[tuple[int, Test], ...], ...]  # per token: (column, test) pairs left to check

    def matches(self, rows: list[list[int]], start: int) -> bool:
        if start + len(self.tests) > len(rows):
            return False
        for offset, tests in enumerate(self.tests):
            row = rows[start + offset]
            for column, test in tests:
                if not test(row[column]):
                    return False
        return True


def _value_id(value: Any) -> int:
    from spacy.strings import get_string_id

    return int(value) if isinstance(value, bool) else int(get_string_id(value))


def _test(value: Any, strings: Any) -> Test | None:
    """The test of one token attribute, or None for a pattern feature not handled here."""
    if isinstance(value, str | bool):
        wanted = _value_id(value)
        return lambda found: found == wanted
    if not isinstance(value, dict) or not value or not set(value) <= OPERATORS:
        return None
    tests: list[Test] = []
    if "IN" in value:
        members = frozenset(_value_id(v) for v in value["IN"])
        tests.append(lambda found: found in members)
    if "NOT_IN" in value:
        others = frozenset(_value_id(v) for v in value["NOT_IN"])
        tests.append(lambda found: found not in others)
    if "REGEX" in value:
        regex = re.compile(value["REGEX"])
        tests.append(lru_cache(maxsize=REGEX_CACHE)(lambda found: regex.search(strings[found]) is not None))
    return tests[0] if len(tests) == 1 else lambda found: all(test(found) for test in tests)


def _filing(token: dict[str, Any]) -> tuple[str, list[int]] | None:
    """The attribute a pattern is filed under and the value ids its first token may have there."""
    for name in ATTRIBUTES:
        value = token.get(name)
        if isinstance(value, str | bool):
            return name, [_value_id(value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return name, [_value_id(v) for v in value["IN"]]
    return None


class IndexedAttributeRules:
    """An attribute ruler's patterns filed by what their first token requires; :meth:`match` is a drop-in for
    ``AttributeRuler.match``."""

    def __init__(self, ruler: Any) -> None:
        self.filed: list[dict[int, list[_Rule]]] = [{} for _ in ATTRIBUTES]
        self.unfiled: list[_Rule] = []
        self.supported = all(
            name in ATTRIBUTES and _test(value, ruler.vocab.strings) is not None
            for entry in ruler.patterns
            for pattern in entry["patterns"]
            for token in pattern
            for name, value in token.items()
        )
        if not self.supported:
            return
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                self._file(_Rule(attr_id, _value_id(str(attr_id)), ()), pattern, ruler.vocab.strings)

    def _file(self, bare: _Rule, pattern: list[dict[str, Any]], strings: Any) -> None:
        filing = _filing(pattern[0]) if pattern else None
        tests = tuple(
            tuple(
                (ATTRIBUTES.index(name), _test(value, strings))
                for name, value in token.items()
                if not (offset == 0 and filing is not None and name == filing[0])  # the filing checks it
            )
            for offset, token in enumerate(pattern)
        )
        rule = _Rule(bare.attr_id, bare.match_id, tests)  # type: ignore[arg-type]
        if filing is None:
            self.unfiled.append(rule)
            return
        column = self.filed[ATTRIBUTES.index(filing[0])]
        for value in filing[1]:
            column.setdefault(value, []).append(rule)

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """(pattern position, match id, start, end) of every pattern match in ``doc``, sorted as spaCy sorts them."""
        from spacy.attrs import IDS

        rows = doc.to_array([IDS[name] for name in ATTRIBUTES]).tolist() if len(doc) else []
        found = set()
        filed = list(enumerate(self.filed))
        for start, row in enumerate(rows):
            for column, rules in filed:
                for rule in rules.get(row[column], ()):
                    if rule.matches(rows, start):
                        found.add((rule.attr_id, rule.match_id, start, start + len(rule.tests)))
            for rule in self.unfiled:
                if rule.matches(rows, start):
                    found.add((rule.attr_id, rule.match_id, start, start + len(rule.tests)))
        return sorted(found)


def speed_up(nlp: Any, name: str = "attribute_ruler") -> None:
    """Let the pipeline's attribute ruler find its matches by lookup (when it has one and all its patterns are of
    the kinds handled here)."""
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    rules = IndexedAttributeRules(ruler)
    if rules.supported:
        ruler.match = rules.match
