"""`tieline actors import`: people and dated offices from a Wikidata SPARQL JSON result (offline fixture)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tieline.actors import wikidata as wd
from tieline.actors.kb import KnowledgeBase, _default_data_dir, load_kb
from tieline.commands.actors import actors
from tieline.errors import DataFileError, InputError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wikidata" / "positions_sample.json"
D = dt.date


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _result(kb: KnowledgeBase, *, merge: bool) -> wd.ImportResult:
    rows = wd.read_sparql_json(FIXTURE)
    existing = headers = None
    if merge:
        existing, headers = wd.read_people_dir(_default_data_dir() / "people")
    return wd.import_people(rows, kb, existing=existing, headers=headers)


def test_the_docstring_documents_the_query() -> None:
    assert wd.__doc__ is not None
    indented = "\n".join("    " + line for line in wd.SPARQL_QUERY.rstrip("\n").splitlines())
    assert indented in wd.__doc__
    for var in ("P39", "P580", "P582", "P17", "P1001", "P298", "?personLabel", "?positionLabel"):
        assert var in wd.SPARQL_QUERY


def test_position_map_loads_and_maps_labels(kb: KnowledgeBase) -> None:
    pm = wd.load_position_map(kb)
    assert pm.by_qid["Q81066"].org == "un"
    cases = {
        "Minister of Defence of Kenya": "defence_minister",
        "United States Secretary of Defense": "defence_minister",
        "Vice President of Kenya": "vice_president",
        "President of Kenya": "head_of_state",
        "Prime Minister of India": "head_of_government",
        "Minister of Foreign Affairs of Nigeria": "foreign_minister",
        "Chief of the Defence Staff (Ghana)": "chief_of_defence",
        "Speaker of the National Assembly of Kenya": "legislature_speaker",
        "Deputy Minister of Defence of Ghana": None,
    }
    for label, role in cases.items():
        rule, _ = pm.rule(kb, "Q999999999", label)
        assert rule is not None and rule.role == role, label
    assert pm.rule(kb, "Q999999999", "Mayor of Accra") == (None, "")


def test_bad_position_map_names_the_entry(kb: KnowledgeBase, tmp_path: Path) -> None:
    bad = tmp_path / "map.yaml"
    bad.write_text("version: 1\npositions: []\npatterns:\n  - {match: 'minister', role: no_such_role}\n")
    with pytest.raises(DataFileError, match=r"patterns #0: unknown role key"):
        wd.load_position_map(kb, bad)
    bad.write_text("version: 1\npositions: [{qid: X1, role: head_of_state}]\npatterns: []\n")
    with pytest.raises(DataFileError, match="bad QID"):
        wd.load_position_map(kb, bad)


def test_not_a_sparql_result_is_an_input_error(tmp_path: Path) -> None:
    f = tmp_path / "x.json"
    f.write_text(json.dumps({"rows": []}))
    with pytest.raises(InputError, match=r"results\.bindings"):
        wd.read_sparql_json(f)
    f.write_text("{not json")
    with pytest.raises(InputError, match="not JSON"):
        wd.read_sparql_json(f)


def test_malformed_rows_are_skipped_with_reasons(kb: KnowledgeBase) -> None:
    res = _result(kb, merge=False)
    reasons = sorted(s.reason for s in res.skipped)
    assert reasons == sorted(
        ["unmapped_position", "duplicate", "ignored_position", "no_start", "bad_date", "end_before_start",
         "unknown_country", "no_label", "bad_person", "bad_row"]
    )  # fmt: skip
    assert all(s.reason in wd.SKIP_REASONS for s in res.skipped)
    assert any("Mayor of Accra" in s.detail for s in res.skipped if s.reason == "unmapped_position")


def test_standalone_import_is_a_loadable_people_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    res = _result(kb, merge=False)
    entries = {p["id"]: p for p in res.files["wikidata.yaml"]}
    ada = entries["ada-fixture"]
    assert ada["wikidata"] == "Q999999902"
    interior = next(r for r in ada["roles"] if r["role"] == "interior_minister")
    assert interior == {"country": "GHA", "role": "interior_minister", "title": "Minister of the Interior",
                        "start": D(2021, 3, 1), "end": None}  # fmt: skip
    assert [r["role"] for r in ada["roles"]] == ["army_chief", "interior_minister"]  # sorted by start
    # ids never clash with the knowledge base
    assert "antonio-guterres" not in entries and "antonio-guterres-q311440" in entries
    # the file loads as a people file of a knowledge base
    data = tmp_path / "data"
    shutil.copytree(_default_data_dir(), data, ignore=shutil.ignore_patterns("people"))
    (data / "people").mkdir()
    wd.write_import(res, data / "people")
    loaded = KnowledgeBase.load(data)
    ada_p = loaded.person("ada-fixture")
    assert ada_p is not None and ada_p.wikidata == "Q999999902"
    assert [r.role for r in ada_p.roles_on(D(2030, 1, 1))] == ["interior_minister"]  # no end: still held
    assert ada_p.roles_on(D(2020, 1, 1)) == []


def test_merge_matches_by_qid_and_name(kb: KnowledgeBase) -> None:
    res = _result(kb, merge=True)
    assert "antonio-guterres" in res.unchanged_people  # by QID, same term
    assert set(res.updated_people) == {"aden-duale", "soipan-tuya", "raychelle-omamo"}  # QIDs by name
    assert res.new_people == ["ada-fixture", "ben-fixture"]
    africa = {p["id"]: p for p in res.files["africa.yaml"]}
    assert africa["aden-duale"]["wikidata"] == "Q999999901"  # matched by name, gains the QID
    assert len(africa["aden-duale"]["roles"]) == 3  # the same term is not added twice
    tuya = next(r for r in africa["soipan-tuya"]["roles"] if r["role"] == "defence_minister")
    assert tuya["end"] == D(2099, 12, 31)  # an open end is filled
    omamo = next(r for r in africa["raychelle-omamo"]["roles"] if r["role"] == "defence_minister")
    assert omamo["end"] == D(2020, 3, 2)  # a curated end is kept ...
    assert any("raychelle-omamo" in c and "2099-01-01" in c for c in res.conflicts)  # ... and reported
    assert africa["raychelle-omamo"]["wikidata"] == "Q999999907"
    assert res.changed == {"africa.yaml", "wikidata.yaml"}


def test_people_files_round_trip_through_the_writer(kb: KnowledgeBase, tmp_path: Path) -> None:
    files, headers = wd.read_people_dir(_default_data_dir() / "people")
    data = tmp_path / "data"
    shutil.copytree(_default_data_dir(), data)
    for name, entries in files.items():
        text = wd.dump_people(entries, headers[name])
        assert text.startswith(headers[name])
        (data / "people" / name).write_text(text, encoding="utf-8")
    assert KnowledgeBase.load(data).people == kb.people


def test_import_command_merge_writes_a_full_people_folder(tmp_path: Path) -> None:
    out = tmp_path / "people"
    r = CliRunner().invoke(actors, ["import", str(FIXTURE), "--merge", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "skipped row" in r.output and "unmapped_position" in r.output
    assert "conflict: raychelle-omamo" in r.output
    assert "new people 2" in r.output
    src = _default_data_dir() / "people"
    assert {p.name for p in out.glob("*.yaml")} == {p.name for p in src.glob("*.yaml")} | {"wikidata.yaml"}
    assert (out / "europe.yaml").read_bytes() == (src / "europe.yaml").read_bytes()  # unchanged: copied
    data = tmp_path / "data"
    shutil.copytree(_default_data_dir(), data, ignore=shutil.ignore_patterns("people"))
    shutil.copytree(out, data / "people")
    merged = KnowledgeBase.load(data)
    duale = merged.person("aden-duale")
    assert duale is not None and duale.wikidata == "Q999999901"
    assert merged.person("ada-fixture") is not None


def test_import_command_usage_and_query(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(actors, ["import", "--print-query"])
    assert r.exit_code == 0 and "p:P39" in r.output
    r = runner.invoke(actors, ["import"])
    assert r.exit_code == 2 and r.output.startswith("error E060")
    r = runner.invoke(actors, ["import", str(tmp_path / "missing.json"), "--out", str(tmp_path)])
    assert r.exit_code == 1 and "error E050" in r.output and len(r.output.strip().splitlines()) == 1
    r = runner.invoke(actors, ["import", str(FIXTURE), "--out", str(tmp_path / "o"), "--since", "2022-01-01"])
    assert r.exit_code == 0, r.output
    assert "before_since" in r.output  # the 2015-2019 army post ended before --since
