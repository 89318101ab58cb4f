"""Datelines closed by a colon ("LYON: Interpol said ...", AFP's style): where the story starts, and its place."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import code as events
from coding_kit import of_type
from tieline.geo import dateline_end


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("NAIROBI: Kenyan police arrested three suspects on Monday.", "Kenyan police"),
        ("KABUL, Afghanistan: Six policemen were killed in an ambush.", "Six policemen"),
        ("PORT SUDAN, Sudan: The army said it had retaken the town.", "The army"),
    ],
)
def test_the_story_starts_after_a_colon_dateline(text: str, story: str) -> None:
    end = dateline_end(text)
    assert end is not None and text[end:].startswith(story), end


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING: Kenyan troops attacked the camp.",  # a label, not a place
        "UN: the mission will stay.",  # too short to tell from an acronym
        "Kenya: the army said it had retaken the town.",  # not in capitals
        "The minister said: Kenya will send troops.",  # not at the start
    ],
)
def test_a_label_or_a_colon_in_the_sentence_is_no_dateline(text: str) -> None:
    assert dateline_end(text) is None


@pytest.mark.model
def test_the_colon_datelines_place_is_not_the_first_subject(pipe: Any) -> None:
    text = "KABUL, Afghanistan: Six policemen were killed in a Taliban ambush on Friday, officials said."
    e = of_type(events(pipe, text), "ASSAULT")[0]
    assert [a["code"] for a in e["recipient"]] == ["AFGCOP"], e["reason"]
    assert e["location"]["text"] == "KABUL"
