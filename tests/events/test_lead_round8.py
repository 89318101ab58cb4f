"""The lead's round 8. Who judges an act did not do it: a nominal act inside an investigation, inquiry or probe takes
no participants from the clause the investigation is opened in. An act one is warned against, deterred or kept from
is not done, and the one warned or kept from it would do it. Peacekeepers take no country from the place. Sentences
written for the project; the tests of each rule failed before it, the guards pin what must not move."""

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


def _on(pipe: Any, text: str, word: str) -> dict[str, Any]:
    return by_trigger(events(pipe, text), text, word)


@pytest.mark.parametrize(
    ("text", "word", "modality", "doer"),
    [
        ("Police warned protesters against marching on parliament.", "marching", "hypothetical", "CVL"),
        ("The United States warned Israel against attacking Lebanon.", "attacking", "hypothetical", "ISR"),
        ("Iran was deterred from attacking Israel.", "attacking", "hypothetical", "IRN"),
        ("Troops prevented protesters from storming the palace.", "storming", "negated", "CVL"),
        ("The rebels refrained from attacking the town.", "attacking", "negated", "REB"),
        ("Hamas abstained from firing rockets at Israel.", "firing", "negated", "PSEREB"),
    ],
)
def test_an_act_warned_against_or_kept_from_is_not_done_and_is_the_warned_ones(
    pipe: Any, text: str, word: str, modality: str, doer: str
) -> None:
    e = _on(pipe, text, word)
    assert e["modality"] == modality, e["reason"]
    assert doer in _codes(e["actor"]), e["reason"]


def test_the_warning_itself_stays_asserted(pipe: Any) -> None:
    text = "The United States warned Israel against attacking Lebanon."
    e = _on(pipe, text, "warned")
    assert (e["cameo"], e["modality"]) == ("130", "asserted"), e["reason"]
    assert "ISR" in _codes(e["recipient"]), e["reason"]


def test_an_act_done_after_a_warning_is_done(pipe: Any) -> None:
    text = "Despite the warning from Washington, Israeli jets attacked targets in Lebanon."
    e = _on(pipe, text, "attacked")
    assert e["modality"] == "asserted", e["reason"]


@pytest.mark.parametrize(
    ("text", "word", "wrong"),
    [
        ("Rebels attacked peacekeepers near Goma.", "attacked", "COD"),
        ("The UN opened a probe into attacks on peacekeepers in Mali.", "attacks", "MLI"),
        ("Peacekeepers fired on protesters in Bangui.", "fired", "CAF"),
    ],
)
def test_peacekeepers_take_no_country_from_the_place(pipe: Any, text: str, word: str, wrong: str) -> None:
    e = _on(pipe, text, word)
    keepers = [a for a in e["actor"] + e["recipient"] if "eacekeeper" in a["text"]]
    assert keepers, e["reason"]
    assert all(a.get("country") != wrong for a in keepers), e["reason"]


def test_peacekeepers_keep_the_nationality_the_article_gave_them(pipe: Any) -> None:
    text = "Kenyan peacekeepers arrived in Mogadishu. The peacekeepers were attacked by al-Shabaab."
    e = _on(pipe, text, "attacked")
    assert "KEN" in {a["country"] for a in e["recipient"]}, e["reason"]
