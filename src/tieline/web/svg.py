"""Charts drawn on the server as inline SVG: a dyad timeline, a world map, a network, a roles chart.

Every label goes through ``markupsafe.escape``; the functions return ``Markup`` for the templates.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

__all__ = ["network_svg", "roles_svg", "timeline_svg", "world_svg"]

COOP = "#1f7a8c"
CONFLICT = "#c0392b"
INK = "#1d2733"
MUTED = "#8a97a6"
GRID = "#e3e8ee"


def _f(x: float) -> str:
    return f"{x:.1f}"


def _nice_max(v: float) -> int:
    if v <= 4:
        return 4
    step = 10 ** int(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * step:
            return math.ceil(m * step)
    return int(v)


def timeline_svg(
    rows: Sequence[dict[str, Any]], *, title: str, width: int = 860, height: int = 300
) -> Markup:
    """Cooperation (up) and conflict (down) bars per period, with the mean Goldstein score as a line."""
    left, right, top, bottom = 48, 48, 30, 46
    pw, ph = width - left - right, height - top - bottom
    mid = top + ph / 2
    parts: list[str] = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    if not rows:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">no events</text></svg>'
        )
        return Markup("".join(parts))
    peak = _nice_max(max(max(r["cooperation"], r["conflict"]) for r in rows))
    scale = (ph / 2) / peak
    for frac in (-1, -0.5, 0.5, 1):
        y = mid - frac * ph / 2
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{_f(y)}" y2="{_f(y)}" class="grid"/>')
        parts.append(
            f'<text x="{left - 6}" y="{_f(y + 4)}" text-anchor="end" class="tick">{abs(frac) * peak:g}</text>'
        )
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{_f(mid)}" y2="{_f(mid)}" class="axis"/>')
    for g in (-10, -5, 5, 10):
        y = mid - g / 10 * ph / 2
        parts.append(f'<text x="{width - right + 6}" y="{_f(y + 4)}" class="tick gold">{g:+d}</text>')
    n = len(rows)
    slot = pw / n
    bw = max(2.0, min(36.0, slot * 0.62))
    points: list[str] = []
    means: list[dict[str, Any]] = []
    label_every = max(1, math.ceil(n / 12))
    for i, r in enumerate(rows):
        cx = left + slot * (i + 0.5)
        x = cx - bw / 2
        period = escape(r["period"])
        if r["cooperation"]:
            h = r["cooperation"] * scale
            parts.append(
                f'<rect class="bar bar-coop" x="{_f(x)}" y="{_f(mid - h)}" width="{_f(bw)}" height="{_f(h)}">'
                f"<title>{period}: {r['cooperation']} cooperation</title></rect>"
            )
        if r["conflict"]:
            h = r["conflict"] * scale
            parts.append(
                f'<rect class="bar bar-conflict" x="{_f(x)}" y="{_f(mid)}" width="{_f(bw)}" height="{_f(h)}">'
                f"<title>{period}: {r['conflict']} conflict</title></rect>"
            )
        if r["goldstein_mean"] is not None:  # an empty period has no mean: the line skips it
            gy = mid - float(r["goldstein_mean"]) / 10 * ph / 2
            points.append(f"{_f(cx)},{_f(gy)}")
            means.append(r)
        if i % label_every == 0 or i == n - 1:
            parts.append(
                f'<text x="{_f(cx)}" y="{height - bottom + 16}" text-anchor="middle" class="tick">{period}</text>'
            )
    if len(points) > 1:
        parts.append(f'<polyline class="goldstein" points="{" ".join(points)}"/>')
    for p, r in zip(points, means, strict=True):
        px, py = p.split(",")
        parts.append(
            f'<circle class="goldstein-pt" cx="{px}" cy="{py}" r="3"><title>{escape(r["period"])}: mean Goldstein '
            f"{float(r['goldstein_mean']):+.2f}</title></circle>"
        )
    ly = height - 12
    parts.append(
        f'<g class="legend"><rect x="{left}" y="{ly - 9}" width="10" height="10" class="bar-coop"/>'
        f'<text x="{left + 14}" y="{ly}">cooperation (quad 1–2)</text>'
        f'<rect x="{left + 170}" y="{ly - 9}" width="10" height="10" class="bar-conflict"/>'
        f'<text x="{left + 184}" y="{ly}">conflict (quad 3–4)</text>'
        f'<line x1="{left + 320}" x2="{left + 338}" y1="{ly - 4}" y2="{ly - 4}" class="goldstein"/>'
        f'<text x="{left + 344}" y="{ly}">mean Goldstein (right axis)</text></g>'
    )
    parts.append(f'<text x="{left}" y="18" class="axis-title">events per period</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _view(places: Sequence[dict[str, Any]], width: int, height: int) -> tuple[float, float, float, float]:
    """A viewBox around the places (padded, 2:1, zoomed at most 2.5x); the whole world when spread out."""
    if not places:
        return 0.0, 0.0, float(width), float(height)
    lons = [float(p["lon"]) for p in places]
    lats = [float(p["lat"]) for p in places]
    lo_lon, hi_lon = min(lons) - 20, max(lons) + 20
    lo_lat, hi_lat = min(lats) - 15, max(lats) + 15
    span_lon = max(hi_lon - lo_lon, 2 * (hi_lat - lo_lat), 360 / 2.5)
    if span_lon >= 300:
        return 0.0, 0.0, float(width), float(height)
    span_lat = span_lon / 2
    c_lon, c_lat = (lo_lon + hi_lon) / 2, (lo_lat + hi_lat) / 2
    x0 = min(max(c_lon - span_lon / 2, -180), 180 - span_lon)
    y0 = min(max(c_lat + span_lat / 2, -90 + span_lat), 90)
    sx, sy = width / 360, height / 180
    return (x0 + 180) * sx, (90 - y0) * sy, span_lon * sx, span_lat * sy


def world_svg(
    places: Sequence[dict[str, Any]], *, land: str | None = None, width: int = 860, height: int = 430
) -> Markup:
    """Equirectangular map: land outline and graticule, a dot per place; zoomed to where events are."""

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, (90 - lat) / 180 * height

    vx, vy, vw, vh = _view(places, width, height)
    z = width / vw  # zoom: labels and dots keep their size on screen
    parts = [
        f'<svg class="chart worldmap" viewBox="{_f(vx)} {_f(vy)} {_f(vw)} {_f(vh)}" role="img" '
        f'aria-label="where events happen" xmlns="http://www.w3.org/2000/svg">',
        "<title>Where events happen</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" class="sea"/>',
    ]
    if land:
        parts.append(
            f'<path class="land" stroke-width="{_f(0.6 / z)}" transform="scale({width / 360} {height / 180})" '
            f'd="{escape(land)}"/>'
        )
    for lon in range(-165, 180, 15):
        x, _ = xy(0, lon)
        parts.append(
            f'<line class="graticule" stroke-width="{0.6 / z:.2f}" x1="{_f(x)}" x2="{_f(x)}" y1="0" y2="{height}"/>'
        )
    for lat in range(-75, 90, 15):
        _, y = xy(lat, 0)
        eq = " equator" if lat == 0 else ""
        parts.append(
            f'<line class="graticule{eq}" stroke-width="{0.6 / z:.2f}" x1="0" x2="{width}" y1="{_f(y)}" y2="{_f(y)}"/>'
        )
    top = max((p["events"] for p in places), default=1)
    font = 11 / z
    for p in sorted(places, key=lambda p: -p["events"]):
        x, y = xy(float(p["lat"]), float(p["lon"]))
        r = (4 + 8 * math.sqrt(p["events"] / top)) / z
        kind = "conflict" if p["conflict"] > p["cooperation"] else "coop"
        first = p["event_ids"][0] if p.get("event_ids") else None
        title = escape(
            f"{p['name']}: {p['events']} events ({p['cooperation']} cooperation, {p['conflict']} conflict)"
        )
        dot = (
            f'<circle class="place place-{kind}" stroke-width="{1.2 / z:.2f}" cx="{_f(x)}" cy="{_f(y)}" '
            f'r="{r:.2f}"><title>{title}</title></circle>'
        )
        if first:
            href = f"/events/{quote(first[0])}?article={quote(first[1])}"
            dot = f'<a href="{escape(href)}">{dot}</a>'
        parts.append(dot)
    # labels after the dots, so no dot covers a label
    for p in sorted(places, key=lambda p: -p["events"])[:14]:
        x, y = xy(float(p["lat"]), float(p["lon"]))
        r = (4 + 8 * math.sqrt(p["events"] / top)) / z
        parts.append(
            f'<text class="place-label" font-size="{font:.2f}" stroke-width="{3 / z:.2f}" x="{_f(x + r + 1.5 / z)}" '
            f'y="{_f(y + font / 3)}">{escape(str(p["name"])[:28])}</text>'
        )
    if not places:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">'
            "no event has coordinates yet</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _layout(
    nodes: Sequence[str], edges: Sequence[tuple[str, str, float]], *, seed: int = 7
) -> dict[str, tuple[float, float]]:
    """A small deterministic force layout (Fruchterman-Reingold) in the unit square."""
    rng = random.Random(seed)
    n = len(nodes)
    if n == 0:
        return {}
    pos = {
        v: [
            0.5 + 0.4 * math.cos(2 * math.pi * i / n) + rng.uniform(-0.01, 0.01),
            0.5 + 0.4 * math.sin(2 * math.pi * i / n) + rng.uniform(-0.01, 0.01),
        ]
        for i, v in enumerate(nodes)
    }
    k = math.sqrt(1.0 / n) * 0.9
    temp = 0.1
    for _ in range(250):
        disp = {v: [0.0, 0.0] for v in nodes}
        for i, v in enumerate(nodes):
            for u in nodes[i + 1 :]:
                dx, dy = pos[v][0] - pos[u][0], pos[v][1] - pos[u][1]
                d = max(1e-4, math.hypot(dx, dy))
                f = k * k / d
                disp[v][0] += dx / d * f
                disp[v][1] += dy / d * f
                disp[u][0] -= dx / d * f
                disp[u][1] -= dy / d * f
        for s, t, w in edges:
            dx, dy = pos[s][0] - pos[t][0], pos[s][1] - pos[t][1]
            d = max(1e-4, math.hypot(dx, dy))
            f = d * d / k * min(2.0, 0.6 + 0.2 * w)
            disp[s][0] -= dx / d * f
            disp[s][1] -= dy / d * f
            disp[t][0] += dx / d * f
            disp[t][1] += dy / d * f
        for v in nodes:
            dx, dy = disp[v]
            d = max(1e-9, math.hypot(dx, dy))
            pos[v][0] += dx / d * min(d, temp)
            pos[v][1] += dy / d * min(d, temp)
            # gentle pull to the centre keeps disconnected pieces on the canvas
            pos[v][0] += (0.5 - pos[v][0]) * 0.01
            pos[v][1] += (0.5 - pos[v][1]) * 0.01
        temp = max(0.005, temp * 0.975)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    sx = (max(xs) - min(xs)) or 1.0
    sy = (max(ys) - min(ys)) or 1.0
    return {v: ((p[0] - min(xs)) / sx, (p[1] - min(ys)) / sy) for v, p in pos.items()}


def network_svg(net: dict[str, Any], *, width: int = 900, height: int = 600) -> Markup:
    """Nodes (sized by events) and cooperation / conflict edges (width by events)."""
    nodes = [n["id"] for n in net["nodes"]]
    weights = {n["id"]: n.get("events", 1) for n in net["nodes"]}
    edges = [(e["source"], e["target"], float(e["weight"])) for e in net["edges"]]
    pos = _layout(nodes, edges)
    pad = 40

    def at(v: str) -> tuple[float, float]:
        x, y = pos[v]
        return pad + x * (width - 2 * pad), pad + y * (height - 2 * pad)

    parts = [
        f'<svg class="chart network" viewBox="0 0 {width} {height}" role="img" aria-label="actor network" '
        'xmlns="http://www.w3.org/2000/svg"><title>Cooperation and conflict network</title>'
    ]
    if not nodes:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">no edges</text></svg>'
        )
        return Markup("".join(parts))
    top_w = max(e["weight"] for e in net["edges"])
    for e in net["edges"]:
        (x1, y1), (x2, y2) = at(e["source"]), at(e["target"])
        if e["relation"] == "conflict":  # bend conflict edges so both kinds between a pair stay visible
            mx, my = (x1 + x2) / 2 + (y2 - y1) * 0.12, (y1 + y2) / 2 - (x2 - x1) * 0.12
        else:
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        sw = 1 + 5 * e["weight"] / top_w
        parts.append(
            f'<path class="edge edge-{escape(e["relation"])}" d="M{_f(x1)},{_f(y1)} Q{_f(mx)},{_f(my)} {_f(x2)},{_f(y2)}" '
            f'stroke-width="{_f(sw)}"><title>{escape(e["source"])} – {escape(e["target"])}: {e["weight"]} '
            f"{escape(e['relation'])} events</title></path>"
        )
    top_n = max(weights.values()) or 1
    for v in nodes:
        x, y = at(v)
        r = 5 + 11 * math.sqrt(weights[v] / top_n)
        parts.append(
            f'<a href="/actors/{quote(v)}"><circle class="node" cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}">'
            f"<title>{escape(v)}: {weights[v]} events</title></circle>"
            f'<text class="node-label" x="{_f(x)}" y="{_f(y - r - 3)}" text-anchor="middle">{escape(v)}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def roles_svg(roles: Sequence[dict[str, Any]], *, today: str, width: int = 860) -> Markup:
    """Offices over time, one bar per office (a Gantt chart)."""
    if not roles:
        return Markup("")
    row_h, left, right, top = 22, 250, 20, 24
    height = top + row_h * len(roles) + 24
    years = [int(r["start"][:4]) for r in roles] + [int((r["end"] or today)[:4]) + 1 for r in roles]
    lo, hi = min(years), max(years)
    span = max(1, hi - lo)

    def x(d: str) -> float:
        y, m = int(d[:4]), int(d[5:7]) if len(d) >= 7 else 1
        return left + (y - lo + (m - 1) / 12) / span * (width - left - right)

    parts = [
        f'<svg class="chart roles" viewBox="0 0 {width} {height}" role="img" aria-label="roles over time" '
        'xmlns="http://www.w3.org/2000/svg"><title>Roles over time</title>'
    ]
    step = max(1, math.ceil(span / 12))
    for yr in range(lo, hi + 1, step):
        xx = x(f"{yr}-01")
        parts.append(f'<line class="grid" x1="{_f(xx)}" x2="{_f(xx)}" y1="{top - 6}" y2="{height - 20}"/>')
        parts.append(f'<text class="tick" x="{_f(xx)}" y="{height - 6}" text-anchor="middle">{yr}</text>')
    for i, r in enumerate(roles):
        y = top + i * row_h
        x1, x2 = x(r["start"]), x(r["end"] or today)
        label = f"{r['person']} — {r['title'] or r['role']}"
        parts.append(
            f'<text class="role-label" x="{left - 8}" y="{y + 14}" text-anchor="end">{escape(label[:44])}</text>'
        )
        parts.append(
            f'<rect class="role-bar{" open" if not r["end"] else ""}" x="{_f(x1)}" y="{y + 3}" '
            f'width="{_f(max(3.0, x2 - x1))}" height="{row_h - 8}" rx="3"><title>{escape(label)}: {escape(r["start"])} '
            f"to {escape(r['end'] or 'present')}</title></rect>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
