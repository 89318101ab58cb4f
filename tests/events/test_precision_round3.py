"""Precision on real text, round 3 (issues 3 and 4): seven classes of wrong event or wrong actor found on news-like
paragraphs, each with a general rule. Every sentence here is written for the project."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code

pytestmark = pytest.mark.model

DATE = "2025-05-10"


def codes(side: list[dict[str, Any]]) -> list[str]:
    return [a["code"] for a in side]


def on(events: list[dict[str, Any]], word: str) -> list[dict[str, Any]]:
    """The events whose trigger text starts with ``word``."""
    return [e for e in events if e["evidence"]["trigger"]["text"].startswith(word)]


def summary(events: list[dict[str, Any]]) -> list[tuple[str, str, str, list[str], list[str]]]:
    return [
        (
            e["evidence"]["trigger"]["text"],
            e["event"],
            e["modality"],
            codes(e["actor"]),
            codes(e["recipient"]),
        )
        for e in events
    ]


# -- 1. an act named as the object of a request is asked for, not done ------------------------------------------


def test_ceasefire_called_for_is_not_declared_by_the_caller(pipe: Any) -> None:
    evs = code(pipe, "The African Union called for an immediate ceasefire in Sudan.", DATE)
    assert [e["event"] for e in on(evs, "called")] == ["REQUEST"]
    # no ceasefire is declared, and the AU is not the party that would declare it
    assert not [e for e in on(evs, "ceasefire") if e["modality"] == "asserted"], summary(evs)
    assert not [e for e in evs if e["event"] == "RETREAT" and "IGOAFRAU" in codes(e["actor"])], summary(evs)


def test_sanctions_pressed_for_are_hypothetical_and_not_the_askers(pipe: Any) -> None:
    evs = code(pipe, "The opposition pressed for sanctions against the junta.", DATE)
    (s,) = on(evs, "sanctions")
    assert s["modality"] == "hypothetical", summary(evs)
    assert codes(s["actor"]) == [], s["actor"]  # the opposition asks; it does not impose them


def test_withdrawal_called_for_keeps_its_own_actor_and_is_hypothetical(pipe: Any) -> None:
    evs = code(pipe, "The European Union called for the withdrawal of Russian troops from Moldova.", DATE)
    (w,) = on(evs, "withdrawal")
    assert (w["event"], w["modality"], codes(w["actor"])) == ("RETREAT", "hypothetical", ["RUSMIL"])


def test_negotiations_urged_on_both_sides_are_not_between_the_mediators(pipe: Any) -> None:
    evs = code(pipe, "Egypt and Qatar urged both sides to return to negotiations.", DATE)
    assert not [e for e in evs if set(codes(e["actor"]) + codes(e["recipient"])) == {"EGY", "QAT"}
                and e["event"] == "CONSULT"], summary(evs)  # fmt: skip
    evs = code(pipe, "Turkey and Brazil urged Israel and Hamas to return to negotiations.", DATE)
    (n,) = on(evs, "negotiations")
    assert n["modality"] == "hypothetical"
    assert codes(n["actor"]) + codes(n["recipient"]) == ["ISR", "PSEREB"], summary(evs)


def test_a_strike_called_for_keeps_its_organisers(pipe: Any) -> None:
    # who calls for a march or a strike organises it: they stay its actor, and it has not happened yet
    evs = code(pipe, "Trade unions in Nigeria called for a general strike against the fuel price rise.", DATE)
    (s,) = on(evs, "strike")
    assert (s["event"], s["modality"], codes(s["actor"])) == ("PROTEST", "hypothetical", ["NGALAB"])


def test_a_reaction_to_an_act_is_not_a_request(pipe: Any) -> None:
    evs = code(pipe, "Kenya condemned the attack on the UN convoy near Mogadishu.", DATE)
    (c,) = on(evs, "condemned")
    assert c["modality"] == "asserted"


# -- 2. coordinated hosts and mediators are co-actors, not each other's recipient --------------------------------


def test_co_hosts_of_talks_between_others_mediate_together(pipe: Any) -> None:
    text = "Qatar and Norway have hosted several rounds of talks between the warring parties."
    (h,) = on(code(pipe, text, DATE), "hosted")
    assert codes(h["actor"]) == ["QAT", "NOR"] and codes(h["recipient"]) == [], h
    assert h["cameo"] == "045", h["reason"]  # the hosts of others' talks mediate them


def test_hosted_talks_between_named_parties_take_them_as_recipients(pipe: Any) -> None:
    (h,) = on(code(pipe, "Qatar and Egypt hosted talks between Israel and Hamas in Doha.", DATE), "hosted")
    assert (h["cameo"], codes(h["actor"]), codes(h["recipient"])) == (
        "045",
        ["QAT", "EGY"],
        ["ISR", "PSEREB"],
    )


def test_co_mediators_are_not_each_others_recipient(pipe: Any) -> None:
    (m,) = on(code(pipe, "Norway and Switzerland mediated the negotiations.", DATE), "mediated")
    assert codes(m["actor"]) == ["NOR", "CHE"] and codes(m["recipient"]) == [], m


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kenya and Ethiopia signed a security pact.", "signed"),
        ("France and Germany met in Paris on Monday.", "met"),
    ],
)
def test_a_mutual_act_of_coordinated_subjects_stays_reciprocal(pipe: Any, text: str, word: str) -> None:
    (e,) = on(code(pipe, text, DATE), word)
    assert len(e["actor"]) == 1 and len(e["recipient"]) == 1, e


# -- 3. a date inside a nominal event's phrase dates that event; the act another act answers is its own event -------

RETALIATION = (
    "Ethiopia had launched air strikes on Eritrea in retaliation for an ambush on traders near Humera in March "
    "that killed 14 people."
)


def test_a_date_in_the_answered_act_does_not_date_the_answer(pipe: Any) -> None:
    evs = code(pipe, RETALIATION, DATE)
    (s,) = on(evs, "launched")
    assert s["date"] == DATE and s["date_source"] == "article", (s["date"], s["date_source"])
    assert codes(s["actor"]) == ["ETH"] and codes(s["recipient"]) == ["ERI"]


def test_the_answered_attack_is_its_own_event_with_its_date_and_victims(pipe: Any) -> None:
    evs = code(pipe, RETALIATION, DATE)
    (a,) = on(evs, "ambush")
    assert a["event"] == "ASSAULT" and a["date"].startswith("2025-03"), summary(evs)
    assert "ETH" not in codes(a["actor"])  # not the strikes' actor
    # the killing in its relative clause completes the ambush, not the strikes
    assert not on(evs, "killed"), summary(evs)
    assert [r["text"] for r in a["recipient"]] == ["traders"], a["recipient"]


def test_a_date_on_the_verbs_own_attack_still_dates_the_verb(pipe: Any) -> None:
    (k,) = on(code(pipe, "Three soldiers were killed in an attack on Monday near Gao.", DATE), "killed")
    assert k["date"] == "2025-05-05" and k["date_source"] == "text"
    # a noun of time between the verb and the nominal event keeps the date with the verb
    text = "During the border war, Eritrean troops destroyed three Ethiopian tanks in a single day of fighting in 1999."
    (d,) = on(code(pipe, text, DATE), "destroyed")
    assert d["date"].startswith("1999"), d["date"]


# -- 4. breaching networks is an intrusion; "X linked to / backed by Y" takes Y's country ------------------------


def test_hackers_linked_to_an_intelligence_agency_breaching_networks(pipe: Any) -> None:
    text = (
        "Hackers linked to Russia's military intelligence agency breached the networks of several European energy "
        "companies."
    )
    (b,) = on(code(pipe, text, DATE), "breached")
    assert b["event"] != "REJECT" and b["cameo"] == "170", b["cameo"]  # an intrusion, as a hack is
    assert codes(b["actor"]) == ["RUSSPY"], b["actor"]  # the agency's country and sector
    assert "RUS" not in {r["country"] for r in b["recipient"]}, b[
        "recipient"
    ]  # European companies are not Russian


def test_hackers_backed_by_a_state_take_its_country(pipe: Any) -> None:
    text = "Hackers backed by Iran breached the computer systems of an Israeli water utility."
    (b,) = on(code(pipe, text, DATE), "breached")
    assert (b["cameo"], codes(b["actor"]), codes(b["recipient"])) == ("170", ["IRN"], ["ISR"])


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Ukrainian troops breached Russian defences near Robotyne.", "190"),  # force, not defiance
        ("Serbia breached the agreement on border controls.", "128"),  # the norm sense stays
    ],
)
def test_breach_senses(pipe: Any, text: str, cameo: str) -> None:
    (b,) = on(code(pipe, text, DATE), "breached")
    assert b["cameo"] == cameo


def test_a_pronoun_is_not_read_as_the_acts_own_target(pipe: Any) -> None:
    # found while checking class 4 on re3d: "their" resolved to the nearest group, the one fought against
    text = (
        "Al-Shabaab fighters attacked a base near Kismayo on Monday. Kenya remains steadfast in its support of the "
        "Somali government and the Somali people in their fight against al-Shabaab."
    )
    (f,) = on(code(pipe, text, DATE), "fight")
    assert "SOMREB" not in codes(f["actor"]), summary([f])


# -- 5. a target as a goal is no attack ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rutte urged allies to reach the target of spending two percent of GDP on defence.",
        "Poland set a target of 300,000 soldiers by 2035.",
        "Spain has again missed the target agreed at the summit in Vilnius.",
        "Canada said it would meet the NATO spending target by 2027.",
    ],
)
def test_a_target_as_a_goal_is_not_an_attack(pipe: Any, text: str) -> None:
    evs = code(pipe, text, DATE)
    assert not on(evs, "target"), summary(evs)


def test_a_target_that_is_struck_stays_an_attack(pipe: Any) -> None:
    evs = code(pipe, "The air base near Erbil was a target of Iranian drones.", DATE)
    assert [e["event"] for e in on(evs, "target")] == ["ASSAULT"], summary(evs)


# -- 6. a truce brokered by X, or with the help of X, is X mediating ----------------------------------------------


def test_a_truce_brokered_with_the_help_of_a_state_is_its_mediation(pipe: Any) -> None:
    (b,) = on(code(pipe, "The truce was brokered with the help of Egypt.", DATE), "brokered")
    assert (b["event"], b["cameo"], codes(b["actor"])) == ("CONSULT", "045", ["EGY"]), b


def test_a_brokered_ceasefire_names_the_parties_mediated_between(pipe: Any) -> None:
    text = "The ceasefire between Israel and Hezbollah was brokered by France and the United States."
    (b,) = on(code(pipe, text, DATE), "brokered")
    assert (b["cameo"], codes(b["actor"]), codes(b["recipient"])) == (
        "045",
        ["FRA", "USA"],
        ["ISR", "LBNREB"],
    )


# -- 7. "the government's" with no country takes the country the article is about -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "YEREVAN, May 9 (Reuters) - Tens of thousands of protesters rallied outside parliament against the "
        "government's decision.",
        "Armenian protesters rallied against the government's decision to sign the border deal.",
    ],
)
def test_the_governments_decision_is_the_articles_government(pipe: Any, text: str) -> None:
    (r,) = on(code(pipe, text, DATE), "rallied")
    assert codes(r["recipient"]) == ["ARMGOV"], r["recipient"]


def test_a_groups_own_people_stay_without_the_countrys_code(pipe: Any) -> None:
    # "the group's fighters" are the group's, not the country's (the possessor inside the phrase still blocks it)
    text = "YEREVAN, May 9 (Reuters) - Police detained the group's supporters outside parliament."
    (d,) = on(code(pipe, text, DATE), "detained")
    assert "ARMCVL" not in codes(d["recipient"]) and "ARMREB" not in codes(d["recipient"]), d["recipient"]


def test_what_a_rally_in_the_capital_is_against(pipe: Any) -> None:
    # the parser hangs 'against' on 'the capital': it is still what the protest is against
    text = (
        "YEREVAN, May 9 (Reuters) - Tens of thousands of protesters rallied in the capital against the government's "
        "decision to suspend talks with the European Union."
    )
    (r,) = on(code(pipe, text, DATE), "rallied")
    assert codes(r["recipient"]) == ["ARMGOV"], r["recipient"]
