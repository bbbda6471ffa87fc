"""The casualty lexicon compiled into regexes, once per process (:func:`patterns`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from frontlines.caseless import CaselessPattern
from frontlines.casualties import lexicon
from frontlines.model import CasualtyKind

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Patterns:
    after: re.Pattern[str]  # a verb after the victims; group names are kind values, "aux" the auxiliaries
    before: re.Pattern[str]  # a verb before the victims, anchored at the end of the text before them
    leaving: re.Pattern[str]  # "left"/"leaving" right before the victims
    leaving_result: re.Pattern[str]  # "dead"/"injured" right after them
    lumped: re.Pattern[str]
    zero: dict[str, re.Pattern[str]]
    background: re.Pattern[str]
    consequence: re.Pattern[str]
    new_incident: re.Pattern[str]
    non_conflict: re.Pattern[str]  # a cause of death outside armed conflict ("floods", "a stampede")
    additive: re.Pattern[str]  # a clause adding victims to those already reported
    additive_opener: re.Pattern[str]  # "while" right before a clause (the end of the text before it)
    additive_and: re.Pattern[str]  # "and" right before a clause with a verb of its own
    toll_update: re.Pattern[str]  # a clause restating the whole incident's toll
    subcount: re.Pattern[str]  # "including" before a sub-count
    coordination: re.Pattern[str]  # the gap between two coordinated victim phrases
    active_object: re.Pattern[str]  # what follows a transitive verb used actively: "killed two policemen"
    sentence_cue: CaselessPattern  # a sentence without one of these is not read for casualties


def _alt(parts: tuple[str, ...] | list[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts)


def _kind_groups(table: dict[CasualtyKind, tuple[str, ...]]) -> str:
    return "|".join(f"(?P<{kind.value}>{_alt(parts)})" for kind, parts in table.items() if parts)


def _after() -> re.Pattern[str]:
    # What may stand between the victims and the verb: "(35)", an apposition between commas ("X, a trader,"),
    # a name ("ASI Mohammad Rafiq"), "including ..." and "of the X force" / "belonging to ..." before an auxiliary.
    aux_ahead = r"(?=\s*,?\s*(?:who\s+)?(?:were|was|have|has|had|are|is)\b)"
    verb_ahead = r"(?=\s*,?\s*(?:were|was|have|has|had|are|is|sustained|received|suffered|died|perished|succumbed)\b)"
    # a qualifying phrase never runs over the verb of a source: "the head of X said six people were wounded"
    # nor over "and" opening another victim phrase: "a leader of the party and two of his supporters were killed"
    not_source = (
        r"(?:(?!\b(?:said|says|told|added|stated|confirmed|claimed)\b)"
        r"(?!,?\s+and\s+(?:an?|the|his|her|their|another|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
        r"[^.;])"
    )
    skip = (
        r"(?:\s*\([^()]{0,120}\)"
        r"|\s*,(?:(?!\b(?:were|was|is|are|had|have|has|and)\b)[^,.;()]|\([^()]{0,20}\)){1,90}(?=,)"
        # ages in apposition: "two brothers, aged 19 and 23, were shot dead"
        r"|\s*,\s*aged?\s+\d{1,3}(?:\s*(?:,|and)\s*\d{1,3})*(?=\s*,)"
        # a list of names in apposition: "two policemen, Sabz Ali and Jawad Khan, were killed"
        r"|\s*,\s*(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
        r"(?:\s*(?:,|\band\b)\s*(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))+(?=\s*,)"
        r"|\s*,?\s*(?:identified as|named|namely|alias)[\s,]+(?:(?!,\s*and\b)[^.;]){0,120}?"
        + aux_ahead
        # a relative clause before the verb: "X, who was injured in the blast, succumbed"
        + r"|\s*,\s*(?:who|whose)\b[^.;]{0,150}?(?:(?=,\s*(?:were|was|had|have|has|are|is)\b),"
        r"|,?(?=\s*(?:later\s+)?(?:succumbed|died)\b))"
        r"|\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
        r"|\s*,?\s*including\s+[^.;]{0,80}?"
        + verb_ahead
        # "a bomber believed to be a teenage girl blew herself up"
        + r"|\s+(?:believed|thought|said|suspected|reported|understood) to (?:be|have been)\s+[^,.;]{1,60}?(?=\s)"
        r"|\s+(?:belonging|hailing|from|of|posted|deployed|stationed|working|serving|travelling|traveling|associated"
        r"|affiliated|on duty|in|at|who)\b" + not_source + r"{0,120}?(?:" + aux_ahead + r"|(?=\s*[,(]))"
        r"|\s+for\b(?:(?!\band\b)[^.;,]){0,80}?(?:" + aux_ahead + r"|(?=\s*[,(])))*"
    )
    passive = _kind_groups({k: v for k, v in lexicon.AFTER_PASSIVE.items()})
    active = _kind_groups({k: v for k, v in lexicon.AFTER_ACTIVE.items()}).replace("(?P<", "(?P<a_")
    aux = rf"(?P<aux>(?:\s+{lexicon.AUXILIARIES}\b)*)"
    chain = rf"(?:\s*(?:{lexicon.CHAINED})(?:\s+\w+){{0,3}}?\s+and\s+(?:later\s+|then\s+)?)?"
    return re.compile(rf"^{skip}\s*,?(?:\s*who)?{aux}{chain}\s*(?:{passive}|{active})\b", _FLAGS)


def _before() -> re.Pattern[str]:
    verbs = _kind_groups(lexicon.BEFORE)
    return re.compile(rf"\b(?:{verbs})\s*,?\s*(?:the\s+|all\s+|another\s+|as many as\s+|only\s+|just\s+)?$", _FLAGS)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """All casualty regexes, compiled on first use."""
    openers = (*lexicon.ADDITIVE, *lexicon.ADDITIVE_OPENERS, lexicon.ADDITIVE_AND, *lexicon.MORE_VICTIMS)
    leaving_result = "|".join(f"(?P<{k.value}>{v})" for k, v in lexicon.LEAVING_RESULT.items())
    return Patterns(
        after=_after(),
        before=_before(),
        leaving=re.compile(rf"\b{lexicon.LEAVING}\s+(?:at least\s+|about\s+)?$", _FLAGS),
        leaving_result=re.compile(rf"^(?:\s+\w+){{0,2}}?\s+(?:{leaving_result})\b", _FLAGS),
        lumped=re.compile(rf"^\s*(?:{_alt(lexicon.LUMPED)})", _FLAGS),
        zero={key: re.compile(rf"\b(?:{_alt(parts)})", _FLAGS) for key, parts in lexicon.ZERO.items()},
        background=re.compile(rf"\b(?:{_alt(lexicon.BACKGROUND)})\b", _FLAGS),
        consequence=re.compile(rf"\b(?:{_alt(lexicon.CONSEQUENCE)})\b", _FLAGS),
        new_incident=re.compile(rf"^\W*(?:{_alt(lexicon.NEW_INCIDENT)})\b", _FLAGS),
        non_conflict=re.compile(rf"\b(?:{_alt(lexicon.NON_CONFLICT_CAUSES)})\b", _FLAGS),
        additive_opener=re.compile(rf"\b(?:{_alt(lexicon.ADDITIVE_OPENERS)})\s+$", _FLAGS),
        additive_and=re.compile(rf"\b(?:{lexicon.ADDITIVE_AND})\s+$", _FLAGS),
        additive=re.compile(
            rf"^\W*(?:{_alt(openers)})\b"  # opening the clause, or right before its verb, or ending it ("three more")
            rf"|\b(?:{_alt(lexicon.ADDITIVE)})(?:\s+[\w-]+){{1,3}}\W*$|\s+more\W*$",
            _FLAGS,
        ),
        toll_update=re.compile(rf"\b(?:{lexicon.TOLL_UPDATE})", _FLAGS),
        subcount=re.compile(r"\b(?:including|includes|included|among them|among whom|of whom|of them)\s*$", _FLAGS),
        coordination=re.compile(
            r"^(?:\s*\([^()]{0,60}\)|\s*,\s*(?:identified as|aged|alias|a resident of|resident of)[^,]{0,60}(?=,)"
            r"|\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
            # a name in apposition: "a retired teacher, Abdul Ghani, and his son"
            r"|\s*,\s*(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?=\s*,)"
            # "a commander of the Kataib Hezbollah militia and his two companions"
            r"|\s+of\s+(?:the\s+)?(?:[\w'’()-]+\s+){0,5}?[\w'’()-]+)*"
            r"\s*(?:,\s*(?:and\s+)?|,?\s*(?:and|as well as|along with|besides|&|plus)\s+)(?:also\s+)?"
            r"(?:(?:his|her|their|its)\s+)?$",
            _FLAGS,
        ),
        sentence_cue=CaselessPattern(lexicon.SENTENCE_CUES),
        active_object=re.compile(
            r"^\s+(?:(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|at least"
            r"|himself|herself|themselves)\b"
            r"|\d|[A-Z])",
        ),
    )
