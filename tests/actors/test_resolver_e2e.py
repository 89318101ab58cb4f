"""Who is who in coded events: the resolver through the real coder, on sentences written for the project.

Each test names one behaviour of issue 3 (dated roles, counterparts, demonym + agent, ambiguous country names,
surname-only and pronoun mentions, titled people the knowledge base does not know, offices in organisations).
"""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code

pytestmark = pytest.mark.model


def find(events: list[dict[str, Any]], plover: str) -> dict[str, Any]:
    hits = [e for e in events if e["event"] == plover]
    assert hits, f"no {plover} event in {[(e['event'], e['cameo']) for e in events]}"
    return hits[0]


def one(side: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(side) == 1, side
    return side[0]


# -- dated roles -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "name"),
    [
        ("2019-06-01", "Patrick Shanahan"),
        ("2023-06-01", "Lloyd Austin"),
        ("2025-06-01", "Pete Hegseth"),
    ],
)
def test_us_defence_secretary_on_three_dates(pipe: Any, date: str, name: str) -> None:
    e = find(code(pipe, "The US Secretary of Defense met Poland's president in Warsaw.", date), "CONSULT")
    a = one(e["actor"])
    assert a["name"] == name and a["country"] == "USA" and a["code"] == "USAGOV"
    assert a["role"], "the role held on that date is named"


@pytest.mark.parametrize(
    ("date", "name"),
    [("2024-07-10", "Aden Bare Duale"), ("2024-08-20", "Soipan Tuya")],
)
def test_kenyan_defence_secretary_either_side_of_the_change(pipe: Any, date: str, name: str) -> None:
    e = find(code(pipe, "Kenya's Defence Cabinet Secretary visited troops in Somalia.", date), "CONSULT")
    assert one(e["actor"])["name"] == name


def test_role_outside_its_dates_is_not_claimed(pipe: Any) -> None:
    e = find(code(pipe, "Aden Duale met the Somali president in Mogadishu.", "2019-03-01"), "CONSULT")
    a = one(e["actor"])
    assert a["name"] == "Aden Bare Duale" and a.get("role") is None


# -- counterparts, demonym + agent -------------------------------------------------------------------------


def test_his_kenyan_counterpart_is_the_office_holder(pipe: Any) -> None:
    text = "US Defense Secretary Lloyd Austin met his Kenyan counterpart in Washington."
    e = find(code(pipe, text, "2024-01-24"), "CONSULT")
    r = one(e["recipient"])
    assert r["country"] == "KEN" and r["name"] == "Aden Bare Duale"


def test_burundian_militiamen(pipe: Any) -> None:
    e = find(code(pipe, "Burundian militiamen attacked a village in eastern Congo."), "ASSAULT")
    a = one(e["actor"])
    assert a["country"] == "BDI" and a["kind"] == "sector"


def test_israeli_troops_are_military(pipe: Any) -> None:
    e = find(code(pipe, "Israeli troops shelled a town in southern Lebanon."), "ASSAULT")
    assert one(e["actor"])["code"] == "ISRMIL"


# -- ambiguous names ---------------------------------------------------------------------------------------


def test_niger_is_not_nigeria(pipe: Any) -> None:
    e = find(code(pipe, "Niger expelled the French ambassador."), "SANCTION")
    assert one(e["actor"])["country"] == "NER"


def test_georgia_the_country(pipe: Any) -> None:
    e = find(code(pipe, "Georgia accused Russia of violating its airspace."), "ACCUSE")
    assert one(e["actor"])["country"] == "GEO"


def test_georgia_the_us_state_is_not_the_country(pipe: Any) -> None:
    events = code(pipe, "The governor of Georgia criticised Atlanta police for arresting protesters.")
    for e in events:
        for a in e["actor"] + e["recipient"]:
            assert a["country"] != "GEO", a


def test_georgia_state_security_service_is_the_country(pipe: Any) -> None:
    e = find(code(pipe, "Georgia's State Security Service arrested two Russian agents in Tbilisi."), "COERCE")
    assert one(e["actor"])["country"] == "GEO"


# -- later mentions -----------------------------------------------------------------------------------------


