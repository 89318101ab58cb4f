"""Event types and the choice of the main event, on sentences written for the project (real spaCy model).

Each test names the general behaviour it checks: the governing clause outranks its complement, reported
obligations are demands, refusals are rejections, disasters are not political events, and so on.
"""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code, main

pytestmark = pytest.mark.model


def codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["country"] for a in side if a["country"]}


def test_governing_clause_is_the_main_event(pipe: Any) -> None:
    events = code(pipe, "Germany agreed to provide humanitarian aid to Jordan.")
    m = main(events)
    assert m["event"] == "AGREE" and m["evidence"]["trigger"]["text"] == "agreed"
    aid = [e for e in events if e["event"] == "AID"]
    assert aid and aid[0]["confidence"] < m["confidence"]
    assert "embedded under the event of 'agreed'" in aid[0]["reason"]


def test_accusation_outranks_the_act_it_names(pipe: Any) -> None:
    m = main(code(pipe, "Azerbaijan accused Armenia of shelling its positions near the border."))
    assert m["event"] == "ACCUSE"


def test_reported_obligation_is_a_demand_of_the_speaker(pipe: Any) -> None:
    m = main(code(pipe, "Britain said that Iran must release the detained sailors."))
    assert m["event"] == "REQUEST" and m["cameo"].startswith("10")
    assert codes(m["actor"]) == {"GBR"} and codes(m["recipient"]) == {"IRN"}
    assert "obligation in reported speech" in m["reason"]


def test_future_refusal_is_a_rejection_but_a_past_negation_is_not(pipe: Any) -> None:
    m = main(code(pipe, "Egypt said it will not accept the proposal."))
    assert m["event"] == "REJECT" and m["modality"] == "asserted" and codes(m["actor"]) == {"EGY"}
    past = code(pipe, "Egypt did not accept the proposal.")
    assert not [e for e in past if e["event"] == "REJECT"]
    assert all(e["modality"] == "negated" for e in past)


def test_negated_passive_is_not_a_rejection(pipe: Any) -> None:
    events = code(pipe, "Opposition lawmakers said parliament would not be consulted on the budget.")
    assert not [e for e in events if e["event"] == "REJECT"]


def test_what_a_demand_asks_for_is_not_done(pipe: Any) -> None:
    events = code(pipe, "Kenya urged Somalia to withdraw its troops from the border.")
    m = main(events)
    assert m["event"] == "REQUEST" and codes(m["actor"]) == {"KEN"} and codes(m["recipient"]) == {"SOM"}
    asked = [e for e in events if e["event"] == "RETREAT"]
    assert all(e["modality"] != "asserted" and e["confidence"] < m["confidence"] for e in asked)


def test_would_in_reported_speech_is_an_intent_not_a_hypothesis(pipe: Any) -> None:
    m = main(code(pipe, "Turkey said it would impose sanctions on Syria."))
    assert m["event"] == "THREATEN" and m["modality"] == "pledged"
    m = main(code(pipe, "The Indian government said it would hold talks with Bangladesh next week."))
    assert m["event"] == "AGREE" and m["cameo"] == "036" and m["modality"] == "pledged"


def test_could_in_reported_speech_stays_hypothetical(pipe: Any) -> None:
    m = main(code(pipe, "Serbia could impose sanctions on Kosovo, analysts said."))
    assert m["event"] == "SANCTION" and m["modality"] == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake killed 40 people in northern Chile.",
        "Five people were killed after a cyclone hit the coast of Mozambique.",
        "Floods destroyed hundreds of homes in Bangladesh and injured dozens of villagers.",
        "A tanker was struck by lightning off the coast of Oman.",
    ],
)
def test_disasters_are_not_political_events(pipe: Any, text: str) -> None:
    assert code(pipe, text) == []


def test_violence_by_people_is_still_coded(pipe: Any) -> None:
    m = main(code(pipe, "Rebels killed 40 villagers in northern Mali."))
    assert m["event"] == "ASSAULT"


def test_violence_with_a_concrete_target_needs_no_resolved_recipient(pipe: Any) -> None:
    m = main(code(pipe, "Russian forces shelled several villages."))
    assert m["event"] == "ASSAULT" and codes(m["actor"]) == {"RUS"}
    assert code(pipe, "The Nigerian army is combating terrorism.") == []


def test_relative_clause_is_background(pipe: Any) -> None:
    events = code(pipe, "Police arrested the men who attacked the embassy.")
    m = main(events)
    assert m["event"] == "COERCE" and m["cameo"] == "173"
    attack = [e for e in events if e["event"] == "ASSAULT"]
    assert attack and "background clause" in attack[0]["reason"]


