"""Split an article's text into segments marked actor / recipient / trigger / evidence, for highlighting.

Segments carry plain text; the template escapes it (autoescape), so nothing in an article is ever
interpreted as HTML.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

__all__ = ["Segment", "event_spans", "segments"]

ORDER = ("evidence", "attribution", "recipient", "actor", "trigger")


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[str, ...]
    start: int

    @property
    def css(self) -> str:
        return " ".join(f"hl-{m}" for m in self.marks)

    @property
    def label(self) -> str:
        """What the segment is, for a tooltip (``actor``, ``trigger`` ...)."""
        return ", ".join(m for m in reversed(self.marks) if m != "evidence")


def event_spans(event: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, mark) spans of one event: its evidence sentence, actors, recipients, trigger."""
    ev = event["evidence"]
    spans = [(int(ev["start"]), int(ev["end"]), "evidence")]
    for side in ("actor", "recipient", "attribution"):
        for a in event.get(side) or ():
            spans.append((int(a["start"]), int(a["end"]), side))
    trig = ev["trigger"]
    spans.append((int(trig["start"]), int(trig["end"]), "trigger"))
    return spans


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the marks covering it (in ORDER)."""
    n = len(text)
    clean = [(max(0, s), min(n, e), m) for s, e, m in spans if 0 <= s < e and s < n]
    cuts = sorted({0, n, *(s for s, _, _ in clean), *(e for _, e, _ in clean)})
    out: list[Segment] = []
    for lo, hi in itertools.pairwise(cuts):
        if lo >= hi:
            continue
        marks = {m for s, e, m in clean if s <= lo and hi <= e}
        ordered = tuple(m for m in ORDER if m in marks)
        out.append(Segment(text[lo:hi], ordered, lo))
    return out
