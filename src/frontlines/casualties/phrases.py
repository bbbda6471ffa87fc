"""Victim phrases in one sentence: "Two Policemen", "at least 60 SF personnel", "a civilian driver", "Nisar Afridi".

A victim phrase is a count (or an article, a group noun, a person's name) with the noun that names its people.
Numbers that are ages, dates, times, money or measures never start one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from frontlines.casualties.victims import (
    GENERIC_NOUNS,
    GROUP_SIZE,
    MODIFIER_CATEGORY,
    MONTH_AND_DAY_NAMES,
    MONTHS,
    NON_PERSON_UNITS,
    RELATIONAL_NOUNS,
    VICTIM_NOUNS,
    words_of,
)
from frontlines.model import Count, Span, VictimCategory
from frontlines.numbers import find_counts, parse_count

_WORD = re.compile(r"\([^()]{0,80}\)|[A-Za-z][\w'’-]*|\d[\d,.]*|[^\s\w]")
_ARTICLE = re.compile(r"\b(?:a|an|another|the|his|her)\s+(?=[A-Za-z\d])", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*-?\s*(?:years?|yrs?)[\s-]*old|^\s*-\s*year|^\s*(?:yr|yrs|year|years)\b", re.IGNORECASE)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\baged?|\bage of|\brs\.?|\binr|\busd|[$€£₹]|\bno\.|\bnumber|\bsection|\bpk|\bna|\bunit|\bcha"
    r"|\bak|\bward|\bplot|\bsector|\bphase|\bbattalion|\bcompany|\bkm|\bhighway|\broute|\bat|\bfrom)\s*$",
    re.IGNORECASE,
)
# Lower-case words that end a victim phrase: verbs, prepositions, conjunctions.
_STOP = frozenset(
    words_of(
        "and or were was is are be been being had have has who which that whom whose in on at by with from to for"
        " as after before when while during near into over under including along besides but than while since"
        " killed dead died injured wounded hurt shot gunned arrested abducted kidnapped missing lost sustained"
        " succumbed received suffered among reportedly allegedly also later said says according, against between"
        " across outside inside behind through following amid despite without via per"
    )
)
# "another" standing for one more person: "a soldier was killed and another injured".
_BARE_ANOTHER = re.compile(r"\s*(?:,|was\b|were\b|got\b|sustained\b|received\b|injured\b|wounded\b|killed\b|died\b)")
_UNK = VictimCategory.UNKNOWN
_AGE = re.compile(r"\d{1,3}\s*-?\s*(?:years?|yrs?)[\s-]*old(?:\s+|(?=[,.;]))", re.IGNORECASE)
_CAPITAL_BEFORE = re.compile(r"[a-z]\s+[A-Z][a-z]+\s+$")
# _CAPITAL_BEFORE is $-anchored at the count: searching the last characters before it is enough.
_NAME_TAIL_CHARS = 120
_OF_OK = frozenset({"of", "the", "them", "whom", "these", "those", "its", "their", "his", "her"})
_MAX_WORDS = 9
# Words describing what happened to the people, allowed right after the article: "the injured warder".
_STATE_WORDS = frozenset(
    ["injured", "wounded", "deceased", "slain", "killed", "dead", "abducted", "kidnapped", "missing"]
)


@dataclass(frozen=True)
class VictimPhrase:
    """People named in a sentence. ``start``/``end`` are offsets in the sentence; ``count.span`` in the document."""

    start: int
    end: int
    count: Count
    category: VictimCategory
    head: str  # the noun naming the people ("militants"), "" when a number stands alone ("17 killed")
    named: bool = False  # a person's name ("Nisar Afridi")


def _is_non_count(sentence: str, start: int, end: int) -> bool:
    """Ages, dates, times, money and measures: "25-year-old", "June 15", "Rs 10", "10.30", "(35)"."""
    before, after = sentence[max(0, start - 40) : start], sentence[end : end + 40]
    if before.endswith("(") and after.startswith(")"):
        return True
    if _AGE_AFTER.match(after) or _NOT_COUNT_BEFORE.search(before):
        return True
    prev_word = _PREV_WORD.search(before)
    next_word = _NEXT_WORD.match(after)
    if prev_word and prev_word.group(1).lower() in MONTHS and prev_word.group(2).strip(" ") == "":
        return True
    if next_word and next_word.group(1).lower() in NON_PERSON_UNITS | MONTHS:
        return True
    return bool(_MEASURE_AFTER.match(after))


_PREV_WORD = re.compile(r"([A-Za-z]+)(\W*)$")
_NEXT_WORD = re.compile(r"\s*\W?\s*([A-Za-z]+)")
_MEASURE_AFTER = re.compile(r"[.:]\d|\s*(?:%|per ?cent)")


def _category(words: list[str], head: str) -> VictimCategory:
    """The category of a phrase: its head noun's, or a modifier's when the head is generic ("local people")."""
    noun = VICTIM_NOUNS.get(head.lower(), VictimCategory.UNKNOWN)
    if head.lower() in GENERIC_NOUNS or noun == VictimCategory.UNKNOWN:
        for word in words:
            found = MODIFIER_CATEGORY.get(word.lower())
            if found is not None:
                return found
    return noun


def scan_head(sentence: str, start: int) -> tuple[str, int, VictimCategory, list[str]] | None:
    """The victim noun after ``start``: (head, end offset, category, words) or None when none follows closely.

    The head is the last victim noun before a stop word ("Three JeM militants", "a Maoist zonal commander");
    names, parentheses and up to three lower-case modifiers may come before it.
    """
    words: list[str] = []
    head, head_end, modifiers = "", -1, 0
    for n, match in enumerate(_WORD.finditer(sentence, start)):
        word = match.group()
        low = word.lower()
        if n == 0 and low in _STATE_WORDS:
            continue  # "the injured warder", "the deceased driver"
        stop = (
            word[0].islower() and low in _STOP and low != "of" and not (low in _STATE_WORDS and words[-1:] == ["the"])
        )
        if n >= _MAX_WORDS or stop:
            break
        if word.startswith("("):
            continue
        if not word[0].isalpha() or (low == "of" and head and not _next_is_capital(sentence, match.end())):
            break
        if low in VICTIM_NOUNS or (low in _STATE_WORDS and words[-2:] == ["of", "the"]):
            head, head_end = word, match.end()  # "militants", "(one) of the injured"
        elif word[0].islower() and low not in _OF_OK:
            modifiers += 1
            if modifiers > 3:
                break
        words.append(word)
    if not head:
        return None
    category = _category(words, head)
    return head, head_end, category, words


def _next_is_capital(sentence: str, end: int) -> bool:
    return bool(re.match(r"\s+[A-Z]", sentence[end:]))


def counted_phrases(sentence: str, base: int) -> list[VictimPhrase]:
    """Counts followed by a victim noun ("three militants") or standing alone before a verb ("17 killed")."""
    return list(_counted_phrases(sentence, base))


@lru_cache(maxsize=256)
def _counted_phrases(sentence: str, base: int) -> tuple[VictimPhrase, ...]:
    """:func:`counted_phrases`, kept for the sentences read last: the casualty reader and the force-size reader both
    read each sentence with a number in it, and reading the counts of a long sentence is the costly part."""
    found = []
    for count in find_counts(sentence, base):
        start, end = count.span.start - base, count.span.end - base
        if _is_non_count(sentence, start, end):
            continue
        scanned = scan_head(sentence, end)
        if scanned is None:
            if _CAPITAL_BEFORE.search(sentence, max(0, start - _NAME_TAIL_CHARS), start):
                continue  # "Dharmendra Kumar alias Aju 40 was shot": an age after a name
            found.append(VictimPhrase(start, end, count, VictimCategory.UNKNOWN, ""))
            continue
        head, head_end, category, _ = scanned
        found.append(VictimPhrase(start, head_end, count, category, head))
    return tuple(found)


def _singular(head: str) -> bool:
    low = head.lower()
    return low in GROUP_SIZE or not low.endswith(("s", "men", "people", "children", "personnel", "troops"))


def article_phrases(sentence: str, base: int, taken: list[VictimPhrase]) -> list[VictimPhrase]:
    """ "a policeman", "the couple", "another civilian": one person (or a group noun's size)."""
    found: list[VictimPhrase] = []
    for match in _ARTICLE.finditer(sentence):
        if any(p.start <= match.start() < p.end for p in (*taken, *found)):
            continue
        age = _AGE.match(sentence, match.end())
        ahead = parse_count(sentence[match.end() : match.end() + 25])
        if ahead is not None and age is None:
            continue  # "another nine": the number is the count
        scanned = scan_head(sentence, age.end() if age else match.end())
        if scanned is None:
            if age is not None and not match.group().lower().startswith(("his", "her")):  # "the 25-year-old was"
                span = Span(base + match.start(), base + match.end() - 1, match.group().strip())
                age_end = age.start() + len(age.group().rstrip())
                found.append(VictimPhrase(match.start(), age_end, Count(1, 1, 1, span, ""), _UNK, ""))
            elif match.group().lower().startswith("another") and _BARE_ANOTHER.match(sentence, match.end() - 1):
                span = Span(base + match.start(), base + match.end() - 1, match.group().strip())
                found.append(VictimPhrase(match.start(), match.end() - 1, Count(1, 1, 1, span, ""), _UNK, ""))
            continue
        head, head_end, category, _ = scanned
        if not _singular(head) or head.lower() in ("one", "them", "ones", "deceased", "injured", "wounded", "dead"):
            continue
        if match.group().lower().startswith("the") and head.lower() not in GROUP_SIZE and not _specific(head):
            continue
        size = GROUP_SIZE.get(head.lower(), 1)
        span = Span(base + match.start(), base + match.end() - 1, match.group().strip())
        count = Count(size, size, size, span, "")
        found.append(VictimPhrase(match.start(), head_end, count, category, head))
    return found


def _specific(head: str) -> bool:
    """Nouns that name one person after "the" ("the driver", "the suicide bomber"), not a body ("the police")."""
    return head.lower() not in ("police", "army", "body", "victim", "member", "person", "man", "other", "suspect", "sf")


def named_phrases(
    sentence: str, base: int, persons: list[tuple[int, int]], taken: list[VictimPhrase]
) -> list[VictimPhrase]:
    """People named by the parser's PERSON entities (offsets in the sentence) or right after a casualty verb.

    A name that restates a victim phrase ("a trader, identified as X", "Constable X" after "a policeman") or that
    names a relative ("son of X") is not another victim.
    """
    spans = sorted({*persons, *_names_after_verbs(sentence)})
    coordinated = [_coordinated_name(sentence, end) for _, end in spans]
    spans = sorted({*spans, *(span for span in coordinated if span is not None)})
    found: list[VictimPhrase] = []
    for start, end in spans:
        if any(p.start < end and start < p.end for p in (*taken, *found)):
            continue
        if _restates(sentence, start, taken):
            continue
        span = Span(base + start, base + end, sentence[start:end])
        category = _title_category(sentence, start, end)
        found.append(VictimPhrase(start, end, Count(1, 1, 1, span, ""), category, "", named=True))
    return found


_NAME_AFTER_VERB = re.compile(
    r"\b(?:killed|killing|shot dead|gunned down|murdered|injuring|injured|wounding|wounded)\s*,?\s+"
    r"(?P<name>(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,5})",
    re.IGNORECASE,
)
_NOT_NAMES = MONTH_AND_DAY_NAMES | frozenset(
    words_of(
        "The A An In On At By This That He She They It His Her Their Police Army Militants Maoists Security Two"
        " Three One Four Five Six Seven Eight Nine Ten Both All Several Some Many Unidentified Suspected Armed"
    )
)
_RESTATING = re.compile(
    r"(?:identified as|namely|viz\.?|alias|named|(?:son|daughter|wife|husband|father|mother|brother|sister) of"
    r"|[sdw]/o|\b[sdw] o)\s+(?:[\w()'’.-]+\s+){0,6}$",
    re.IGNORECASE,
)


_NAME_BEFORE_VERB = re.compile(
    r"(?:^|\b(?:while|and|but|whereas)\s+)(?P<name>(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,3})"
    r"(?=\s+(?:(?:was|were|had|has)\s+)?(?:\w+ly\s+)?(?:killed|shot dead|died|succumbed|injured|wounded)\b)",
    re.IGNORECASE,
)


_AND_NAME = re.compile(r"\s*(?:,\s*)?and\s+(?P<name>(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,3})")


def _coordinated_name(sentence: str, end: int) -> tuple[int, int] | None:
    """The name after "and" following a name: "injuring Haji Gul and Kabir" -> Kabir."""
    match = _AND_NAME.match(sentence, end)
    if match is None or match.group("name").split()[0] in _NOT_NAMES:
        return None
    return match.start("name"), match.end("name")


def _names_after_verbs(sentence: str) -> list[tuple[int, int]]:
    found = []
    for match in (*_NAME_AFTER_VERB.finditer(sentence), *_NAME_BEFORE_VERB.finditer(sentence)):
        if match.group("name").split()[0] not in _NOT_NAMES:
            found.append((match.start("name"), match.end("name")))
    return found


def _restates(sentence: str, start: int, taken: list[VictimPhrase]) -> bool:
    before = sentence[:start]
    if _RESTATING.search(before[-80:]):
        return True
    for phrase in taken:
        gap = sentence[phrase.end : start] if phrase.end <= start else "x"
        if re.fullmatch(r"[\s,]*(?:\([^()]{0,40}\))?[\s,]*(?:identified as\s*)?", gap):
            return True
    return False


_APPOSITION = re.compile(r"^\s*(?:\(\d+\))?\s*,\s*(?:an?|the)?\s*((?:[\w'-]+\s+){0,5}?[\w'-]+)\s*(?:[,(]|$)")


def _title_category(sentence: str, start: int, end: int) -> VictimCategory:
    """A name's category from a rank before it ("Constable X") or an apposition after it ("X, a trader")."""
    before = re.findall(r"\b[A-Z][A-Za-z-]*", sentence[max(0, start - 30) : start])[-2:]
    inside = re.findall(r"[A-Za-z-]+", sentence[start:end])
    for word in reversed(before + inside):
        category = VICTIM_NOUNS.get(word.lower())
        if category is not None and category != VictimCategory.UNKNOWN:
            return category
    apposition = _APPOSITION.match(sentence[end:])
    if apposition:
        scanned = scan_head(apposition.group(1) + " ", 0)
        if scanned is not None:
            return scanned[2]
    return VictimCategory.UNKNOWN


_APPOSITION_GAP = re.compile(r"\s*(?:\([^()]{0,20}\))?\s*,\s*(?:(?-i:[A-Z][\w'’.-]*)\s*){0,3},?\s*")


def drop_appositions(sentence: str, phrases: list[VictimPhrase]) -> list[VictimPhrase]:
    """Phrases restating the one before them: "X (60), a homeopath", "a Subedar, Mujeeb, a resident of Y"."""
    kept: list[VictimPhrase] = []
    for phrase in phrases:
        previous = kept[-1] if kept else None
        if previous is not None and previous.end <= phrase.start and not phrase.named and phrase.count.best == 1:
            gap = sentence[previous.end : phrase.start]
            named_gap = re.search(r"[A-Z]", gap) is not None
            restating = previous.named or named_gap or phrase.head.lower() in RELATIONAL_NOUNS
            if restating and _APPOSITION_GAP.fullmatch(gap) and phrase.count.span.text.lower() in ("a", "an"):
                continue
        kept.append(phrase)
    return kept
