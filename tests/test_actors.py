"""The actor dictionary: lookup of aliases, acronyms, demonym forces, generic nouns; normalization; patterns."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontlines.actors import default_dictionary, lookup
from frontlines.actors.dictionary import ForceGrammar, build_dictionary
from frontlines.actors.normalize import case_key, is_case_sensitive, normalize, singular_variants
from frontlines.model import ActorKind, VictimCategory, category_of


@pytest.mark.parametrize(
    ("surfaces", "actor_id"),
    [
        (
            [
                "ISIS",
                "ISIL",
                "Daesh",
                "Islamic State",
                "the Islamic State",
                "IS",
                "Islamic State of Iraq and the Levant",
                "I.S.I.S.",
                "Da'esh",
                "DAESH",
            ],
            "islamic-state",
        ),
        (["al-Qaeda", "Al Qaida", "al-Qa'ida", "AL-QAEDA"], "al-qaeda"),
        (["al-Shabaab", "Al Shabab", "al-Shabab militants", "the Shabaab"], "al-shabaab"),
        (["Houthis", "Houthi", "Ansar Allah", "Ansarullah", "Houthi rebels"], "houthis"),
        (["Hayat Tahrir al-Sham", "HTS", "Hay'at Tahrir al-Sham"], "hts"),
        (["Jabhat al-Nusra", "Nusra Front", "al-Nusra Front"], "al-nusra"),
        (["Syrian Democratic Forces", "SDF", "the SDF", "Kurdish-led SDF"], "sdf"),
        (["YPG", "People's Protection Units", "Peoples Protection Units", "YPG militia"], "ypg"),
        (["Hezbollah", "Hizbollah", "Hizbullah", "Hizballah"], "hezbollah"),
        (["Tehrik-i-Taliban Pakistan", "TTP", "Pakistani Taliban", "Tehreek e Taliban Pakistan"], "ttp"),
        (["Lashkar-e-Taiba", "LeT", "Lashkar-e-Toiba"], "lashkar-e-taiba"),
        (
            ["CPI (Maoist)", "CPI-Maoist", "Communist Party of India Maoist", "Maoists", "Naxalites", "Naxals"],
            "cpi-maoist",
        ),
        (["ULFA-I", "ULFA-Independent"], "ulfa-i"),
        (["ISWAP", "Islamic State West Africa Province"], "iswap"),
        (["Boko Haram", "JAS"], "boko-haram"),
        (["Rapid Support Forces", "RSF", "Janjaweed"], "rsf"),
        (["M23", "M23 rebels", "March 23 Movement"], "m23"),
        (["Wagner", "Wagner Group", "PMC Wagner"], "wagner-group"),
        (["New People's Army", "NPA"], "npa"),
        (["Jalisco New Generation Cartel", "CJNG", "Cártel Jalisco Nueva Generación"], "cjng"),
        (["ELN", "Ejército de Liberación Nacional"], "eln"),
        (["AMISOM", "ATMIS", "African Union Mission in Somalia"], "amisom"),
        (["US-led coalition", "U.S.-led coalition", "Operation Inherent Resolve"], "us-led-coalition"),
    ],
)
def test_variants_resolve_to_one_actor(surfaces: list[str], actor_id: str) -> None:
    for surface in surfaces:
        actor = lookup(surface)
        assert actor is not None and actor.id == actor_id, surface


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("ypg", "sdf"),
        ("ypj", "sdf"),
        ("iswap", "islamic-state"),
        ("iskp", "islamic-state"),
        ("aqap", "al-qaeda"),
        ("jnim", "al-qaeda"),
        ("al-shabaab", "al-qaeda"),
        ("ulfa-i", "ulfa"),
        ("qassam-brigades", "hamas"),
        ("haqqani-network", "taliban"),
        ("nscn-im", "nscn"),
        ("the-resistance-front", "lashkar-e-taiba"),
    ],
)
def test_parent_relations(child: str, parent: str) -> None:
    actor = default_dictionary().get(child)
    assert actor is not None and actor.parent == parent


@pytest.mark.parametrize(
    ("surface", "actor_id", "country"),
    [
        ("the Iraqi army", "iq-military", "IQ"),
        ("American elite troops", "us-military", "US"),
        ("U.S. troops", "us-military", "US"),
        ("Syrian regime forces", "sy-military", "SY"),
        ("Syrian government forces", "sy-military", "SY"),
        ("Indian Army", "in-military", "IN"),
        ("Pakistan's army", "pk-military", "PK"),
        ("Nigerian troops", "ng-military", "NG"),
        ("Burkinabe soldiers", "bf-military", "BF"),
        ("South Sudanese soldiers", "ss-military", "SS"),
        ("Iraqi police officers", "iq-police", "IQ"),
        ("Mexican police", "mx-police", "MX"),
        ("Russian warplanes", "ru-military", "RU"),
        ("the Iraqi government", "iq-government", "IQ"),
    ],
)
def test_demonym_forces(surface: str, actor_id: str, country: str) -> None:
    actor = lookup(surface)
    assert actor is not None and (actor.id, actor.country) == (actor_id, country)
    assert actor.kind in (ActorKind.STATE_FORCES, ActorKind.GOVERNMENT)


@pytest.mark.parametrize(
    ("surface", "kind", "category"),
    [
        ("police", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("policemen", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("cops", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("soldiers", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("security forces", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("SFs", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("jawans", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("border guards", ActorKind.STATE_FORCES, VictimCategory.SECURITY),
        ("militants", ActorKind.REBEL_GROUP, VictimCategory.PERPETRATORS),
        ("gunmen", ActorKind.REBEL_GROUP, VictimCategory.PERPETRATORS),
        ("insurgents", ActorKind.REBEL_GROUP, VictimCategory.PERPETRATORS),
        ("unidentified assailants", ActorKind.REBEL_GROUP, VictimCategory.PERPETRATORS),
        ("jihadists", ActorKind.REBEL_GROUP, VictimCategory.PERPETRATORS),
        ("protesters", ActorKind.PROTESTERS, VictimCategory.CIVILIANS),
        ("demonstrators", ActorKind.PROTESTERS, VictimCategory.CIVILIANS),
        ("rioters", ActorKind.RIOTERS, VictimCategory.UNKNOWN),
        ("mob", ActorKind.RIOTERS, VictimCategory.UNKNOWN),
        ("civilians", ActorKind.CIVILIANS, VictimCategory.CIVILIANS),
        ("villagers", ActorKind.CIVILIANS, VictimCategory.CIVILIANS),
        ("children", ActorKind.CIVILIANS, VictimCategory.CIVILIANS),
        ("farmers", ActorKind.CIVILIANS, VictimCategory.CIVILIANS),
    ],
)
def test_generic_nouns(surface: str, kind: ActorKind, category: VictimCategory) -> None:
    actor = lookup(surface)
    assert actor is not None and actor.id.startswith("generic:")
    assert actor.kind == kind and category_of(actor) == category


@pytest.mark.parametrize("surface", ["is", "Iraqi", "Iraqis", "", "   ", "let", "the weather", "Reuters", "AFP"])
def test_non_actors_do_not_resolve(surface: str) -> None:
    assert lookup(surface) is None


@pytest.mark.parametrize("surface", ["Reuters", "AFP", "Associated Press", "BBC", "Al Jazeera", "Dawn", "The Hindu"])
def test_media_outlets_are_non_actors(surface: str) -> None:
    assert default_dictionary().is_non_actor(surface)


def test_ambiguous_alias_follows_country() -> None:
    dictionary = default_dictionary()
    somali, syrian = dictionary.lookup("SNA", country="SO"), dictionary.lookup("SNA", country="SY")
    assert somali is not None and somali.id == "somali-national-army"
    assert syrian is not None and syrian.id == "syrian-national-army"


def test_country_words() -> None:
    dictionary = default_dictionary()
    assert [dictionary.country_of_word(w) for w in ("Iraqi", "the U.S.", "Syria's", "Kurdish")] == [
        "IQ",
        "US",
        "SY",
        "",
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Al-Qa'ida", "al qaida"),
        ("U.S.-led coalition", "us led coalition"),
        ("Séléka", "seleka"),
        ("People’s Protection Units", "peoples protection units"),
        ("  ISIS  ", "isis"),
    ],
)
def test_normalize(name: str, key: str) -> None:
    assert normalize(name) == key


@given(st.text(max_size=40))
def test_normalize_is_idempotent_and_safe(text: str) -> None:
    key = normalize(text)
    assert normalize(key) == key
    assert key == key.strip() and "  " not in key


@given(st.text(max_size=30))
def test_lookup_never_raises(text: str) -> None:
    actor = lookup(text)
    assert actor is None or actor.id


def test_case_rules() -> None:
    assert is_case_sensitive("IS") and is_case_sensitive("LeT") and is_case_sensitive("=Levies")
    assert not is_case_sensitive("Daesh") and not is_case_sensitive("Islamic State")
    assert case_key("the U.S.") == "US"
    assert "militant" in singular_variants("militants") and "militia" in singular_variants("militias")


def test_ruler_patterns_carry_actor_ids() -> None:
    patterns = default_dictionary().ruler_patterns()
    assert all(p["label"] == "ACTOR" for p in patterns)
    by_text = {p["pattern"]: p["id"] for p in patterns if isinstance(p["pattern"], str)}
    assert by_text["Islamic State"] == "islamic-state" and by_text["Daesh"] == "islamic-state"
    token_ids = {p["id"] for p in patterns if isinstance(p["pattern"], list)}
    assert {"islamic-state", "forces:military", "forces:police", "generic:militants"} <= token_ids
    is_pattern = next(p for p in patterns if p["pattern"] == [{"ORTH": "IS"}])
    assert is_pattern["id"] == "islamic-state"


def test_phrase_patterns_cover_every_alias_once() -> None:
    dictionary = default_dictionary()
    patterns = dictionary.phrase_patterns()
    assert all(isinstance(p["pattern"], str) and p["pattern"] for p in patterns)
    ids = {p["id"] for p in patterns}
    assert "islamic-state" in ids and "generic:police" in ids and "iq-military" not in ids


def test_force_grammar_sets() -> None:
    grammar = default_dictionary().force_grammar()
    assert isinstance(grammar, ForceGrammar)
    assert grammar.nouns["troops"] == "military" and grammar.nouns["policemen"] == "police"
    assert "US" in grammar.case_sensitive and ("iraqi",) in grammar.heads["iraqi"]


def test_small_dictionary_from_data() -> None:
    data = {
        "groups": [
            {
                "_comment": "t",
                "kind": "rebel_group",
                "actors": [
                    {"id": "red-hand", "name": "Red Hand Front", "aliases": ["RHF", "Red Hand"]},
                    {"id": "red-hand-youth", "name": "Red Hand Youth", "parent": "red-hand", "aliases": ["RHY"]},
                ],
            }
        ],
        "generic": {
            "_comment": "g",
            "actors": [{"id": "generic:x", "name": "X", "kind": "civilians", "nouns": ["herders"]}],
        },
        "non_actors": {"media": ["Daily Bugle"]},
    }
    dictionary = build_dictionary(data, None)
    found = dictionary.lookup("the Red Hand fighters")
    assert found is not None and found.id == "red-hand"
    assert dictionary.lookup("rhf") is None and dictionary.lookup("RHY").parent == "red-hand"  # type: ignore[union-attr]
    assert dictionary.lookup("herder").id == "generic:x"  # type: ignore[union-attr]
    assert dictionary.is_non_actor("the Daily Bugle")


def test_full_ruler_patterns_work_in_a_plain_entity_ruler() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    patterns = default_dictionary().ruler_patterns(lambda text: [t.text for t in nlp.make_doc(text)])
    # A blank pipeline has no tagger: leave out the generic-noun patterns that demand a noun.
    untagged = [p for p in patterns if isinstance(p["pattern"], str) or not any("POS" in t for t in p["pattern"])]
    ruler.add_patterns(untagged)
    sdoc = nlp("What is left of IS fought American elite troops and Daesh lost to the Iraqi army.")
    ents = {(ent.text, ent.ent_id_) for ent in sdoc.ents}
    assert ("IS", "islamic-state") in ents and ("Daesh", "islamic-state") in ents
    assert ("American elite troops", "forces:military") in ents and ("Iraqi army", "forces:military") in ents
    assert not any(ent.text == "is" for ent in sdoc.ents)
