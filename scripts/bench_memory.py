"""Peak memory of a streamed ingest at two input sizes: does it grow with the input?

    .venv/bin/python scripts/bench_memory.py --sizes 1000 20000 --processes 2

For each size, a fresh Python process writes the seeded corpus to a JSONL file, then runs
``tieline.runner.run_ingest`` over ``read_paths([file])`` (a generator: the file is never held in
memory) into a new DuckDB store, and reports the peak RSS of the whole process tree (main process and
workers, sampled by psutil) and ``ru_maxrss`` of the main process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, sys, time
from tieline.bench import PeakMemory, write_corpus
from tieline.ingest import read_paths
from tieline.pipeline import load
from tieline.runner import WRITER_MEMORY, run_ingest
from tieline.store import open_store

n, processes, tmp = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
src = write_corpus(f"{tmp}/corpus-{n}.jsonl", n, seed=1)
pipe = load()
t0 = time.perf_counter()
with PeakMemory() as mem, open_store(f"{tmp}/mem-{n}.duckdb") as store:
    s = run_ingest(read_paths([src]), store, pipe, processes=processes, batch=64, store_memory=WRITER_MEMORY)
secs = time.perf_counter() - t0
print(json.dumps({"articles": n, "processes": processes, "seconds": round(secs, 1),
                  "articles_per_s": round(n / secs, 2), "events": s["events"],
                  "peak_tree_rss_mib": round(mem.tree_mib, 1), "peak_main_rss_mib": round(mem.self_mib, 1),
                  "peak_children_rss_mib": round(mem.children_mib, 1), "store_memory": WRITER_MEMORY}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tieline-mem-") as tmp:
        for n in args.sizes:
            t0 = time.time()
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(n), str(args.processes), tmp],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            line = out.stdout.strip().splitlines()[-1]
            print(json.dumps({**json.loads(line), "wall_s": round(time.time() - t0, 1)}), flush=True)
            for f in Path(tmp).glob("*"):
                f.unlink()


if __name__ == "__main__":
    main()
