"""Peak memory of a streamed ingest against input size: does it grow with the input?

    .venv/bin/python scripts/bench_memory.py --sizes 1000 20000 --processes 2
    .venv/bin/python scripts/bench_memory.py --sizes 20000 --every 1000      # one run, the curve
    .venv/bin/python scripts/bench_memory.py --sizes 1000 20000 --writer-only

Full mode: for each size, a fresh Python process writes the seeded corpus to a JSONL file, then runs
``tieline.runner.run_ingest`` over ``read_paths([file])`` (a generator: the file is never held in
memory) into a new DuckDB store with the writer's memory cap (``WRITER_MEMORY``, as ``tieline run``),
and reports the peak RSS of the main process, of the workers and of the whole tree (sampled by psutil
every 0.1 s). With ``--every K`` it also prints the peak so far after every K articles, so one run
gives the curve (and a run cut short still says how far memory had got), and the main process's peak
and low within each K articles and its RSS at the mark (a rise of the low is memory kept; of the peak
alone, a bigger transient).

Writer-only mode (``--writer-only``): the part that grew. 64 generated articles are coded once; then
the run writes relabelled copies of their rows (new article and event ids, dates moved as the corpus
moves them: copy k stands for articles 64k..64k+63, dated day i mod 366) through
``store.write_prepared`` in batches of 64 with dedup at write, exactly as the parent of a
``--processes`` run does (its big blocks mapped on their own, DuckDB on one thread; ``--no-dedup``:
without the dedup step), with no spaCy in the loop. Each
mark also prints the candidate happenings and member events the last batch read (and the most of any
batch since the last mark), DuckDB's own memory (``duckdb_memory()``) and glibc's heap (``mallinfo2``: in
use, free inside it, mapped on its own; also right after each recycle). Like ``run_ingest`` with a cap,
it recycles the store's connection after every ``--recycle-every`` commits (``DuckDBStore.recycle``; 0:
never) and prints the last recycle's time and the RSS after it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tieline.runner import RECYCLE_EVERY

CHILD = r"""
import json, sys, time
from tieline.bench import PeakMemory, write_corpus
from tieline.ingest import read_paths
from tieline.pipeline import load
from tieline.runner import WRITER_MEMORY, run_ingest
from tieline.store import open_store

import logging

raises = []  # the writer's cap raises (DuckDBStore logs each, with the error that asked for it)


class _Raises(logging.Handler):
    def emit(self, record):
        if "memory cap raised" in record.getMessage():
            raises.append(record.getMessage())


