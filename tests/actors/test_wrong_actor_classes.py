"""Five classes of wrong actor found on news-like text (issue 3, round 5), each on sentences written for the project:
a plural pronoun and the plural subject of its sentence, a place the parser tags PERSON, a fuzzy match that would
turn a real city into an organisation, a self-dyad invented from the place, and the agent of an "operation of X"."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def code(pipe: Any, text: str, date: str = "2024-05-01") -> list[dict[str, Any]]:
    return [e.to_dict() for e in pipe.code(text, date=date)]


def by_trigger(events: list[dict[str, Any]], text: str, word: str) -> dict[str, Any]:
    """The event whose evidence trigger is ``word``."""
    for e in events:
        trig = e["evidence"]["trigger"]
        if text[trig["start"] : trig["end"]].startswith(word):
            return e
    raise AssertionError(f"no event on '{word}' in {[(e['event'], e['evidence']['trigger']['text']) for e in events]}")


def codes(side: list[dict[str, Any]]) -> list[str]:
    return [a["code"] for a in side]


# -- 3. a fuzzy match does not turn a real place into an organisation ---------------------------------------------


def test_city_police_are_not_a_misspelt_naval_operation(pipe: Any) -> None:
    text = "Atlanta police arrested two men after a shooting downtown."
    e = by_trigger(code(pipe, text), text, "arrested")
    a = e["actor"][0]
    assert a["kind"] == "sector" and a["code"] == "USACOP", a
    assert "Atalanta" not in a["name"]
