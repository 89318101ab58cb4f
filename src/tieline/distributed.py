"""The Dask engine: partitions of articles coded on Dask workers, Parquet parts, then one load into the store.

>>> from tieline.distributed import run_dask, load_parts
>>> summary = run_dask(read_paths(["news/"]), "out/", scheduler="tcp://10.0.0.5:8786")
>>> with open_store("tieline.duckdb") as store:
...     load_parts("out/", store)

The client reads the inputs lazily and submits partitions of ``partition_size`` articles, keeping at
most ``2 * workers`` partitions in flight (memory stays flat on the client). Each worker process loads
the pipeline once (``tieline.runner.worker_pipeline``, cached per process), codes its partition and
writes two Parquet files into ``out``: ``articles-NNNNNN.parquet`` (one row an article: metadata, text,
mentions) and ``events-NNNNNN.parquet`` (one row an event: flat columns, ``record`` = ``Event.to_dict()``
as JSON, and ``full`` = every field of the event, so it is rebuilt exactly). ``out`` must be a folder
every worker can write and the client can read (a shared file system on a multi-machine cluster).
A run first removes the parts an earlier run left in ``out``; part numbers follow the input order.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .model import Actor, Article, Event, Evidence, Location, Mention, SkipRecord

__all__ = [
    "article_from_row",
    "code_partition",
    "event_from_full",
    "load_parts",
    "run_dask",
]

ARTICLE_FIELDS = ("id", "title", "date", "url", "source", "path", "text", "mentions", "coder")
EVENT_FIELDS = (
    "id", "article_id", "date", "event", "mode", "cameo", "goldstein", "quad", "modality", "confidence",
    "record", "full",
)  # fmt: skip


# -- serialisation --------------------------------------------------------------------------------------


def event_from_full(d: dict[str, Any]) -> Event:
    """Rebuild an Event from ``dataclasses.asdict(event)`` (the ``full`` column)."""
    d = dict(d)
    for side in ("actor", "recipient", "attribution"):
        d[side] = [Actor(**a) for a in d.get(side) or []]
    d["location"] = Location(**d["location"]) if d.get("location") else None
    d["evidence"] = Evidence(**d["evidence"])
    return Event(**d)


def _article_row(article: Article, coder: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "url": article.url,
        "source": article.source,
        "path": article.path,
        "text": article.text,
        "mentions": json.dumps([dataclasses.asdict(m) for m in article.mentions], ensure_ascii=False),
        "coder": coder,
    }


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "article_id": event.article_id,
        "date": event.date,
        "event": event.event,
        "mode": event.mode,
        "cameo": event.cameo,
        "goldstein": float(event.goldstein),
        "quad": int(event.quad),
        "modality": event.modality,
        "confidence": float(event.confidence),
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
        "full": json.dumps(dataclasses.asdict(event), ensure_ascii=False),
    }


def article_from_row(row: dict[str, Any], events: list[Event]) -> Article:
    """Rebuild a coded article (metadata, text, mentions, events; no tokens) from its Parquet row."""
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        date=_dt.date.fromisoformat(row["date"]) if row["date"] else None,
        url=row["url"],
        source=row["source"],
        path=row["path"],
        mentions=[Mention(**m) for m in json.loads(row["mentions"])],
        events=events,
    )


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    s = pa.string()
    articles = pa.schema([(name, s) for name in ARTICLE_FIELDS])
    events = pa.schema(
        [
            *[(n, s) for n in ("id", "article_id", "date", "event", "mode", "cameo")],
            ("goldstein", pa.float64()),
            ("quad", pa.int32()),
            ("modality", s),
            ("confidence", pa.float64()),
            ("record", s),
            ("full", s),
        ]
    )
    return articles, events


def write_part(out: str | Path, part: int, articles: list[Article], coder: str) -> dict[str, int]:
    """Write one partition's two Parquet files (atomically: written under a temporary name, then renamed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    a_schema, e_schema = _schemas()
    a_rows = [_article_row(a, coder) for a in articles]
    e_rows = [_event_row(e) for a in articles for e in a.events]
    for name, rows, schema in (("events", e_rows, e_schema), ("articles", a_rows, a_schema)):
        table = pa.Table.from_pylist(rows, schema=schema)
        final = out / f"{name}-{part:06d}.parquet"
        tmp = out / f".{name}-{part:06d}.parquet.tmp"
        pq.write_table(table, tmp)
        tmp.replace(final)
    return {"part": part, "articles": len(a_rows), "events": len(e_rows)}


