"""The clusterer's shortcuts decide nothing: blocking on the sides' keys and types, the remembered type rule, the
remembered rejections (a mention saying what an earlier one said, against a happening that one failed)
and stopping at the first failed verdict give the happenings and explanations of the plain complete-linkage
loop (every happening sharing a party, every verdict), on random mentions that exercise every rule."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tieline.dedup import cluster as dc
from tieline.dedup.rules import load_rules

TYPES = [
    ("ASSAULT", ""), ("ASSAULT", ""), ("COERCE", ""), ("ACCUSE", ""), ("AGREE", ""), ("RETREAT", "ceasefire"),
    ("RETREAT", ""), ("CONSULT", "visit"), ("CONSULT", "host"), ("CONSULT", ""), ("MOBILIZE", "police"),
    ("MOBILIZE", "troops"), ("THREATEN", ""),
]  # fmt: skip
STATES = ["KEN", "USA", "SOM", "UKR", "RUS"]
IGOS = ["NATO", "AU"]
MODALITIES = ["asserted"] * 6 + ["pledged", "hypothetical", "threatened", "negated"]
CITIES = [
    ("Nairobi", "KEN", -1.29, 36.82),
    ("Mombasa", "KEN", -4.04, 39.67),
    ("Kharkiv", "UKR", 49.99, 36.23),
]


def _party(key: str) -> dict[str, Any]:
    if key in IGOS:
        return {"text": key, "name": key, "code": key, "kind": "igo"}
    return {"text": key, "name": key, "country": key, "code": key, "kind": "state"}


def _sides(rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Mostly one state on each side; sometimes several parties, an organisation, or one party on both."""
    a, b = rng.sample(STATES, 2)
    actor, recipient = [a], [b]
    if rng.random() < 0.15:
        actor.append(rng.choice(IGOS + STATES))
    if rng.random() < 0.15:
        recipient.append(rng.choice(IGOS + STATES))
    if rng.random() < 0.05:
        recipient = list(actor)
    return (
        [_party(k) for k in actor] if rng.random() < 0.9 else [],
        [_party(k) for k in recipient] if rng.random() < 0.8 else [],
    )


def _events(rng: random.Random, n: int, prefix: str) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        etype, mode = rng.choice(TYPES)
        actor, recipient = _sides(rng)
        loc = None
        if rng.random() < 0.4:
            name, country, lat, lon = rng.choice(CITIES)
            loc = {
                "name": name,
                "country": country,
                "kind": "city",
                "precision": "city",
                "lat": lat,
                "lon": lon,
            }
        sent = rng.randrange(0, 4) * 100
        out.append(
            {
                "id": f"{prefix}{i:03d}",
                "article_id": f"{prefix}a{rng.randrange(n // 3 + 1)}",
                "date": f"2024-03-{rng.randint(1, 20):02d}",
                "date_precision": "day",
                "date_source": rng.choice(["text", "article"]),
                "event": etype,
                "mode": mode,
                "cameo": rng.choice(["190", "193", "040"]),
                "modality": rng.choice(MODALITIES),
                "actor": actor,
                "recipient": recipient,
                "location": loc,
                "evidence": {
                    "start": sent,
                    "end": sent + 90,
                    "trigger": {"start": sent + rng.randrange(3) * 10},
                },
            }
        )
    return out


