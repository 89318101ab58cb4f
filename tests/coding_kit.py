"""Helpers shared by the coder's end-to-end tests (importable as ``coding_kit``: ``tests`` is on pytest's path)."""

from __future__ import annotations

from typing import Any


def code(pipe: Any, text: str, date: str | None = "2024-01-24") -> list[dict[str, Any]]:
    """The events of ``text`` coded with ``pipe`` (a loaded pipeline) on ``date``, as dicts."""
    return [e.to_dict() for e in pipe.code(text, date=date)]


def main(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The protocol's main event: the highest confidence, ties to the earliest trigger."""
    assert events, "no event"
    return sorted(events, key=lambda e: (-e["confidence"], e["evidence"]["trigger"]["start"]))[0]


def of_type(evs: list[dict[str, Any]], plover: str) -> list[dict[str, Any]]:
    """The events of one PLOVER type; fails, listing what was coded, when there is none."""
    hits = [e for e in evs if e["event"] == plover]
    assert hits, [(e["event"], e["cameo"]) for e in evs]
    return hits


def by_trigger(events: list[dict[str, Any]], text: str, word: str) -> dict[str, Any]:
    """The event whose evidence trigger starts with ``word``; fails, listing the triggers, when there is none."""
    for e in events:
        trig = e["evidence"]["trigger"]
        if text[trig["start"] : trig["end"]].startswith(word):
            return e
    raise AssertionError(
        f"no event on '{word}' in {[(e['event'], e['evidence']['trigger']['text']) for e in events]}"
    )
