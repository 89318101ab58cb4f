"""``tieline happenings`` and ``tieline dedup run|log|split|undo|rebuild``: one record per real-world
happening, and the hand corrections of the merges behind it.

Thin layers over the store's happening methods (``tieline.store._happenings``); ingest already assigns
happenings in its write transaction, so ``dedup run`` only links events stored without them (a store
migrated from schema version 1, or a write with ``dedup=False``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from tieline.cli import _db, _friendly, _parse_date, _require_db
from tieline.errors import UsageError
from tieline.store.base import Store

__all__ = ["commands", "dedup", "happenings_cmd"]

DB_HELP = "store: a DuckDB file path or a postgresql:// URL (default ./tieline.duckdb, or TIELINE_DB)"


@contextmanager
def _store(db: str | None, *, read_only: bool = False) -> Iterator[Store]:
    from tieline.store import open_store

    path = _db(db)
    _require_db(path)
    with open_store(path, read_only=read_only) as store:
        yield store


def _parties(h: dict[str, Any]) -> str:
    def names(side: list[dict[str, Any]]) -> str:
        return ", ".join(str(p.get("key") or p.get("name")) for p in side) or "-"

    return f"{names(h['actors'])} - {names(h['recipients'])}"


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = [p.strip().upper() for p in value.replace("-", ":").split(":")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f"--dyad {value!r} is not two codes", hint="e.g. --dyad USA:KEN")
    return parts[0], parts[1]


@click.command(name="happenings")
@click.option("--db", help=DB_HELP)
@click.option("--dyad", help="two country or actor codes, e.g. USA:KEN (either side)")
@click.option("--actor", help="a country or actor code among the parties")
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option("--type", "event_type", help="PLOVER type, e.g. CONSULT")
@click.option("--min-sources", type=click.IntRange(min=1), help="only happenings with this many sources")
@click.option("--limit", type=click.IntRange(min=1), help="at most this many")
@click.option("--id", "happening_id", help="show one happening with its mentions and merge log")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@_friendly
def happenings_cmd(
    db: str | None,
    dyad: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    event_type: str | None,
    min_sources: int | None,
    limit: int | None,
    happening_id: str | None,
    fmt: str,
) -> None:
    """One row per real-world happening: its type, date, parties, and the sources that reported it."""
    with _store(db, read_only=True) as store:
        if happening_id:
            one = store.happening(happening_id)
            if one is None:
                from tieline.errors import StoreError

                raise StoreError(f"no happening {happening_id}", hint="list them with `tieline happenings`")
            click.echo(json.dumps(one, ensure_ascii=False, indent=None if fmt == "jsonl" else 2))
            return
        rows = store.happenings(
            dyad=_dyad(dyad),
            actor=actor.upper() if actor else None,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            event_type=event_type.upper() if event_type else None,
            min_sources=min_sources,
            limit=limit,
        )
    if fmt == "jsonl":
        for h in rows:
            click.echo(json.dumps(h, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(rows)} happenings", pad_edge=False)
    for col in ("id", "date", "type", "CAMEO", "parties", "mentions", "articles", "sources"):
        table.add_column(col)
    for h in rows:
        table.add_row(
            h["id"],
            str(h["date"] or "-"),
            f"{h['event']}" + (f"/{h['mode']}" if h.get("mode") else ""),
            str(h.get("cameo") or "-"),
            escape(_parties(h)),
            str(h["n_mentions"]),
            str(h["n_articles"]),
            escape(", ".join(h["sources"])),
        )
    Console(width=160).print(table)


@click.group(name="dedup", context_settings={"help_option_names": ["-h", "--help"]})
def dedup() -> None:
    """Cross-article dedup: link unassigned events, read the merge log, split or undo merges, rebuild."""


@dedup.command(name="run")
@click.option("--db", help=DB_HELP)
@_friendly
def run_cmd(db: str | None) -> None:
    """Assign every stored event that belongs to no happening yet (safe to run again)."""
    with _store(db) as store:
        res = store.link_unlinked()
        counts = store.dedup_counts()
    click.echo(
        f"linked: {res.happenings_new} new happenings, {res.merges} merges; "
        f"{counts['happenings']} happenings for {counts['linked_events']} events "
        f"({counts['unlinked_events']} unlinked)"
    )


@dedup.command(name="rebuild")
@click.option("--db", help=DB_HELP)
@_friendly
def rebuild_cmd(db: str | None) -> None:
    """Cluster every stored event again from scratch (merges undone by hand stay undone)."""
    with _store(db) as store:
        res = store.rebuild_happenings()
    click.echo(
        f"rebuilt: {res.happenings_removed} happenings replaced by {res.happenings_new} ({res.merges} merges)"
    )


@dedup.command(name="log")
@click.option("--db", help=DB_HELP)
@click.option("--happening", "happening_id", help="only this happening's entries")
@click.option("--event", "event_id", help="only this event's entries")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="the last N entries")
@_friendly
def log_cmd(db: str | None, happening_id: str | None, event_id: str | None, limit: int) -> None:
    """The merge log as JSON lines: each merge with the rule that matched, the fields and the score."""
    with _store(db, read_only=True) as store:
        rows = store.dedup_log(happening_id=happening_id, event_id=event_id, limit=limit)
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


@dedup.command(name="split")
@click.argument("event_id")
@click.option("--db", help=DB_HELP)
@_friendly
def split_cmd(event_id: str, db: str | None) -> None:
    """Take EVENT_ID out of its happening; it is never merged with those mentions again."""
    with _store(db) as store:
        out = store.split_event(event_id)
    click.echo(
        f"event {event_id} left happening {out['happening']} for {out['split_off']} (log {out['log_id']})"
    )


@dedup.command(name="undo")
@click.argument("seq", type=int)
@click.option("--db", help=DB_HELP)
@_friendly
def undo_cmd(seq: int, db: str | None) -> None:
    """Undo the merge recorded as log entry SEQ (see `tieline dedup log`)."""
    with _store(db) as store:
        out = store.undo_merge(seq)
    click.echo(
        f"merge {seq} undone: event {out['event_id']} left happening {out['happening']} "
        f"for {out['split_off']} (log {out['log_id']})"
    )


commands: list[click.Command] = [happenings_cmd, dedup]
