"""The sense filter (events/senses.py, events/data/senses.yaml): triggers used in a sense that names no event,
nominal events that are only the content of an ending, and acts that are not done.

Each sense test pairs a sentence in which the word names no event with a control in which it does, so that a
filter that drops everything fails. Sentences written for the project.
"""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code
from tieline.errors import DataFileError
from tieline.events import senses as senses_mod
from tieline.events.lexicon import load_lexicon
from tieline.events.senses import SenseFilter


def of_type(events: list[dict[str, Any]], plover: str) -> list[dict[str, Any]]:
    return [e for e in events if e["event"] == plover]


def asserted(events: list[dict[str, Any]], plover: str) -> list[dict[str, Any]]:
    return [e for e in of_type(events, plover) if e["modality"] == "asserted"]


# -- the data file --------------------------------------------------------------------------------------
def test_rules_load_with_their_classes() -> None:
    f = SenseFilter.load(load_lexicon().classes)
    assert "hail" in f.rules and "call" in f.rules
    assert "cessation" in f.ending_words and "near" in f.landmark_preps
    reinforce = next(r for r in f.rules["reinforce"] if r.object is not None)
    assert "work" in reinforce.object and "troop" not in reinforce.object


def test_a_bad_rule_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(name: str) -> dict[str, Any]:
        return {"version": 1, "verbs": [{"verb": "hail", "why": "x", "colour": "red"}]}

    monkeypatch.setattr(senses_mod, "read_data_file", fake)
    with pytest.raises(DataFileError, match="unknown keys"):
        SenseFilter.load({})


def test_an_unknown_class_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(name: str) -> dict[str, Any]:
        return {"version": 1, "verbs": [{"verb": "hail", "why": "x", "object": "@nothing"}]}

    monkeypatch.setattr(senses_mod, "read_data_file", fake)
    with pytest.raises(DataFileError, match="unknown class"):
        SenseFilter.load({})


# -- word senses (real spaCy model) ---------------------------------------------------------------------
@pytest.mark.model
def test_hail_from_is_origin_not_praise(pipe: Any) -> None:
    assert not of_type(
        code(pipe, "The new police chief hails from Basra and joined the force in 1999."), "SUPPORT"
    )
    assert of_type(code(pipe, "Egypt hailed the agreement between Israel and Hamas."), "SUPPORT")


@pytest.mark.model
def test_naming_is_not_an_appeal(pipe: Any) -> None:
    events = code(
        pipe, 'The marines flew to an airstrip near Basra, also called "Camp Eagle" in southern Iraq.'
    )
    assert not of_type(events, "REQUEST")
    events = code(pipe, "Mali called the French decision a betrayal of the Sahel.")
    assert not of_type(events, "REQUEST")
    assert of_type(code(pipe, "Germany called on Iran to release the detained journalists."), "REQUEST")


@pytest.mark.model
def test_moderating_a_session_is_no_concession(pipe: Any) -> None:
    assert not code(pipe, "The NATO spokesman Colonel James Dunn will moderate.")
    assert not code(pipe, "General Smith will moderate the panel on regional security.")


@pytest.mark.model
def test_a_participle_of_place_is_no_encirclement(pipe: Any) -> None:
    assert not of_type(
        code(pipe, "The hills surrounding Mosul slowed the advance of the Iraqi army."), "COERCE"
    )
    assert of_type(code(pipe, "Iraqi troops surrounded Mosul on Tuesday."), "COERCE")


@pytest.mark.model
def test_a_military_verb_needs_a_military_object(pipe: Any) -> None:
    assert not of_type(
        code(pipe, "The loan reinforces Jordan's work with its regional partners."), "MOBILIZE"
    )
    assert of_type(code(pipe, "The US Army deployed more troops to Poland."), "MOBILIZE")


