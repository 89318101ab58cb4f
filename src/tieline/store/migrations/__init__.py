"""Versioned schema migrations, applied in order by ``Store.migrate()``.

Each migration is a numbered module holding portable SQL (plain types only: VARCHAR, INTEGER,
BIGINT, DOUBLE PRECISION, DATE, TIMESTAMP; JSON is kept in VARCHAR columns) so the same steps can
run on DuckDB and, later, PostgreSQL. ``end`` and ``at`` are reserved words and are always quoted.

The bookkeeping table ``schema_migrations(version, name, applied_at)`` is created by the store
itself, not by a migration. A migration is never edited once released: add a new one instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from tieline.store.migrations import v001_initial

__all__ = ["LATEST_VERSION", "MIGRATIONS", "SCHEMA_MIGRATIONS_DDL", "Migration"]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


SCHEMA_MIGRATIONS_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(v001_initial.VERSION, v001_initial.NAME, v001_initial.STATEMENTS),
)

LATEST_VERSION: int = MIGRATIONS[-1].version
