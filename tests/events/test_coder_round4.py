"""Event types, round 4 (issue 4): general constructions, on sentences written for the project (real spaCy model)."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code, main

pytestmark = pytest.mark.model


def test_a_conflictual_act_held_out_on_a_condition_is_a_threat(pipe: Any) -> None:
    m = main(
        code(pipe, "The European Union could impose new sanctions on Iran if it continues to enrich uranium.")
    )
    assert m["event"] == "THREATEN" and m["cameo"] == "132"
    m = main(code(pipe, "Israel would strike Lebanon if Hezbollah fires rockets, the minister said."))
    assert m["event"] == "THREATEN" and m["cameo"] == "138"
    # without a condition a possible act stays a possible act, not a threat
    m = main(code(pipe, "The European Union could impose new sanctions on Iran."))
    assert m["event"] == "SANCTION" and m["modality"] == "hypothetical"
    # a condition on a cooperative act is no threat
    events = code(pipe, "Germany would send aid to Jordan if the border reopens.")
    assert not any(e["event"] == "THREATEN" for e in events)


def test_giving_a_welcome_or_an_audience_is_hosting(pipe: Any) -> None:
    m = main(
        code(pipe, "The Kenyan president extended a warm welcome to the visiting Ugandan prime minister.")
    )
    assert m["event"] == "CONSULT" and m["cameo"] == "043"
    m = main(code(pipe, "King Abdullah granted an audience to the French foreign minister in Amman."))
    assert m["event"] == "CONSULT" and m["cameo"] == "043"
    assert {a["country"] for a in m["recipient"]} == {"FRA"}


def test_a_nominal_act_is_aimed_at_the_party_inside_what_it_is_of(pipe: Any) -> None:
    m = main(code(pipe, "The Kenyan government announced a suspension of flights to Somalia."))
    assert m["event"] == "SANCTION"
    assert {a["country"] for a in m["actor"]} == {"KEN"} and {a["country"] for a in m["recipient"]} == {"SOM"}


def test_a_participle_used_as_a_noun_names_people_not_an_act(pipe: Any) -> None:
    events = code(pipe, "UN helicopters evacuated the wounded from the besieged town of Gorazde in Bosnia.")
    m = main(events)
    assert m["event"] == "AID" and m["cameo"] == "073"
    # "the wounded" is no wounding
    assert not any(e["evidence"]["trigger"]["text"] == "wounded" for e in events)
    # a participle that is the verb of its clause is still coded
    assert main(code(pipe, "Gunmen wounded three Kenyan soldiers near the border."))["event"] == "ASSAULT"


def test_undertaking_a_mediation_or_a_visit_is_that_act(pipe: Any) -> None:
    m = main(code(pipe, "The Qatari emir undertook a mediation effort between Sudan and Chad."))
    assert m["event"] == "CONSULT" and m["cameo"] == "045"
    assert {a["country"] for a in m["recipient"]} == {"SDN", "TCD"}
    m = main(code(pipe, "The Indian prime minister undertook a three-day visit to Japan."))
    assert m["event"] == "CONSULT" and m["cameo"] == "042"
    # undertaking to do something stays a commitment
    assert main(code(pipe, "Turkey undertook to withdraw its troops from the border."))["event"] == "AGREE"


def test_who_is_under_an_act_receives_it(pipe: Any) -> None:
    m = main(code(pipe, "Italian prosecutors placed the Libyan diplomat under investigation."))
    assert m["event"] == "ACCUSE" and m["cameo"] == "090"
    assert {a["country"] for a in m["actor"]} == {"ITA"} and {a["country"] for a in m["recipient"]} == {"LBY"}
    # passive, no agent: still the one under investigation
    m = main(code(pipe, "A Kenyan national has been put under investigation in Italy."))
    assert m["event"] == "ACCUSE" and {a["country"] for a in m["recipient"]} == {"KEN"}
    # "came under attack": the subject is the target, not the attacker
    m = main(code(pipe, "A Kenyan army convoy came under attack near the Somali border."))
    assert m["event"] == "ASSAULT" and not m["actor"] and {a["country"] for a in m["recipient"]} == {"KEN"}
    # "placed under house arrest" stays an arrest
    m = main(code(pipe, "Zimbabwean police placed the opposition leader under house arrest."))
    assert m["cameo"] == "173"


def test_a_demand_voiced_by_a_protest_ranks_below_the_protest(pipe: Any) -> None:
    events = code(
        pipe, "Farmers in Ghana began a hunger strike outside parliament to demand the return of their land."
    )
    m = main(events)
    assert m["event"] == "PROTEST"
    demand = [e for e in events if e["event"] == "REQUEST"]
    assert demand and "what the protest 'strike' demands" in demand[0]["reason"]
    m = main(
        code(pipe, "Kenyan teachers marched through Nairobi and demanded higher pay from the government.")
    )
    assert m["event"] == "PROTEST"
    # a demand with no protest stays the main event
    assert main(code(pipe, "Kenyan students demanded the resignation of the minister."))["event"] == "REQUEST"


def test_a_passive_forecast_is_no_pledge(pipe: Any) -> None:
    events = code(pipe, "Pakistan is expected to attack the militants along the border.")
    attack = [e for e in events if e["evidence"]["trigger"]["text"].startswith("attack")]
    assert attack and attack[0]["modality"] == "hypothetical" and attack[0]["event"] == "ASSAULT"
    # the actor's own expectation stays its intent
    events = code(pipe, "Kenya expects to withdraw its troops from Somalia next year.")
    assert any(e["modality"] == "pledged" or e["cameo"].startswith("03") for e in events)


def test_an_in_support_of_frame_ranks_below_the_act_it_describes(pipe: Any) -> None:
    events = code(
        pipe,
        "Chadian troops, fighting in support of Nigerian forces, recaptured the town of Baga on Tuesday.",
    )
    m = main(events)
    assert m["event"] == "ASSAULT" and m["evidence"]["trigger"]["text"].startswith("recaptured")
    support = [e for e in events if e["event"] == "SUPPORT"]
    assert all("a frame of manner or purpose" in e["reason"] for e in support)
    # support as the act itself is still the main event
    assert main(code(pipe, "Kenya voiced its support for the Somali government."))["event"] == "SUPPORT"


def test_retaking_territory_and_pushing_fighters_out(pipe: Any) -> None:
    m = main(code(pipe, "The Nigerian army regained control of the town of Baga."))
    assert m["event"] == "ASSAULT" and m["cameo"] == "192"
    m = main(code(pipe, "Kenyan troops recovered the border regions from the rebels."))
    assert m["cameo"] == "192"
    m = main(code(pipe, "Somali forces pushed al-Shabaab militants out of three villages."))
    assert m["event"] == "ASSAULT" and {a["country"] for a in m["actor"]} == {"SOM"}
    # recovering arms stays a seizure, not territory
    assert main(code(pipe, "Police recovered weapons in Mombasa."))["cameo"] == "1711"


def test_clashes_a_death_happened_in_are_no_manner_frame(pipe: Any) -> None:
    events = code(
        pipe, "Three Kenyan soldiers were killed in clashes with al-Shabaab fighters near the border."
    )
    clashes = [e for e in events if e["evidence"]["trigger"]["text"] == "clashes"]
    assert clashes and "a frame of manner or purpose" not in clashes[0]["reason"]


def test_the_object_of_putting_an_end_to_is_no_event(pipe: Any) -> None:
    events = code(pipe, "The UN mission handed the region over to Croatia, putting an end to the war.")
    assert not any(e["evidence"]["trigger"]["text"] == "war" for e in events)
    # an ending noun that is itself the object is still the event
    m = main(code(pipe, "Italy announced a suspension of flights to Serbia."))
    assert m["event"] == "SANCTION"


def test_failing_to_reach_agreement_is_a_rejection(pipe: Any) -> None:
    m = main(code(pipe, "Kenya and Somalia failed to reach an agreement on their maritime border."))
    assert m["event"] == "REJECT" and m["cameo"] == "127" and m["modality"] == "asserted"
    sides = {a["country"] for a in m["actor"]} | {a["country"] for a in m["recipient"]}
    assert sides == {"KEN", "SOM"}
    # a past act that was simply not done stays a negated act, not a rejection
    m = main(code(pipe, "Kenya did not sign the treaty."))
    assert m["event"] == "AGREE" and m["modality"] == "negated"


def test_the_basis_of_an_act_is_not_under_it(pipe: Any) -> None:
    events = code(pipe, "Egypt will station troops in Somalia under the bilateral agreement.")
    assert not any(e["evidence"]["trigger"]["text"] == "agreement" and e["recipient"] for e in events)


def test_the_agent_of_a_passive_meets_a_subject_constraint(pipe: Any) -> None:
    m = main(code(pipe, "A Kenyan police post was hit by a rocket attack near the Somali border."))
    assert m["event"] == "ASSAULT" and {a["country"] for a in m["recipient"]} == {"KEN"}
    # a passive with an agent that is no attack is no strike
    events = code(pipe, "The Kenyan economy was hit by falling tea prices.")
    assert not any(e["event"] == "ASSAULT" for e in events)


def test_workers_stopping_work_are_on_strike(pipe: Any) -> None:
    m = main(code(pipe, "Thousands of Kenyan teachers stopped work on Monday over unpaid wages."))
    assert m["event"] == "PROTEST" and m["cameo"] == "143"
    # a government stopping work on a project is no strike
    events = code(pipe, "The Kenyan government stopped work on the new dam.")
    assert not any(e["cameo"] == "143" for e in events)


def test_preparing_to_use_force_is_a_force_posture(pipe: Any) -> None:
    m = main(code(pipe, "The Somali army prepared to resume shelling rebel positions near Kismayo."))
    assert m["event"] == "MOBILIZE" and m["cameo"] == "150" and m["modality"] == "asserted"
    # a threat stays a threat, and a prepared cooperative act stays an intent
    assert main(code(pipe, "Israel threatened to strike Iran."))["event"] == "THREATEN"
    assert main(code(pipe, "Kenya is prepared to send peacekeepers to Haiti."))["event"] == "AGREE"


def test_speeding_up_an_act_is_that_act(pipe: Any) -> None:
    events = code(pipe, "Russia accelerated the deployment of troops to the Ukrainian border.")
    m = main(events)
    assert m["event"] == "MOBILIZE" and m["evidence"]["trigger"]["text"] == "deployment"
    assert not any(e["evidence"]["trigger"]["text"].startswith("accelerated") for e in events)


def test_a_for_clause_is_what_is_pushed_for(pipe: Any) -> None:
    events = code(pipe, "The UK is pushing hard for the US to support its debt relief plan.")
    m = main(events)
    assert m["event"] == "REQUEST" and {a["country"] for a in m["actor"]} == {"GBR"}
    support = [e for e in events if e["event"] == "SUPPORT"]
    assert all(e["modality"] != "asserted" for e in support)


def test_a_joint_show_of_force_is_military_cooperation(pipe: Any) -> None:
    m = main(code(pipe, "Russian and Chinese warships held joint drills in the Sea of Japan."))
    assert m["event"] == "COOPERATE" and m["cameo"] == "062" and m["reciprocal"]
    # one country's drills stay a force posture
    m = main(code(pipe, "North Korea held military drills near the border."))
    assert m["event"] == "MOBILIZE" and m["cameo"] == "150"


def test_training_ones_own_people_is_a_build_up(pipe: Any) -> None:
    m = main(code(pipe, "Kenya trained 2,000 new police recruits."))
    assert m["event"] == "MOBILIZE" and m["cameo"] == "154"
    # training another country's forces stays military cooperation
    m = main(code(pipe, "The United States trained Afghan soldiers in Kandahar."))
    assert m["event"] == "COOPERATE" and m["cameo"] == "062"


def test_ordering_someone_to_act_is_a_demand_on_them(pipe: Any) -> None:
    m = main(code(pipe, "A Kenyan judge ordered the former Somali minister to appear in court next week."))
    assert m["event"] == "REQUEST" and m["evidence"]["trigger"]["text"].startswith("ordered")
    # a commander ordering forces: the forces' act, not a demand
    events = code(pipe, "Putin ordered troops to withdraw from the border.")
    assert not any(e["event"] == "REQUEST" for e in events)
    # ordering an act named by a noun stays that act
    m = main(code(pipe, "The Kenyan government ordered the expulsion of two Russian diplomats."))
    assert m["cameo"] == "174"


def test_needs_xcomp_is_checked_when_the_lexicon_loads() -> None:
    from tieline.errors import DataFileError
    from tieline.events import lexicon as lexicon_mod
    from tieline.events.ontology import load_ontology

    def parse(rows: list[dict[str, Any]]) -> Any:
        return lexicon_mod._parse_verbs({"version": 1, "verbs": rows}, [], {}, load_ontology())

    assert parse([{"verb": "order", "code": "100", "needs_xcomp": True}])[0].needs_xcomp
    with pytest.raises(DataFileError):
        parse([{"verb": "order", "code": "100", "needs_xcomp": "yes"}])


def test_an_attack_that_leaves_people_dead_is_the_attack(pipe: Any) -> None:
    m = main(code(pipe, "Gun attacks near the Kenyan town of Garissa left nine people dead on Sunday."))
    assert m["event"] == "ASSAULT"
    # a storm or an accident that leaves people dead is no political event
    assert not code(pipe, "The storm left twenty people dead in Kenya.")
    # a labour strike that leaves passengers stranded is no attack
    assert not any(
        e["event"] == "ASSAULT" for e in code(pipe, "The rail strike left thousands of passengers stranded.")
    )


def test_forcing_monitors_or_agencies_out_is_expelling_them(pipe: Any) -> None:
    m = main(code(pipe, "Khartoum kicked UN monitors out of Darfur."))
    assert m["event"] == "SANCTION" and m["cameo"] == "1662"
    m = main(code(pipe, "The Ethiopian government forced the UN refugee agency out of Tigray."))
    assert m["cameo"] == "1663" and m["recipient"]


def test_an_investigation_needs_no_named_party(pipe: Any) -> None:
    events = code(
        pipe, "The Kenyan human rights commission completed its investigation into the allegations."
    )
    assert any(e["event"] == "ACCUSE" and e["cameo"] == "090" for e in events)


def test_training_musicians_is_no_build_up(pipe: Any) -> None:
    events = code(pipe, "The Kenyan conductor is training young musicians in Nairobi.")
    assert not any(e["event"] == "MOBILIZE" for e in events)


def test_a_light_verbs_phrase_names_the_addressee_of_its_noun(pipe: Any) -> None:
    m = main(code(pipe, "Kenya made an urgent appeal to the United Nations for food aid."))
    assert m["event"] == "REQUEST" and {a["code"] for a in m["recipient"]} == {"IGOUNO"}
    m = main(
        code(pipe, "The Kenyan president issued a stern reminder to Somalia that it must respect the border.")
    )
    assert m["cameo"] == "100" and {a["country"] for a in m["recipient"]} == {"SOM"}
    # a reminder with no addressee is no event
    assert not any(
        e["cameo"] == "100" for e in code(pipe, "The ruins in Mogadishu are a reminder of the war.")
    )


def test_the_subject_of_a_copula_is_not_addressed_by_a_demand_noun(pipe: Any) -> None:
    events = code(pipe, "The attack in Nairobi is a painful reminder of the dangers Kenyan soldiers face.")
    assert not any(e["cameo"] == "100" for e in events)


def test_a_protest_by_people_the_text_names_is_kept(pipe: Any) -> None:
    events = code(
        pipe, "Islamist activists continued their hunger strike to demand the release of the prisoners."
    )
    m = main(events)
    assert m["event"] == "PROTEST" and m["cameo"] == "142"
    # a protest noun with no one named is still no event
    assert not any(e["event"] == "PROTEST" for e in code(pipe, "The strike was called off."))


def test_the_modifier_of_measures_names_what_is_eased(pipe: Any) -> None:
    m = main(code(pipe, "Kenya eased emergency measures in the coastal province on Monday."))
    assert m["event"] == "CONCEDE" and m["cameo"] == "0814"
    # economic measures against a country stay sanctions
    m = main(code(pipe, "The EU imposed new economic measures against Russia."))
    assert m["event"] == "SANCTION"
