"""``tieline bench`` and ``tieline run``: throughput figures, and large, resumable or distributed runs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click

from tieline.cli import DB_HELP, DB_MEMORY_HELP, _db, _friendly, _parse_date, _print_summary
from tieline.errors import UsageError
from tieline.model import Article, SkipRecord
from tieline.runner import WRITER_MEMORY

__all__ = ["bench", "commands", "run"]


@click.command()
@click.option(
    "--articles",
    "n_articles",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="how many articles to generate (or read from --corpus)",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="processes for both the bare spaCy run and the end-to-end run",
)
@click.option(
    "--repeat",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="runs of each; figures are medians",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True),
    help="read articles from this file or folder instead of generating them",
)
@click.option("--seed", type=int, default=0, show_default=True, help="seed of the generated corpus")
@click.option("--model", help="spaCy model")
@click.option("--warm", is_flag=True, help="start the worker pool before timing (--processes > 1)")
@click.option(
    "--write-behind",
    is_flag=True,
    help="write each batch on a writer thread while coding the next (--processes 1)",
)
@click.option(
    "--parse-ahead/--no-parse-ahead",
    default=True,
    show_default=True,
    help="parse on a thread of its own while coding what was parsed (--processes 1; the default of run/ingest)",
)
@click.option(
    "--same-ops/--no-same-ops",
    default=True,
    show_default=True,
    help="also time bare spaCy with the pipeline's ops (TIELINE_BLAS) in tieline's kind of worker pool",
)
@click.option("--db-memory", default=WRITER_MEMORY, show_default=True, help=DB_MEMORY_HELP)
@click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")
@_friendly
def bench(
    n_articles: int, processes: int, repeat: int, corpus: str | None, seed: int, model: str | None,
    warm: bool, write_behind: bool, parse_ahead: bool, same_ops: bool, db_memory: str, as_json: bool,
) -> None:  # fmt: skip
    """Time the end-to-end run (into a temporary store) against bare spaCy parsing of the same texts."""
    from tieline.bench import run_bench

    def log(line: str) -> None:
        click.echo(line, err=True)

    result = run_bench(
        articles=n_articles, processes=processes, repeat=repeat, corpus=corpus, seed=seed, model=model,
        warm=warm, log=None if as_json else log, write_behind=write_behind, parse_ahead=parse_ahead,
        same_ops=same_ops, store_memory=db_memory or None,
    )  # fmt: skip
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        for line in result.lines():
            click.echo(line)


def _inputs(
    paths: Sequence[str],
    *,
    date: Any,
    watch: bool,
    interval: float,
    polls: int | None,
) -> Iterator[Article | SkipRecord]:
    """Files and folders (read once, or watched), and feed URLs (read once, or polled with --interval)."""
    from tieline.ingest import read_paths

    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    files = [p for p in paths if p not in urls]
    if watch and urls:
        raise UsageError("--watch takes folders, not URLs", hint="poll feeds with --interval instead")
    if urls:
        from tieline.ingest.feeds import poll_feeds

        yield from poll_feeds(urls, interval=interval, polls=polls if interval > 0 else 1, default_date=date)
    if files:
        if watch:
            from tieline.ingest.watch import watch_folders

            yield from watch_folders(files, interval=interval or 2.0, polls=polls, default_date=date)
        else:
            yield from read_paths(files, default_date=date)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine (--processes); dask: a Dask cluster (--scheduler, or a local one)",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="worker processes that parse and code (local engine); Dask workers for a local cluster",
)
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a LocalCluster)")
@click.option("--out", type=click.Path(file_okay=False), help="folder for the Parquet parts (dask engine)")
@click.option(
    "--checkpoint",
    type=click.Path(dir_okay=False),
    help="file of processed article ids: an interrupted run resumes from it (local engine)",
)
@click.option("--watch", is_flag=True, help="keep watching the input folders and code new files once")
@click.option(
    "--interval",
    type=float,
    default=0.0,
    show_default=True,
    help="seconds between polls of feed URLs or watched folders (0: read feeds once)",
)
@click.option("--polls", type=click.IntRange(min=1), help="stop after this many polls (default: forever)")
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="articles a store transaction (local engine) or a Dask partition",
)
@click.option("--date", help="date of articles that carry none (YYYY-MM-DD)")
@click.option("--model", help="spaCy model")
@click.option("--db-memory", default=WRITER_MEMORY, show_default=True, help=DB_MEMORY_HELP)
@click.option("--no-progress", is_flag=True, help="no progress bar")
@_friendly
def run(
    inputs: tuple[str, ...], db: str | None, engine: str, processes: int, scheduler: str | None,
    out: str | None, checkpoint: str | None, watch: bool, interval: float, polls: int | None, batch: int,
    date: str | None, model: str | None, db_memory: str, no_progress: bool,
) -> None:  # fmt: skip
    """Code files, folders, WARC files, RSS/Atom feeds (files or URLs) into the store, at scale.

    Local engine: --processes N workers, checkpoints (--checkpoint), progress with rate and ETA.
    Dask engine: partitions coded on Dask workers into Parquet parts under --out, then loaded into --db.
    """
    from tieline.store import open_store

    d = _parse_date(date)
    if interval < 0:
        raise UsageError(f"--interval {interval} is negative")
    progress = not no_progress and sys.stderr.isatty()
    items = _inputs(inputs, date=d, watch=watch, interval=interval, polls=polls)
    if engine == "dask":
        if out is None:
            raise UsageError("--engine dask needs --out DIR", hint="a folder every worker can write")
        if checkpoint is not None:
            raise UsageError("--checkpoint is for the local engine", hint="re-run the dask engine instead")
        from tieline.distributed import load_parts, run_dask

        res = run_dask(
            items, out, scheduler=scheduler, workers=max(2, processes),
            partition_size=batch, model=model, date=d, progress=progress,
        )  # fmt: skip
        with open_store(_db(db)) as store:
            loaded = load_parts(out, store)
            if res["skips"]:
                import uuid

                store.write_skips(res["skips"], run_id=uuid.uuid4().hex[:12])
        by_reason: dict[str, int] = {}
        for s in res["skips"]:
            by_reason[s.reason] = by_reason.get(s.reason, 0) + 1
        _print_summary(
            {
                "read": res["read"], "skipped": res["skipped"], "skipped_by_reason": dict(sorted(by_reason.items())),
                "undated": res["undated"],
                "events": loaded["events"], "articles_new": loaded["articles_new"],
                "articles_updated": loaded["articles_updated"],
            }
        )  # fmt: skip
        click.echo(f"parts: {res['parts']} in {out}")
        return
    if scheduler is not None:
        raise UsageError("--scheduler needs --engine dask")
    from tieline.pipeline import load
    from tieline.runner import count_inputs, run_ingest

    total = None if (watch or interval) else count_inputs(inputs)
    pipe = load(model)
    with open_store(_db(db)) as store:
        summary = run_ingest(
            items, store, pipe, checkpoint=checkpoint, processes=processes, batch=batch, date=d,
            progress=progress, total=total, model=model, store_memory=db_memory or None,
        )  # fmt: skip
    _print_summary(summary)
    click.echo(
        f"coded {summary['coded']} (resumed past {summary['resumed']}) in {summary['seconds']:.1f} s, "
        f"{summary['articles_per_s']:.2f} articles/s"
    )


commands: list[click.Command] = [bench, run]


def main() -> None:  # pragma: no cover - used by the resume test's subprocess
    run(prog_name="tieline run")


if __name__ == "__main__":  # pragma: no cover
    main()
