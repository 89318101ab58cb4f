"""Actor network, GraphML/JSON, top actors and dyads on hand-built events."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from analysis_kit import IRN, KEN, KENMIL, SHABAAB, USA, USAMIL, Spec, write

from tieline.analysis import network, network_from_events, to_graphml, to_json, top_actors, top_dyads
from tieline.errors import UsageError
from tieline.model import Actor
from tieline.store import Store

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
TROOPS = Actor(
    text="troops", start=0, end=0, name="troops", country=None, sector="MIL", kind="sector", code="MIL"
)


def specs() -> list[Spec]:
    return [
        Spec("n1", "2024-01-02", "CONSULT", "040", 1, 1.0, [USA], [KEN]),
        Spec(
            "n2", "2024-01-03", "AID", "070", 2, 7.0, [USAMIL], [KENMIL]
        ),  # agencies count for their country
        Spec("n3", "2024-01-04", "AGREE", "057", 1, 8.0, [KEN], [USA]),
        Spec("n4", "2024-01-05", "ACCUSE", "112", 3, -2.0, [KEN], [USA]),
        Spec("n5", "2024-01-06", "ASSAULT", "190", 4, -10.0, [USAMIL], [SHABAAB]),
        Spec(
            "n6", "2024-02-07", "ASSAULT", "190", 4, -10.0, [SHABAAB], [KEN, TROOPS]
        ),  # bare sector: no party
        Spec("n7", "2024-02-08", "CONSULT", "040", 1, 1.0, [USA], [USA]),  # no pair with itself
        Spec("n8", "2024-02-09", "THREATEN", "130", 3, -4.4, [USA], [IRN], modality="negated"),
    ]


def test_network_nodes_and_edges(memory_store: Store) -> None:
    net = network(write(memory_store, specs()))
    edges = {(e["source"], e["target"], e["relation"]): e for e in net["edges"]}
    assert set(edges) == {
        ("KEN", "USA", "cooperation"),
        ("KEN", "USA", "conflict"),
        ("SOMREB", "USA", "conflict"),
        ("KEN", "SOMREB", "conflict"),
    }
    coop = edges[("KEN", "USA", "cooperation")]
    assert (coop["weight"], coop["events"]) == (3, 4)
    assert coop["goldstein_sum"] == pytest.approx(1.0 + 7.0 + 8.0 - 2.0)
    assert (coop["first"], coop["last"]) == ("2024-01-02", "2024-01-05")
    assert edges[("KEN", "USA", "conflict")]["weight"] == 1
    nodes = {n["id"]: n for n in net["nodes"]}
    assert set(nodes) == {"KEN", "USA", "SOMREB"}  # Iran only had a negated threat
    assert nodes["USA"] == {
        "id": "USA", "label": "United States", "kind": "state", "country": "USA",
        "events": 6, "cooperation": 4, "conflict": 2,
    }  # fmt: skip
    assert nodes["SOMREB"]["kind"] == "armed_group" and nodes["SOMREB"]["country"] == "SOM"
    assert net["events"] == 7


def test_min_weight_and_window(memory_store: Store) -> None:
    write(memory_store, specs())
    net = network(memory_store, min_weight=2)
    assert [(e["source"], e["target"], e["relation"]) for e in net["edges"]] == [
        ("KEN", "USA", "cooperation")
    ]
    assert [n["id"] for n in net["nodes"]] == ["KEN", "USA"]
    feb = network(memory_store, since=dt.date(2024, 2, 1))
    assert [(e["source"], e["target"]) for e in feb["edges"]] == [("KEN", "SOMREB")]
    assert feb["since"] == "2024-02-01"
    with pytest.raises(UsageError):
        network(memory_store, min_weight=0)


def test_graphml_round_trip(memory_store: Store) -> None:
    net = network(write(memory_store, specs()))
    root = ET.fromstring(to_graphml(net))
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.get("edgedefault") == "undirected"
    keys = {
        k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.findall("g:key", NS)
    }
    assert keys["e_weight"] == ("edge", "weight", "int")
    nodes = {
        n.get("id"): {d.get("key"): d.text for d in n.findall("g:data", NS)}
        for n in graph.findall("g:node", NS)
    }
    assert nodes["USA"]["n_label"] == "United States" and nodes["USA"]["n_events"] == "6"
    edges = [
        (e.get("source"), e.get("target"), {d.get("key"): d.text for d in e.findall("g:data", NS)})
        for e in graph.findall("g:edge", NS)
    ]
    assert len(edges) == 4
    coop = next(d for s, t, d in edges if (s, t) == ("KEN", "USA") and d["e_relation"] == "cooperation")
    assert coop["e_weight"] == "3"
    # names with markup characters are escaped
    odd = network_from_events(
        [{"quad": 1, "goldstein": 1.0, "modality": "asserted", "date": "2024-01-01",
          "actor": [{"kind": "org", "code": "X&Y", "country": None, "name": "<A & B>"}],
          "recipient": [{"kind": "state", "code": "KEN", "country": "KEN", "name": "Kenya"}]}]
    )  # fmt: skip
    text = to_graphml(odd)
    assert "&lt;A &amp; B&gt;" in text
    assert ET.fromstring(text) is not None
    assert json.loads(to_json(net)) == net


def test_top_actors_and_dyads(memory_store: Store) -> None:
    write(memory_store, specs())
    actors = top_actors(memory_store)
    assert [(a["party"], a["events"]) for a in actors] == [("USA", 6), ("KEN", 5), ("SOMREB", 2)]
    usa = actors[0]
    assert (usa["as_actor"], usa["as_recipient"]) == (4, 3)  # n7 has the US on both sides
    assert [a["party"] for a in top_actors(memory_store, by="conflict", limit=2)] == ["KEN", "SOMREB"]
    dyads = top_dyads(memory_store)
    assert [(d["dyad"], d["events"], d["cooperation"], d["conflict"]) for d in dyads] == [
        ("KEN-USA", 4, 3, 1),
        ("KEN-SOMREB", 1, 0, 1),
        ("SOMREB-USA", 1, 0, 1),
    ]
    assert dyads[0]["goldstein_mean"] == pytest.approx(14.0 / 4)
    assert top_dyads(memory_store, limit=0) == []
    with pytest.raises(UsageError):
        top_dyads(memory_store, by="goldstein")