@pytest.mark.model
def test_conflict_verbs_in_their_everyday_sense(pipe: Any) -> None:
    assert not of_type(
        code(pipe, "The Indian government vowed to attack the problem of unemployment."), "THREATEN"
    )
    assert not code(pipe, "The opposition leader will fight for a seat in the capital.")
    assert not of_type(code(pipe, "A Turkish film crew shot a documentary in Kabul."), "ASSAULT")
    assert of_type(code(pipe, "Turkish soldiers shot two smugglers near the Syrian border."), "ASSAULT")


@pytest.mark.model
def test_signing_a_law_at_home_is_no_agreement(pipe: Any) -> None:
    assert not of_type(code(pipe, "President Ruto signed the finance bill into law on Wednesday."), "AGREE")
    assert not of_type(
        code(pipe, "The junta leader signed a decree dissolving all political parties."), "AGREE"
    )
    # control: an agreement with another party is still one
    assert of_type(code(pipe, "Kenya and Ethiopia signed a border security pact on Tuesday."), "AGREE")


@pytest.mark.model
def test_a_feeling_about_a_circumstance_is_no_appeal(pipe: Any) -> None:
    events = code(
        pipe, "The members of the Security Council are encouraged by the decision of the Iraqi president."
    )
    assert not of_type(events, "REQUEST")
    assert of_type(code(pipe, "The Security Council encouraged Iraq to form a new government."), "REQUEST")


@pytest.mark.model
def test_a_danger_described_is_no_threat(pipe: Any) -> None:
    events = code(pipe, "Smuggling by the gangs threatened the security of Mali, officials said.")
    assert not of_type(events, "THREATEN")
    assert of_type(code(pipe, "Iran threatened to close the Strait of Hormuz."), "THREATEN")


@pytest.mark.model
def test_seeking_to_is_an_attempt_not_a_request(pipe: Any) -> None:
    events = code(pipe, "Hungary is seeking to join the talks between Serbia and Kosovo.")
    assert not of_type(events, "REQUEST")
    assert of_type(code(pipe, "Lebanon sought financial aid from Saudi Arabia."), "REQUEST")


@pytest.mark.model
def test_inspecting_weapons_is_no_investigation(pipe: Any) -> None:
    assert not of_type(
        code(pipe, "A Colombian army officer inspects the rifles seized from the rebels."), "ACCUSE"
    )


# -- nominal events that are the content of an ending -------------------------------------------------
@pytest.mark.model
def test_the_violence_an_ending_ends_is_no_new_event(pipe: Any) -> None:
    events = code(pipe, "Germany has called for a lasting cessation of hostilities in Yemen.")
    assert of_type(events, "REQUEST") and not of_type(events, "ASSAULT")
    events = code(pipe, "France pressed the Syrian government to end its attacks on civilians.")
    assert not of_type(events, "ASSAULT")
    events = code(pipe, "The two presidents called for an end to the fighting in Sudan.")
    assert not of_type(events, "ASSAULT")
    assert of_type(code(pipe, "Sudanese troops launched attacks on civilians in Darfur."), "ASSAULT")


@pytest.mark.model
def test_a_landmark_takes_no_part_in_the_clause(pipe: Any) -> None:
    events = code(pipe, "A suicide bomber blew himself up near a coalition patrol in Kirkuk.")
    assert not [e for e in of_type(events, "MOBILIZE") if any(a["sector"] == "REB" for a in e["actor"])]


# -- acts that are not done -----------------------------------------------------------------------------
@pytest.mark.model
def test_a_question_is_not_an_event(pipe: Any) -> None:
    events = code(pipe, "Question: Will Japan send troops to the Gulf?")
    assert events and all(e["modality"] == "hypothetical" for e in events)
    assert "question" in events[0]["reason"]
    assert asserted(code(pipe, "Japan sent troops to the Gulf."), "MOBILIZE")


