"""Tests of frontlines.geo: name keys, the in-memory gazetteer, geoparse, locate_event and the metrics."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontlines.geo import InMemoryGazetteer, geoparse, locate_event, loose_key, name_key
from frontlines.geo.metrics import haversine_km, location_scores, places_scores
from frontlines.geo.normalize import split_region_suffix
from frontlines.model import Document, Place, PlaceMention, Span

# A small world: homonyms on two continents, a governorate named after its city, a town inside it.
PLACES = [
    Place(1, "Paris", 48.8534, 2.3488, "FR", "Ile-de-France", "Paris", "P", "PPLC", 2_138_551),
    Place(2, "Paris", 33.6609, -95.5555, "US", "Texas", "Lamar County", "P", "PPL", 24_782),
    Place(3, "Lamar County", 33.66, -95.57, "US", "Texas", "Lamar County", "A", "ADM2", 49_000, 2),
    Place(4, "Texas", 31.25, -99.25, "US", "Texas", "", "A", "ADM1", 25_000_000, 3),
    Place(5, "Alexandria", 31.2018, 29.9158, "EG", "Alexandria", "", "P", "PPL", 3_811_516),
    Place(6, "Alexandria", 31.3113, -92.4451, "US", "Louisiana", "Rapides Parish", "P", "PPL", 47_723),
    Place(7, "Rapides Parish", 31.1669, -92.4835, "US", "Louisiana", "Rapides Parish", "A", "ADM2", 130_000, 2),
    Place(8, "Deir ez-Zor", 35.3359, 40.1408, "SY", "Deir ez-Zor", "", "P", "PPL", 271_800),
    Place(9, "Deir ez-Zor", 35.0, 40.0, "SY", "Deir ez-Zor", "", "A", "ADM1", 447_000, 3),
    Place(10, "Hajin", 34.6937, 40.8313, "SY", "Deir ez-Zor", "", "P", "PPL", 29_237),
    Place(11, "Beirut", 33.8933, 35.5016, "LB", "Beyrouth", "", "P", "PPLC", 1_916_100),
    Place(12, "Washington", 38.8951, -77.0364, "US", "Washington, D.C.", "", "P", "PPLC", 601_723),
    Place(13, "Iraq", 33.0, 44.0, "IQ", "", "", "A", "PCLI", 29_671_605, 3),
    Place(14, "Syria", 35.0, 38.0, "SY", "", "", "A", "PCLI", 22_198_110, 3),
    Place(15, "United States", 39.76, -98.5, "US", "", "", "A", "PCLI", 310_232_863, 3),
    Place(16, "Egypt", 27.0, 30.0, "EG", "", "", "A", "PCLI", 80_471_869, 3),
    Place(17, "Louisiana", 31.0, -92.0, "US", "Louisiana", "", "A", "ADM1", 4_500_000, 3),
    Place(18, "France", 46.0, 2.0, "FR", "", "", "A", "PCLI", 64_768_389, 3),
]
ALIASES = {8: ["Dayr az Zawr", "Deir al-Zour"], 10: ["Hajeen"], 15: ["U.S.", "America"]}


@pytest.fixture(scope="module")
def gazetteer() -> InMemoryGazetteer:
    return InMemoryGazetteer(PLACES, ALIASES)


# --- name keys ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "DEIR EZ-ZOR", "Deïr ez Zor"]
)
def test_transliteration_variants_share_the_loose_key(variant: str) -> None:
    assert loose_key(variant) == loose_key("Deir ez-Zor") != ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("al-Bab", "Al Bab"),
        ("el-Bab", "Bab"),
        ("Ar-Raqqah", "Raqqa"),
        ("Ma'arrat", "Maarrat"),
        ("Ma’arrat", "Maarat"),
        ("Hamah", "Hama"),
        ("Douma", "Duma"),
        ("São Paulo", "Sao Paulo"),
    ],
)
def test_strict_key_meets_common_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Paris", "Perm"), ("Hama", "Homs"), ("Aleppo", "Idlib")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Idlib governorate", ("Idlib", "governorate")),
        ("Hama countryside", ("Hama", "countryside")),
        ("Rapides Parish", ("Rapides", "parish")),
        ("Aleppo", ("Aleppo", "")),
    ],
)
def test_split_region_suffix(text: str, expected: tuple[str, str]) -> None:
    assert split_region_suffix(text) == expected


_NAMES = st.text(alphabet=string.ascii_letters + " -'.éüçÅø’", max_size=40)


@given(_NAMES)
def test_name_key_is_plain_lower_ascii(name: str) -> None:
    key = name_key(name)
    assert set(key) <= set(string.ascii_lowercase + string.digits + " ")
    assert "  " not in key and key == key.strip()


@given(st.text(alphabet=string.ascii_letters + " -", max_size=30))
def test_name_key_ignores_case(name: str) -> None:
    assert name_key(name.upper()) == name_key(name.lower())


# --- the in-memory gazetteer -------------------------------------------------------------------------------------


def test_gazetteer_finds_places_by_alias_and_variant(gazetteer: InMemoryGazetteer) -> None:
    assert {p.geonameid for p in gazetteer.candidates("Deir ez-Zor")} == {8, 9}
    assert [m.how for m in gazetteer.matches("Dayr az Zawr")] == ["alt"]
    assert {p.geonameid for p in gazetteer.candidates("Deir Ezzor")} == {8, 9}  # the fused article is dropped
    loose = gazetteer.matches("Dair Azzour")  # meets the names by the loose key only
    assert {m.place.geonameid for m in loose} == {8, 9} and {m.how for m in loose} == {"loose"}
    assert {p.geonameid for p in gazetteer.candidates("PARIS")} == {1, 2}
    assert gazetteer.candidates("Atlantis") == []
    assert gazetteer.get(10) == PLACES[9]
    assert gazetteer.country("SY") == PLACES[13]


# --- geoparse ----------------------------------------------------------------------------------------------------


def _doc(text: str) -> Document:
    from frontlines.nlp.model import load_spacy

    doc = Document(raw=text, text=text)
    doc.nlp = load_spacy()(text)
    return doc


def _resolved(text: str, gazetteer: InMemoryGazetteer) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    doc = _doc(text)
    for mention in geoparse(doc, gazetteer):
        assert doc.text[mention.span.start : mention.span.end] == mention.span.text
        out.setdefault(mention.span.text, []).append(mention.place.geonameid)
    return out


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The mayor of Paris met French ministers to discuss the Olympics.", "Paris", 1),
        ("A tornado hit Paris, Texas, on Tuesday, damaging homes across Lamar County.", "Paris", 2),
        ("Officials in Alexandria said the Egyptian port reopened after the storm.", "Alexandria", 5),
        ("An Alexandria woman was charged after a fire, Rapides Parish deputies said.", "Alexandria", 6),
        ("Clashes erupted in Hajin, Deir ez-Zor, on Sunday.", "Deir ez-Zor", 9),
        ("Clashes erupted in Deir al-Zour on Sunday.", "Deir al-Zour", 8),
        ("Airstrikes hit Idlib and Deir ez-Zor province overnight.", "Deir ez-Zor", 9),
    ],
)
def test_geoparse_disambiguates_by_context(text: str, name: str, expected: int, gazetteer: InMemoryGazetteer) -> None:
    assert _resolved(text, gazetteer)[name][0] == expected


@pytest.mark.model
def test_geoparse_resolves_demonyms_and_short_forms(gazetteer: InMemoryGazetteer) -> None:
    resolved = _resolved("Syrian troops and U.S. advisers met near the Iraqi border.", gazetteer)
    assert resolved["Syrian"] == [14]
    assert resolved["U.S."] == [15]
    doc = _doc("Syrian troops advanced.")
    assert geoparse(doc, gazetteer, demonyms=False) == []


# --- locate_event ------------------------------------------------------------------------------------------------


def _locate(text: str, gazetteer: InMemoryGazetteer, trigger_word: str | None = None) -> PlaceMention | None:
    doc = _doc(text)
    places = geoparse(doc, gazetteer)
    sentence = next(s for s in doc.nlp.sents if trigger_word is None or trigger_word in s.text)
    sent_span = Span(sentence.start_char, sentence.end_char, sentence.text)
    trigger = None
    if trigger_word is not None:
        at = text.index(trigger_word)
        trigger = Span(at, at + len(trigger_word), trigger_word)
    return locate_event(doc, places, sent_span, trigger)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "place", "precision"),
    [
        ("BEIRUT (Reuters) - Fighters attacked Hajin on Sunday.", "attacked", 10, 1),
        ("BEIRUT, Aug 3 - Militants shelled Hajin overnight.", "shelled", 10, 1),
        ("Fighters attacked positions near Hajin, a monitor said in Beirut.", "attacked", 10, 2),
        ("A spokesman said in Washington that a drone struck Hajin.", "struck", 10, 1),
        ("Rebels attacked Hajin, 30 km from the border with Iraq.", "attacked", 10, 1),
        ("Gunmen attacked a checkpoint in the outskirts of Hajin.", "attacked", 10, 2),
        ("Shelling hit the Deir ez-Zor countryside.", "Shelling", 8, 2),
        ("Airstrikes hit Deir ez-Zor province.", "Airstrikes", 9, 3),
        # the area named only to locate a smaller place before it is not the event's place
        ("Shells hit Hajin town in the eastern countryside of Deir ez-Zor.", "Shells", 10, 1),
        ("Clashes erupted in Hajin, Deir ez-Zor.", "Clashes", 10, 1),
        # the object of an attack verb beats a vaguer countryside mention
        ("Warplanes targeted Hajin and clashes in the countryside of Deir ez-Zor.", "targeted", 10, 1),
        # a possessive area locates the place after it; a capital standing for its government is no place
        ("A car bomb exploded in Syria's Hajin on Monday.", "exploded", 10, 1),
    ],
)
def test_locate_event_picks_the_event_place(
    text: str, trigger: str, place: int | None, precision: int | None, gazetteer: InMemoryGazetteer
) -> None:
    found = _locate(text, gazetteer, trigger)
    got = (found.place.geonameid, found.place.precision) if found is not None else (None, None)
    assert got == (place, precision)


def test_container_pattern_needs_a_locating_phrase() -> None:
    from frontlines.geo.locate import _CONTAINER_BETWEEN

    for between in (", ", " in ", " town in the southern countryside of ", " village, eastern ", " city in northern "):
        assert _CONTAINER_BETWEEN.match(between), between
    for between in (" and ", " to ", " after clashes in ", " from the "):
        assert not _CONTAINER_BETWEEN.match(between), between


@pytest.mark.model
def test_locate_event_falls_back_to_an_earlier_sentence(gazetteer: InMemoryGazetteer) -> None:
    found = _locate("Fighting resumed in Hajin on Monday. Two civilians were killed.", gazetteer, "killed")
    assert found is not None and found.place.geonameid == 10


@pytest.mark.model
def test_locate_event_without_any_place_returns_none(gazetteer: InMemoryGazetteer) -> None:
    assert _locate("Two civilians were killed on Monday.", gazetteer, "killed") is None


# --- metrics -----------------------------------------------------------------------------------------------------


def _mention(start: int, end: int, place: Place) -> PlaceMention:
    return PlaceMention(Span(start, end, "x" * (end - start)), place)


def test_haversine_is_about_right() -> None:
    assert haversine_km(48.8534, 2.3488, 51.5085, -0.1257) == pytest.approx(343.5, abs=2)
    assert haversine_km(10, 10, 10, 10) == 0


def test_places_scores() -> None:
    gold = {
        "gold": {
            "places": [
                {"start": 0, "end": 5, "text": "Paris", "lat": 33.66, "lon": -95.56},
                {"start": 10, "end": 15, "text": "Texas", "lat": 31.0, "lon": -100.0},
                {"start": 20, "end": 25, "text": "Tyler", "lat": 32.35, "lon": -95.3},
            ]
        }
    }
    system = [_mention(0, 5, PLACES[0]), _mention(10, 15, PLACES[3])]  # Paris wrong (France), Texas right
    scores = places_scores([(gold, system)])
    assert scores["n"] == 3
    assert scores["places_recognized"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["places_acc161_e2e"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["places_acc161_found"] == pytest.approx(0.5)
    assert scores["places_median_err_km"] > 161


def test_location_scores() -> None:
    gold = {"locations": [{"name": "Hajin", "lat": 34.69, "lon": 40.83}, {"name": "Beirut", "lat": 33.9, "lon": 35.5}]}
    scores = location_scores([(gold, [PLACES[9], PLACES[0]]), ({"locations": []}, [])])
    assert scores == {
        "loc_recall_25km": 0.5,
        "loc_precision_25km": 0.5,
        "loc_median_err_km": pytest.approx(0.4),
        "n": 2,
    }


# --- resolver scores ---------------------------------------------------------------------------------------------


def test_a_town_of_unknown_size_is_not_scored_as_empty() -> None:
    from frontlines.geo.gazetteer import Match
    from frontlines.geo.recognize import Toponym
    from frontlines.geo.resolve import prior

    unknown = Place(30, "Ariha", 35.81, 36.61, "SY", "Idlib", "", "P", "PPL", 0)
    hamlet = Place(31, "Ariha", 10.0, 10.0, "XX", "", "", "P", "PPL", 3)
    toponym = Toponym(Span(0, 5, "Ariha"), ())
    assert prior(Match(unknown, "name"), toponym, frozenset()) > prior(Match(hamlet, "name"), toponym, frozenset())


def test_a_county_named_elsewhere_in_the_document_favours_its_towns() -> None:
    from frontlines.geo.gazetteer import Match
    from frontlines.geo.recognize import Toponym
    from frontlines.geo.resolve import _candidate_score, _DocContext

    toponym = Toponym(Span(0, 5, "Paris"), (Match(PLACES[0], "name"), Match(PLACES[1], "name")))
    plain = _DocContext(votes={}, admin={}, container=None, contained=None)
    named = _DocContext(votes={}, admin={}, container=None, contained=None, names=frozenset({name_key("Lamar County")}))
    gain_us = _candidate_score(toponym.matches[1], 0.0, toponym, named) - _candidate_score(
        toponym.matches[1], 0.0, toponym, plain
    )
    gain_fr = _candidate_score(toponym.matches[0], 0.0, toponym, named) - _candidate_score(
        toponym.matches[0], 0.0, toponym, plain
    )
    assert gain_us > 0 == gain_fr


def test_index_stores_one_entry_bare_and_several_as_a_tuple() -> None:
    from frontlines.geo.gazetteer import build_index

    exact, loose = build_index([(0, "Hajin", False), (1, "Paris", False), (2, "Paris", False), (2, "Lutetia", True)])
    assert exact[name_key("Hajin")] == 0 << 1
    assert exact[name_key("Paris")] == (1 << 1, 2 << 1)
    assert exact[name_key("Lutetia")] == 2 << 1 | 1
    assert isinstance(loose[loose_key("Paris")], tuple)


# --- one event per place -------------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "chosen", "others"),
    [
        ("Clashes erupted in Hajin and Beirut.", "Hajin", [11]),
        ("Shells hit the cities of Hajin, Beirut and Alexandria.", "Hajin", [11, 5]),
        ("Clashes in Hajin city and in the countryside of Beirut.", "Hajin", [11]),
        # an area named to locate the town before it is no second place
        ("Clashes erupted in Hajin, Deir ez-Zor.", "Hajin", []),
        ("Clashes erupted in Hajin after a raid on Beirut.", "Hajin", []),
    ],
)
def test_coordinated_places(text: str, chosen: str, others: list[int], gazetteer: InMemoryGazetteer) -> None:
    from frontlines.geo import coordinated_places

    doc = _doc(text)
    places = geoparse(doc, gazetteer)
    mention = next(m for m in places if m.span.text == chosen)
    found = coordinated_places(doc, places, mention, Span.of(text, 0, len(text)))
    assert [m.place.geonameid for m in found] == others


@pytest.mark.model
def test_a_named_area_is_a_place_with_its_own_precision() -> None:
    area = Place(40, "Eastern Ghouta", 33.55, 36.42, "SY", "", "", "L", "AREA", 0, 2)
    town = Place(41, "Ghouta", 10.0, 10.0, "XX", "", "", "P", "PPL", 800)
    small = InMemoryGazetteer([area, town], {40: ["Ghouta"]})
    doc = _doc("Warplanes struck the Eastern Ghouta on Monday.")
    (mention,) = geoparse(doc, small)
    assert mention.place.geonameid == 40 and mention.place.precision == 2


@pytest.mark.model
def test_a_province_named_after_its_capital_is_placed_at_the_capital(gazetteer: InMemoryGazetteer) -> None:
    (province,) = [m for m in geoparse(_doc("Shelling hit Deir ez-Zor province."), gazetteer)]
    assert (province.place.geonameid, province.place.precision) == (9, 3)
    assert (province.place.lat, province.place.lon) == (PLACES[7].lat, PLACES[7].lon)
    (state,) = [m for m in geoparse(_doc("Flooding hit Louisiana."), gazetteer)]
    assert (state.place.lat, state.place.lon) == (PLACES[16].lat, PLACES[16].lon)  # no town of that name: its middle


def test_a_place_inside_an_actor_name_is_not_the_event_place() -> None:
    from frontlines.model import Actor, ActorKind

    text = "Fighters of the Hajin Military Council attacked a checkpoint."
    doc = Document(raw=text, text=text)
    places = [PlaceMention(Span.of(text, 16, 21), PLACES[9])]
    sentence, trigger = Span.of(text, 0, len(text)), Span.of(text, 39, 47)
    found = locate_event(doc, places, sentence, trigger)
    assert found is not None and found.place.geonameid == 10
    doc.actors = [(Span.of(text, 16, 38), Actor("council", "Hajin Military Council", ActorKind.REBEL_GROUP))]
    assert locate_event(doc, places, sentence, trigger) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kelo, Marun and Tessit counties reported fires overnight.", ["Kelo", "Marun", "Tessit"]),
        ("Police said James Tauber of Marun was driving the truck.", ["Marun"]),
        ("Man held after robbery. TESSIT — A man was arrested on Monday.", ["TESSIT"]),
        # without such a cue a small town's name is no place: it may be anyone's or anything's name
        ("Tessit said the council would meet on Monday.", []),
    ],
)
def test_cues_that_make_a_small_town_name_a_place(text: str, names: list[str]) -> None:
    towns = [Place(50 + i, name, 10.0 + i, 10.0, "XX", "North", "", "P", "PPL", 900) for i, name in
             enumerate(["Kelo", "Marun", "Tessit"])]  # fmt: skip
    found = geoparse(_doc(text), InMemoryGazetteer(towns))
    assert [m.span.text for m in found] == names


def test_a_capital_standing_for_its_government_is_no_event_place() -> None:
    text = "Officials said Beirut-backed fighters attacked a checkpoint."
    doc = Document(raw=text, text=text)
    places = [PlaceMention(Span.of(text, 15, 21), PLACES[10])]
    assert locate_event(doc, places, Span.of(text, 0, len(text)), Span.of(text, 38, 46)) is None
