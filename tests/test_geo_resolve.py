"""Tests of frontlines.geo.resolve on an invented world: toponyms are built by hand (no spaCy), so each test shows
which piece of document context moves a pick."""

from __future__ import annotations

import re

import pytest

from frontlines.geo import InMemoryGazetteer
from frontlines.geo.recognize import Toponym
from frontlines.geo.resolve import _by_name, _group_key, _nearness, resolve
from frontlines.model import Place, Span

# States Aldora (Brookfield, Fenwick) and Belmark (Harlow, Dunmore) of country XX, a foreign capital Corvale (YY)
# with namesakes in both states, a state named like a small Aldora town, a state named after its main town
# (Olmsted), a county name in both states, a foreign town in a district of its own name, and towns of one name in
# several places.
PLACES = [
    Place(101, "Corvale", 50.0, 10.0, "YY", "Capital Region", "Corvale", "P", "PPLC", 1_200_000),
    Place(102, "Corvale", 40.0, -90.0, "XX", "Aldora", "Kent County", "P", "PPL", 40_000),
    Place(103, "Corvale", 35.0, -80.0, "XX", "Belmark", "Ross County", "P", "PPL", 50_000),
    Place(104, "Brookfield", 40.3, -90.2, "XX", "Aldora", "Kent County", "P", "PPL", 8_000),
    Place(105, "Fenwick", 39.8, -89.7, "XX", "Aldora", "Kent County", "P", "PPL", 6_000),
    Place(106, "Harlow", 35.2, -80.3, "XX", "Belmark", "Ross County", "P", "PPL", 7_000),
    Place(107, "Dunmore", 34.8, -79.8, "XX", "Belmark", "Ross County", "P", "PPL", 5_000),
    Place(108, "Aldora", 40.0, -90.0, "XX", "Aldora", "", "A", "ADM1", 6_000_000, 3),
    Place(109, "Belmark", 35.0, -80.0, "XX", "Belmark", "", "A", "ADM1", 9_000_000, 3),
    Place(110, "Belmark", 41.6, -88.4, "XX", "Aldora", "Lee County", "P", "PPL", 3_000),
    Place(111, "Kent County", 40.0, -90.0, "XX", "Aldora", "Kent County", "A", "ADM2", 60_000, 2),
    Place(112, "Kent County", 35.5, -80.5, "XX", "Belmark", "Kent County", "A", "ADM2", 90_000, 2),
    Place(113, "Harlow", 35.4, -80.6, "XX", "Belmark", "Kent County", "P", "PPL", 2_000),
    Place(114, "Harlow", 40.2, -90.3, "XX", "Aldora", "Kent County", "P", "PPL", 30_000),
    Place(115, "Tamsin", 60.0, 20.0, "ZZ", "Northland", "Tamsin", "P", "PPL", 3_000),
    Place(116, "Tamsin", 40.4, -90.4, "XX", "Aldora", "Kent County", "P", "PPL", 4_000),
    Place(118, "Olmsted", 45.0, -100.0, "XX", "Olmsted", "Olmsted County", "P", "PPL", 21_000),
    Place(119, "Olmsted County", 45.0, -100.0, "XX", "Olmsted", "Olmsted County", "A", "ADM2", 40_000, 2),
    Place(120, "Olmsted", 45.0, -100.0, "XX", "Olmsted", "", "A", "ADM1", 900_000, 3),
    Place(121, "Haverly", 40.25, -90.1, "XX", "Aldora", "Kent County", "P", "PPL", 3_000),
    Place(122, "Haverly", 30.0, -85.0, "XX", "Corlan", "Pike County", "P", "PPL", 60_000),
    Place(123, "Corlan", 30.0, -85.0, "XX", "Corlan", "", "A", "ADM1", 3_000_000, 3),
    Place(124, "Haverly", 43.5, -94.0, "XX", "Aldora", "Lee County", "P", "PPL", 8_000),
    Place(125, "Quarry", 41.0, -91.5, "XX", "Aldora", "Kent County", "P", "PPL", 2_000),
    Place(126, "Quarry", 33.0, -83.0, "XX", "Belmark", "Ross County", "P", "PPL", 20_000),
]
ALIASES = {101: ["Corvale City"], 111: ["Kent"], 112: ["Kent"], 119: ["Olmsted"]}


@pytest.fixture(scope="module")
def gazetteer() -> InMemoryGazetteer:
    return InMemoryGazetteer(PLACES, ALIASES)


def _toponyms(
    text: str, names: list[str], gazetteer: InMemoryGazetteer, suffixes: dict[str, str] | None = None
) -> list[Toponym]:
    """One toponym per whole-word occurrence of each name (longest names first, no overlaps), in text order, with
    the gazetteer's candidates."""
    found: list[Toponym] = []
    for name in sorted(names, key=len, reverse=True):
        for hit in re.finditer(rf"\b{re.escape(name)}\b", text):
            if any(t.span.start < hit.end() and hit.start() < t.span.end for t in found):
                continue
            span = Span(hit.start(), hit.end(), name)
            found.append(Toponym(span, tuple(gazetteer.matches(name)), "GPE", (suffixes or {}).get(name, "")))
    return sorted(found, key=lambda t: t.span.start)


