"""Turn model records into table rows, and rows back into records. Pure functions, no SQL."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable
from typing import Any

from tieline.errors import StoreError
from tieline.events.dates import event_date
from tieline.model import Actor, Article, Event

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "title", "date", "url", "source", "path", "text", "n_chars", "coder", "coded_at",
)  # fmt: skip
MENTION_COLUMNS: tuple[str, ...] = ("article_id", "start", "end", "text", "label", "entity_id", "source")
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "date", "date_precision", "date_source", "event", "mode", "context",
    "cameo", "cameo_root", "goldstein", "quad", "modality", "confidence", "evidence_start",
    "evidence_end", "trigger_start", "trigger_end", "location", "reason", "coder", "record",
)  # fmt: skip
EVENT_ACTOR_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "side", "idx", "text", "start", "end", "name", "country", "sector",
    "kind", "code", "role", "wikidata", "entity_id", "actor_key",
)  # fmt: skip
SKIP_COLUMNS: tuple[str, ...] = ("source", "code", "reason", "detail", "run_id", "at")
ACTOR_COLUMNS: tuple[str, ...] = (
    "actor_key", "code", "name", "kind", "country", "sector", "wikidata", "first_seen", "last_seen", "n_events",
)  # fmt: skip
# The roll-up's MIN() columns, taken from ``event_actors``.
ACTOR_VALUE_COLUMNS: tuple[str, ...] = ("code", "name", "kind", "country", "sector", "wikidata")

# Column kinds, so a backend can cast bulk-loaded values explicitly.
COLUMN_TYPES: dict[str, str] = {
    "date": "DATE",
    "coded_at": "TIMESTAMP",
    "first_seen": "DATE",
    "last_seen": "DATE",
    "n_events": "INTEGER",
    "at": "TIMESTAMP",
    "n_chars": "INTEGER",
    "start": "INTEGER",
    "end": "INTEGER",
    "idx": "INTEGER",
    "quad": "INTEGER",
    "evidence_start": "INTEGER",
    "evidence_end": "INTEGER",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    "goldstein": "DOUBLE PRECISION",
    "confidence": "DOUBLE PRECISION",
    # happenings (migration 2)
    "date_lo": "DATE",
    "date_hi": "DATE",
    "updated_at": "TIMESTAMP",
    "n_mentions": "INTEGER",
    "n_articles": "INTEGER",
    "n_sources": "INTEGER",
    "seq": "BIGINT",
    "score": "DOUBLE PRECISION",
    "undone_by": "BIGINT",
}

SIDES: tuple[str, ...] = ("actor", "recipient", "attribution")

Row = tuple[Any, ...]


def column_type(name: str) -> str:
    return COLUMN_TYPES.get(name, "VARCHAR")


RESERVED: frozenset[str] = frozenset({"end", "at"})


def quote(name: str) -> str:
    """Quote an identifier that is a reserved word in DuckDB or PostgreSQL (``end``, ``at``)."""
    return f'"{name}"' if name in RESERVED else name


def clean_text(value: str | None) -> str | None:
    """Make a string storable as UTF-8: lone surrogates become U+FFFD (one char for one, so offsets hold)."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in value)
    return value


def to_json(value: Any, *, what: str) -> str:
    """Serialise for a JSON column so that ``json.loads`` gives back an equal value."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(
            f"{what} cannot be stored as JSON: {exc}",
            hint="event fields (including `entities`) must hold only JSON values",
        ) from exc
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates: escape everything so the JSON text is ASCII and still round-trips exactly.
        text = json.dumps(value, ensure_ascii=True)
    return text


def parse_date(value: str | None) -> _dt.date | None:
    """An event's ISO date as a date (``tieline.events.dates.event_date``)."""
    return event_date(value)


def actor_key(actor: Actor) -> str:
    """The ``actors`` table key: the CAMEO code plus the most specific identity known."""
    ident = actor.entity_id or actor.wikidata or actor.name
    return f"{actor.code}|{ident}"


def article_row(article: Article, *, coder: str, coded_at: _dt.datetime) -> Row:
    return (
        article.id,
        clean_text(article.title),
        article.date,
        clean_text(article.url),
        clean_text(article.source),
        clean_text(article.path),
        clean_text(article.text),
        len(article.text),
        coder,
        coded_at,
    )


def mention_rows(article: Article) -> list[Row]:
    """One row per distinct (start, end, label); the first mention with a key wins."""
    seen: set[tuple[int, int, str]] = set()
    rows: list[Row] = []
    for m in article.mentions:
        key = (m.start, m.end, m.label)
        if key in seen:
            continue
        seen.add(key)
        rows.append((article.id, m.start, m.end, clean_text(m.text), m.label, m.entity_id or None, m.source))
    return rows


def _as_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def event_row(event: Event, record: dict[str, Any] | None = None) -> Row:
    """The ``events`` row; ``record`` is ``event.to_dict()`` when the caller has it already."""
    if record is None:
        record = event.to_dict()
    trigger = event.evidence.trigger or {}
    cameo = event.cameo or ""
    return (
        event.id,
        event.article_id,
        parse_date(event.date),
        event.date_precision,
        event.date_source,
        clean_text(event.event),
        clean_text(event.mode),
        to_json(list(event.context), what=f"event {event.id} context"),
        clean_text(event.cameo),
        clean_text(cameo[:2]) if cameo else None,
        float(event.goldstein),
        int(event.quad),
        clean_text(event.modality),
        float(event.confidence),
        event.evidence.start,
        event.evidence.end,
        _as_int(trigger.get("start")),
        _as_int(trigger.get("end")),
        to_json(record["location"], what=f"event {event.id} location") if event.location else None,
        clean_text(event.reason),
        clean_text(event.coder),
        to_json(record, what=f"event {event.id}"),
    )


def _sides(event: Event) -> Iterable[tuple[str, list[Actor]]]:
    return (("actor", event.actor), ("recipient", event.recipient), ("attribution", event.attribution))


def event_actor_rows(event: Event) -> list[Row]:
    rows: list[Row] = []
    for side, actors in _sides(event):
        for idx, a in enumerate(actors):
            rows.append(
                (
                    event.id,
                    event.article_id,
                    side,
                    idx,
                    clean_text(a.text),
                    a.start,
                    a.end,
                    clean_text(a.name),
                    a.country,
                    a.sector,
                    a.kind,
                    a.code,
                    clean_text(a.role),
                    a.wikidata,
                    a.entity_id,
                    clean_text(actor_key(a)),
                )
            )
    return rows


def _least(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else min(a, b)


def _greatest(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else max(a, b)


def merge_actor_values(a: list[Any], b: list[Any]) -> list[Any]:
    """Two partial ``actors`` roll-ups (the MIN columns, first_seen, last_seen) merged as SQL's MIN
    and MAX would (NULLs ignored)."""
    n = len(ACTOR_VALUE_COLUMNS)
    return [_least(x, y) for x, y in zip(a[:n], b[:n], strict=True)] + [
        _least(a[n], b[n]),
        _greatest(a[n + 1], b[n + 1]),
    ]


def iso(value: Any) -> Any:
    """Dates and timestamps as ISO strings; anything else unchanged."""
    if isinstance(value, _dt.date | _dt.datetime):
        return value.isoformat()
    return value


def event_from_record(record: str) -> dict[str, Any]:
    value = json.loads(record)
    if not isinstance(value, dict):  # pragma: no cover - only a hand-edited database gets here
        raise StoreError("a stored event record is not a JSON object", hint="re-code the article")
    return value