@pytest.mark.model
def test_the_purpose_of_an_act_is_not_done(pipe: Any) -> None:
    events = code(pipe, "The Iraqi army launched an operation to recapture the city from the militants.")
    assert not asserted(events, "ASSAULT") or all(
        e["evidence"]["trigger"]["text"] != "recapture" for e in asserted(events, "ASSAULT")
    )
    retake = [e for e in events if e["evidence"]["trigger"]["text"] == "recapture"]
    assert retake and retake[0]["modality"] == "hypothetical"
    assert asserted(code(pipe, "The Iraqi army recaptured the city from the militants."), "ASSAULT")


@pytest.mark.model
def test_the_purpose_of_a_future_journey_is_not_done_yet(pipe: Any) -> None:
    events = code(pipe, "Blinken will travel to Paris for the meeting to discuss the war with Lavrov.")
    assert not asserted(events, "CONSULT")


@pytest.mark.model
def test_an_act_that_expresses_its_purpose_is_done(pipe: Any) -> None:
    events = code(pipe, "Farmers blocked the highway to demand higher prices from the government.")
    assert asserted(events, "REQUEST") and asserted(events, "PROTEST")


@pytest.mark.model
def test_an_intent_named_in_an_accusation_stays_below_it(pipe: Any) -> None:
    events = code(pipe, "Israel accused Hezbollah of seeking to attack its northern towns.")
    m = sorted(events, key=lambda e: (-e["confidence"], e["evidence"]["trigger"]["start"]))[0]
    assert m["event"] == "ACCUSE"
    assert all(e["confidence"] < m["confidence"] for e in of_type(events, "THREATEN"))


@pytest.mark.model
def test_everyday_senses_of_visiting_hosting_buying(pipe: Any) -> None:
    assert not code(
        pipe, "Her father, a Kenyan teacher, visited the police station in Nairobi several times."
    )
    assert of_type(code(pipe, "Macron visited Algeria on Monday."), "CONSULT")
    assert not of_type(code(pipe, "An Iraqi base hosting US troops was hit by rockets."), "CONSULT")
    assert of_type(code(pipe, "Qatar hosted talks between the United States and the Taliban."), "CONSULT")
    assert not code(pipe, "The Iraqi minister needed to buy a new suit in London.")
    assert of_type(code(pipe, "India bought fighter jets from France."), "COOPERATE")


@pytest.mark.model
def test_taking_part_in_a_march_is_the_protest(pipe: Any) -> None:
    events = code(pipe, "Thousands of people took part in peaceful marches across Kenya.")
    assert of_type(events, "PROTEST") and not of_type(events, "CONSULT")
    assert of_type(code(pipe, "Iran took part in the talks in Vienna."), "CONSULT")


@pytest.mark.model
def test_declining_to_give_a_name_is_no_rejection(pipe: Any) -> None:
    assert not of_type(code(pipe, "Iraqi police officers declined to give their names."), "REJECT")
    assert of_type(code(pipe, "Egypt declined the invitation to the summit."), "REJECT")


@pytest.mark.model
def test_an_untensed_act_shares_the_future_of_its_governor(pipe: Any) -> None:
    events = code(pipe, "The reporters will gather in the room and be called on to ask their questions.")
    assert not asserted(events, "REQUEST")
    events = code(pipe, "The accord would let their forces train on each other's territory.")
    assert not asserted(events, "COOPERATE")
    # what continues is under way
    assert asserted(code(pipe, "The Syrian army will continue to shell the rebel positions."), "ASSAULT")


@pytest.mark.model
def test_the_complement_of_a_negated_permission_is_not_done(pipe: Any) -> None:
    events = code(pipe, "The Iraqi law does not permit the police to carry out arrests in other provinces.")
    assert not asserted(events, "COERCE")


@pytest.mark.model
def test_strikes_that_destroy_or_deliver_munitions_are_assaults(pipe: Any) -> None:
    assert of_type(code(pipe, "A US airstrike destroyed a weapons factory near Mosul."), "ASSAULT")
    assert not of_type(
        code(pipe, "The coalition's airstrikes delivered 30 munitions against militant targets."), "AID"
    )
    assert of_type(code(pipe, "Russia delivered fighter jets to Syria."), "AID")


