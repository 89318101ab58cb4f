"""Migration 7: each happening keeps a summary of its members (``happenings.summary``, JSON).

The summary (``tieline.dedup.cluster._fold``) holds, as counts and firsts, everything the clusterer
reads of a happening's members to build it: per type its count and first member (in the canonical
order), per (type, CAMEO code) and (type, mode) counts and firsts, the best dated and best located
members' dates and place, the first mention of each party, the span of the members' dates, one
representative event a signature, and (added by the writer) the outlets of its articles. A stored
happening that only gains members in a write is then built from its summary and the new mentions,
reading its representatives instead of every member; anything else (a member re-coded or gone, a
happening without a summary) is read in full, as before, and written with a summary.

Both backends, one nullable column: existing happenings keep NULL until a write builds them in full
once; nothing is rewritten by the migration.
"""

from __future__ import annotations

VERSION = 7
NAME = "happening_summaries"

STATEMENTS: tuple[str, ...] = ("ALTER TABLE happenings ADD COLUMN summary VARCHAR",)
