"""Pairwise merge precision and recall of tieline.dedup on the labelled set of reports.

Codes every report with the real pipeline (tieline.load().process), clusters the events into happenings
and compares article pairs with the gold cluster ids: a pair is merged when the two reports share a
happening.

With ``--store`` the same reports are also written one at a time into an in-memory DuckDB store and
scored from its happenings (the incremental dedup that ingest runs).

Usage: python scripts/eval_dedup.py [LABELLED.jsonl] [--json] [--errors] [--store]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import tieline
from tieline.dedup.labelled import evaluate_labelled, read_labelled
from tieline.errors import TielineError

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "dedup" / "reports.jsonl"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    try:
        rows = read_labelled(path)
        result = evaluate_labelled(rows, tieline.load())
    except TielineError as exc:
        print(exc.one_line(), file=sys.stderr)
        return 1
    s = result.scores
    figures = {
        "reports": result.reports,
        "gold_clusters": len(set(result.gold.values())),
        "events": len(result.events),
        "happenings": len(result.happenings),
        "reports_without_events": len(result.without_events),
        "gold_pairs": s.gold_pairs,
        "predicted_pairs": s.predicted_pairs,
        "true_pairs": s.true_pairs,
        "precision": round(s.precision, 4),
        "recall": round(s.recall, 4),
        "f1": round(s.f1, 4),
    }
    if "--store" in argv:
        from tieline.dedup.labelled import evaluate_in_store
        from tieline.store import open_store

        with open_store(":memory:") as store:
            inc = evaluate_in_store(rows, tieline.load(), store, batch=1)
        figures["store_precision"] = round(inc.precision, 4)
        figures["store_recall"] = round(inc.recall, 4)
        figures["store_true_pairs"] = inc.true_pairs
        figures["store_predicted_pairs"] = inc.predicted_pairs
    if "--json" in argv:
        print(json.dumps(figures, indent=2))
    else:
        for k, v in figures.items():
            print(f"{k:24} {v}")
    if "--errors" in argv:
        text = {r["id"]: r["text"] for r in rows}
        print("\nfalse merges:")
        for a, b in s.false_merges:
            print(f"  {a} [{result.gold[a]}] {text[a]}\n  {b} [{result.gold[b]}] {text[b]}\n")
        print("missed merges:")
        for a, b in s.missed_merges:
            print(f"  {a} [{result.gold[a]}] {text[a]}\n  {b} [{result.gold[b]}] {text[b]}\n")
        print("reports without events:", ", ".join(result.without_events) or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
