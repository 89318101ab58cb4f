"""Exports on hand-built events in a DuckDB store: every format's columns and values, windows, batching."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from analysis_kit import KEN, KENMIL, SHABAAB, USA, Spec, write

from tieline.errors import UsageError
from tieline.export import (
    FLAT_COLUMNS,
    FORMATS,
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_FIELDS,
    export_events,
)
from tieline.export.rows import gdelt_event_id
from tieline.model import Actor, Location
from tieline.store import Store, open_store

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"

TROOPS = Actor(
    text="troops", start=0, end=0, name="troops", country=None, sector="MIL", kind="sector", code="MIL"
)
NAIROBI = Location(
    text="Nairobi", start=0, end=0, name="Nairobi", kind="city", country="KEN", lat=-1.2864, lon=36.8172,
    precision="city",
)  # fmt: skip
JUBA = Location(
    text="Lower Juba", start=0, end=0, name="Lower Juba", kind="region", country="SOM", precision="region"
)
LONG_LEAD = "Officials gave a long account of the border situation at a briefing. " * 7


def specs() -> list[Spec]:
    return [
        Spec("a1", "2024-01-05", "CONSULT", "040", 1, 1.0, [USA], [KEN], location=NAIROBI,
             context=["government", "diplomatic"], sentence="The US envoy met Kenyan officials in Nairobi."),
        Spec("a1", "2024-01-05", "AGREE", "057", 1, 8.0, [KEN], [USA], modality="asserted"),
        Spec("a2", "2024-02-10", "REJECT", "120", 3, -4.0, [KEN], [SHABAAB], sentence=LONG_LEAD.strip()),
        Spec("a2", "2024-02-10", "ASSAULT", "190", 4, -10.0, [SHABAAB], [KENMIL, TROOPS], location=JUBA,
             context=["military"], sentence="Militants attacked Kenyan troops in Lower Juba."),
    ]  # fmt: skip


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as s:
        write(s, specs())
        yield s


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def test_csv(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export_events(store, "csv", out) == 4
    rows = _csv(out)
    assert list(rows[0]) == [name for name, _ in FLAT_COLUMNS]
    first = rows[0]
    assert (first["id"], first["date"], first["event"], first["cameo"]) == (
        "a1-e0",
        "2024-01-05",
        "CONSULT",
        "040",
    )
    assert (first["actor_code"], first["recipient_code"], first["context"]) == (
        "USA",
        "KEN",
        "government; diplomatic",
    )
    assert (first["location_name"], first["lat"], first["lon"]) == ("Nairobi", "-1.2864", "36.8172")
    assert first["evidence"] == "The US envoy met Kenyan officials in Nairobi."
    assert (first["trigger"], first["trigger_start"], first["trigger_end"]) == ("The", "0", "3")
    assert first["article_url"] == "https://example.org/a1" and first["article_source"] == "outlet-a1"
    attack = rows[3]
    assert attack["actor_code"] == "SOMREB" and attack["actor_kind"] == "armed_group"
    assert attack["recipient_code"] == "KENMIL; MIL" and attack["recipient_country"] == "KEN; "
    assert attack["mode"] == "" and attack["sources"] == "1"


def test_parquet(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(store, "parquet", out, batch=3) == 4
    table = pq.read_table(out)
    assert table.schema.names == [name for name, _ in FLAT_COLUMNS]
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("quad").type) == "int64"
    rows = table.to_pylist()
    assert (
        rows[0]["date"] == dt.date(2024, 1, 5) and rows[0]["goldstein"] == 1.0 and rows[0]["lat"] == -1.2864
    )
    assert [r["id"] for r in rows] == ["a1-e0", "a1-e1", "a2-e0", "a2-e1"]
    assert rows[3]["location_name"] == "Lower Juba" and rows[3]["lat"] is None
    assert table.to_pylist() == pq.read_table(_export(store, tmp_path, "parquet", batch=10)).to_pylist()


def test_plover_jsonl(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export_events(store, "plover-jsonl", out) == 4
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(list(r) == list(POLECAT_FIELDS) for r in records)
    meet = records[0]
    assert (meet["Event ID"], meet["Event Date"], meet["Event Type"], meet["Quad Code"]) == (
        "a1-e0", "2024-01-05", "CONSULT", 1,
    )  # fmt: skip
    assert meet["Contexts"] == ["government", "diplomatic"] and meet["Intensity"] == 1.0
    assert (meet["Actor Country"], meet["Recipient Name"], meet["Recipient Country"]) == ("USA", "KEN", "KEN")
    assert (meet["City"], meet["Province"], meet["Country"], meet["Latitude"]) == (
        "Nairobi",
        None,
        "Kenya",
        -1.2864,
    )
    assert (meet["Source"], meet["Publication Date"], meet["Language"]) == ("outlet-a1", "2024-01-05", "en")
    attack = records[3]
    assert attack["Actor Name"] == "al-Shabaab" and attack["Recipient Sectors"] == ["MIL"]
    assert attack["Recipient Name Raw"] == ["KENMIL", "troops"]
    assert (attack["City"], attack["Province"], attack["Country"]) == (None, "Lower Juba", "Somalia")


def test_gdelt(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export_events(store, "gdelt", out) == 4
    rows = _tsv(out)
    assert len(rows) == 4 and all(len(r) == 61 for r in rows)  # no header, like GDELT's own files
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    meet, attack = rows[0], rows[3]

    def v(row: list[str], name: str) -> str:
        return row[col[name]]

    assert v(meet, "GLOBALEVENTID") == str(gdelt_event_id("a1-e0"))
    assert (v(meet, "SQLDATE"), v(meet, "MonthYear"), v(meet, "Year")) == ("20240105", "202401", "2024")
    assert v(meet, "FractionDate") == "2024.0137"  # day 5 of 366
    assert (v(meet, "Actor1Code"), v(meet, "Actor1CountryCode"), v(meet, "Actor2Code")) == (
        "USA",
        "USA",
        "KEN",
    )
    assert (v(meet, "EventCode"), v(meet, "EventBaseCode"), v(meet, "EventRootCode")) == ("040", "040", "04")
    assert (v(meet, "QuadClass"), v(meet, "GoldsteinScale"), v(meet, "IsRootEvent")) == ("1", "1.0", "1")
    assert (v(meet, "NumMentions"), v(meet, "NumSources"), v(meet, "NumArticles"), v(meet, "AvgTone")) == (
        "1", "1", "1", "",
    )  # fmt: skip
    assert (v(meet, "ActionGeo_Type"), v(meet, "ActionGeo_FullName"), v(meet, "ActionGeo_Lat")) == (
        "4", "Nairobi", "-1.2864",
    )  # fmt: skip
    assert v(meet, "Actor1Geo_Type") == "0" and v(meet, "Actor1Geo_FullName") == ""
    assert re.fullmatch(r"\d{14}", v(meet, "DATEADDED"))
    assert v(meet, "SOURCEURL") == "https://example.org/a1"
    assert (v(attack, "Actor1Code"), v(attack, "Actor1Name"), v(attack, "Actor1CountryCode")) == (
        "SOMREB", "AL-SHABAAB", "SOM",
    )  # fmt: skip
    assert (v(attack, "Actor2Code"), v(attack, "Actor2Type1Code")) == ("KENMIL", "MIL")
    assert (v(attack, "EventBaseCode"), v(attack, "EventRootCode"), v(attack, "QuadClass")) == (
        "190",
        "19",
        "4",
    )
    assert v(attack, "IsRootEvent") == "0"  # after a long lead
    assert (v(attack, "ActionGeo_Type"), v(attack, "ActionGeo_CountryCode")) == ("5", "SOM")
    with_header = _tsv(_export(store, tmp_path, "gdelt", header=True))
    assert with_header[0] == list(GDELT_COLUMNS) and with_header[1:] == rows


def test_icews(store: Store, tmp_path: Path) -> None:
    rows = _tsv(_export(store, tmp_path, "icews"))
    assert rows[0] == list(ICEWS_COLUMNS) and len(rows) == 5
    rec = dict(zip(ICEWS_COLUMNS, rows[4], strict=True))
    assert rec["Event ID"] == "a2-e1" and rec["Event Date"] == "2024-02-10"
    assert (rec["Source Name"], rec["Source Country"]) == ("al-Shabaab", "Somalia")
    assert (rec["Target Name"], rec["Target Sectors"], rec["Target Country"]) == ("KENMIL", "MIL", "Kenya")
    assert rec["Event Text"] == "Use conventional military force, not specified below"
    assert (rec["CAMEO Code"], rec["Intensity"]) == ("190", "-10.0")
    assert (rec["Story ID"], rec["Publisher"]) == ("a2", "outlet-a2")
    assert (rec["City"], rec["Province"], rec["Country"], rec["Latitude"]) == (
        "",
        "Lower Juba",
        "Somalia",
        "",
    )
    meet = dict(zip(ICEWS_COLUMNS, rows[1], strict=True))
    assert (meet["City"], meet["Country"], meet["Longitude"]) == ("Nairobi", "Kenya", "36.8172")
    assert meet["Event Text"] == "Consult, not specified below"
    assert _tsv(_export(store, tmp_path, "icews", header=False)) == rows[1:]


def _export(store: Store, tmp_path: Path, fmt: str, **kwargs: object) -> Path:
    out = tmp_path / f"{fmt}-{len(list(tmp_path.iterdir()))}.out"
    export_events(store, fmt, out, **kwargs)  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("fmt", ["csv", "plover-jsonl", "gdelt", "icews"])
def test_batches_do_not_change_the_output(store: Store, tmp_path: Path, fmt: str) -> None:
    one = _export(store, tmp_path, fmt, batch=1).read_bytes()
    many = _export(store, tmp_path, fmt, batch=1000).read_bytes()
    assert one == many and one


def test_window(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "feb.csv"
    assert export_events(store, "csv", out, since=dt.date(2024, 2, 1)) == 2
    assert [r["id"] for r in _csv(out)] == ["a2-e0", "a2-e1"]
    assert export_events(store, "csv", out, until=dt.date(2024, 1, 31)) == 2


def test_undated_events_have_no_date_in_any_format(tmp_path: Path) -> None:
    """An article with no date of its own gives its events the placeholder 1970-01-01 with precision
    "unknown": every export writes no date for them (and keeps the precision), never 1970-01-01."""
    undated = Spec("u1", "1970-01-01", "ASSAULT", "190", 4, -10.0, [SHABAAB], [KENMIL], location=NAIROBI,
                   precision="unknown")  # fmt: skip
    with open_store(":memory:") as s:
        write(s, [*specs(), undated])
        flat = {r["id"]: r for r in _csv(_export(s, tmp_path, "csv"))}
        assert (flat["u1-e0"]["date"], flat["u1-e0"]["date_precision"]) == ("", "unknown")
        assert flat["a1-e0"]["date"] == "2024-01-05"
        table = pq.read_table(_export(s, tmp_path, "parquet")).to_pylist()
        assert [r["date"] for r in table if r["id"] == "u1-e0"] == [None]
        plover = [json.loads(line) for line in _export(s, tmp_path, "plover-jsonl").read_text().splitlines()]
        assert [r["Event Date"] for r in plover if r["Event ID"] == "u1-e0"] == [None]
        col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
        gdelt = [r for r in _tsv(_export(s, tmp_path, "gdelt")) if r[col["SOURCEURL"]].endswith("/u1")]
        assert [[r[col[c]] for c in ("SQLDATE", "MonthYear", "Year", "FractionDate")] for r in gdelt] == [
            ["", "", "", ""]
        ]
        icews = [dict(zip(ICEWS_COLUMNS, r, strict=True)) for r in _tsv(_export(s, tmp_path, "icews"))[1:]]
        assert [r["Event Date"] for r in icews if r["Story ID"] == "u1"] == [""]
        geo = json.loads(_export(s, tmp_path, "geojson").read_text())
        assert [f["properties"]["date"] for f in geo["features"] if f["id"] == "u1-e0"] == [None]


def test_empty_store_and_bad_arguments(tmp_path: Path) -> None:
    with open_store(":memory:") as empty:
        assert export_events(empty, "parquet", tmp_path / "e.parquet") == 0
        assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
        assert export_events(empty, "csv", tmp_path / "sub" / "e.csv") == 0
        assert (tmp_path / "sub" / "e.csv").read_text(encoding="utf-8").startswith("id,article_id,date")
        with pytest.raises(UsageError):
            export_events(empty, "xlsx", tmp_path / "e.xlsx")
        with pytest.raises(UsageError):
            export_events(empty, "csv", tmp_path)
        with pytest.raises(UsageError):
            export_events(empty, "csv", tmp_path / "x.csv", batch=0)


def test_docs_map_every_column() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in (*GDELT_COLUMNS, *ICEWS_COLUMNS, *POLECAT_FIELDS, *(n for n, _ in FLAT_COLUMNS)):
        assert f"`{name}`" in text, f"docs/exports.md does not map {name}"
    assert all(f"`{fmt}`" in text for fmt in FORMATS)
