"""The actor network over a window, and the most active actors and dyads.

Parties are countries (for states, their agencies and office holders) or organisation / armed-group
codes (see ``party_key``). An event counts once for each pair of distinct parties across its actor
and recipient sides, and once for each party it involves.
"""

from __future__ import annotations

import datetime as _dt
import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from tieline.analysis._common import (
    COUNTED_MODALITIES,
    check_range,
    counted,
    is_conflict,
    is_cooperation,
    iter_events,
    party_key,
    rounded,
)
from tieline.analysis.names import party_name
from tieline.errors import UsageError
from tieline.store.base import Store

__all__ = [
    "RANKINGS",
    "network",
    "network_from_events",
    "to_graphml",
    "to_json",
    "top_actors",
    "top_dyads",
]

RANKINGS: tuple[str, ...] = ("events", "cooperation", "conflict")


@dataclass
class _Tally:
    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    goldstein: float = 0.0
    first: str | None = None
    last: str | None = None

    def add(self, e: dict[str, Any]) -> None:
        self.events += 1
        self.cooperation += is_cooperation(e)
        self.conflict += is_conflict(e)
        self.goldstein += float(e.get("goldstein") or 0.0)
        d = e.get("date")
        if d:
            self.first = d if self.first is None or d < self.first else self.first
            self.last = d if self.last is None or d > self.last else self.last

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "goldstein_sum": rounded(self.goldstein),
            "goldstein_mean": rounded(self.goldstein / self.events) if self.events else None,
            "first": self.first,
            "last": self.last,
        }


@dataclass
class _Party:
    tally: _Tally = field(default_factory=_Tally)
    as_actor: int = 0
    as_recipient: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)


@dataclass
class _Scan:
    parties: dict[str, _Party] = field(default_factory=dict)
    pairs: dict[tuple[str, str], _Tally] = field(default_factory=dict)
    events: int = 0


def _scan(events: Iterable[dict[str, Any]], modalities: Collection[str] | None) -> _Scan:
    scan = _Scan()
    for e in events:
        if not counted(e, modalities):
            continue
        scan.events += 1
        sides: dict[str, set[str]] = {"actor": set(), "recipient": set()}
        for side in ("actor", "recipient"):
            for a in e.get(side) or ():
                key = party_key(a)
                if not key:
                    continue
                sides[side].add(key)
                p = scan.parties.get(key)
                if p is None:
                    p = scan.parties[key] = _Party()
                kind = a.get("kind") or ""
                p.kinds["state" if kind in ("sector", "person", "state") else kind] += 1
                if a.get("country"):
                    p.countries[a["country"]] += 1
                if a.get("name"):
                    p.names[a["name"]] += 1
        for key in sides["actor"] | sides["recipient"]:
            p = scan.parties[key]
            p.tally.add(e)
            p.as_actor += key in sides["actor"]
            p.as_recipient += key in sides["recipient"]
        pairs = {(min(x, y), max(x, y)) for x in sides["actor"] for y in sides["recipient"] if x != y}
        for pair in pairs:
            tally = scan.pairs.get(pair)
            if tally is None:
                tally = scan.pairs[pair] = _Tally()
            tally.add(e)
    return scan


def _top(counter: Counter[str]) -> str | None:
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _node(key: str, p: _Party) -> dict[str, Any]:
    kind = _top(p.kinds) or "state"
    name = party_name(key)
    if name == key and kind != "state":
        name = _top(p.names) or key
    return {
        "id": key,
        "label": name,
        "kind": kind,
        "country": key if kind == "state" else _top(p.countries),
        "events": p.tally.events,
        "cooperation": p.tally.cooperation,
        "conflict": p.tally.conflict,
    }


def network_from_events(
    events: Iterable[dict[str, Any]],
    *,
    min_weight: int = 1,
    modalities: Collection[str] | None = COUNTED_MODALITIES,
) -> dict[str, Any]:
    """Build the network from event records (pure; no store); see ``network``."""
    if min_weight < 1:
        raise UsageError(f"min_weight must be at least 1, not {min_weight}")
    scan = _scan(events, modalities)
    edges: list[dict[str, Any]] = []
    for (x, y), t in sorted(scan.pairs.items()):
        for relation, weight in (("cooperation", t.cooperation), ("conflict", t.conflict)):
            if weight >= min_weight:
                edges.append(
                    {
                        "source": x,
                        "target": y,
                        "relation": relation,
                        "weight": weight,
                        "events": t.events,
                        "goldstein_sum": rounded(t.goldstein),
                        "first": t.first,
                        "last": t.last,
                    }
                )
    used = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = [_node(k, scan.parties[k]) for k in used]
    return {"nodes": nodes, "edges": edges, "events": scan.events}


