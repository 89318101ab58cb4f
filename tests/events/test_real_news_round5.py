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
    text = "Washington concluded that the junta had committed atrocities, and imposed sanctions on its leaders."
    e = by_trigger(code(pipe, text), text, "imposed")
    assert (e["event"], e["modality"]) == ("SANCTION", "asserted"), e["reason"]


def test_a_pledge_that_something_will_be_done_is_still_pledged(pipe: Any) -> None:
    text = "The rebels vowed that they would release the hostages within a week."
    e = by_trigger(code(pipe, text), text, "release")
    assert e["modality"] in ("pledged", "hypothetical"), e["reason"]


def test_a_gerund_after_without_is_not_done(pipe: Any) -> None:
    text = "Kenya expelled two Somali diplomats for spying, without offering any proof."
    evs = code(pipe, text)
    assert all(e["modality"] != "asserted" for e in evs if e["evidence"]["trigger"]["text"].startswith("offering"))
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
