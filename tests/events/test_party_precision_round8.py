"""Party precision (issue 3, round 8): spans coded as parties that are no party of the event in any reading.
Sentences written for the project; each test of a rule failed before it, the guards pin what must not move."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger
from coding_kit import code as events

pytestmark = pytest.mark.model


def _texts(side: list[dict[str, Any]]) -> list[str]:
    return [a["text"] for a in side]


def _codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["code"] for a in side}


# --- an act that judges another act is not aimed at whom that act was aimed at ---------------------------------


@pytest.mark.parametrize(
    ("text", "word", "wrong"),
    [
        (
            "A Chilean judge ordered the former minister to appear for questioning in an investigation of illegal "
            "weapons sales to Peru and Bolivia.",
            "questioning",
            {"PER", "BOL"},
        ),
        (
            "A Chilean judge ordered the former minister to appear for questioning in an investigation of illegal "
            "weapons sales to Peru and Bolivia.",
            "investigation",
            {"PER", "BOL"},
        ),
        (
            "Prosecutors in Oslo summoned the executive for questioning in a probe of fuel shipments to Syria.",
            "questioning",
            {"SYR"},
        ),
    ],
)
def test_a_judging_act_is_not_aimed_at_the_recipient_of_the_act_it_judges(
    pipe: Any, text: str, word: str, wrong: set[str]
) -> None:
    e = by_trigger(events(pipe, text), text, word)
    assert not (_codes(e["recipient"]) & wrong), e["reason"]


def test_a_halt_of_an_act_is_still_aimed_at_its_recipient(pipe: Any) -> None:
    text = "Brazil announced a suspension of arms sales to Venezuela."
    e = by_trigger(events(pipe, text), text, "suspension")
    assert "VEN" in _codes(e["recipient"]), e["reason"]
