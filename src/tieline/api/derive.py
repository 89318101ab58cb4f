"""Read-only summaries computed from event records (``Event.to_dict()`` dicts).

Shared by the API and the dashboard: a dyad's timeline, a dossier, a network, an actor's partners and
adversaries. Pure functions over lists of dicts, so they work on any ``Store`` backend.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "CONFLICT",
    "COOPERATION",
    "PERIODS",
    "choose_period",
    "counterparts",
    "counterparts_from_counts",
    "dossier",
    "network",
    "period_of",
    "side_codes",
    "timeline",
    "timeline_from_totals",
]

COOPERATION = (1, 2)
CONFLICT = (3, 4)
PERIODS = ("day", "week", "month", "year")


def period_of(date: str, by: str) -> str:
    """The period label of an ISO date: ``2024-03-14`` -> ``2024-03`` (month), ``2024-W11`` (week)."""
    d = _dt.date.fromisoformat(date[:10])
    if by == "day":
        return d.isoformat()
    if by == "week":
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if by == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if by == "year":
        return f"{d.year:04d}"
    raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


def choose_period(dates: Sequence[str]) -> str:
    """A period that gives a readable chart: month for up to ~5 years of data, else year."""
    if not dates:
        return "month"
    years = {d[:4] for d in dates}
    lo, hi = min(years), max(years)
    return "month" if int(hi) - int(lo) <= 4 else "year"


def side_codes(actors: Iterable[dict[str, Any]]) -> set[str]:
    """Country codes (else actor codes) of one side of an event."""
    out: set[str] = set()
    for a in actors:
        key = a.get("country") or a.get("code")
        if key:
            out.add(str(key))
    return out


def _matches(actors: Iterable[dict[str, Any]], code: str) -> bool:
    return any(code in (a.get("country"), a.get("code")) for a in actors)


def timeline(events: Iterable[dict[str, Any]], *, by: str = "month") -> list[dict[str, Any]]:
    """Per period (in order): events, counts per quad class, cooperation and conflict, Goldstein sum/mean."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    rows: dict[str, dict[str, Any]] = {}
    for e in events:
        if not e.get("date"):
            continue
        key = period_of(e["date"], by)
        row = rows.setdefault(
            key,
            {
                "period": key,
                "events": 0,
                "quad": {"1": 0, "2": 0, "3": 0, "4": 0},
                "cooperation": 0,
                "conflict": 0,
                "goldstein_sum": 0.0,
            },
        )
        row["events"] += 1
        row["quad"][str(e["quad"])] = row["quad"].get(str(e["quad"]), 0) + 1
        if e["quad"] in COOPERATION:
            row["cooperation"] += 1
        elif e["quad"] in CONFLICT:
            row["conflict"] += 1
        row["goldstein_sum"] += float(e["goldstein"])
    out = []
    for key in sorted(rows):
        row = rows[key]
        row["goldstein_sum"] = round(row["goldstein_sum"], 3)
        row["goldstein_mean"] = round(row["goldstein_sum"] / row["events"], 3)
        out.append(row)
    return out


