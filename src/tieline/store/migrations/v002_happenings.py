"""Migration 2: happenings (one row per real-world happening), the event -> happening link, the parties
a happening is looked up by, and the merge log that explains every merge and lets it be undone.

- ``happenings``: the representative type/mode/CAMEO/quad/Goldstein, date (and the interval its mentions
  span, for candidate look-up), parties and place (JSON), how many mentions, articles and independent
  sources (distinct outlets) it has, the current merge explanation and the event ids split off by hand
  (``excluded``, JSON lists).
- ``happening_events``: every stored event belongs to exactly one happening.
- ``happening_parties``: (happening, party key) so a new mention finds its candidates by party and date.
- ``dedup_apart``: pairs of events that must never share a happening (a merge undone by hand), both ways,
  so a split survives re-ingest and rebuilds.
- ``dedup_log``: append-only history (``new``, ``merge``, ``drop``, ``split``, ``undo``, ``rebuild``) with
  the rules that matched and the score; ``seq`` numbers the entries; ``undone_by`` points at the entry that reversed it.
"""

from __future__ import annotations

VERSION = 2
NAME = "happenings"

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE happenings (
        id VARCHAR PRIMARY KEY,
        event VARCHAR,
        mode VARCHAR,
        cameo VARCHAR,
        quad INTEGER,
        goldstein DOUBLE PRECISION,
        date DATE,
        date_precision VARCHAR,
        date_lo DATE,
        date_hi DATE,
        parties VARCHAR,
        actors VARCHAR,
        recipients VARCHAR,
        location VARCHAR,
        n_mentions INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        sources VARCHAR,
        explanation VARCHAR,
        excluded VARCHAR,
        updated_at TIMESTAMP NOT NULL
    )
    """,
    "CREATE INDEX happenings_date_idx ON happenings (date)",
    "CREATE INDEX happenings_span_idx ON happenings (date_lo, date_hi)",
    """
    CREATE TABLE happening_events (
        event_id VARCHAR PRIMARY KEY,
        happening_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL
    )
    """,
    "CREATE INDEX happening_events_happening_idx ON happening_events (happening_id)",
    "CREATE INDEX happening_events_article_idx ON happening_events (article_id)",
    """
    CREATE TABLE happening_parties (
        happening_id VARCHAR NOT NULL,
        party VARCHAR NOT NULL,
        PRIMARY KEY (happening_id, party)
    )
    """,
    "CREATE INDEX happening_parties_party_idx ON happening_parties (party)",
    """
    CREATE TABLE dedup_log (
        seq BIGINT PRIMARY KEY,
        "at" TIMESTAMP NOT NULL,
        action VARCHAR NOT NULL,
        happening_id VARCHAR,
        event_id VARCHAR,
        matched_with VARCHAR,
        rules VARCHAR,
        score DOUBLE PRECISION,
        detail VARCHAR,
        undone_by BIGINT
    )
    """,
    "CREATE INDEX dedup_log_event_idx ON dedup_log (event_id)",
    """
    CREATE TABLE dedup_apart (
        event_id VARCHAR NOT NULL,
        other_id VARCHAR NOT NULL,
        log_seq BIGINT,
        PRIMARY KEY (event_id, other_id)
    )
    """,
    "CREATE INDEX dedup_log_happening_idx ON dedup_log (happening_id)",
)
