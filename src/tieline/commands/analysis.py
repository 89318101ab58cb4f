"""Analysis and export commands: ``dyad``, ``dossier``, ``network``, ``top``, ``export``.

Thin layers over ``tieline.analysis`` and ``tieline.export``; every command reads the store only.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from tieline.store.base import Store

from ..export import FORMATS

__all__ = ["commands", "dossier_cmd", "dyad_cmd", "export_cmd", "network_cmd", "top_cmd"]

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = "store: a DuckDB file path or a postgresql:// URL (default ./tieline.duckdb, or TIELINE_DB)"


# tieline.cli imports this module while it registers commands, so its helpers are looked up when a
# command runs, not at import time: this module can then be imported first, or from tieline.cli.
def _friendly(func: F) -> F:
    """``tieline.cli._friendly``: tieline errors become one line on stderr and a non-zero exit."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from tieline.cli import _friendly as friendly

        return friendly(func)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _parse_date(value: str | None, what: str) -> _dt.date | None:
    from tieline.cli import _parse_date as parse

    return parse(value, what)


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    from tieline.cli import _db, _require_db
    from tieline.store import open_store

    path = _db(db)
    _require_db(path)
    with open_store(path, read_only=True) as store:
        yield store


def _console() -> Any:
    import shutil

    from rich.console import Console

    return Console(width=max(120, min(200, shutil.get_terminal_size().columns)))


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _dyad_table(a: str, b: str, rows: list[dict[str, Any]], changes: list[dict[str, Any]]) -> None:
    from rich.table import Table

    marks: dict[str, list[str]] = {}
    for c in changes:
        arrow = "▲" if c["direction"] == "rise" else "▼"
        marks.setdefault(c["period"], []).append(
            f"{arrow}{'coop' if c['series'] == 'cooperation' else 'confl'}"
        )
    total = sum(r["events"] for r in rows)
    table = Table(
        title=f"{a}–{b}: {total} events in {len(rows)} periods",
        caption="coop/conflict: total (verbal/material); G: Goldstein; src-wt: each happening once, weighted"
        " by its distinct sources; happ.: happenings; ▲▼: outside the dyad's history",
        pad_edge=False,
    )
    for col in ("period", "events", "happ.", "coop", "conflict", "G sum", "G mean", "G mean conf-wt",
                "G mean src-wt", "sources", "change"):  # fmt: skip
        table.add_column(col, justify="left" if col in ("period", "change") else "right", no_wrap=True)
    for r in rows:
        table.add_row(
            r["period"],
            str(r["events"]),
            str(r.get("happenings", "-")),
            f"{r['cooperation']} ({r['verbal_cooperation']}/{r['material_cooperation']})",
            f"{r['conflict']} ({r['verbal_conflict']}/{r['material_conflict']})",
            _fmt(r["goldstein_sum"], 1),
            _fmt(r["goldstein_mean"]),
            _fmt(r["goldstein_mean_by_confidence"]),
            _fmt(r["goldstein_mean_by_sources"]),
            str(r["sources"]),
            " ".join(marks.get(r["period"], [])),
        )
    _console().print(table)


