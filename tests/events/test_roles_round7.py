"""Role filling (issue 3, round 7): targets a thing names, and the victims of a result clause. Sentences written
for the project; each test of a rule failed before it, the guards pin what must not move."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code as events
from coding_kit import of_type

pytestmark = pytest.mark.model


def _codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["code"] for a in side}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the passive subject is a thing; whom it is for names the target, before the people a result clause kills
        (
            "A temporary camp for Burundian refugees was attacked by Congolese militiamen, killing at least 40 people.",
            "BDIREF",
        ),
        ("A clinic for Sudanese refugees was shelled by the rebels, wounding six nurses.", "SDNREF"),
    ],
)
def test_a_passive_thing_names_its_party_in_its_own_phrase(pipe: Any, text: str, code: str) -> None:
    e = of_type(events(pipe, text), "ASSAULT")[0]
    assert code in _codes(e["recipient"]), e["reason"]


def test_a_passive_thing_with_no_party_keeps_the_victims(pipe: Any) -> None:
    e = of_type(
        events(pipe, "A police station in Kano was attacked by gunmen, killing four officers."), "ASSAULT"
    )[0]
    assert not any("Kano" in a["text"] for a in e["recipient"]), e["reason"]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # "against" hung on the verb the act noun takes its participants from, after a place phrase
        (
            "Serb militias were engaged in ethnic cleansing in Bosnia against the Muslim population.",
            "population",
            "BIHCVL",
        ),
        (
            "Eritrean soldiers were engaged in killings in Tigray against Ethiopian civilians.",
            "civilians",
            "ETHCVL",
        ),
    ],
)
def test_whom_the_participant_verb_says_the_act_is_against_is_the_target(
    pipe: Any, text: str, words: str, code: str
) -> None:
    e = of_type(events(pipe, text), "ASSAULT")[0]
    assert [a["code"] for a in e["recipient"]] == [code], e["reason"]
    assert words in e["recipient"][0]["text"]


def test_an_act_engaged_in_with_no_against_phrase_keeps_its_place(pipe: Any) -> None:
    e = of_type(events(pipe, "Serb militias were engaged in ethnic cleansing in Bosnia."), "ASSAULT")[0]
    assert [a["country"] for a in e["recipient"]] == ["BIH"], e["reason"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the demand hangs on a protest noun in the protest verb's phrase, not on the verb
        ("Kenyan students rioted after a rally demanding the resignation of President William Ruto.", "Ruto"),
        (
            "Thousands of Serbians marched after a vigil calling for the dismissal of Prime Minister Milos Vucevic.",
            "Vucevic",
        ),
    ],
)
def test_a_protest_is_against_whom_the_demand_of_its_phrase_names(pipe: Any, text: str, name: str) -> None:
    e = of_type(events(pipe, text), "PROTEST")[0]
    assert any(name in a["text"] for a in e["recipient"]), e["reason"]
    assert all(a["kind"] != "state" for a in e["recipient"]), e["reason"]


def test_a_demand_that_names_no_party_leaves_the_protest_as_it_was(pipe: Any) -> None:
    e = of_type(
        events(pipe, "Angry farmers rioted in the capital after a rally calling for lower fuel prices."),
        "PROTEST",
    )[0]
    assert not any("prices" in a["text"] for a in e["recipient"]), e["reason"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the forces moved are the thing moved, not the one acted on; the place they leave is
        ("France announced the withdrawal of some French soldiers from Mali.", "MLI"),
        ("Britain ordered the withdrawal of 500 British troops from Basra.", "IRQ"),
    ],
)
def test_forces_moved_out_of_a_place_are_aimed_at_its_country(pipe: Any, text: str, code: str) -> None:
    e = of_type(events(pipe, text), "RETREAT")[0]
    assert [a["country"] for a in e["recipient"]] == [code], e["reason"]


def test_a_withdrawal_from_a_place_of_the_actors_own_country_takes_no_place(pipe: Any) -> None:
    e = of_type(
        events(pipe, "Washington completed the withdrawal of its troops from Afghanistan on Monday."),
        "RETREAT",
    )[0]
    assert [a["country"] for a in e["recipient"]] == ["AFG"], e["reason"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the parse makes "Israeli tank" / "Israeli" the object of "in" and the weapon noun a clause of its own
        (
            "Four fishermen were killed in Israeli tank shelling near Khan Younis on Monday, medics said.",
            "ISR",
        ),
        ("Three farmers were wounded in Israeli shelling near the border, officials said.", "ISR"),
    ],
)
def test_the_nationality_of_the_force_an_agentless_attack_happened_in_is_the_actor(
    pipe: Any, text: str, code: str
) -> None:
    e = of_type(events(pipe, text), "ASSAULT")[0]
    assert [a["country"] for a in e["actor"]] == [code], e["reason"]
    assert all(a["country"] != code for a in e["recipient"]), e["reason"]


def test_a_place_in_an_in_phrase_names_no_attacker(pipe: Any) -> None:
    e = of_type(events(pipe, "Two teachers were killed in Syria on Monday."), "ASSAULT")[0]
    assert not any(a["country"] == "SYR" for a in e["actor"]), e["reason"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the thing acted on is the actor's own; whom it is for is aimed at
        ("Poland imposed limits on its grain market for Ukrainian farmers.", "UKRCVL"),
        ("Italy imposed new curbs on its ports for Libyan fishermen.", "LBYCVL"),
    ],
)
def test_whom_the_actors_own_thing_is_for_is_the_target(pipe: Any, text: str, code: str) -> None:
    e = of_type(events(pipe, text), "COERCE")[0]
    assert [a["code"] for a in e["recipient"]] == [code], e["reason"]


def test_a_time_for_phrase_on_the_thing_names_no_target(pipe: Any) -> None:
    coded = events(pipe, "Poland imposed limits on its grain market for two years.")
    assert not any("years" in a["text"] for e in coded for a in e["recipient"])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a reduced passive relative on people: they are the ones the force is used on
        ("There were 12 Ukrainian soldiers killed near Bakhmut on Monday.", "UKRMIL"),
        ("There were four Somali policemen wounded in Mogadishu overnight.", "SOMCOP"),
    ],
)
def test_the_people_a_reduced_passive_of_force_is_on_are_its_target(pipe: Any, text: str, code: str) -> None:
    e = of_type(events(pipe, text), "ASSAULT")[0]
    assert code in _codes(e["recipient"]), e["reason"]
