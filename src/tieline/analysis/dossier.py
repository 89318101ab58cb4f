"""A partnership dossier: what two parties did with each other, and how it is trending."""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from tieline.analysis._common import (
    COUNTED_MODALITIES,
    check_range,
    counted,
    event_date,
    event_sources,
    is_conflict,
    is_cooperation,
    iter_events,
    parties,
    rounded,
    side_matches,
)
from tieline.analysis.names import party_name
from tieline.analysis.timeline import _dyad
from tieline.errors import UsageError
from tieline.store.base import Store

__all__ = ["KEY_EVENTS", "SECTIONS", "brief", "dossier", "key_events", "trend"]

# Section -> what goes in it. Meetings, agreements, aid and joint operations are things that happened
# (modality asserted); pledges are any event the text presents as promised.
SECTIONS: tuple[str, ...] = ("meetings", "agreements", "pledges", "aid", "joint_operations")

# How many events ``dossier`` lists as the dyad's key events.
KEY_EVENTS = 8


def _section(e: dict[str, Any]) -> str | None:
    modality = e.get("modality") or "asserted"
    if modality == "pledged":
        return "pledges"
    if modality != "asserted":
        return None
    kind = e.get("event")
    if kind == "CONSULT":
        return "meetings"
    if kind == "AGREE":
        return "agreements"
    if kind == "AID":
        return "aid"
    if kind == "COOPERATE" and "military" in (e.get("context") or ()):
        return "joint_operations"
    return None


def _codes(side: Iterable[dict[str, Any]]) -> list[str]:
    return [a.get("code") or a.get("country") or a.get("name") or "?" for a in side]


def brief(e: dict[str, Any]) -> dict[str, Any]:
    """A compact view of an event for lists: what, when, who, and the evidence sentence."""
    evidence = e.get("evidence") or {}
    location = e.get("location") or {}
    return {
        "id": e.get("id"),
        "date": e.get("date"),
        "date_precision": e.get("date_precision", "day"),
        "event": e.get("event"),
        "mode": e.get("mode"),
        "cameo": e.get("cameo"),
        "quad": e.get("quad"),
        "goldstein": e.get("goldstein"),
        "modality": e.get("modality"),
        "confidence": e.get("confidence"),
        "actor": _codes(e.get("actor") or ()),
        "recipient": _codes(e.get("recipient") or ()),
        "location": location.get("name"),
        "evidence": evidence.get("text"),
        "trigger": (evidence.get("trigger") or {}).get("text"),
        "article_id": e.get("article_id"),
    }


def key_events(events: Iterable[dict[str, Any]], n: int = KEY_EVENTS) -> list[dict[str, Any]]:
    """The ``n`` events that weigh most: largest ``|Goldstein| x confidence`` first (ties: the most
    recent, then the id), so a confident attack or treaty outranks a hedged remark."""

    def weight(e: dict[str, Any]) -> float:
        return abs(float(e.get("goldstein") or 0.0)) * float(e.get("confidence") or 0.0)

    ranked = sorted(events, key=lambda e: (str(e.get("date") or ""), str(e.get("id"))), reverse=True)
    return sorted(ranked, key=weight, reverse=True)[:n]


def _recent_first(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(events, key=lambda e: (str(e.get("date") or ""), str(e.get("id"))), reverse=True)


def _window(events: Iterable[dict[str, Any]], start: _dt.date, end: _dt.date) -> dict[str, Any]:
    n = coop = conflict = 0
    gsum = 0.0
    for e in events:
        d = event_date(e)
        if d is None or d < start or d > end:
            continue
        n += 1
        coop += is_cooperation(e)
        conflict += is_conflict(e)
        gsum += float(e.get("goldstein") or 0.0)
    days = (end - start).days + 1
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "days": days,
        "events": n,
        "cooperation": coop,
        "conflict": conflict,
        "goldstein_sum": rounded(gsum),
        "goldstein_mean": rounded(gsum / n) if n else None,
        "events_per_30_days": rounded(n * 30 / days, 3),
    }