logging.getLogger("tieline.store").addHandler(_Raises())
logging.getLogger("tieline.store").setLevel(logging.INFO)
n, processes, tmp, every = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
WRITER_MEMORY = sys.argv[5] or WRITER_MEMORY
per_day = int(sys.argv[6]) or None
recycle = int(sys.argv[7]) or None
src = write_corpus(f"{tmp}/corpus-{n}.jsonl", n, seed=1, per_day=per_day)
pipe = load()
t0 = time.perf_counter()
marks = [every * k for k in range(1, n // every + 1)] if every else []

def art_mib(store):
    # DuckDB's ART indexes (its primary keys): the memory it cannot evict, which grows with the store
    rows = store.con.execute("SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'ART_INDEX'").fetchall()
    return round(sum(b for (b,) in rows) / 2**20, 1)


writing = [0.0, 0, 0]  # seconds in the store's writes since the last mark, how many, and the depth
import psutil, threading
ME = psutil.Process()
window = [0.0, float("inf")]  # the main process's highest and lowest RSS sampled since the last mark


def _window():
    while True:
        rss = ME.memory_info().rss / 2**20
        window[0], window[1] = max(window[0], rss), min(window[1], rss)
        time.sleep(0.1)


threading.Thread(target=_window, daemon=True).start()


with PeakMemory() as mem, open_store(f"{tmp}/mem-{n}.duckdb") as store:
    for name in ("write_prepared", "write_articles"):  # time the writer (the pool's path, the in-line one)
        def timed(*a, _f=getattr(store, name), **k):
            writing[2] += 1  # write_articles calls write_prepared: count the outer call only
            w0 = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                writing[2] -= 1
                if writing[2] == 0:
                    writing[0] += time.perf_counter() - w0
                    writing[1] += 1
        setattr(store, name, timed)

    def on_batch(done):
        while marks and done >= marks[0]:
            marks.pop(0)
            print(json.dumps({"at": done, "seconds": round(time.perf_counter() - t0, 1),
                              "peak_main_rss_mib": round(mem.main_mib, 1),
                              "peak_children_rss_mib": round(mem.children_mib, 1),
                              "peak_tree_rss_mib": round(mem.tree_mib, 1),
                              # the main process in this mark's window alone: its peak and its low, and now
                              "main_window_peak_mib": round(window[0], 1),
                              "main_window_low_mib": round(window[1], 1),
                              "main_rss_mib": round(ME.memory_info().rss / 2**20, 1),
                              "duckdb_cap_mib": round(store.memory_limit_mib or 0),
                              "art_index_mib": art_mib(store), "cap_raises": list(raises),
                              "writes": writing[1],
                              "write_s_mean": round(writing[0] / writing[1], 3) if writing[1] else None}),
                  flush=True)
            raises.clear()
            writing[:2] = [0.0, 0]
            window[:] = [0.0, float("inf")]
    s = run_ingest(read_paths([src]), store, pipe, processes=processes, batch=64,
                   store_memory=WRITER_MEMORY, on_batch=on_batch, recycle_every=recycle)
secs = time.perf_counter() - t0
print(json.dumps({"articles": n, "processes": processes, "seconds": round(secs, 1),
                  "articles_per_s": round(n / secs, 2), "events": s["events"],
                  "peak_tree_rss_mib": round(mem.tree_mib, 1), "peak_main_rss_mib": round(mem.self_mib, 1),
                  "peak_children_rss_mib": round(mem.children_mib, 1), "store_memory": WRITER_MEMORY,
                  "recycle_every": recycle}))
"""

WRITER = r"""
import contextlib, ctypes, dataclasses, datetime as dt, gc, json, logging, sys, time, tracemalloc
import psutil
from tieline.bench import PeakMemory, generate_corpus
from tieline.pipeline import load
from tieline.runner import WRITER_MEMORY, code_articles
from tieline.store import open_store
from tieline.store import _happenings as hp
from tieline.store import duckdb as sd
from tieline.store._sql import prepare_batch

n, tmp, every, dedup, trace = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5] == "1"
WRITER_MEMORY = sys.argv[6] or WRITER_MEMORY
per_day = int(sys.argv[7]) or None
recycle = int(sys.argv[8]) or None
pipe = load()
# articles 0..63 dated as the corpus dates them (packed: days 0..63; a stream of D a day: day j // D), then
# moved by each copy (exact where D divides 64 or 64 divides D)
base = code_articles(pipe, generate_corpus(64, seed=1, per_day=per_day))
template = prepare_batch(base, coder=pipe.version)
del pipe, base
events_per_batch = len(template.event_rows)
DAY = dt.timedelta(days=1)
ME = psutil.Process()


def rss():
    return round(ME.memory_info().rss / 2**20, 1)


# the attribution probe: RSS at the steps of one write (the dedup read, the happenings' insert, the
# commit), DuckDB's memory by tag, the cap and its raises, the Python heap; printed at each mark
probe = {}
raises = []


class _Raises(logging.Handler):
    def emit(self, record):
        raises.append(record.getMessage())


logging.getLogger("tieline.store").addHandler(_Raises())
logging.getLogger("tieline.store").setLevel(logging.INFO)
_stored, _write, _room = hp._Io.stored, hp._Io.write, sd.DuckDBStore._commit_room


# the sampled peak of each step, the most over the batches since the last mark: PeakMemory's running
# maximum is read and reset at each step's end (a step shorter than the 0.1 s sampling interval shows
# in the next); `overall` keeps the run's peak
overall = [0.0]
steps = {}


def step(name):
    if "mem" in globals():
        peak = mem.main_mib
        overall[0] = max(overall[0], peak)
        mem.main_mib = 0.0
        steps[f"peak_{name}"] = round(max(peak, steps.get(f"peak_{name}", 0.0)), 1)


def stored(self, *a, **k):
    step("to_dedup_read")
    probe["rss_before_dedup_read"] = rss()
    out = _stored(self, *a, **k)
    probe["rss_after_dedup_read"] = rss()
    step("dedup_read")
    return out


def write(self, *a, **k):
    out = _write(self, *a, **k)
    probe["rss_after_insert"] = rss()
    step("cluster_and_insert")
    return out


@contextlib.contextmanager
def room(self):
    step("to_commit")
    with _room(self):
        yield
    probe["rss_after_commit"] = rss()
    step("commit")


hp._Io.stored, hp._Io.write, sd.DuckDBStore._commit_room = stored, write, room


def shift(value, days):
    # an ISO date (day, month or year precision) moved by whole days; a day-precision date only
    if isinstance(value, dt.date):
        return value + days * DAY
    if isinstance(value, str) and len(value) == 10:
        return (dt.date.fromisoformat(value) + days * DAY).isoformat()
    return value


def relabel(batch, k):
    # new article and event ids, and dates moved as the corpus moves them (copy k of articles 0..63
    # stands for articles 64k..64k+63: packed into one year, article i is dated day i mod 366; a stream
    # of D a day, day i // D), every other value as coded
    days = (64 * k) // per_day if per_day else (64 * k) % 366
    aid = {a: f"{a}-{k}" for a in template.ids}
    eid = {e: f"{e}-{k}" for e in template.event_ids}
    out = dataclasses.replace(batch, ids=[aid[a] for a in batch.ids], event_ids=[eid[e] for e in batch.event_ids])
    out.article_rows = [(aid[r[0]], *r[1:]) for r in batch.article_rows]
    out.mention_rows = [(aid[r[0]], *r[1:]) for r in batch.mention_rows]
    rows = []
    for r in batch.event_rows:
        rec = json.loads(r[-1])
        rec["id"], rec["article_id"], rec["date"] = eid[r[0]], aid[r[1]], shift(rec.get("date"), days)
        rows.append((eid[r[0]], aid[r[1]], shift(r[2], days), *r[3:-1], json.dumps(rec)))
    out.event_rows = rows
    out.actor_rows = [(eid[r[0]], aid[r[1]], *r[2:]) for r in batch.actor_rows]
    return out


class _MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                               "fsmblks", "uordblks", "fordblks", "keepcost")]


