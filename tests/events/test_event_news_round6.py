"""Event-level errors found on news-like text the project wrote (issues 3 and 4, round 6), on sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger, code

pytestmark = pytest.mark.model


def test_an_accusation_the_accused_denies_is_still_made(pipe: Any) -> None:
    text = "Mali accuses Algeria of backing the rebels, a charge Algiers denies."
    e = by_trigger(code(pipe, text), text, "accuses")
    assert e["modality"] == "asserted", e["reason"]


def test_a_denied_act_is_still_negated(pipe: Any) -> None:
    text = "Algiers denied that it had armed the rebels."
    e = by_trigger(code(pipe, text), text, "armed")
    assert e["modality"] == "negated", e["reason"]


def test_the_invited_party_is_the_recipient_not_the_meeting(pipe: Any) -> None:
    text = "Qatar invited Ethiopia's prime minister to a summit in Doha next week."
    e = by_trigger(code(pipe, text), text, "invited")
    assert [a["country"] for a in e["recipient"]] == ["ETH"], e["recipient"]
