"""Fit the confidence calibration (events/data/confidence.yaml) on the development sets.

Usage: python scripts/fit_confidence.py [EVAL_DIR] [--write] [--json]

Codes ``plover_gsr`` and ``cameo_manual`` (from ``../shared/eval/``, never copied) with the calibration
switched off, so each event's confidence is the coder's raw score. For every sentence with an event it
takes the main event as the protocol defines it (highest score, ties: earliest) and whether it is right
(PLOVER type for plover_gsr, PentaClass for cameo_manual), then fits p = 1 / (1 + exp(-(a * score + b)))
by maximum likelihood (Newton's method; two parameters, a monotone map, so the main event never
changes). It prints the calibration error (ECE, 10 equal-width bins, as ``tieline eval``) before and
after, and a two-fold check: fitted on one set, measured on the other. ``--write`` stores a, b and these
figures in ``src/tieline/events/data/confidence.yaml``.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

import tieline
from tieline.evaluation.protocol import PLOVER_V2_NAMES, calibration, load_jsonl, main_event, penta_of
from tieline.evaluation.runner import default_eval_dir
from tieline.model import Article

DATA = Path(__file__).resolve().parents[1] / "src" / "tieline" / "events" / "data" / "confidence.yaml"
Pair = tuple[float, bool]


def _type(ev: dict[str, Any]) -> str:
    t = str(ev.get("event") or "").upper()
    return PLOVER_V2_NAMES.get(t, t)


def collect(eval_dir: Path) -> dict[str, list[Pair]]:
    """(raw score of the main event, main event right) per set."""
    pipe = tieline.load()
    pipe.coder.calibration = None  # confidence = the raw score
    out: dict[str, list[Pair]] = {}
    for name, right in (
        ("plover_gsr", lambda ev, r: _type(ev) == str(r["event"]).upper()),
        ("cameo_manual", lambda ev, r: penta_of(ev.get("cameo")) == int(r["penta"])),
    ):
        recs = load_jsonl(eval_dir / f"{name}.jsonl")
        arts = [Article.create(r["text"], id=str(r["id"])) for r in recs]
        events = {a.id: [e.to_dict() for e in a.events] for a in pipe.process(arts)}
        pairs: list[Pair] = []
        for r in recs:
            ev = main_event(events.get(str(r["id"]), []))
            if ev is not None:
                pairs.append((float(ev["confidence"]), bool(right(ev, r))))
        out[name] = pairs
    return out


def fit(pairs: list[Pair], iters: int = 50) -> tuple[float, float]:
    """Maximum-likelihood logistic fit of correctness on the score (Newton's method, tiny ridge)."""
    a, b = 1.0, 0.0
    for _ in range(iters):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in pairs:
            p = 1.0 / (1.0 + math.exp(-(a * x + b)))
            g = p - float(y)
            w = p * (1.0 - p)
            ga += g * x
            gb += g
            haa += w * x * x
            hab += w * x
            hbb += w
        haa += 1e-6
        hbb += 1e-6
        det = haa * hbb - hab * hab
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) < 1e-9 and abs(db) < 1e-9:
            break
    return a, b


def apply(pairs: list[Pair], a: float, b: float) -> list[Pair]:
    return [(round(1.0 / (1.0 + math.exp(-(a * x + b))), 3), y) for x, y in pairs]


def main(argv: list[str]) -> int:
    args = [x for x in argv if not x.startswith("--")]
    eval_dir = Path(args[0]) if args else default_eval_dir()
    if eval_dir is None or not eval_dir.is_dir():
        print("error: evaluation folder not found (../shared/eval)", file=sys.stderr)
        return 1
    sets = collect(eval_dir)
    pooled = sets["plover_gsr"] + sets["cameo_manual"]
    a, b = fit(pooled)
    if a <= 0:
        print(
            f"error: the fitted slope {a:.3f} is not positive: the score does not rank correctness",
            file=sys.stderr,
        )
        return 1
    pa, pb = fit(sets["plover_gsr"])
    ca, cb = fit(sets["cameo_manual"])
    report = {
        "n": len(pooled),
        "a": round(a, 4),
        "b": round(b, 4),
        "ece_raw": round(calibration(pooled)["ece"], 4),
        "ece_fitted": round(calibration(apply(pooled, a, b))["ece"], 4),
        "ece_cameo_fitted_on_plover": round(calibration(apply(sets["cameo_manual"], pa, pb))["ece"], 4),
        "ece_plover_fitted_on_cameo": round(calibration(apply(sets["plover_gsr"], ca, cb))["ece"], 4),
        "accuracy": round(sum(y for _, y in pooled) / len(pooled), 4),
        "date": _dt.date.today().isoformat(),
    }
    if "--json" in argv:
        print(json.dumps(report, indent=2))
    else:
        for k, v in report.items():
            print(f"{k:28} {v}")
    if "--write" in argv:
        text = DATA.read_text(encoding="utf-8")
        head = text[: text.index("\ncalibration:") + 1]
        fit_items = ", ".join(f"{k}: {json.dumps(v)}" for k, v in report.items() if k not in ("a", "b"))
        new = head + f"calibration:\n  a: {report['a']}\n  b: {report['b']}\nfit: {{{fit_items}}}\n"
        if not re.search(r"\ncalibration:\n  a: ", new):
            print("error: could not rewrite confidence.yaml", file=sys.stderr)
            return 1
        DATA.write_text(new, encoding="utf-8")
        print(f"wrote {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
