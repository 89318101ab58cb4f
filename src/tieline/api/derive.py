"""Small read-only helpers of the API and the dashboard over event records (``Event.to_dict()`` dicts).

Timelines, dossiers and networks are not here: the API and the pages call ``tieline.analysis`` (the
functions behind ``tieline dyad``, ``tieline dossier`` and ``tieline network``), so every layer gives
the same figures. ``counterparts`` is the Python reference ``Store.counterparts`` is tested against.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "CONFLICT",
    "COOPERATION",
    "choose_period",
    "counterparts",
    "counterparts_from_counts",
    "side_codes",
]

COOPERATION = (1, 2)
CONFLICT = (3, 4)


def choose_period(dates: Sequence[str]) -> str:
    """A period that gives a readable chart: month for up to ~5 years of data, else year."""
    if not dates:
        return "month"
    years = {d[:4] for d in dates}
    lo, hi = min(years), max(years)
    return "month" if int(hi) - int(lo) <= 4 else "year"


def side_codes(actors: Iterable[dict[str, Any]]) -> set[str]:
    """Country codes (else actor codes) of one side of an event."""
    out: set[str] = set()
    for a in actors:
        key = a.get("country") or a.get("code")
        if key:
            out.add(str(key))
    return out


def _matches(actors: Iterable[dict[str, Any]], code: str) -> bool:
    return any(code in (a.get("country"), a.get("code")) for a in actors)


def counterparts(events: Iterable[dict[str, Any]], code: str) -> dict[str, list[dict[str, Any]]]:
    """Who ``code`` cooperates with (partners) and is in conflict with (adversaries), most events first."""
    partners: Counter[str] = Counter()
    adversaries: Counter[str] = Counter()
    for e in events:
        if _matches(e["actor"], code):
            others = side_codes(e["recipient"])
        elif _matches(e["recipient"], code):
            others = side_codes(e["actor"])
        else:
            continue
        bucket = partners if e["quad"] in COOPERATION else adversaries
        for o in others - {code}:
            bucket[o] += 1

    return {"partners": _ranked(partners), "adversaries": _ranked(adversaries)}


def _ranked(c: Counter[str]) -> list[dict[str, Any]]:
    return [{"code": k, "events": n} for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) if n]


def counterparts_from_counts(counts: dict[str, dict[str, int]]) -> dict[str, list[dict[str, Any]]]:
    """``counterparts`` from ``Store.counterparts`` (counted in the database)."""
    partners = Counter({k: v["cooperation"] for k, v in counts.items()})
    adversaries = Counter({k: v["other"] for k, v in counts.items()})
    return {"partners": _ranked(partners), "adversaries": _ranked(adversaries)}
