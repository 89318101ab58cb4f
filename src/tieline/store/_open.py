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
    url_or_path: str | Path | None = None, *, read_only: bool = False, migrate: bool = True
) -> Store:
    """Open (creating if needed) the store at a path, ``duckdb:`` URL or ``":memory:"``.

    A writable store is migrated to the current schema unless ``migrate=False``; a read-only one
    must already be current. PostgreSQL URLs are recognised but not supported yet.
    """
    target = default_db_path() if url_or_path is None else url_or_path
    if isinstance(target, str):
        lowered = target.lower()
        if lowered.startswith(("postgresql://", "postgres://", "postgresql+")):
            raise StoreError(
                "PostgreSQL support is not available yet",
                hint="use a DuckDB file path (e.g. --db ./tieline.duckdb) or unset TIELINE_DB",
            )
        if lowered.startswith("duckdb://"):
            target = target[len("duckdb://") :] or ":memory:"
        elif lowered.startswith("duckdb:"):
            target = target[len("duckdb:") :] or ":memory:"
        elif "://" in target:
            scheme = target.split("://", 1)[0]
            raise StoreError(f"unsupported database URL scheme {scheme!r}", hint="give a DuckDB file path")
        if not target.strip():
            raise StoreError(
                "empty database path", hint="give a file path, or unset TIELINE_DB for the default"
            )
    path = target if target == ":memory:" else Path(target).expanduser()
    store = DuckDBStore(path, read_only=read_only)
    try:
        if migrate and not read_only:
            store.migrate()
        else:
            store.check_schema()
    except BaseException:
        store.close()
        raise
    return store