def timeline_from_totals(totals: Iterable[dict[str, Any]], *, by: str = "month") -> list[dict[str, Any]]:
    """``timeline`` from ``Store.timeline_totals`` (all modalities and date precisions): the same rows,
    summed in the database instead of over event records."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    out = []
    for t in totals:
        quads: dict[Any, dict[str, Any]] = t["quads"]
        quad = {"1": 0, "2": 0, "3": 0, "4": 0}
        for q, part in quads.items():
            quad[str(q)] = part["events"]
        gsum = round(t["goldstein"], 3)
        out.append(
            {
                "period": period_of(t["start"].isoformat(), by),
                "events": t["events"],
                "quad": quad,
                "cooperation": sum(quads[q]["events"] for q in COOPERATION if q in quads),
                "conflict": sum(quads[q]["events"] for q in CONFLICT if q in quads),
                "goldstein_sum": gsum,
                "goldstein_mean": round(gsum / t["events"], 3),
            }
        )
    return out


def _third_parties(events: Iterable[dict[str, Any]], code: str, exclude: set[str]) -> Counter[str]:
    """Counterparts of ``code`` in conflict events, other than ``exclude``."""
    seen: Counter[str] = Counter()
    for e in events:
        if e["quad"] not in CONFLICT:
            continue
        if _matches(e["actor"], code):
            others = side_codes(e["recipient"])
        elif _matches(e["recipient"], code):
            others = side_codes(e["actor"])
        else:
            continue
        for o in others - exclude:
            seen[o] += 1
    return seen


def dossier(
    a: str,
    b: str,
    dyad_events: Sequence[dict[str, Any]],
    a_events: Sequence[dict[str, Any]],
    b_events: Sequence[dict[str, Any]],
    *,
    today: _dt.date | None = None,
) -> dict[str, Any]:
    """What two actors did with each other, and the third parties both are in conflict with."""

    def brief(e: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": e["id"],
            "article_id": e["article_id"],
            "date": e["date"],
            "event": e["event"],
            "cameo": e["cameo"],
            "goldstein": e["goldstein"],
            "quad": e["quad"],
            "modality": e["modality"],
            "actor": sorted(side_codes(e["actor"])),
            "recipient": sorted(side_codes(e["recipient"])),
            "evidence": e["evidence"]["text"],
        }

    pair = {a, b}
    adv_a = _third_parties(a_events, a, pair)
    adv_b = _third_parties(b_events, b, pair)
    shared = sorted(set(adv_a) & set(adv_b), key=lambda k: (-(adv_a[k] + adv_b[k]), k))
    dated = [e for e in dyad_events if e.get("date")]
    last = max((_dt.date.fromisoformat(e["date"][:10]) for e in dated), default=None)
    ref = today or last
    recent: list[dict[str, Any]] = []
    before: list[dict[str, Any]] = []
    if ref is not None:
        cut = ref - _dt.timedelta(days=90)
        year_before = cut - _dt.timedelta(days=365)
        for e in dated:
            d = _dt.date.fromisoformat(e["date"][:10])
            if cut < d <= ref:
                recent.append(e)
            elif year_before < d <= cut:
                before.append(e)

    def mean(xs: Sequence[dict[str, Any]]) -> float | None:
        return round(sum(float(x["goldstein"]) for x in xs) / len(xs), 3) if xs else None

    key = sorted(
        dyad_events, key=lambda e: (-abs(float(e["goldstein"])) * float(e["confidence"]), e["date"] or "")
    )
    return {
        "dyad": [a, b],
        "counts": {
            "events": len(dyad_events),
            "cooperation": sum(1 for e in dyad_events if e["quad"] in COOPERATION),
            "conflict": sum(1 for e in dyad_events if e["quad"] in CONFLICT),
            "by_type": dict(sorted(Counter(e["event"] for e in dyad_events).items())),
        },
        "meetings": [brief(e) for e in dyad_events if e["event"] == "CONSULT"],
        "agreements": [brief(e) for e in dyad_events if e["event"] == "AGREE"],
        "pledges": [brief(e) for e in dyad_events if e["modality"] == "pledged"],
        "aid": [brief(e) for e in dyad_events if e["event"] == "AID"],
        "cooperation_military": [brief(e) for e in dyad_events if e["event"] == "COOPERATE"],
        "key_events": [brief(e) for e in key[:8]],
        "shared_adversaries": [{"code": k, "with_" + a: adv_a[k], "with_" + b: adv_b[k]} for k in shared],
        "trend": {
            "reference_date": ref.isoformat() if ref else None,
            "last_90_days": {"events": len(recent), "goldstein_mean": mean(recent)},
            "year_before": {"events": len(before), "goldstein_mean": mean(before)},
        },
    }


def network(events: Iterable[dict[str, Any]], *, min_weight: int = 1) -> dict[str, Any]:
    """Country/actor nodes and cooperation and conflict edges (undirected, weight = number of events)."""
    weights: dict[tuple[str, str, str], int] = defaultdict(int)
    goldstein: dict[tuple[str, str, str], float] = defaultdict(float)
    names: dict[str, dict[str, Any]] = {}
    for e in events:
        kind = "cooperation" if e["quad"] in COOPERATION else "conflict"
        for side in ("actor", "recipient"):
            for x in e[side]:
                k = x.get("country") or x.get("code")
                if k and k not in names:
                    names[k] = {
                        "id": k,
                        "label": k,
                        "kind": "state" if x.get("country") == k else x.get("kind"),
                        "country": x.get("country"),
                    }
        for s in side_codes(e["actor"]):
            for t in side_codes(e["recipient"]):
                if s == t:
                    continue
                lo, hi = sorted((s, t))
                weights[(lo, hi, kind)] += 1
                goldstein[(lo, hi, kind)] += float(e["goldstein"])
    kept = [(s, t, k, w) for (s, t, k), w in sorted(weights.items()) if w >= min_weight]
    edges: list[dict[str, Any]] = [
        {"source": s, "target": t, "kind": k, "weight": w, "goldstein_sum": round(goldstein[(s, t, k)], 3)}
        for s, t, k, w in kept
    ]
    used = {x for s, t, _, _ in kept for x in (s, t)}
    degree: Counter[str] = Counter()
    for s, t, _, w in kept:
        degree[s] += w
        degree[t] += w
    nodes = [dict(names[k], weight=degree[k]) for k in sorted(used)]
    return {"nodes": nodes, "edges": edges}


def counterparts(events: Iterable[dict[str, Any]], code: str) -> dict[str, list[dict[str, Any]]]:
    """Who ``code`` cooperates with (partners) and is in conflict with (adversaries), most events first."""
    partners: Counter[str] = Counter()
    adversaries: Counter[str] = Counter()
    for e in events:
        if _matches(e["actor"], code):
            others = side_codes(e["recipient"])
        elif _matches(e["recipient"], code):
            others = side_codes(e["actor"])
        else:
            continue
        bucket = partners if e["quad"] in COOPERATION else adversaries
        for o in others - {code}:
            bucket[o] += 1

    return {"partners": _ranked(partners), "adversaries": _ranked(adversaries)}


def _ranked(c: Counter[str]) -> list[dict[str, Any]]:
    return [{"code": k, "events": n} for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) if n]


def counterparts_from_counts(counts: dict[str, dict[str, int]]) -> dict[str, list[dict[str, Any]]]:
    """``counterparts`` from ``Store.counterparts`` (counted in the database)."""
    partners = Counter({k: v["cooperation"] for k, v in counts.items()})
    adversaries = Counter({k: v["other"] for k, v in counts.items()})
    return {"partners": _ranked(partners), "adversaries": _ranked(adversaries)}
