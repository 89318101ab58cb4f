"""Where unarmed people come from gives them a country (issue 3, round 4). Sentences written for the project."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def parties(pipe: Any, text: str) -> dict[str, str]:
    return {
        a["text"]: a["code"]
        for e in pipe.code(text, date="2024-01-24")
        for a in (*e.to_dict()["actor"], *e.to_dict()["recipient"])
    }


def test_doctors_from_a_country_are_of_that_country(pipe: Any) -> None:
    assert (
        parties(pipe, "Doctors from Kenya delivered medicine to a hospital in Baghdad.")["Doctors"]
        == "KENHLH"
    )


def test_refugees_from_a_country_are_its_refugees(pipe: Any) -> None:
    assert parties(pipe, "Refugees from Syria protested in Amman.")["Refugees"] == "SYRREF"


def test_forces_withdrawn_from_a_country_are_not_of_it(pipe: Any) -> None:
    # "troops from Lebanon" in a withdrawal are the ones leaving it, not Lebanese forces
    codes = parties(pipe, "The UN demanded the withdrawal of troops from Lebanon.")
    assert "LBNMIL" not in codes.values(), codes
