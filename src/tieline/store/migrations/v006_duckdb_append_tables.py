"""Migration 6: on DuckDB the biggest append-mostly tables lose their primary keys.

DuckDB keeps a primary key as an ART index, loads what an insert's constraint check and a checkpoint
touch into memory, and cannot evict it while a transaction uses it: measured on a table of random string
keys (``tmp``-style probe in docs/scale.md), 1M keys left ~55-75 MiB more resident than the same table
without the key, and in a long ingest it was the part of the writer's memory that grew with the store
(the cap raised from 61 to 122 MiB near 16,000 articles). The writer never relied on these keys for
its result: a batch first deletes every row of its articles and events (``SqlStore.write_prepared``:
articles by id, events by article and by id, their actors and mentions by event and article) and the
happening links of the events it touches (``_happenings._Io.write``), then inserts, all in one
transaction; so a re-run replaces what it wrote and never duplicates it (tested without the keys).

Tables: ``mentions``, ``events``, ``event_actors`` (migration 1), ``happening_events``,
``happening_parties`` and ``dedup_log`` (migration 2; the links with migration 5's ``shape``). Each is
created again without its key (its NOT NULL columns kept), filled from the old one, which is dropped,
and renamed. DuckDB cannot drop a primary key in place. ``articles``, ``happenings``, ``actors``,
``skips`` and ``dedup_apart`` keep theirs (small, or the identity the reads look up). PostgreSQL keeps
every key: its B-tree indexes live in its own buffer cache, which it evicts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from tieline.store.migrations import v001_initial, v002_happenings

VERSION = 6
NAME = "duckdb_append_tables"

TABLES: tuple[str, ...] = (
    "mentions",
    "events",
    "event_actors",
    "happening_events",
    "happening_parties",
    "dedup_log",
)
# columns added to these tables by later migrations, in order (``INSERT ... SELECT *`` keeps the order)
ADDED: Mapping[str, tuple[str, ...]] = {"happening_events": ("shape VARCHAR",)}


def _create(table: str, suffix: str = "_v6") -> str:
    """The table's CREATE TABLE of migration 1 or 2 (released, so never edited), as ``<table><suffix>``."""
    for statement in (*v001_initial.STATEMENTS, *v002_happenings.STATEMENTS):
        if isinstance(statement, str) and re.search(rf"CREATE TABLE {table} \(", statement):
            sql = statement.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}{suffix} (")
            sql = re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", sql)  # a key of several columns
            return sql.replace(" PRIMARY KEY", " NOT NULL")  # a key of one column: still never empty
    raise LookupError(f"no CREATE TABLE {table} in migrations 1 and 2")


def _duckdb_only(sql: str) -> Mapping[str, str]:
    return {"duckdb": sql, "postgresql": ""}


def rebuilt_without_keys(
    tables: tuple[str, ...], added: Mapping[str, tuple[str, ...]], suffix: str
) -> tuple[Mapping[str, str], ...]:
    """DuckDB statements that create each table again without its key (``<table><suffix>``, with the
    columns later migrations ``added``), fill it from the old one, drop that and rename the new one."""
    out: list[Mapping[str, str]] = []
    for table in tables:
        new = f"{table}{suffix}"
        out.append(_duckdb_only(_create(table, suffix)))
        out += [_duckdb_only(f"ALTER TABLE {new} ADD COLUMN {column}") for column in added.get(table, ())]
        out.append(_duckdb_only(f"INSERT INTO {new} SELECT * FROM {table}"))
        out.append(_duckdb_only(f"DROP TABLE {table}"))
        out.append(_duckdb_only(f"ALTER TABLE {new} RENAME TO {table}"))
    return tuple(out)


STATEMENTS: tuple[Mapping[str, str], ...] = rebuilt_without_keys(TABLES, ADDED, "_v6")
