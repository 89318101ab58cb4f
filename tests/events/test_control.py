"""Who does the act in a to-infinitive under another verb: object control ("Kenya urged Somalia to withdraw"
-> Somalia withdraws), subject control ("Kenya agreed to withdraw" -> Kenya), and "ask X for Y"."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code as events

pytestmark = pytest.mark.model


def actor_countries(evs: list[dict[str, Any]], plover: str) -> set[str | None]:
    hits = [e for e in evs if e["event"] == plover]
    assert hits, [(e["event"], e["cameo"]) for e in evs]
    return {a["country"] for e in hits for a in e["actor"]}


@pytest.mark.parametrize(
    ("text", "plover", "doer", "asker"),
    [
        ("Tanzania urged Uganda to withdraw its troops from the border.", "RETREAT", "UGA", "TZA"),
        ("Peru pressed Ecuador to release the detained fishermen.", "RETREAT", "ECU", "PER"),
        ("Norway called on Russia to withdraw its forces from the region.", "RETREAT", "RUS", "NOR"),
        ("Egypt persuaded Sudan to sign the border agreement.", "AGREE", "SDN", "EGY"),
    ],
)
def test_the_object_of_the_governing_verb_does_the_embedded_act(
    pipe: Any, text: str, plover: str, doer: str, asker: str
) -> None:
    evs = events(pipe, text)
    doers = actor_countries(evs, plover)
    assert doer in doers
    assert asker not in doers


@pytest.mark.parametrize(
    ("text", "plover", "doer"),
    [
        ("Uganda agreed to withdraw its troops from the border.", "RETREAT", "UGA"),
        ("Ecuador promised to release the detained fishermen.", "AGREE", "ECU"),
    ],
)
def test_subject_control_keeps_the_subject(pipe: Any, text: str, plover: str, doer: str) -> None:
    assert doer in actor_countries(events(pipe, text), plover)


def test_passive_object_control_keeps_the_passive_subject(pipe: Any) -> None:
    evs = events(pipe, "Uganda was urged by Tanzania to withdraw its troops from the border.")
    assert actor_countries(evs, "RETREAT") == {"UGA"}


def test_ask_x_for_y_makes_x_the_recipient(pipe: Any) -> None:
    evs = events(pipe, "Malawi asked the European Union for emergency food aid.")
    assert any(
        r["code"].startswith("IGOEU") or r["name"] == "European Union" for e in evs for r in e["recipient"]
    ), [(e["event"], e["cameo"], e["recipient"]) for e in evs]


def test_the_passive_subject_of_a_raising_verb_does_the_act(pipe: Any) -> None:
    evs = events(pipe, "Chile is scheduled to attend the summit on fisheries in Lima.")
    assert "CHL" in actor_countries(evs, "AGREE")  # intent to meet (036)


def test_a_commitment_takes_the_recipient_of_the_act_it_commits_to(pipe: Any) -> None:
    evs = events(pipe, "Norway agreed to provide emergency food aid for Malawi and Zambia.")
    agree = [e for e in evs if e["event"] == "AGREE"]
    assert agree, [(e["event"], e["cameo"]) for e in evs]
    assert {"MWI", "ZMB"} <= {r["country"] for e in agree for r in e["recipient"]}
