"""A dyad timeline as a chart: cooperation and conflict bars per period, the Goldstein mean as a line."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tieline.analysis._common import next_period, period_end, period_label, period_start
from tieline.errors import UsageError

__all__ = ["MIN_SLOTS", "pad_rows", "plot_timeline"]


MIN_SLOTS = 7  # a chart shows at least this many periods, so one busy month is not one wall-wide bar


def _period_kind(row: dict[str, Any]) -> str | None:
    """The period of a timeline row (day, week, month, year) from its start and end dates."""
    try:
        days = (_dt.date.fromisoformat(str(row["end"])) - _dt.date.fromisoformat(str(row["start"]))).days
    except (KeyError, TypeError, ValueError):
        return None
    return {0: "day", 6: "week"}.get(days) or (
        "month" if 27 <= days <= 30 else "year" if days >= 364 else None
    )


def _empty_row(start: _dt.date, by: str) -> dict[str, Any]:
    return {"period": period_label(start, by), "start": start.isoformat(), "end": period_end(start, by).isoformat(),
            "events": 0, "verbal_cooperation": 0, "material_cooperation": 0, "verbal_conflict": 0,
            "material_conflict": 0, "cooperation": 0, "conflict": 0, "goldstein_mean": None}  # fmt: skip


def pad_rows(rows: Sequence[dict[str, Any]], *, slots: int = MIN_SLOTS) -> list[dict[str, Any]]:
    """Timeline rows with empty periods added on both sides up to ``slots`` periods, for context.

    The store holds no event of the dyad in an added period (the timeline runs from the dyad's first to
    its last event), so the zeros are true; rows whose period cannot be told are returned as they are.
    """
    out = [dict(r) for r in rows]
    by = _period_kind(out[0]) if out else None
    if by is None or len(out) >= slots:
        return out
    missing = slots - len(out)
    first = _dt.date.fromisoformat(str(out[0]["start"]))
    before: list[dict[str, Any]] = []
    for _ in range(missing // 2):
        first = period_start(first - _dt.timedelta(days=1), by)
        before.insert(0, _empty_row(first, by))
    last = _dt.date.fromisoformat(str(out[-1]["start"]))
    after: list[dict[str, Any]] = []
    for _ in range(missing - missing // 2):
        last = next_period(last, by)
        after.append(_empty_row(last, by))
    return before + out + after


def plot_timeline(
    rows: Sequence[dict[str, Any]],
    path: str | Path,
    *,
    title: str | None = None,
    dpi: int = 120,
) -> Path:
    """Write a PNG (or any format matplotlib knows from the suffix) of ``dyad_timeline`` rows.

    Cooperation (quads 1-2) is drawn up and conflict (3-4) down, per period, split into verbal and
    material, each bar labelled with its count; the Goldstein mean (right axis, -10..10) is a line over
    the periods that have events, each point labelled. A short timeline is padded with empty periods on
    both sides (``pad_rows``) so its bars keep a readable width; the legend lists only series present.
    """
    if not rows:
        raise UsageError(
            "nothing to plot: the dyad has no events in this window", hint="widen --since/--until"
        )
    # A bare Figure on the Agg canvas: no pyplot, so no global figure registry and the caller's
    # backend (e.g. a notebook's) is left alone.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    out = Path(path)
    total = sum(int(r["events"]) for r in rows)
    with_events = sum(1 for r in rows if int(r["events"]))
    rows = pad_rows(rows)
    labels = [str(r["period"]) for r in rows]
    x = list(range(len(rows)))
    verbal_coop = [int(r["verbal_cooperation"]) for r in rows]
    material_coop = [int(r["material_cooperation"]) for r in rows]
    verbal_conf = [-int(r["verbal_conflict"]) for r in rows]
    material_conf = [-int(r["material_conflict"]) for r in rows]

    width = min(16.0, max(9.0, 0.35 * len(rows) + 4))
    fig = Figure(figsize=(width, 5.6))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    bar_w = 0.7
    series = (
        (verbal_coop, None, "#7fb3d5", "verbal cooperation"),
        (material_coop, verbal_coop, "#1f618d", "material cooperation"),
        (verbal_conf, None, "#f5b7b1", "verbal conflict"),
        (material_conf, verbal_conf, "#b03a2e", "material conflict"),
    )
    for values, bottom, color, name in series:
        if any(values):
            ax.bar(x, values, width=bar_w, bottom=bottom, color=color, label=name)
    ax.axhline(0, color="#444444", linewidth=0.8)
    coop_peak = max([0, *(int(r["cooperation"]) for r in rows)])
    conf_peak = max([0, *(int(r["conflict"]) for r in rows)])
    peak = max(1, coop_peak, conf_peak)
    # each side is as tall as its own data (a quarter of the other side when empty), with room for labels
    top = (coop_peak or peak * 0.25) * 1.25
    bottom_lim = (conf_peak or peak * 0.25) * 1.25
    goldstein = [float(r["goldstein_mean"]) for r in rows if r.get("goldstein_mean") is not None]
    # the Goldstein axis shares the zero line: its longer side spans 10.5, and each side fits its points
    g_hi, g_lo = max([0.0, *goldstein]) + 0.8, -min([0.0, *goldstein]) + 0.8
    span = max(top, bottom_lim)
    top = max(top, g_hi * span / 10.5)
    bottom_lim = max(bottom_lim, g_lo * span / 10.5)
    ax.set_ylim(-bottom_lim, top)
    for i, r in enumerate(rows):
        for value, sign in ((int(r["cooperation"]), 1), (int(r["conflict"]), -1)):
            if value:
                ax.annotate(
                    str(value), (i, sign * value), xytext=(0, 3 * sign), textcoords="offset points",
                    ha="center", va="bottom" if sign > 0 else "top", fontsize=9, color="#222222",
                )  # fmt: skip
    ax.set_ylabel("events per period: cooperation ↑, conflict ↓")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)

    ax2 = ax.twinx()
    gx = [i for i, r in zip(x, rows, strict=True) if r.get("goldstein_mean") is not None]
    gy = [float(rows[i]["goldstein_mean"]) for i in gx]
    ax2.plot(gx, gy, color="#222222", marker="o", linewidth=1.6, markersize=6, label="Goldstein mean")
    for i, g in zip(gx, gy, strict=True):
        ax2.annotate(f"{g:+.1f}", (i, g), xytext=(8, 0), textcoords="offset points", va="center", fontsize=8)
    scale = 10.5 / max(top, bottom_lim)
    ax2.set_ylim(-bottom_lim * scale, top * scale)
    ax2.set_ylabel("Goldstein mean (−10 conflict … +10 cooperation)")

    step = max(1, len(labels) // 24)
    ax.set_xticks(x[::step])
    ax.set_xticklabels(labels[::step], rotation=45, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(rows) - 0.4)
    handles, names = ax.get_legend_handles_labels()
    h2, n2 = ax2.get_legend_handles_labels()
    fig.legend(handles + h2, names + n2, loc="lower center", fontsize=8, ncol=5, frameon=False)
    heading = title or "dyad timeline"
    periods = f"{with_events} period" + ("s" if with_events != 1 else "")
    ax.set_title(f"{heading}\n{total} events in {periods}")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=dpi)
    return out