def trend(
    events: Iterable[dict[str, Any]], as_of: _dt.date, *, recent_days: int = 90, previous_days: int = 365
) -> dict[str, Any]:
    """The last ``recent_days`` up to ``as_of`` against the ``previous_days`` before them (pure).

    ``direction``: ``warmer`` / ``cooler`` when the Goldstein mean moved by more than 1 point,
    ``steady`` otherwise; ``new activity`` / ``quiet`` / ``no data`` when a window is empty.
    ``activity`` is the ratio of events per day (recent / previous), ``None`` without a previous rate.
    """
    if recent_days < 1 or previous_days < 1:
        raise UsageError("trend windows must be at least one day long")
    pool = list(events)
    recent_start = as_of - _dt.timedelta(days=recent_days - 1)
    prev_end = recent_start - _dt.timedelta(days=1)
    prev_start = prev_end - _dt.timedelta(days=previous_days - 1)
    recent = _window(pool, recent_start, as_of)
    previous = _window(pool, prev_start, prev_end)
    if recent["events"] == 0 and previous["events"] == 0:
        direction = "no data"
    elif previous["events"] == 0:
        direction = "new activity"
    elif recent["events"] == 0:
        direction = "quiet"
    else:
        diff = recent["goldstein_mean"] - previous["goldstein_mean"]
        direction = "warmer" if diff > 1.0 else "cooler" if diff < -1.0 else "steady"
    activity = None
    if previous["events"]:
        activity = rounded((recent["events"] / recent["days"]) / (previous["events"] / previous["days"]), 3)
    return {
        "as_of": as_of.isoformat(),
        "recent": recent,
        "previous": previous,
        "direction": direction,
        "activity": activity,
    }


def conflict_parties_from_events(
    store: Store,
    code: str,
    since: _dt.date | None,
    until: _dt.date | None,
    modalities: tuple[str, ...],
) -> dict[str, dict[str, Any]]:
    """``Store.conflict_parties`` computed in Python over the event records (the reference the SQL
    is tested against): third party -> events, last date, first three event ids."""
    found: dict[str, dict[str, Any]] = {}
    for e in iter_events(store, actor=code, since=since, until=until):
        if not is_conflict(e) or not counted(e, modalities):
            continue
        others: set[str] = set()
        if side_matches(e.get("actor") or (), code):
            others |= parties(e.get("recipient") or ())
        if side_matches(e.get("recipient") or (), code):
            others |= parties(e.get("actor") or ())
        for other in others:
            rec = found.get(other)
            if rec is None:
                rec = found[other] = {"events": 0, "last": None, "examples": []}
            rec["events"] += 1
            date = e.get("date")
            if date and (rec["last"] is None or date > rec["last"]):
                rec["last"] = date
            if len(rec["examples"]) < 3:
                rec["examples"].append(e.get("id"))
    return found


def _shared_adversaries(
    store: Store,
    a: str,
    b: str,
    since: _dt.date | None,
    until: _dt.date | None,
    modalities: tuple[str, ...],
) -> list[dict[str, Any]]:
    """Third parties that both ``a`` and ``b`` have conflict events with (either direction)."""
    per_side: dict[str, dict[str, dict[str, Any]]] = {}
    for code in (a, b):
        found = store.conflict_parties(code, modalities=modalities, since=since, until=until)
        per_side[code] = {k: v for k, v in found.items() if k not in (a, b)}
    out: list[dict[str, Any]] = []
    for party in sorted(set(per_side[a]) & set(per_side[b])):
        with_a, with_b = per_side[a][party], per_side[b][party]
        lasts = [x for x in (with_a["last"], with_b["last"]) if x]
        out.append(
            {
                "party": party,
                "name": party_name(party),
                "conflict_with_a": with_a["events"],
                "conflict_with_b": with_b["events"],
                "events": with_a["events"] + with_b["events"],
                "last": max(lasts) if lasts else None,
                "examples": with_a["examples"] + with_b["examples"],
            }
        )
    out.sort(key=lambda r: (-r["events"], r["party"]))
    return out


