"""``open_store``: pick the backend for a path or URL."""

from __future__ import annotations

import os
from pathlib import Path

from tieline.errors import StoreError
from tieline.store.base import Store
from tieline.store.duckdb import DuckDBStore

DEFAULT_DB = "./tieline.duckdb"
ENV_DB = "TIELINE_DB"


def default_db_path() -> str:
    """The database used when none is given: ``$TIELINE_DB``, else ``./tieline.duckdb``."""
    return os.environ.get(ENV_DB) or DEFAULT_DB


def open_store(
    url_or_path: str | Path | None = None,
    *,
    read_only: bool = False,
    migrate: bool = True,
    check: bool = True,
) -> Store:
    """Open the store at a path, ``duckdb:`` URL, ``":memory:"`` or ``postgresql://`` URL.

    A DuckDB file is created if needed; a PostgreSQL database must exist (tieline creates its
    tables). A writable store is migrated to the current schema unless ``migrate=False``; otherwise
    its schema must already be current, unless ``check=False`` (for ``tieline db info``).
    """
    target = default_db_path() if url_or_path is None else url_or_path
    store: Store
    if isinstance(target, str) and target.lower().startswith(("postgresql://", "postgres://", "postgresql+")):
        from tieline.store.postgres import PostgresStore  # psycopg is only needed for PostgreSQL

        store = PostgresStore(target, read_only=read_only)
    else:
        if isinstance(target, str):
            lowered = target.lower()
            if lowered.startswith("duckdb://"):
                target = target[len("duckdb://") :] or ":memory:"
            elif lowered.startswith("duckdb:"):
                target = target[len("duckdb:") :] or ":memory:"
            elif "://" in target:
                scheme = target.split("://", 1)[0]
                raise StoreError(
                    f"unsupported database URL scheme {scheme!r}",
                    hint="give a DuckDB file path or a postgresql:// URL",
                )
            if not target.strip():
                raise StoreError(
                    "empty database path", hint="give a file path, or unset TIELINE_DB for the default"
                )
        path = target if target == ":memory:" else Path(target).expanduser()
        store = DuckDBStore(path, read_only=read_only)
    try:
        if migrate and not read_only:
            store.migrate()
        elif check:
            store.check_schema()
    except BaseException:
        store.close()
        raise
    return store
