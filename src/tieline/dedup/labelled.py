"""Score the clustering on a labelled set of reports (JSONL: id, date, outlet, text, gold)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .cluster import Happening, cluster_events
from .metrics import PairScores, group_scores, pairwise_scores

__all__ = ["LabelledResult", "evaluate_in_store", "evaluate_labelled", "read_labelled"]


@dataclass(frozen=True)
class LabelledResult:
    scores: PairScores
    happenings: tuple[Happening, ...]
    events: tuple[dict[str, Any], ...]
    gold: Mapping[str, str]
    reports: int
    without_events: tuple[str, ...]  # report ids the coder found no event in (coder misses)


def read_labelled(path: str | Path) -> list[dict[str, Any]]:
    """The labelled reports of a JSONL file; each line needs id, date, text and gold."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"labelled set not found: {p}")
    rows = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = [k for k in ("id", "date", "text", "gold") if not row.get(k)]
        if missing:
            raise InputError(f"{p}:{n}: missing {', '.join(missing)}")
        rows.append(row)
    return rows


def evaluate_labelled(
    rows: Iterable[Mapping[str, Any]], pipeline: Any, *, windows: Mapping[str, int] | None = None
) -> LabelledResult:
    """Code the reports with the real pipeline, cluster the events and score article pairs against gold."""
    rows = list(rows)
    articles = [
        Article.create(str(r["text"]), id=str(r["id"]), date=str(r["date"]), source=r.get("outlet"))
        for r in rows
    ]
    events: list[dict[str, Any]] = []
    without: list[str] = []
    for art in pipeline.process(articles):
        if not art.events:
            without.append(art.id)
        events.extend(e.to_dict() for e in art.events)
    happenings = cluster_events(events, windows=windows)
    gold = {str(r["id"]): str(r["gold"]) for r in rows}
    return LabelledResult(
        scores=pairwise_scores(happenings, gold),
        happenings=tuple(happenings),
        events=tuple(events),
        gold=gold,
        reports=len(rows),
        without_events=tuple(sorted(without)),
    )


def evaluate_in_store(
    rows: Iterable[Mapping[str, Any]], pipeline: Any, store: Any, *, batch: int = 1
) -> PairScores:
    """The same score for the store's incremental dedup: the reports are coded and written ``batch`` at
    a time (in file order) into ``store``, and the pairs come from its stored happenings."""
    rows = list(rows)
    articles = [
        Article.create(str(r["text"]), id=str(r["id"]), date=str(r["date"]), source=r.get("outlet"))
        for r in rows
    ]
    coded = list(pipeline.process(articles))
    for i in range(0, len(coded), batch):
        store.write_articles(coded[i : i + batch], coder=str(getattr(pipeline, "version", "eval")))
    gold = {str(r["id"]): str(r["gold"]) for r in rows}
    return group_scores((h["articles"] for h in store.happenings()), gold)
