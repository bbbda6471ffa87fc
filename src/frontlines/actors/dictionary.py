"""The actor dictionary: curated actors (data/actors.json) plus country forces generated from data/forces.json.

``default_dictionary()`` loads both once. ``lookup(name)`` resolves a surface form to an :class:`Actor` through
aliases (case, accents, punctuation, hyphens, a leading 'the' and plurals ignored; short acronyms case-sensitive),
'<demonym> [modifiers] <force noun>' phrases ("the Iraqi army", "American elite troops"), a trailing head noun
("YPG fighters") and generic actor nouns ("gunmen", "villagers"). ``ruler_patterns()`` gives the same knowledge to
spaCy's EntityRuler under the label ``ACTOR``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from frontlines.actors.normalize import (
    case_key,
    drop_possessive,
    is_case_sensitive,
    normalize,
    number_variants,
    singular_variants,
)
from frontlines.model import Actor, ActorKind

ACTOR_LABEL = "ACTOR"
# Pattern ids of '<demonym> <force noun>' phrases; the country is read from the matched text by lookup().
BRANCHES = ("military", "police", "government")
BRANCH_KIND = {"military": ActorKind.STATE_FORCES, "police": ActorKind.STATE_FORCES, "government": ActorKind.GOVERNMENT}
BRANCH_NAME = {"military": "Military Forces of {}", "police": "Police Forces of {}", "government": "Government of {}"}
# Head nouns that may follow a named actor without changing who it is ("YPG fighters", "Hamas militants").
HEAD_NOUNS = frozenset(
    {
        "fighters",
        "fighter",
        "militants",
        "militant",
        "members",
        "member",
        "cadres",
        "cadre",
        "rebels",
        "rebel",
        "insurgents",
        "insurgent",
        "terrorists",
        "terrorist",
        "forces",
        "force",
        "troops",
        "militia",
        "militias",
        "militiamen",
        "gunmen",
        "group",
        "groups",
        "outfit",
        "jihadists",
        "jihadist",
        "operatives",
        "guerrillas",
        "guerrilla",
        "combatants",
        "units",
        "unit",
        "elements",
        "soldiers",
        "personnel",
        "jawans",
        "men",
        "movement",
        "organisation",
        "organization",
        "faction",
    }
)
GENERIC_PREFIX = "generic:"
UNRESOLVED_PREFIX = "unresolved:"

Tokenize = Callable[[str], list[str]]
_SIMPLE_TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+(?:['\u2019]\w+)?|[^\w\s]")


def simple_tokenize(text: str) -> list[str]:
    """A rough stand-in for spaCy's tokenizer (words, dotted acronyms, single punctuation marks)."""
    return _SIMPLE_TOKEN.findall(text)


@dataclass(frozen=True, slots=True)
class ForceTable:
    """Demonyms and short names of countries, and the nouns that make a '<demonym> <noun>' phrase a force."""

    countries: Mapping[str, tuple[str, ...]]  # ISO2 -> demonyms and short names
    nouns: Mapping[str, tuple[str, ...]]  # branch -> head nouns (plus "police_tail")
    modifiers: tuple[str, ...]
    names: Mapping[str, str] = field(default_factory=dict)  # ISO2 -> display name


def _country_display_name(code: str, spec: Mapping[str, Any]) -> str:
    if spec.get("name"):
        return str(spec["name"])
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


@dataclass(frozen=True, slots=True)
class ForceGrammar:
    """Token-level sets for '<demonym>['s] [modifier]* <force noun> [police tail]' phrases."""

    heads: Mapping[str, tuple[tuple[str, ...], ...]]  # first token (lowercase, or exact for acronyms) -> token forms
    case_sensitive: frozenset[str]  # first tokens that must match exactly (US, UK, DRC)
    modifiers: frozenset[str]
    nouns: Mapping[str, str]  # lowercase noun -> branch
    police_tail: frozenset[str]

    @classmethod
    def from_table(cls, table: ForceTable, tokenize: Tokenize | None = None) -> ForceGrammar:
        tokenize = tokenize or simple_tokenize
        heads: dict[str, list[tuple[str, ...]]] = {}
        case_sensitive = set()
        for variants in table.countries.values():
            for variant in variants:
                sensitive = is_case_sensitive(variant)
                tokens = tuple(t if sensitive else t.lower() for t in tokenize(variant))
                if sensitive:
                    case_sensitive.add(tokens[0])
                forms = heads.setdefault(tokens[0], [])
                if tokens not in forms:
                    forms.append(tokens)
        nouns = {n.lower(): branch for branch in reversed(BRANCHES) for n in table.nouns[branch]}
        return cls(
            heads={k: tuple(sorted(v, key=len, reverse=True)) for k, v in heads.items()},
            case_sensitive=frozenset(case_sensitive),
            modifiers=frozenset(m.lower() for m in table.modifiers),
            nouns=nouns,
            police_tail=frozenset(n.lower() for n in table.nouns.get("police_tail", ())),
        )


