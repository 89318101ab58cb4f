"""What a write reads of the store: a batch of new articles reads none of their stored rows (there are
none), a re-write still replaces, and an event id taken over by another article still moves."""

from __future__ import annotations

from typing import Any

import pytest
from store_samples import kenya_batch

from tieline.model import Article
from tieline.store._sql import SqlStore

# the reads and deletes of a batch's own stored rows, which a batch of new articles skips
OWN_ROWS = (
    "FROM events WHERE article_id",
    "DELETE FROM mentions",
    "DELETE FROM articles",
    "FROM happening_events WHERE event_id",
)


def _articles(tag: str, n: int = 3) -> list[Article]:
    return kenya_batch(n, tag=tag)


def _statements(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL the store runs from now on (the real statements, recorded as they go to the driver)."""
    seen: list[str] = []
    run = store._execute

    def recording(con: Any, sql: str, params: Any = ()) -> Any:
        seen.append(" ".join(sql.split()))
        return run(con, sql, params)

    monkeypatch.setattr(store, "_execute", recording)
    return seen


def _own_reads(seen: list[str]) -> list[str]:
    return [s for s in seen if any(p in s for p in OWN_ROWS)]


def test_a_batch_of_new_articles_reads_none_of_its_stored_rows(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write_articles(_articles("a"), coder="c")
    seen = _statements(store, monkeypatch)
    store.write_articles(_articles("b"), coder="c")
    assert seen and _own_reads(seen) == []
    counts = store.counts()
    assert counts["articles"] == 6 and counts["events"] == 18

    # a batch holding a stored article reads and replaces its rows: nothing is duplicated
    seen.clear()
    res = store.write_articles(_articles("a", 2) + _articles("c", 1), coder="c")
    assert res.articles_updated == 2 and res.articles_new == 1
    assert {p for p in OWN_ROWS if any(p in s for s in seen)} == set(OWN_ROWS)
    counts = store.counts()
    assert counts["articles"] == 7 and counts["events"] == 21
    links = store._all("SELECT event_id, COUNT(*) FROM happening_events GROUP BY event_id")
    assert len(links) == 21 and {n for _, n in links} == {1}


def test_an_event_id_taken_by_a_new_article_still_moves_the_stored_event(store: SqlStore) -> None:
    (a,) = _articles("a", 1)
    store.write_articles([a], coder="c")
    (b,) = _articles("b", 1)
    b.events[0].id = a.events[0].id  # a hand-made id, taken from an article already stored
    store.write_articles([b], coder="c")
    rows = store._all("SELECT article_id FROM events WHERE id = ?", [a.events[0].id])
    assert rows == [(b.id,)]
    assert store.counts()["events"] == 5
    links = store._all("SELECT event_id, COUNT(*) FROM happening_events GROUP BY event_id")
    assert len(links) == 5 and {n for _, n in links} == {1}