def test_support_noun_lets_its_modifier_name_the_act(pipe: Any) -> None:
    m = main(code(pipe, "Qatar ended its mediation efforts between Israel and Hamas."))
    assert m["event"] == "SANCTION" and m["cameo"] == "165"


def test_calling_off_a_strike_eases_dissent(pipe: Any) -> None:
    m = main(code(pipe, "Nigerian teachers called off their strike."))
    assert m["event"] == "CONCEDE" and m["cameo"] == "082"


def test_occupying_territory_is_fighting(pipe: Any) -> None:
    m = main(code(pipe, "Syrian government forces captured the town of Saraqib."))
    assert m["cameo"] == "192" and m["event"] == "ASSAULT"


def test_easing_a_curfew_is_a_concession(pipe: Any) -> None:
    m = main(code(pipe, "Sri Lanka lifted the curfew in Colombo."))
    assert m["cameo"] == "0813" and m["event"] == "CONCEDE"


def test_allowing_others_to_act_is_yielding(pipe: Any) -> None:
    m = main(code(pipe, "Pakistan allowed Afghan refugees to stay."))
    assert m["event"] == "CONCEDE" and codes(m["actor"]) == {"PAK"}


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese company released a toxic cloud over the town.",
        "Kenyan villagers sought medical treatment in Nairobi.",
        "A bulk carrier struck a fishing boat off Sri Lanka.",
    ],
)
def test_inert_objects_and_collisions_are_not_events(pipe: Any, text: str) -> None:
    assert code(pipe, text) == []


def test_releasing_people_is_still_a_release(pipe: Any) -> None:
    m = main(code(pipe, "The rebels released two Italian hostages."))
    assert m["event"] == "RETREAT" and m["cameo"] == "0841"


def test_coast_guard_ships_are_actors_not_accidents(pipe: Any) -> None:
    m = main(code(pipe, "Chinese coast guard ships fired water cannon at a Philippine boat."))
    assert m["event"] == "COERCE" and codes(m["actor"]) == {"CHN"}


def test_thrown_grenades_are_bombings(pipe: Any) -> None:
    m = main(code(pipe, "Militants hurled two grenades at a police station in Srinagar."))
    assert m["event"] == "ASSAULT" and m["cameo"] == "183"


def test_arriving_troops_are_deployed_not_visiting(pipe: Any) -> None:
    m = main(
        code(pipe, "A first batch of Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.")
    )
    assert m["event"] == "AID" and m["cameo"] == "074"
    assert codes(m["actor"]) == {"BGD"} and codes(m["recipient"]) == {"SLE"}
    m = main(code(pipe, "American troops arrived in Poland on Monday."))
    assert m["event"] == "MOBILIZE"
    m = main(code(pipe, "The Indian prime minister arrived in Tokyo on Monday."))
    assert m["event"] == "CONSULT" and m["cameo"] == "042"


def test_instrument_names_the_act(pipe: Any) -> None:
    m = main(code(pipe, "The Biden administration targeted Russia with sweeping sanctions."))
    assert m["event"] == "SANCTION" and codes(m["recipient"]) == {"RUS"}
    m = main(code(pipe, "Israeli jets targeted Hamas positions with missiles."))
    assert m["event"] == "ASSAULT"


def test_refusal_noun_negates_its_complement(pipe: Any) -> None:
    events = code(pipe, "Protesters condemned the Russian government's refusal to accept the ceasefire.")
    assert all(e["modality"] != "asserted" for e in events if e["event"] == "AGREE")


def test_sending_investigators_is_investigating(pipe: Any) -> None:
    m = main(code(pipe, "The IAEA dispatched inspectors to a nuclear plant in central Iran."))
    assert m["event"] == "ACCUSE" and m["cameo"] == "090"


def test_preventing_a_protest_is_repression_and_blocking_transport_is_obstruction(pipe: Any) -> None:
    m = main(code(pipe, "Turkish police prevented a demonstration by students in Ankara."))
    assert m["event"] == "COERCE" and m["cameo"] == "1721"
    m = main(code(pipe, "Kenyan protesters blocked transport into Nairobi on Monday."))
    assert m["event"] == "PROTEST" and m["cameo"] == "144"


def test_quantity_heads_let_the_of_phrase_name_what_is_given(pipe: Any) -> None:
    m = main(code(pipe, "China sent 20 tonnes of rice to North Korea."))
    assert m["event"] == "AID" and m["cameo"] == "073"
    assert codes(m["actor"]) == {"CHN"} and codes(m["recipient"]) == {"PRK"}