def dossier(
    store: Store,
    a: str,
    b: str,
    *,
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    as_of: _dt.date | None = None,
    limit: int | None = 20,
) -> dict[str, Any]:
    """What ``a`` and ``b`` did with each other: meetings (CONSULT), agreements (AGREE, with their
    evidence), pledges (modality pledged), aid (AID), joint operations and exercises (COOPERATE in a
    military context), shared adversaries (third parties both have conflict events with), the recent
    trend (90 days up to ``as_of`` against the 365 before; ``as_of`` defaults to ``until``, else the
    dyad's latest event) and counts. Lists are most recent first, at most ``limit`` each (the counts
    give the totals), and the key events (``key_events``: the counted events that weigh most).
    Negated and hypothetical events are counted apart and listed nowhere.
    """
    check_range(since, until)
    if limit is not None and limit < 0:
        raise UsageError(f"limit must be >= 0, not {limit}")
    a, b = _dyad(a, b)
    modalities = COUNTED_MODALITIES
    # Scalar fields only (no JSON records); the few events listed are read whole below.
    all_events = store.event_facts(dyad=(a, b), since=since, until=until)
    events = [e for e in all_events if counted(e, modalities)]
    sections: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTIONS}
    for e in events:
        name = _section(e)
        if name is not None:
            sections[name].append(e)
    adversaries = _shared_adversaries(store, a, b, since, until, modalities)

    dates = [d for d in (event_date(e) for e in events) if d is not None]
    ref = as_of or until or (max(dates) if dates else None)
    if ref is None:
        trend_out: dict[str, Any] = {"as_of": None, "direction": "no data"}
    else:
        window_start = ref - _dt.timedelta(days=90 + 365 - 1)
        pool = [
            e for e in store.event_facts(dyad=(a, b), since=window_start, until=ref) if counted(e, modalities)
        ]
        trend_out = trend(pool, ref)

    sources: set[str] = set()
    for e in events:
        sources |= event_sources(e)
    modality_counts = Counter(e.get("modality") or "asserted" for e in all_events)
    counts: dict[str, Any] = {
        "events": len(events),
        "cooperation": sum(1 for e in events if is_cooperation(e)),
        "conflict": sum(1 for e in events if is_conflict(e)),
        "by_type": dict(sorted(Counter(str(e.get("event")) for e in events).items())),
        "by_quad": {str(q): sum(1 for e in events if e.get("quad") == q) for q in (1, 2, 3, 4)},
        "negated": modality_counts.get("negated", 0),
        "hypothetical": modality_counts.get("hypothetical", 0),
        "sources": len(sources),
        "goldstein_mean": (
            rounded(sum(float(e.get("goldstein") or 0.0) for e in events) / len(events)) if events else None
        ),
        "first": min(dates).isoformat() if dates else None,
        "last": max(dates).isoformat() if dates else None,
        **{name: len(items) for name, items in sections.items()},
        "shared_adversaries": len(adversaries),
    }
    out: dict[str, Any] = {
        "a": {"code": a, "name": party_name(a)},
        "b": {"code": b, "name": party_name(b)},
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
    }
    listed = {name: _recent_first(items) for name, items in sections.items()}
    if limit is not None:
        listed = {name: items[:limit] for name, items in listed.items()}
    listed["key_events"] = key_events(events, KEY_EVENTS if limit is None else min(limit, KEY_EVENTS))
    wanted = sorted({str(e["id"]) for items in listed.values() for e in items})
    records: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), 500):
        records.update((e["id"], e) for e in store.events(ids=wanted[i : i + 500]))
    for name, items in listed.items():
        out[name] = [brief(records[str(e["id"])]) for e in items]
    out["shared_adversaries"] = adversaries if limit is None else adversaries[:limit]
    out["trend"] = trend_out
    out["counts"] = counts
    return out
