"""The CLI end to end (real model, real DuckDB file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tieline.cli import cli

pytestmark = pytest.mark.model
TEXT = "Japan and Australia signed a defence cooperation agreement in Tokyo on Tuesday."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_code_text_jsonl(runner: CliRunner, pipe: object) -> None:
    res = runner.invoke(cli, ["code", "--text", TEXT, "--date", "2024-01-24", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.output.splitlines()]
    agree = [e for e in events if e["event"] == "AGREE"]
    assert agree and agree[0]["date"] == "2024-01-23"
    for field in (
        "id",
        "article_id",
        "mode",
        "context",
        "cameo",
        "goldstein",
        "quad",
        "actor",
        "recipient",
        "location",
        "modality",
        "confidence",
        "evidence",
        "reason",
        "coder",
    ):
        assert field in agree[0]


def test_code_input_jsonl_keeps_ids_and_skips_bad_lines(
    runner: CliRunner, tmp_path: Path, pipe: object
) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "r1", "text": TEXT, "date": "2024-01-24"})
        + "\n{broken\n"
        + json.dumps({"id": "r2", "text": "Iran threatened to close the Strait of Hormuz."})
        + "\n"
    )
    res = runner.invoke(cli, ["code", "--input", str(f), "--format", "jsonl", "--date", "2024-02-01"])
    assert res.exit_code == 0
    ids = {json.loads(line)["article_id"] for line in res.stdout.splitlines()}
    assert ids == {"r1", "r2"}
    assert "bad_json" in res.stderr


def test_code_warns_when_an_article_has_no_date(runner: CliRunner, pipe: object) -> None:
    res = runner.invoke(
        cli, ["code", "--text", "Kenya and Somalia signed a defence pact.", "--format", "jsonl"]
    )
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines()]
    assert events and all(e["date_precision"] == "unknown" for e in events)
    assert "has no date" in res.stderr and "--date" in res.stderr
    dated = runner.invoke(
        cli, ["code", "--text", "Kenya and Somalia signed a defence pact.", "--date", "2024-01-24"]
    )
    assert dated.exit_code == 0 and "has no date" not in dated.stderr


def test_bad_date_is_one_line_error(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", "--text", "x", "--date", "24/01/2024"])
    assert res.exit_code == 2
    assert res.output.strip().startswith("error E060")
    assert len(res.output.strip().splitlines()) == 1


def test_events_without_store_is_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(cli, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "E040" in res.output


def test_ingest_is_idempotent_and_queryable(runner: CliRunner, tmp_path: Path, pipe: object) -> None:
    docs = tmp_path / "news"
    docs.mkdir()
    (docs / "a.txt").write_text("Pact signed\n\n" + TEXT + "\n")
    (docs / "b.txt").write_bytes(b"\x00\x01\x02binary")
    db = str(tmp_path / "t.duckdb")
    first = runner.invoke(cli, ["ingest", str(docs), "--db", db, "--date", "2024-01-24"])
    assert first.exit_code == 0, first.output
    assert "read 1 / skipped 1 (binary 1)" in first.output
    out1 = runner.invoke(cli, ["events", "--db", db, "--dyad", "JPN:AUS", "--format", "jsonl"]).output
    again = runner.invoke(cli, ["ingest", str(docs), "--db", db, "--date", "2024-01-24"])
    assert again.exit_code == 0
    out2 = runner.invoke(cli, ["events", "--db", db, "--dyad", "AUS:JPN", "--format", "jsonl"]).output
    assert out1 == out2 and out1.strip()
    csv_out = runner.invoke(cli, ["events", "--db", db, "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("id,article_id,date")


def test_ingest_counts_and_warns_about_undated_articles(
    runner: CliRunner, tmp_path: Path, pipe: object
) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "d1", "text": TEXT, "date": "2024-01-24"})
        + "\n"
        + json.dumps({"id": "u1", "text": "Kenya and Somalia signed a defence pact."})
        + "\n"
    )
    db = str(tmp_path / "t.duckdb")
    res = runner.invoke(cli, ["ingest", str(f), "--db", db])
    assert res.exit_code == 0, res.output
    assert "read 2 / skipped 0" in res.stdout
    assert "warning: 1 article(s) had no date" in res.stderr and "--date" in res.stderr
    dated = runner.invoke(cli, ["ingest", str(f), "--db", str(tmp_path / "d.duckdb"), "--date", "2024-02-01"])
    assert dated.exit_code == 0 and "had no date" not in dated.stderr


def test_entities_jsonl(runner: CliRunner, tmp_path: Path, pipe: object) -> None:
    res = runner.invoke(cli, ["entities", "--text", TEXT, "--format", "jsonl"])
    assert res.exit_code == 0
    ments = [json.loads(line) for line in res.output.splitlines()]
    assert {"Japan", "Australia", "Tokyo"} <= {m["text"] for m in ments}
    for m in ments:
        assert TEXT[m["start"] : m["end"]] == m["text"]


def test_demo(runner: CliRunner, tmp_path: Path, pipe: object) -> None:
    res = runner.invoke(cli, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert res.exit_code == 0, res.output
    assert "read 11 / skipped 0" in res.output
    assert "dyads" in res.output