def test_surname_only_later_mention(pipe: Any) -> None:
    text = (
        "Kenyan Defence Cabinet Secretary Aden Bare Duale arrived in Washington on Monday.\n"
        "Duale criticised the Somali government for delaying the troop withdrawal."
    )
    e = find(code(pipe, text), "ACCUSE")
    a = one(e["actor"])
    assert a["name"] == "Aden Bare Duale" and a["country"] == "KEN"


def test_pronoun_prefers_the_subject_as_antecedent(pipe: Any) -> None:
    text = (
        "Uganda has fought al-Shabaab in Somalia for years.\n"
        "It announced new troop contributions to the mission on Tuesday."
    )
    events = code(pipe, text)
    for e in events:
        for a in e["actor"]:
            if a["text"] == "It":
                assert a["country"] == "UGA", e["reason"]
    assert any(a["text"] == "It" for e in events for a in e["actor"])


def test_possessive_pronoun_prefers_the_subject(pipe: Any) -> None:
    text = "Kenya praised the Somali army for its fight against al-Shabaab and increased its contributions to ATMIS."
    events = code(pipe, text)
    for e in events:
        for a in e["actor"] + e["recipient"]:
            if a["text"].lower() == "its contributions":
                assert a["country"] == "KEN", e["reason"]


# -- people the knowledge base does not know -----------------------------------------------------------------


def test_unknown_minister_takes_country_of_the_demonym_and_sector_of_the_title(pipe: Any) -> None:
    e = find(code(pipe, "Estonian Foreign Minister Kaja Tammsalu visited Latvia on Monday."), "CONSULT")
    a = one(e["actor"])
    assert a["kind"] == "person" and a["country"] == "EST" and a["code"] == "ESTGOV"


def test_unknown_general_is_military(pipe: Any) -> None:
    e = find(code(pipe, "Chadian General Mahamat Ouddei shelled rebel positions near the border."), "ASSAULT")
    assert one(e["actor"])["code"] == "TCDMIL"


def test_king_of_a_country(pipe: Any) -> None:
    e = find(code(pipe, "King Faisal of Jordan visited Egypt last week.", None), "CONSULT")
    assert one(e["actor"])["country"] == "JOR"


def test_unknown_head_of_an_organisation(pipe: Any) -> None:
    e = find(
        code(pipe, "Arab League Secretary-General Salim Mansour urged Libya to hold elections."), "REQUEST"
    )
    a = one(e["actor"])
    assert a["kind"] == "person" and a["code"].startswith("IGO")


# -- offices in organisations --------------------------------------------------------------------------------


def test_un_secretary_general_is_an_igo_person(pipe: Any) -> None:
    e = find(code(pipe, "UN Secretary-General Antonio Guterres condemned the attack on Kyiv."), "ACCUSE")
    a = one(e["actor"])
    assert a["name"] == "António Guterres" or a["name"].endswith("Guterres")
    assert a["code"].startswith("IGOUNO") and a["code"] != "GOV"


def test_pronoun_named_earlier_in_the_sentence_takes_the_name_span(pipe: Any) -> None:
    text = "Portugal said on Monday that it had asked Morocco to hand over the two suspects."
    e = find(code(pipe, text), "REQUEST")
    a = one(e["actor"])
    assert a["country"] == "PRT" and text[a["start"] : a["end"]] == "Portugal"
    assert "'it' refers back to" in e["reason"]


def test_pronoun_from_an_earlier_sentence_keeps_its_own_span(pipe: Any) -> None:
    text = "Portugal recalled its ambassador to Morocco.\nIt asked Morocco to hand over the two suspects."
    e = find(code(pipe, text), "REQUEST")
    a = one(e["actor"])
    assert a["country"] == "PRT" and text[a["start"] : a["end"]] == "It"


def test_sector_agent_takes_the_country_of_its_own_place_phrase(pipe: Any) -> None:
    e = find(code(pipe, "Opposition groups in Malawi demanded that the president resign."), "REQUEST")
    a = one(e["actor"])
    assert a["country"] == "MWI" and a["code"] == "MWIOPP"


