"""Migration 3: indexes for the read queries at scale (dyad and actor filters, ordered listing).

Only indexes, no table changes, so it applies after any other migration (it assumes nothing about
version 2). PostgreSQL only: its planner answers the filters from B-tree indexes. DuckDB scans
columns with zone maps and uses its ART indexes for point lookups only (not for ``OR`` filters or
``ORDER BY``), so there they would only slow every insert; measured in docs/store.md.

- ``event_actors (country, side, event_id)`` and ``(code, side, event_id)``: the dyad and actor
  filters look events up by a side's country or code; with the event id in the index PostgreSQL
  answers them from the index alone.
- ``events (date, article_id, evidence_start, id)``: the events listing's total order, so a page
  (``LIMIT/OFFSET``) is read in index order instead of sorting every event.
"""

from __future__ import annotations

from collections.abc import Mapping

VERSION = 3
NAME = "query_indexes"


def _postgresql_only(sql: str) -> Mapping[str, str]:
    return {"duckdb": "", "postgresql": sql}


STATEMENTS: tuple[Mapping[str, str], ...] = (
    _postgresql_only(
        "CREATE INDEX IF NOT EXISTS event_actors_country_side_idx ON event_actors (country, side, event_id)"
    ),
    _postgresql_only(
        "CREATE INDEX IF NOT EXISTS event_actors_code_side_idx ON event_actors (code, side, event_id)"
    ),
    _postgresql_only(
        "CREATE INDEX IF NOT EXISTS events_order_idx ON events (date, article_id, evidence_start, id)"
    ),
)