@pytest.mark.model
def test_capturing_a_person_is_an_arrest_not_an_occupation(pipe: Any) -> None:
    events = code(pipe, "He was captured by Jordanian special forces in 2006.")
    assert of_type(events, "COERCE") and not of_type(events, "ASSAULT")
    assert events[0]["date"].startswith("2006")


@pytest.mark.model
def test_an_act_of_its_own_actor_under_anothers_intent_is_under_way(pipe: Any) -> None:
    events = code(pipe, "Many Arab villagers are seeking to join the Kurdish militia's fight against ISIL.")
    assert not of_type(events, "THREATEN")
    assert [e for e in of_type(events, "ASSAULT") if e["modality"] == "asserted"]
    # the actor's own intent stays a threat
    assert of_type(code(pipe, "Iran vowed to continue its attacks on Israel."), "THREATEN")


@pytest.mark.model
def test_dates_of_a_narrative_and_of_reported_acts(pipe: Any) -> None:
    text = (
        "He was arrested by Jordanian intelligence officers in May 2006. "
        "He later said that he was captured inside Iraq by the Jordanian army on 10 May."
    )
    captured = [e for e in code(pipe, text) if e["evidence"]["trigger"]["text"] == "captured"]
    assert captured and captured[0]["date"] == "2006-05-10"
    events = code(pipe, "On 23 May 2006, he admitted that he had killed two Jordanian citizens.")
    assert events and events[0]["date"] == "2006-05-23"


@pytest.mark.model
def test_what_a_responsibility_or_an_appeal_asks_for_is_not_done(pipe: Any) -> None:
    events = code(
        pipe,
        "Russia has a special responsibility to press the Syrian regime to end its attacks "
        "and immediately allow relief supplies into Aleppo.",
    )
    assert not [e for e in events if e["modality"] == "asserted"]
    assert not of_type(events, "ASSAULT")
    events = code(
        pipe, "Kerry urged Lavrov to press the regime to cease at once airstrikes against the rebels."
    )
    assert not of_type(events, "ASSAULT") and of_type(events, "REQUEST")


@pytest.mark.model
def test_nominal_senses_news_conferences_press_releases_and_targets(pipe: Any) -> None:
    text = '"We will defend our waters," the Philippine defence minister said at a news conference in Manila.'
    assert not of_type(code(pipe, text), "CONSULT")
    assert of_type(
        code(pipe, "The Philippine and Japanese defence ministers held a conference in Manila."), "CONSULT"
    )
    assert not code(pipe, "The coalition commander said in the release that the operation was over.")
    assert of_type(code(pipe, "The release of the hostages by Hamas was welcomed by Qatar."), "RETREAT")
    events = code(
        pipe, "The destruction of ISIL targets in Syria limits the group's ability to conduct operations."
    )
    assert not [e for e in of_type(events, "ASSAULT") if any(a["sector"] == "REB" for a in e["actor"])]
    assert of_type(code(pipe, "Kenya has been a target of al-Shabaab for years."), "ASSAULT")


@pytest.mark.model
def test_sanctions_that_target_are_sanctions(pipe: Any) -> None:
    events = code(pipe, "The thirteen new EU sanctions target key Syrian businessmen and companies.")
    assert of_type(events, "SANCTION") and not of_type(events, "ASSAULT")


@pytest.mark.model
def test_rewards_procedures_and_military_participation(pipe: Any) -> None:
    assert not code(pipe, "The US State Department is offering rewards for information on the ISIL leaders.")
    assert of_type(code(pipe, "Japan offered humanitarian aid to Turkey."), "AGREE")
    assert not of_type(
        code(pipe, "The Kenyan parliament approved the nomination of the new defence minister."), "SUPPORT"
    )
    events = code(pipe, "Rwandan soldiers had taken part in operations alongside the M23 in North Kivu.")
    assert not of_type(events, "CONSULT")


