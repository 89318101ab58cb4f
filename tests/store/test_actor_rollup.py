"""The ``actors`` roll-up kept incrementally for batches of new events equals a full recompute."""

from __future__ import annotations

import dataclasses

from store_samples import TEXT, kenya_article

from tieline.model import Article
from tieline.store._sql import SqlStore


def _variant(i: int) -> Article:
    """The sample article under a new id, dated i days later, with actor names varied (MIN must combine)."""
    a = kenya_article(TEXT + f" {i}.", article_id=f"roll-{i:03d}")
    events = []
    for e in a.events:
        actor = [
            dataclasses.replace(x, name=f"{x.name} {i % 3}", wikidata=None if i % 2 else "Q1")
            for x in e.actor
        ]
        events.append(
            dataclasses.replace(
                e, id=f"{a.id}-{e.id}", article_id=a.id, date=f"2024-03-{1 + i % 27:02d}", actor=actor
            )
        )
    a.events = events
    return a


def _rollup(store: SqlStore) -> list[tuple]:
    return sorted(tuple(sorted(r.items())) for r in store.actors(limit=10_000))


def _recomputed(store: SqlStore) -> list[tuple]:
    keys = {row[0] for row in store._all("SELECT actor_key FROM event_actors")}
    with store._transaction() as con:
        store._refresh_actors(con, keys)
    return _rollup(store)


def test_incremental_rollup_equals_full_recompute(store: SqlStore) -> None:
    articles = [_variant(i) for i in range(12)]
    for i in range(0, 12, 4):  # three batches of new articles: the incremental path
        store.write_articles(articles[i : i + 4], coder="c")
    incremental = _rollup(store)
    assert incremental, "the batches wrote no actors"
    assert incremental == _recomputed(store)
    pairs = store._all("SELECT COUNT(*) FROM (SELECT DISTINCT actor_key, event_id FROM event_actors) p")[0][0]
    assert sum(dict(r)["n_events"] for r in incremental) == pairs  # each event counted once per actor key


def test_rollup_after_a_recode_replaces_counts(store: SqlStore) -> None:
    articles = [_variant(i) for i in range(6)]
    store.write_articles(articles[:3], coder="c")
    store.write_articles(articles[3:], coder="c")
    first = _rollup(store)
    redo = _variant(1)
    redo.events = redo.events[:1]  # re-coded with fewer events: the full recompute path
    store.write_articles([redo], coder="c")
    after = _rollup(store)
    assert after != first
    assert after == _recomputed(store)
    store.write_articles([_variant(40)], coder="c")  # new events again: incremental on top of a recompute
    assert _rollup(store) == _recomputed(store)
