"""The recogniser and links over the real spaCy parse, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tieline.entities import EntityRecognizer, link_entities
from tieline.model import Article, Mention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def rec() -> EntityRecognizer:
    return EntityRecognizer.load()


def run(pipe: Any, rec: EntityRecognizer, text: str) -> tuple[Article, dict[str, Mention]]:
    a = next(pipe.process([Article.create(text, date="2024-01-24")]))
    ms = rec.find(a)
    link_entities(a.events, ms)
    return a, {m.text: m for m in ms}


def test_each_new_label_on_a_parse(pipe: Any, rec: EntityRecognizer) -> None:
    _, ms = run(
        pipe, rec,
        "The 3rd Armoured Brigade moved T-72B3 tanks and Kornet missiles north, while the Hellenic Navy "
        "joined Operation Aspides under the 2023 maritime security agreement.",
    )  # fmt: skip
    labels = {m.label for m in ms.values()}
    assert {"MILITARY_UNIT", "MILITARY_PLATFORM", "WEAPON", "OPERATION", "AGREEMENT"} <= labels
    assert ms["T-72B3 tanks"].entity_id == "t-72"
    assert ms["Operation Aspides"].label == "OPERATION"


def test_aid_event_links_the_delivered_hardware(pipe: Any, rec: EntityRecognizer) -> None:
    a, ms = run(
        pipe, rec, "Germany delivered Leopard 2 tanks and Gepard anti-aircraft guns to Ukraine on Monday."
    )
    aid = [e for e in a.events if e.event == "AID"]
    assert aid, [e.event for e in a.events]
    linked = {d["text"]: d for d in aid[0].entities}
    assert any(
        d["entity_id"] == "leopard-2" and d["role"] == "delivered"
        for d in linked.values()
        if "entity_id" in d
    )
    assert ms["Ukraine"].label == "GPE"


def test_assault_event_links_the_weapons_used(pipe: Any, rec: EntityRecognizer) -> None:
    a, _ = run(pipe, rec, "Russia attacked Kharkiv with Shahed drones and Iskander missiles on Tuesday.")
    assault = [e for e in a.events if e.event == "ASSAULT"]
    assert assault
    used = {d["entity_id"] for d in assault[0].entities if d["role"] == "used" and "entity_id" in d}
    assert {"shahed-136", "iskander"} <= used


def test_agreement_event_links_the_agreement(pipe: Any, rec: EntityRecognizer) -> None:
    a, _ = run(pipe, rec, "Kenya and Somalia signed a five-year defence cooperation framework on Tuesday.")
    agree = [e for e in a.events if e.event == "AGREE"]
    assert agree
    assert [d["label"] for d in agree[0].entities] == ["AGREEMENT"]
    assert "defence cooperation framework" in agree[0].entities[0]["text"]