@pytest.mark.model
def test_a_headline_infinitive_is_announced_not_done(pipe: Any) -> None:
    events = code(pipe, "Egypt to send troops to new African Union force in Somalia")
    assert of_type(events, "MOBILIZE") and not asserted(events, "MOBILIZE")
    assert asserted(code(pipe, "Egypt sent troops to the African Union force in Somalia."), "MOBILIZE")


@pytest.mark.model
def test_taking_a_tough_line_is_a_stance(pipe: Any) -> None:
    events = code(pipe, "Ankara demanded that Stockholm take a tougher line against Kurdish militant groups.")
    assert not of_type(events, "ASSAULT") and of_type(events, "REQUEST")


@pytest.mark.model
def test_the_topic_of_a_comment_and_a_circumstance_take_no_part_in_the_clause(pipe: Any) -> None:
    events = code(pipe, "Carter commented on the terrorist bombings in Istanbul, Turkey.")
    assert all(not e["actor"] for e in of_type(events, "ASSAULT"))
    events = code(
        pipe, "The French president urged new sanctions on Russia amid ceasefire violations in Ukraine."
    )
    assert all(not any(a["country"] == "FRA" for a in e["actor"]) for e in of_type(events, "ASSAULT"))


@pytest.mark.model
def test_a_relative_clause_subject_is_its_antecedent(pipe: Any) -> None:
    events = code(
        pipe, "Russia denied that its planes carried out air strikes that destroyed a hospital in Aleppo."
    )
    assert not of_type(events, "COERCE")


@pytest.mark.model
def test_meeting_a_target_and_raising_a_defence_budget(pipe: Any) -> None:
    text = "He said Germany would keep increasing its defence budget to meet NATO's target of two percent."
    events = code(pipe, text)
    assert not of_type(events, "CONSULT") and not of_type(events, "AID") and not of_type(events, "AGREE")
    assert of_type(code(pipe, "The government met the demands of the striking workers."), "CONCEDE")
    assert of_type(code(pipe, "Japan increased its aid to Ukraine."), "AID")


@pytest.mark.model
def test_the_object_of_would_in_reported_speech_is_intended(pipe: Any) -> None:
    events = code(pipe, "Britain said it would maintain its military aid to Ukraine for as long as needed.")
    assert of_type(events, "AGREE") and all(e["modality"] != "hypothetical" for e in of_type(events, "AGREE"))


@pytest.mark.model
def test_business_and_sports_senses_of_conflict_words(pipe: Any) -> None:
    for text in (
        "Apple captured 30 percent of the Chinese smartphone market.",
        "Fans invaded the pitch after the match in Madrid.",
        "Samsung launched an attack on Apple's market share in India.",
        "Toyota will target younger buyers in Europe.",
        "The Indian striker shot the ball into the net against Pakistan.",
        "Microsoft fired 200 workers at its Dublin office.",
        "The stock market rally continued in Tokyo on Monday.",
        "The two airlines are locked in a price war over routes to London.",
    ):
        assert not [e for e in code(pipe, text) if e["event"] in ("ASSAULT", "THREATEN", "PROTEST")], text
    for text in (
        "Russian troops captured the town of Avdiivka.",
        "Israeli troops stormed the hospital in Gaza.",
        "The army fired at protesters in Yangon.",
        "The rebels launched an attack on the army base near Goma.",
        "Iran targeted US bases in Iraq with missiles.",
        "Soldiers shot two rebel fighters in Khartoum.",  # (force on protesters is repression, 175)
    ):
        assert of_type(code(pipe, text), "ASSAULT"), text


@pytest.mark.model
def test_what_a_naming_verb_calls_something_is_no_event(pipe: Any) -> None:
    assert not code(pipe, "Pakistan called the strike an unprovoked violation of its sovereignty.")
    assert of_type(code(pipe, "Unions called a general strike in Buenos Aires."), "PROTEST")


@pytest.mark.model
def test_declining_to_be_named_is_no_rejection(pipe: Any) -> None:
    assert not of_type(
        code(pipe, "A senior Iraqi official, who declined to be named, said Iran had agreed."), "REJECT"
    )
