"""Bounded load test of ``tieline serve`` on 127.0.0.1 (a benchmark, not a test).

Builds a DuckDB store of synthetic events (or takes ``--db``, e.g. the 1,000,000-event file that
``scripts/bench_store.py --duckdb PATH`` leaves), starts ``tieline serve`` on 127.0.0.1 in a subprocess
(``--workers`` processes), runs ``--clients`` concurrent clients for ``--seconds`` on the events and dyad
endpoints, and prints request count, errors and p50/p99 latencies, overall and per endpoint. The
codes come from the store's own top dyads. Examples::

    .venv/bin/python scripts/load_test.py --events 200000 --seconds 30
    .venv/bin/python scripts/bench_store.py --events 1000000 --backends duckdb --duckdb tmp/1m.duckdb
    .venv/bin/python scripts/load_test.py --db tmp/1m.duckdb --clients 32 --seconds 30 --workers 2
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from tieline.model import Actor, Article, Event, Evidence
from tieline.store import open_store

CODES = ["USA", "CHN", "RUS", "KEN", "SOM", "JPN", "PHL", "IND", "PAK", "FRA", "GBR", "ETH", "ISR", "IRN"]


def build(path: str, n_events: int, per_article: int = 10) -> float:
    t0 = time.monotonic()
    rnd = random.Random(7)
    text = "Alpha met Bravo in the capital on Tuesday, officials said."
    with open_store(path) as store:
        batch: list[Article] = []
        for a in range(n_events // per_article):
            art = Article.create(text, id=f"a{a}", date=f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}")
            evs = []
            for k in range(per_article):
                x, y = rnd.sample(CODES, 2)
                evs.append(Event(
                    id=f"e{a}-{k}", article_id=art.id, date=str(art.date), event="CONSULT", mode="", context=[],
                    cameo="040", goldstein=1.0, quad=1, actor=[Actor("Alpha", 0, 5, x, x, None, "state", x)],
                    recipient=[Actor("Bravo", 10, 15, y, y, None, "state", y)], location=None,
                    modality="asserted", confidence=0.8, evidence=Evidence(text, 0, len(text),
                    {"text": "met", "start": 6, "end": 9}), reason="synthetic", coder="load"))  # fmt: skip
            art.events = evs
            batch.append(art)
            if len(batch) >= 2000:
                store.write_articles(batch, coder="load")
                batch.clear()
        if batch:
            store.write_articles(batch, coder="load")
        print("store:", store.counts(), flush=True)
    return time.monotonic() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=1, help="tieline serve --workers")
    ap.add_argument("--db", help="an existing store (skips building)")
    args = ap.parse_args()
    if not 1 <= args.clients <= 256 or not 0 < args.seconds <= 600:
        ap.error("the load is bounded: 1-256 clients, at most 600 s")
    db = args.db or str(Path(tempfile.mkdtemp()) / "load.duckdb")
    if not args.db:
        print(f"built {args.events} events in {build(db, args.events):.0f} s", flush=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "tieline.cli", "serve", "--db", db, "--port", str(port),
                               "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/v1/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        top = httpx.get(base + "/api/v1/dyads?limit=30", timeout=120).json()["items"]
        codes = sorted({d["a"] for d in top} | {d["b"] for d in top}) or CODES
        total = httpx.get(base + "/api/v1/health", timeout=60).json()["counts"]["events"]
        print(f"store: {total:,} events; codes {', '.join(codes)}", flush=True)

        def pair(r: random.Random) -> tuple[str, str]:
            a, b = r.sample(codes, 2)
            return a, b

        paths = [("events page", lambda r: f"/api/v1/events?limit=50&offset={r.randrange(0, 5000)}"),
                 ("events dyad=", lambda r: "/api/v1/events?dyad={}-{}&limit=50".format(*pair(r))),
                 ("events actor=", lambda r: f"/api/v1/events?actor={r.choice(codes)}&limit=50"),
                 ("dyads", lambda r: "/api/v1/dyads?limit=20"),
                 ("dyad timeline", lambda r: "/api/v1/dyads/{}/{}/timeline?by=month".format(*pair(r)))]  # fmt: skip
        lat: list[float] = []
        per: dict[str, list[float]] = {name: [] for name, _ in paths}
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def worker(i: int) -> None:
            r = random.Random(i)
            mine: list[tuple[str, float]] = []
            bad: list[str] = []
            with httpx.Client(base_url=base, timeout=120) as c:
                while time.monotonic() < stop:
                    name, make = r.choice(paths)
                    p = make(r)
                    t = time.perf_counter()
                    try:
                        resp = c.get(p)
                        if resp.status_code != 200:
                            bad.append(f"{resp.status_code} {p}")
                    except httpx.HTTPError as exc:
                        bad.append(f"{type(exc).__name__} {p}")
                    mine.append((name, time.perf_counter() - t))
            with lock:
                for name, x in mine:
                    lat.append(x)
                    per[name].append(x)
                errors.extend(bad)

        t0 = time.monotonic()
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0  # the last requests finish after the deadline

        def p50_p99(xs: list[float]) -> str:
            xs = sorted(xs)
            if len(xs) < 2:
                return f"n={len(xs)}"
            q = statistics.quantiles(xs, n=100, method="inclusive")
            return f"p50 {q[49] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms, max {xs[-1] * 1000:.0f} ms"

        print(f"{args.clients} clients, {args.seconds:.0f} s (wall {wall:.1f} s), {args.workers} worker(s): "
              f"{len(lat)} requests ({len(lat) / wall:.1f}/s), errors {len(errors)}, {p50_p99(lat)}")  # fmt: skip
        for name, xs in per.items():
            print(f"  {name:14s} {len(xs):6d} requests, {p50_p99(xs)}")
        if errors:
            print("first errors:", errors[:5])
            sys.exit(1)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