# -- the worker side ------------------------------------------------------------------------------------


def code_partition(
    articles: list[Article], part: int, out: str, model: str | None = None, date: str | None = None
) -> dict[str, Any]:
    """Run on a Dask worker: code a partition with this process's pipeline and write its Parquet parts."""
    from .runner import code_articles, worker_pipeline

    pipe = worker_pipeline(model)
    coded = code_articles(pipe, articles, _dt.date.fromisoformat(date) if date else None)
    return write_part(out, part, coded, pipe.version)


# -- the client side ------------------------------------------------------------------------------------


def _partitions(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in items:
        chunk.append(a)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_dask(
    inputs: Iterable[Article | SkipRecord],
    out: str | Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 64,
    model: str | None = None,
    date: _dt.date | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Code ``inputs`` on a Dask cluster into Parquet parts under ``out``; returns a summary.

    ``scheduler`` is a ``tcp://HOST:PORT`` address; without it a ``LocalCluster`` of ``workers``
    worker processes with one thread each is started (and stopped) here. Skip records are counted and
    returned under ``"skips"`` (they are not sent to the workers).
    """
    from dask.distributed import Client, LocalCluster, wait
    from tqdm import tqdm

    out_path = Path(out)
    out_path.mkdir(parents=True, exist_ok=True)
    for old in [*out_path.glob("articles-*.parquet"), *out_path.glob("events-*.parquet")]:
        old.unlink()  # parts of an earlier run would otherwise be loaded with this one's
    skips: list[SkipRecord] = []
    read = undated = 0

    def articles() -> Iterator[Article]:
        nonlocal read, undated
        for item in inputs:
            if isinstance(item, SkipRecord):
                skips.append(item)
            else:
                read += 1
                if item.date is None and date is None:
                    undated += 1
                yield item

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        from .errors import TielineError

        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise TielineError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                hint="start it with `dask scheduler`, or leave out --scheduler for a local cluster",
            ) from exc
        client.wait_for_workers(1, timeout=300)
    results: list[dict[str, Any]] = []
    bar = tqdm(unit=" articles", disable=not progress, desc="dask", dynamic_ncols=True)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        limit = 2 * n_workers
        pending: list[Any] = []
        date_iso = date.isoformat() if date else None

        def collect(done: Iterable[Any]) -> None:
            for fut in done:
                res = fut.result()
                results.append(res)
                bar.update(res["articles"])

        for part, chunk in enumerate(_partitions(articles(), partition_size)):
            pending.append(
                client.submit(code_partition, chunk, part, str(out_path), model, date_iso, pure=False)
            )
            if len(pending) >= limit:
                finished = wait(pending, return_when="FIRST_COMPLETED")
                collect(finished.done)
                pending = list(finished.not_done)
        if pending:
            collect(wait(pending).done)
    finally:
        bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
    return {
        "read": read,
        "undated": undated,
        "skipped": len(skips),
        "skips": skips,
        "parts": len(results),
        "articles": sum(r["articles"] for r in results),
        "events": sum(r["events"] for r in results),
        "out": str(out_path),
    }


def load_parts(out: str | Path, store: Any, *, batch: int = 256) -> dict[str, int]:
    """Load every Parquet part under ``out`` into ``store`` (article batches in part order)."""
    import pyarrow.parquet as pq

    out = Path(out)
    totals = {"parts": 0, "articles": 0, "events": 0, "articles_new": 0, "articles_updated": 0}
    for a_file in sorted(out.glob("articles-*.parquet")):
        e_file = out / a_file.name.replace("articles-", "events-")
        by_article: dict[str, list[Event]] = {}
        if e_file.exists():
            for row in pq.read_table(e_file).to_pylist():
                by_article.setdefault(row["article_id"], []).append(event_from_full(json.loads(row["full"])))
        rows = pq.read_table(a_file).to_pylist()
        for i in range(0, len(rows), batch):
            chunk = rows[i : i + batch]
            coder = chunk[0]["coder"]
            arts = [article_from_row(r, by_article.get(r["id"], [])) for r in chunk]
            res = store.write_articles(arts, coder=coder)
            totals["articles"] += len(arts)
            totals["events"] += res.events_written
            totals["articles_new"] += res.articles_new
            totals["articles_updated"] += res.articles_updated
        totals["parts"] += 1
    return totals
