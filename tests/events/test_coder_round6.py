"""Event types, round 6 (issue 4): general constructions, on sentences written for the project (real spaCy model)."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code, main

pytestmark = pytest.mark.model


def by_trigger(events: list[dict[str, Any]], word: str) -> dict[str, Any]:
    found = [e for e in events if e["evidence"]["trigger"]["text"].split()[0] == word]
    assert found, f"no event on '{word}': {[e['evidence']['trigger']['text'] for e in events]}"
    return found[0]


def test_a_hyphenated_noun_split_by_the_tokenizer_is_the_whole_word(pipe: Any) -> None:
    # spaCy splits "sit-in" into sit, -, in: the lexicon's hyphenated nouns are matched on the whole word
    e = main(code(pipe, "Dozens of activists held a die-in outside the Kenyan parliament on Friday."))
    assert e["event"] == "PROTEST" and e["evidence"]["trigger"]["text"] == "held a die-in"
    e = main(code(pipe, "Nurses in Harare started a sit-in at the health ministry on Monday."))
    assert e["event"] == "PROTEST" and e["evidence"]["trigger"]["text"].endswith("sit-in")
    e = by_trigger(code(pipe, "The cease-fire between Armenia and Azerbaijan held on Sunday."), "cease-fire")
    assert e["event"] == "RETREAT"
    # a verb too: "pepper-sprayed" is split into pepper, -, sprayed
    e = main(code(pipe, "A student was pepper-sprayed by riot police in Hamburg on Friday."))
    assert e["event"] == "COERCE" and e["cameo"] == "175"
    # a hyphenated word whose whole is no event keeps the sense of its last part, or none
    assert not [
        e for e in code(pipe, "The sit-down dinner in Paris was cancelled.") if e["event"] == "PROTEST"
    ]


def test_a_prisoner_exchange_is_an_event_with_no_party_named(pipe: Any) -> None:
    # the of-phrase names the sense of a noun with no plain one, as a modifier does ("a prisoner exchange")
    e = by_trigger(
        code(pipe, "Red Cross staff watched the exchange of prisoners of war near Mariupol on Friday."),
        "exchange",
    )
    assert e["event"] == "RETREAT" and e["cameo"] == "0841"
    e = by_trigger(
        code(pipe, "Officials oversaw the exchange process of detainees at the border crossing."), "exchange"
    )
    assert e["cameo"] == "0841"
    # an exchange of fire is still no release, and an exchange of ideas no event at all
    assert not [
        e for e in code(pipe, "The exchange of fire near the village lasted an hour.") if e["cameo"] == "0841"
    ]
    assert not code(pipe, "Students took part in an exchange of ideas at the university.")


def test_emplacing_or_placing_a_bomb_is_a_bombing_by_who_placed_it(pipe: Any) -> None:
    text = "An improvised explosive device, emplaced by ULFA militants, detonated near an army convoy in Assam on Friday."
    e = main(code(pipe, text))
    assert e["event"] == "ASSAULT" and e["cameo"] == "183" and e["actor"]
    # placing something else is no bombing
    assert not [
        e
        for e in code(pipe, "The minister placed a wreath at the memorial in Kigali.")
        if e["event"] == "ASSAULT"
    ]


def test_sexual_assault_and_sexual_violence_are_sexual_violence(pipe: Any) -> None:
    e = by_trigger(
        code(pipe, "Kenyan police officers committed sexual violence against detainees in Nairobi."),
        "violence",
    )
    assert e["cameo"] == "1821"
    e = main(code(pipe, "Rebel fighters carried out a sexual assault on a girl near Bunia on Monday."))
    assert e["event"] == "ASSAULT" and e["cameo"] == "1821"


def test_a_light_verb_takes_the_more_specific_code_of_its_event_object(pipe: Any) -> None:
    e = main(code(pipe, "Syrian government forces launched a chemical attack on Douma on Saturday."))
    assert e["event"] == "ASSAULT" and e["cameo"] == "2041"
    e = main(code(pipe, "The militants carried out a suicide attack on a checkpoint in Mogadishu."))
    assert e["cameo"] == "1831"
    # an object with no modifier keeps the verb's code
    e = main(code(pipe, "The militants carried out an attack on a checkpoint in Mogadishu."))
    assert e["event"] == "ASSAULT" and e["cameo"] == "190"


def test_a_standalone_act_on_things_is_named_by_any_conjunct_of_its_object(pipe: Any) -> None:
    e = main(code(pipe, "Soldiers found pistols, rifles and mortars in a house near Mosul."))
    assert e["event"] == "COERCE" and e["cameo"] == "1711"
    # the head of the object names the act first: water cannon is 175, not the bullets' force
    text = "Iraqi security forces fired water cannons, tear gas and rubber bullets into crowds of protesters in Basra."
    assert main(code(pipe, text))["cameo"] == "175"
    # finding handguns and cash is police work, not a security act
    assert not code(pipe, "Police found pistols and cash in a house in Lagos.")
    e = main(code(pipe, "Afghan troops cleared landmines from the road near Kandahar."))
    assert e["cameo"] == "171"


def test_fighters_demobilized_with_no_agent_demobilize_themselves(pipe: Any) -> None:
    e = main(
        code(pipe, "A third of the rebel fighters have been demobilized since the ceasefire in Mindanao.")
    )
    assert e["event"] == "RETREAT" and e["cameo"] == "0873"
    assert e["actor"] and e["actor"][0]["sector"] == "REB"


def test_a_protest_verb_that_names_who_protests_is_kept_when_they_do_not_resolve(pipe: Any) -> None:
    e = main(code(pipe, "Relatives of the missing fishermen protested on Monday."))
    assert e["event"] == "PROTEST"
    # another sense of the verb, with an object or a following that-clause, is no protest
    assert not code(pipe, "The new study demonstrated that the vaccine works.")
    assert not [e for e in code(pipe, "The figures demonstrate a steady decline.") if e["event"] == "PROTEST"]
    # a participle in a small clause is a state found, not what its subject did
    text = "Malian troops retook the town on Friday to find the shops vandalised and the market burned."
    assert not [e for e in code(pipe, text) if e["event"] == "PROTEST"]


def test_paying_compensation_is_restitution_and_giving_access_is_allowing_it(pipe: Any) -> None:
    e = main(
        code(pipe, "Kenya has paid compensation to 300 families whose land was seized by the colonial state.")
    )
    assert e["event"] == "RETREAT" and e["cameo"] == "0842"
    e = main(code(pipe, "Sudan gave UN investigators access to the camps in Darfur."))
    assert e["cameo"] == "086"
    # refused: a rejection
    e = main(code(pipe, "Serbia said it would not give permission to NATO to use its airspace."))
    assert e["event"] == "REJECT"


def test_a_protest_that_turns_violent_is_a_riot(pipe: Any) -> None:
    e = main(code(pipe, "Demonstrators turned violent in Lagos on Saturday as the vote count began."))
    assert e["event"] == "PROTEST" and e["cameo"] == "145"
    e = by_trigger(code(pipe, "The march in Harare turned deadly when police opened fire."), "turned")
    assert e["cameo"] == "145"
    # the state of anything else is no riot
    assert not code(pipe, "The weather turned violent overnight in Hamburg.")


def test_an_attack_named_by_its_weapon_is_complete_without_an_attacker(pipe: Any) -> None:
    e = main(code(pipe, "A police checkpoint was attacked with grenades on Monday night."))
    assert e["event"] == "ASSAULT" and e["cameo"] == "183"
    e = main(code(pipe, "Gunmen attacked the army camp with mortars near Gao."))
    assert e["cameo"] == "194"
    # attacking with words is verbal
    e = main(code(pipe, "The opposition attacked the government with harsh words on Tuesday."))
    assert e["event"] == "ACCUSE"


def test_communal_or_sectarian_violence_is_an_event_with_no_party_named(pipe: Any) -> None:
    e = by_trigger(code(pipe, "The province saw a new wave of sectarian violence last week."), "violence")
    assert e["event"] == "ASSAULT"
    e = by_trigger(
        code(pipe, "Villagers fled a surge of mob violence aimed at the Christian minority."), "violence"
    )
    assert e["event"] == "ASSAULT"
    # violence of no such kind names no event by itself
    assert not code(pipe, "Domestic violence cases rose sharply in Lagos last year.")


def test_what_demonstrators_take_part_in_is_their_protest(pipe: Any) -> None:
    text = (
        'Hundreds of demonstrators participated in what organizers called a "Peace Walk" in Lima on Sunday.'
    )
    e = main(code(pipe, text))
    assert e["event"] == "PROTEST"
    e = by_trigger(
        code(pipe, "Teachers formed a human chain outside the education ministry in Dhaka."), "chain"
    )
    assert e["event"] == "PROTEST"
    # delegates taking part in a conference do not protest
    assert not [
        e
        for e in code(pipe, "Delegates participated in the conference in Geneva.")
        if e["event"] == "PROTEST"
    ]


def test_a_past_form_tagged_as_an_adjective_with_an_object_is_a_verb(pipe: Any) -> None:
    # the tagger reads "torched" as an adjective here; with a direct object it is the verb
    text = "Police said two rival groups in the town of Kota pelted stones on each other and torched vehicles parked nearby."
    e = main(code(pipe, text))
    assert e["event"] == "COERCE" and e["cameo"] == "1712"


def test_a_decision_to_act_is_the_act_of_who_made_it(pipe: Any) -> None:
    e = main(
        code(pipe, "The decision to withdraw from the town of Tal Afar was taken by the Kurdish leadership.")
    )
    assert e["event"] == "RETREAT" and e["actor"]
    e = main(code(pipe, "Turkey made the decision to pull its troops out of the Idlib area."))
    assert e["event"] == "RETREAT" and e["actor"][0]["code"].startswith("TUR")
    # who opposes a plan is not its maker
    events = code(pipe, "Russia opposed the plan to expand the alliance to Ukraine.")
    assert not [e for e in events if e["actor"] and e["actor"][0]["code"] == "RUS" and e["event"] != "REJECT"]


def test_what_an_act_is_aimed_at_is_not_done(pipe: Any) -> None:
    text = "Witnesses say the army has mounted a campaign of torching aimed at driving out the Hazara population."
    events = code(pipe, text)
    driven = [e for e in events if e["cameo"].startswith("20")]
    assert all(e["modality"] == "hypothetical" for e in driven)
    assert main(events)["event"] == "COERCE"


def test_who_is_guilty_of_or_responsible_for_an_act_did_it(pipe: Any) -> None:
    e = main(
        code(pipe, "Both the Sudanese army and the SPLA are guilty of violating the ceasefire agreement.")
    )
    assert e["event"] == "REJECT" and len(e["actor"]) == 2
    e = by_trigger(
        code(pipe, "Monitors said Russia is responsible for shelling the Ukrainian town of Izium."),
        "shelling",
    )
    assert e["actor"] and e["actor"][0]["code"].startswith("RUS")


def test_who_resorts_or_returns_to_an_act_does_it(pipe: Any) -> None:
    e = main(
        code(pipe, "Kashmiri youths resorted to throwing stones at Indian police in Srinagar on Friday.")
    )
    assert e["event"] == "PROTEST" and e["actor"]
    e = by_trigger(code(pipe, "The rebels returned to shelling the city of Aleppo."), "shelling")
    assert e["actor"] and e["actor"][0]["sector"] == "REB"


def test_a_subject_parsed_into_a_fronted_phrase_is_the_subject(pipe: Any) -> None:
    text = (
        "With the signing of a Declaration of Principles (DOP) on Cessation of Hostilities, the Congolese government "
        "and M23/A have agreed to allow humanitarian access to Goma."
    )
    e = by_trigger(code(pipe, text), "agreed")
    assert e["event"] == "AGREE" and e["actor"]


def test_actions_targeting_a_country_are_measures_and_military_action_is_force(pipe: Any) -> None:
    e = by_trigger(
        code(pipe, "The European Union announced new actions targeting Belarus over the forced landing."),
        "targeting",
    )
    assert e["event"] == "SANCTION"
    e = by_trigger(
        code(pipe, "Israeli air strikes targeting Hamas commanders killed 12 people in Gaza."), "targeting"
    )
    assert e["event"] == "ASSAULT"
    e = by_trigger(
        code(pipe, "The Pentagon confirmed military action targeting militia sites in Syria."), "targeting"
    )
    assert e["event"] == "ASSAULT"
