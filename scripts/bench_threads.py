#!/usr/bin/env python
"""The 1-process run's threads against bare spaCy, every variant in one process (not a test).

    .venv/bin/python scripts/bench_threads.py --articles 100 --repeat 3 [--json]

Each repeat runs, back to back on the same texts: bare spaCy (``nlp.pipe`` of the model as ``spacy.load``
gives it, as ``tieline bench`` does), then ``run_ingest`` into a fresh DuckDB store in line, with the writer
thread (``write_behind``), with the parse thread (``parse_ahead``) and with both. Prints, per variant, the
median wall seconds, the median of the repeats' own ratios (bare over the variant, measured minutes apart at
most) and the ratio of the medians, and the CPU seconds of this process (all its threads): the threads overlap
spaCy's GIL-free work with the coder's and the writer's Python on a second core, so they lower wall time, not
CPU time; on a machine whose cores are busy with other jobs there is nothing to overlap with.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from typing import Any

import spacy

from tieline.bench import _bare_parse, _copy, generate_corpus
from tieline.pipeline import load
from tieline.runner import WRITER_MEMORY, run_ingest
from tieline.store import open_store

VARIANTS: dict[str, dict[str, bool]] = {
    "in line": {},
    "writer thread": {"write_behind": True},
    "parse thread": {"parse_ahead": True},
    "both": {"write_behind": True, "parse_ahead": True},
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = list(generate_corpus(args.articles))
    texts = [a.text for a in docs]
    pipe = load()
    plain = spacy.load(pipe.nlp.model)
    wall: dict[str, list[float]] = {"bare": [], **{k: [] for k in VARIANTS}}
    cpu: dict[str, list[float]] = {"bare": [], **{k: [] for k in VARIANTS}}
    events: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="tieline-threads-") as tmp:
        with open_store(f"{tmp}/warm.duckdb") as store:  # lazy loads out of the timing, as in tieline bench
            run_ingest(_copy(docs[:2]), store, pipe, store_memory=WRITER_MEMORY)
        _bare_parse(plain, texts[:2], 1, pipe.nlp.batch_size)
        for i in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            _bare_parse(plain, texts, 1, pipe.nlp.batch_size)
            wall["bare"].append(time.perf_counter() - t0)
            cpu["bare"].append(time.process_time() - c0)
            for name, opts in VARIANTS.items():
                with open_store(f"{tmp}/{i}-{name}.duckdb") as store:
                    t0, c0 = time.perf_counter(), time.process_time()
                    summary = run_ingest(
                        _copy(docs), store, pipe, batch=args.batch, store_memory=WRITER_MEMORY, **opts
                    )
                    wall[name].append(time.perf_counter() - t0)
                    cpu[name].append(time.process_time() - c0)
                events[name] = int(summary["events"])
            if not args.json:
                print(
                    f"repeat {i + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in wall.items()), flush=True
                )
    out: dict[str, Any] = {"articles": len(docs), "repeat": args.repeat, "events": events, "variants": {}}
    for name in wall:
        row: dict[str, Any] = {
            "wall_seconds": [round(s, 3) for s in wall[name]],
            "cpu_seconds": [round(s, 3) for s in cpu[name]],
            "median_wall": round(statistics.median(wall[name]), 3),
            "median_cpu": round(statistics.median(cpu[name]), 3),
        }
        if name != "bare":
            own = [b / s for b, s in zip(wall["bare"], wall[name], strict=True)]
            row["ratios"] = [round(x, 3) for x in own]
            row["ratio_median_of_repeats"] = round(statistics.median(own), 3)
            row["ratio_of_medians"] = round(
                statistics.median(wall["bare"]) / statistics.median(wall[name]), 3
            )
            row["cpu_ratio_of_medians"] = round(
                statistics.median(cpu["bare"]) / statistics.median(cpu[name]), 3
            )
        out["variants"][name] = row
    if args.json:
        print(json.dumps(out, indent=2))
        return
    for name, row in out["variants"].items():
        extra = (
            f"  ratio {row['ratio_median_of_repeats']:.3f} (median of repeats; of medians "
            f"{row['ratio_of_medians']:.3f}; CPU {row['cpu_ratio_of_medians']:.3f})"
            if name != "bare"
            else ""
        )
        print(f"{name:>14}: {row['median_wall']:7.2f} s wall, {row['median_cpu']:7.2f} s CPU{extra}")
    if len(set(events.values())) != 1:
        raise SystemExit(f"the variants stored different event counts: {events}")


if __name__ == "__main__":
    main()
