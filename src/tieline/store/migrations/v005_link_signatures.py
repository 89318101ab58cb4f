"""Migration 5: each member's link keeps its signature (``happening_events.sig``).

The signature (``tieline.dedup.cluster._Mention.signature``: everything the merge rules read of a mention
except its identity and article, as a stable key) lets the writer read a candidate happening one member a
signature (``SELECT MIN(event_id) ... GROUP BY happening_id, COALESCE(sig, event_id)``): complete linkage
compares a new mention with no more, so the decisions are those of reading every member, while what a
batch reads no longer grows with the happenings' size (``docs/scale.md``). The full members are read only
for the happenings a batch changes.

Links stored before this migration have no signature (NULL): each stands for itself, which is exact but
reads them all, as before; links written (or rewritten, ``tieline dedup rebuild``) afterwards carry one.
Both backends, one nullable column: existing stores migrate in place, nothing is rewritten.
"""

from __future__ import annotations

VERSION = 5
NAME = "link_signatures"

STATEMENTS: tuple[str, ...] = ("ALTER TABLE happening_events ADD COLUMN shape VARCHAR",)