_libc = ctypes.CDLL(None)
if hasattr(_libc, "mallinfo2"):
    _libc.mallinfo2.restype = _MallInfo2


def heap():
    # glibc's main heap: in use, free inside it, and the blocks mapped on their own (None without glibc)
    if not hasattr(_libc, "mallinfo2"):
        return None
    m = _libc.mallinfo2()
    return {"in_use_mib": round(m.uordblks / 2**20, 1), "free_mib": round(m.fordblks / 2**20, 1),
            "mapped_mib": round(m.hblkhd / 2**20, 1), "mapped_blocks": m.hblks}


def duck_tags(store):
    rows = store.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0").fetchall()
    return {tag: round(b / 2**20, 1) for tag, b in rows}


t0 = time.perf_counter()
with PeakMemory() as mem, open_store(f"{tmp}/w-{n}.duckdb") as store:
    store.set_memory_limit(WRITER_MEMORY)
    sd.map_big_blocks()  # as run_ingest sets up the parent of a pooled run
    store.set_threads(1)
    cap = store.memory_limit_mib
    done = 0
    worst = {"happenings_read": 0, "members_read": 0}
    for k in range(n // 64):
        mark = bool(every) and (done + 64) % every < 64
        step("between")
        probe.clear()
        if mark and trace:
            tracemalloc.start()
        rss_before = rss()
        w0 = time.perf_counter()
        res = store.write_prepared(relabel(template, k), dedup=dedup)
        write_s = time.perf_counter() - w0
        step("after_commit")
        if recycle and (k + 1) % recycle == 0:  # as run_ingest does after every `recycle` commits
            r0 = time.perf_counter()
            store.recycle()
            probe["recycle_s"] = round(time.perf_counter() - r0, 3)
            probe["rss_after_recycle"] = rss()
            probe["heap_after_recycle"] = heap()
        heap_peak = None
        if mark and trace:
            heap_peak = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
            tracemalloc.stop()
        for key in worst:
            worst[key] = max(worst[key], getattr(res, key))
        done += 64
        if store.memory_limit_mib != cap:  # raised by a write (logged) or by the commit's set-back
            raises.append(f"{cap:.0f} -> {store.memory_limit_mib:.0f} MiB at {done} articles")
            cap = store.memory_limit_mib
        if mark:
            step("mark")
            duck = duck_tags(store)
            print(json.dumps({"at": done, "seconds": round(time.perf_counter() - t0, 1),
                              "peak_main_rss_mib": round(overall[0], 1),
                              "batch_happenings_read": res.happenings_read, "batch_members_read": res.members_read,
                              "batch_shapes_read": getattr(res, "shapes_read", res.members_read),
                              "max_happenings_read": worst["happenings_read"], "max_members_read": worst["members_read"],
                              "write_s": round(write_s, 2), "rss_before_write": rss_before, **probe, **steps,
                              "rss_after_write": rss(),
                              "duckdb_memory_mib": round(sum(duck.values()), 1), "duckdb_tags_mib": duck,
                              "duckdb_cap_mib": round(store.memory_limit_mib or 0), "cap_raises": list(raises),
                              "python_heap_peak_mib": heap_peak, "c_heap": heap(), "gc_objects": len(gc.get_objects())}), flush=True)
            worst = {key: 0 for key in worst}
            raises.clear()
            steps.clear()
    counts = store.counts()
    happenings = store.dedup_counts()["happenings"]
secs = time.perf_counter() - t0
print(json.dumps({"writer_only": True, "dedup": dedup, "articles": done, "events": counts["events"],
                  "happenings": happenings, "events_per_batch": events_per_batch, "seconds": round(secs, 1),
                  "peak_main_rss_mib": round(max(overall[0], mem.main_mib), 1), "store_memory": WRITER_MEMORY,
                  "recycle_every": recycle}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--every", type=int, default=0, help="print the peak so far every K articles")
    ap.add_argument("--writer-only", action="store_true", help="time the store writer alone (no spaCy)")
    ap.add_argument("--no-dedup", action="store_true", help="writer-only: write without the dedup step")
    ap.add_argument("--trace", action="store_true", help="writer-only: tracemalloc peak of each mark's batch")
    ap.add_argument(
        "--db-memory", default="", help="the writer's DuckDB cap (default: tieline run's --db-memory)"
    )
    ap.add_argument(
        "--per-day",
        type=int,
        default=0,
        help="date the corpus as a stream of this many articles a day (default 0: packed into one year, "
        "article i on day i mod 366, so the more articles the more a day)",
    )
    ap.add_argument(
        "--recycle-every",
        type=int,
        default=RECYCLE_EVERY,
        help="reopen the store's connection after every K commits, as run_ingest does (0: never)",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tieline-mem-") as tmp:
        for n in args.sizes:
            t0 = time.time()
            if args.writer_only:
                cmd = [
                    sys.executable,
                    "-c",
                    WRITER,
                    str(n),
                    tmp,
                    str(args.every),
                    "0" if args.no_dedup else "1",
                    "1" if args.trace else "0",
                    args.db_memory,
                    str(args.per_day),
                    str(args.recycle_every),
                ]
            else:
                cmd = [
                    sys.executable,
                    "-c",
                    CHILD,
                    str(n),
                    str(args.processes),
                    tmp,
                    str(args.every),
                    args.db_memory,
                    str(args.per_day),
                    str(args.recycle_every),
                ]
            with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
                assert proc.stdout is not None
                last = ""
                for line in proc.stdout:  # the curve as it comes, then the summary line
                    last = line.strip()
                    if last.startswith('{"at"'):
                        print(last, flush=True)
            if proc.returncode != 0:
                sys.exit(f"the run of {n} articles failed (exit {proc.returncode})")
            print(json.dumps({**json.loads(last), "wall_s": round(time.time() - t0, 1)}), flush=True)
            for f in Path(tmp).glob("*"):
                shutil.rmtree(f) if f.is_dir() else f.unlink()  # DuckDB's spill folder too


if __name__ == "__main__":
    main()
