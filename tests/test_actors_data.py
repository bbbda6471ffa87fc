"""Validation of the shipped actor dictionary files (actors.json, forces.json)."""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest

from frontlines.actors.dictionary import BRANCHES, default_dictionary, force_actor_id
from frontlines.actors.normalize import is_case_sensitive, normalize
from frontlines.model import ActorKind

# Codes in use that are not (yet) ISO 3166-1 alpha-2 but are common in conflict data.
EXTRA_COUNTRY_CODES = {"XK"}


def _data(name: str) -> dict:
    return json.loads(resources.files("frontlines.actors").joinpath("data", name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def actors_data() -> dict:
    return _data("actors.json")


@pytest.fixture(scope="module")
def forces_data() -> dict:
    return _data("forces.json")


def _entries(actors_data: dict) -> list[tuple[dict, dict]]:
    return [(entry, group) for group in actors_data["groups"] for entry in group["actors"]]


def test_every_group_has_a_comment(actors_data: dict) -> None:
    assert all(group.get("_comment") for group in actors_data["groups"])
    assert actors_data["generic"]["_comment"]
    assert actors_data["non_actors"]["_comment"]


def test_ids_are_unique_slugs(actors_data: dict) -> None:
    ids = [entry["id"] for entry, _ in _entries(actors_data)] + [g["id"] for g in actors_data["generic"]["actors"]]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    for actor_id in ids:
        assert actor_id == actor_id.lower() and " " not in actor_id, actor_id


def test_generated_force_ids_do_not_clash_with_curated_ids(actors_data: dict, forces_data: dict) -> None:
    generated = {force_actor_id(code, b) for code in forces_data["countries"] if code != "_comment" for b in BRANCHES}
    curated = {entry["id"] for entry, _ in _entries(actors_data)}
    assert not generated & curated


def test_kinds_are_valid(actors_data: dict) -> None:
    valid = {kind.value for kind in ActorKind}
    for entry, group in _entries(actors_data):
        assert entry.get("kind", group.get("kind")) in valid, entry["id"]
    for entry in actors_data["generic"]["actors"]:
        assert entry["kind"] in valid and entry["id"].startswith("generic:")


def test_countries_are_iso2(actors_data: dict, forces_data: dict) -> None:
    codes = [entry.get("country", group.get("country", "")) for entry, group in _entries(actors_data)]
    codes += [code for code in forces_data["countries"] if code != "_comment"]
    for code in filter(None, codes):
        assert code in EXTRA_COUNTRY_CODES or pycountry.countries.get(alpha_2=code) is not None, code


def test_parents_exist_and_have_no_cycles() -> None:
    dictionary = default_dictionary()
    for actor in dictionary.by_id.values():
        seen = {actor.id}
        parent = actor.parent
        while parent:
            assert parent in dictionary, f"{actor.id}: unknown parent {parent}"
            assert parent not in seen, f"cycle through {actor.id}"
            seen.add(parent)
            parent = dictionary.by_id[parent].parent


def test_no_alias_names_two_actors_unless_declared_ambiguous() -> None:
    dictionary = default_dictionary()
    clashes = {
        key: owners
        for key, owners in dictionary.alias_owners().items()
        if len(owners) > 1 and key.split(":", 1)[1].lower() not in dictionary.ambiguous
    }
    assert not clashes


def test_declared_ambiguous_aliases_really_are_shared() -> None:
    dictionary = default_dictionary()
    owners = dictionary.alias_owners()
    for key in dictionary.ambiguous:
        shared = [ids for k, ids in owners.items() if k.split(":", 1)[1].lower() == key]
        assert shared and max(len(ids) for ids in shared) > 1, key


def test_generic_nouns_are_not_also_named_aliases(actors_data: dict) -> None:
    dictionary = default_dictionary()
    named = {k.split(":", 1)[1] for k in dictionary.alias_owners() if k.startswith("ci:")}
    for entry in actors_data["generic"]["actors"]:
        for noun in entry["nouns"]:
            if not is_case_sensitive(noun):
                assert normalize(noun) not in named, (entry["id"], noun)


def test_non_actors_are_not_actor_aliases(actors_data: dict) -> None:
    dictionary = default_dictionary()
    for group, names in actors_data["non_actors"].items():
        if group.startswith("_"):
            continue
        for name in names:
            actor = dictionary.lookup(name)
            assert actor is None or actor.id.startswith("generic:"), (name, actor)
