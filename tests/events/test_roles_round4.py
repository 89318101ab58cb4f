"""Role filling (issue 3, round 4): parties the rules did not reach. Sentences written for the project."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code as events
from coding_kit import of_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "plover", "country", "words"),
    [
        # the place named on the thing acted on
        ("UN inspectors will examine the nuclear facilities in Iran.", "THREATEN", "IRN", "Iran"),
        ("Rebels blew up a pipeline leading into Syria.", "COERCE", "SYR", "Syria"),
        # whose the thing is: the patient of the act noun the object names
        (
            "Sudanese protesters demanded the dismissal of President Omar al-Bashir.",
            "REQUEST",
            "SDN",
            "Bashir",
        ),
    ],
)
def test_the_owner_or_place_of_the_thing_acted_on_is_the_recipient(
    pipe: Any, text: str, plover: str, country: str, words: str
) -> None:
    e = of_type(events(pipe, text), plover)[0]
    assert [a["country"] for a in e["recipient"]] == [country], e["reason"]
    assert words in e["recipient"][0]["text"]
    assert "on the thing" in e["reason"]


def test_people_are_no_thing_and_a_state_not_the_owner_of_its_own_place(pipe: Any) -> None:
    # rioters are people: the square they are in names no party
    coded = events(pipe, "Police clashed with rioters in the Lebanese capital's main square.")
    assert coded  # a clash (ASSAULT) or a riot (PROTEST 145): either way the square is no recipient
    for e in coded:
        assert all(a["country"] != "LBN" or a["sector"] == "CVL" for a in e["recipient"]), e["reason"]
    # a state acting on a thing in its own territory is not its own recipient
    for e in events(pipe, "Ghana agreed to build three new clinics in Ghana."):
        assert not any(a["country"] == "GHA" for a in e["recipient"]), e["reason"]


def test_goods_an_act_is_of_are_no_party(pipe: Any) -> None:
    # the maker of the goods sold is not the one they are sold to
    text = "The Pentagon approved the sale of 20 Lockheed Martin transport aircraft on Monday."
    for e in events(pipe, text):
        assert all(a["kind"] != "org" for a in e["recipient"]), e["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya pressed Ethiopia for talks on the dam.",  # the one pressed is the object
        "Kenya pushed hard for Ethiopia to reopen the border.",  # the subject of the for-clause
    ],
)
def test_the_one_pressed_for_something_is_the_recipient(pipe: Any, text: str) -> None:
    e = next(e for e in events(pipe, text) if e["cameo"] == "020")
    assert [a["text"] for a in e["recipient"]] == ["Ethiopia"], e["reason"]


def test_a_passive_conjunct_takes_its_shared_subject_as_patient(pipe: Any) -> None:
    text = "Two aid workers were kidnapped in March and were released by al-Shabaab on Friday."
    e = of_type(events(pipe, text), "RETREAT")[0]
    assert [a["code"] for a in e["actor"]] == ["SOMREB"], e["reason"]
    assert [a["text"] for a in e["recipient"]] == ["Two aid workers"]


def test_who_a_for_clause_of_a_request_has_act_is_asked(pipe: Any) -> None:
    e = next(e for e in events(pipe, "Kenya called for Somalia to hold elections.") if e["cameo"] == "020")
    assert [a["code"] for a in e["recipient"]] == ["SOM"], e["reason"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Fundamentalists began a hunger strike on Monday.", "Fundamentalists"),
        ("Hundreds of loyalists marched through Belfast.", "loyalists"),
        ("The cleric urged his followers to boycott the vote.", "his followers"),
    ],
)
def test_unknown_groups_of_people_stay_actors_with_their_words(pipe: Any, text: str, words: str) -> None:
    spans = [a["text"] for e in events(pipe, text) for a in (*e["actor"], *e["recipient"])]
    assert any(words in s for s in spans), spans


def test_a_plural_noun_after_between_names_the_parties(pipe: Any) -> None:
    e = of_type(events(pipe, "Kenya ended mediation efforts between rival Somali clans."), "SANCTION")[0]
    assert [a["text"] for a in e["recipient"]] == ["rival Somali clans"], e["reason"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A Kenyan journalist was arrested in Uganda on Monday.", "UGA"),
        ("A US national has been put under investigation in Italy.", "ITA"),
    ],
)
def test_an_agentless_arrest_or_investigation_is_by_the_state_of_its_place(
    pipe: Any, text: str, country: str
) -> None:
    e = of_type(events(pipe, text), "COERCE" if "arrested" in text else "ACCUSE")[0]
    assert [a["country"] for a in e["actor"]] == [country], e["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Two aid workers were kidnapped in Mali.",  # violence: the unnamed doer is not the state
        "A Kenyan journalist was arrested by soldiers in Uganda.",  # the agent is named
    ],
)
def test_no_state_actor_for_violence_or_a_named_agent(pipe: Any, text: str) -> None:
    for e in events(pipe, text):
        assert all(a["kind"] != "state" for a in e["actor"]), e["reason"]


def test_the_side_engaged_in_an_act_is_its_recipient(pipe: Any) -> None:
    text = "Al-Shabaab fighters engaged Ugandan peacekeepers in a gun battle outside Mogadishu."
    e = next(e for e in events(pipe, text) if e["evidence"]["trigger"]["text"].startswith("battle"))
    assert [a["code"] for a in e["recipient"]] == ["UGAMIL"], e["reason"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the possessor of what the purpose clause of a protest noun's light verb protests
        ("A Kenyan senator began a hunger strike to protest President William Ruto's tax plan.", "KENGOV"),
        # the source of what is demanded, two phrases down
        (
            "Young Kenyans blocked roads to press their demands for jobs from President William Ruto's government.",
            "KENGOV",
        ),
        # the doer behind what is demanded back
        ("Ugandan farmers began a hunger strike to demand the return of land seized by soldiers.", "UGAMIL"),
    ],
)
def test_a_protest_is_against_the_party_its_purpose_clause_names(pipe: Any, text: str, code: str) -> None:
    e = of_type(events(pipe, text), "PROTEST")[0]
    assert [a["code"][-len(code) :] for a in e["recipient"]] == [code], e["reason"]
    assert "what the protest is against" in e["reason"]


def test_the_party_a_requested_content_is_of_is_asked(pipe: Any) -> None:
    e = next(
        e
        for e in events(pipe, "Kenya called for an immediate ceasefire in South Sudan.")
        if e["cameo"] == "020"
    )
    assert [a["country"] for a in e["recipient"]] == ["SSD"], e["reason"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israel released the mayor of Nablus.", "PSEGOV"),
        ("Police arrested the governor of Kandahar.", "AFGGOV"),
    ],
)
def test_an_official_of_a_place_is_of_its_country(pipe: Any, text: str, code: str) -> None:
    e = events(pipe, text)[0]
    assert [a["code"] for a in e["recipient"]] == [code], e["reason"]


def test_a_thing_near_a_town_the_knowledge_base_does_not_know_is_that_town_country(pipe: Any) -> None:
    e = of_type(events(pipe, "Rebels blew up a bridge near Goma."), "COERCE")[0]
    assert [a["country"] for a in e["recipient"]] == ["COD"], e["reason"]
