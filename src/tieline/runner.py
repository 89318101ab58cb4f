"""Checkpointed, resumable batch ingest, in one process or with a pool of worker processes.

>>> from tieline.runner import run_ingest
>>> with open_store("news.duckdb") as store:
...     run_ingest(read_paths(["news/"]), store, tieline.load(), checkpoint="news.ckpt", processes=2)

Articles are coded in batches; each batch is written to the store in one transaction, and only then
are its article ids appended to the checkpoint file (and flushed to disk). A run that is killed at any
point resumes from the checkpoint: articles whose ids are listed are not coded again, and a batch that
was committed but not yet checkpointed is coded again and *replaces* its rows (the store keys articles
and events on their ids), so nothing is missing and nothing is duplicated.

With ``processes > 1`` a pool of worker processes each loads the pipeline once, parses and codes
chunks of articles, and sends back the coded articles (events and mentions; tokens are dropped) to the
one writer, the parent. At most ``2 * processes`` chunks are in flight, and a batch's worth more when
the parent writes the workers' store rows (so they go on coding while it writes), so memory stays flat
however long the input is.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import multiprocessing as mp
import os
import pickle
import queue
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import StoreError
from .model import Article, SkipRecord

__all__ = [
    "RECYCLE_EVERY",
    "WRITER_MEMORY",
    "Checkpoint",
    "CodingPool",
    "code_articles",
    "count_inputs",
    "run_ingest",
    "worker_pipeline",
]

# DuckDB's memory cap for a long ingest (``--db-memory``): its buffer pool otherwise caches table pages
# up to 80% of RAM and grows with the database, though the writer reads back almost nothing. The commit
# gets twice the cap and the cap is set back after it (``DuckDBStore``: a commit that cannot allocate
# invalidates the database, a statement that hits the cap is rolled back and retried with the cap one
# step higher), so the cap can be small; DuckDB keeps only the primary keys of small tables (migrations
# 4, 6 and 8), since ART indexes are what it cannot evict. 16MB was raised to 31 MiB by the second batch of every run measured,
# and that cost no write time measured against 64MB (docs/scale.md, memory rounds 9 and 10).
WRITER_MEMORY = "32MB"
# With a cap, the store's connection is closed and opened again after every this many commits
# (``DuckDBStore.recycle``): what DuckDB and the C heap keep after freeing (a few MiB a 1,000 articles)
# would otherwise add up over a long run (docs/scale.md, "Memory round 9").
RECYCLE_EVERY = 16


# -- checkpoints -------------------------------------------------------------------------------------


class Checkpoint:
    """An append-only file of processed article ids, one a line, flushed and fsynced after each batch.

    A line cut short by a crash (no final newline) is cut off on load.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.done: set[str] = set()
        if self.path.exists():
            data = self.path.read_bytes()
            cut = data.rfind(b"\n") + 1
            if cut < len(data):  # a partial last line: cut it off; the batch it belongs to is redone
                with self.path.open("r+b") as fh:
                    fh.truncate(cut)
                data = data[:cut]
            self.done = {line for line in data.decode("utf-8").split("\n") if line}
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: Any = None  # opened on the first add

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.done

    def __len__(self) -> int:
        return len(self.done)

    def add(self, ids: Iterable[str]) -> None:
        new = [i for i in ids if i not in self.done]
        if not new:
            return
        if self._fh is None:
            self._fh = self.path.open("a", encoding="utf-8")
        self._fh.write("".join(f"{i}\n" for i in new))
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.done.update(new)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> Checkpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- coding in worker processes ---------------------------------------------------------------------


def one_blas_thread() -> None:
    """Give numpy's BLAS one thread in this process, for good.

    A worker of the pool or of the Dask engine has a core's worth of work: with a BLAS thread for every core, each
    worker's matrix products spread over the cores the other workers are parsing on, and the threads' spinning
    between calls costs more than the products gain (2 processes on 2 cores: 12.2 articles/s against 15.1 with
    one thread each; docs/scale.md, "Round 13")."""
    import numpy  # noqa: F401 - loads the BLAS library: threadpoolctl limits only those loaded
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