def test_a_place_phrase_does_not_turn_a_thing_into_an_actor(pipe: Any) -> None:
    events = code(pipe, "Chile condemned the situation in Peru.")
    for e in events:
        assert all(a["text"] != "the situation" for a in e["actor"] + e["recipient"])


def test_a_sector_word_on_a_thing_makes_no_actor(pipe: Any) -> None:
    for e in code(pipe, "Jordan and Britain agreed to undertake joint military exercises this month."):
        assert all("exercises" not in a["text"] for a in e["actor"] + e["recipient"]), e


def test_a_sector_word_on_people_makes_a_sector_agent(pipe: Any) -> None:
    e = find(code(pipe, "Rebel forces attacked an army base near Goma."), "ASSAULT")
    assert one(e["actor"])["sector"] == "REB"


@pytest.mark.parametrize(
    ("date", "name"), [("1990-06-01", "George H. W. Bush"), ("2003-06-01", "George W. Bush")]
)
def test_people_who_share_a_surname_are_told_apart_by_the_date(pipe: Any, date: str, name: str) -> None:
    e = find(code(pipe, "Bush criticised Iraq for refusing the inspections.", date), "ACCUSE")
    a = one(e["actor"])
    assert a["name"] == name and a["code"] == "USAGOV"


def test_a_historical_leader_without_a_date_keeps_the_country(pipe: Any) -> None:
    e = find(code(pipe, "President Mitterrand criticised Iraq for refusing the inspections.", None), "ACCUSE")
    assert one(e["actor"])["country"] == "FRA"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Bosnian Serbs demanded a ceasefire with Croat forces.", "BIH"),
        ("The Hungarians of southern Slovakia are demanding autonomy from the government.", "SVK"),
    ],
)
def test_a_people_named_with_another_country_belongs_to_that_country(
    pipe: Any, text: str, country: str
) -> None:
    e = find(code(pipe, text), "REQUEST")
    a = e["actor"][0]
    assert a["country"] == country and a["code"].startswith(country)


def test_a_people_alone_is_its_own_country(pipe: Any) -> None:
    e = find(code(pipe, "Israeli troops shot two Palestinians near Hebron."), "ASSAULT")
    assert one(e["recipient"])["country"] == "PSE"


# -- a leader's name + administration/government ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "code_"),
    [
        ("The Biden administration imposed sanctions on Venezuela.", "2022-03-01", "USAGOV"),
        ("The Trump administration imposed new tariffs on China.", "2018-07-01", "USAGOV"),
        ("The Blair government condemned the attack on the embassy.", "2003-05-01", "GBRGOV"),
    ],
)
def test_leader_name_and_administration_is_that_countrys_government(
    pipe: Any, text: str, date: str, code_: str
) -> None:
    evs = code(pipe, text, date=date)
    assert any(a["code"] == code_ for e in evs for a in e["actor"]), [(e["event"], e["actor"]) for e in evs]


# -- nominal groups and pronouns with no named antecedent ------------------------------------------------


def test_reported_pronoun_refers_to_the_unnamed_subject_of_the_reporting_verb(pipe: Any) -> None:
    evs = code(pipe, "The Chadian rebels said they will free the captured soldiers.")
    assert any(a["country"] == "TCD" for e in evs for a in e["actor"]), [
        (e["event"], e["actor"]) for e in evs
    ]


def test_reported_pronoun_must_agree_in_number(pipe: Any) -> None:
    # "it" cannot stand for the plural "the rebel fighters"
    agree = code(pipe, "The rebel fighters said they will free the captured soldiers.")
    assert any(a["sector"] == "REB" for e in agree for a in e["actor"]), [
        (e["event"], e["actor"]) for e in agree
    ]
    evs = code(pipe, "The rebel fighters said it will free the captured soldiers.")
    assert not any(a["sector"] == "REB" for e in evs for a in e["actor"]), [
        (e["event"], e["actor"]) for e in evs
    ]


def test_demonym_sides_are_the_governments_of_both(pipe: Any) -> None:
    evs = code(pipe, "The Eritrean and Ethiopian sides agreed to exchange prisoners of war.")
    countries = {a["country"] for e in evs if e["event"] == "AGREE" for a in e["actor"] + e["recipient"]}
    assert {"ERI", "ETH"} <= countries, [(e["event"], e["actor"], e["recipient"]) for e in evs]


