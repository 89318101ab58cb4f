"""End-to-end coding of sentences the project wrote, with the real spaCy model."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code

pytestmark = pytest.mark.model


def find(events: list[dict[str, Any]], plover: str) -> dict[str, Any]:
    hits = [e for e in events if e["event"] == plover]
    assert hits, f"no {plover} event in {[(e['event'], e['cameo']) for e in events]}"
    return hits[0]


def countries(side: list[dict[str, Any]]) -> set[str | None]:
    return {a["country"] for a in side}


def test_active_voice_and_relative_date(pipe: Any) -> None:
    e = find(code(pipe, "Egypt and Ethiopia held talks in Cairo on Monday."), "CONSULT")
    assert countries(e["actor"]) | countries(e["recipient"]) == {"EGY", "ETH"}
    assert e["date"] == "2024-01-22"
    assert e["location"]["name"] == "Cairo" and e["location"]["country"] == "EGY"


def test_passive_voice_with_agent(pipe: Any) -> None:
    e = find(code(pipe, "Ukrainian forces were attacked by Russian drones in Kharkiv."), "ASSAULT")
    assert countries(e["actor"]) == {"RUS"}
    assert countries(e["recipient"]) == {"UKR"}
    assert e["recipient"][0]["sector"] == "MIL"


def test_reported_speech_keeps_the_embedded_actors(pipe: Any) -> None:
    e = find(
        code(pipe, "The Foreign Ministry said Israeli troops had killed three Palestinian civilians."),
        "ASSAULT",
    )
    assert countries(e["actor"]) == {"ISR"}
    assert e["attribution"], "the ministry is the attribution, not the actor"


def test_denial_is_negated(pipe: Any) -> None:
    e = find(code(pipe, "Turkey denied attacking Kurdish fighters in Syria."), "ASSAULT")
    assert e["modality"] == "negated"
    assert countries(e["actor"]) == {"TUR"}


def test_an_intent_noun_governs_its_of_gerund(pipe: Any) -> None:
    """ "had no intention of invading" intends nothing; "the threat of attacking" threatens it."""
    e = find(code(pipe, "The president said Belarus had no intention of invading Lithuania."), "ASSAULT")
    assert e["modality"] == "negated" and countries(e["recipient"]) == {"LTU"}
    e = find(code(pipe, "Moldova warned of the threat of attacking its border posts."), "ASSAULT")
    assert e["modality"] == "threatened"


def test_a_quantity_of_a_thing_is_transparent(pipe: Any) -> None:
    """ "suspended part of its aid to X" is suspending aid (CAMEO 162) to X; no separate aid event is asserted."""
    events = code(pipe, "Norway suspended part of its development aid to Malawi last year.")
    e = find(events, "SANCTION")
    assert e["cameo"].startswith("162") and countries(e["recipient"]) == {"MWI"}
    assert not [x for x in events if x["event"] == "AID" and x["modality"] == "asserted"]


@pytest.mark.parametrize(
    ("text", "plover", "pair"),
    [
        ("Ethiopia and Eritrea traded accusations on Tuesday.", "ACCUSE", {"ETH", "ERI"}),
        ("Armenia and Azerbaijan exchanged fire along their border.", "ASSAULT", {"ARM", "AZE"}),
        ("Russia and Ukraine exchanged hundreds of prisoners.", "RETREAT", {"RUS", "UKR"}),
    ],
)
def test_coordinated_subjects_that_trade_or_exchange_act_on_each_other(
    pipe: Any, text: str, plover: str, pair: set[str]
) -> None:
    e = find(code(pipe, text), plover)
    assert e["reciprocal"] is True
    assert countries(e["actor"]) | countries(e["recipient"]) == pair and len(e["recipient"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Police foiled attacks on two churches in Kano.",
        "Attacks on three police stations were thwarted by Kenyan troops.",
        "The defence pact covers attacks on Japanese ships.",
        "The new law prohibits attacks on aid workers in Yemen.",
    ],
)
def test_a_prevented_act_or_the_scope_of_a_rule_is_not_done(pipe: Any, text: str) -> None:
    assert not [e for e in code(pipe, text) if e["event"] == "ASSAULT" and e["modality"] == "asserted"]


@pytest.mark.parametrize(
    ("text", "plover", "actor", "recipient"),
    [
        ("Israel launched strikes on Gaza.", "ASSAULT", "ISR", "PSE"),
        ("Russia launched a drone attack on Odesa.", "ASSAULT", "RUS", "UKR"),
        ("The World Food Programme delivered 700 tonnes of food to Gaza.", "AID", None, "PSE"),
    ],
)
def test_a_material_act_aimed_at_a_place_is_received_by_its_country(
    pipe: Any, text: str, plover: str, actor: str | None, recipient: str
) -> None:
    e = find(code(pipe, text), plover)
    assert countries(e["recipient"]) == {recipient}
    if actor is not None:
        assert countries(e["actor"]) == {actor}


def test_a_place_in_the_actor_s_own_country_is_no_recipient(pipe: Any) -> None:
    e = find(code(pipe, "Russia launched a drone attack on Belgorod."), "ASSAULT")
    assert "RUS" not in countries(e["recipient"])


def test_a_when_clause_under_a_pledge_states_what_happened(pipe: Any) -> None:
    events = code(
        pipe, "Turkey vowed to withdraw its troops from Libya when Erdogan visited Tripoli in 2023."
    )
    visit = [e for e in events if e["evidence"]["trigger"]["text"].startswith("visited")]
    assert visit and visit[0]["modality"] == "asserted" and visit[0]["event"] == "CONSULT"


def test_not_signed_is_negated(pipe: Any) -> None:
    e = find(code(pipe, "The Chinese government did not sign the treaty."), "AGREE")
    assert e["modality"] == "negated"


def test_signed_agreement_is_reciprocal(pipe: Any) -> None:
    e = find(code(pipe, "Japan and Australia signed a defence cooperation agreement."), "AGREE")
    assert e["cameo"].startswith("057")
    assert countries(e["actor"]) | countries(e["recipient"]) == {"JPN", "AUS"}


def test_pledge_modality(pipe: Any) -> None:
    events = code(pipe, "France pledged to send 2,000 troops to the African Union mission in Somalia.")
    sent = [e for e in events if e["evidence"]["trigger"]["text"].startswith("send")]
    assert sent and sent[0]["modality"] == "pledged"
    assert countries(sent[0]["actor"]) == {"FRA"}


def test_threat(pipe: Any) -> None:
    e = find(code(pipe, "Iran threatened to close the Strait of Hormuz."), "THREATEN")
    assert countries(e["actor"]) == {"IRN"}


def test_sanctions_with_igo_actor(pipe: Any) -> None:
    e = find(code(pipe, "The European Union imposed sanctions on Belarus."), "SANCTION")
    assert e["actor"][0]["kind"] == "igo"
    assert countries(e["recipient"]) == {"BLR"}


def test_sector_agent_takes_country_of_place(pipe: Any) -> None:
    e = find(code(pipe, "Police arrested 20 opposition supporters in Kampala."), "COERCE")
    assert e["actor"][0]["code"] == "UGACOP"
    assert e["recipient"][0]["sector"] == "OPP"


def test_demonym_and_agent(pipe: Any) -> None:
    e = find(code(pipe, "Burundian militiamen attacked a village in eastern Congo."), "ASSAULT")
    a = e["actor"][0]
    assert (a["country"], a["sector"]) == ("BDI", "REB")


def test_dated_role_resolves_title_to_office_holder(pipe: Any) -> None:
    for date, name in (("2023-06-01", "Lloyd Austin"), ("2025-06-01", "Pete Hegseth")):
        e = find(code(pipe, "The US Secretary of Defense visited Nairobi.", date), "CONSULT")
        assert e["actor"][0]["name"] == name, date
        assert countries(e["recipient"]) == {"KEN"}


def test_historical_reference_keeps_its_year(pipe: Any) -> None:
    e = find(code(pipe, "The 2019 attack in Mogadishu killed dozens of people."), "ASSAULT")
    assert e["date"].startswith("2019") and e["date_precision"] == "year"


def test_spans_slice_the_text(pipe: Any) -> None:
    text = "Kenyan troops attacked al-Shabaab fighters near the Somali border on Tuesday."
    events = code(pipe, text)
    assert events
    for e in events:
        for side in ("actor", "recipient"):
            for a in e[side]:
                assert text[a["start"] : a["end"]] == a["text"]
        ev = e["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert text[ev["trigger"]["start"] : ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert 0.0 <= e["confidence"] <= 1.0
        assert e["reason"]


def test_statement_alone_is_not_an_event(pipe: Any) -> None:
    assert code(pipe, "The minister said the weather was fine.") == []