@click.command(name="dyad")
@click.argument("a")
@click.argument("b")
@click.option("--db", help=DB_HELP)
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), help="also draw a chart (PNG) here")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@_friendly
def dyad_cmd(
    a: str,
    b: str,
    db: str | None,
    by: str,
    since: str | None,
    until: str | None,
    plot_path: str | None,
    fmt: str,
) -> None:
    """How the relationship between A and B moved: events per period, cooperation vs conflict, Goldstein.

    A and B are countries (ISO alpha-3, e.g. USA KEN) or actor codes, either direction. Negated and
    hypothetical events are not counted. In the table, ▲/▼ marks a period outside the dyad's history.
    """
    from tieline.analysis import detect_change_points, dyad_timeline, plot_timeline
    from tieline.analysis.names import party_name

    d_since, d_until = _parse_date(since, "--since"), _parse_date(until, "--until")
    with _store(db) as store:
        rows = dyad_timeline(store, a, b, by=by, since=d_since, until=d_until)
    a, b = a.strip().upper(), b.strip().upper()
    if plot_path:
        title = f"{party_name(a)} – {party_name(b)}: events per {by}"
        out = plot_timeline(rows, plot_path, title=title)
        click.echo(f"chart: {out}", err=True)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        from tieline.analysis import TIMELINE_COLUMNS

        writer = csv.writer(sys.stdout)
        writer.writerow(TIMELINE_COLUMNS)
        for r in rows:
            writer.writerow(["" if r[c] is None else r[c] for c in TIMELINE_COLUMNS])
    else:
        if not rows:
            click.echo(f"no events between {a} and {b}" + (" in this window" if since or until else ""))
            return
        changes = detect_change_points(rows) if len(rows) > 3 else []
        _dyad_table(a, b, rows, changes)


def _event_lines(items: list[dict[str, Any]], *, evidence: bool) -> list[str]:
    lines = []
    for it in items:
        who = f"{', '.join(it['actor']) or '-'} → {', '.join(it['recipient']) or '-'}"
        line = f"  {it['date']}  {it['event']:<10} {it['cameo']:<5} {who}"
        if it.get("modality") not in (None, "asserted"):
            line += f" [{it['modality']}]"
        lines.append(line)
        if evidence and it.get("evidence"):
            lines.append(f"      “{' '.join(str(it['evidence']).split())}”")
    return lines


def _print_dossier(d: dict[str, Any]) -> None:
    c = d["counts"]
    a, b = d["a"], d["b"]
    window = ""
    if d["since"] or d["until"]:
        window = f" ({d['since'] or '…'} to {d['until'] or '…'})"
    out = [
        f"{a['name']} ({a['code']}) – {b['name']} ({b['code']}){window}",
        f"{c['events']} events ({c['cooperation']} cooperation, {c['conflict']} conflict), "
        f"Goldstein mean {_fmt(c['goldstein_mean'])}, {c['sources']} sources, {c['first'] or '-'} to "
        f"{c['last'] or '-'}; {c['negated']} negated and {c['hypothetical']} hypothetical not counted",
    ]
    t = d["trend"]
    if t.get("as_of"):
        r, p = t["recent"], t["previous"]
        out.append(
            f"trend as of {t['as_of']}: {t['direction']} — last {r['days']} days {r['events']} events "
            f"(mean {_fmt(r['goldstein_mean'])}), the {p['days']} days before {p['events']} "
            f"(mean {_fmt(p['goldstein_mean'])})"
            + (f", activity ×{t['activity']}" if t.get("activity") is not None else "")
        )
    out.append("")
    out.append("Key events (|Goldstein| x confidence):")
    out.extend(_event_lines(d["key_events"], evidence=True))
    titles = {
        "meetings": "Meetings",
        "agreements": "Agreements",
        "pledges": "Pledges",
        "aid": "Aid",
        "joint_operations": "Joint operations and exercises",
    }
    for key, title in titles.items():
        items = d[key]
        out.append("")
        out.append(f"{title}: {c[key]}" + (f" (latest {len(items)})" if len(items) < c[key] else ""))
        out.extend(_event_lines(items, evidence=key in ("agreements", "pledges")))
    out.append("")
    out.append(f"Shared adversaries: {c['shared_adversaries']}")
    for s in d["shared_adversaries"]:
        out.append(
            f"  {s['party']:<10} {s['name'] or '':<28} conflict with {a['code']} {s['conflict_with_a']}, "
            f"with {b['code']} {s['conflict_with_b']}, last {s['last'] or '-'}"
        )
    click.echo("\n".join(out))


