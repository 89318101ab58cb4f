"""Run the real pipeline through the evaluation protocol (what ``tieline eval`` does)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Article
from .protocol import check_floors, load_floors, run_eval

__all__ = ["default_eval_dir", "run_pipeline_eval"]


def default_eval_dir() -> Path | None:
    """``../shared/eval`` next to the current directory or next to the source checkout."""
    candidates = [
        Path.cwd().parent / "shared" / "eval",
        Path(__file__).resolve().parents[3].parent / "shared" / "eval",
    ]
    for c in candidates:
        if c.is_dir():
            return c
    return None


def run_pipeline_eval(pipe: Any, eval_dir: str | Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """Score ``pipe`` on the development sets; returns (figures and details, figures below their floor)."""
    path = Path(eval_dir) if eval_dir else default_eval_dir()
    if path is None or not path.is_dir():
        raise EvalError(f"evaluation folder not found: {path or '../shared/eval'}")

    def code_records(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        articles = [Article.create(r["text"], id=str(r["id"])) for r in records]
        out: dict[str, list[dict[str, Any]]] = {}
        for a in pipe.process(articles):
            out[a.id] = [e.to_dict() for e in a.events]
        return out

    def entities(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        articles = [Article.create(d["text"], id=str(d["id"])) for d in docs]
        return {a.id: [m.to_dict(a.id) for m in pipe.entities(a)] for a in pipe.nlp.parse_many(articles)}

    figures = run_eval(path, code_records, entities)
    failures = check_floors(figures, load_floors())
    return figures, failures