def test_every_agreeing_side_shares_a_key() -> None:
    # the blocking's promise: whenever the actors rule holds between a mention and a member, the keys
    # the mention asks for (for the member's type) meet the keys the member is listed under; on random
    # sides of every rule's kind (accusations, reciprocal and directed types, different types), with
    # one to seven parties a side (past ``_BIG``) and sides missing or equal
    rules = load_rules()
    rng = random.Random(7)
    parties = [*STATES, *IGOS, "GBR", "FRA"]
    types = ["ASSAULT", "COERCE", "ACCUSE", "CONSULT", "AGREE", "RETREAT", "MOBILIZE"]

    def side() -> dc._Side:
        def keys() -> frozenset[str]:
            return frozenset(rng.sample(parties, rng.choice([0, 1, 1, 1, 2, 2, 3, 5, 7])))

        a, r = keys(), keys()
        if rng.random() < 0.1:
            r = a
        return dc._Side(rng.choice(types), a, r)

    agreeing = big = 0
    for _ in range(60000):
        m, o = side(), side()
        if not (m.parties and o.parties) or dc._actors_rule(m, o, rules) is None:
            continue
        agreeing += 1
        big += len(m.parties | o.parties) > dc._BIG
        asked = set(dc._wanted(m, o.type, rules))
        assert asked & set(dc._side_keys(o)), (m, o)
    assert agreeing > 5000 and big > 500  # every branch of the rule was met


class _Plain(dc._Clusterer):
    """The loop before the shortcuts: every happening that shares a party, every verdict computed."""

    def _register(self, ci: int, m: dc._Mention) -> None:
        for k in m.parties:
            self.index.setdefault((k, ""), set()).add(ci)

    def add(self, m: dc._Mention) -> None:
        candidates = sorted({ci for k in m.parties for ci in self.index.get((k, ""), ())})
        best = None
        fits: list[int] = []
        for ci in candidates:
            c = self.clusters[ci]
            if max(m.lo, c.lo) - min(m.hi, c.hi) > self.reach:
                continue
            if m.id in c.excluded or not self.apart.get(m.id, frozenset()).isdisjoint(c.ids):
                continue
            verdicts = [(o, dc._compare(m, o, self.rules)) for o in c.to_compare(m)]
            if not all(v.ok for _, v in verdicts):
                continue
            o, v = max(verdicts, key=lambda ov: (ov[1].score, -ov[0].lo, ov[0].id))
            score = max(v.score for _, v in verdicts)
            fits.append(max(v.strength for _, v in verdicts))
            if best is None or score > best[0]:
                best = (score, ci, o, v)
        if best is not None and not m.complete and fits.count(max(fits)) > 1:
            best = None
        if best is None:
            self.seed(dc._Cluster([m], []))
            return
        _, ci, o, v = best
        c = self.clusters[ci]
        c.append(m)
        c.explanation.append(
            {"mention": m.id, "matched_with": o.id, "rules": dict(v.matched), "score": round(v.score, 3)}
        )
        self._register(ci, m)


def _run(cls: type[dc._Clusterer], events: list[dict[str, Any]], seeds: list[dc.Happening]) -> list[dict]:
    rules = load_rules()
    cl = cls(rules)
    for h in sorted(seeds, key=lambda h: h.id):
        cl.seed(dc._Cluster([dc._prepare(e, rules) for e in h.events], list(h.explanation), hid=h.id))
    for m in dc._prepare_all(events, rules):
        cl.add(m)
    return [h.to_dict() for h in cl.happenings()]


@pytest.mark.parametrize("seed", range(6))
def test_shortcuts_decide_as_the_plain_loop(seed: int) -> None:
    rng = random.Random(seed)
    stored = dc.cluster_events(_events(rng, 120, "s"))
    new = _events(rng, 150, "n")
    plain = _run(_Plain, new, stored)
    fast = _run(dc._Clusterer, new, stored)
    assert fast == plain
    assert any(len(h["mentions"]) > 1 for h in fast)  # merges happened, so the comparison says something
    assert len(fast) < len(new) + len(stored)


def test_remembered_rejections_are_used() -> None:
    # the shortcut the test above checks is taken: mentions repeating a (type, mode, modality, sides)
    # skip the happenings an earlier one failed against
    rng = random.Random(3)
    rules = load_rules()
    cl = dc._Clusterer(rules)
    for m in dc._prepare_all(_events(rng, 300, "n"), rules):
        cl.add(m)
    assert cl.rejected and cl.remembered > 0
