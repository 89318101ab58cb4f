"""Sentences that got no event at all (issue 4/3, round 7): constructions the pattern matcher did not see, on sentences
of our own.

- a nominal act that the clause's subject *receives* ("faced criticism from the AU", "came under pressure from
  Washington"): the one it comes from is the actor, the subject the recipient;
- a speech act or document *delivered* to someone ("submitted a petition to the government", "presented a proposal to
  the council"): the subject made it, the to-phrase is its recipient.
"""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger, code

pytestmark = pytest.mark.model


def _countries(side: list[dict[str, Any]]) -> list[str | None]:
    return [a.get("country") for a in side]


@pytest.mark.parametrize(
    ("text", "word", "actor", "recipient", "root"),
    [
        ("The Ethiopian government faced strong criticism from the African Union over the arrests.", "criticism",
         "IGOAFRAU", "ETH", "11"),
        ("Venezuela faces new sanctions from the European Union.", "sanctions", "IGOEUREEC", "VEN", "16"),
        ("Ghana received a stern warning from Togo about the border closures.", "warning", "TGO", "GHA", "13"),
        ("Pakistan's prime minister faces mounting pressure from the opposition to resign.", "pressure", "OPP", "PAK", "10"),
        ("Kenya came under pressure from the United States to release the detainees.", "pressure", "USA", "KEN", "10"),
    ],
)  # fmt: skip
def test_a_received_act_comes_from_the_from_phrase(
    pipe: Any, text: str, word: str, actor: str, recipient: str, root: str
) -> None:
    e = by_trigger(code(pipe, text), text, word)
    assert e["cameo"].startswith(root), e["reason"]
    assert any(actor in (a.get("code") or "") or a.get("country") == actor for a in e["actor"]), e["reason"]
    assert any(recipient in (a.get("code") or "") or a.get("country") == recipient for a in e["recipient"]), (
        e["reason"]
    )


@pytest.mark.parametrize(
    ("text", "word", "actor", "recipient", "root"),
    [
        ("Rebel leaders submitted a petition to the Sudanese government.", "petition", "REB", "SDN", "02"),
        ("Nigeria presented a new proposal to the Cameroonian delegation.", "proposal", "NGA", "CMR", "03"),
        ("Farmers delivered an appeal to the Indian government on Monday.", "appeal", None, "IND", "02"),
    ],
)  # fmt: skip
def test_a_delivered_speech_act_goes_to_the_to_phrase(
    pipe: Any, text: str, word: str, actor: str | None, recipient: str, root: str
) -> None:
    evs = code(pipe, text)
    hits = [e for e in evs if e["cameo"].startswith(root)]
    assert hits, [(e["cameo"], e["reason"]) for e in evs]
    e = hits[0]
    if actor is not None:
        assert any(actor in (a.get("code") or "") for a in e["actor"]), e["reason"]
    assert recipient in _countries(e["recipient"]), e["reason"]


def test_a_received_act_with_no_source_still_needs_its_own_party(pipe: Any) -> None:
    # "faces pressure" with no one it comes from and no party as subject is no event
    text = "The currency faces pressure from rising prices."
    assert not [e for e in code(pipe, text) if e["evidence"]["trigger"]["text"].startswith("pressure")]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("The Turkish president attended the inauguration of the new Brazilian president.", "TUR", "BRA"),
        ("King Charles attended the independence celebrations in Kenya.", "GBR", "KEN"),
        ("The Indian prime minister attended Russia's Victory Day parade in Moscow.", "IND", "RUS"),
    ],
)
def test_attending_anothers_ceremony_is_a_visit(pipe: Any, text: str, actor: str, recipient: str) -> None:
    evs = [e for e in code(pipe, text) if e["cameo"] == "042"]
    assert evs, [(e["cameo"], e["reason"]) for e in code(pipe, text)]
    assert actor in _countries(evs[0]["actor"]), evs[0]["reason"]
    assert recipient in _countries(evs[0]["recipient"]), evs[0]["reason"]


def test_attending_talks_is_still_consultation(pipe: Any) -> None:
    text = "Ghana attended the talks in Geneva."
    assert [e["cameo"] for e in code(pipe, text)] == ["040"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ethiopian government restored civil liberties in the Tigray region.",
        "Kazakhstan's president has expanded political freedoms.",
    ],
)
def test_granting_political_freedoms_is_a_concession(pipe: Any, text: str) -> None:
    evs = code(pipe, text)
    assert [e["cameo"] for e in evs] == ["083"], [(e["cameo"], e["reason"]) for e in evs]
    assert evs[0]["event"] == "CONCEDE" and evs[0]["actor"], evs[0]["reason"]


def test_what_comes_from_no_party_is_not_received(pipe: Any) -> None:
    text = "Hospitals face pressure from the surge in patients."
    assert code(pipe, text) == []


def test_a_crowd_attending_a_funeral_is_no_visit(pipe: Any) -> None:
    # a number of people names no party: the attendance is no visit (a named crowd still is one)
    assert not [
        e
        for e in code(pipe, "Thousands attended the funeral of the slain commander in Gaza.")
        if e["cameo"] == "042"
    ]
    named = [
        e
        for e in code(pipe, "Hundreds of Kenyan pilgrims attended the ceremony in Mecca.")
        if e["cameo"] == "042"
    ]
    assert named and "KEN" in _countries(named[0]["actor"]), named


def test_a_visit_needs_a_host_or_a_place(pipe: Any) -> None:
    text = "The Nigerian president attended a ceremony marking the anniversary of the civil war."
    assert not [e for e in code(pipe, text) if e["cameo"] == "042"]
    abroad = [
        e
        for e in code(pipe, "The Chinese premier will attend the coronation in London.")
        if e["event"] == "AGREE"
    ]
    assert abroad and "GBR" in _countries(abroad[0]["recipient"]), abroad