def test_a_nominal_object_is_the_content_of_its_governing_event(pipe: Any) -> None:
    events = code(pipe, "Qatar objected to the Saudi blockade of its ports.")
    m = main(events)
    assert m["event"] == "ACCUSE" and codes(m["actor"]) == {"QAT"}
    blockade = [e for e in events if e["event"] == "COERCE"]
    assert blockade and codes(blockade[0]["actor"]) == {"SAU"}
    assert "the object of the event 'objected'" in blockade[0]["reason"]
    assert blockade[0]["confidence"] < m["confidence"]


def test_a_nominal_event_inside_another_events_phrase_is_its_circumstance(pipe: Any) -> None:
    # the war is where the offensive happens, not the main event of the sentence
    m = main(code(pipe, "Pakistan threatened to mount a new offensive in its long war with the Taliban."))
    assert m["event"] == "THREATEN"
    m = main(code(pipe, "Spain refused to contribute to any military mission in the war against Libya."))
    assert m["event"] == "REJECT"
    # a subject is not inside the act: "the attack killed" stays an assault
    m = main(code(pipe, "An attack by Boko Haram on a Nigerian army base killed twelve soldiers."))
    assert m["event"] == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Egypt reimposed a blockade on the Rafah crossing on Sunday.", "COERCE"),
        ("Turkey reopened its border with Armenia after ten years.", "CONCEDE"),
        ("Nigeria relaunched its offensive against Boko Haram in Borno.", "ASSAULT"),
    ],
)
def test_a_re_verb_is_the_act_done_again(pipe: Any, text: str, plover: str) -> None:
    assert main(code(pipe, text))["event"] == plover


def test_verb_families_of_force_aid_and_property(pipe: Any) -> None:
    assert (
        main(code(pipe, "India strengthened its forces along the border with China."))["event"] == "MOBILIZE"
    )
    assert main(code(pipe, "The European Union reduced aid to Niger after the coup."))["event"] == "SANCTION"
    m = main(code(pipe, "Houthi rebels blew up a bridge on the main road to Hodeidah."))
    assert m["event"] == "COERCE" and m["cameo"] == "1712"


def test_a_sworn_act_is_intended_not_done(pipe: Any) -> None:
    m = main(code(pipe, "Kurdish militants have sworn to fight until they take the town of Afrin."))
    assert m["event"] == "THREATEN" and m["cameo"].startswith("13")


def test_protesters_who_fight_are_rioting(pipe: Any) -> None:
    m = main(code(pipe, "Kenyan demonstrators clashed with police outside parliament in Nairobi."))
    assert m["event"] == "PROTEST" and m["cameo"] == "145"
    # soldiers who clash are fighting
    m = main(code(pipe, "Kenyan soldiers clashed with al-Shabaab fighters near Lamu."))
    assert m["event"] == "ASSAULT"


def test_protest_idioms_with_a_prepositional_noun(pipe: Any) -> None:
    assert (
        main(code(pipe, "Thousands of Belarusian workers took to the streets of Minsk."))["event"]
        == "PROTEST"
    )
    m = main(code(pipe, "Chilean students took part in a march against the pension reform."))
    assert m["event"] == "PROTEST"


def test_adjectives_of_readiness_make_the_act_intended(pipe: Any) -> None:
    m = main(code(pipe, "The Thai government said it is prepared to impose a curfew in Bangkok."))
    assert m["event"] == "THREATEN"
    m = main(code(pipe, "The Colombian government is keen to release the FARC prisoners."))
    assert m["event"] == "AGREE" and m["cameo"].startswith("03")


def test_tightening_a_blockade_is_coercion(pipe: Any) -> None:
    m = main(code(pipe, "Saudi Arabia tightened its blockade of Qatar on Monday."))
    assert m["event"] == "COERCE" and m["cameo"] == "191"


def test_an_intended_act_conditioned_on_the_other_side_is_an_ultimatum(pipe: Any) -> None:
    m = main(
        code(pipe, "Kenya will withdraw its troops from Somalia unless the government pays their salaries.")
    )
    assert m["event"] == "THREATEN" and m["cameo"] == "130"
    # without the condition it stays an expressed intent
    m = main(code(pipe, "Kenya will withdraw its troops from Somalia next year."))
    assert m["event"] == "AGREE"


def test_a_gerund_after_a_pledge_is_pledged(pipe: Any) -> None:
    events = code(pipe, "Egypt has committed to opening the Rafah crossing for aid convoys.")
    opening = [e for e in events if e["evidence"]["trigger"]["text"].startswith("opening")]
    assert opening and opening[0]["modality"] == "pledged" and opening[0]["cameo"].startswith("03")


