"""Geolocation figures: gold Location mentions of re3d that resolve to the right country, and the seed article.

    .venv/bin/python scripts/eval_geo.py [--eval-dir ../shared/eval] [--seed-dir ../shared/seed] [-v]

re3d has no gold country, so the country of a sample of gold Location mentions was judged by hand
(``scripts/eval_geo_sample.tsv``, see its header). For each sampled mention the geocoder resolves the
mention text with the document's countries as context (country names and demonyms found in the
document text, most frequent first); the figure is the share whose resolved country equals the hand
judgment (an unresolved mention counts as wrong). Reported over all sampled mentions and over the named
ones (mentions that start with a capital letter, i.e. not "the town", "a hospital").
The seed article: the events' places after :func:`tieline.geo.enrich`, and the Red Sea mention.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

from tieline.geo import Geocoder, countries_in, enrich, load_geocoder

ROOT = Path(__file__).resolve().parents[1]
_CAPS = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,3}")


def doc_countries(gc: Geocoder, text: str) -> list[str]:
    """Countries named in a text (country names and demonyms), most frequent first."""
    names: list[str] = []
    for m in _CAPS.finditer(text):
        words = m.group(0).split()
        names.append(m.group(0))
        names.extend(w for w in words if w != m.group(0))
    return countries_in(gc, names)


def re3d(gc: Geocoder, eval_dir: Path, verbose: bool) -> dict[str, float]:
    docs = {}
    for line in (eval_dir / "re3d_dev_documents.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs[d["id"]] = d
    rows = [
        r
        for r in csv.reader(
            (
                ln
                for ln in (ROOT / "scripts" / "eval_geo_sample.tsv").read_text(encoding="utf-8").splitlines()
                if not ln.startswith("#")
            ),
            delimiter="\t",
        )
    ]
    header, rows = rows[0], rows[1:]
    assert header[:5] == ["doc_id", "start", "end", "mention", "country"], header
    right = named = named_right = resolved = resolved_right = 0
    for doc_id, start, end, mention, want, *_ in rows:
        text = docs[doc_id]["text"]
        assert text[int(start) : int(end)] == mention, (doc_id, start, mention)
        ctx = doc_countries(gc, docs[doc_id].get("title", "") + "\n" + text)
        p = gc.resolve(mention, context_countries=ctx)
        got = p.country if p else None
        ok = got == want
        right += ok
        resolved += p is not None
        resolved_right += p is not None and ok
        if mention[:1].isupper():
            named += 1
            named_right += ok
        if verbose and not ok:
            print(
                f"  miss: {mention!r} want {want} got {got} ({p.name if p else 'unresolved'}; context {ctx[:3]})"
            )
    n = len(rows)
    gold = [json.loads(ln) for ln in (eval_dir / "re3d_dev_entities.jsonl").read_text().splitlines()]
    locs = [m for m in gold if m["type"] == "Location" and m["gold"]]
    any_resolved = sum(1 for m in locs if gc.resolve(m["text"]) is not None)
    return {
        "sample": n,
        "right_country": right / n,
        "named": named,
        "named_right_country": named_right / named if named else 0.0,
        "resolved_share": resolved / n,
        "precision_when_resolved": resolved_right / resolved if resolved else 0.0,
        "all_gold_locations": len(locs),
        "all_gold_resolved_share": any_resolved / len(locs),
    }


def seed(gc: Geocoder, seed_dir: Path) -> dict[str, object]:
    import tieline
    from tieline.ingest import read_paths

    [article] = list(read_paths([sorted(seed_dir.glob("*.txt"))[0]], default_date=dt.date(2024, 1, 24)))
    pipe = tieline.load()
    events = pipe.code(article)
    out: dict[str, object] = {}
    for e in events:
        if e.location is None:
            continue
        ctx = [a.country for a in (*e.actor, *e.recipient) if a.country]
        loc = enrich(e.location, gc, ctx)
        out[f"{e.event} {e.cameo} at {loc.text}"] = (loc.country, loc.kind, loc.precision, loc.lat, loc.lon)
    i = article.text.find("the Red Sea")
    red = (
        gc.resolve(article.text[i : i + len("the Red Sea")], context_countries=["KEN", "USA"])
        if i >= 0
        else None
    )
    out["mention 'the Red Sea'"] = (red.country, red.kind, red.precision, red.lat, red.lon) if red else None
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--seed-dir", type=Path, default=ROOT.parent / "shared" / "seed")
    ap.add_argument("--no-seed", action="store_true", help="skip the seed article (no spaCy)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = ap.parse_args()
    t0 = time.perf_counter()
    gc = load_geocoder()
    print(f"gazetteer {gc.version} loaded in {time.perf_counter() - t0:.1f} s")
    figures = re3d(gc, args.eval_dir, args.verbose)
    print("re3d gold Location mentions (hand-judged sample):")
    for k, v in figures.items():
        print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")
    if not args.no_seed:
        print("seed article:")
        for k, v in seed(gc, args.seed_dir).items():
            print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
