"""Sentences that got no event at all (issue 4/3, round 8): constructions the pattern matcher did not see, on sentences
of our own.

- a travel advisory ("advised against all travel to X", "warned its citizens against travelling to X"): verbal
  conflict (CAMEO 130, as "issued a travel warning for X" already was) aimed at the destination, and the journey
  warned against is no visit;
- a news or information blackout imposed (CAMEO 1721, restricting the press);
- an economic act said to flow somewhere ("Japanese investment flows into Vietnam"): where it goes is its recipient.
"""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code

pytestmark = pytest.mark.model


def _codes(side: list[dict[str, Any]]) -> list[str]:
    return [a.get("country") or a.get("code") or "" for a in side]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("The British Foreign Office advised against all travel to Libya.", "GBR", "LBY"),
        ("Canada advised against travelling to Haiti after the riots.", "CAN", "HTI"),
        ("France advised its nationals against travelling to Niger.", "FRA", "NER"),
        ("Germany warned its citizens against travelling to Lebanon.", "DEU", "LBN"),
        ("Britain warned its citizens against all travel to Sudan.", "GBR", "SDN"),
        ("Japan warned its citizens against visiting North Korea.", "JPN", "PRK"),
    ],
)
def test_a_travel_advisory_is_aimed_at_the_destination(
    pipe: Any, text: str, actor: str, recipient: str
) -> None:
    evs = code(pipe, text)
    hits = [e for e in evs if e["cameo"] == "130"]
    assert hits, [(e["cameo"], e["reason"]) for e in evs]
    assert actor in _codes(hits[0]["actor"]), hits[0]["reason"]
    assert recipient in _codes(hits[0]["recipient"]), hits[0]["reason"]
    # the journey advised against is not made: no visit to the destination
    assert not [e for e in evs if e["cameo"].startswith("04")], [(e["cameo"], e["reason"]) for e in evs]


def test_a_warning_to_a_party_still_names_that_party(pipe: Any) -> None:
    # "warned Israel against ...": the one warned is a party, not one's own travellers, and stays the recipient
    evs = code(pipe, "The United States warned Israel against attacking Lebanon.")
    warn = [e for e in evs if e["cameo"] == "130"]
    assert warn and "ISR" in _codes(warn[0]["recipient"]), [(e["cameo"], e["reason"]) for e in evs]


def test_travelling_to_a_country_is_still_a_visit(pipe: Any) -> None:
    evs = code(pipe, "The Indian foreign minister travelled to Nepal on Monday.")
    assert [e for e in evs if e["cameo"] == "042" and "NPL" in _codes(e["recipient"])], [
        (e["cameo"], e["reason"]) for e in evs
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The junta imposed a news blackout on the capital.", "GOV"),
        ("The Ethiopian government imposed a media blackout on the Tigray region.", "ETH"),
    ],
)
def test_a_news_blackout_imposed_restricts_the_press(pipe: Any, text: str, actor: str) -> None:
    evs = code(pipe, text)
    hits = [e for e in evs if e["cameo"] == "1721"]
    assert hits, [(e["cameo"], e["reason"]) for e in evs]
    assert any(actor in (a.get("code") or "") or a.get("country") == actor for a in hits[0]["actor"]), hits[
        0
    ]["reason"]


def test_a_power_blackout_is_no_event(pipe: Any) -> None:
    assert not code(pipe, "A blackout hit the capital on Tuesday.")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Japanese investment flows into Vietnam rose last year.", "JPN", "VNM"),
        ("Chinese investment poured into Zambia during the copper boom.", "CHN", "ZMB"),
    ],
)
def test_an_act_flowing_somewhere_is_received_there(pipe: Any, text: str, actor: str, recipient: str) -> None:
    evs = code(pipe, text)
    hits = [e for e in evs if e["cameo"] == "061"]
    assert hits, [(e["cameo"], e["reason"]) for e in evs]
    assert actor in _codes(hits[0]["actor"]), hits[0]["reason"]
    assert recipient in _codes(hits[0]["recipient"]), hits[0]["reason"]


def test_a_flow_with_no_party_is_no_event(pipe: Any) -> None:
    # no one gives it: an economic flow named by no party is not cooperation
    assert not [
        e for e in code(pipe, "Investment flows into the region slowed.") if e["cameo"].startswith("06")
    ]


@pytest.mark.parametrize(
    ("text", "root", "actor", "recipient"),
    [
        ("The UN sent a team of investigators to Syria.", "09", "IGOUNO", "SYR"),
        ("France sent a squad of commandos to Mali.", "15", "FRA", "MLI"),
    ],
)
def test_a_team_sent_is_what_it_is_a_team_of(
    pipe: Any, text: str, root: str, actor: str, recipient: str
) -> None:
    evs = code(pipe, text)
    hits = [e for e in evs if e["cameo"].startswith(root)]
    assert hits, [(e["cameo"], e["reason"]) for e in evs]
    assert any(actor in (a.get("code") or "") or a.get("country") == actor for a in hits[0]["actor"]), hits[
        0
    ]["reason"]
    assert recipient in _codes(hits[0]["recipient"]), hits[0]["reason"]


def test_a_team_of_players_is_no_event(pipe: Any) -> None:
    assert not code(pipe, "The club sent a team of players to Qatar for the tournament.")


@pytest.mark.parametrize(
    ("text", "root", "actor", "recipient"),
    [
        ("Qatar mobilized lobby groups in Washington ahead of the vote.", "05", "QAT", None),
        ("The World Bank mobilized $2 billion for Pakistan after the floods.", "07", "IGOWBK", "PAK"),
    ],
)
def test_mobilizing_what_is_no_force_is_no_military_mobilization(
    pipe: Any, text: str, root: str, actor: str, recipient: str | None
) -> None:
    evs = code(pipe, text)
    assert not [e for e in evs if e["cameo"].startswith("15")], [(e["cameo"], e["reason"]) for e in evs]
    hits = [e for e in evs if e["cameo"].startswith(root)]
    assert hits, [(e["cameo"], e["reason"]) for e in evs]
    assert any(actor in (a.get("code") or "") or a.get("country") == actor for a in hits[0]["actor"]), hits[
        0
    ]["reason"]
    if recipient is not None:
        assert recipient in _codes(hits[0]["recipient"]), hits[0]["reason"]


@pytest.mark.parametrize(
    "text", ["Armenia mobilized its army along the border.", "Russia mobilized 300,000 reservists."]
)
def test_mobilizing_forces_stays_a_mobilization(pipe: Any, text: str) -> None:
    evs = code(pipe, text)
    assert [e for e in evs if e["cameo"] == "154"], [(e["cameo"], e["reason"]) for e in evs]


def test_mobilizing_others_against_a_party_rallies_opposition_to_it(pipe: Any) -> None:
    evs = code(pipe, "The US mobilized allies against Russia at the UN.")
    hits = [e for e in evs if e["cameo"] == "113"]
    assert hits and "RUS" in _codes(hits[0]["recipient"]), [(e["cameo"], e["reason"]) for e in evs]
