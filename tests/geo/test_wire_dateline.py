"""Mixed-case wire datelines ("Beijing, Sept 5 (Xinhua) -"): where the story starts, and the dateline's place."""

from __future__ import annotations

import pytest

from tieline.geo import dateline_end


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("Beijing, Sept 5 (Xinhua) - Chinese and Nigerian officials met.", "Chinese and"),
        ("Hebron, Jan 3 (Prensa Latina) Israeli troops raided a school.", "Israeli troops"),
        ("Kirkuk (IraqiNews. com) Iraqi police arrested a suspect.", "Iraqi police"),
        ("Lagos (AFP) - Gunmen abducted a priest.", "Gunmen"),
        ("Moscow (Interfax): The Kremlin said talks would go on.", "The Kremlin"),
        ("NAIROBI, March 4 (Reuters) - Kenya said it would send troops.", "Kenya said"),
    ],
)
def test_the_story_starts_after_a_wire_dateline(text: str, story: str) -> None:
    end = dateline_end(text)
    assert end is not None and text[end:].startswith(story), end


@pytest.mark.parametrize(
    "text",
    [
        "Kenya Defence Forces (KDF) Spokesman Paul Njuguna said two soldiers died.",
        "Al-Shabaab (AS) Fighters stormed the town.",
        "Hamas (Islamic Resistance Movement) Leader Ismail Haniyeh spoke.",
        "The Human Rights League (HRL) said on Monday that police had beaten students.",
        "Boko Haram (BH) has said it seized the town.",
    ],
)
def test_a_name_and_its_acronym_is_no_dateline(text: str) -> None:
    assert dateline_end(text) is None
