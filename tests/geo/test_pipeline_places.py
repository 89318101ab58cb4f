"""The coder's event place, enriched by the gazetteer, on sentences written for these tests and on the seed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tieline.geo import Geocoder, enrich, load_geocoder
from tieline.model import Event, Location

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return load_geocoder()


def _place(e: Event, gc: Geocoder) -> Location | None:
    if e.location is None:
        return None
    ctx = [a.country for a in (*e.actor, *e.recipient) if a.country]
    return enrich(e.location, gc, ctx)


def _places(pipe: Any, gc: Geocoder, text: str, event: str) -> list[Location]:
    out = [_place(e, gc) for e in pipe.code(text, date="2024-01-24") if e.event == event]
    return [p for p in out if p is not None]


def test_an_attack_at_sea_has_no_country(pipe: Any, gc: Geocoder) -> None:
    [loc] = _places(pipe, gc, "Houthi rebels attacked a cargo ship in the Red Sea on Tuesday.", "ASSAULT")
    assert (loc.name, loc.kind, loc.country, loc.precision) == ("Red Sea", "sea", None, "sea")
    assert loc.lat is not None and loc.lon is not None


def test_a_meeting_in_a_city(pipe: Any, gc: Geocoder) -> None:
    [loc] = _places(pipe, gc, "Kenyan and Somali defence ministers met in Mombasa on Monday.", "CONSULT")
    assert (loc.text, loc.country, loc.precision) == ("Mombasa", "KEN", "city")


def test_paris_for_american_and_japanese_officials_is_in_france(pipe: Any, gc: Geocoder) -> None:
    [loc] = _places(pipe, gc, "American and Japanese officials met in Paris on Friday.", "CONSULT")
    assert loc.country == "FRA"


@pytest.mark.shared
def test_seed_article_places(shared: Path, pipe: Any, gc: Geocoder) -> None:
    from tieline.ingest import read_paths

    [article] = list(
        read_paths([shared / "seed" / "000_89a71c71ea64b755.txt"], default_date=dt.date(2024, 1, 24))
    )
    places = {(e.event, p.text): p for e in pipe.code(article) if (p := _place(e, gc)) is not None}
    pentagon = places[("CONSULT", "the Pentagon")]
    assert (pentagon.country, pentagon.precision) == ("USA", "exact") and pentagon.lat is not None
    nairobi = places[("ASSAULT", "Nairobi")]
    assert (nairobi.country, nairobi.precision) == ("KEN", "city")
    # "security efforts in the Red Sea": the mention resolves to a sea with no country
    i = article.text.index("the Red Sea")
    red = gc.resolve(article.text[i : i + 11], context_countries=["KEN", "USA"])
    assert red is not None and (red.kind, red.country, red.precision) == ("sea", None, "sea")


def test_a_town_the_parser_tags_as_an_organisation_is_still_the_place(pipe: Any, gc: Geocoder) -> None:
    """The small model tags "Mandera" ORG here; the gazetteer holds a town of exactly that name, so the arrest
    is placed there (and not at the dateline's city)."""
    text = "NAIROBI, March 3 (Reuters) - Kenyan police arrested 12 suspected al-Shabaab militants in Mandera."
    [loc] = _places(pipe, gc, text, "COERCE")
    assert (loc.name, loc.country, loc.kind) == ("Mandera", "KEN", "city")


def test_a_proper_name_is_a_place_only_under_its_own_name(pipe: Any, gc: Geocoder) -> None:
    """The gazetteer finds "Turabah" for "Ramadan" (an alternate name) and "Hamm" for "Hamas" (a near spelling);
    neither is taken as the place of an act."""
    assert gc.resolve("Ramadan") is not None  # the premise: the gazetteer alone would place these
    text = "NAIROBI, March 3 (Reuters) - Kenyan police arrested 12 suspected militants in Ramadan."
    [loc] = _places(pipe, gc, text, "COERCE")
    assert loc.name == "Nairobi"  # the dateline, not a town called Ramadan


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the model tags "Garissa" PERSON here: "the town of" says it is a place
        (
            "A roadside bombing near the town of Garissa on Sunday killed one U.S. soldier, the army said.",
            "Garissa",
        ),
        (
            "A roadside bombing near the town of Marka on Sunday killed one U.S. soldier, the army said.",
            "Marka",
        ),
    ],
)
def test_an_act_done_by_an_attack_takes_the_attack_s_place(
    pipe: Any, gc: Geocoder, text: str, place: str
) -> None:
    """The killing is where the bombing that did it was, not in the country the victims' adjective names."""
    locs = _places(pipe, gc, text, "ASSAULT")
    assert locs and {p.name for p in locs} == {place}
