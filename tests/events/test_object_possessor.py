"""The owner of the object of a material act on a thing is its recipient ("suspended Niger's membership"), on
sentences written for the project; a pronoun, a relation noun, the actor itself and the topic of a talk are not."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger, code

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "word", "recipient"),
    [
        ("ECOWAS suspended Guinea's membership after the coup.", "suspended", "GIN"),
        ("The European Union froze Belarus's state assets on Friday.", "froze", "BLR"),
        ("The World Bank suspended Uganda's new loans over the law.", "suspended", "UGA"),
    ],
)
def test_the_owner_of_the_object_is_the_recipient(pipe: Any, text: str, word: str, recipient: str) -> None:
    e = by_trigger(code(pipe, text), text, word)
    assert [a["country"] for a in e["recipient"]] == [recipient], e["recipient"]


def test_a_pronoun_owner_is_not_a_recipient(pipe: Any) -> None:
    text = "Chad increased its contributions to the mission."
    e = by_trigger(code(pipe, text), text, "increased")
    assert all(a["country"] != "TCD" for a in e["recipient"]), e["recipient"]


def test_the_owner_of_a_talk_topic_is_not_its_recipient(pipe: Any) -> None:
    text = "Armenia asked for a meeting of the OSCE to discuss Azerbaijan's troop build-up on the border."
    for e in code(pipe, text):
        if e["event"] == "CONSULT":
            assert all(a["country"] != "AZE" for a in e["recipient"]), e["recipient"]