def force_actor_id(country: str, branch: str) -> str:
    return f"{country.lower()}-{branch}"


def _forces_from_data(data: Mapping[str, Any]) -> ForceTable:
    countries = {k: v for k, v in data["countries"].items() if not k.startswith("_")}
    nouns = {k: tuple(v) for k, v in data["force_nouns"].items() if not k.startswith("_")}
    return ForceTable(
        countries={
            code: tuple(dict.fromkeys([*spec.get("demonyms", []), *spec.get("names", [])]))
            for code, spec in countries.items()
        },
        nouns=nouns,
        modifiers=tuple(data["modifiers"]["words"]),
        names={code: _country_display_name(code, spec) for code, spec in countries.items()},
    )


def _force_actors(table: ForceTable) -> list[Actor]:
    actors = []
    for code, variants in table.countries.items():
        name = table.names.get(code, code)
        for branch in BRANCHES:
            head = table.nouns[branch][0]
            aliases = tuple(f"{variant} {head}" for variant in variants[:2])
            actors.append(
                Actor(
                    id=force_actor_id(code, branch),
                    name=BRANCH_NAME[branch].format(name),
                    kind=BRANCH_KIND[branch],
                    country=code,
                    aliases=aliases,
                )
            )
    return actors


def _actor_from_entry(entry: Mapping[str, Any], group: Mapping[str, Any]) -> Actor:
    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind=ActorKind(entry.get("kind", group.get("kind", "unknown"))),
        country=entry.get("country", group.get("country", "")),
        parent=entry.get("parent", ""),
        aliases=tuple(entry.get("aliases", ())),
    )


def _generic_actors(data: Mapping[str, Any]) -> tuple[list[Actor], dict[str, tuple[str, ...]]]:
    actors, nouns = [], {}
    for entry in data["actors"]:
        actors.append(Actor(id=entry["id"], name=entry["name"], kind=ActorKind(entry["kind"]), aliases=()))
        nouns[entry["id"]] = tuple(entry["nouns"])
    return actors, nouns


