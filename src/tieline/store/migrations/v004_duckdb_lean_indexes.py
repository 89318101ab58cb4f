"""Migration 4: DuckDB keeps its primary keys only; its secondary indexes are dropped.

DuckDB holds every ART index in memory and cannot evict what the indexes hold, so they grew with the
database and pushed a long ingest through the writer's memory cap (`docs/scale.md`: the cap was set
back up after each batch only once it was raised, a step of RSS). DuckDB answers the filters those
indexes were made for by scanning columns with zone maps (its ART indexes serve point lookups on a
single value, not ``IN`` lists, which it turns into hash joins, nor ranges, nor ``ORDER BY``), so they
bought little: the query timings before and after are in docs/scale.md (`scripts/bench_store.py`).

PostgreSQL keeps every index (its planner reads them); nothing changes there. The primary keys stay
on both: they are the tables' identity and guard the writer's replace-by-id.
"""

from __future__ import annotations

from collections.abc import Mapping

VERSION = 4
NAME = "duckdb_lean_indexes"

# The secondary indexes of migrations 1 and 2 (migration 3 created none on DuckDB).
DROPPED: tuple[str, ...] = (
    "events_article_idx",
    "events_date_idx",
    "event_actors_country_idx",
    "event_actors_code_idx",
    "event_actors_article_idx",
    "event_actors_key_idx",
    "actors_code_idx",
    "happenings_date_idx",
    "happenings_span_idx",
    "happening_events_happening_idx",
    "happening_events_article_idx",
    "happening_parties_party_idx",
    "dedup_log_event_idx",
    "dedup_log_happening_idx",
)


def _duckdb_only(sql: str) -> Mapping[str, str]:
    return {"duckdb": sql, "postgresql": ""}


STATEMENTS: tuple[Mapping[str, str], ...] = tuple(
    _duckdb_only(f"DROP INDEX IF EXISTS {name}") for name in DROPPED
)