def network(
    store: Store,
    *,
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    min_weight: int = 1,
    modalities: Collection[str] | None = COUNTED_MODALITIES,
) -> dict[str, Any]:
    """Parties and the cooperation and conflict between them over a window.

    ``nodes``: ``{id, label, kind, country, events, cooperation, conflict}`` (kind ``state`` for
    countries, else ``igo``, ``armed_group`` or ``org``); ``edges``: undirected, one per pair and
    relation (``cooperation`` = quads 1-2, ``conflict`` = 3-4) whose ``weight`` (event count) is at
    least ``min_weight``, with the pair's total ``events``, ``goldstein_sum``, ``first`` and ``last``.
    Only parties with an edge are nodes.
    """
    check_range(since, until)
    net = network_from_events(
        iter_events(store, since=since, until=until), min_weight=min_weight, modalities=modalities
    )
    out: dict[str, Any] = {
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "min_weight": min_weight,
    }
    out.update(net)
    return out


def to_json(net: dict[str, Any], *, indent: int | None = 2) -> str:
    return json.dumps(net, ensure_ascii=False, indent=indent)


_NODE_KEYS = (("label", "string"), ("kind", "string"), ("country", "string"), ("events", "int"),
              ("cooperation", "int"), ("conflict", "int"))  # fmt: skip
_EDGE_KEYS = (("relation", "string"), ("weight", "int"), ("events", "int"), ("goldstein_sum", "double"),
              ("first", "string"), ("last", "string"))  # fmt: skip
_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def to_graphml(net: dict[str, Any]) -> str:
    """The network as GraphML (undirected; parallel edges for a pair's cooperation and conflict),
    readable by Gephi, yEd, networkx (``read_graphml``) and igraph."""
    ET.register_namespace("", _GRAPHML_NS)
    root = ET.Element(f"{{{_GRAPHML_NS}}}graphml")
    for prefix, where, keys in (("n", "node", _NODE_KEYS), ("e", "edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(
                root,
                f"{{{_GRAPHML_NS}}}key",
                {"id": f"{prefix}_{name}", "for": where, "attr.name": name, "attr.type": kind},
            )
    graph = ET.SubElement(root, f"{{{_GRAPHML_NS}}}graph", {"id": "tieline", "edgedefault": "undirected"})

    def data(parent: ET.Element, key: str, value: Any) -> None:
        if value is None:
            return
        el = ET.SubElement(parent, f"{{{_GRAPHML_NS}}}data", {"key": key})
        el.text = str(value)

    for n in net.get("nodes", []):
        node = ET.SubElement(graph, f"{{{_GRAPHML_NS}}}node", {"id": str(n["id"])})
        for name, _ in _NODE_KEYS:
            data(node, f"n_{name}", n.get(name))
    for i, e in enumerate(net.get("edges", [])):
        edge = ET.SubElement(
            graph,
            f"{{{_GRAPHML_NS}}}edge",
            {"id": f"e{i}", "source": str(e["source"]), "target": str(e["target"])},
        )
        for name, _ in _EDGE_KEYS:
            data(edge, f"e_{name}", e.get(name))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _check_rank(by: str, limit: int | None) -> None:
    if by not in RANKINGS:
        raise UsageError(f"unknown ranking {by!r}", hint="use one of: " + ", ".join(RANKINGS))
    if limit is not None and limit < 0:
        raise UsageError(f"limit must be >= 0, not {limit}")


def top_actors(
    store: Store,
    *,
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    by: str = "events",
    limit: int | None = 20,
    modalities: Collection[str] | None = COUNTED_MODALITIES,
) -> list[dict[str, Any]]:
    """The most active parties: ``{party, name, kind, country, events, cooperation, conflict,
    goldstein_sum, goldstein_mean, first, last, as_actor, as_recipient}``, by ``by`` then id."""
    _check_rank(by, limit)
    check_range(since, until)
    scan = _scan(iter_events(store, since=since, until=until), modalities)
    rows: list[dict[str, Any]] = []
    for key, p in scan.parties.items():
        node = _node(key, p)
        row: dict[str, Any] = {
            "party": key,
            "name": node["label"],
            "kind": node["kind"],
            "country": node["country"],
        }
        row.update(p.tally.to_dict())
        row.update(as_actor=p.as_actor, as_recipient=p.as_recipient)
        rows.append(row)
    rows.sort(key=lambda r: (-r[by], r["party"]))
    return rows if limit is None else rows[:limit]


def top_dyads(
    store: Store,
    *,
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    by: str = "events",
    limit: int | None = 20,
    modalities: Collection[str] | None = COUNTED_MODALITIES,
) -> list[dict[str, Any]]:
    """The most active pairs of parties (either direction): ``{dyad, a, b, events, cooperation,
    conflict, goldstein_sum, goldstein_mean, first, last}``, by ``by`` then dyad."""
    _check_rank(by, limit)
    check_range(since, until)
    scan = _scan(iter_events(store, since=since, until=until), modalities)
    rows: list[dict[str, Any]] = []
    for (x, y), t in scan.pairs.items():
        row: dict[str, Any] = {"dyad": f"{x}-{y}", "a": x, "b": y}
        row.update(t.to_dict())
        rows.append(row)
    rows.sort(key=lambda r: (-r[by], r["dyad"]))
    return rows if limit is None else rows[:limit]
