"""Shared helpers: reading events from a store in batches, parties, dates, periods, sources."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from tieline.errors import UsageError
from tieline.store.base import Store

__all__ = [
    "COUNTED_MODALITIES",
    "PERIODS",
    "event_date",
    "event_sources",
    "is_conflict",
    "is_cooperation",
    "iter_events",
    "norm_code",
    "parties",
    "party_key",
    "period_end",
    "period_label",
    "period_start",
    "precise_enough",
    "side_matches",
    "too_coarse",
]

# Events with these modalities count; negated ("did not attack") and hypothetical ("could attack") do not.
COUNTED_MODALITIES: tuple[str, ...] = ("asserted", "pledged", "threatened")

PERIODS: tuple[str, ...] = ("day", "week", "month", "year")

# How coarse an event's date may be and still be placed in a period of each length. An article with no
# date of its own (and no --date) gives its events the placeholder 1970-01-01 with precision "unknown":
# coarser than any period, so no timeline places it.
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
_PERIOD_NEEDS = {"day": 0, "week": 0, "month": 1, "year": 2}

# Party kinds identified by their own actor code rather than by their country.
_CODED_KINDS = frozenset({"igo", "armed_group", "org"})

DEFAULT_BATCH = 5000


def norm_code(value: str, what: str = "actor") -> str:
    """A country (ISO alpha-3) or actor code, upper-cased; empty is a usage error."""
    text = (value or "").strip().upper()
    if not text:
        raise UsageError(f"empty {what}", hint="give a country (ISO alpha-3, e.g. KEN) or an actor code")
    return text


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}", hint="use one of: " + ", ".join(PERIODS))
    return by


def check_range(since: _dt.date | None, until: _dt.date | None) -> None:
    if since is not None and until is not None and since > until:
        raise UsageError(f"since ({since.isoformat()}) is after until ({until.isoformat()})")


def iter_events(
    store: Store,
    *,
    dyad: tuple[str, str] | None = None,
    actor: str | None = None,
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    event_type: str | None = None,
    batch: int = DEFAULT_BATCH,
) -> Iterator[dict[str, Any]]:
    """Stream matching events (``Event.to_dict()`` records) in store order, ``batch`` at a time.

    A store may offer ``iter_events(..., batch=)`` (a server-side cursor); otherwise pages of
    ``store.events(limit=, offset=)`` are read, which the store's total order makes stable.
    """
    check_range(since, until)
    filters: dict[str, Any] = {
        "dyad": dyad,
        "actor": actor,
        "since": since,
        "until": until,
        "event_type": event_type,
    }
    native = getattr(store, "iter_events", None)
    if callable(native):
        yield from native(batch=batch, **filters)
        return
    offset = 0
    while True:
        page = store.events(limit=batch, offset=offset, **filters)
        yield from page
        if len(page) < batch:
            return
        offset += len(page)


def event_date(event: dict[str, Any]) -> _dt.date | None:
    """The event's date; None when it has none or only the placeholder of an undated article."""
    value = event.get("date")
    if not value or event.get("date_precision") == "unknown":
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def precise_enough(event: dict[str, Any], by: str) -> bool:
    """A month-precision date is not placed in a week; a year-only reference ("in 1988") not in a month."""
    rank = _PRECISION_RANK.get(event.get("date_precision") or "day", 0)
    return rank <= _PERIOD_NEEDS[by]


def too_coarse(by: str) -> tuple[str, ...]:
    """The date precisions ``precise_enough`` leaves out of a period of length ``by``."""
    return tuple(p for p, rank in _PRECISION_RANK.items() if rank > _PERIOD_NEEDS[by])


def counted(event: dict[str, Any], modalities: Collection[str] | None) -> bool:
    return modalities is None or (event.get("modality") or "asserted") in modalities


def is_cooperation(event: dict[str, Any]) -> bool:
    return event.get("quad") in (1, 2)


def is_conflict(event: dict[str, Any]) -> bool:
    return event.get("quad") in (3, 4)


def event_sources(event: dict[str, Any]) -> set[str]:
    """The independent sources behind an event: its ``sources`` when a merge step set them, else its article.

    An entry of ``sources`` may be a string (an article id or outlet) or a dict with ``outlet``,
    ``source`` or ``article_id``.
    """
    out: set[str] = set()
    for s in event.get("sources") or ():
        if isinstance(s, str):
            out.add(s)
        elif isinstance(s, dict):
            key = s.get("outlet") or s.get("source") or s.get("article_id")
            if key:
                out.add(str(key))
    if not out and event.get("article_id"):
        out.add(str(event["article_id"]))
    return out or {str(event.get("id"))}


def party_key(actor: dict[str, Any]) -> str | None:
    """Who an actor stands for in dyads and networks: its country for states, their agencies and
    people; its own code for organisations and armed groups; ``None`` for a bare sector ("troops")."""
    kind = actor.get("kind")
    if kind in _CODED_KINDS:
        return actor.get("code") or actor.get("country") or None
    return actor.get("country") or None


def parties(side: Iterable[dict[str, Any]]) -> set[str]:
    return {k for k in (party_key(a) for a in side) if k}


def side_matches(side: Iterable[dict[str, Any]], code: str) -> bool:
    """An event side names ``code`` as an actor's country or its actor code (as the store's filters do)."""
    return any(a.get("country") == code or a.get("code") == code for a in side)


def period_start(d: _dt.date, by: str) -> _dt.date:
    if by == "day":
        return d
    if by == "week":
        return d - _dt.timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    return d.replace(month=1, day=1)


def next_period(start: _dt.date, by: str) -> _dt.date:
    if by == "day":
        return start + _dt.timedelta(days=1)
    if by == "week":
        return start + _dt.timedelta(days=7)
    if by == "month":
        return _dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return _dt.date(start.year + 1, 1, 1)


def period_end(start: _dt.date, by: str) -> _dt.date:
    """The last day of the period that begins on ``start``."""
    return next_period(start, by) - _dt.timedelta(days=1)


def period_label(start: _dt.date, by: str) -> str:
    if by == "day":
        return start.isoformat()
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def rounded(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(value, digits)
