"""Who judges an act did not do it (the lead, round 8): a nominal act inside an investigation, inquiry or probe takes
no participants from the clause the investigation is opened in. Sentences written for the project; the first test
failed before the rule, the guards pin what must not move."""

from __future__ import annotations

from typing import Any

import pytest

from coding_kit import by_trigger
from coding_kit import code as events

pytestmark = pytest.mark.model


def _codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["code"] for a in side}


@pytest.mark.parametrize(
    ("text", "word", "judge"),
    [
        ("The ICC opened an investigation into the killings of civilians in Darfur.", "killings", "IGOICC"),
        ("The UN launched a probe into attacks on aid convoys in Yemen.", "attacks", "IGOUNO"),
        ("Interpol began an inquiry into the bombings of two mosques in Kano.", "bombings", "IGOINTERPOL"),
    ],
)
def test_the_investigator_is_not_the_doer_of_the_act_investigated(
    pipe: Any, text: str, word: str, judge: str
) -> None:
    evs = events(pipe, text)
    e = by_trigger(evs, text, word)
    assert judge not in _codes(e["actor"]), e["reason"]
    probe = next(x for x in evs if x["cameo"].startswith("09"))
    assert judge in _codes(probe["actor"]), probe["reason"]


def test_an_inquiry_into_ones_own_strike_keeps_its_doer(pipe: Any) -> None:
    text = "Israel launched an inquiry into its air strike on the camp."
    e = by_trigger(events(pipe, text), text, "strike")
    assert "ISR" in _codes(e["actor"]), e["reason"]


def test_a_light_verb_still_gives_its_subject(pipe: Any) -> None:
    text = "Kenyan troops launched an offensive against al-Shabaab in Gedo."
    e = by_trigger(events(pipe, text), text, "launched")
    assert "KEN" in {a["country"] for a in e["actor"]}, e["reason"]
