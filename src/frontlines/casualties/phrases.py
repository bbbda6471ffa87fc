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
    ROLE_NOUNS,
    VICTIM_NOUNS,
    words_of,
)
from frontlines.model import Count, Span, VictimCategory
from frontlines.numbers import find_counts, parse_count

_WORD = re.compile(r"\([^()]{0,80}\)|[A-Za-z][\w'’-]*|\d[\d,.]*|[^\s\w]")
# "another" may stand alone before a comma: "two were killed and another, identified as X, was injured".
_ARTICLE = re.compile(r"\b(?:a|an|another|the|his|her|their|its)\s+(?=[A-Za-z\d])|\banother(?=\s*,)", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*-?\s*(?:years?|yrs?)[\s-]*old|^\s*-\s*year|^\s*(?:yr|yrs|year|years)\b", re.IGNORECASE)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\baged?|\bage of|\baged?\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s*and"
    r"|\brs\.?|\binr|\busd|[$€£₹]|\bno\.|\bnumber|\bsection|\bpk|\bna|\bunit|\bcha"
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
        " across outside inside behind through following amid despite without via per killing injuring wounding"
        " leaving claiming"
    )
)
# "another" standing for one more person: "a soldier was killed and another injured".
_BARE_ANOTHER = re.compile(r"\s*(?:,|was\b|were\b|got\b|sustained\b|received\b|injured\b|wounded\b|killed\b|died\b)")
_UNK = VictimCategory.UNKNOWN
_AGE = re.compile(r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)\s*-?\s*(?:years?|yrs?)[\s-]*old(?:\s+|(?=[,.;]))", re.IGNORECASE)
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
    if head.lower() in GENERIC_NOUNS or head.lower() in ROLE_NOUNS or noun == VictimCategory.UNKNOWN:
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
    if head.lower() in ROLE_NOUNS and _OF_NAME.match(sentence, head_end):
        category = VICTIM_NOUNS[head.lower()]  # "the military commander of Neo JMB": the group's, not the army's
    if category == _UNK and head.lower() in GENERIC_NOUNS:
        category = _complement_category(sentence, head_end)  # "members of a family"
    return head, head_end, category, words


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# "members of a family", "personnel of the security forces": lower-case words after "of" that place the people.
_COMPLEMENT = re.compile(r"\s+of\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?((?:[a-z][\w-]*\s*){1,3})")


def _complement_category(sentence: str, end: int) -> VictimCategory:
    match = _COMPLEMENT.match(sentence, end)
    for word in match.group(1).split() if match else []:
        found = MODIFIER_CATEGORY.get(word) or VICTIM_NOUNS.get(word)
        if found is not None and found != _UNK:
            return found
    return _UNK


def _next_is_capital(sentence: str, end: int) -> bool:
    return bool(re.match(r"\s+[A-Z]", sentence[end:]))


def counted_phrases(sentence: str, base: int) -> list[VictimPhrase]:
    """Counts followed by a victim noun ("three militants") or standing alone before a verb ("17 killed").

    A part of people named before in the sentence ("two of them") takes their category.
    """
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
        head, head_end, category, words = scanned
        if category == _UNK and words[:1] == ["of"] and not _ANAPHORS.isdisjoint(w.lower() for w in words):
            category = antecedent_category(sentence[:start])  # "two of them": the people named before
        elif category == _UNK and words[:1] == ["of"] and head.lower() in _STATE_WORDS:
            category = _predicate_category(sentence, head_end)  # "four of the dead were children"
        found.append(VictimPhrase(start, head_end, count, category, head))
    return tuple(found)


# Words pointing back at people already named: "two of them", "three of their comrades".
_ANAPHORS = frozenset(words_of("them their these those whom"))


_COPULA = re.compile(r"\s+(?:were|was|are|is)\s+(?:all\s+)?((?:[\w-]+\s*){1,3})")


def _predicate_category(sentence: str, end: int) -> VictimCategory:
    """The category of a victim noun among the three words after "were" ("of the dead were young children")."""
    match = _COPULA.match(sentence, end)
    words = match.group(1).split() if match else []
    return next((VICTIM_NOUNS[w.lower()] for w in words if w.lower() in VICTIM_NOUNS), _UNK)


# A killer who dies with his victims: "a suicide bomber killed himself and four soldiers".
_REFLEXIVE = re.compile(
    r"\b(?:killed|killing|kills|kill|in addition to|besides|as well as)\s+(?P<self>himself|herself)\b", re.IGNORECASE
)


def reflexive_phrases(sentence: str, base: int) -> list[VictimPhrase]:
    """ "killed himself", "killing 27 worshippers in addition to herself": the attacker is among the dead; his
    category is that of the last victim noun before."""
    found = []
    for match in _REFLEXIVE.finditer(sentence):
        start, end = match.span("self")
        span = Span(base + start, base + end, match.group("self"))
        category = antecedent_category(sentence[:start])
        found.append(VictimPhrase(start, end, Count(1, 1, 1, span, ""), category, match.group("self")))
    return found


