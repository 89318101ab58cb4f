#!/usr/bin/env python
"""The writer's cost per batch, with and without the dedup step (not a test).

    .venv/bin/python scripts/bench_write.py --articles 40 --repeat 9

Codes ``--articles`` generated articles once (the model runs here, once), then writes them with
``store.write_articles`` into a fresh DuckDB store per run, alternating ``dedup=False`` and
``dedup=True``, and prints the medians (and minima) of the CPU seconds of this process (all its
threads) for each: CPU time, because on a machine shared with other jobs wall time mostly measures
the others. This is the write of the one-process ``tieline bench`` run (one batch into a new store).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time

from tieline.bench import generate_corpus
from tieline.pipeline import load
from tieline.runner import WRITER_MEMORY, code_articles
from tieline.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    pipe = load()
    coded = code_articles(pipe, list(generate_corpus(args.articles, seed=args.seed)))
    cpu: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory(prefix="tieline-write-") as tmp:
        for i in range(args.repeat):
            for dedup in (False, True):
                with open_store(f"{tmp}/w-{i}-{dedup}.duckdb") as store:
                    store.set_memory_limit(WRITER_MEMORY)
                    c0 = time.process_time()
                    store.write_articles(coded, coder=pipe.version, dedup=dedup)
                    cpu[dedup].append(time.process_time() - c0)
    out = {
        "articles": len(coded),
        "events": sum(len(a.events) for a in coded),
        "repeat": args.repeat,
        "write_cpu_s_median": round(statistics.median(cpu[False]), 3),
        "write_cpu_s_min": round(min(cpu[False]), 3),
        "write_dedup_cpu_s_median": round(statistics.median(cpu[True]), 3),
        "write_dedup_cpu_s_min": round(min(cpu[True]), 3),
    }
    out["dedup_ms_per_article"] = round(
        1000 * (out["write_dedup_cpu_s_median"] - out["write_cpu_s_median"]) / max(1, len(coded)), 2
    )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
