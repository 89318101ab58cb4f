"""An optional record of the decisions the coder makes, for ``tieline explain``.

The coder takes ``trace=None`` by default and then records nothing; with a :class:`CoderTrace` it appends one
:class:`Step` per decision it already makes (a trigger matched or not, a draft dropped and why, an event made).
Recording never changes what is coded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["CoderTrace", "Step"]


@dataclass
class Step:
    """One decision about a candidate trigger token."""

    token: int  # index of the trigger token in Article.tokens
    stage: str  # verb | noun | sentence | merge | finish | dedup
    outcome: str  # draft | no-match | dropped | merged | event | duplicate | skipped
    why: str = ""
    pattern: str | None = None
    tried: list[tuple[str, str]] = field(default_factory=list)  # (pattern, why it did not apply)
    draft: Any = None  # tieline.events.coder.Draft, as it stood at the decision
    event: Any = None  # tieline.model.Event for outcome "event"


@dataclass
class CoderTrace:
    """The coder's decisions for one article, in the order they were made."""

    steps: list[Step] = field(default_factory=list)

    def add(self, token: int, stage: str, outcome: str, why: str = "", **kw: Any) -> None:
        self.steps.append(Step(token, stage, outcome, why, **kw))


def note(trace: CoderTrace | None, token: int, stage: str, outcome: str, why: str = "", **kw: Any) -> None:
    """Record a step when tracing; a no-op (and free) when ``trace`` is None."""
    if trace is not None:
        trace.add(token, stage, outcome, why, **kw)


def drop(trace: CoderTrace | None, token: int, stage: str, why: str, draft: Any = None) -> Any:
    """Record why a candidate was dropped and return None, so that ``return drop(...)`` replaces ``return None``."""
    if trace is not None:
        trace.add(token, stage, "dropped", why, draft=draft, pattern=getattr(draft, "pattern", None))
    return None
