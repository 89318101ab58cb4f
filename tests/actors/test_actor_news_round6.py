"""Wrong actors found on news-like text the project wrote (issue 3, round 6), each class on sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger, code

pytestmark = pytest.mark.model


def codes(side: list[dict[str, Any]]) -> list[str]:
    return [a["code"] for a in side]


# -- a country inside the name of a sea, gulf or foreign region is a place, not a party ------------------------


@pytest.mark.parametrize(
    ("text", "word", "not_code"),
    [
        (
            "Iranian commandos seized a tanker in the Gulf of Oman on Monday, accusing it of smuggling fuel.",
            "accusing",
            "OMN",
        ),
        (
            "Chinese vessels rammed a supply boat in the South China Sea, and Manila condemned it.",
            "condemned",
            "CHN",
        ),
        ("Gunmen attacked a bank in New Mexico and police chased them.", "attacked", "MEX"),
    ],
)
def test_a_country_inside_a_place_name_is_not_a_party(pipe: Any, text: str, word: str, not_code: str) -> None:
    e = by_trigger(code(pipe, text), text, word)
    assert not_code not in codes(e["actor"]) + codes(e["recipient"]), (e["actor"], e["recipient"])


def test_a_region_of_the_same_country_still_names_it(pipe: Any) -> None:
    text = "Israeli troops began an invasion of South Lebanon on Tuesday."
    e = by_trigger(code(pipe, text), text, "invasion")
    assert codes(e["recipient"]) == ["LBN"], e["recipient"]


def test_a_region_of_another_country_is_that_country(pipe: Any) -> None:
    text = "London banned the largest loyalist paramilitary group in Northern Ireland on Monday."
    e = by_trigger(code(pipe, text), text, "banned")
    assert all(a["country"] != "IRL" for a in e["recipient"]), e["recipient"]


# -- a body the knowledge base does not know, owned by one it does, is that one's -------------------------------


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Hezbollah's Radwan Force fired rockets at northern Israel on Sunday.", "fired", "LBNREB"),
        ("The US Navy's Seventh Fleet sent two destroyers to the Taiwan Strait.", "sent", "USAMIL"),
    ],
)
def test_an_unknown_body_of_a_known_party_is_that_party(pipe: Any, text: str, word: str, actor: str) -> None:
    e = by_trigger(code(pipe, text), text, word)
    assert codes(e["actor"]) == [actor], e["actor"]
    assert e["actor"][0]["start"] == 0 or text[e["actor"][0]["start"] :].startswith("US Navy")


def test_an_unknown_body_of_a_state_is_the_country_not_its_government(pipe: Any) -> None:
    text = "Police in Tunis arrested three members of Tunisia's Ennahda Movement on Monday."
    e = by_trigger(code(pipe, text), text, "arrested")
    assert [(a["code"], a["sector"]) for a in e["recipient"]] == [("TUN", None)], e["recipient"]


# -- a person the KB does not know keeps the country the words give, for later pronouns too ----------------------


def test_his_government_is_the_unknown_persons_country(pipe: Any) -> None:
    text = (
        "Ghana's Interior Minister Kwame Asante condemned the raid and said his government would ask the "
        "African Union to investigate."
    )
    e = by_trigger(code(pipe, text), text, "ask")
    assert [a["country"] for a in e["actor"]] == ["GHA"], e["actor"]


def test_he_is_the_unknown_persons_country(pipe: Any) -> None:
    text = "Malawian Defence Minister Peter Banda visited Lusaka on Monday. He signed a border security pact with Zambia."
    e = by_trigger(code(pipe, text), text, "signed")
    assert [a["country"] for a in e["actor"]] == ["MWI"], e["actor"]


# -- "its" in a clause whose subject is the actor is the actor's own, not a party named sentences before -----------


def test_its_own_troops_take_no_distant_organisation(pipe: Any) -> None:
    text = (
        "Guyana asked the African Union to intervene. Brazil, which borders both countries, reinforced its troops "
        "along the northern frontier."
    )
    e = by_trigger(code(pipe, text), text, "reinforced")
    assert all(a["kind"] != "igo" for a in e["recipient"]), e["recipient"]


def test_its_can_still_be_the_other_party_of_the_sentence(pipe: Any) -> None:
    text = "Ankara supported Somalia and would train its army."
    e = by_trigger(code(pipe, text), text, "train")
    assert [a["country"] for a in e["recipient"]] == ["SOM"], e["recipient"]


def test_people_from_a_region_of_a_country_are_of_that_country(pipe: Any) -> None:
    text = "Refugees from Mali's Timbuktu region protested in Niamey on Tuesday."
    e = by_trigger(code(pipe, text), text, "protested")
    assert [a["country"] for a in e["actor"]] == ["MLI"], e["actor"]
