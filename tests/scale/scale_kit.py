"""Helpers for the scale tests: small generated articles (tieline.bench's own templates), JSONL files,
reference events. A module of its own (not conftest) so that tests import it by a unique name."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tieline.bench import make_article
from tieline.model import Article

PYTHON = sys.executable


def small_articles(n: int, *, seed: int = 7, words: int = 60) -> list[Article]:
    return [make_article(i, seed=seed, words=words) for i in range(n)]


def fresh(articles: list[Article]) -> list[Article]:
    """Uncoded copies (the pipeline fills articles in place)."""
    return [
        Article(id=a.id, text=a.text, title=a.title, date=a.date, url=a.url, source=a.source, path=a.path)
        for a in articles
    ]


def write_jsonl(path: Path, articles: list[Article]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            rec = {"id": a.id, "title": a.title, "text": a.text}
            rec["date"] = a.date.isoformat() if a.date else None
            fh.write(json.dumps(rec) + "\n")
    return path


def reference_events(pipe, articles: list[Article]) -> list[dict]:
    """The single-process run's events, sorted by id."""
    events = [e.to_dict() for a in pipe.process(fresh(articles)) for e in a.events]
    return sorted(events, key=lambda e: e["id"])
