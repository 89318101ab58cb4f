"""The gazetteer and lexicon files: versioned, schema-checked, general (no duplicate ids)."""

from __future__ import annotations

import importlib.resources
from typing import Any

import pytest
import yaml

from tieline.entities import load_entity_data
from tieline.entities.gazetteer import parse_entries, parse_lexicon
from tieline.errors import DataFileError


def _raw(name: str) -> dict[str, Any]:
    text = (importlib.resources.files("tieline") / "entities" / "data" / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def test_packaged_data_loads_with_versions() -> None:
    data = load_entity_data()
    labels = {e.label for e in data.entries}
    assert labels == {"MILITARY_PLATFORM", "WEAPON"}
    assert len(data.entries) >= 300
    assert sum(e.label == "WEAPON" for e in data.entries) >= 100
    for name in ("platforms.yaml", "weapons.yaml", "lexicon.yaml"):
        assert isinstance(_raw(name)["version"], int)
    assert data.version.count(".") == 2
    f16 = data.by_id["f-16"]
    assert (f16.country, f16.maker, f16.type) == ("USA", "Lockheed Martin", "fighter aircraft")
    assert data.by_id["shahed-136"].label == "WEAPON" and data.by_id["t-72"].country == "RUS"


def test_every_alias_belongs_to_one_entry_label() -> None:
    seen: dict[str, str] = {}
    for e in load_entity_data().entries:
        for a in e.aliases:
            assert seen.setdefault(a, e.label) == e.label, f"{a!r} is both {seen[a]} and {e.label}"


def _entry(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "x-1",
        "name": "X-1",
        "aliases": ["X-1"],
        "type": "jet",
        "maker": "M",
        "country": "USA",
    }
    base.update(kw)
    return base


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (_entry(id="X 1"), "`id`"),
        (_entry(country="United States"), "`country`"),
        (_entry(aliases=[]), "list is empty"),
        (_entry(type=None), "`type` is required"),
        (_entry(colour="red"), "unknown keys"),
    ],
)
def test_bad_gazetteer_entries_name_the_file_and_entry(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(DataFileError, match=message) as info:
        parse_entries("platforms.yaml", {"version": 1, "label": "MILITARY_PLATFORM", "entries": [entry]})
    assert "platforms.yaml" in info.value.message


def test_gazetteer_file_needs_a_known_label() -> None:
    with pytest.raises(DataFileError, match="label"):
        parse_entries("weapons.yaml", {"version": 1, "label": "GUN", "entries": [_entry()]})


def test_lexicon_missing_list_is_an_error() -> None:
    data = _raw("lexicon.yaml")
    del data["ship_prefixes"]
    with pytest.raises(DataFileError, match="ship_prefixes"):
        parse_lexicon("lexicon.yaml", data)
    data = _raw("lexicon.yaml")
    data["nominal_heads"]["TANKS"] = ["tank"]
    with pytest.raises(DataFileError, match=r"nominal_heads\.TANKS"):
        parse_lexicon("lexicon.yaml", data)
