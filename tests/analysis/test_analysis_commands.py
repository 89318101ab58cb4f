"""The dyad, dossier, network, top and export commands, through click's test runner on a store file."""

from __future__ import annotations

import csv
import io
import json
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from analysis_kit import file_store, relationship_specs
from click.testing import CliRunner

from tieline.commands.analysis import commands, dossier_cmd, dyad_cmd, export_cmd, network_cmd, top_cmd


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(file_store(tmp_path / "t.duckdb", relationship_specs()))


def test_commands_are_exposed() -> None:
    assert [c.name for c in commands] == ["dyad", "dossier", "network", "top", "export"]


def test_dyad_json_csv_and_table(db: str) -> None:
    res = CliRunner().invoke(dyad_cmd, ["USA", "KEN", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [(r["period"], r["events"], r["cooperation"], r["conflict"]) for r in rows] == [
        ("2024-01", 3, 2, 1),
        ("2024-02", 0, 0, 0),
        ("2024-03", 1, 1, 0),
    ]
    res = CliRunner().invoke(dyad_cmd, ["ken", "usa", "--db", db, "--format", "csv", "--by", "year"])
    assert res.exit_code == 0, res.output
    table = list(csv.DictReader(io.StringIO(res.output)))
    assert table[0]["period"] == "2010" and table[-1]["period"] == "2024" and table[-1]["events"] == "4"
    assert table[1]["goldstein_mean"] == ""  # an empty year has no mean
    res = CliRunner().invoke(dyad_cmd, ["USA", "KEN", "--db", db])
    assert res.exit_code == 0, res.output
    assert "2024-01" in res.output and "USA–KEN: 4 events in 3 periods" in res.output


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_dyad_plot_writes_a_readable_png(db: str, tmp_path: Path) -> None:
    out = tmp_path / "charts" / "timeline.png"
    res = CliRunner().invoke(dyad_cmd, ["USA", "KEN", "--db", db, "--plot", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    width, height = _png_size(out)
    assert 700 <= width <= 2500 and 400 <= height <= 1000
    assert out.stat().st_size > 15_000  # bars, line, labels: not a blank image


def test_dyad_errors_are_one_line(db: str, tmp_path: Path) -> None:
    res = CliRunner().invoke(dyad_cmd, ["USA", "USA", "--db", db])
    assert res.exit_code == 2 and "E060" in res.output
    res = CliRunner().invoke(dyad_cmd, ["USA", "KEN", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 1 and "E040" in res.output
    res = CliRunner().invoke(dyad_cmd, ["USA", "KEN", "--db", db, "--since", "January"])
    assert res.exit_code == 2 and "E060" in res.output
    res = CliRunner().invoke(dyad_cmd, ["USA", "ETH", "--db", db, "--plot", str(tmp_path / "x.png")])
    assert res.exit_code == 2 and "nothing to plot" in res.output
    assert not (tmp_path / "x.png").exists()


def test_dossier_text_and_json(db: str) -> None:
    res = CliRunner().invoke(dossier_cmd, ["USA", "KEN", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["counts"]["agreements"] == 1 and d["counts"]["meetings"] == 1 and d["counts"]["aid"] == 1
    res = CliRunner().invoke(dossier_cmd, ["USA", "KEN", "--db", db])
    assert res.exit_code == 0, res.output
    assert "United States (USA) – Kenya (KEN)" in res.output
    assert "Agreements: 1" in res.output and "signed a defence cooperation agreement" in res.output


def test_network_graphml_and_json(db: str, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    res = CliRunner().invoke(network_cmd, ["--db", db, "--out", str(out)])
    assert res.exit_code == 0, res.output
    graph = ET.parse(out).getroot()
    ids = sorted(n.get("id") or "" for n in graph.iter("{http://graphml.graphdrawing.org/xmlns}node"))
    assert ids == ["KEN", "SOM", "USA"]
    res = CliRunner().invoke(network_cmd, ["--db", db, "--format", "json", "--since", "2024-03-01"])
    assert res.exit_code == 0, res.output
    net = json.loads(res.output)
    assert [(e["source"], e["target"], e["relation"]) for e in net["edges"]] == [
        ("KEN", "USA", "cooperation")
    ]


def test_top(db: str) -> None:
    res = CliRunner().invoke(top_cmd, ["dyads", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert [d["dyad"] for d in json.loads(res.output)] == ["KEN-USA", "SOM-USA"]
    res = CliRunner().invoke(top_cmd, ["actors", "--db", db, "--by", "conflict"])
    assert res.exit_code == 0 and "United States" in res.output


def test_export_command(db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    res = CliRunner().invoke(export_cmd, ["--db", db, "--format", "csv", "--out", str(out), "--batch", "2"])
    assert res.exit_code == 0, res.output
    assert "exported 7 events" in res.output
    with out.open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 7
    res = CliRunner().invoke(export_cmd, ["--db", db, "--format", "xml", "--out", str(out)])
    assert res.exit_code == 2
    res = CliRunner().invoke(export_cmd, ["--db", db, "--format", "csv", "--out", str(tmp_path)])
    assert res.exit_code != 0
