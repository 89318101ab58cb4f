"""Versioned schema migrations, applied in order by ``Store.migrate()``.

Each migration is a numbered module holding portable SQL (plain types only: VARCHAR, INTEGER,
BIGINT, DOUBLE PRECISION, DATE, TIMESTAMP; JSON is kept in VARCHAR columns) so the same steps run
on DuckDB and PostgreSQL. ``end`` and ``at`` are reserved words and are always quoted.

Dialect differences are isolated in ``render()``: on PostgreSQL every ``VARCHAR`` column becomes
``VARCHAR COLLATE "C"`` so text sorts by code point exactly as in DuckDB (and Python), whatever the
server's default locale; it also lets B-tree indexes serve ``LIKE 'prefix%'``. A statement that
cannot be written portably may be given as a mapping ``{"duckdb": sql, "postgresql": sql}``; an
empty string there means "nothing to do on this dialect".

The bookkeeping table ``schema_migrations(version, name, applied_at)`` is created by the store
itself, not by a migration. A migration is never edited once released: add a new one instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from tieline.store.migrations import (
    v001_initial,
    v002_happenings,
    v003_query_indexes,
    v004_duckdb_lean_indexes,
    v005_link_shapes,
    v006_duckdb_append_tables,
    v007_happening_summaries,
    v008_duckdb_keyless_growing,
)

__all__ = [
    "DIALECTS",
    "LATEST_VERSION",
    "MIGRATIONS",
    "SCHEMA_MIGRATIONS_DDL",
    "Dialect",
    "Migration",
    "Statement",
    "render",
]

Dialect = Literal["duckdb", "postgresql"]
DIALECTS: tuple[Dialect, ...] = ("duckdb", "postgresql")
Statement = str | Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[Statement, ...]

    def sql(self, dialect: Dialect) -> list[str]:
        """This migration's statements as the given dialect runs them (an empty one is skipped)."""
        return [sql for sql in (render(s, dialect) for s in self.statements) if sql.strip()]


_VARCHAR = re.compile(r"\bVARCHAR\b")


def render(statement: Statement, dialect: Dialect) -> str:
    """One statement in a dialect: a per-dialect mapping is looked up, portable SQL is adapted."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {dialect!r}")
    if not isinstance(statement, str):
        return statement[dialect]
    if dialect == "postgresql":
        return _VARCHAR.sub('VARCHAR COLLATE "C"', statement)
    return statement


SCHEMA_MIGRATIONS_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(v001_initial.VERSION, v001_initial.NAME, v001_initial.STATEMENTS),
    Migration(v002_happenings.VERSION, v002_happenings.NAME, v002_happenings.STATEMENTS),
    Migration(v003_query_indexes.VERSION, v003_query_indexes.NAME, v003_query_indexes.STATEMENTS),
    Migration(
        v004_duckdb_lean_indexes.VERSION, v004_duckdb_lean_indexes.NAME, v004_duckdb_lean_indexes.STATEMENTS
    ),
    Migration(v005_link_shapes.VERSION, v005_link_shapes.NAME, v005_link_shapes.STATEMENTS),
    Migration(
        v006_duckdb_append_tables.VERSION,
        v006_duckdb_append_tables.NAME,
        v006_duckdb_append_tables.STATEMENTS,
    ),
    Migration(
        v007_happening_summaries.VERSION,
        v007_happening_summaries.NAME,
        v007_happening_summaries.STATEMENTS,
    ),
    Migration(
        v008_duckdb_keyless_growing.VERSION,
        v008_duckdb_keyless_growing.NAME,
        v008_duckdb_keyless_growing.STATEMENTS,
    ),
)

LATEST_VERSION: int = MIGRATIONS[-1].version
