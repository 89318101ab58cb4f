"""Portable read queries (``?`` placeholders, plain SQL) shared by every backend."""

from __future__ import annotations

from datetime import date
from typing import Any

from tieline.errors import UsageError

__all__ = [
    "ARTICLE_LIST_SQL",
    "DYAD_SUMMARY_SQL",
    "actor_match",
    "articles_query",
    "dyad_summary_query",
    "events_query",
    "page",
]

# An event side ("actor" / "recipient") has an entity whose country or code is the parameter.
_SIDE_MATCH = (
    "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.side = '{side}'"
    " AND (ea.country = ? OR ea.code = ?))"
)


def actor_match(side: str) -> str:
    if side not in ("actor", "recipient"):
        raise ValueError(side)
    return _SIDE_MATCH.format(side=side)


def _code(value: str, what: str) -> str:
    text = value.strip().upper()
    if not text:
        raise UsageError(f"empty {what}", hint="give a country (ISO alpha-3, e.g. KEN) or an actor code")
    return text


def page(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """A LIMIT/OFFSET tail; negative values are a usage error."""
    if limit is not None and limit < 0:
        raise UsageError(f"limit must be >= 0, not {limit}")
    if offset < 0:
        raise UsageError(f"offset must be >= 0, not {offset}")
    sql = ""
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return sql, params


def _date_range(column: str, since: date | None, until: date | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since is not None and until is not None and since > until:
        raise UsageError(f"since ({since.isoformat()}) is after until ({until.isoformat()})")
    if since is not None:
        where.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        where.append(f"{column} <= ?")
        params.append(until)
    return where, params


def events_query(
    *,
    dyad: tuple[str, str] | None,
    actor: str | None,
    since: date | None,
    until: date | None,
    event_type: str | None,
    article_id: str | None,
    limit: int | None,
    offset: int,
) -> tuple[str, list[Any]]:
    """SELECT the stored records of matching events, in output order."""
    where, params = _date_range("e.date", since, until)
    if dyad is not None:
        if len(dyad) != 2:
            raise UsageError(f"a dyad has two sides, not {len(dyad)}", hint="e.g. --dyad KEN-USA")
        a, b = _code(dyad[0], "dyad side"), _code(dyad[1], "dyad side")
        src, tgt = actor_match("actor"), actor_match("recipient")
        where.append(f"(({src} AND {tgt}) OR ({src} AND {tgt}))")
        params += [a, a, b, b, b, b, a, a]
    if actor is not None:
        code = _code(actor, "actor")
        where.append(f"({actor_match('actor')} OR {actor_match('recipient')})")
        params += [code, code, code, code]
    if event_type is not None:
        kind = event_type.strip()
        if not kind:
            raise UsageError(
                "empty event type", hint="a PLOVER type (e.g. ASSAULT) or a CAMEO code (e.g. 19)"
            )
        if kind.isdigit():
            where.append("e.cameo LIKE ?")
            params.append(kind + "%")
        else:
            where.append("UPPER(e.event) = ?")
            params.append(kind.upper())
    if article_id is not None:
        where.append("e.article_id = ?")
        params.append(article_id)
    sql = "SELECT e.record FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date NULLS LAST, e.article_id, e.evidence_start, e.id"
    tail, tail_params = page(limit, offset)
    return sql + tail, params + tail_params


ARTICLE_LIST_SQL = (
    "SELECT a.id, a.title, a.date, a.url, a.source, a.path, a.n_chars, a.coder, a.coded_at,"
    " (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS n_events,"
    " (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) AS n_mentions"
)


def articles_query(
    *,
    since: date | None,
    until: date | None,
    source: str | None,
    limit: int | None,
    offset: int,
) -> tuple[str, list[Any]]:
    where, params = _date_range("a.date", since, until)
    if source is not None:
        where.append("a.source = ?")
        params.append(source)
    sql = ARTICLE_LIST_SQL + " FROM articles a"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.date NULLS LAST, a.id"
    tail, tail_params = page(limit, offset)
    return sql + tail, params + tail_params


# Each event counts once per undirected pair of distinct countries across its actor and recipient sides.
DYAD_SUMMARY_SQL = """
WITH pairs AS (
    SELECT DISTINCT x.event_id,
        CASE WHEN x.country < y.country THEN x.country ELSE y.country END AS a,
        CASE WHEN x.country < y.country THEN y.country ELSE x.country END AS b
    FROM event_actors x
    JOIN event_actors y ON y.event_id = x.event_id
    WHERE x.side = 'actor' AND y.side = 'recipient'
        AND x.country IS NOT NULL AND y.country IS NOT NULL AND x.country <> y.country
)
SELECT p.a, p.b,
    COUNT(*) AS n_events,
    SUM(CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
    SUM(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END) AS conflict,
    SUM(e.goldstein) AS goldstein_sum,
    AVG(e.goldstein) AS goldstein_mean,
    MIN(e.date) AS first_date,
    MAX(e.date) AS last_date
FROM pairs p
JOIN events e ON e.id = p.event_id
{where}
GROUP BY p.a, p.b
ORDER BY n_events DESC, p.a, p.b
"""


def dyad_summary_query(*, limit: int | None, since: date | None, until: date | None) -> tuple[str, list[Any]]:
    where, params = _date_range("e.date", since, until)
    sql = DYAD_SUMMARY_SQL.format(where=("WHERE " + " AND ".join(where)) if where else "")
    tail, tail_params = page(limit, 0)
    return sql + tail, params + tail_params
