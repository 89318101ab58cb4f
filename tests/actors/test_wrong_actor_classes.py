"""Five classes of wrong actor found on news-like text (issue 3, round 5), each on sentences written for the project:
a plural pronoun and the plural subject of its sentence, a place the parser tags PERSON, a fuzzy match that would
turn a real city into an organisation, a self-dyad invented from the place, and the agent of an "operation of X"."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger

pytestmark = pytest.mark.model


def code(pipe: Any, text: str, date: str = "2024-05-01") -> list[dict[str, Any]]:
    return [e.to_dict() for e in pipe.code(text, date=date)]


def codes(side: list[dict[str, Any]]) -> list[str]:
    return [a["code"] for a in side]


# -- 1. a plural pronoun refers to the plural subject earlier in its sentence ------------------------------------


@pytest.mark.parametrize(
    "before",
    [
        "Canada and Australia renewed a trade agreement on Monday.",  # a coordinated group (the coder's 'they')
        "The African Union condemned the new law.",  # an organisation (the resolver's nearest antecedent)
    ],
)
def test_plural_pronoun_takes_the_marchers_not_an_earlier_group(pipe: Any, before: str) -> None:
    text = (
        f"{before} Hundreds of students marched in Yerevan to oppose the reform, "
        "and riot police used water cannon to disperse them."
    )
    e = by_trigger(code(pipe, text), text, "disperse")
    assert codes(e["recipient"]) == ["ARMCVL"], e["recipient"]
    assert "refers back to 'Hundreds of students'" in e["reason"]
    # the police of the coordinated clause act in the place of the march, not of the earlier sentence
    assert codes(e["actor"]) == ["ARMCOP"], e["actor"]
    assert e["location"]["name"] == "Yerevan"


def test_pronoun_is_not_the_subject_of_its_own_clause(pipe: Any) -> None:
    text = "Hundreds of farmers blocked a highway near Lyon, and police arrested them."
    e = by_trigger(code(pipe, text), text, "arrested")
    assert codes(e["actor"]) == ["FRACOP"]
    assert codes(e["recipient"]) == ["FRACVL"], e["recipient"]


# -- 2. a place the parser tags PERSON -----------------------------------------------------------------------


def test_person_tagged_city_object_of_an_attack_is_the_place(pipe: Any) -> None:
    text = "Russian forces shelled Zaporizhzhia overnight."
    e = by_trigger(code(pipe, text), text, "shelled")
    assert codes(e["actor"]) == ["RUSMIL"]
    assert codes(e["recipient"]) == ["UKR"], e["recipient"]
    assert all(a["kind"] != "person" for a in e["recipient"])


def test_person_named_earlier_stays_a_person(pipe: Any) -> None:
    # the surname of a person named earlier is that person even if a place of that name exists
    text = "Police questioned Michael Jackson on Monday. Officers later arrested Jackson."
    events = code(pipe, text)
    arrests = [e for e in events if e["cameo"].startswith("173")]
    assert arrests and all(a["kind"] == "person" for e in arrests for a in e["recipient"]), arrests


# -- 3. a fuzzy match does not turn a real place into an organisation ---------------------------------------------


def test_city_police_are_not_a_misspelt_naval_operation(pipe: Any) -> None:
    text = "Atlanta police arrested two men after a shooting downtown."
    e = by_trigger(code(pipe, text), text, "arrested")
    a = e["actor"][0]
    assert a["kind"] == "sector" and a["code"] == "USACOP", a
    assert "Atalanta" not in a["name"]


# -- 4. no self-dyad from the place ---------------------------------------------------------------------------


def test_no_self_dyad_from_the_place_when_the_other_side_is_that_state(pipe: Any) -> None:
    text = "Inspectors accused Iran of hiding material at a site near Tehran."
    e = by_trigger(code(pipe, text), text, "accused")
    assert codes(e["recipient"]) == ["IRN"]
    assert all(a["country"] != "IRN" for a in e["actor"]), e["actor"]


def test_agents_who_work_abroad_are_not_given_the_country_they_inspect(pipe: Any) -> None:
    # the recipient is the country of the place the act is aimed at; the inspectors are not of it (roles.yaml)
    text = "Inspectors hope to examine military sites near Tehran."
    events = code(pipe, text)
    e = next(e for e in events if any(r["code"] == "IRN" for r in e["recipient"]))
    assert all(a["country"] != "IRN" for a in e["actor"]), e["actor"]


def test_domestic_leaders_still_take_the_place(pipe: Any) -> None:
    text = "Leaders of the opposition agreed to postpone the rally in Tbilisi."
    events = code(pipe, text)
    assert events and all(a["country"] == "GEO" for e in events for a in e["actor"]), events


def test_a_domestic_protest_in_the_place_keeps_its_country(pipe: Any) -> None:
    # the side that is the place itself ("rallied in Armenia") is no other party: the protesters stay Armenian
    text = "Thousands of students rallied in Armenia on Sunday."
    events = code(pipe, text)
    protests = [e for e in events if e["event"] == "PROTEST"]
    assert protests and protests[0]["actor"][0]["country"] == "ARM"


# -- 5. the agent of an "operation of/by X" outranks the state of the place ---------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The militant leader was arrested inside Iraq in a joint operation of the Jordanian army.",
            "JORMIL",
        ),
        ("The smuggler was detained in Mali during a raid by Nigerien troops.", "NERMIL"),
    ],
)
def test_operation_agent_is_the_arrester(pipe: Any, text: str, actor: str) -> None:
    events = code(pipe, text)
    e = next(e for e in events if e["cameo"].startswith("173"))
    assert codes(e["actor"]) == [actor], e["actor"]


def test_operation_agent_of_any_agentless_passive(pipe: Any) -> None:
    # not only arrests: the party of the operation did the capture or the killing
    text = "Five militants were killed in Somalia during an operation by Kenyan troops."
    e = next(e for e in code(pipe, text) if e["event"] == "ASSAULT")
    assert codes(e["actor"]) == ["KENMIL"], e["actor"]


def test_an_operation_is_not_the_agent_of_its_own_losses(pipe: Any) -> None:
    text = "Two soldiers were killed in Mali during an operation by Malian troops."
    events = code(pipe, text)
    assert all(a["code"] != "MLIMIL" for e in events for a in e["actor"]), events


def test_agentless_arrest_still_takes_the_state_of_the_place(pipe: Any) -> None:
    text = "Two activists were detained in Algeria on Friday."
    e = next(e for e in code(pipe, text) if e["cameo"].startswith("173"))
    assert codes(e["actor"]) == ["DZA"]
