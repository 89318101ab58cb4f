"""``tieline gazetteer`` commands."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tieline.commands.entities import commands, gazetteer


def test_registered() -> None:
    assert gazetteer in commands and gazetteer.name == "gazetteer"


def test_validate_prints_counts() -> None:
    result = CliRunner().invoke(gazetteer, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ") and "platforms" in result.output


def test_show_by_alias_and_by_id() -> None:
    result = CliRunner().invoke(gazetteer, ["show", "bayraktar tb2"])
    assert result.exit_code == 0, result.output
    entry = json.loads(result.output)
    assert (entry["id"], entry["country"], entry["label"]) == ("bayraktar-tb2", "TUR", "MILITARY_PLATFORM")
    assert json.loads(CliRunner().invoke(gazetteer, ["show", "himars"]).output)["maker"] == "Lockheed Martin"


def test_list_filters_by_label_and_country() -> None:
    result = CliRunner().invoke(
        gazetteer, ["list", "--label", "weapon", "--country", "gbr", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["label"] == "WEAPON" and r["country"] == "GBR" for r in rows)
    assert "storm-shadow" in {r["id"] for r in rows}


def test_errors_are_one_line_with_a_code() -> None:
    result = CliRunner().invoke(gazetteer, ["show", "Nonexistent-Thing-9"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error E060") and len(result.output.strip().splitlines()) == 1
    bad = CliRunner().invoke(gazetteer, ["list", "--country", "United Kingdom"])
    assert bad.exit_code == 2 and "alpha-3" in bad.output
