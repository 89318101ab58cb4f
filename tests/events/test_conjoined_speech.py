"""A verbal act the parser joins to the reported clause ("said the deal posed a risk and urged ...") is spoken by
the reporting verb's subject, not by the reported clause's subject; sentences written for the project."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger, code

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        (
            "Russian foreign ministry spokeswoman Maria Zakharova said the exercise posed a grave threat to "
            "regional security and urged the alliance to abandon its plans.",
            "urged",
            "RUS",
        ),
        (
            "Iranian Foreign Minister Abbas Araghchi said the resolution lacked any legal basis and condemned "
            "the three European countries for backing it.",
            "condemned",
            "IRN",
        ),
    ],
)
def test_the_speaker_says_the_joined_speech_act(pipe: Any, text: str, word: str, actor: str) -> None:
    e = by_trigger(code(pipe, text, date="2025-06-01"), text, word)
    assert [a["country"] for a in e["actor"]] == [actor], e["actor"]


def test_a_material_act_keeps_the_reported_subject(pipe: Any) -> None:
    text = "The governor said the militia attacked a market and killed twelve people."
    e = by_trigger(code(pipe, text), text, "killed")
    assert all(a["sector"] != "GOV" for a in e["actor"]), e["actor"]
