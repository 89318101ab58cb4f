"""Event types, round 5 (issue 4): general constructions, on sentences written for the project (real spaCy model)."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code, main

pytestmark = pytest.mark.model


def by_trigger(events: list[dict[str, Any]], word: str) -> dict[str, Any]:
    found = [e for e in events if e["evidence"]["trigger"]["text"].split()[0] == word]
    assert found, f"no event on '{word}'"
    return found[0]


def test_no_on_the_object_or_the_noun_negates_the_act(pipe: Any) -> None:
    e = by_trigger(
        code(pipe, "The Turkish army said it had carried out no air strikes in Iraq this week."), "carried"
    )
    assert e["event"] == "ASSAULT" and e["modality"] == "negated"
    e = by_trigger(code(pipe, "Kenyan soldiers fired no shots at the Somali fighters."), "fired")
    assert e["modality"] == "negated"
    # the act with an ordinary determiner stays asserted
    e = by_trigger(code(pipe, "The Turkish army carried out air strikes in northern Iraq."), "carried")
    assert e["modality"] == "asserted"
    # a quoted slogan is no negation of the act that voices it
    events = code(pipe, 'Thousands of Serbs marched through Belgrade chanting "No surrender!" on Friday.')
    assert all(e["modality"] == "asserted" for e in events if e["event"] == "PROTEST")


def test_a_clause_before_a_considering_verb_is_not_what_is_considered(pipe: Any) -> None:
    # a comma splice the parser reads as the complement of "considered": the pledge is made, not considered
    text = (
        "The Ethiopian prime minister promised to free all political prisoners, the delay of which is "
        "widely considered the main obstacle to talks"
    )
    e = by_trigger(code(pipe, text), "promised")
    assert e["event"] == "AGREE" and e["modality"] == "asserted"
    # a complement after the considering verb is still only considered
    e = by_trigger(code(pipe, "Ethiopia is considering whether to impose sanctions on Eritrea."), "impose")
    assert e["modality"] == "hypothetical"


def test_force_on_dissent_by_no_authority_is_an_assault_not_repression(pipe: Any) -> None:
    m = main(code(pipe, "A group of Serbs attacked a peaceful rally of Albanians in Pristina on Sunday."))
    assert m["event"] == "ASSAULT" and m["cameo"] == "180"
    m = main(code(pipe, "Taliban fighters beat protesters in Kabul on Tuesday."))
    assert m["event"] == "ASSAULT"
    # the police, the army or a state keep the repression
    m = main(code(pipe, "Serbian police attacked a peaceful rally in Belgrade on Sunday."))
    assert m["event"] == "COERCE" and m["cameo"] == "175"


def test_seizing_drugs_or_counterfeit_goods_is_no_political_event(pipe: Any) -> None:
    assert not any(
        e["cameo"].startswith("17")
        for e in code(pipe, "Kenyan police seized two tonnes of cocaine in Mombasa.")
    )
    assert not any(
        e["cameo"].startswith("17")
        for e in code(pipe, "Customs officers in Lagos seized 500 boxes of fake perfume.")
    )
    assert not any(
        e["cameo"].startswith("17")
        for e in code(pipe, "Police in Hanoi confiscated counterfeit watches worth $2 million.")
    )
    # seized arms, ships or territory are still coded
    m = main(code(pipe, "Nigerian troops seized weapons and ammunition from Boko Haram fighters in Borno."))
    assert m["event"] == "COERCE"
    m = main(code(pipe, "Iran seized a British tanker in the Strait of Hormuz."))
    assert m["event"] == "COERCE"


def test_a_protest_named_by_its_noun_is_an_event_without_named_protesters(pipe: Any) -> None:
    events = code(pipe, "A wave of protests has shaken the Kenyan capital for three weeks.")
    assert main(events)["event"] == "PROTEST"
    events = code(pipe, "Anti-government demonstrations resumed in Khartoum on Friday.")
    assert main(events)["event"] == "PROTEST"
    # other nouns with no party stay dropped, and a storm is no protest
    assert not code(pipe, "A wave of violence has shaken the region for three weeks.")
    assert not code(pipe, "A powerful storm has shaken the Kenyan coast for three days.")


def test_a_relative_clause_on_a_claimed_deed_is_the_claim_content(pipe: Any) -> None:
    # "take credit for" is a claim of responsibility (CAMEO 015), which PLOVER does not code; the deed it is about,
    # and the relative clause that describes the deed, are its content
    events = code(pipe, "Al-Shabaab took credit for the car bomb that killed twelve soldiers in Mogadishu.")
    assert not any(e["event"] == "ASSAULT" for e in events)
    events = code(
        pipe, "Al-Shabaab claimed responsibility for the attack which destroyed a police station in Kismayo."
    )
    assert not any(e["event"] == "ASSAULT" for e in events)
    # a participle that is a document's own content is still the act ("a declaration demanding changes")
    m = main(
        code(
            pipe,
            "Kenyan opposition activists published a declaration demanding the release of political prisoners.",
        )
    )
    assert m["event"] == "REQUEST"
    # without a claim the attack is coded
    assert (
        main(code(pipe, "A car bomb killed twelve Somali soldiers in Mogadishu on Monday."))["event"]
        == "ASSAULT"
    )


def test_a_clash_of_police_with_protesters_is_the_riot_either_way_round(pipe: Any) -> None:
    m = main(code(pipe, "Kenyan police clashed with hundreds of protesters in Nairobi on Saturday."))
    assert m["event"] == "PROTEST" and m["cameo"] == "145" and m["reciprocal"] is True
    m = main(code(pipe, "Protesters clashed with Kenyan police in Nairobi on Saturday."))
    assert m["event"] == "PROTEST" and m["cameo"] == "145"
    # a clash between armed forces stays fighting
    m = main(code(pipe, "Kenyan troops clashed with al-Shabaab fighters near the Somali border."))
    assert m["event"] == "ASSAULT"


def test_a_protest_held_or_staged_is_an_event_without_named_protesters(pipe: Any) -> None:
    m = main(code(pipe, "Anti-government protests were held in several Bahraini towns on Monday night."))
    assert m["event"] == "PROTEST" and m["cameo"] == "141"
    # a verb that only sounds like a protest is not kept without a party
    assert not any(
        e["event"] == "PROTEST" for e in code(pipe, "These figures demonstrate a clear disregard for safety.")
    )


def test_a_participle_naming_a_patron_is_no_act_of_support(pipe: Any) -> None:
    events = code(pipe, "Militias backed by Iran attacked a Kurdish checkpoint near Kirkuk.")
    assert main(events)["event"] == "ASSAULT"
    assert not any(e["event"] == "SUPPORT" for e in events)
    # backing as the act of a clause is still support
    m = main(code(pipe, "France backed the Kenyan proposal at the United Nations on Monday."))
    assert m["event"] == "SUPPORT"


def test_premises_looted_or_burned_are_an_attack_on_property_without_a_named_party(pipe: Any) -> None:
    m = main(code(pipe, "About thirty Somali-owned shops were looted in Nairobi on Monday night."))
    assert m["event"] == "COERCE" and m["cameo"] == "171"
    m = main(code(pipe, "Several churches have been burned in northern Nigeria this month."))
    assert m["event"] == "COERCE" and m["cameo"] == "1712"
    # what is looted or burned must be premises: burned rubbish or a fire is no event
    assert not code(pipe, "Farmers burned the dry grass near Kisumu on Monday.")


def test_a_protest_stopped_by_an_authority_is_no_concession(pipe: Any) -> None:
    m = main(code(pipe, "Kenyan police forcefully halted the demonstration in Nairobi on Tuesday."))
    assert m["event"] == "COERCE" and m["cameo"] == "1721"
    # the protesters calling it off concede
    m = main(code(pipe, "The Kenyan teachers' union called off its strike on Tuesday."))
    assert m["cameo"] == "082"


def test_intercepted_packages_are_a_security_act_without_a_named_party(pipe: Any) -> None:
    m = main(code(pipe, "Two suspicious packages were intercepted at a mail centre in Ottawa on Tuesday."))
    assert m["event"] == "COERCE" and m["cameo"] == "1711"


def test_in_violation_of_characterises_the_act_it_hangs_on(pipe: Any) -> None:
    events = code(pipe, "Eritrean troops entered the buffer zone in violation of the 2018 peace agreement.")
    assert not any(e["evidence"]["trigger"]["text"] == "violation" for e in events)
    # a violation that is the act of its own clause is still coded
    events = code(pipe, "Eritrea's violation of Ethiopian airspace angered Addis Ababa.")
    assert any(e["evidence"]["trigger"]["text"] == "violation" for e in events)


def test_force_with_no_target_is_aimed_at_whom_its_purpose_or_result_clause_names(pipe: Any) -> None:
    m = main(
        code(pipe, "Kenyan police opened fire to disperse opposition demonstrators in Kisumu on Monday.")
    )
    assert m["event"] == "ASSAULT" and m["evidence"]["trigger"]["text"] == "opened fire"
    assert m["recipient"] and m["recipient"][0]["sector"] == "CVL"
    e = by_trigger(
        code(pipe, "Al-Shabaab fighters attacked a checkpoint in Somalia, killing twelve Somali soldiers."),
        "attacked",
    )
    assert any(r["country"] == "SOM" for r in e["recipient"])


def test_receiving_from_a_giver_is_the_givers_act(pipe: Any) -> None:
    m = main(code(pipe, "Somali militias received weapons from the Ethiopian government last year."))
    assert m["event"] == "AID" and m["cameo"] == "072"
    assert [a["country"] for a in m["actor"]] == ["ETH"]
    m = main(code(pipe, "Jordan received $200 million in aid from Japan on Monday."))
    assert m["event"] == "AID" and [a["country"] for a in m["actor"]] == ["JPN"]
    assert [a["country"] for a in m["recipient"]] == ["JOR"]
    # receiving visitors keeps its own pattern (hosting)
    m = main(code(pipe, "The Kenyan president received the Ugandan foreign minister in Nairobi."))
    assert m["event"] == "CONSULT"


def test_forces_moved_in_a_passive_with_no_agent_name_who_moves_them(pipe: Any) -> None:
    m = main(code(pipe, "Forty UN peacekeepers were withdrawn from the Congolese town of Bunia on Friday."))
    assert m["event"] == "SANCTION" and m["cameo"] == "1661"
    assert [a["code"] for a in m["actor"]] == ["IGOUNO"]
    m = main(code(pipe, "Sixty UN peacekeepers were shipped out of the Congolese town of Bunia on Friday."))
    assert m["cameo"] == "1661" and [a["code"] for a in m["actor"]] == ["IGOUNO"]
    # in other passives the subject is acted on: attacked troops do not attack
    m = main(code(pipe, "Kenyan troops were attacked near the Somali border on Friday."))
    assert m["event"] == "ASSAULT" and all(a.get("country") != "KEN" for a in m["actor"])


def test_a_nominal_event_in_a_time_phrase_of_another_act_ranks_below_it(pipe: Any) -> None:
    text = "Kenyan troops remained on high alert along the border after a week of Somali unrest."
    m = main(code(pipe, text))
    assert m["event"] == "MOBILIZE"
    # when the verb it dates is no event, the nominal event stays the main one
    m = main(
        code(
            pipe,
            "Several villagers suffered breathing problems after a chlorine gas attack on Saraqeb in Syria.",
        )
    )
    assert m["event"] == "ASSAULT"


def test_an_act_only_feared_or_anticipated_is_not_done(pipe: Any) -> None:
    e = by_trigger(code(pipe, "Fears of an Israeli attack on Iran rose in Tehran on Monday."), "attack")
    assert e["event"] == "ASSAULT" and e["modality"] == "hypothetical"
    events = code(
        pipe, "Egyptian police arrested dozens of activists in Cairo in anticipation of mass protests."
    )
    assert not any(
        e["evidence"]["trigger"]["text"] == "protests" and e["modality"] == "asserted" for e in events
    )
    assert by_trigger(events, "arrested")["modality"] == "asserted"
    # an attack of its own is done
    assert (
        by_trigger(code(pipe, "An Israeli attack on Iran killed two guards."), "attack")["modality"]
        == "asserted"
    )