@functools.lru_cache(maxsize=4)
def worker_pipeline(model: str | None = None) -> Any:
    """The pipeline of this process, loaded once (workers of the pool and of the Dask engine use it), with
    numpy's BLAS on one thread (``one_blas_thread``)."""
    from .pipeline import load

    one_blas_thread()
    pipe = load(model)
    pipe.nlp  # noqa: B018 - load spaCy now, not inside the first task
    return pipe


def _slim(article: Article) -> Article:
    """Drop the parse (tokens, sentences) once coded: the store needs only mentions and events."""
    article.tokens = []
    article.sentences = []
    return article


def code_articles(pipe: Any, articles: Iterable[Article], date: _dt.date | None = None) -> list[Article]:
    """Parse and code a chunk of articles with ``pipe`` and return them slimmed (no tokens)."""
    return [_slim(a) for a in pipe.process(articles, date=date)]


def _init_worker(model: str | None) -> None:
    worker_pipeline(model)


def _code_chunk(model: str | None, date: _dt.date | None, chunk: list[Article]) -> bytes:
    # Pickled here and unpickled by the consumer: an unpickling error (e.g. a worker running different
    # code) then raises in the run instead of killing the pool's result thread and hanging it.
    return pickle.dumps(code_articles(worker_pipeline(model), chunk, date), protocol=pickle.HIGHEST_PROTOCOL)


def _prepare_chunk(model: str | None, date: _dt.date | None, coder: str, chunk: list[Article]) -> bytes:
    """Code a chunk and build its store rows here, in the worker: the parent only inserts them."""
    from .store._sql import prepare_batch

    coded = code_articles(worker_pipeline(model), chunk, date)
    return pickle.dumps(prepare_batch(coded, coder=coder), protocol=pickle.HIGHEST_PROTOCOL)


