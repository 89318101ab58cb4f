"""Who did what to whom on real-looking text: the classes of wrong actors and recipients found by judging random
samples of coded news (docs/quality.md, "Precision on real text"). Every sentence is written for the project."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def events(pipe: Any, text: str, date: str = "2024-01-24") -> list[dict[str, Any]]:
    return [e.to_dict() for e in pipe.code(text, date=date)]


def by_trigger(evs: list[dict[str, Any]], word: str) -> dict[str, Any]:
    hits = [e for e in evs if word in e["evidence"]["trigger"]["text"]]
    assert hits, [(e["evidence"]["trigger"]["text"], e["event"]) for e in evs]
    return hits[0]


def codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["code"] for a in side}


def countries(side: list[dict[str, Any]]) -> set[str | None]:
    return {a["country"] for a in side}


# -- the doer of the reported act is not the speaker or the reporter --------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        (
            "The Red Cross has confirmed reports that the rebels have killed nine aid workers in Darfur.",
            "killed",
            "SDN",
        ),
        ("Amnesty cited claims that Eritrean troops had looted a clinic in Tigray.", "looted", "ERI"),
    ],
)
def test_a_perfect_clause_under_a_report_keeps_its_own_subject(
    pipe: Any, text: str, word: str, country: str
) -> None:
    ev = by_trigger(events(pipe, text), word)
    assert country in countries(ev["actor"]), ev["actor"]
    assert not any(a["kind"] == "igo" or a["code"].startswith("IGO") for a in ev["actor"]), ev["actor"]


def test_a_reduced_passive_relative_takes_its_by_agent(pipe: Any) -> None:
    ev = by_trigger(
        events(pipe, "Villagers showed reporters the shells fired by Azerbaijani troops."), "fired"
    )
    assert "AZE" in countries(ev["actor"])


@pytest.mark.parametrize(
    ("text", "word", "doer", "not_doer"),
    [
        (
            "Kremlin spokesman Dmitry Peskov accused Kyiv of shelling the Belgorod region.",
            "shelling",
            "UKR",
            "RUS",
        ),
        ("Baghdad blamed Ankara for bombing villages near Duhok.", "bombing", "TUR", "IRQ"),
        (
            "The Somali president thanked Uganda for sending more troops to Mogadishu.",
            "sending",
            "UGA",
            "SOM",
        ),
    ],
)
def test_the_one_accused_of_an_act_does_it(pipe: Any, text: str, word: str, doer: str, not_doer: str) -> None:
    ev = by_trigger(events(pipe, text), word)
    assert doer in countries(ev["actor"]), ev["actor"]
    assert not_doer not in countries(ev["actor"]), ev["actor"]


def test_the_accuser_keeps_its_own_act(pipe: Any) -> None:
    ev = by_trigger(
        events(pipe, "Kremlin spokesman Dmitry Peskov accused Kyiv of shelling the Belgorod region."),
        "accused",
    )
    assert "RUS" in countries(ev["actor"]) and "UKR" in countries(ev["recipient"])


def test_a_by_phrase_parsed_on_the_verbs_phrase_is_the_agent(pipe: Any) -> None:
    # spaCy hangs "by al-Shabaab" on "road"; it is the agent, not a recipient
    ev = by_trigger(
        events(pipe, "Police said mines had been planted along the road by al-Shabaab."), "planted"
    )
    assert "SOMREB" in codes(ev["actor"]), ev["actor"]
    assert "SOMREB" not in codes(ev["recipient"]), ev["recipient"]


# -- words that stand for a party in their own sentence -----------------------------------------------------------


def test_a_relative_pronoun_is_the_noun_its_clause_modifies(pipe: Any) -> None:
    text = "Hamas, which fired rockets at Israel in May, has agreed to a truce brokered by Egypt."
    ev = by_trigger(events(pipe, text), "fired")
    assert "PSE" in countries(ev["actor"]) and "ISR" in countries(ev["recipient"])


def test_a_verbal_act_in_a_relative_clause_takes_no_party_from_it(pipe: Any) -> None:
    # a relative clause that describes a party ("who has vowed ...") is no event of the sentence: the relative
    # pronoun names no one, so the verbal cooperation is not kept without parties
    text = "Students in Tehran marched against the cleric Ahmad Jannati, who has vowed to keep the ban on satellite dishes."
    evs = events(pipe, text)
    assert not any("vowed" in e["evidence"]["trigger"]["text"] for e in evs), [e["event"] for e in evs]


def test_a_noun_in_apposition_with_a_name_is_the_name(pipe: Any) -> None:
    text = "Hezbollah said it had seized two hilltops from its rival the Nusra Front near Arsal."
    ev = by_trigger(events(pipe, text), "seized")
    assert "LBNREB" in codes(ev["actor"])
    assert ev["recipient"] and "LBNREB" not in codes(ev["recipient"]), ev["recipient"]


def test_a_titled_noun_keeps_its_country_before_its_apposition(pipe: Any) -> None:
    text = "Kenya's foreign minister summoned Uganda's ambassador, Joyce Kikafunda, to protest the arrests."
    ev = by_trigger(events(pipe, text), "summoned")
    assert "UGA" in countries(ev["recipient"]), ev["recipient"]


# -- coordination: no side is lost ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "side", "expected"),
    [
        (
            "Turkish and Azerbaijani jets bombed positions near the border on Sunday.",
            "bombed",
            "actor",
            {"TUR", "AZE"},
        ),
        (
            "Kenyan and Ugandan negotiators met the rebel delegation in Arusha.",
            "met",
            "actor",
            {"KEN", "UGA"},
        ),
    ],
)
def test_coordinated_nationalities_of_a_thing_or_group_are_all_parties(
    pipe: Any, text: str, word: str, side: str, expected: set[str]
) -> None:
    ev = by_trigger(events(pipe, text), word)
    assert expected <= countries(ev[side]), ev[side]


def test_a_country_and_a_country_are_not_doubled(pipe: Any) -> None:
    ev = by_trigger(events(pipe, "Chad and Niger signed a border security pact on Monday."), "signed")
    assert countries(ev["actor"]) | countries(ev["recipient"]) == {"TCD", "NER"}


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("The blast killed a Pakistani colonel and three soldiers near Quetta.", "killed", "PAK"),
        ("Gunmen ambushed a Somali officer and four policemen outside Baidoa.", "ambushed", "SOM"),
    ],
)
def test_a_conjunct_shares_the_nationality_of_the_first(
    pipe: Any, text: str, word: str, country: str
) -> None:
    rec = by_trigger(events(pipe, text), word)["recipient"]
    assert len(rec) >= 2 and countries(rec) == {country}, rec


def test_a_conjunct_with_its_own_nationality_keeps_it(pipe: Any) -> None:
    rec = by_trigger(
        events(pipe, "The shelling killed two Syrian soldiers and a Turkish officer."), "killed"
    )["recipient"]
    assert countries(rec) == {"SYR", "TUR"}, rec


# -- victims and agents with no nationality: the country of the place, where the text gives one -------------------


def test_a_named_place_before_its_head_noun_is_the_place(pipe: Any) -> None:
    ev = by_trigger(
        events(pipe, "Gunmen shot dead a teacher in southern Helmand province on Friday."), "shot"
    )
    assert ev["location"] is not None and ev["location"]["country"] == "AFG", ev["location"]
    assert countries(ev["recipient"]) == {"AFG"}, ev["recipient"]


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Jihadists attacked a Malian village, killing eleven people.", "killing", "MLI"),
        (
            "Jets bombed markets in Idlib province, killing and wounding dozens of civilians.",
            "wounding",
            "SYR",
        ),
    ],
)
def test_the_victims_of_a_result_participle_belong_to_the_attacked_country(
    pipe: Any, text: str, word: str, country: str
) -> None:
    ev = by_trigger(events(pipe, text), word)
    assert country in countries(ev["recipient"]), ev["recipient"]


# -- datelines and state agents with no nationality ----------------------------------------------------------------


def test_a_wire_dateline_is_no_part_of_the_actor(pipe: Any) -> None:
    text = "Hebron, Jan 3 (Prensa Latina) Israeli troops detained twelve Palestinians in the West Bank."
    ev = by_trigger(events(pipe, text), "detained")
    assert codes(ev["actor"]) == {"ISRMIL"}, ev["actor"]
    assert all("Hebron" not in a["text"] for a in ev["actor"]), ev["actor"]


def test_a_capital_in_a_wire_dateline_is_not_the_actor(pipe: Any) -> None:
    text = "Beijing, Sept 5 (Xinhua) - Chinese President Xi Jinping held talks with Kenyan President William Ruto."
    ev = by_trigger(events(pipe, text, date="2024-09-05"), "talks")
    assert all(a["text"] != "Beijing" for a in ev["actor"]), ev["actor"]
    assert "CHN" in countries(ev["actor"]) and "KEN" in countries(ev["recipient"])


def test_a_bare_ministry_refers_back_to_the_ministry_named_with_its_country(pipe: Any) -> None:
    text = (
        "Russian drones struck a power plant near Odesa overnight, Ukraine's energy ministry said on Monday.\n\n"
        "The ministry said Russia had fired 40 drones at the region."
    )
    ev = by_trigger(events(pipe, text), "fired")
    assert {a["code"] for a in ev["attribution"]} == {"UKRGOV"}, ev["attribution"]


def test_a_bare_ministry_belongs_to_the_dateline_country(pipe: Any) -> None:
    text = "ANKARA, June 3 (Reuters) - Warplanes struck militant targets in northern Iraq, the defence ministry said."
    ev = by_trigger(events(pipe, text), "struck")
    assert {a["country"] for a in ev["attribution"]} == {"TUR"}, ev["attribution"]


def test_someones_own_agents_take_no_dateline_country(pipe: Any) -> None:
    text = "ANKARA, June 3 (Reuters) - The PKK said its fighters had attacked a Turkish outpost near Hakkari."
    ev = by_trigger(events(pipe, text), "attacked")
    assert "TURMIL" not in codes(ev["actor"]), ev["actor"]


def test_a_foreign_dateline_does_not_own_a_party_of_another_country(pipe: Any) -> None:
    text = "DOHA, June 3 (Reuters) - Iranian state television said lawmakers had approved a bill to expel inspectors."
    evs = events(pipe, text)
    assert any(e["actor"] for e in evs), evs
    assert not any(a["country"] == "QAT" for e in evs for a in e["actor"]), [e["actor"] for e in evs]


# -- a capital naming a thing or an event is a place, not its government --------------------------------------------


def test_a_capital_naming_an_event_is_its_venue_not_a_party(pipe: Any) -> None:
    ev = by_trigger(events(pipe, "Ethiopia will take part in the Nairobi talks on Sudan next week."), "talks")
    assert "KENGOV" not in codes(ev["actor"]) | codes(ev["recipient"]), (ev["actor"], ev["recipient"])


def test_a_capital_naming_a_thing_is_its_country_not_its_government(pipe: Any) -> None:
    ev = by_trigger(events(pipe, "Gunmen stormed a Kabul hotel on Monday, killing four guests."), "stormed")
    assert codes(ev["recipient"]) == {"AFG"}, ev["recipient"]


def test_a_capital_naming_people_is_still_their_government(pipe: Any) -> None:
    ev = by_trigger(events(pipe, "Tehran officials condemned the raid."), "condemned")
    assert codes(ev["actor"]) == {"IRNGOV"}, ev["actor"]


# -- an organisation's own agents; the addressee of a purpose clause ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        (
            "The African Union mission said its troops had repelled an attack near Baidoa.",
            "repelled",
            "IGOAFRAU",
        ),
        ("NATO said its warplanes had intercepted two bombers over the Baltic.", "intercepted", "IGOWSTNAT"),
    ],
)
def test_an_organisations_own_agents_are_the_organisation(pipe: Any, text: str, word: str, code: str) -> None:
    ev = by_trigger(events(pipe, text), word)
    assert ev["actor"] and all(a["code"].startswith(code) for a in ev["actor"]), ev["actor"]


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Algeria summoned the French ambassador to demand an apology.", "demand", "FRA"),
        (
            "Ruto telephoned Ethiopian Prime Minister Abiy Ahmed to discuss the border dispute.",
            "discuss",
            "ETH",
        ),
    ],
)
def test_a_verbal_act_in_a_purpose_clause_is_addressed_to_the_governors_recipient(
    pipe: Any, text: str, word: str, country: str
) -> None:
    ev = by_trigger(events(pipe, text, date="2024-05-02"), word)
    assert country in countries(ev["recipient"]), ev["recipient"]


def test_object_control_is_not_a_purpose_clause(pipe: Any) -> None:
    ev = by_trigger(events(pipe, "Kenya urged Somalia to withdraw its troops."), "withdraw")
    assert countries(ev["actor"]) == {"SOM"} and "SOM" not in countries(ev["recipient"])


# -- a condemnation of "the attack" is aimed at whoever carried it out ---------------------------------------------


def test_condemning_the_attack_is_aimed_at_its_doer(pipe: Any) -> None:
    text = (
        "Boko Haram fighters stormed a Nigerian army base near Monguno on Sunday, killing six soldiers.\n\n"
        "President Bola Tinubu condemned the attack and ordered a review of security in the north-east."
    )
    ev = by_trigger(events(pipe, text, date="2024-03-10"), "condemned")
    assert codes(ev["recipient"]) == {"NGAREB"}, ev["recipient"]


def test_an_attack_with_its_own_parties_is_not_looked_up(pipe: Any) -> None:
    text = (
        "Boko Haram fighters stormed a Nigerian army base near Monguno on Sunday, killing six soldiers.\n\n"
        "Chad condemned the attack by Nigerian jets on a village near its border."
    )
    ev = by_trigger(events(pipe, text, date="2024-03-10"), "condemned")
    assert "NGAREB" not in codes(ev["recipient"]), ev["recipient"]


# -- territory taken from someone; a relative clause on a place ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ukrainian troops recaptured three villages from Russian forces near Kharkiv.", "RUSMIL"),
        ("Azerbaijan seized the town of Lachin from Armenia.", "ARM"),
        ("Al-Shabaab fighters captured the town of Mahas from Ethiopian troops on Friday.", "ETHMIL"),
        ("The army recaptured the northern town of Kidal from the rebels.", "REB"),
    ],
)
def test_territory_is_taken_from_the_party_of_the_from_phrase(pipe: Any, text: str, code: str) -> None:
    evs = events(pipe, text)
    ev = next(e for e in evs if e["cameo"].startswith("192"))
    assert codes(ev["recipient"]) == {code}, ev["recipient"]


def test_a_relative_clause_on_a_place_takes_no_actor_from_it(pipe: Any) -> None:
    text = "The group claimed two bombings in the market district of Mogadishu which killed nine people."
    ev = by_trigger(events(pipe, text), "killed")
    assert not any("district" in a["text"] for a in ev["actor"]), ev["actor"]


def test_a_relative_clause_on_a_person_named_by_nationality_keeps_the_person(pipe: Any) -> None:
    text = "The Pentagon named the British soldier who was killed near Kandahar on Friday."
    ev = by_trigger(events(pipe, text), "killed")
    assert "GBR" in countries(ev["recipient"]), ev["recipient"]


def test_the_agent_of_a_noun_in_a_time_phrase_is_not_the_verbs_agent(pipe: Any) -> None:
    evs = events(pipe, "Palmyra has been liberated after its brutal occupation by the terrorist group Daesh.")
    assert evs
    freed = [e for e in evs if "liberated" in e["evidence"]["trigger"]["text"]]
    assert not any(e["actor"] for e in freed), [e["actor"] for e in freed]
