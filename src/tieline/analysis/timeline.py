"""A dyad's events per period, and the periods where it moved outside its own history."""

from __future__ import annotations

import datetime as _dt
import statistics
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tieline.analysis._common import (
    COUNTED_MODALITIES,
    check_period,
    check_range,
    counted,
    event_date,
    event_sources,
    next_period,
    norm_code,
    period_end,
    period_label,
    period_start,
    precise_enough,
    rounded,
    too_coarse,
)
from tieline.errors import UsageError
from tieline.store.base import Store

__all__ = [
    "TIMELINE_COLUMNS",
    "change_points",
    "detect_change_points",
    "dyad_timeline",
    "timeline_rows",
]

QUAD_NAMES = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}

TIMELINE_COLUMNS: tuple[str, ...] = (
    "period", "start", "end", "events",
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
    "cooperation", "conflict", "goldstein_sum", "goldstein_mean",
    "confidence_sum", "cooperation_by_confidence", "conflict_by_confidence",
    "goldstein_sum_by_confidence", "goldstein_mean_by_confidence",
    "sources", "source_weight", "cooperation_by_sources", "conflict_by_sources",
    "goldstein_sum_by_sources", "goldstein_mean_by_sources", "happenings",
)  # fmt: skip


@dataclass
class _Period:
    events: int = 0
    quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    goldstein: float = 0.0
    confidence: float = 0.0
    coop_conf: float = 0.0
    conflict_conf: float = 0.0
    goldstein_conf: float = 0.0
    source_weight: int = 0
    coop_src: int = 0
    conflict_src: int = 0
    goldstein_src: float = 0.0
    sources: set[str] = field(default_factory=set)
    happenings: set[str] = field(default_factory=set)
    n_sources: int | None = None  # set when built from store totals (distinct sources counted there)
    n_happenings: int | None = None  # likewise, distinct happenings

    @classmethod
    def from_totals(cls, totals: dict[str, Any]) -> _Period:
        """A period from ``Store.timeline_totals``: a happening weighs its distinct outlets once (the first
        of its mentions in the period carries them); an event the store has not linked is its own happening
        with one source, its article."""
        quads: dict[Any, dict[str, Any]] = totals["quads"]

        def part(qs: tuple[int, ...], key: str) -> Any:
            return sum(quads[x][key] for x in qs if x in quads)

        return cls(
            events=totals["events"],
            quad={x: quads[x]["events"] if x in quads else 0 for x in (1, 2, 3, 4)},
            goldstein=totals["goldstein"],
            confidence=totals["confidence"],
            coop_conf=part((1, 2), "confidence"),
            conflict_conf=part((3, 4), "confidence"),
            goldstein_conf=totals["goldstein_conf"],
            source_weight=totals["source_weight"],
            coop_src=part((1, 2), "source_weight"),
            conflict_src=part((3, 4), "source_weight"),
            goldstein_src=totals["goldstein_sources"],
            n_sources=totals["outlets"],
            n_happenings=totals["happenings"],
        )

    def add(self, e: dict[str, Any]) -> None:
        g = float(e.get("goldstein") or 0.0)
        c = float(e.get("confidence") or 0.0)
        srcs = event_sources(e)
        # a happening reported by several mentions weighs its independent sources once, not per mention
        hid = str(e.get("happening_id") or e.get("id"))
        n = 0 if hid in self.happenings else len(srcs)
        self.happenings.add(hid)
        quad = e.get("quad")
        self.events += 1
        if quad in self.quad:
            self.quad[quad] += 1
        self.goldstein += g
        self.confidence += c
        self.goldstein_conf += g * c
        self.source_weight += n
        self.goldstein_src += g * n
        self.sources |= srcs
        if quad in (1, 2):
            self.coop_conf += c
            self.coop_src += n
        elif quad in (3, 4):
            self.conflict_conf += c
            self.conflict_src += n

    def row(self, start: _dt.date, by: str) -> dict[str, Any]:
        row: dict[str, Any] = {
            "period": period_label(start, by),
            "start": start.isoformat(),
            "end": period_end(start, by).isoformat(),
            "events": self.events,
        }
        for q, name in QUAD_NAMES.items():
            row[name] = self.quad[q]
        row.update(
            cooperation=self.quad[1] + self.quad[2],
            conflict=self.quad[3] + self.quad[4],
            goldstein_sum=rounded(self.goldstein),
            goldstein_mean=rounded(self.goldstein / self.events) if self.events else None,
            confidence_sum=rounded(self.confidence),
            cooperation_by_confidence=rounded(self.coop_conf),
            conflict_by_confidence=rounded(self.conflict_conf),
            goldstein_sum_by_confidence=rounded(self.goldstein_conf),
            goldstein_mean_by_confidence=(
                rounded(self.goldstein_conf / self.confidence) if self.confidence > 0 else None
            ),
            sources=len(self.sources) if self.n_sources is None else self.n_sources,
            source_weight=self.source_weight,
            cooperation_by_sources=self.coop_src,
            conflict_by_sources=self.conflict_src,
            goldstein_sum_by_sources=rounded(self.goldstein_src),
            goldstein_mean_by_sources=(
                rounded(self.goldstein_src / self.source_weight) if self.source_weight else None
            ),
            happenings=len(self.happenings) if self.n_happenings is None else self.n_happenings,
        )
        return row