@click.command(name="dossier")
@click.argument("a")
@click.argument("b")
@click.option("--db", help=DB_HELP)
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option("--as-of", "as_of", help="end of the trend window (default --until, else the latest event)")
@click.option("--limit", type=int, default=20, show_default=True, help="at most this many items a section")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_friendly
def dossier_cmd(
    a: str,
    b: str,
    db: str | None,
    since: str | None,
    until: str | None,
    as_of: str | None,
    limit: int,
    fmt: str,
) -> None:
    """The partnership between A and B: meetings, agreements, pledges, aid, joint operations, shared
    adversaries and the recent trend."""
    from tieline.analysis import dossier

    with _store(db) as store:
        d = dossier(
            store,
            a,
            b,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            as_of=_parse_date(as_of, "--as-of"),
            limit=limit,
        )
    if fmt == "json":
        click.echo(json.dumps(d, indent=2, ensure_ascii=False))
    else:
        _print_dossier(d)


@click.command(name="network")
@click.option("--db", help=DB_HELP)
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option("--min-weight", type=int, default=1, show_default=True, help="drop edges with fewer events")
@click.option("--format", "fmt", type=click.Choice(["graphml", "json"]), default="graphml", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="write here instead of standard output")
@_friendly
def network_cmd(
    db: str | None, since: str | None, until: str | None, min_weight: int, fmt: str, out: str | None
) -> None:
    """The actor network over a window: parties, and cooperation and conflict edges weighted by events."""
    from tieline.analysis import network, to_graphml, to_json

    with _store(db) as store:
        net = network(
            store,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            min_weight=min_weight,
        )
    text = to_graphml(net) if fmt == "graphml" else to_json(net) + "\n"
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"{len(net['nodes'])} nodes, {len(net['edges'])} edges -> {out}", err=True)
    else:
        click.echo(text, nl=False)


@click.command(name="top")
@click.argument("what", type=click.Choice(["actors", "dyads"]), default="dyads")
@click.option("--db", help=DB_HELP)
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option(
    "--by", type=click.Choice(["events", "cooperation", "conflict"]), default="events", show_default=True
)
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_friendly
def top_cmd(
    what: str, db: str | None, since: str | None, until: str | None, by: str, limit: int, fmt: str
) -> None:
    """The most active actors or dyads (either direction) over a window."""
    from tieline.analysis import top_actors, top_dyads

    func = top_actors if what == "actors" else top_dyads
    with _store(db) as store:
        rows = func(
            store,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            by=by,
            limit=limit,
        )
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    first = ["party", "name", "kind"] if what == "actors" else ["dyad"]
    cols = [*first, "events", "cooperation", "conflict", "goldstein_mean", "first", "last"]
    table = Table(title=f"top {what} by {by}", pad_edge=False)
    for col in cols:
        table.add_column(col)
    for r in rows:
        table.add_row(*(_fmt(r.get(col)) for col in cols))
    _console().print(table)


@click.command(name="export")
@click.option("--db", help=DB_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="parquet/csv: flat columns; plover-jsonl: POLECAT fields; gdelt: GDELT 2.0 event table; icews",
)
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="file to write")
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option("--header/--no-header", default=None, help="header row for gdelt (default off) and icews (on)")
@click.option(
    "--batch", type=int, default=10_000, show_default=True, help="events read and written at a time"
)
@_friendly
def export_cmd(
    db: str | None,
    fmt: str,
    out: str,
    since: str | None,
    until: str | None,
    header: bool | None,
    batch: int,
) -> None:
    """Export stored events to a file (column mappings: docs/exports.md)."""
    from tieline.export import export_events

    with _store(db) as store:
        n = export_events(
            store,
            fmt,
            out,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            batch=batch,
            header=header,
        )
    click.echo(f"exported {n} events ({fmt}) -> {out}")


commands: list[click.Command] = [dyad_cmd, dossier_cmd, network_cmd, top_cmd, export_cmd]
