"""Storage of coded articles and events: one ``Store`` protocol, DuckDB (embedded default) and PostgreSQL.

Example::

    from tieline.store import open_store

    with open_store("events.duckdb") as store:
        store.write_articles(articles, coder="tieline 0.1.0")
        store.events(dyad=("KEN", "USA"), since=date(2024, 1, 1))

    open_store("postgresql://tieline@db.example.org/events")  # or TIELINE_DB=postgresql://...

``PostgresStore`` is imported lazily (``tieline.store.postgres``) so DuckDB users need no psycopg.
"""

from __future__ import annotations

from tieline.store._open import DEFAULT_DB, ENV_DB, default_db_path, open_store
from tieline.store.base import Store, WriteResult
from tieline.store.duckdb import DuckDBStore
from tieline.store.migrations import LATEST_VERSION

__all__ = [
    "DEFAULT_DB",
    "ENV_DB",
    "LATEST_VERSION",
    "DuckDBStore",
    "Store",
    "WriteResult",
    "default_db_path",
    "open_store",
]