class ActorDictionary:
    """Canonical actors by id, with indexes from aliases, demonyms and generic nouns."""

    def __init__(
        self,
        *,
        actors: Iterable[Actor],
        generic: Mapping[str, tuple[str, ...]] | None = None,
        forces: ForceTable | None = None,
        ambiguous: Iterable[str] = (),
        non_actors: Iterable[str] = (),
    ) -> None:
        self.by_id: dict[str, Actor] = {}
        self.generic_nouns: dict[str, tuple[str, ...]] = dict(generic or {})
        self.forces = forces
        self.ambiguous = frozenset(normalize(a) for a in ambiguous)
        self._non_actors = frozenset(normalize(n) for n in non_actors)
        self._aliases: dict[str, list[str]] = {}  # normalized alias -> actor ids
        self._case_aliases: dict[str, list[str]] = {}  # case key -> actor ids
        self._generic: dict[str, str] = {}  # normalized noun -> generic actor id
        self._case_generic: dict[str, str] = {}
        self._country_words: dict[str, str] = {}  # normalized demonym/name -> ISO2
        self._force_re: re.Pattern[str] | None = None
        self.generated = frozenset(
            force_actor_id(code, branch) for code in (forces.countries if forces else {}) for branch in BRANCHES
        )
        for actor in actors:
            self._add(actor)
        for actor_id, nouns in self.generic_nouns.items():
            for noun in nouns:
                if is_case_sensitive(noun):
                    self._case_generic[case_key(noun.lstrip("="))] = actor_id
                else:
                    self._generic[normalize(noun)] = actor_id
        if forces is not None:
            self._index_forces(forces)

    # --- building -------------------------------------------------------------------------------------------

    def _add(self, actor: Actor) -> None:
        self.by_id[actor.id] = actor
        if actor.id.startswith(GENERIC_PREFIX) or actor.id in self.generated:
            return
        for alias in (actor.name, *actor.aliases):
            if is_case_sensitive(alias):
                _append(self._case_aliases, case_key(alias.lstrip("=")), actor.id)
            else:
                _append(self._aliases, normalize(alias), actor.id)

    def _index_forces(self, forces: ForceTable) -> None:
        for code, variants in forces.countries.items():
            for variant in variants:
                self._country_words.setdefault(normalize(variant), code)
        words = sorted(self._country_words, key=len, reverse=True)
        mods = sorted({normalize(m) for m in forces.modifiers if normalize(m)}, key=len, reverse=True)
        groups = {b: sorted({normalize(n) for n in forces.nouns[b]}, key=len, reverse=True) for b in BRANCHES}
        tail = sorted({normalize(n) for n in forces.nouns.get("police_tail", ())}, key=len, reverse=True)
        self._force_re = re.compile(
            rf"^(?P<country>{_alt(words)})(?: s)?(?: (?:{_alt(mods)}))*"
            rf" (?:(?P<police>{_alt(groups['police'])})(?: (?:{_alt(tail)}))?|(?P<military>{_alt(groups['military'])})"
            rf"|(?P<government>{_alt(groups['government'])}))$"
        )

    # --- queries --------------------------------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        return self.by_id.get(actor_id)

    def __len__(self) -> int:
        return len(self.by_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.by_id

    def is_generic(self, actor: Actor) -> bool:
        return actor.id.startswith(GENERIC_PREFIX)

    def is_non_actor(self, name: str) -> bool:
        """True for organisations that are never parties: media outlets, monitors, aid agencies."""
        return normalize(drop_possessive(name)) in self._non_actors

    def country_of_word(self, word: str) -> str:
        """The ISO2 code of a demonym or country name ("Iraqi", "the U.S.", "Syria's"), or ""."""
        key = normalize(drop_possessive(word))
        if key in self._country_words:
            return self._country_words[key]
        for variant in singular_variants(key):
            if variant in self._country_words:
                return self._country_words[variant]
        return ""

    def forces_of(self, country: str, branch: str = "military") -> Actor | None:
        return self.by_id.get(force_actor_id(country, branch)) if country else None

    def lookup(self, name: str, *, country: str = "") -> Actor | None:
        """The actor a surface form names, or None. ``country`` (ISO2) breaks ties between ambiguous aliases."""
        name = name.strip()
        if not name:
            return None
        found = self._lookup_named(name, country=country)
        if found is not None:
            return found
        key = normalize(drop_possessive(name))
        return self._lookup_force(key) or self._lookup_head(key, country=country) or self._lookup_generic(name, key)

    def _lookup_named(self, name: str, *, country: str) -> Actor | None:
        ids = self._case_aliases.get(case_key(name))
        if ids:
            return self._pick(ids, country)
        key = normalize(name)
        for candidate in (key, *number_variants(key)):
            ids = self._aliases.get(candidate)
            if ids:
                return self._pick(ids, country)
        return None

    def _lookup_force(self, key: str) -> Actor | None:
        if self._force_re is None:
            return None
        match = self._force_re.match(key)
        if match is None:
            return None
        code = self._country_words[match.group("country")]
        branch = next(b for b in BRANCHES if match.group(b))
        return self.forces_of(code, branch)

    def _lookup_head(self, key: str, *, country: str) -> Actor | None:
        head, _, last = key.rpartition(" ")
        if not head or last not in HEAD_NOUNS:
            return None
        ids = self._aliases.get(head)
        if ids:
            return self._pick(ids, country)
        return None

    def _lookup_generic(self, name: str, key: str) -> Actor | None:
        actor_id = self._case_generic.get(case_key(name))
        if actor_id is None:
            actor_id = self._generic.get(key)
        if actor_id is None:
            actor_id = next((self._generic[v] for v in number_variants(key) if v in self._generic), None)
        return self.by_id.get(actor_id) if actor_id else None

    def _pick(self, ids: list[str], country: str) -> Actor:
        if country and len(ids) > 1:
            for actor_id in ids:
                if self.by_id[actor_id].country == country:
                    return self.by_id[actor_id]
        return self.by_id[ids[0]]

    def alias_owners(self) -> dict[str, list[str]]:
        """Every alias key (normalized or case key) with the actors that list it: for validation."""
        merged = {f"ci:{k}": v for k, v in self._aliases.items()}
        merged.update({f"cs:{k}": v for k, v in self._case_aliases.items()})
        return merged

    # --- spaCy patterns -------------------------------------------------------------------------------------

    def ruler_patterns(self, tokenize: Tokenize | None = None) -> list[dict[str, Any]]:
        """EntityRuler patterns, label ACTOR: named aliases with the actor id as pattern id; '<demonym> <force
        noun>' phrases with id ``forces:<branch>``; generic nouns with their generic id. Case-insensitive names
        are phrase patterns (the ruler must match phrases on LOWER); acronyms are token patterns on ORTH."""
        tokenize = tokenize or simple_tokenize
        patterns = self._alias_patterns(tokenize)
        patterns += self._generic_patterns(tokenize)
        if self.forces is not None:
            patterns += _force_patterns(self.forces, tokenize)
        return patterns

    def phrase_patterns(self) -> list[dict[str, Any]]:
        """The fast form of the ruler's patterns: every alias and generic noun as a phrase pattern (matched on
        LOWER). Case-sensitive aliases and single-word generic nouns then over-match ("is", "military" as an
        adjective): :func:`frontlines.actors.ruler.refine_entities` drops those and adds '<demonym> <force noun>'
        phrases, which a phrase pattern cannot express."""
        patterns: list[dict[str, Any]] = []
        for actor in self.by_id.values():
            if actor.id in self.generated:
                continue
            names = (
                self.generic_nouns.get(actor.id, ())
                if actor.id.startswith(GENERIC_PREFIX)
                else (actor.name, *actor.aliases)
            )
            for name in dict.fromkeys(names):
                patterns.append({"label": ACTOR_LABEL, "pattern": name.lstrip("="), "id": actor.id})
        return patterns

    def matches_in_case(self, surface: str, actor_id: str) -> bool:
        """Whether a phrase-matched surface really is one of the actor's names in the case the dictionary
        demands ("IS" is the Islamic State, "is" is not)."""
        if actor_id in self._case_aliases.get(case_key(surface), ()):
            return True
        if self._case_generic.get(case_key(surface)) == actor_id:
            return True
        key = normalize(surface)
        return actor_id in self._aliases.get(key, ()) or self._generic.get(key) == actor_id

    def force_grammar(self, tokenize: Tokenize | None = None) -> ForceGrammar | None:
        """Demonym, modifier and head-noun sets for finding '<demonym> [modifiers] <force noun>' in tokens."""
        if self.forces is None:
            return None
        return ForceGrammar.from_table(self.forces, tokenize)

    def _alias_patterns(self, tokenize: Tokenize) -> list[dict[str, Any]]:
        patterns: list[dict[str, Any]] = []
        for actor in self.by_id.values():
            if actor.id.startswith(GENERIC_PREFIX) or actor.id in self.generated:
                continue
            for alias in dict.fromkeys((actor.name, *actor.aliases)):
                if is_case_sensitive(alias):
                    tokens = tokenize(alias.lstrip("="))
                    patterns.append({"label": ACTOR_LABEL, "pattern": [{"ORTH": t} for t in tokens], "id": actor.id})
                else:
                    patterns.append({"label": ACTOR_LABEL, "pattern": alias, "id": actor.id})
        return patterns

    def _generic_patterns(self, tokenize: Tokenize) -> list[dict[str, Any]]:
        """Multi-word generic nouns are phrases; single words are token patterns that must be nouns ("the
        military", not "military operations"). Exact-value token attributes only: the Matcher checks those in C,
        while ``IN`` sets cost a Python call per token."""
        patterns: list[dict[str, Any]] = []
        for actor_id, nouns in self.generic_nouns.items():
            for noun in nouns:
                tokens = tokenize(noun.lstrip("="))
                if is_case_sensitive(noun):
                    patterns.append({"label": ACTOR_LABEL, "pattern": [{"ORTH": t} for t in tokens], "id": actor_id})
                elif len(tokens) > 1:
                    patterns.append({"label": ACTOR_LABEL, "pattern": noun, "id": actor_id})
                else:
                    for pos in ("NOUN", "PROPN"):
                        token = {"LOWER": tokens[0].lower(), "POS": pos}
                        patterns.append({"label": ACTOR_LABEL, "pattern": [token], "id": actor_id})
        return patterns


def _force_patterns(forces: ForceTable, tokenize: Tokenize) -> list[dict[str, Any]]:
    """'<demonym|country>['s] [modifier]* <force noun>' token patterns, one per branch and demonym form. Each
    starts with an exact-value token, so the Matcher's Python-level set checks run only after a demonym."""
    heads: dict[tuple[tuple[str, str], ...], None] = {}
    for variants in forces.countries.values():
        for variant in variants:
            attr = "ORTH" if is_case_sensitive(variant) else "LOWER"
            tokens = tokenize(variant)
            heads[tuple((attr, t if attr == "ORTH" else t.lower()) for t in tokens)] = None
    mods = sorted({m.lower() for m in forces.modifiers})
    tails: dict[str, list[dict[str, Any]]] = {
        "military": [{"LOWER": {"IN": sorted({n.lower() for n in forces.nouns["military"]})}}],
        "government": [{"LOWER": {"IN": sorted({n.lower() for n in forces.nouns["government"]})}}],
        "police": [
            {"LOWER": {"IN": sorted({n.lower() for n in forces.nouns["police"]})}},
            {"LOWER": {"IN": sorted({n.lower() for n in forces.nouns.get("police_tail", ())})}, "OP": "?"},
        ],
    }
    possessive = {"LOWER": {"IN": ["'s", "\u2019s"]}, "OP": "?"}
    modifier = {"LOWER": {"IN": mods}, "OP": "*"}
    patterns = []
    for branch, tail in tails.items():
        for head in heads:
            first: list[dict[str, Any]] = [{attr: value} for attr, value in head]
            pattern = [*first, possessive, modifier, *tail]
            patterns.append({"label": ACTOR_LABEL, "pattern": pattern, "id": f"forces:{branch}"})
    return patterns


def _append(index: dict[str, list[str]], key: str, actor_id: str) -> None:
    if not key:
        return
    owners = index.setdefault(key, [])
    if actor_id not in owners:
        owners.append(actor_id)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in words)


