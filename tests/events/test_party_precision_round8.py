"""Party precision (issue 3, round 8): spans coded as parties that are no party of the event in any reading.
Sentences written for the project; each test of a rule failed before it, the guards pin what must not move."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger
from coding_kit import code as events

pytestmark = pytest.mark.model


def _texts(side: list[dict[str, Any]]) -> list[str]:
    return [a["text"] for a in side]


def _codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["code"] for a in side}


# --- an act that judges another act is not aimed at whom that act was aimed at ---------------------------------


@pytest.mark.parametrize(
    ("text", "word", "wrong"),
    [
        (
            "A Chilean judge ordered the former minister to appear for questioning in an investigation of illegal "
            "weapons sales to Peru and Bolivia.",
            "questioning",
            {"PER", "BOL"},
        ),
        (
            "A Chilean judge ordered the former minister to appear for questioning in an investigation of illegal "
            "weapons sales to Peru and Bolivia.",
            "investigation",
            {"PER", "BOL"},
        ),
        (
            "Prosecutors in Oslo summoned the executive for questioning in a probe of fuel shipments to Syria.",
            "questioning",
            {"SYR"},
        ),
    ],
)
def test_a_judging_act_is_not_aimed_at_the_recipient_of_the_act_it_judges(
    pipe: Any, text: str, word: str, wrong: set[str]
) -> None:
    e = by_trigger(events(pipe, text), text, word)
    assert not (_codes(e["recipient"]) & wrong), e["reason"]


def test_a_halt_of_an_act_is_still_aimed_at_its_recipient(pipe: Any) -> None:
    text = "Brazil announced a suspension of arms sales to Venezuela."
    e = by_trigger(events(pipe, text), text, "suspension")
    assert "VEN" in _codes(e["recipient"]), e["reason"]


# --- the forces an actor moves are its own, not a party of the act or of a refusal or threat to move them -------


@pytest.mark.parametrize(
    ("text", "word", "place"),
    [
        ("Bangladesh has refused to deploy peacekeepers in Somalia.", "refused", "SOM"),
        ("Turkey threatened to withdraw its troops from Qatar.", "threatened", "QAT"),
        ("Chad refused to pull its soldiers out of Mali.", "refused", "MLI"),
        ("Moscow refused to withdraw Russian troops from Moldova.", "refused", "MDA"),
    ],
)
def test_own_forces_moved_are_no_recipient_of_the_refusal_or_threat(
    pipe: Any, text: str, word: str, place: str
) -> None:
    e = by_trigger(events(pipe, text), text, word)
    assert not any(a["kind"] == "sector" for a in e["recipient"]), e["reason"]
    assert place in _codes(e["recipient"]), e["reason"]


def test_own_forces_moved_are_no_recipient_of_the_move(pipe: Any) -> None:
    text = "Chad refused to pull its soldiers out of Mali."
    e = by_trigger(events(pipe, text), text, "pull")
    assert "its soldiers" not in _texts(e["recipient"]), e["reason"]


def test_forces_of_another_side_stay_the_target(pipe: Any) -> None:
    text = "India threatened to attack Pakistani troops."
    e = by_trigger(events(pipe, text), text, "threatened")
    assert "PAKMIL" in _codes(e["recipient"]), e["reason"]


# --- a thing on the move visits no one ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Customs officers seized rifles aboard four lorries travelling from Libya to Chad.",
        "Coastguards stopped a tanker sailing from Iran to Syria.",
    ],
)
def test_a_thing_travelling_is_no_visit(pipe: Any, text: str) -> None:
    assert not [e for e in events(pipe, text) if e["cameo"].startswith("04")], [
        (e["cameo"], e["evidence"]["trigger"]["text"]) for e in events(pipe, text)
    ]


def test_people_travelling_still_visit(pipe: Any) -> None:
    text = "A delegation travelling to Beijing met Chinese officials."
    e = by_trigger(events(pipe, text), text, "travelling")
    assert "CHN" in {a["country"] for a in e["recipient"]}, e["reason"]


# --- who reports a quote does not do what a clause of it says -----------------------------------------------------


def test_the_reporter_of_a_quote_is_not_the_actor_of_its_clause(pipe: Any) -> None:
    text = (
        "The rebel leader said his men would disarm because “the time has come. . . to seek a settlement through "
        "talks,” Reuters reported."
    )
    for e in events(pipe, text):
        assert "Reuters" not in _texts(e["actor"]), (e["evidence"]["trigger"]["text"], e["reason"])


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # a participle after a reporting verb is the speaker's own act
        (
            "Spain renewed its appeal to France to extradite the suspect, Interior Minister Ana Ruiz said on Monday, "
            "slamming what she called weak cooperation.",
            "slamming",
            "Interior Minister Ana Ruiz",
        ),
        (
            "A group of exiled Haitians have written to the UN Secretary-General urging him to send "
            "peacekeepers to Port-au-Prince.",
            "urging",
            "A group of exiled Haitians",
        ),
    ],
)
def test_a_speakers_own_participle_keeps_the_speaker(pipe: Any, text: str, word: str, actor: str) -> None:
    e = by_trigger(events(pipe, text), text, word)
    assert actor in _texts(e["actor"]), e["reason"]


# --- a gerund for-phrase is the reason for an act, not a party to it ----------------------------------------------


def test_the_reason_for_an_arrest_names_no_recipient(pipe: Any) -> None:
    text = "The activists imprisoned for acting against Minsk were released yesterday by Lukashenko himself."
    e = by_trigger(events(pipe, text), text, "imprisoned")
    assert "BLRGOV" not in _codes(e["recipient"]), e["reason"]


def test_a_gerund_for_phrase_still_matches_its_pattern(pipe: Any) -> None:
    text = "The Kenyan opposition called for ending the curfew."
    e = by_trigger(events(pipe, text), text, "called")
    assert e["cameo"].startswith("02") and "KENOPP" in _codes(e["actor"]), e["reason"]


# --- a noun for the people of an act, inside that act's party, is no second act -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan and Somali negotiators return to Nairobi this week for talks on the maritime border.",
        "Iranian negotiators arrived in Vienna on Monday.",
    ],
)
def test_negotiators_inside_the_party_of_talks_are_no_second_event(pipe: Any, text: str) -> None:
    evs = events(pipe, text)
    assert evs, "no event"
    assert not [e for e in evs if e["evidence"]["trigger"]["text"] == "negotiators"], [
        (e["cameo"], e["evidence"]["trigger"]["text"]) for e in evs
    ]


def test_an_act_noun_in_its_doers_phrase_stays(pipe: Any) -> None:
    text = "State media said a Turkish drone strike had targeted the airport in Qamishli, causing fires."
    assert [e for e in events(pipe, text) if e["evidence"]["trigger"]["text"].startswith("strike")]


# --- easing a hardship is no concession ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Bolivian president urged Congress to amend the constitution to ease the country's chronic political "
        "instability.",
        "Chile sent doctors to relieve the suffering of Haitian refugees.",
    ],
)
def test_easing_a_hardship_is_no_concession(pipe: Any, text: str) -> None:
    evs = events(pipe, text)
    assert not [e for e in evs if e["cameo"].startswith("08")], [
        (e["cameo"], e["evidence"]["trigger"]["text"]) for e in evs
    ]


def test_easing_restrictions_is_still_a_concession(pipe: Any) -> None:
    text = "Egypt agreed to ease restrictions on Gaza."
    e = by_trigger(events(pipe, text), text, "ease")
    assert e["cameo"].startswith("08") and "PSE" in _codes(e["recipient"]), e["reason"]


# --- a recipient phrase that is another act is aimed at whoever does that act ----------------------------------


def test_joining_forces_against_an_attack_is_against_its_doer(pipe: Any) -> None:
    text = "The Hungarian leader called on Poland to join forces against a possible Russian-led offensive on Ukraine."
    e = by_trigger(events(pipe, text), text, "join")
    assert _texts(e["recipient"]) == ["Russian"], e["reason"]
    assert "RUS" in _codes(e["recipient"]), e["reason"]


# --- one's own people trained are no party the build-up is aimed at -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Iran has trained more than 300 hackers capable of launching cyber attacks against Israel, an Israeli "
        "official said.",
        "Syria has trained 200 snipers.",
    ],
)
def test_own_people_trained_are_no_recipient(pipe: Any, text: str) -> None:
    e = by_trigger(events(pipe, text), text, "trained")
    assert e["cameo"] == "154" and not e["recipient"], e["reason"]


def test_another_countrys_soldiers_trained_stay_the_recipient(pipe: Any) -> None:
    text = "The United States trained Ukrainian soldiers in Germany."
    e = by_trigger(events(pipe, text), text, "trained")
    assert "UKRMIL" in _codes(e["recipient"]), e["reason"]
