"""Place resolution: ambiguous names, context, qualifiers, country names, seas, bases, unknown places."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tieline.errors import DataFileError
from tieline.geo import Geocoder, Place, load_geocoder, place_key
from tieline.geo.gazetteer import _data_dir


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return load_geocoder()


def _where(p: Place | None) -> tuple[str | None, str | None, str | None]:
    assert p is not None
    return p.name, p.country, p.kind


# -- ambiguous names and context -------------------------------------------------------------------


def test_paris_is_france_without_context_and_even_with_only_the_us_in_context(gc: Geocoder) -> None:
    assert _where(gc.resolve("Paris"))[1] == "FRA"
    # a capital of two million outweighs a Texan town of twenty-five thousand
    assert _where(gc.resolve("Paris", context_countries=["USA"]))[1] == "FRA"


def test_paris_texas_by_qualifier(gc: Geocoder) -> None:
    p = gc.resolve("Paris, Texas")
    assert p is not None and p.country == "USA" and p.kind == "city"
    assert 33 < p.lat < 34.5 and -96 < p.lon < -95


def test_tripoli_follows_context(gc: Geocoder) -> None:
    assert _where(gc.resolve("Tripoli"))[1] == "LBY"
    assert _where(gc.resolve("Tripoli", context_countries=["LBN"]))[1] == "LBN"
    assert _where(gc.resolve("Tripoli", context_countries=["LBY", "LBN"]))[1] == "LBY"


def test_hyderabad_follows_context(gc: Geocoder) -> None:
    assert _where(gc.resolve("Hyderabad"))[1] == "IND"
    assert _where(gc.resolve("Hyderabad", context_countries=["PAK"]))[1] == "PAK"


def test_georgia_is_the_country_unless_the_article_is_about_the_united_states(gc: Geocoder) -> None:
    assert _where(gc.resolve("Georgia")) == ("Georgia", "GEO", "country")
    state = gc.resolve("Georgia", context_countries=["USA"])
    assert (
        state is not None
        and state.country == "USA"
        and state.kind == "region"
        and state.precision == "region"
    )
    # both in context: the country name stays the country
    assert _where(gc.resolve("Georgia", context_countries=["USA", "GEO"]))[2] == "country"


def test_washington_and_new_york_alone_are_the_cities(gc: Geocoder) -> None:
    w = gc.resolve("Washington")
    assert w is not None and w.kind == "city" and abs(w.lat - 38.9) < 0.2
    ny = gc.resolve("New York")
    assert ny is not None and ny.kind == "city" and ny.country == "USA"
    assert _where(gc.resolve("Washington state"))[2] == "region"


# -- country names never become buildings or cities --------------------------------------------------


@pytest.mark.parametrize("name", ["Jordan", "Kuwait", "Djibouti", "Singapore", "Mexico", "Lebanon", "Panama"])
def test_country_names_are_countries(gc: Geocoder, name: str) -> None:
    p = gc.resolve(name, context_countries=["USA"])
    assert p is not None and p.kind == "country" and p.precision == "country"


def test_a_curated_building_may_not_take_a_country_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(_data_dir(), data)
    bases = data / "bases.yaml"
    bases.write_text(
        bases.read_text() + "- {name: Jordan, kind: facility, country: JOR, lat: 31.9, lon: 35.9}\n"
    )
    with pytest.raises(DataFileError, match=r"bases.yaml: entry Jordan: .*country name"):
        Geocoder.load(data, min_city_population=None)


# -- seas, straits, bases, regions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["the Red Sea", "Bab el-Mandeb", "Gulf of Aden", "Strait of Hormuz", "South China Sea", "Baltic Sea"],
)
def test_international_waters_have_no_country(gc: Geocoder, name: str) -> None:
    p = gc.resolve(name)
    assert p is not None and p.country is None and p.precision == "sea"
    assert p.kind in ("sea", "strait", "gulf")


def test_sea_of_azov_and_taiwan_strait(gc: Geocoder) -> None:
    assert _where(gc.resolve("Sea of Azov")) == ("Sea of Azov", None, "sea")
    assert _where(gc.resolve("the Taiwan Strait")) == ("Taiwan Strait", None, "strait")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("the Pentagon", "USA"),
        ("Camp Lemonnier", "DJI"),
        ("Incirlik", "TUR"),
        ("Ramstein Air Base", "DEU"),
        ("Al Udeid", "QAT"),
        ("Diego Garcia", "IOT"),
        ("Guantanamo Bay", "CUB"),
        ("Manda Bay", "KEN"),
    ],
)
def test_bases_and_installations_are_exact(gc: Geocoder, name: str, country: str) -> None:
    p = gc.resolve(name)
    assert p is not None and p.country == country and p.precision == "exact"
    assert p.kind in ("base", "facility")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Donbas", "UKR"),
        ("Crimea", "UKR"),
        ("the Gaza Strip", "PSE"),
        ("the West Bank", "PSE"),
        ("Golan Heights", "SYR"),
        ("Nagorno-Karabakh", "AZE"),
        ("Tigray", "ETH"),
        ("Cabo Delgado", "MOZ"),
        ("North Kivu", "COD"),
        ("Kashmir", None),
        ("the Sahel", None),
    ],
)
def test_conflict_regions(gc: Geocoder, name: str, country: str | None) -> None:
    p = gc.resolve(name)
    assert p is not None and p.country == country and p.precision == "region"


# -- clean-up of the name ---------------------------------------------------------------------------------


def test_place_type_phrases_and_demonyms(gc: Geocoder) -> None:
    assert _where(gc.resolve("the city of Mosul"))[1] == "IRQ"
    p = gc.resolve("the government-held Syrian town of Qardaha")
    assert p is None or p.country == "SYR"
    assert _where(gc.resolve("the Iraqi city of Basra"))[1] == "IRQ"
    assert _where(gc.resolve("Anbar province")) == ("Anbar", "IRQ", "region")


def test_compass_words_are_dropped_only_when_the_whole_name_is_unknown(gc: Geocoder) -> None:
    assert _where(gc.resolve("northern Iraq")) == ("Iraq", "IRQ", "country")
    assert _where(gc.resolve("Northern Ireland"))[1] == "GBR"
    assert _where(gc.resolve("South Sudan"))[1] == "SSD"


def test_transliterations(gc: Geocoder) -> None:
    for name in ("Raqqa", "Raqqah", "Ar Raqqah", "al-Raqqa"):
        p = gc.resolve(name)
        assert p is not None and p.country == "SYR" and p.kind == "city", name
    assert _where(gc.resolve("Kiev"))[1] == "UKR"


def test_qualifier_falls_back_to_the_qualifier(gc: Geocoder) -> None:
    # a town the gazetteer does not list, in a state it does
    p = gc.resolve("Smallville Junction, Kansas")
    assert p is not None and p.name == "Kansas" and p.precision == "region"


# -- unknown places ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Zorblatville", "the city", "here", "", "   ", "the area", "a hospital"])
def test_unknown_names_are_none(gc: Geocoder, name: str) -> None:
    assert gc.resolve(name) is None


def test_place_key() -> None:
    assert place_key("the Gaza Strip") == "gaza strip"
    assert place_key("Ţarţūs") == "tartus"
    assert place_key("Bab el-Mandeb") == "bab el mandeb"
    assert place_key("Kenya's") == "kenya"


def test_place_to_dict_omits_a_missing_geonames_id(gc: Geocoder) -> None:
    sea = gc.resolve("Red Sea")
    assert sea is not None and "geonames_id" not in sea.to_dict()
    city = gc.resolve("Nairobi")
    assert city is not None and city.to_dict()["geonames_id"] == city.geonames_id


# -- data file checks ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- {name: Nowhere Sea, kind: lake, country: null, lat: 1, lon: 1}", "'kind' must be one of"),
        ("- {name: Nowhere Base, kind: base, country: null, lat: 1, lon: 1}", "a base needs a country"),
        ("- {name: Nowhere Sea, kind: sea, country: XXX, lat: 1, lon: 1}", "unknown country 'XXX'"),
        ("- {name: Nowhere Sea, kind: sea, country: null, lat: 100, lon: 1}", "'lat' and 'lon'"),
        ("- {name: Nowhere Sea, kind: sea, lat: 1, lon: 1}", "'country' is required"),
        (
            "- {name: Black Sea Two, aliases: [Black Sea], kind: sea, country: null, lat: 1, lon: 1}",
            "also an alias",
        ),
    ],
)
def test_bad_entries_are_reported_with_file_and_entry(tmp_path: Path, line: str, message: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(_data_dir(), data)
    waters = data / "waters.yaml"
    waters.write_text(waters.read_text() + line + "\n")
    with pytest.raises(DataFileError, match=f"waters.yaml: entry .*{message}"):
        Geocoder.load(data, min_city_population=None)


def test_missing_version_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(_data_dir(), data)
    regions = data / "regions.yaml"
    regions.write_text(regions.read_text().replace("version: 1\n", ""))
    with pytest.raises(DataFileError, match=r"regions.yaml: missing top-level .version."):
        Geocoder.load(data, min_city_population=None)


def test_every_data_file_has_a_version_and_the_layers_are_big_enough(gc: Geocoder) -> None:
    assert all("@" in part for part in gc.version.split("+"))
    import yaml

    def count(fname: str, kinds: set[str]) -> int:
        raw = yaml.safe_load((_data_dir() / fname).read_text())
        return sum(1 for e in raw["places"] if e["kind"] in kinds)

    assert count("bases.yaml", {"base", "facility"}) >= 60
    assert count("regions.yaml", {"region", "city"}) >= 60
    assert count("waters.yaml", {"sea", "strait", "gulf"}) >= 40