class CodingPool:
    """A pool of worker processes that parse and code chunks of articles (each loads the pipeline once).

    Use as a context manager; reusable across runs (the bench reuses one so it times coding, not start-up).
    """

    def __init__(self, processes: int, *, model: str | None = None, chunk: int = 16) -> None:
        if processes < 2:
            raise ValueError("a CodingPool needs at least 2 processes; use the pipeline directly for 1")
        self.processes = processes
        self.model = model
        self.chunk = chunk
        ctx = mp.get_context("spawn")  # no fork of a process holding DuckDB/thread state
        self._pool = ctx.Pool(processes, initializer=_init_worker, initargs=(model,))

    def code(
        self, articles: Iterable[Article], *, date: _dt.date | None = None, ahead: int = 0
    ) -> Iterator[Article]:
        """Coded articles in input order; at most ``2 * processes`` chunks are in flight (and ``ahead``
        more, as in ``prepare``)."""
        func = functools.partial(_code_chunk, self.model, date)
        for coded in self._map(func, articles, ahead=ahead):
            yield from coded

    def prepare(
        self,
        articles: Iterable[Article],
        *,
        coder: str,
        date: _dt.date | None = None,
        ahead: int = 0,
    ) -> Iterator[Any]:
        """Like ``code``, but each worker also builds the store rows of its chunk: yields, in input
        order, one ``tieline.store._sql.PreparedBatch`` a chunk (for ``store.write_prepared``).

        ``ahead``: chunks in flight beyond ``2 * processes``. A caller that stops taking chunks for a while
        (a store write between batches) passes a batch's worth, so the workers still have chunks to code
        while it writes instead of going idle once the few in flight are done."""
        func = functools.partial(_prepare_chunk, self.model, date, coder)
        return self._map(func, articles, ahead=ahead)

    def _map(
        self, func: Callable[[list[Article]], bytes], articles: Iterable[Article], *, ahead: int = 0
    ) -> Iterator[Any]:
        pending: deque[Any] = deque()
        limit = 2 * self.processes + max(0, ahead)
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= self.chunk:
                pending.append(self._pool.apply_async(func, (chunk,)))
                chunk = []
                while len(pending) >= limit:
                    yield pickle.loads(pending.popleft().get())
        if chunk:
            pending.append(self._pool.apply_async(func, (chunk,)))
        while pending:
            yield pickle.loads(pending.popleft().get())

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def terminate(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> CodingPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()


# -- writing behind the coding ------------------------------------------------------------------------


class _WriteBehind:
    """One thread that runs the store writes of a 1-process run, in order, while the caller parses and codes
    the next batch (DuckDB and PostgreSQL release the GIL while a statement runs, and a commit waits for the
    disk).

    At most one job waits while one runs, so at most two coded batches are held besides the one being
    filled. The first error a job raises (a failed write, an error from ``on_batch``) stops the writer: no
    later job runs, and the error is raised again in the caller by the next ``submit`` or by ``close``. So a
    batch is checkpointed only after its commit, and only when every batch before it was committed.
    """

    def __init__(self) -> None:
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None  # the first error; once set, no job runs
        self._raised = False  # whether the caller has seen it
        self._thread = threading.Thread(target=self._loop, name="tieline-writer", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if self._error is not None:
                continue  # a write failed: later batches are not written (nor checkpointed)
            try:
                job()
            except BaseException as exc:  # handed to the caller's thread, raised there
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None and not self._raised:
            self._raised = True
            raise self._error

    def submit(self, job: Callable[[], None]) -> None:
        self._raise()
        self._jobs.put(job)

    def close(self) -> None:
        """Wait for every submitted job; raise the first error one raised."""
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()
        self._raise()


# -- the run -----------------------------------------------------------------------------------------


@dataclass
class _Counts:
    read: int = 0
    resumed: int = 0  # articles skipped because the checkpoint lists them
    coded: int = 0
    events: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    commits: int = 0  # batches written
    undated: int = 0  # articles with no date in the input and no ``date``: events get the 1970 placeholder
    skipped: dict[str, int] = field(default_factory=dict)


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """A cheap count of the articles in files and folders (JSONL lines, other files one each), for ETAs.

    ``None`` when a path is a URL, or holds WARC or feed files, whose article count is unknown up front.
    """
    total = 0
    for given in paths:
        s = str(given)
        if "://" in s:
            return None
        p = Path(s)
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()] if p.is_dir() else []
        for f in files:
            name = f.name.lower()
            if any(part.startswith(".") for part in f.parts[len(p.parts) :]):
                continue
            if name.endswith((".warc", ".warc.gz", ".rss", ".atom", ".xml")):
                return None
            if name.endswith((".jsonl", ".ndjson")):
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def run_ingest(
    inputs: Iterable[Article | SkipRecord],
    store: Any,
    pipe: Any,
    *,
    checkpoint: str | Path | None = None,
    processes: int = 1,
    batch: int = 64,
    date: _dt.date | None = None,
    progress: bool = False,
    total: int | None = None,
    model: str | None = None,
    pool: CodingPool | None = None,
    on_batch: Callable[[int], None] | None = None,
    store_memory: str | None = None,
    write_behind: bool = False,
    parse_ahead: bool = True,
    recycle_every: int | None = RECYCLE_EVERY,
) -> dict[str, Any]:
    """Code ``inputs`` into ``store`` in batches, resumable through ``checkpoint``; returns a summary dict.

    ``processes > 1`` codes in a pool of worker processes (or in ``pool`` when given); ``model`` is the
    spaCy model the workers load (default: the one ``pipe`` was configured with). Skip records are
    stored with the run id. ``on_batch`` is called with the number of articles committed so far.
    ``store_memory`` caps a DuckDB store's memory for the run (e.g. ``WRITER_MEMORY``; other stores
    ignore it); ``None`` leaves the store as it is. With a cap, a store that can (``DuckDBStore.recycle``) has
    its connection closed and opened again after every ``recycle_every`` commits (``None``: never), so
    what DuckDB keeps after freeing does not add up over a long run. With one process and ``write_behind`` each batch is
    written by a writer thread while the next one is parsed and coded (``_WriteBehind``: the same writes in
    the same order, a failed write fails the run, checkpoints only after each commit); the store is used by
    that thread alone until the run returns. Off by default: on the shared 2-core development machine it was
    not faster (the writer's Python competes with spaCy for the GIL); ``tieline bench --write-behind``
    measures it. With one process and ``parse_ahead`` (the default) spaCy parses on a thread of its own while
    this thread codes what it parsed (``_parse_ahead``: the same articles coded in the same order); the input is
    then read by that thread. spaCy releases the GIL for most of its work, so the coder runs beside the next
    parse: on an idle 2-core machine 100 articles took 10.4-11.0 s against 11.1-12.4 s in line (docs/scale.md).
    With worker processes, this process only writes: a DuckDB store runs its statements on one thread for the
    run (``set_threads``; the cores are the workers').
    """
    from tqdm import tqdm

    if store_memory is not None and hasattr(store, "set_memory_limit"):
        store.set_memory_limit(store_memory)
        if processes > 1 or pool is not None:
            # the writer parses nothing: its big blocks are DuckDB's (not set where spaCy runs, whose cost
            # there is not settled: docs/scale.md, memory round 10)
            from .store.duckdb import map_big_blocks

            map_big_blocks()

    counts = _Counts()
    run_id = uuid.uuid4().hex[:12]
    ckpt = Checkpoint(checkpoint) if checkpoint is not None else None
    skips: list[SkipRecord] = []
    worker_model = model if model is not None else getattr(getattr(pipe, "settings", None), "model", None)
    if recycle_every is not None and recycle_every < 1:
        raise ValueError(f"recycle_every must be at least 1 or None, not {recycle_every}")
    recycle = recycle_every if store_memory is not None and hasattr(store, "recycle") else None

    def articles() -> Iterator[Article]:
        for item in inputs:
            if isinstance(item, SkipRecord):
                counts.skipped[item.reason] = counts.skipped.get(item.reason, 0) + 1
                skips.append(item)
                continue
            counts.read += 1
            if ckpt is not None and item.id in ckpt:
                counts.resumed += 1
                bar.update(1)
                continue
            if item.date is None and date is None:
                counts.undated += 1
            yield item

    bar = tqdm(
        total=total,
        unit=" articles",
        disable=not progress,
        file=sys.stderr,
        dynamic_ncols=True,
        smoothing=0.1,
        desc="coding",
    )
    own_pool: CodingPool | None = None
    buffer: list[Article] = []
    prepared: list[Any] = []  # a batch of PreparedBatch chunks from the workers, merged at the flush

    def committed(res: Any, ids: list[str], n: int) -> None:
        counts.events += res.events_written
        counts.articles_new += res.articles_new
        counts.articles_updated += res.articles_updated
        counts.coded += n
        if ckpt is not None:
            ckpt.add(ids)
        bar.update(n)
        counts.commits += 1
        if recycle and counts.commits % recycle == 0:
            store.recycle()
        if on_batch is not None:
            on_batch(counts.coded)

    writer: _WriteBehind | None = None
    parsing: Generator[Article, None, None] | None = None

    def write_batch(coded: list[Article], batch_skips: list[SkipRecord]) -> None:
        if coded:
            res = store.write_articles(coded, coder=pipe.version)
            committed(res, [a.id for a in coded], len(coded))
        if batch_skips:
            store.write_skips(batch_skips, run_id=run_id)

    def flush() -> None:
        if writer is not None:
            coded, batch_skips = list(buffer), _take(skips)
            buffer.clear()
            if coded or batch_skips:
                writer.submit(functools.partial(write_batch, coded, batch_skips))
            return
        if buffer:
            ids = [a.id for a in buffer]
            res = store.write_articles(buffer, coder=pipe.version)
            buffer.clear()
            committed(res, ids, len(ids))
        if prepared:
            merged = prepared[0]
            for part in prepared[1:]:
                merged.extend(part)
            prepared.clear()
            committed(store.write_prepared(merged), list(merged.ids), len(merged))
        if skips:
            store.write_skips(_take(skips), run_id=run_id)

    threads_before: int | None = None
    own_threads = (processes > 1 or pool is not None) and hasattr(store, "set_threads")
    if own_threads:
        threads_before = store.threads
        store.set_threads(1)
    started = time.perf_counter()
    try:
        if processes > 1 and pool is None:
            own_pool = pool = CodingPool(processes, model=worker_model)
        # a batch's chunks more in flight: the workers go on coding while this process writes
        ahead = -(-batch // pool.chunk) if pool is not None else 0
        if pool is not None and hasattr(store, "write_prepared"):
            # Workers code and build the rows; the parent only reads the input and inserts.
            held = 0
            for part in pool.prepare(articles(), coder=pipe.version, date=date, ahead=ahead):
                if prepared and any(p.overlaps(part) for p in prepared):
                    flush()  # a repeated article id: its later copy goes in the next transaction
                    held = 0
                prepared.append(part)
                held += len(part)
                if held >= batch:
                    flush()
                    held = 0
        else:
            if pool is None and write_behind:
                writer = _WriteBehind()
            if pool is not None:
                coded = pool.code(articles(), date=date, ahead=ahead)
            elif parse_ahead:
                coded = parsing = _parse_ahead(pipe, articles(), date)
            else:
                coded = _in_process(pipe, articles(), date)
            for article in coded:
                buffer.append(article)
                if len(buffer) >= batch:
                    flush()
        flush()
        if writer is not None:
            writer.close()  # every batch written and checkpointed, or the first write's error raised
    except BaseException:
        if parsing is not None:
            parsing.close()  # the parse thread stops after spaCy's current batch and is joined
        if own_pool is not None:
            own_pool.terminate()
            own_pool = None
        if writer is not None:
            # what was handed over is written (or fails) before the run stops; the error raised is the one
            # that stopped it
            with contextlib.suppress(BaseException):
                writer.close()
        raise
    finally:
        bar.close()
        if own_pool is not None:
            own_pool.close()
        if ckpt is not None:
            ckpt.close()
        if own_threads:
            with contextlib.suppress(StoreError):  # a store closed meanwhile keeps no setting
                store.set_threads(threads_before)
    seconds = time.perf_counter() - started
    return {
        "read": counts.read,
        "skipped": sum(counts.skipped.values()),
        "skipped_by_reason": dict(sorted(counts.skipped.items())),
        "resumed": counts.resumed,
        "undated": counts.undated,
        "coded": counts.coded,
        "events": counts.events,
        "articles_new": counts.articles_new,
        "articles_updated": counts.articles_updated,
        "seconds": round(seconds, 3),
        "articles_per_s": round(counts.coded / seconds, 2) if seconds > 0 else 0.0,
        "run_id": run_id,
    }


def _take(items: list[SkipRecord]) -> list[SkipRecord]:
    """The items of ``items`` so far, removed from it; one appended meanwhile (by the parse thread) stays."""
    taken = items[: len(items)]
    del items[: len(taken)]
    return taken


def _in_process(pipe: Any, articles: Iterable[Article], date: _dt.date | None) -> Iterator[Article]:
    for article in pipe.process(articles, date=date):
        yield _slim(article)


_DONE = object()  # the parse thread's last item


def _parse_ahead(
    pipe: Any, articles: Iterable[Article], date: _dt.date | None, *, ahead: int = 64
) -> Generator[Article, None, None]:
    """``_in_process`` with the parsing on a thread of its own: the same articles coded in the same order, by the
    calling thread, while spaCy parses the next ones (spaCy releases the GIL for most of its work, so the coder's
    Python runs beside it on another core). At most ``ahead`` parsed articles wait. The parse thread also reads
    ``articles``. An error there (a bad input, the model) is raised here, in order, after the articles parsed
    before it; when the caller stops (an error, ``close``), the thread stops after spaCy's current batch and is
    joined before this returns."""
    parsed: queue.Queue[Any] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                parsed.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def parse() -> None:
        try:
            for article in pipe.nlp.parse_many(articles):
                if not put(article):
                    return
        except BaseException as exc:  # handed to the coding thread, raised there
            put(_Raised(exc))
            return
        put(_DONE)

    thread = threading.Thread(target=parse, name="tieline-parser", daemon=True)
    thread.start()
    try:
        while True:
            item = parsed.get()
            if item is _DONE:
                return
            if isinstance(item, _Raised):
                raise item.exc
            pipe.code_parsed(item, date=date)
            yield _slim(item)
    finally:
        stop.set()
        thread.join()


@dataclass
class _Raised:
    exc: BaseException
