"""Score the defence entity recogniser on re3d dev (protocol: ../shared/eval/README.md, "Entities").

Usage: python scripts/eval_entities.py [EVAL_DIR] [--spacy-only] [--json] [--errors TYPE]

Parses ``re3d_dev_documents.jsonl`` with ``tieline.load().nlp``, runs
``tieline.entities.EntityRecognizer`` (or, with ``--spacy-only``, keeps spaCy's mentions) and scores
with ``tieline.evaluation.protocol.score_entities``. ``--errors TYPE`` lists missed gold mentions of a
re3d type (or ``FP`` for unmatched predictions) to guide work on the general gazetteers and patterns.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import tieline
from tieline.entities import EntityRecognizer
from tieline.errors import TielineError
from tieline.evaluation.protocol import ENTITY_COMPATIBLE, ENTITY_LABELS, load_jsonl, score_entities
from tieline.model import Article


def predict(docs: list[dict[str, Any]], *, spacy_only: bool = False) -> dict[str, list[dict[str, Any]]]:
    nlp = tieline.load().nlp
    recogniser = None if spacy_only else EntityRecognizer.load()
    articles = [Article.create(d["text"], id=str(d["id"]), title=d.get("title")) for d in docs]
    out: dict[str, list[dict[str, Any]]] = {}
    for article in nlp.parse_many(articles):
        mentions = article.mentions if recogniser is None else recogniser.find(article)
        out[article.id] = [m.to_dict() for m in mentions]
    return out


def _errors(docs: list[dict[str, Any]], gold: list[dict[str, Any]], pred: dict[str, Any], what: str) -> None:
    text = {str(d["id"]): d["text"] for d in docs}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_doc.setdefault(str(g["doc_id"]), []).append(g)
    for doc_id, golds in by_doc.items():
        preds = [p for p in pred.get(doc_id, []) if p["label"] in ENTITY_LABELS]
        counted = [g for g in golds if g.get("gold", True) and g["type"] in ENTITY_COMPATIBLE]
        if what == "FP":
            for p in preds:
                if not any(g["start"] < p["end"] and p["start"] < g["end"] for g in golds):
                    ctx = text[doc_id][max(0, p["start"] - 40) : p["end"] + 40].replace("\n", " ")
                    print(f"FP {p['label']:<18} {p['text']!r:<40} … {ctx}")
            continue
        for g in counted:
            if g["type"] != what:
                continue
            ok = any(
                g["start"] < p["end"] and p["start"] < g["end"] and p["label"] in ENTITY_COMPATIBLE[what]
                for p in preds
            )
            if not ok:
                near = [
                    (p["text"], p["label"])
                    for p in pred.get(doc_id, [])
                    if g["start"] < p["end"] and p["start"] < g["end"]
                ]
                ctx = text[doc_id][max(0, g["start"] - 40) : g["end"] + 40].replace("\n", " ")
                print(f"FN {g['text']!r:<40} got {near} … {ctx}")


def main(argv: list[str]) -> int:
    what = ""
    if "--errors" in argv:
        k = argv.index("--errors")
        what = argv[k + 1] if k + 1 < len(argv) else "FP"
        argv = argv[:k] + argv[k + 2 :]
    args = [a for a in argv if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
    try:
        docs = load_jsonl(eval_dir / "re3d_dev_documents.jsonl")
        gold = load_jsonl(eval_dir / "re3d_dev_entities.jsonl")
        pred = predict(docs, spacy_only="--spacy-only" in argv)
    except TielineError as exc:
        print(exc.one_line(), file=sys.stderr)
        return 2
    result = score_entities(docs, gold, pred)
    if what:
        _errors(docs, gold, pred, what)
    if "--json" in argv:
        print(json.dumps(result, indent=1))
        return 0
    print(
        f"re3d dev entities: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})"
    )
    print(
        "recall per type: "
        + ", ".join(
            f"{k} {v:.2f} (n={result['support_per_type'][k]})" for k, v in result["recall_per_type"].items()
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
