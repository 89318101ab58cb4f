"""Event places: enriching the coder's Location, the dateline fallback, the article's main place, GeoJSON."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tieline.geo import Geocoder, article_place, dateline_place, enrich, events_to_geojson, load_geocoder
from tieline.model import Article, Location, Mention


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return load_geocoder()


def _loc(text: str, *, name: str | None = None, kind: str = "gpe", country: str | None = None) -> Location:
    return Location(text, 10, 10 + len(text), name or text, kind, country, precision="unknown")


# -- enrich ------------------------------------------------------------------------------------------------


def test_enrich_a_seat_of_power(gc: Geocoder) -> None:
    loc = enrich(_loc("the Pentagon", name="Pentagon", kind="facility", country="USA"), gc)
    assert (loc.country, loc.precision, loc.kind) == ("USA", "exact", "facility")
    assert (
        loc.lat is not None
        and abs(loc.lat - 38.87) < 0.05
        and loc.lon is not None
        and abs(loc.lon + 77.06) < 0.05
    )
    # the offsets and text of the mention are kept
    assert (loc.text, loc.start, loc.end) == ("the Pentagon", 10, 22)


def test_enrich_a_capital_and_a_sea(gc: Geocoder) -> None:
    nairobi = enrich(_loc("Nairobi", kind="city", country="KEN"), gc)
    assert (nairobi.country, nairobi.precision) == ("KEN", "city") and nairobi.geonames_id is not None
    sea = enrich(_loc("the Red Sea", kind="loc"), gc, ["USA", "KEN"])
    assert (sea.name, sea.kind, sea.country, sea.precision) == ("Red Sea", "sea", None, "sea")
    assert sea.lat is not None and "geonames_id" not in sea.to_dict()


def test_enrich_keeps_an_unknown_place_without_coordinates(gc: Geocoder) -> None:
    loc = _loc("Qorvenna Ridge", kind="loc")
    out = enrich(loc, gc, ["SOM"])
    assert out == loc and out.lat is None and out.precision == "unknown"


def test_enrich_uses_the_coders_country_to_choose(gc: Geocoder) -> None:
    # the knowledge base said this Tripoli is Lebanese (say, from "Lebanon's Tripoli")
    loc = enrich(_loc("Tripoli", kind="city", country="LBN"), gc)
    assert loc.country == "LBN"
    assert enrich(_loc("Tripoli"), gc, ["LBY"]).country == "LBY"


def test_enrich_never_turns_a_country_into_a_city(gc: Geocoder) -> None:
    loc = enrich(_loc("Djibouti", kind="country", country="DJI"), gc, ["USA"])
    assert (loc.kind, loc.precision, loc.country) == ("country", "country", "DJI")


def test_enrich_georgia_in_an_american_story(gc: Geocoder) -> None:
    us = enrich(_loc("Georgia", kind="country", country="GEO"), gc, ["USA"])
    assert (us.country, us.kind) == ("USA", "region")
    caucasus = enrich(_loc("Georgia", kind="country", country="GEO"), gc, ["RUS"])
    assert (caucasus.country, caucasus.kind) == ("GEO", "country")


# -- dateline -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_text", "country", "precision"),
    [
        (
            "NAIROBI, March 4 (Reuters) - Kenyan police arrested three men on Monday.",
            "NAIROBI",
            "KEN",
            "city",
        ),
        (
            "Drone strikes hit the port\nKYIV, Ukraine (AP) — Russian drones struck the port.",
            "KYIV",
            "UKR",
            "city",
        ),
        ("WASHINGTON — The defence secretary met his counterpart.", "WASHINGTON", "USA", "city"),
        ("PARIS, Texas, Jan 3 - Police in the small town said.", "PARIS", "USA", "city"),
        ("PORT SUDAN, Sudan, March 3 — The army said it repelled an attack.", "PORT SUDAN", "SDN", "city"),
    ],
)
def test_dateline(gc: Geocoder, text: str, place_text: str, country: str, precision: str) -> None:
    a = Article.create(text)
    loc = dateline_place(a, gc)
    assert loc is not None
    assert a.text[loc.start : loc.end] == loc.text == place_text
    assert (loc.country, loc.precision) == (country, precision)


def test_paris_dateline_is_france_without_a_qualifier(gc: Geocoder) -> None:
    loc = dateline_place(Article.create("PARIS, May 2 (AFP) - Ministers met on Friday."), gc)
    assert loc is not None and loc.country == "FRA"


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Somalia signed a defence pact on Tuesday.",
        "BREAKING: ministers meet in Brussels",
        "NATO allies met in Brussels. ZORBLAT, March 4 - unknown dateline.",
        "",
    ],
)
def test_no_dateline(gc: Geocoder, text: str) -> None:
    assert dateline_place(Article.create(text or " "), gc) is None


def test_dateline_beyond_the_opening_is_ignored(gc: Geocoder) -> None:
    text = "Opening paragraph about talks. " * 20 + "\nNAIROBI, March 4 - late."
    assert dateline_place(Article.create(text), gc) is None


# -- the article's main place -----------------------------------------------------------------------------------


def test_article_place_prefers_the_dateline_then_the_most_named_place(gc: Geocoder) -> None:
    text = "Officials met in Mombasa. Later, Mombasa port security was raised; Nairobi was calm."
    a = Article.create(text)
    a.mentions = [
        Mention(17, 24, "Mombasa", "GPE"),
        Mention(33, 40, "Mombasa", "GPE"),
        Mention(68, 75, "Nairobi", "GPE"),
    ]
    loc = article_place(a, gc)
    assert loc is not None and (loc.name, loc.start, loc.country) == ("Mombasa", 17, "KEN")
    with_dateline = Article.create("NAIROBI, June 1 - " + text)
    assert (p := article_place(with_dateline, gc)) is not None and p.name == "Nairobi"
    assert article_place(Article.create("No places at all."), gc) is None


# -- GeoJSON ---------------------------------------------------------------------------------------------------------


def _event(eid: str, location: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": eid,
        "article_id": "a1",
        "date": "2024-01-24",
        "event": "CONSULT",
        "cameo": "040",
        "quad": 1,
        "actor": [{"code": "USAGOV"}],
        "recipient": [{"code": "KENGOV"}],
        "location": location,
    }


def test_events_to_geojson(gc: Geocoder) -> None:
    pentagon = enrich(_loc("the Pentagon", name="Pentagon", kind="facility", country="USA"), gc).to_dict()
    unknown = _loc("Qorvenna Ridge").to_dict()
    fc = events_to_geojson([_event("e1", pentagon), _event("e2", unknown), _event("e3", None)])
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    [f] = fc["features"]
    lon, lat = f["geometry"]["coordinates"]
    assert f["geometry"]["type"] == "Point" and (lon, lat) == (pentagon["lon"], pentagon["lat"])
    props = f["properties"]
    assert props["id"] == "e1" and props["actor"] == ["USAGOV"] and props["recipient"] == ["KENGOV"]
    assert (props["location"], props["precision"], props["cameo"], props["date"]) == (
        "the Pentagon",
        "exact",
        "040",
        "2024-01-24",
    )
    json.dumps(fc)  # serialisable


def test_events_to_geojson_empty() -> None:
    assert events_to_geojson([]) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("DUBAI, June 22 (Reuters) — Iran's parliament backed a proposal.", "Iran's parliament"),
        ("NAIROBI, March 4 (AP) - Kenya said on Monday", "Kenya said"),
        ("WASHINGTON — The Pentagon said", "The Pentagon"),
        ("GAZA CITY/CAIRO, Jan 5 -- Israel struck", "Israel struck"),
        ("Headline of the story\nKYIV, Ukraine (AP) -- Russia fired", "Russia fired"),
    ],
)
def test_dateline_end_is_where_the_story_starts(text: str, story: str) -> None:
    from tieline.geo import dateline_end

    end = dateline_end(text)
    assert end is not None and text[end:].startswith(story)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya, Somalia and Ethiopia signed a pact - the first in years.",
        "BREAKING - troops crossed the border",
        "The KENYAN army said on Monday",
        "PARIS, the French capital, hosted the talks. Later - much later - they met",
    ],
)
def test_no_dateline_no_cut(text: str) -> None:
    from tieline.geo import dateline_end

    assert dateline_end(text) is None


@pytest.mark.model
def test_a_dateline_is_not_the_first_sentence_s_subject(pipe: Any) -> None:
    text = "DUBAI, June 22 (Reuters) — Iran's parliament backed a proposal to close the Strait of Hormuz."
    import datetime as dt

    (art,) = list(pipe.process([Article(id="dl", text=text, date=dt.date(2025, 6, 22))]))
    backed = [e for e in art.events if e.evidence.trigger["text"] == "backed"]
    assert backed and [a.code for a in backed[0].actor] == ["IRNLEG"]
    assert art.sentences[0].end <= text.index("Iran")
