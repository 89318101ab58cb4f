"""``tieline db migrate|info|vacuum``: look after the store (DuckDB file or PostgreSQL URL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from tieline.cli import _db, _friendly
from tieline.errors import StoreError

__all__ = ["commands", "db", "format_size"]

DB_HELP = "store: a DuckDB file path or a postgresql:// URL (default ./tieline.duckdb, or TIELINE_DB)"


def format_size(n: int | None) -> str:
    if n is None:
        return "-"
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover - the loop always returns


def _open(db: str | None, *, read_only: bool = False) -> Any:
    from tieline.store import open_store

    target = _db(db)
    if "://" not in target and target != ":memory:" and read_only and not Path(target).exists():
        raise StoreError(
            f"no store at {target}", hint="run `tieline db migrate` or `tieline ingest` first, or pass --db"
        )
    return open_store(target, read_only=read_only, migrate=False, check=False)


@click.group(name="db", context_settings={"help_option_names": ["-h", "--help"]})
def db() -> None:
    """Manage the store: apply migrations, show what it holds, reclaim space."""


@db.command()
@click.option("--db", "db_", help=DB_HELP)
@_friendly
def migrate(db_: str | None) -> None:
    """Apply pending schema migrations (safe to run again; concurrent runs wait for each other)."""
    with _open(db_) as store:
        before = store.schema_version()
        after = store.migrate()
        where = store.info()["database"]
    if after == before:
        click.echo(f"{where}: schema version {after}, nothing to do")
    else:
        click.echo(f"{where}: schema version {before} -> {after}")


@db.command()
@click.option("--db", "db_", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="print as one JSON object")
@_friendly
def info(db_: str | None, as_json: bool) -> None:
    """Backend, schema version, row counts and size of the store."""
    with _open(db_, read_only=True) as store:
        data = store.info()
    if as_json:
        click.echo(json.dumps(data))
        return
    version = data["schema_version"]
    state = (
        "current" if version == data["latest_version"] else f"this tieline expects {data['latest_version']}"
    )
    click.echo(f"backend         {data['backend']}")
    click.echo(f"database        {data['database']}")
    click.echo(f"schema version  {version} ({state})")
    click.echo(f"size            {format_size(data['size_bytes'])}")
    counts = data["counts"] or {}
    for table, n in counts.items():
        click.echo(f"{table:<15} {n}")
    if data["counts"] is None:
        click.echo("counts          - (run `tieline db migrate`)")


@db.command()
@click.option("--db", "db_", help=DB_HELP)
@_friendly
def vacuum(db_: str | None) -> None:
    """Reclaim space and refresh planner statistics (DuckDB: checkpoint; PostgreSQL: VACUUM ANALYZE)."""
    with _open(db_) as store:
        store.check_schema()
        before = store.size_bytes()
        store.vacuum()
        after = store.size_bytes()
        where = store.info()["database"]
    click.echo(f"{where}: vacuumed, size {format_size(before)} -> {format_size(after)}")


commands: list[click.Command] = [db]