def test_sibling_nationalities_are_both_actors(pipe: Any) -> None:
    evs = code(pipe, "Vietnamese and Cambodian armed forces attacked the rebel base near the border.")
    countries = {a["country"] for e in evs if e["event"] == "ASSAULT" for a in e["actor"]}
    assert {"VNM", "KHM"} <= countries, [(e["event"], e["actor"], e["recipient"]) for e in evs]


def test_leaders_of_an_unknown_body_stay_an_actor(pipe: Any) -> None:
    evs = code(pipe, "Leaders of the Zorro opposition alliance agreed to cancel the march.")
    assert any(a["text"].startswith("Leaders of") for e in evs for a in e["actor"]), [
        (e["event"], e["actor"]) for e in evs
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two missionaries from a church in Oslo were detained.",
        "Foreign diplomats visited the refugee camp in Chad.",
    ],
)
def test_nouns_for_people_stay_actors(pipe: Any, text: str) -> None:
    evs = code(pipe, text)
    sides = [a["text"] for e in evs for a in e["actor"] + e["recipient"]]
    assert any("missionaries" in s or "diplomats" in s for s in sides), [(e["event"], sides) for e in evs]


# -- acronyms in parentheses ---------------------------------------------------------------------------------


def test_an_acronym_in_parentheses_stands_for_the_name_before_it(pipe: Any) -> None:
    # the acronym and a later "it" are the Ghanaian body, whatever else the letters might spell
    ev = find(code(pipe, "The Ghana Association of Nurses (GAN) said it has ended its strike."), "CONCEDE")
    a = one(ev["actor"])
    assert a["country"] == "GHA"


def test_initials_of_a_person_after_a_body_are_the_body(pipe: Any) -> None:
    # "AKK" is also a German politician's alias in the knowledge base: here it abbreviates the association
    evs = code(
        pipe,
        "Montenegro Municipality Association (AKK) officials demanded support from the Montenegro Assembly.",
    )
    a = one(find(evs, "REQUEST")["actor"])
    assert a["country"] == "MNE"


# -- actors with no nationality: the place of the event, then the one country named around them ---------------


def test_an_unknown_body_takes_the_country_of_the_events_place(pipe: Any) -> None:
    a = one(
        find(code(pipe, "Leaders of the Umoja opposition alliance postponed a rally in Nairobi."), "CONCEDE")[
            "actor"
        ]
    )
    assert a["country"] == "KEN"


def test_a_placed_sector_agent_is_coded_with_the_cameo_country_code(pipe: Any) -> None:
    # Romania is ROU in ISO 3166 and ROM in CAMEO: country carries the first, the actor code the second
    a = one(find(code(pipe, "Police arrested dozens of students in Bucharest."), "COERCE")["actor"])
    assert (a["country"], a["code"]) == ("ROU", "ROMCOP")


def test_an_unknown_titled_person_takes_the_one_country_of_the_sentence(pipe: Any) -> None:
    a = one(
        find(code(pipe, "Judge Maria Okafor opened an inquiry into corruption in Nigeria."), "ACCUSE")[
            "actor"
        ]
    )
    assert a["country"] == "NGA"


def test_no_country_from_a_sentence_that_names_two(pipe: Any) -> None:
    evs = code(pipe, "Judge Maria Okafor opened an inquiry into corruption in Nigeria and Ghana.")
    assert one(find(evs, "ACCUSE")["actor"])["country"] is None


def test_a_diplomat_does_not_take_the_country_where_he_speaks(pipe: Any) -> None:
    evs = code(pipe, "Ambassador John Smithers met Kenyan officials in Nairobi.")
    assert one(find(evs, "CONSULT")["actor"])["country"] is None


# -- heads of state of the 1970s-2000s beyond the permanent members -----------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "country", "role"),
    [
        ("Laurent Gbagbo accused France of backing the rebels.", "2004-11-08", "CIV", "President"),
        ("Juvenal Habyarimana accused Uganda of arming the rebels.", "1990-10-05", "RWA", "President"),
        ("Turgut Ozal criticised Greece over the island dispute.", "1987-03-28", "TUR", "Prime Minister"),
        ("Turgut Ozal criticised Greece over the island dispute.", "1991-03-28", "TUR", "President"),
    ],
)
def test_older_heads_of_state_hold_their_dated_office(
    pipe: Any, text: str, date: str, country: str, role: str
) -> None:
    a = one(find(code(pipe, text, date), "ACCUSE")["actor"])
    assert a["country"] == country
    assert (a.get("role") or "").startswith(role)


