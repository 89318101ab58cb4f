"""The store contract, on every backend (DuckDB and PostgreSQL): round-trips, idempotent re-writes,
re-codes, filters, skips, migrations, errors and rollbacks. The ``store`` fixture (conftest) is parameterised."""

from __future__ import annotations

import datetime as dt

import pytest
from store_samples import TEXT, event, ids, kenya_article, state

from tieline.errors import StoreError, UsageError
from tieline.model import Article, Mention, SkipRecord
from tieline.store import LATEST_VERSION, Store, WriteResult, open_store
from tieline.store._sql import SqlStore
from tieline.store.migrations import MIGRATIONS


def test_is_a_store(store: SqlStore) -> None:
    assert isinstance(store, Store)


def test_round_trip_three_events_exactly(store: SqlStore) -> None:
    a = kenya_article()
    result = store.write_articles([a], coder="test-coder 1")
    assert result == WriteResult(articles_new=1, articles_updated=0, events_written=3)
    expected = sorted(a.events, key=lambda e: (e.date, e.evidence.start))
    assert store.events() == [e.to_dict() for e in expected]
    assert ids(store.events()) == [f"{a.id}-e1", f"{a.id}-e2", f"{a.id}-e3"]


def test_rewrite_same_article_adds_nothing(store: SqlStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    before = store.counts()
    assert before == {"articles": 1, "events": 3, "mentions": 3, "actors": 6, "skips": 0}
    again = store.write_articles([kenya_article()], coder="c")
    assert again == WriteResult(articles_new=0, articles_updated=1, events_written=3)
    assert store.counts() == before
    assert store.has_article(a.id)
    assert not store.has_article("nope")


def test_recode_replaces_events_and_actor_rollup(store: SqlStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="v1")
    recoded = kenya_article()
    recoded.events = [recoded.events[1]]  # only the KEN-USA agreement survives the new coder
    recoded.events[0].id = f"{a.id}-x1"
    store.write_articles([recoded], coder="v2")
    assert ids(store.events()) == [f"{a.id}-x1"]
    assert store.counts()["events"] == 1
    actors = {r["code"]: r for r in store.actors()}
    assert set(actors) == {"KEN", "USA"}
    assert actors["KEN"]["n_events"] == 1
    stored = store.article(a.id)
    assert stored is not None
    assert stored["coder"] == "v2"


def test_event_id_moving_to_another_article_is_not_duplicated(store: SqlStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    b = Article.create("Other text about Kenya and the United States.", id="b1", date="2024-04-01")
    moved = kenya_article().events[1]
    moved.article_id = "b1"
    b.events = [moved]
    store.write_articles([b], coder="c")
    assert store.counts()["events"] == 3
    assert [e["article_id"] for e in store.events() if e["id"] == moved.id] == ["b1"]


def test_dyad_filter_is_undirected_and_matches_codes(store: SqlStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    assert ids(store.events(dyad=("KEN", "USA"))) == [f"{a.id}-e1"]
    assert ids(store.events(dyad=("USA", "KEN"))) == [f"{a.id}-e1"]
    assert ids(store.events(dyad=("ken", "usa"))) == [f"{a.id}-e1"]
    assert ids(store.events(dyad=("KEN", "SOM"))) == [f"{a.id}-e2"]
    assert ids(store.events(dyad=("SOMREB", "USAGOV"))) == [f"{a.id}-e3"]
    # attribution is not a side of the dyad: the spokesman (USA) is not a recipient of e2
    assert store.events(dyad=("USA", "USA")) == []
    assert store.events(dyad=("KEN", "CHN")) == []


def test_actor_filter_either_side(store: SqlStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    assert ids(store.events(actor="SOM")) == [f"{a.id}-e2", f"{a.id}-e3"]
    assert ids(store.events(actor="KENMIL")) == [f"{a.id}-e2"]
    assert ids(store.events(actor="USA")) == [f"{a.id}-e1", f"{a.id}-e3"]


def test_date_type_article_and_paging_filters(store: SqlStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    day = dt.date(2024, 3, 4)
    assert ids(store.events(since=dt.date(2024, 3, 5))) == [f"{a.id}-e3"]
    assert ids(store.events(until=day)) == [f"{a.id}-e1", f"{a.id}-e2"]
    assert ids(store.events(since=day, until=day)) == [f"{a.id}-e1", f"{a.id}-e2"]
    assert ids(store.events(event_type="ASSAULT")) == [f"{a.id}-e2"]
    assert ids(store.events(event_type="assault")) == [f"{a.id}-e2"]
    assert ids(store.events(event_type="19")) == [f"{a.id}-e2"]  # CAMEO prefix
    assert ids(store.events(article_id=a.id, limit=1, offset=1)) == [f"{a.id}-e2"]
    assert store.events(article_id="other") == []
    assert ids(store.events(limit=0)) == []
    with pytest.raises(UsageError):
        store.events(limit=-1)
    with pytest.raises(UsageError):
        store.events(since=dt.date(2024, 3, 6), until=day)


def test_mentions_articles_and_article(store: SqlStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    assert store.mentions(a.id) == [m.to_dict(a.id) for m in sorted(a.mentions[:3], key=lambda m: m.start)]
    listed = store.articles()
    assert len(listed) == 1
    assert listed[0]["id"] == a.id
    assert listed[0]["date"] == "2024-03-04"
    assert listed[0]["n_events"] == 3
    assert listed[0]["n_chars"] == len(TEXT)
    assert "text" not in listed[0]
    one = store.article(a.id)
    assert one is not None
    assert one["text"] == TEXT
    assert one["title"] == "Pact and attack"
    assert store.article("missing") is None
    assert store.articles(since=dt.date(2025, 1, 1)) == []
    assert store.articles(source="wire")[0]["id"] == a.id


def test_dyad_summary(store: SqlStore) -> None:
    a = kenya_article()
    b = kenya_article(TEXT + " Again.")
    for e in b.events:
        e.date = "2024-05-01"
    store.write_articles([a, b], coder="c")
    summary = store.dyad_summary()
    assert [s["dyad"] for s in summary] == ["KEN-SOM", "KEN-USA", "SOM-USA"]
    ken_usa = summary[1]
    assert ken_usa == {
        "dyad": "KEN-USA",
        "a": "KEN",
        "b": "USA",
        "events": 2,
        "cooperation": 2,
        "conflict": 0,
        "goldstein_sum": 16.0,
        "goldstein_mean": 8.0,
        "first": "2024-03-04",
        "last": "2024-05-01",
    }
    assert summary[0]["conflict"] == 2
    assert len(store.dyad_summary(limit=1)) == 1
    assert [s["events"] for s in store.dyad_summary(since=dt.date(2024, 5, 1))] == [1, 1, 1]


def test_skips_are_keyed_on_source(store: SqlStore) -> None:
    store.write_skips(
        [SkipRecord("a.bin", "E102", "binary"), SkipRecord("b.txt", "E104", "empty")], run_id="r1"
    )
    store.write_skips([SkipRecord("a.bin", "E102", "binary", detail="NUL bytes")], run_id="r2")
    assert store.counts()["skips"] == 2
    rows = {s["source"]: s for s in store.skips()}
    assert rows["a.bin"]["run_id"] == "r2"
    assert rows["a.bin"]["detail"] == "NUL bytes"
    assert rows["b.txt"]["run_id"] == "r1"
    assert [s["source"] for s in store.skips(run_id="r2")] == ["a.bin"]


def test_closed_store_raises(store: SqlStore) -> None:
    s = store
    s.close()
    s.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        s.counts()


def test_bad_batches_write_nothing(store: SqlStore) -> None:
    a = kenya_article()
    a.events[0].article_id = "someone-else"
    with pytest.raises(StoreError, match="names article"):
        store.write_articles([a], coder="c")
    b = kenya_article()
    b.events[1].id = b.events[0].id
    with pytest.raises(StoreError, match="twice"):
        store.write_articles([b], coder="c")
    c = kenya_article()
    c.events[0].entities = [{"when": dt.date(2024, 1, 1)}]
    with pytest.raises(StoreError, match="JSON"):
        store.write_articles([c], coder="c")
    assert store.counts() == {"articles": 0, "events": 0, "mentions": 0, "actors": 0, "skips": 0}


def test_failed_transaction_rolls_back(store: SqlStore) -> None:
    store.write_articles([kenya_article()], coder="c")
    before = store.counts()
    bad = kenya_article(TEXT + " More.")
    bad.mentions.append(Mention(0, 5, "Kenya", None))  # a NULL label violates NOT NULL
    with pytest.raises(StoreError, match="failed"):
        store.write_articles([bad], coder="c")
    assert store.counts() == before
    store.write_articles([kenya_article(TEXT + " Fine.")], coder="c")  # the store is still usable
    assert store.counts()["articles"] == 2


def test_lone_surrogates_and_nul_round_trip(store: SqlStore) -> None:
    text = "Kenya\x00 signed \ud800 a deal with the United States."
    a = Article.create(text, id="s1", date="2024-01-02")
    ken, usa = state(text, "Kenya", "KEN"), state(text, "United States", "USA")
    ev = event(
        a,
        1,
        actor=[ken],
        recipient=[usa],
        kind="AGREE",
        cameo="057",
        quad=1,
        goldstein=3,
        date="2024-01-02",
        evidence="signed \ud800 a deal",
        trigger="signed",
    )
    a.events = [ev]
    store.write_articles([a], coder="c")
    assert store.events() == [ev.to_dict()]
    stored = store.article("s1")
    assert stored is not None
    assert len(stored["text"]) == len(text)


def test_coarse_and_missing_dates(store: SqlStore) -> None:
    a = kenya_article()
    a.events[0].date = "2024-03"
    a.events[0].date_precision = "month"
    a.events[1].date = ""
    store.write_articles([a], coder="c")
    got = store.events()
    assert [e["date"] for e in got] == ["2024-03", "2024-03-04", ""]  # undated last, records unchanged
    assert ids(store.events(since=dt.date(2024, 3, 1), until=dt.date(2024, 3, 1))) == [a.events[0].id]


# -- migrations --------------------------------------------------------------------------------------


def test_migrate_is_idempotent_and_versioned(blank_store: SqlStore) -> None:
    s = blank_store
    assert s.schema_version() == 0
    with pytest.raises(StoreError, match=f"expects {LATEST_VERSION}"):
        s.check_schema()
    assert s.migrate() == LATEST_VERSION
    assert s.migrate() == LATEST_VERSION
    assert s.schema_version() == LATEST_VERSION
    assert s.check_schema() == LATEST_VERSION
    assert s._all("SELECT version, name FROM schema_migrations ORDER BY version") == [
        (m.version, m.name) for m in MIGRATIONS
    ]
    assert (1, "initial") in [(m.version, m.name) for m in MIGRATIONS]
    assert [(m.version, m.name) for m in MIGRATIONS][:2] == [(1, "initial"), (2, "happenings")]
    s.write_articles([kenya_article()], coder="c")
    assert s.migrate() == LATEST_VERSION  # migrating again keeps the data
    assert s.counts()["events"] == 3


def test_a_missing_lower_migration_is_applied_and_checked(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Versions may arrive out of order from branches (3 before 2): check_schema refuses a database
    that lacks a known version below its highest, and migrate applies it."""
    import tieline.store._sql as sql_module
    from tieline.store.migrations import Migration

    gap = Migration(2, "gap_test", ("CREATE TABLE gap_test (x INTEGER)",))
    known = tuple(sorted((*MIGRATIONS, gap), key=lambda m: m.version))
    if any(m.version == 2 for m in MIGRATIONS):
        pytest.skip("version 2 exists; the gap is simulated only while it does not")
    monkeypatch.setattr(sql_module, "MIGRATIONS", known)
    try:
        with pytest.raises(StoreError, match=r"lacks migrations \[2\]"):
            store.check_schema()
        assert store.migrate() == LATEST_VERSION
        assert store.check_schema() == LATEST_VERSION
        assert store._all("SELECT COUNT(*) FROM gap_test") == [(0,)]
    finally:
        with store._transaction() as con:
            store._execute(con, "DROP TABLE IF EXISTS gap_test")


def test_newer_schema_is_refused(store_url: str) -> None:
    with open_store(store_url) as s:
        assert isinstance(s, SqlStore)
        with s._transaction() as con:
            s._execute(
                con,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [99, "future", dt.datetime(2030, 1, 1)],
            )
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)
    with open_store(store_url, migrate=False, check=False) as s:
        info = s.info()
        assert info["schema_version"] == 99
        assert info["counts"] is None


def test_open_store_migrates_reopens_and_reads_only(store_url: str) -> None:
    a = kenya_article()
    with open_store(store_url, migrate=False, check=False) as s:
        assert s.schema_version() == 0
    with pytest.raises(StoreError, match=f"expects {LATEST_VERSION}"):
        open_store(store_url, migrate=False)
    with open_store(store_url) as s:
        s.write_articles([a], coder="c")
    with open_store(store_url, read_only=True) as s:
        assert s.events() == [e.to_dict() for e in sorted(a.events, key=lambda e: (e.date, e.evidence.start))]
        with pytest.raises(StoreError, match="read-only"):
            s.write_articles([a], coder="c")
        with pytest.raises(StoreError, match="read-only"):
            s.vacuum()
    with open_store(store_url) as s:
        assert s.counts()["events"] == 3


def test_info_and_vacuum(store: SqlStore) -> None:
    store.write_articles([kenya_article()], coder="c")
    info = store.info()
    assert info["backend"] == store.backend
    assert info["schema_version"] == info["latest_version"] == LATEST_VERSION
    assert info["counts"] == store.counts()
    assert info["read_only"] is False
    store.vacuum()
    assert store.counts()["events"] == 3
    if store.backend == "postgresql":
        assert isinstance(info["size_bytes"], int) and info["size_bytes"] > 0


def test_text_sorts_by_code_point(store: SqlStore) -> None:
    """Ordering is the same on every backend whatever the server locale (PostgreSQL: C collation)."""
    names = ["b.txt", "B.txt", "a.txt", "_x", "é.txt", "Z.txt", "10.txt", "9.txt"]
    store.write_skips([SkipRecord(n, "E104", "empty") for n in names], run_id="r")
    assert [s["source"] for s in store.skips()] == sorted(names)
    arts = []
    for n in ("b", "B", "a", "_"):
        art = kenya_article(TEXT + n, article_id=n)
        for i, e in enumerate(art.events):
            e.id = f"{n}-{i}"
            e.article_id = n
        arts.append(art)
    store.write_articles(arts, coder="c")
    same_day = [e["article_id"] for e in store.events(since=dt.date(2024, 3, 5))]
    assert same_day == sorted(["b", "B", "a", "_"])


def test_many_articles_in_one_batch(store: SqlStore) -> None:
    """A batch bigger than the IN-list chunk (1000) and the bulk thresholds."""
    batch = [kenya_article(TEXT + f" {i}.", article_id=f"a{i:04d}") for i in range(1100)]
    for art in batch:
        art.events = art.events[1:2]  # the KEN-USA agreement (Event.to_dict is slow: keep the test fast)
        art.events[0].id = f"{art.id}-e1"
        art.events[0].article_id = art.id
    result = store.write_articles(batch, coder="c")
    assert result == WriteResult(articles_new=1100, articles_updated=0, events_written=1100)
    again = store.write_articles(batch, coder="c")
    assert again == WriteResult(articles_new=0, articles_updated=1100, events_written=1100)
    assert store.counts() == {"articles": 1100, "events": 1100, "mentions": 3300, "actors": 2, "skips": 0}
    assert {a["code"]: a["n_events"] for a in store.actors()} == {"KEN": 1100, "USA": 1100}
    assert len(store.events(dyad=("KEN", "USA"))) == 1100


def test_is_the_store_protocol(store: SqlStore) -> None:
    assert isinstance(store, Store)