_WORDS_BEFORE = re.compile(r"[A-Za-z][\w'’-]*")


def antecedent_category(before: str) -> VictimCategory:
    """The category of the last people named in ``before`` ("Maoists abducted three villagers and killed two of
    them" -> civilians; "seized four hostages and executed three of them" -> unknown)."""
    for word in reversed(_WORDS_BEFORE.findall(before)):
        low = word.lower()
        if low in VICTIM_NOUNS and low not in _STATE_NOUNS:
            return VICTIM_NOUNS[low]
    return _UNK


# Nouns naming what happened to people, not who they are: "the bodies of three of their comrades".
_STATE_NOUNS = frozenset(words_of("body bodies dead deceased injured wounded casualty victim victims"))


def _singular(head: str) -> bool:
    low = head.lower()
    return low in GROUP_SIZE or not low.endswith(("s", "men", "people", "children", "personnel", "troops"))


_POSSESSIVES = ("his", "her", "their", "its")


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
            word_end = match.start() + len(match.group().rstrip())
            span = Span(base + match.start(), base + word_end, match.group().strip())
            if age is not None and not match.group().lower().startswith(_POSSESSIVES):  # "the 25-year-old was"
                age_end = age.start() + len(age.group().rstrip())
                found.append(VictimPhrase(match.start(), age_end, Count(1, 1, 1, span, ""), _UNK, ""))
            elif match.group().lower().startswith("another") and _BARE_ANOTHER.match(sentence, word_end):
                found.append(VictimPhrase(match.start(), word_end, Count(1, 1, 1, span, ""), _UNK, ""))
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
    return head.lower() not in _NOT_SPECIFIC


_NOT_SPECIFIC = frozenset(words_of("police army body victim member person man other suspect sf"))


# Between two names of one list: "X and Y", "X, Y".
_NAME_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")


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
    restating: list[tuple[int, int]] = []
    for start, end in spans:
        if any(p.start < end and start < p.end for p in (*taken, *found)):
            continue
        if _restates(sentence, start, taken) or any(_NAME_LIST_GAP.fullmatch(sentence, e, start) for _, e in restating):
            restating.append((start, end))  # "two policemen, X and Y, were killed": X and Y are the two
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
        " Nobody No None Noone Everyone Anyone Someone"
    )
)
_IDENTIFYING = re.compile(r"(?:identified as|namely|viz\.?|alias|named)\s+(?:[\w()'’.-]+\s+){0,6}$", re.IGNORECASE)
_RELATIVE_OF = re.compile(
    r"(?:(?:son|daughter|wife|husband|father|mother|brother|sister) of|[sdw]/o|\b[sdw] o)\s+(?:[\w()'’.-]+\s+){0,6}$",
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
    if _RELATIVE_OF.search(before[-80:]):
        return True  # "son of X" names a relative, not a victim
    if _IDENTIFYING.search(before[-80:]) and any(phrase.end <= start for phrase in taken):
        return True  # "a trader, identified as X"; without a phrase before, the name is the victim
    for phrase in taken:
        gap = sentence[phrase.end : start] if phrase.end <= start else "x"
        if re.fullmatch(r"[\s,]*(?:\([^()]{0,40}\))?[\s,]*(?:identified as\s*)?", gap):
            return True
    return False


_APPOSITION = re.compile(r"^\s*(?:\(\d+\))?\s*,\s*(?:an?|the)?\s*((?:[\w'-]+\s+){0,9}?[\w'-]+)\s*(?:[,(]|$)")


# A title right before a name: any word ("leader Maria X"), or two when the first is capitalised ("Head Constable X").
_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z-]*\s+)?\b[A-Za-z][A-Za-z-]*\s+$")


def _title_category(sentence: str, start: int, end: int) -> VictimCategory:
    """A name's category from a rank before it ("Constable X") or an apposition after it ("X, a trader")."""
    title = _TITLE_BEFORE.search(sentence, max(0, start - 30), start)  # "leader X", not "According to Police, X"
    before = title.group().split() if title else []
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


_RESTATING_WORDS = frozenset(["both", "all"])
_BELIEVED = re.compile(
    r"\s+(?:believed|thought|said|suspected|reported|understood) to (?:be|have been)\s+$", re.IGNORECASE
)


def _restating_apposition(sentence: str, previous: VictimPhrase, phrase: VictimPhrase) -> bool:
    """ "The bomber, a young woman, also died", "two hostages, both aid workers", "a bomber believed to be a girl"."""
    gap = sentence[previous.end : phrase.start]
    word = phrase.count.span.text.lower()
    if _BELIEVED.fullmatch(gap):
        return True
    if not re.fullmatch(r"\s*,\s*", gap):
        return False
    definite = previous.count.span.text.lower() == "the" and word in ("a", "an") and sentence[phrase.end :][:1] == ","
    return definite or word in _RESTATING_WORDS


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
        if previous is not None and previous.end <= phrase.start and _restating_apposition(sentence, previous, phrase):
            continue
        kept.append(phrase)
    return kept
