"""A dyad timeline as a chart: cooperation and conflict bars per period, the Goldstein mean as a line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tieline.errors import UsageError

__all__ = ["plot_timeline"]


def plot_timeline(
    rows: Sequence[dict[str, Any]],
    path: str | Path,
    *,
    title: str | None = None,
    dpi: int = 120,
) -> Path:
    """Write a PNG (or any format matplotlib knows from the suffix) of ``dyad_timeline`` rows.

    Cooperation (quads 1-2) is drawn up and conflict (3-4) down, per period, split into verbal and
    material; the Goldstein mean (right axis, -10..10) is a line over the periods that have events.
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
    labels = [str(r["period"]) for r in rows]
    x = list(range(len(rows)))
    verbal_coop = [int(r["verbal_cooperation"]) for r in rows]
    material_coop = [int(r["material_cooperation"]) for r in rows]
    verbal_conf = [-int(r["verbal_conflict"]) for r in rows]
    material_conf = [-int(r["material_conflict"]) for r in rows]

    width = min(16.0, max(9.0, 0.35 * len(rows) + 4))
    fig = Figure(figsize=(width, 5.2))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    ax.bar(x, verbal_coop, color="#7fb3d5", label="verbal cooperation")
    ax.bar(x, material_coop, bottom=verbal_coop, color="#1f618d", label="material cooperation")
    ax.bar(x, verbal_conf, color="#f5b7b1", label="verbal conflict")
    ax.bar(x, material_conf, bottom=verbal_conf, color="#b03a2e", label="material conflict")
    ax.axhline(0, color="#444444", linewidth=0.8)
    peak = max([1, *(int(r["cooperation"]) for r in rows), *(int(r["conflict"]) for r in rows)])
    ax.set_ylim(-peak * 1.15, peak * 1.15)
    ax.set_ylabel("events per period: cooperation ↑, conflict ↓")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))

    ax2 = ax.twinx()
    gx = [i for i, r in zip(x, rows, strict=True) if r.get("goldstein_mean") is not None]
    gy = [float(rows[i]["goldstein_mean"]) for i in gx]
    ax2.plot(gx, gy, color="#222222", marker="o", linewidth=1.6, markersize=4, label="Goldstein mean")
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("Goldstein mean (−10 conflict … +10 cooperation)")

    step = max(1, len(labels) // 24)
    ax.set_xticks(x[::step])
    ax.set_xticklabels(labels[::step], rotation=45, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(rows) - 0.4)
    handles, names = ax.get_legend_handles_labels()
    h2, n2 = ax2.get_legend_handles_labels()
    fig.legend(handles + h2, names + n2, loc="lower center", fontsize=8, ncol=5, frameon=False)
    total = sum(int(r["events"]) for r in rows)
    heading = title or "dyad timeline"
    ax.set_title(f"{heading} ({total} events)")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=dpi)
    return out