# --- loading ------------------------------------------------------------------------------------------------


def _read_json(name: str) -> Any:
    return json.loads(resources.files("frontlines.actors").joinpath("data", name).read_text(encoding="utf-8"))


def build_dictionary(actors_data: Mapping[str, Any], forces_data: Mapping[str, Any] | None) -> ActorDictionary:
    """An ActorDictionary from the parsed JSON of actors.json and forces.json."""
    actors: list[Actor] = []
    forces = _forces_from_data(forces_data) if forces_data is not None else None
    if forces is not None:
        actors += _force_actors(forces)
    for group in actors_data["groups"]:
        actors += [_actor_from_entry(entry, group) for entry in group["actors"]]
    generic_actors, generic_nouns = _generic_actors(actors_data["generic"])
    non_actors = [name for key, names in actors_data["non_actors"].items() if not key.startswith("_") for name in names]
    return ActorDictionary(
        actors=[*actors, *generic_actors],
        generic=generic_nouns,
        forces=forces,
        ambiguous=actors_data.get("ambiguous_aliases", {}).get("aliases", ()),
        non_actors=non_actors,
    )


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The dictionary shipped with frontlines, loaded once."""
    return build_dictionary(_read_json("actors.json"), _read_json("forces.json"))


def lookup(name: str, *, country: str = "") -> Actor | None:
    """Resolve a surface form with the default dictionary."""
    return default_dictionary().lookup(name, country=country)


def ruler_patterns(tokenize: Tokenize | None = None) -> list[dict[str, Any]]:
    """EntityRuler patterns of the default dictionary."""
    return default_dictionary().ruler_patterns(tokenize)
