"""Counting what an ingest run read and skipped (used by the CLI's one-line summary)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tieline.model import Article, SkipRecord

__all__ = ["IngestSummary", "summarise"]


@dataclass(slots=True)
class IngestSummary:
    """How many articles were read and how many inputs were skipped, by reason."""

    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def add(self, item: Article | SkipRecord) -> None:
        if isinstance(item, SkipRecord):
            self.skipped[item.reason] += 1
        else:
            self.read += 1

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "skipped": self.total_skipped,
            "skipped_by_reason": dict(sorted(self.skipped.items())),
        }

    def line(self) -> str:
        """``read 12 / skipped 3 (binary 2, empty 1)`` - reasons by count, then name."""
        text = f"read {self.read} / skipped {self.total_skipped}"
        if self.skipped:
            parts = sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
            text += " (" + ", ".join(f"{reason} {n}" for reason, n in parts) + ")"
        return text

    def __str__(self) -> str:
        return self.line()


def summarise(items: Iterable[Article | SkipRecord]) -> IngestSummary:
    """Count an iterable of ingest results (consumes it)."""
    summary = IngestSummary()
    for item in items:
        summary.add(item)
    return summary
