"""Migration 5: each member's link keeps its shape (``happening_events.shape``).

The shape (``tieline.store._happenings.shape_of``) is the key of everything the clusterer reads of a
member except its id, article, date (with precision and source) and evidence offsets: its type, mode,
CAMEO code, modality, quad, Goldstein value, place and parties. The writer reads the stored members of
a shape once in full (their parties from ``event_actors``, their place) and the others only for what is
their own (``_Io.member_events``): the dicts the clusterer gets are the same, so are the decisions, and
what a batch reads in full no longer grows with the happenings' size (``docs/scale.md``).

Links stored before this migration have no shape (NULL) and are read in full, as before; links written
afterwards (or by ``tieline dedup rebuild``) carry one. Both backends, one nullable column: existing
stores migrate in place, nothing is rewritten.
"""

from __future__ import annotations

VERSION = 5
NAME = "link_shapes"

STATEMENTS: tuple[str, ...] = ("ALTER TABLE happening_events ADD COLUMN shape VARCHAR",)