def _picks(text: str, names: list[str], gazetteer: InMemoryGazetteer, **kw: dict[str, str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for mention in resolve(_toponyms(text, names, gazetteer, **kw), text, gazetteer):
        out.setdefault(mention.span.text, []).append(mention.place.geonameid)
    return out


# --- name grouping and vote damping --------------------------------------------------------------------------------


def test_a_city_suffix_names_the_same_place() -> None:
    assert _group_key("Corvale City") == _group_key("Corvale") == _group_key("CORVALE")
    assert _group_key("City") == "city"  # a bare generic word stays itself


def test_repeated_mentions_weigh_less_than_as_many_names() -> None:
    votes = _by_name(["a", "a", "a", "a", "b"], [{"XA": 1.0}] * 4 + [{"XB": 1.0}])
    assert votes["a"] == {"XA": pytest.approx(2.0)}  # four mentions vote like two names
    assert votes["b"] == {"XB": pytest.approx(1.0)}


def test_a_name_written_with_city_does_not_vouch_for_the_bare_name(gazetteer: InMemoryGazetteer) -> None:
    # "Corvale City Council" and "Corvale" are one name: the council's name, which the capital also bears, is no
    # evidence that the bare name is the capital
    text = "Corvale City Council met on Monday. Corvale residents asked about roads in Harlow."
    picks = _picks(text, ["Corvale City", "Corvale", "Harlow"], gazetteer)
    assert picks["Corvale"] in ([102], [103])


# --- admin areas ----------------------------------------------------------------------------------------------------


def test_a_state_by_its_own_name_is_not_read_as_a_local_namesake(gazetteer: InMemoryGazetteer) -> None:
    # the story is about Aldora towns, one of which is called Belmark: a bare "Belmark" is still the state
    text = "Brookfield and Fenwick officials will meet Harlow leaders, then travel to Belmark for talks."
    assert _picks(text, ["Brookfield", "Fenwick", "Harlow", "Belmark"], gazetteer)["Belmark"] == [109]


def test_an_area_named_after_its_town_is_not_lifted_above_it(gazetteer: InMemoryGazetteer) -> None:
    # Olmsted state is named after its main town: in a story about Belmark towns the bare name stays the town
    text = "Harlow and Dunmore crews were sent to Olmsted after the storm."
    assert _picks(text, ["Harlow", "Dunmore", "Olmsted"], gazetteer)["Olmsted"] == [118]


def test_an_agency_suffix_does_not_make_a_state_a_county(gazetteer: InMemoryGazetteer) -> None:
    # "the Olmsted Department of Roads": the word after the name is not what "Olmsted County" is
    text = "A spokesman for the Olmsted Department of Roads said Harlow would be repaved."
    picks = _picks(text, ["Olmsted", "Harlow"], gazetteer, suffixes={"Olmsted": "department"})
    assert picks["Olmsted"] != [119]


def test_a_town_is_not_favoured_by_a_county_of_its_own_name(gazetteer: InMemoryGazetteer) -> None:
    # Tamsin (ZZ) lies in a district called Tamsin: naming the town does not name its district as well
    assert _picks("Visitors from Tamsin arrived on Monday.", ["Tamsin"], gazetteer)["Tamsin"] == [116]


def test_a_county_holding_a_named_town_is_preferred(gazetteer: InMemoryGazetteer) -> None:
    # Kent County exists in both states; the story names Quarry, which may be a town of Kent County, Aldora
    text = "Kent County lifted its burn ban on Monday, the Quarry fire chief said."
    assert _picks(text, ["Kent County", "Quarry"], gazetteer)["Kent County"] == [111]


# --- spatial coherence ------------------------------------------------------------------------------------------------


def test_nearness_decays_with_distance_and_weight() -> None:
    here = PLACES[3]  # Brookfield, Aldora
    near, far = PLACES[4], PLACES[5]  # Fenwick (about 70 km), Harlow in Belmark (about 1,000 km)
    assert _nearness(here, ((near, 1.0),)) > _nearness(here, ((near, 0.5),)) > _nearness(here, ((far, 1.0),))
    assert _nearness(here, ((here, 1.0),)) == 0.0  # a place is no anchor for itself
    assert _nearness(here, ((near, 1.0),) * 5) == pytest.approx(2.0)  # capped


def test_an_ambiguous_town_goes_to_the_one_near_the_other_picks(gazetteer: InMemoryGazetteer) -> None:
    # Haverly: a large town in Corlan, two smaller ones in Aldora, of which the smallest is next to Brookfield
    text = "Brookfield police said the Haverly man was arrested near Fenwick."
    assert _picks(text, ["Brookfield", "Haverly", "Fenwick"], gazetteer)["Haverly"] == [121]
    alone = "The Haverly man was arrested on Monday."
    assert _picks(alone, ["Haverly"], gazetteer)["Haverly"] == [122]
