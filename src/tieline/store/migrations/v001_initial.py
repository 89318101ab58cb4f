"""Migration 1: articles, mentions, events, event actors, the actor roll-up and skipped inputs."""

from __future__ import annotations

VERSION = 1
NAME = "initial"

STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        title VARCHAR,
        date DATE,
        url VARCHAR,
        source VARCHAR,
        path VARCHAR,
        text VARCHAR NOT NULL,
        n_chars INTEGER NOT NULL,
        coder VARCHAR,
        coded_at TIMESTAMP
    )
    """,
    """
    CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR,
        label VARCHAR NOT NULL,
        entity_id VARCHAR,
        source VARCHAR,
        PRIMARY KEY (article_id, start, "end", label)
    )
    """,
    """
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        date DATE,
        date_precision VARCHAR,
        date_source VARCHAR,
        event VARCHAR,
        mode VARCHAR,
        context VARCHAR,
        cameo VARCHAR,
        cameo_root VARCHAR,
        goldstein DOUBLE PRECISION,
        quad INTEGER,
        modality VARCHAR,
        confidence DOUBLE PRECISION,
        evidence_start INTEGER,
        evidence_end INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        location VARCHAR,
        reason VARCHAR,
        coder VARCHAR,
        record VARCHAR NOT NULL
    )
    """,
    "CREATE INDEX events_article_idx ON events (article_id)",
    "CREATE INDEX events_date_idx ON events (date)",
    """
    CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        side VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        start INTEGER,
        "end" INTEGER,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kind VARCHAR,
        code VARCHAR,
        role VARCHAR,
        wikidata VARCHAR,
        entity_id VARCHAR,
        actor_key VARCHAR NOT NULL,
        PRIMARY KEY (event_id, side, idx)
    )
    """,
    "CREATE INDEX event_actors_country_idx ON event_actors (country)",
    "CREATE INDEX event_actors_code_idx ON event_actors (code)",
    "CREATE INDEX event_actors_article_idx ON event_actors (article_id)",
    "CREATE INDEX event_actors_key_idx ON event_actors (actor_key)",
    """
    CREATE TABLE actors (
        actor_key VARCHAR PRIMARY KEY,
        code VARCHAR,
        name VARCHAR,
        kind VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        wikidata VARCHAR,
        first_seen DATE,
        last_seen DATE,
        n_events INTEGER NOT NULL
    )
    """,
    "CREATE INDEX actors_code_idx ON actors (code)",
    """
    CREATE TABLE skips (
        source VARCHAR PRIMARY KEY,
        code VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        detail VARCHAR,
        run_id VARCHAR,
        "at" TIMESTAMP NOT NULL
    )
    """,
)
