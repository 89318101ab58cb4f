"""`tieline geo resolve|validate|geojson` through click's test runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from tieline.commands.geo import commands, geo
from tieline.geo.gazetteer import _data_dir
from tieline.model import Actor, Article, Event, Evidence, Location
from tieline.store import open_store


def test_commands_list() -> None:
    assert commands == [geo]


def test_resolve_text_and_json() -> None:
    r = CliRunner().invoke(geo, ["resolve", "Paris, Texas"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Paris\tcity\tUSA\t")
    r = CliRunner().invoke(geo, ["resolve", "Georgia", "--context", "usa", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output)["country"] == "USA"
    r = CliRunner().invoke(geo, ["resolve", "the Red Sea", "--format", "json"])
    d = json.loads(r.output)
    assert d["country"] is None and d["precision"] == "sea" and "geonames_id" not in d


def test_resolve_unknown_exits_1() -> None:
    r = CliRunner().invoke(geo, ["resolve", "Qorvenna Ridge"])
    assert r.exit_code == 1 and "unknown place: Qorvenna Ridge" in r.output


def test_validate(tmp_path: Path) -> None:
    r = CliRunner().invoke(geo, ["validate"])
    assert r.exit_code == 0 and r.output.startswith("ok: countries.yaml@1")
    data = tmp_path / "data"
    shutil.copytree(_data_dir(), data)
    (data / "bases.yaml").write_text("places: []\n")
    r = CliRunner().invoke(geo, ["validate", "--data-dir", str(data)])
    assert r.exit_code == 1
    assert r.output.startswith("error E030: bases.yaml: missing top-level 'version'")
    assert len(r.output.strip().splitlines()) == 1


def _article() -> Article:
    text = "US and Kenyan officials met at the Pentagon on Monday. Officials also met in Qorvenna."
    a = Article.create(text, id="geo1", date="2024-03-04")
    us = Actor("US", 0, 2, "United States", "USA", None, "state", "USA")
    ke = Actor("Kenyan", 7, 13, "Kenya", "KEN", None, "state", "KEN")

    def ev(n: int, loc: Location | None, sentence: str, trigger: str) -> Event:
        s = text.index(sentence)
        t = text.index(trigger, s)
        return Event(
            id=f"geo1-e{n}",
            article_id="geo1",
            date="2024-03-04",
            event="CONSULT",
            mode="",
            context=[],
            cameo="040",
            goldstein=1.0,
            quad=1,
            actor=[us],
            recipient=[ke],
            location=loc,
            modality="asserted",
            confidence=0.8,
            evidence=Evidence(
                sentence, s, s + len(sentence), {"text": trigger, "start": t, "end": t + len(trigger)}
            ),
            reason="test",
            coder="test 1",
        )

    p = text.index("the Pentagon")
    pentagon = Location("the Pentagon", p, p + 12, "Pentagon", "facility", "USA", precision="exact")
    q = text.index("Qorvenna")
    unknown = Location("Qorvenna", q, q + 8, "Qorvenna", "gpe", None)
    a.events = [
        ev(1, pentagon, "US and Kenyan officials met at the Pentagon on Monday.", "met"),
        ev(2, unknown, "Officials also met in Qorvenna.", "met"),
    ]
    return a


def test_geojson_from_the_store(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with open_store(str(db)) as s:
        s.write_articles([_article()], coder="test 1")
    out = tmp_path / "events.geojson"
    r = CliRunner().invoke(geo, ["geojson", "--db", str(db), "--out", str(out)])
    assert r.exit_code == 0, r.output
    fc = json.loads(out.read_text())
    # the stored Pentagon location had no coordinates: the command fills them; the unknown place is left out
    assert [f["id"] for f in fc["features"]] == ["geo1-e1"]
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert abs(lat - 38.87) < 0.05 and abs(lon + 77.06) < 0.05
    assert fc["features"][0]["properties"]["precision"] == "exact"


def test_geojson_without_a_store(tmp_path: Path) -> None:
    r = CliRunner().invoke(geo, ["geojson", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 1 and r.output.startswith("error E040: no store at")
