"""Security acts: seized arms, thrown explosives, violence with a concrete object, perpetrated crimes (real
spaCy model). Sentences written for the project."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code

pytestmark = pytest.mark.model


def types(events: list[dict[str, Any]]) -> set[str]:
    return {e["event"] for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Three rifles and a box of ammunition were seized at a checkpoint on Tuesday.",
        "An arms cache holding mortars and grenades was discovered in a forest outside the town.",
        "Dozens of explosives were defused along the main road overnight.",
    ],
)
def test_agentless_seizure_of_arms_is_coercion(pipe: Any, text: str) -> None:
    events = code(pipe, text)
    assert types(events) == {"COERCE"}, events
    assert events[0]["cameo"].startswith("171")


def test_agentless_seizure_of_goods_is_not_an_event(pipe: Any) -> None:
    # an ordinary seizure with no party named is not a political event: only arms make it one
    assert code(pipe, "Several boxes of counterfeit perfume were seized at the port.") == []


def test_agentless_thrown_grenades_are_an_assault(pipe: Any) -> None:
    events = code(pipe, "Two grenades were hurled at a police post in the market late on Friday.")
    assert "ASSAULT" in types(events)


def test_violence_with_a_concrete_object_is_kept_without_a_resolved_place(pipe: Any) -> None:
    # the place is not one the geocoder knows, but the object destroyed or taken is concrete
    for text in (
        "Turkish jets destroyed ammunition depots used by the militants near Qandarik.",
        "Syrian troops captured a key hilltop near the village of Tell Marzouk on Thursday.",
        "Ethiopian forces carried out mortar attacks in the Zelambessa sector.",
    ):
        assert "ASSAULT" in types(code(pipe, text)), text


def test_violence_against_an_abstract_object_still_needs_a_party(pipe: Any) -> None:
    assert code(pipe, "The soldiers are fighting terrorism.") == []


def test_a_committed_crime_is_done_not_pledged(pipe: Any) -> None:
    events = code(pipe, "Myanmar soldiers committed widespread rape against villagers in Rakhine.")
    m = [e for e in events if e["cameo"].startswith("182")]
    assert m and m[0]["event"] == "ASSAULT" and m[0]["modality"] == "asserted"
    assert "THREATEN" not in types(events)
    # the to-complement of "commit" stays a pledge
    pledged = code(pipe, "Myanmar committed to withdraw its troops from the border.")
    assert "ASSAULT" not in types(pledged)


def test_a_reduced_passive_relative_takes_its_noun_as_theme(pipe: Any) -> None:
    # "shells fired by X": the noun the participle modifies is what was fired
    events = code(
        pipe, "Armenian soldiers counted dozens of mortar shells fired by Azerbaijani troops overnight."
    )
    fired = [e for e in events if e["evidence"]["trigger"]["text"].startswith("fired")]
    assert fired and fired[0]["event"] == "ASSAULT" and codes(fired[0]["actor"]) == {"AZE"}


def test_continuing_a_strike_is_the_subjects_protest(pipe: Any) -> None:
    # "continue" is a light verb for a nominal event: its subject is the nominal event's actor
    events = code(pipe, "Kurdish prisoners in Turkey continued their hunger strike on Monday.")
    assert "PROTEST" in types(events)


def test_returning_seized_weapons_is_a_concession(pipe: Any) -> None:
    events = code(pipe, "The Nigerian army returned the weapons it had taken from Cameroonian police.")
    assert any(e["cameo"] == "0842" for e in events), events


def codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["country"] for a in side if a["country"]}


def test_an_indictment_is_legal_action_not_an_arrest(pipe: Any) -> None:
    events = code(pipe, "A court in Belgium indicted two Rwandan officers for war crimes.")
    m = [e for e in events if e["evidence"]["trigger"]["text"].startswith("indicted")]
    assert m and m[0]["event"] == "ACCUSE" and m[0]["cameo"] == "115"


def test_coordinated_sides_fighting_each_other_are_each_others_target(pipe: Any) -> None:
    events = code(pipe, "Armenian and Azerbaijani soldiers were battling near the village of Dorkhal.")
    fights = [e for e in events if e["event"] == "ASSAULT"]
    assert fights and fights[0]["reciprocal"]
    assert codes(fights[0]["actor"]) | codes(fights[0]["recipient"]) == {"ARM", "AZE"}


def test_force_used_on_protesters_is_repression(pipe: Any) -> None:
    m = [
        e
        for e in code(pipe, "Serbian riot police beat student protesters outside the parliament.")
        if e["cameo"]
    ]
    assert m and m[0]["event"] == "COERCE" and m[0]["cameo"] == "175"
    # the same verb on a journalist is an assault
    assert "ASSAULT" in types(code(pipe, "Malian rebels beat a French journalist near Kidal."))


def test_an_attack_or_projectile_as_subject_is_the_act_of_war(pipe: Any) -> None:
    events = code(pipe, "An airstrike destroyed a field hospital near the town of Ma'arat Harma.")
    assert "ASSAULT" in types(events) and "COERCE" not in types(events)
    assert "ASSAULT" in types(code(pipe, "Two rockets struck near the airport of Erbil on Sunday night."))


def test_defacing_is_damage_to_property(pipe: Any) -> None:
    m = [e for e in code(pipe, "Pro-Russian hackers defaced dozens of Estonian government websites.") if e]
    assert m and m[0]["event"] == "COERCE"


def test_denying_a_permit_is_a_rejection(pipe: Any) -> None:
    events = code(pipe, "The Hungarian government denied a permit for the opposition rally in Budapest.")
    assert "REJECT" in types(events)


def test_finding_a_handgun_is_police_work_not_a_security_event(pipe: Any) -> None:
    assert "COERCE" not in types(code(pipe, "Officers found a pistol in the glove box of the car."))
    assert "COERCE" in types(code(pipe, "A cache of mortars and mines was found near the border."))
