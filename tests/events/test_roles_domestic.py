"""Domestic acts (issue 3, round 3): when an act names no other party, CAMEO/PLOVER/ICEWS code its object as
the actor's own country where the words say so — people of a nationality protesting at home, a state agent
acting on its own unnamed people. Sentences written for the project."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code as events
from coding_kit import of_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Thousands of Kenyans marched through Nairobi on Saturday.", "KEN"),  # place of their country
        ("Young Tunisians began a hunger strike on Monday.", "TUN"),  # no place named
        ("Thousands of Iraqi Kurds rallied on Sunday.", "IRQ"),
    ],
)
def test_people_of_a_nationality_protest_to_their_own_government(pipe: Any, text: str, country: str) -> None:
    e = of_type(events(pipe, text), "PROTEST")[0]
    assert [a["country"] for a in e["recipient"]] == [country]
    assert e["recipient"][0]["sector"] == "GOV"


def test_a_state_side_is_not_its_people(pipe: Any) -> None:
    # "the Iranian side" speaks for Iran: its protest is not addressed to Iran's own government
    for e in events(pipe, "The Iranian side staged a protest on Monday."):
        assert all(a["country"] != "IRN" for a in e["recipient"]), e


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A car bomb near the Afghan city of Kandahar killed four police officers.", "AFG"),
        ("Two soldiers were killed by a roadside bomb outside Mosul on Tuesday.", "IRQ"),
        ("A journalist was killed in a grenade attack in Mogadishu.", "SOM"),
    ],
)
def test_an_attack_named_by_its_weapon_has_an_unidentified_attacker_of_its_place(
    pipe: Any, text: str, country: str
) -> None:
    e = of_type(events(pipe, text), "ASSAULT")[0]
    assert [(a["country"], a["code"][-3:]) for a in e["actor"]] == [(country, "UAF")]


@pytest.mark.parametrize(
    "text",
    [
        "A bomb killed three Kenyan soldiers on Monday.",  # the victims' nationality is no place
        "Al-Shabaab said a car bomb near Mogadishu killed two soldiers.",  # the sentence names an armed group
    ],
)
def test_no_unidentified_attacker_without_a_place_or_beside_a_named_group(pipe: Any, text: str) -> None:
    for e in events(pipe, text):
        assert not any(a["code"].endswith("UAF") for a in e["actor"]), e


@pytest.mark.parametrize(
    ("text", "code", "reciprocal"),
    [
        ("The Kenyan foreign minister telephoned his Ugandan counterpart on Monday.", "041", True),
        ("Ghana negotiated with Togo over the border.", "046", True),
        ("The Kenyan president visited Uganda on Monday.", "042", False),  # a visit keeps its direction
    ],
)
def test_symmetric_acts_are_reciprocal(pipe: Any, text: str, code: str, reciprocal: bool) -> None:
    e = next((e for e in events(pipe, text) if e["cameo"] == code), None)
    assert e is not None, [(x["cameo"], x["actor"], x["recipient"]) for x in events(pipe, text)]
    assert e["actor"] and e["recipient"]
    assert e["reciprocal"] is reciprocal


@pytest.mark.parametrize(
    ("text", "plover", "country"),
    [
        ("Opposition supporters blocked roads in the capital city of Algiers.", "PROTEST", "DZA"),
        ("Taliban fighters exploded a bomb in the capital Kabul.", "ASSAULT", "AFG"),
        ("Hundreds of farmers marched in the northern city of Kano.", "PROTEST", "NGA"),
    ],
)
def test_a_place_named_by_its_kind_is_the_place_of_the_act(
    pipe: Any, text: str, plover: str, country: str
) -> None:
    evs = of_type(events(pipe, text), plover)
    assert any(country in {a["country"] for a in e["recipient"]} for e in evs), evs


def test_a_threat_to_act_in_a_capital_is_aimed_at_its_country(pipe: Any) -> None:
    e = of_type(
        events(
            pipe,
            "President Museveni threatened to institute a curfew in Kampala in response to unrest within the city.",
        ),
        "THREATEN",
    )[0]
    assert [a["country"] for a in e["recipient"]] == ["UGA"]


def test_protesters_calling_off_their_action_concede_to_their_own_government(pipe: Any) -> None:
    e = of_type(
        events(pipe, "The Kenya National Union of Teachers called off a week-long strike."), "CONCEDE"
    )[0]
    assert [(a["country"], a["sector"]) for a in e["recipient"]] == [("KEN", "GOV")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Thai government declared martial law on Tuesday.", "THA"),
        ("Egypt's government said it was ready to impose a state of emergency.", "EGY"),
    ],
)
def test_a_domestic_measure_is_taken_on_the_actors_own_people(pipe: Any, text: str, country: str) -> None:
    evs = events(pipe, text)
    assert any([(a["country"], a["sector"]) for a in e["recipient"]] == [(country, "CVL")] for e in evs), [
        (e["cameo"], e["actor"], e["recipient"]) for e in evs
    ]


def test_a_domestic_measure_in_a_named_place_points_at_the_place(pipe: Any) -> None:
    e = of_type(events(pipe, "Turkish authorities imposed a curfew in the town of Cizre."), "COERCE")[0]
    assert [a["text"] for a in e["recipient"]] == ["the town of Cizre"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Turkish police detained students protesting against the war in Iraq.", "TUR"),
        ("A Moroccan court jailed three journalists who had criticised Algeria.", "MAR"),
    ],
)
def test_a_states_agents_coerce_their_own_unnamed_people(pipe: Any, text: str, country: str) -> None:
    # the sentence names two countries, so only the domestic rule gives the group a country
    e = of_type(events(pipe, text), "COERCE")[0]
    assert [a["country"] for a in e["recipient"]] == [country]


def test_soldiers_acting_on_unnamed_people_are_not_assumed_at_home(pipe: Any) -> None:
    # an army often acts abroad: its victims take no country from it
    e = of_type(
        events(pipe, "Turkish troops detained students protesting against the war in Iraq."), "COERCE"
    )[0]
    assert all(a["country"] != "TUR" for a in e["recipient"]), e["recipient"]


def test_fire_against_a_target_names_its_recipient(pipe: Any) -> None:
    e = of_type(events(pipe, "Syrian troops launched rocket fire against Turkish border posts."), "ASSAULT")[
        0
    ]
    assert [a["country"] for a in e["recipient"]] == ["TUR"]


def test_the_subject_of_a_demands_clause_is_asked_to_act(pipe: Any) -> None:
    text = "The opposition alliance insisted on its demand that the Zambian government release the detainees."
    e = of_type(events(pipe, text), "REQUEST")[0]
    assert [a["country"] for a in e["recipient"]] == ["ZMB"]


def test_a_mediation_between_two_parties_is_the_mediators_act_on_both(pipe: Any) -> None:
    text = "Norway launched a mediation effort between Sudan and South Sudan on Monday."
    e = next(e for e in events(pipe, text) if e["cameo"] == "045")
    assert [a["country"] for a in e["actor"]] == ["NOR"]
    assert {a["country"] for a in e["recipient"]} == {"SDN", "SSD"}
    assert e["reciprocal"] is False


def test_who_responds_to_an_attack_is_not_its_attacker(pipe: Any) -> None:
    text = "The British foreign minister responded to the attack in the Karrada district of Baghdad."
    for e in events(pipe, text):
        assert all(a["country"] != "GBR" for a in e["actor"]) or e["event"] != "ASSAULT", e


def test_a_rejection_despite_pressure_is_aimed_at_who_presses(pipe: Any) -> None:
    text = "The Zambian minister refused to step down despite mounting pressure from the Malawian government."
    e = of_type(events(pipe, text), "REJECT")[0]
    assert [a["country"] for a in e["recipient"]] == ["MWI"]
