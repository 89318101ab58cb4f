"""Measure the proposed fixes outside spaCy, without editing the library: same corpus, one process.

    .venv/bin/python scripts/bench_patches.py --articles 60 --repeat 3

Runs bare spaCy, the end-to-end run as it is, and the end-to-end run with two patches applied in this
process only (see docs/scale.md, "Profile"):
  1. ``tieline.nlp.parse_doc`` slices ``article.text`` instead of ``doc.text``: spaCy's ``Doc.text`` joins
     every token on each access, and parse_doc read it once per sentence (quadratic in article length);
  2. ``tieline.actors.resolver.norm_key`` memoised (``functools.lru_cache``): it is a pure function of
     the surface string, called for every token and every candidate span.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

ORIGINAL: dict[str, Any] = {}


def patched_parse_doc(doc: Any, article: Any) -> Any:
    from tieline import nlp as nlp_mod
    from tieline.model import Mention, Sentence, Token

    text = article.text  # == doc.text, computed once
    tokens: list[Token] = []
    append = tokens.append
    for t in doc:
        start = t.idx
        tt = t.text
        append(
            Token(
                i=t.i, start=start, end=start + len(tt), text=tt, lemma=t.lemma_, pos=t.pos_, tag=t.tag_,
                dep=t.dep_, head=t.head.i, ent_type=t.ent_type_, ent_iob=t.ent_iob_, ws=bool(t.whitespace_),
            )
        )  # fmt: skip
    article.tokens = tokens
    sentences = []
    for s in doc.sents:
        start_char, end_char = s.start_char, s.end_char
        chunk = text[start_char:end_char]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(
            Sentence(
                start=start_char + lead,
                end=start_char + lead + len(stripped),
                tok_start=s.start,
                tok_end=s.end,
            )
        )
    article.sentences = sentences
    article.mentions = [
        Mention(start=e.start_char, end=e.end_char, text=e.text, label=e.label_, source="ner")
        for e in doc.ents
        if e.label_ in nlp_mod.NER_LABELS
    ]
    return article


def restore() -> None:
    from tieline import nlp as nlp_mod
    from tieline.actors import resolver

    nlp_mod.parse_doc = ORIGINAL["parse_doc"]  # type: ignore[assignment]
    resolver.norm_key = ORIGINAL["norm_key"]  # type: ignore[assignment]


def apply_patches() -> None:
    from tieline import nlp as nlp_mod
    from tieline.actors import resolver

    ORIGINAL.setdefault("parse_doc", nlp_mod.parse_doc)
    ORIGINAL.setdefault("norm_key", resolver.norm_key)
    nlp_mod.parse_doc = patched_parse_doc  # type: ignore[assignment]
    resolver.norm_key = functools.lru_cache(maxsize=1 << 16)(resolver.norm_key)  # type: ignore[assignment]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from tieline.bench import _bare_parse, _copy, generate_corpus
    from tieline.pipeline import load
    from tieline.runner import run_ingest
    from tieline.store import open_store

    docs = list(generate_corpus(args.articles, seed=2))
    texts = [a.text for a in docs]
    pipe = load()
    bare: list[float] = []
    e2e: list[float] = []
    fixed: list[float] = []
    events: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            t0 = time.perf_counter()
            _bare_parse(pipe.nlp, texts, 1)
            bare.append(time.perf_counter() - t0)
            for label, times in (("as_is", e2e), ("patched", fixed)):
                if label == "patched":
                    apply_patches()
                t0 = time.perf_counter()
                with open_store(str(Path(tmp) / f"{label}-{i}.duckdb")) as store:
                    s = run_ingest(_copy(docs), store, pipe)
                times.append(time.perf_counter() - t0)
                events[label] = s["events"]
            restore()  # the next round starts unpatched
    m = statistics.median
    print(
        json.dumps(
            {
                "articles": args.articles,
                "bare_s": round(m(bare), 2),
                "e2e_as_is_s": round(m(e2e), 2),
                "e2e_patched_s": round(m(fixed), 2),
                "ratio_as_is": round(m(bare) / m(e2e), 3),
                "ratio_patched": round(m(bare) / m(fixed), 3),
                "events": events,
                "runs": {"bare": bare, "as_is": e2e, "patched": fixed},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
