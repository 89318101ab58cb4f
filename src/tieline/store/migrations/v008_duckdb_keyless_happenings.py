"""Migration 8: on DuckDB ``happenings`` loses its primary key too.

Migration 6 took the keys off the big append-mostly tables and left ``happenings`` its own, as the
identity the reads look up. It is the biggest table still keyed: one row a happening, ~7 a generated
article (147,561 after 19,968 articles, docs/scale.md), so its ART index grows with the store, and DuckDB
cannot evict it. Replaying a captured ingest (docs/scale.md, "Memory round 11") showed 10.0 MiB of ART
index at 14,016 articles and the writer's 31 MiB cap raised to 61 MiB at 13,056, a step of +53 MiB in the
parent's RSS, though glibc's heap stayed flat. The key bought the reads nothing: they look happenings up
with ``IN`` lists, which DuckDB answers with a hash join over the column, not with the index (migration
4). The writer never relied on it: ``_happenings._Io.write`` deletes every happening of a batch by id and
inserts them in the same transaction, and refuses a batch that holds one id twice, so a re-run replaces
what it wrote.

The table is created again without the key (``id`` kept NOT NULL, migration 7's ``summary`` added),
filled from the old one, which is dropped, and renamed, as in migration 6. ``articles``, ``actors``,
``skips`` and ``dedup_apart`` keep theirs: one row an article, an actor, a skipped source or a pair an
analyst kept apart, small beside the events. PostgreSQL keeps every key (its B-tree pages live in its own
buffer cache, which it evicts).
"""

from __future__ import annotations

from collections.abc import Mapping

from tieline.store.migrations import v006_duckdb_append_tables as v6

VERSION = 8
NAME = "duckdb_keyless_happenings"


def _duckdb_only(sql: str) -> Mapping[str, str]:
    return {"duckdb": sql, "postgresql": ""}


STATEMENTS: tuple[Mapping[str, str], ...] = (
    _duckdb_only(v6._create("happenings").replace("happenings_v6", "happenings_v8")),
    _duckdb_only("ALTER TABLE happenings_v8 ADD COLUMN summary VARCHAR"),
    _duckdb_only("INSERT INTO happenings_v8 SELECT * FROM happenings"),
    _duckdb_only("DROP TABLE happenings"),
    _duckdb_only("ALTER TABLE happenings_v8 RENAME TO happenings"),
)