def test_a_demand_voiced_while_protesting_is_background(pipe: Any) -> None:
    events = code(
        pipe, "Thousands of Kenyans rallied in Nairobi, demanding the release of the jailed activists."
    )
    m = main(events)
    assert m["event"] == "PROTEST"
    demand = [e for e in events if e["event"] == "REQUEST"]
    assert demand and "participle clause" in demand[0]["reason"]


def test_what_a_statement_is_about_is_not_an_event_of_the_sentence(pipe: Any) -> None:
    events = code(pipe, "The Kenyan president expressed sorrow for the bombing of a bus in Mombasa.")
    assert "ASSAULT" not in types(events)
    # the same act reported outright is an event
    assert "ASSAULT" in types(code(pipe, "Al-Shabaab militants bombed a bus in Mombasa."))


def types(events: list[dict[str, Any]]) -> set[str]:
    return {e["event"] for e in events}


def test_verbal_cooperation_is_kept_when_its_parties_do_not_resolve(pipe: Any) -> None:
    events = code(pipe, "Both camps agreed on Tuesday to a new timetable.")
    assert main(events)["event"] == "AGREE"
    # material cooperation with no party is still dropped (it could be anyone's help)
    assert "AID" not in types(code(pipe, "Food was delivered to the villages on Tuesday."))


def test_evidence_against_someone_is_an_accusation(pipe: Any) -> None:
    m = main(code(pipe, "Ukraine presented evidence against Belarus at the Security Council."))
    assert m["event"] == "ACCUSE" and codes(m["recipient"]) == {"BLR"}
    m = main(code(pipe, "Evidence against Belarus was presented by Ukraine on Monday."))
    assert m["event"] == "ACCUSE"


def test_inspecting_sites_again_is_investigating(pipe: Any) -> None:
    m = main(code(pipe, "IAEA inspectors re-examined the nuclear sites in Iran."))
    assert m["event"] == "ACCUSE" and m["cameo"] == "090"


def test_a_preposition_left_without_its_object_acts_as_a_particle(pipe: Any) -> None:
    # the parser may attach the person to "called" and leave "on" bare; "call on" is still the appeal
    events = code(pipe, "Opposition lawmakers in Kenya called on Interior Minister Fred Matiang'i to resign.")
    assert any(e["event"] == "REQUEST" for e in events), events


def test_renewing_or_issuing_a_nominal_act_makes_its_subject_the_actor(pipe: Any) -> None:
    m = main(code(pipe, "Turkey renewed an appeal to Sweden to extradite the suspects."))
    assert m["event"] == "REQUEST" and codes(m["actor"]) == {"TUR"}


def test_an_effort_noun_lets_its_event_modifier_be_the_event(pipe: Any) -> None:
    m = main(
        code(pipe, "The emir of Kuwait launched a mediation effort between Qatar and Bahrain on Sunday.")
    )
    assert m["event"] == "CONSULT" and codes(m["actor"]) | codes(m["recipient"]) >= {"QAT", "BHR"}
    # a quantity head is not an undertaking: "tons of aid" does not make "release tons" a release of persons
    assert "RETREAT" not in types(code(pipe, "The plant had releases tons of waste water into the river."))


def test_an_obligation_on_a_governing_clause_makes_the_act_a_demand(pipe: Any) -> None:
    m = main(code(pipe, "Qatar said that Israel must be ready to negotiate with Hamas."))
    assert m["event"] == "REQUEST" and codes(m["actor"]) == {"QAT"} and codes(m["recipient"]) == {"ISR"}
    m = main(code(pipe, "The UN said Ethiopia must open the roads to allow food aid to reach Tigray."))
    assert m["event"] == "REQUEST"
    # a temporal clause is not the obliged act's purpose
    m = main(code(pipe, "Qatar said Israel must stop the war before the talks with Hamas can resume."))
    assert m["event"] == "REQUEST"


def test_a_reported_subjunctive_is_the_speakers_demand(pipe: Any) -> None:
    m = main(code(pipe, "Egypt reiterated today that Israel lift the blockade of Gaza."))
    assert m["event"] == "REQUEST" and codes(m["actor"]) == {"EGY"} and codes(m["recipient"]) == {"ISR"}
    # an indicative report is the act itself
    m = main(code(pipe, "Egypt said on Monday that Israel lifted the blockade of Gaza."))
    assert m["event"] != "REQUEST"


def test_verbal_cooperation_without_a_named_actor_is_not_kept(pipe: Any) -> None:
    # "be met with force" is no meeting: a passive with no agent names no party at all
    events = code(pipe, "The Australian prime minister warned China that any attack would be met with force.")
    assert "CONSULT" not in types(events)


def test_a_stative_passive_pledge_names_its_actor(pipe: Any) -> None:
    assert main(code(pipe, "The new government is committed to reforming the police."))["event"] == "AGREE"