def test_an_older_leader_after_office_is_still_known_but_holds_no_role(pipe: Any) -> None:
    a = one(
        find(code(pipe, "Askar Akayev criticised Russia over the pipeline.", "2015-05-01"), "ACCUSE")["actor"]
    )
    assert a["country"] == "KGZ" and not a.get("role")


def test_a_country_name_that_is_also_a_given_name_alone_is_the_country(pipe: Any) -> None:
    # spaCy tags "Chad" PERSON here; standing alone, with no other name next to it, it is the country
    evs = code(pipe, "Chad did not sign the agreement.")
    assert one(find(evs, "AGREE")["actor"])["country"] == "TCD"


def test_a_country_name_in_a_persons_name_is_the_person(pipe: Any) -> None:
    a = one(find(code(pipe, "Chad Smith criticised Egypt over the dam."), "ACCUSE")["actor"])
    assert a["kind"] == "person" and a["country"] is None


def test_an_unknown_judge_investigating_officials_of_the_one_country_is_of_that_country(pipe: Any) -> None:
    # officials of the country are no reason to think the judge foreign (only the country itself as a party is)
    evs = code(
        pipe, "Judge Maria Okafor opened fraud investigations against 12 Nigerian government officials."
    )
    assert one(find(evs, "ACCUSE")["actor"])["country"] == "NGA"


def test_a_reported_possessive_refers_to_the_unnamed_subject_of_the_reporting_verb(pipe: Any) -> None:
    evs = code(pipe, "Sudanese rebels said their fighters had withdrawn from the town.")
    a = one(find(evs, "RETREAT")["actor"])
    assert (a["country"], a["sector"]) == ("SDN", "REB")


def test_they_after_coordinated_names_in_the_sentence_takes_the_names_spans(pipe: Any) -> None:
    text = "Kenya and Uganda said they will deploy troops to the border."
    evs = code(pipe, text)
    spans = {text[a["start"] : a["end"]] for e in evs for a in e["actor"]}
    assert {"Kenya", "Uganda"} <= spans, spans


def test_a_sector_agent_named_by_a_region_takes_the_regions_country(pipe: Any) -> None:
    # "Darfur" is no country in the knowledge base; the gazetteer places it in Sudan
    ev = find(code(pipe, "Chad accused Darfur rebels of attacking its border posts."), "ACCUSE")
    assert any(a["country"] == "SDN" and a["sector"] == "REB" for a in ev["recipient"]), ev["recipient"]


def test_a_reported_they_is_the_plural_subject_of_the_reporting_verb_not_an_earlier_body(pipe: Any) -> None:
    text = "Saba Airways suspended its flights. The European governments said they would impose sanctions on Syria."
    evs = [e for e in code(pipe, text) if e["event"] == "THREATEN"]  # the intended sanctions
    assert evs and all(a["name"] != "Saba Airways" for e in evs for a in e["actor"]), evs


def test_plural_countries_do_not_refer_back_to_one_country(pipe: Any) -> None:
    text = "Kenya hosted the summit. The three countries said on Friday they had signed a security pact."
    evs = code(pipe, text)
    assert all(a["country"] != "KEN" for e in evs if e["event"] == "AGREE" for a in e["actor"]), evs


def test_nationalities_coordinated_as_noun_modifiers_are_both_parties(pipe: Any) -> None:
    text = "U.S. and Russian negotiators met in Geneva this week."
    evs = code(pipe, text)
    parties = {a["country"] for e in evs for a in e["actor"] + e["recipient"]}
    assert {"USA", "RUS"} <= parties, parties


