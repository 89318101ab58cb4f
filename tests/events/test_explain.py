"""``tieline explain``: the parse, each pattern that fired, and the event it became or why it was dropped."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from tieline.cli import cli
from tieline.events.explain import explain

pytestmark = pytest.mark.model

TEXT = "Kenya urged Somalia to withdraw its troops, and an earthquake killed 40 people."


def test_explain_lists_coded_and_dropped_drafts(pipe: Any) -> None:
    out = explain(pipe, TEXT)
    (sent,) = out["sentences"]
    assert [t["text"] for t in sent["tokens"]][:3] == ["Kenya", "urged", "Somalia"]
    by_trigger = {d["trigger"]: d for d in sent["drafts"]}
    urged = by_trigger["urged"]
    assert urged["coded"]["event"] == "REQUEST" and urged["pattern"].startswith("verbs.yaml#")
    assert [a["code"] for a in urged["actors"]] == ["KEN"] and [a["code"] for a in urged["recipients"]] == ["SOM"]
    assert by_trigger["withdraw"]["embedded"] and by_trigger["withdraw"]["modality"] == "hypothetical"
    killed = by_trigger["killed"]
    assert "coded" not in killed and "natural or accidental cause" in killed["dropped"]
    # what explain says was coded is exactly what the coder produces
    coded = {d["coded"]["id"] for d in sent["drafts"] if "coded" in d}
    assert coded == {e.id for e in pipe.code(TEXT)}


def test_explain_command_text_and_json(pipe: Any) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["explain", TEXT, "--no-parse"])
    assert res.exit_code == 0, res.output
    assert "=> REQUEST 020" in res.output and "not coded: the subject is a natural or accidental cause" in res.output
    res = runner.invoke(cli, ["explain", TEXT, "--json", "--date", "2024-01-24"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["date"] == "2024-01-24" and data["sentences"][0]["drafts"]


def test_explain_bad_date_is_one_line_error() -> None:
    res = CliRunner().invoke(cli, ["explain", TEXT, "--date", "yesterday"])
    assert res.exit_code != 0 and "not a date" in res.output and "Traceback" not in res.output