def timeline_rows(
    events: Iterable[dict[str, Any]],
    *,
    by: str = "month",
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    modalities: Collection[str] | None = COUNTED_MODALITIES,
) -> list[dict[str, Any]]:
    """Bucket events into periods (pure; no store). Empty periods between the first and last are kept.

    Events outside ``since``..``until``, without a date, with a modality not in ``modalities``, or
    whose date is coarser than the period (a year-only date in a monthly timeline) are left out.
    """
    check_period(by)
    check_range(since, until)
    buckets: dict[_dt.date, _Period] = {}
    for e in events:
        d = event_date(e)
        if d is None or not precise_enough(e, by) or not counted(e, modalities):
            continue
        if (since is not None and d < since) or (until is not None and d > until):
            continue
        start = period_start(d, by)
        bucket = buckets.get(start)
        if bucket is None:
            bucket = buckets[start] = _Period()
        bucket.add(e)
    return _fill(buckets, by, since, until)


def _fill(
    buckets: dict[_dt.date, _Period], by: str, since: _dt.date | None, until: _dt.date | None
) -> list[dict[str, Any]]:
    """Rows for every period from the first to the last (or ``since``..``until``), empty ones included."""
    if not buckets and (since is None or until is None):
        return []
    first = period_start(since, by) if since is not None else min(buckets)
    last = period_start(until, by) if until is not None else max(buckets)
    if buckets:
        first, last = min(first, min(buckets)), max(last, max(buckets))
    rows: list[dict[str, Any]] = []
    start = first
    while start <= last:
        rows.append(buckets.get(start, _Period()).row(start, by))
        start = next_period(start, by)
    return rows


def _dyad(a: str, b: str) -> tuple[str, str]:
    x, y = norm_code(a, "dyad side"), norm_code(b, "dyad side")
    if x == y:
        raise UsageError(f"a dyad needs two different sides, not {x} twice", hint="e.g. USA KEN")
    return x, y


def dyad_timeline(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    modalities: Collection[str] | None = COUNTED_MODALITIES,
) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` (either direction) per day, ISO week, month or year.

    ``a`` and ``b`` are countries (ISO alpha-3) or actor codes, matched on either side of an event.
    One row per period (see ``TIMELINE_COLUMNS``): event counts per quad class, cooperation (quads
    1-2) and conflict (3-4), Goldstein sum and mean; the same weighted by confidence and by the number
    of independent sources behind each happening (the store's dedup: a happening counts once, weighted
    by its distinct outlets, however many mentions it has); the number of distinct sources and of
    happenings in the period.

    The sums are computed in the database (``Store.timeline_totals``: one GROUP BY per call, no event
    records read); the result is the same as ``timeline_rows`` over the dyad's events with their
    happenings.
    """
    check_period(by)
    check_range(since, until)
    pair = _dyad(a, b)
    totals = store.timeline_totals(
        by=by,
        modalities=None if modalities is None else tuple(modalities),
        too_coarse=too_coarse(by),
        dyad=pair,
        since=since,
        until=until,
    )
    buckets = {t["start"]: _Period.from_totals(t) for t in totals}
    return _fill(buckets, by, since, until)


def detect_change_points(
    rows: Sequence[dict[str, Any]],
    *,
    series: Sequence[str] = ("cooperation", "conflict"),
    k: float = 2.0,
    min_history: int = 3,
    window: int | None = None,
    min_change: float = 1.0,
) -> list[dict[str, Any]]:
    """Periods whose value in a series is outside the dyad's own history (pure; no store).

    For each period after the first ``min_history``, the history is the previous periods (the last
    ``window`` of them, or all); a value is a change point when it is more than ``k`` sample standard
    deviations from the history's mean and at least ``min_change`` away from it (so a flat history of
    zeros does not flag every single event). ``direction`` is ``rise`` or ``drop``.
    """
    if min_history < 2:
        raise UsageError(f"min_history must be at least 2, not {min_history}")
    if window is not None and window < min_history:
        raise UsageError(f"window ({window}) must be at least min_history ({min_history})")
    for name in series:
        if name not in TIMELINE_COLUMNS[3:]:
            raise UsageError(f"unknown series {name!r}", hint="e.g. cooperation, conflict, events")
    out: list[dict[str, Any]] = []
    for name in series:
        values = [float(r.get(name) or 0.0) for r in rows]
        for i in range(min_history, len(values)):
            history = values[:i] if window is None else values[max(0, i - window) : i]
            mean = statistics.fmean(history)
            sd = statistics.stdev(history)
            value = values[i]
            delta = value - mean
            if abs(delta) > k * sd and abs(delta) >= min_change:
                out.append(
                    {
                        "period": rows[i]["period"],
                        "start": rows[i]["start"],
                        "series": name,
                        "value": value,
                        "mean": rounded(mean),
                        "sd": rounded(sd),
                        "z": rounded(delta / sd) if sd > 0 else None,
                        "direction": "rise" if delta > 0 else "drop",
                    }
                )
    out.sort(key=lambda c: (c["start"], list(series).index(c["series"])))
    return out


def change_points(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    series: Sequence[str] = ("cooperation", "conflict"),
    k: float = 2.0,
    min_history: int = 3,
    window: int | None = None,
    min_change: float = 1.0,
) -> list[dict[str, Any]]:
    """Periods where the dyad's cooperation or conflict count left its own history (see
    ``detect_change_points``), over ``dyad_timeline(store, a, b, by=...)``."""
    rows = dyad_timeline(store, a, b, by=by, since=since, until=until)
    return detect_change_points(
        rows, series=series, k=k, min_history=min_history, window=window, min_change=min_change
    )
