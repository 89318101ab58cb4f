"""Errors found by coding wire-style articles the project wrote (issue 4, precision on real text, round 5); every
sentence here is our own, none is taken from an evaluation set or an article the errors were found in."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger, code

pytestmark = pytest.mark.model


# -- a month is no place ------------------------------------------------------------------------------------


def test_a_month_at_the_start_of_a_sentence_is_no_place(pipe: Any) -> None:
    text = "In March, army units detained four opposition activists after a rally in the capital."
    e = by_trigger(code(pipe, text, "2025-05-02"), text, "detained")
    assert (e["location"] or {}).get("text") != "March", e["location"]
    assert all(a["country"] != "GBR" for a in e["actor"] + e["recipient"]), e["reason"]
    assert e["date"] == "2025-03-01", e["date"]


def test_a_month_after_a_preposition_is_no_place(pipe: Any) -> None:
    text = "Chad pulled its soldiers out of the regional force in March."
    e = by_trigger(code(pipe, text, "2025-07-10"), text, "pulled")
    assert (e["location"] or {}).get("text") != "March", e["location"]


def test_a_real_place_after_in_is_still_the_place(pipe: Any) -> None:
    text = "Police arrested five suspects in Mandera on Sunday."
    e = by_trigger(code(pipe, text), text, "arrested")
    assert (e["location"] or {}).get("text") == "Mandera", e["location"]


# -- the agency credited in a dateline is no antecedent --------------------------------------------------------


def test_a_pronoun_does_not_refer_back_to_the_dateline_agency(pipe: Any) -> None:
    text = (
        "LIMA, May 3 (Reuters) - Peru's government expelled two Bolivian diplomats on Friday, "
        "accusing them of funding road blockades."
    )
    e = by_trigger(code(pipe, text), text, "accusing")
    assert all(not (a["code"] or "").startswith("MED") for a in e["recipient"]), e["recipient"]


def test_a_pronoun_does_not_refer_back_to_an_agency_in_parentheses(pipe: Any) -> None:
    text = "KYIV (AP) - Officials said Russian troops had detained three aid workers and beaten them."
    evs = code(pipe, text)
    for e in evs:
        assert all(not (a["code"] or "").startswith("MED") for a in e["actor"] + e["recipient"]), e["reason"]


def test_the_agency_named_in_the_story_is_still_an_antecedent(pipe: Any) -> None:
    text = "PARIS (AFP) - Iran banned Reuters on Monday and accused it of spreading lies."
    e = by_trigger(code(pipe, text), text, "accused")
    assert [a["code"] for a in e["recipient"]] == ["MEDREU"], e["recipient"]


# -- what was found or done without, not what was pledged ------------------------------------------------------


def test_a_finding_that_something_was_done_is_no_pledge(pipe: Any) -> None:
    text = "The tribunal determined last year that the militia had massacred villagers in the north."
    e = by_trigger(code(pipe, text), text, "massacred")
    assert e["modality"] == "asserted", e["reason"]
    assert e["event"] == "ASSAULT", e["reason"]


def test_an_act_joined_to_a_found_act_is_done(pipe: Any) -> None:
    text = (
        "Washington concluded that the junta had committed atrocities, and imposed sanctions on its leaders."
    )
    e = by_trigger(code(pipe, text), text, "imposed")
    assert (e["event"], e["modality"]) == ("SANCTION", "asserted"), e["reason"]


def test_a_pledge_that_something_will_be_done_is_still_pledged(pipe: Any) -> None:
    text = "The rebels vowed that they would release the hostages within a week."
    e = by_trigger(code(pipe, text), text, "release")
    assert e["modality"] in ("pledged", "hypothetical"), e["reason"]


def test_a_gerund_after_without_is_not_done(pipe: Any) -> None:
    text = "Kenya expelled two Somali diplomats for spying, without offering any proof."
    evs = code(pipe, text)
    assert all(
        e["modality"] != "asserted" for e in evs if e["evidence"]["trigger"]["text"].startswith("offering")
    )
    e = by_trigger(evs, text, "expelled")
    assert e["modality"] == "asserted", e["reason"]


def test_without_consulting_is_no_consultation(pipe: Any) -> None:
    text = "Mali's junta signed the deal with Russia without consulting its neighbours."
    evs = code(pipe, text)
    for e in evs:
        if e["evidence"]["trigger"]["text"].startswith("consulting"):
            assert e["modality"] == "negated", e["reason"]


# -- a run of acts is those acts --------------------------------------------------------------------------------


def test_a_campaign_of_air_strikes_is_an_assault(pipe: Any) -> None:
    text = "Last year the two allies launched a campaign of air strikes against the militants."
    e = by_trigger(code(pipe, text), text, "launched")
    assert e["event"] == "ASSAULT", e["reason"]


def test_a_campaign_of_protests_is_still_a_protest(pipe: Any) -> None:
    text = "Teachers launched a campaign of protests against the pay freeze."
    e = by_trigger(code(pipe, text), text, "launched")
    assert e["event"] == "PROTEST", e["reason"]


# -- dates: an act still to come, a part of a year -------------------------------------------------------------


def test_a_month_of_a_planned_trip_is_the_next_one(pipe: Any) -> None:
    text = "The Egyptian president is due to visit Nairobi in June for talks on the Nile dam."
    e = by_trigger(code(pipe, text, "2025-02-20"), text, "visit")
    assert e["modality"] != "asserted" and e["date"] == "2025-06-01", (e["modality"], e["date"])


def test_a_month_of_a_past_act_is_still_the_last_one(pipe: Any) -> None:
    text = "In June, Egypt promised to send troops to Somalia."
    evs = code(pipe, text, "2025-02-20")
    assert {e["date"] for e in evs} == {"2024-06-01"}, [(e["cameo"], e["date"]) for e in evs]


def test_a_weekday_of_a_planned_meeting_is_the_next_one(pipe: Any) -> None:
    text = "Germany's foreign minister will meet her Polish counterpart in Warsaw on Tuesday."
    e = by_trigger(code(pipe, text, "2025-02-20"), text, "meet")  # a Thursday
    assert e["date"] == "2025-02-25", e["date"]


def test_next_year_is_the_year_after(pipe: Any) -> None:
    text = "Seoul said South Korea would deliver the first howitzers to Romania next year."
    e = by_trigger(code(pipe, text, "2025-02-20"), text, "deliver")
    assert e["date"] == "2026-01-01", e["date"]


def test_early_in_a_year_dates_the_year(pipe: Any) -> None:
    text = "Niger expelled French ambassador Sylvain Itte in late 2023, months after the coup."
    e = by_trigger(code(pipe, text, "2025-02-20"), text, "expelled")
    assert e["date"] == "2023-01-01" and e["date_precision"] == "year", e["date"]


def test_resolve_date_ahead_and_parts_of_years() -> None:
    from datetime import date

    from tieline.events.dates import resolve_date

    ref = date(2025, 2, 20)  # a Thursday
    assert resolve_date("May", ref) == resolve_date("in May 2024", ref)
    got = resolve_date("in May", ref, ahead=True)
    assert got is not None and got.date == date(2025, 5, 1)
    got = resolve_date("January", ref, ahead=True)
    assert got is not None and got.date == date(2026, 1, 1)
    got = resolve_date("Friday", ref, ahead=True)
    assert got is not None and got.date == date(2025, 2, 21)
    got = resolve_date("next month", ref)
    assert got is not None and (got.date, got.precision) == (date(2025, 3, 1), "month")
    for text in ("mid-2021", "in early 2021", "the spring of 2021", "late 2021, months"):
        got = resolve_date(text, ref)
        assert got is not None and (got.date, got.precision) == (date(2021, 1, 1), "year"), text


def test_an_act_joined_with_since_does_not_take_the_first_acts_date(pipe: Any) -> None:
    text = "The rebels took up arms again in 2019 and have since captured several towns in the east."
    e = by_trigger(code(pipe, text, "2025-02-20"), text, "captured")
    assert e["date"] != "2019-01-01", e["date"]


def test_years_later_counts_on_from_the_earlier_year(pipe: Any) -> None:
    text = "Eritrea won independence from Ethiopia in 1993 and went to war with it five years later."
    e = by_trigger(code(pipe, text, "2025-02-20"), text, "went")
    assert e["date"] == "1998-01-01", e["date"]


def test_later_date_needs_an_earlier_year() -> None:
    from datetime import date

    from tieline.events.dates import later_date

    ref = date(2025, 2, 20)
    got = later_date("two years later", ["in 2011"], ref)
    assert got is not None and got.date == date(2013, 1, 1)
    got = later_date("six months later", ["in March 2020"], ref)
    assert got is not None and (got.date, got.precision) == (date(2020, 9, 1), "month")
    assert later_date("two years later", ["on Tuesday"], ref) is None
    assert later_date("later this year", ["in 2011"], ref) is None


# -- a warning of what others' acts could bring is no threat -----------------------------------------------------


def test_a_warning_that_others_could_do_harm_is_no_threat(pipe: Any) -> None:
    text = "Farm unions warned that the new tariffs could ruin thousands of growers."
    assert all(e["event"] != "THREATEN" for e in code(pipe, text)), [e["cameo"] for e in code(pipe, text)]


def test_a_warning_that_a_country_risks_war_is_no_threat(pipe: Any) -> None:
    text = "The African Union warned that Sudan risked breaking apart."
    assert all(e["event"] != "THREATEN" for e in code(pipe, text))


def test_a_warning_of_ones_own_act_is_still_a_threat(pipe: Any) -> None:
    text = "Tehran warned it could block tanker traffic through the Gulf."
    e = by_trigger(code(pipe, text), text, "warned")
    assert e["event"] == "THREATEN", e["reason"]


def test_warning_someone_against_an_act_is_still_a_threat(pipe: Any) -> None:
    text = "China warned the Philippines against any further provocations."
    e = by_trigger(code(pipe, text), text, "warned")
    assert e["event"] == "THREATEN", e["reason"]


# -- people held by armed groups are abducted -------------------------------------------------------------------


def test_civilians_held_by_rebels_for_ransom_are_abducted(pipe: Any) -> None:
    text = "The rebels are still holding four foreign aid workers for ransom."
    e = by_trigger(code(pipe, text), text, "holding")
    assert e["cameo"] == "181", e["reason"]


def test_officers_seized_by_gunmen_are_abducted_not_property(pipe: Any) -> None:
    text = "Gunmen seized two police officers at a roadblock outside the town."
    e = by_trigger(code(pipe, text), text, "seized")
    assert e["cameo"] == "181", e["reason"]


def test_people_held_by_the_police_are_detained(pipe: Any) -> None:
    text = "Nigerian police are holding three journalists in Abuja."
    e = by_trigger(code(pipe, text), text, "holding")
    assert e["cameo"] == "173", e["reason"]


def test_a_seized_tanker_is_still_property(pipe: Any) -> None:
    text = "Iran's navy seized a Greek tanker in the Gulf of Oman."
    e = by_trigger(code(pipe, text), text, "seized")
    assert e["cameo"] == "1711", e["reason"]


# -- hackers targeting someone intrude, they do not attack --------------------------------------------------------


def test_hackers_targeting_officials_is_an_intrusion(pipe: Any) -> None:
    text = "Iranian hackers targeted the email accounts of Israeli officials for two years."
    e = by_trigger(code(pipe, text), text, "targeted")
    assert (e["event"], e["cameo"]) == ("COERCE", "170"), e["reason"]


def test_a_cyber_campaign_that_targeted_ministries_is_an_intrusion(pipe: Any) -> None:
    text = "Poland blamed Russia for a cyber espionage campaign that targeted its foreign ministry."
    evs = code(pipe, text)
    assert all(e["event"] != "ASSAULT" for e in evs), [
        (e["event"], e["evidence"]["trigger"]["text"]) for e in evs
    ]


def test_hackers_a_reported_relative_says_targeted_someone(pipe: Any) -> None:
    text = "Washington charged five North Korean hackers it said had targeted South Korean banks."
    evs = code(pipe, text)
    assert evs and all(e["event"] != "ASSAULT" for e in evs), [
        (e["event"], e["evidence"]["trigger"]["text"]) for e in evs
    ]


def test_compromising_a_network_is_an_intrusion(pipe: Any) -> None:
    text = "Chinese state hackers compromised the network of Japan's space agency."
    e = by_trigger(code(pipe, text), text, "compromised")
    assert e["cameo"] == "170", e["reason"]


def test_drones_targeting_a_city_are_still_force(pipe: Any) -> None:
    text = "Russian drones targeted the Ukrainian port of Odesa overnight."
    e = by_trigger(code(pipe, text), text, "targeted")
    assert e["event"] == "ASSAULT", e["reason"]


# -- administrative units name places ------------------------------------------------------------------------------


def test_a_department_of_a_named_place_is_the_place(pipe: Any) -> None:
    text = "Soldiers clashed with ELN guerrillas in the eastern department of Arauca on Monday."
    e = by_trigger(code(pipe, text), text, "clashed")
    assert (e["location"] or {}).get("name") == "Arauca", e["location"]


def test_a_municipality_of_a_named_place_is_the_place(pipe: Any) -> None:
    text = "Gunmen killed four police officers in the municipality of Nuevo Laredo, officials said."
    e = by_trigger(code(pipe, text), text, "killed")
    assert (e["location"] or {}).get("name") == "Nuevo Laredo", e["location"]


def test_military_instructors_arriving_are_a_deployment_not_a_visit(pipe: Any) -> None:
    text = "Turkish military advisers arrived in Tripoli on Friday."
    e = by_trigger(code(pipe, text), text, "arrived")
    assert e["event"] != "CONSULT", e["reason"]


def test_no_one_doing_it_is_not_done(pipe: Any) -> None:
    text = "Not everyone in the cabinet backed the ceasefire with the rebels."
    for e in code(pipe, text):
        if e["evidence"]["trigger"]["text"].startswith("backed"):
            assert e["modality"] == "negated", e["reason"]


def test_no_country_recognising_is_not_done(pipe: Any) -> None:
    text = "No country has recognised the new government in Niamey."
    e = by_trigger(code(pipe, text), text, "recognised")
    assert e["modality"] == "negated", e["reason"]


def test_an_attack_no_group_claimed_still_happened(pipe: Any) -> None:
    text = "No group has claimed the car bombing in Mogadishu, which killed nine soldiers."
    e = by_trigger(code(pipe, text), text, "bombing")
    assert e["modality"] == "asserted", e["reason"]