def test_an_unrecognised_name_is_what_its_apposition_says(pipe: Any) -> None:
    text = "Tomas Vrbka, the United Nations Humanitarian Coordinator, demanded access to the besieged towns."
    a = one(find(code(pipe, text), "REQUEST")["actor"])
    assert a["code"].startswith("IGOUNO") and text[a["start"] : a["end"]].startswith("Tomas Vrbka")


def test_the_country_of_a_place_is_no_party_that_withholds_the_sentences_country(pipe: Any) -> None:
    # Nairobi is where the postponed rally was to be, not a party to the agreement
    evs = code(
        pipe, "Leaders of the Umoja opposition alliance agreed to postpone the demonstration in Nairobi."
    )
    assert one(find(evs, "AGREE")["actor"])["country"] == "KEN"


def test_a_thing_in_apposition_does_not_make_a_name_a_country(pipe: Any) -> None:
    # "a Kenyan-flagged vessel" is attributed to Kenya, but the ship's name is no Kenyan actor
    text = "Gunmen in two boats approached the Amani Star, a Kenyan-flagged vessel, and fired at it."
    evs = code(pipe, text)
    assert all(a["country"] != "KEN" for e in evs for a in e["actor"]), [
        (e["event"], e["actor"]) for e in evs
    ]


def test_a_possessive_on_the_other_partys_agents_is_not_the_actors_own(pipe: Any) -> None:
    # "its army" is Somalia's: Cairo helping its own army would be no event between two parties
    text = "Egypt said Cairo supported the unity of Somalia and would help its army in the fight against al-Shabaab."
    evs = [e for e in code(pipe, text) if e["event"] == "AGREE"]
    assert evs and any(a["country"] == "SOM" for e in evs for a in e["recipient"]), [
        (e["actor"], e["recipient"]) for e in evs
    ]


# -- ethnic communities ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plover", "side", "country"),
    [
        ("Hundreds of ethnic Russians rallied in Estonia on Saturday.", "PROTEST", "actor", "EST"),
        ("Police arrested six ethnic Uzbeks in Kyrgyzstan.", "COERCE", "recipient", "KGZ"),
    ],
)
def test_an_ethnic_community_is_placed_where_it_lives(
    pipe: Any, text: str, plover: str, side: str, country: str
) -> None:
    e = find(code(pipe, text), plover)
    assert [a["country"] for a in e[side]] == [country]


def test_an_ethnic_community_with_no_place_is_not_claimed_for_the_country_of_its_name(pipe: Any) -> None:
    e = find(code(pipe, "Ethnic Hungarians protested against the new language law."), "PROTEST")
    assert all(a["country"] != "HUN" for a in e["actor"])


# -- stances and backers are no nationality ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plover", "not_country"),
    [
        ("Pro-Russian separatists attacked Ukrainian troops in Donetsk.", "ASSAULT", "RUS"),
        ("Iranian-backed militias fired rockets at a US base in Syria.", "ASSAULT", "IRN"),
        ("Anti-American protesters marched through Karachi on Friday.", "PROTEST", "USA"),
    ],
)
def test_a_stance_or_a_backer_is_not_the_actors_country(
    pipe: Any, text: str, plover: str, not_country: str
) -> None:
    e = find(code(pipe, text), plover)
    assert e["actor"] and all(a["country"] != not_country for a in e["actor"]), e["actor"]


def test_a_country_named_plainly_still_counts(pipe: Any) -> None:
    e = find(code(pipe, "Russian troops attacked Ukrainian positions near Donetsk."), "ASSAULT")
    assert [a["country"] for a in e["actor"]] == ["RUS"]


@pytest.mark.parametrize(
    ("text", "plover", "not_country"),
    [
        ("Iran armed Iraq's neighbours.", "AID", "IRQ"),
        ("Rebels ambushed a convoy of Syria's allies near Aleppo.", "ASSAULT", None),
    ],
)
def test_the_possessor_of_a_relation_is_another_party(
    pipe: Any, text: str, plover: str, not_country: str | None
) -> None:
    # "X's allies / neighbours / rivals" are not X
    e = find(code(pipe, text), plover)
    if not_country is not None:
        assert all(a["country"] != not_country for a in e["recipient"]), e["recipient"]
    assert all(a["text"] not in ("Iraq's", "Syria's") for a in e["recipient"]), e["recipient"]
