"""What dedup at write time costs (a benchmark, not a test): ``write_articles`` with and without it.

Synthetic articles (``bench_store.Synth``: skewed dyads, bursts of dates, 1-6 events an article) are
written in batches of ``--batch`` articles into a fresh store, once with ``dedup=True`` (happenings
assigned in the write transaction) and once with ``dedup=False``; the two runs alternate, ``--repeat``
times, and the medians and their ratio are printed. Timings on a shared machine are noisy: compare
the two sides of one run, not figures taken at different times.

Usage: python scripts/bench_dedup.py [--events 10000] [--batch 64] [--repeat 3] [--db postgresql://...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import Synth, make_article

from tieline.store import open_store


def _fresh(target: str | None, tmp: Path, n: int) -> Any:
    if target is None:
        return open_store(tmp / f"bench{n}.duckdb")
    store = open_store(target)
    store.con.execute(  # type: ignore[attr-defined]
        "TRUNCATE happening_events, happening_parties, happenings, dedup_apart, dedup_log, event_actors,"
        " events, mentions, articles, actors, skips"
    )
    return store


def one_run(
    articles: list[Any], *, dedup: bool, batch: int, target: str | None, tmp: Path, n: int
) -> dict[str, Any]:
    store = _fresh(target, tmp, n)
    try:
        events = 0
        t0 = time.perf_counter()
        for i in range(0, len(articles), batch):
            events += store.write_articles(articles[i : i + batch], coder="bench", dedup=dedup).events_written
        seconds = time.perf_counter() - t0
        counts = store.dedup_counts()
    finally:
        store.close()
    return {"dedup": dedup, "events": events, "seconds": seconds, "events_per_s": events / seconds, **counts}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=64, help="articles per write_articles call")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--db", help="a postgresql:// URL (its tieline tables are emptied); default a DuckDB file"
    )
    args = ap.parse_args(argv)
    articles = [make_article(aid, day, specs) for aid, day, specs in Synth().articles(args.events, "b")]
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):
            for dedup in (True, False) if k % 2 == 0 else (False, True):
                runs.append(
                    one_run(
                        articles, dedup=dedup, batch=args.batch, target=args.db, tmp=Path(tmp), n=len(runs)
                    )
                )
                print(
                    json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in runs[-1].items()}),
                    file=sys.stderr,
                )
    on = statistics.median(r["events_per_s"] for r in runs if r["dedup"])
    off = statistics.median(r["events_per_s"] for r in runs if not r["dedup"])
    last = next(r for r in reversed(runs) if r["dedup"])
    print(
        json.dumps(
            {
                "backend": "postgresql" if args.db else "duckdb",
                "events": last["events"],
                "articles": len(articles),
                "batch": args.batch,
                "repeat": args.repeat,
                "happenings": last["happenings"],
                "events_per_s_dedup": round(on),
                "events_per_s_no_dedup": round(off),
                "ratio": round(on / off, 3),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
