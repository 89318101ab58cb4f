"""Migration 8: on DuckDB ``happenings``, ``articles`` and ``actors`` lose their primary keys too.

Migration 6 took the keys off the big append-mostly tables and left these three theirs, as the identity
the reads look up. Each grows with the store (one row a happening, ~7 a generated article: 147,561 after
19,968 articles, docs/scale.md; one an article; one an actor), so their ART indexes grew with it, and
DuckDB cannot evict an ART index. Replaying a captured ingest (docs/scale.md, "Memory round 11") showed
10.0 MiB of ART index at 14,016 articles and the writer's 31 MiB cap raised to 61 MiB at 13,056, a step
of +53 MiB in the parent's RSS, though glibc's heap stayed flat; without the happenings key the cap held
at 31 MiB to 20,000 articles and the ART left (``articles`` and ``actors``) grew 1.5 -> 2.2 MiB.

The keys bought the reads little: the writer looks rows up with ``IN`` lists, which DuckDB answers with
a hash join over the column, not with the index (migration 4); a lookup of one happening by id scans the
column (0.5 -> 2.9 ms at 150,000 happenings). The writer never relied on them: it deletes a batch's
stored articles by id before it inserts them (``SqlStore.write_prepared``; ``prepare_batch`` keeps one
copy of an id), every actor roll-up row it rewrites (``_take_from_actors``, ``_add_to_actors``,
``_refresh_actors``: one row a key, from a dict or a GROUP BY) and every happening it writes
(``_happenings._Io.write``, which refuses one id twice), in the same transaction; so a re-run replaces
what it wrote (tested on both back ends).

Each table is created again without its key (the key column kept NOT NULL, migration 7's ``summary``
added to ``happenings``), filled from the old one, which is dropped, and renamed, as in migration 6.
``skips`` (one row a skipped source) and ``dedup_apart`` (pairs an analyst kept apart) keep theirs.
PostgreSQL keeps every key: its B-tree pages live in its own buffer cache, which it evicts.
"""

from __future__ import annotations

from collections.abc import Mapping

from tieline.store.migrations import v006_duckdb_append_tables as v6

VERSION = 8
NAME = "duckdb_keyless_growing"

TABLES: tuple[str, ...] = ("happenings", "articles", "actors")
# columns added to these tables by later migrations, in order (``INSERT ... SELECT *`` keeps the order)
ADDED: Mapping[str, tuple[str, ...]] = {"happenings": ("summary VARCHAR",)}


STATEMENTS: tuple[Mapping[str, str], ...] = v6.rebuilt_without_keys(TABLES, ADDED, "_v8")
