"""Compact, reviewable form of the events the coder finds in the bundled sample articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden" / "samples.jsonl"


def summarise(pipe: Any) -> list[dict[str, Any]]:
    from tieline.ingest.samples import sample_articles

    rows = []
    for article in pipe.process(sample_articles()):
        for e in article.events:
            rows.append(
                {
                    "article": article.id,
                    "trigger": e.evidence.trigger["text"],
                    "at": e.evidence.trigger["start"],
                    "event": e.event,
                    "cameo": e.cameo,
                    "date": e.date,
                    "modality": e.modality,
                    "actor": [a.code or a.name for a in e.actor],
                    "recipient": [a.code or a.name for a in e.recipient],
                }
            )
    return rows


def write(pipe: Any) -> int:
    rows = summarise(pipe)
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def read() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":  # python tests/golden_samples.py  (after a deliberate change to the coder)
    import tieline

    print(f"wrote {write(tieline.load())} events to {GOLDEN}")
