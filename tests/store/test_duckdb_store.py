"""DuckDB store: round-trips, idempotent re-writes, re-codes, filters, skips, migrations."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tieline.errors import StoreError, UsageError
from tieline.model import Actor, Article, Event, Evidence, Location, Mention, SkipRecord
from tieline.store import LATEST_VERSION, DuckDBStore, Store, WriteResult, open_store
from tieline.store.duckdb import BulkMode

TEXT = (
    "Kenya and the United States signed a security pact on Monday. "
    "Somali militants attacked a Kenyan border post. "
    "Washington condemned the attack, a spokesman said."
)


def span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def state(
    text: str, needle: str, country: str, *, sector: str | None = None, name: str | None = None
) -> Actor:
    s, e = span(text, needle)
    code = country + (sector or "")
    return Actor(
        text=needle,
        start=s,
        end=e,
        name=name or country,
        country=country,
        sector=sector,
        kind="state" if sector is None else "sector",
        code=code,
        wikidata=None,
    )


def event(
    article: Article,
    n: int,
    *,
    actor: list[Actor],
    recipient: list[Actor],
    kind: str,
    cameo: str,
    quad: int,
    goldstein: float,
    date: str,
    evidence: str,
    trigger: str,
    attribution: list[Actor] | None = None,
    location: Location | None = None,
) -> Event:
    es, ee = span(article.text, evidence)
    ts, te = span(article.text, trigger, es)
    return Event(
        id=f"{article.id}-e{n}",
        article_id=article.id,
        date=date,
        event=kind,
        mode="",
        context=["military"] if quad >= 3 else [],
        cameo=cameo,
        goldstein=goldstein,
        quad=quad,
        actor=actor,
        recipient=recipient,
        location=location,
        modality="asserted",
        confidence=0.8,
        evidence=Evidence(text=evidence, start=es, end=ee, trigger={"text": trigger, "start": ts, "end": te}),
        reason=f"pattern {kind.lower()}-{n}",
        coder="test-coder 1",
        attribution=attribution or [],
        entities=[{"text": trigger, "kind": "trigger"}],
    )


def kenya_article(text: str = TEXT, *, article_id: str | None = None) -> Article:
    a = Article.create(
        text, id=article_id, title="Pact and attack", date="2024-03-04", source="wire", url="u:1"
    )
    ken = state(text, "Kenya", "KEN")
    usa = state(text, "United States", "USA")
    som = Actor(
        text="Somali militants",
        start=span(text, "Somali militants")[0],
        end=span(text, "Somali militants")[1],
        name="al-Shabaab",
        country="SOM",
        sector="REB",
        kind="armed_group",
        code="SOMREB",
        wikidata="Q191024",
    )
    kenmil = state(text, "Kenyan border post", "KEN", sector="MIL", name="Kenya Defence Forces")
    wash = state(text, "Washington", "USA", sector="GOV", name="United States government")
    wash.role = "government"
    spokesman = Actor(
        text="a spokesman",
        start=span(text, "a spokesman")[0],
        end=span(text, "a spokesman")[1],
        name="spokesman",
        country="USA",
        sector="GOV",
        kind="person",
        code="USAGOV",
    )
    loc = Location(
        text="Kenyan border post",
        start=kenmil.start,
        end=kenmil.end,
        name="Kenya",
        kind="country",
        country="KEN",
        lat=0.5,
        lon=38.0,
        precision="country",
    )
    a.mentions = [
        Mention(*span(text, "Kenya"), text="Kenya", label="GPE", entity_id="KEN"),
        Mention(*span(text, "United States"), text="United States", label="GPE", entity_id="USA"),
        Mention(*span(text, "Monday"), text="Monday", label="DATE"),
        Mention(*span(text, "Kenya"), text="Kenya", label="GPE", source="gazetteer"),  # same key: dropped
    ]
    a.events = [
        # deliberately out of date order
        event(
            a,
            3,
            actor=[wash],
            recipient=[som],
            kind="REJECT",
            cameo="111",
            quad=3,
            goldstein=-2.0,
            date="2024-03-05",
            evidence="Washington condemned the attack",
            trigger="condemned",
            attribution=[spokesman],
        ),
        event(
            a,
            1,
            actor=[ken],
            recipient=[usa],
            kind="AGREE",
            cameo="057",
            quad=1,
            goldstein=8.0,
            date="2024-03-04",
            evidence="Kenya and the United States signed a security pact",
            trigger="signed",
        ),
        event(
            a,
            2,
            actor=[som],
            recipient=[kenmil],
            kind="ASSAULT",
            cameo="190",
            quad=4,
            goldstein=-10.0,
            date="2024-03-04",
            evidence="Somali militants attacked a Kenyan border post",
            trigger="attacked",
            location=loc,
        ),
    ]
    return a


@pytest.fixture
def store() -> Iterator[DuckDBStore]:
    s = DuckDBStore(":memory:")
    s.migrate()
    yield s
    s.close()


def ids(records: list[dict]) -> list[str]:
    return [r["id"] for r in records]


def test_is_a_store(store: DuckDBStore) -> None:
    assert isinstance(store, Store)


def test_round_trip_three_events_exactly(store: DuckDBStore) -> None:
    a = kenya_article()
    result = store.write_articles([a], coder="test-coder 1")
    assert result == WriteResult(articles_new=1, articles_updated=0, events_written=3)
    expected = sorted(a.events, key=lambda e: (e.date, e.evidence.start))
    assert store.events() == [e.to_dict() for e in expected]
    assert ids(store.events()) == [f"{a.id}-e1", f"{a.id}-e2", f"{a.id}-e3"]


def test_rewrite_same_article_adds_nothing(store: DuckDBStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    before = store.counts()
    assert before == {"articles": 1, "events": 3, "mentions": 3, "actors": 6, "skips": 0}
    again = store.write_articles([kenya_article()], coder="c")
    assert again == WriteResult(articles_new=0, articles_updated=1, events_written=3)
    assert store.counts() == before
    assert store.has_article(a.id)
    assert not store.has_article("nope")


def test_recode_replaces_events_and_actor_rollup(store: DuckDBStore) -> None:
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


def test_event_id_moving_to_another_article_is_not_duplicated(store: DuckDBStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    b = Article.create("Other text about Kenya and the United States.", id="b1", date="2024-04-01")
    moved = kenya_article().events[1]
    moved.article_id = "b1"
    b.events = [moved]
    store.write_articles([b], coder="c")
    assert store.counts()["events"] == 3
    assert [e["article_id"] for e in store.events() if e["id"] == moved.id] == ["b1"]


def test_dyad_filter_is_undirected_and_matches_codes(store: DuckDBStore) -> None:
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


def test_actor_filter_either_side(store: DuckDBStore) -> None:
    a = kenya_article()
    store.write_articles([a], coder="c")
    assert ids(store.events(actor="SOM")) == [f"{a.id}-e2", f"{a.id}-e3"]
    assert ids(store.events(actor="KENMIL")) == [f"{a.id}-e2"]
    assert ids(store.events(actor="USA")) == [f"{a.id}-e1", f"{a.id}-e3"]


def test_date_type_article_and_paging_filters(store: DuckDBStore) -> None:
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


def test_mentions_articles_and_article(store: DuckDBStore) -> None:
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


def test_dyad_summary(store: DuckDBStore) -> None:
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


def test_skips_are_keyed_on_source(store: DuckDBStore) -> None:
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


def test_migrate_is_idempotent_and_versioned() -> None:
    with DuckDBStore(":memory:") as s:
        assert s.schema_version() == 0
        assert s.migrate() == LATEST_VERSION == 1
        assert s.migrate() == 1
        assert s.schema_version() == 1
        rows = s.con.execute("SELECT version, name FROM schema_migrations").fetchall()
        assert rows == [(1, "initial")]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with open_store(db) as s:
        assert isinstance(s, DuckDBStore)
        s.con.execute("INSERT INTO schema_migrations VALUES (99, 'future', TIMESTAMP '2030-01-01 00:00:00')")
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_file_store_persists_and_reopens_read_only(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "events.duckdb"
    a = kenya_article()
    with open_store(db) as s:
        s.write_articles([a], coder="c")
    with open_store(str(db), read_only=True) as s:
        assert s.events() == [e.to_dict() for e in sorted(a.events, key=lambda e: (e.date, e.evidence.start))]
        with pytest.raises(StoreError, match="read-only"):
            s.write_articles([a], coder="c")


def test_open_store_default_path_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.duckdb"
    monkeypatch.setenv("TIELINE_DB", str(db))
    with open_store() as s:
        assert s.schema_version() == 1
    assert db.exists()
    monkeypatch.delenv("TIELINE_DB")
    monkeypatch.chdir(tmp_path)
    with open_store(None) as s:
        s.write_skips([SkipRecord("x", "E104", "empty")], run_id="r")
    assert (tmp_path / "tieline.duckdb").exists()


def test_open_store_urls() -> None:
    with pytest.raises(StoreError, match="PostgreSQL support is not available yet") as info:
        open_store("postgresql://x")
    assert info.value.code == "E040"
    assert info.value.hint
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://x")
    with open_store("duckdb::memory:") as s:
        assert s.counts()["events"] == 0


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(junk)


def test_closed_store_raises() -> None:
    s = open_store(":memory:")
    s.close()
    s.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        s.counts()


def test_bad_batches_write_nothing(store: DuckDBStore) -> None:
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


def test_failed_transaction_rolls_back(store: DuckDBStore) -> None:
    store.write_articles([kenya_article()], coder="c")
    before = store.counts()
    bad = kenya_article(TEXT + " More.")
    bad.mentions.append(Mention(0, 5, "Kenya", None))  # a NULL label violates NOT NULL
    with pytest.raises(StoreError, match="failed"):
        store.write_articles([bad], coder="c")
    assert store.counts() == before
    store.write_articles([kenya_article(TEXT + " Fine.")], coder="c")  # the store is still usable
    assert store.counts()["articles"] == 2


def test_lone_surrogates_and_nul_round_trip(store: DuckDBStore) -> None:
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


def test_coarse_and_missing_dates(store: DuckDBStore) -> None:
    a = kenya_article()
    a.events[0].date = "2024-03"
    a.events[0].date_precision = "month"
    a.events[1].date = ""
    store.write_articles([a], coder="c")
    got = store.events()
    assert [e["date"] for e in got] == ["2024-03", "2024-03-04", ""]  # undated last, records unchanged
    assert ids(store.events(since=dt.date(2024, 3, 1), until=dt.date(2024, 3, 1))) == [a.events[0].id]


def test_bulk_modes_agree() -> None:
    articles = [kenya_article(TEXT + f" Item {i}.") for i in range(5)]
    results = []
    modes: tuple[BulkMode, ...] = ("frame", "values", "auto")
    for mode in modes:
        with DuckDBStore(":memory:", bulk=mode) as s:
            s.migrate()
            s.write_articles(articles, coder="c")
            results.append((s.events(), s.counts(), s.actors(), s.dyad_summary(), s.mentions(articles[0].id)))
    assert results[0] == results[1] == results[2]
    assert results[0][1]["events"] == 15


def test_second_process_cannot_open_a_locked_file(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    open_store(db).close()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "ready"
            with pytest.raises(StoreError) as info:
                open_store(db)
            assert "another tieline process" in info.value.hint
        finally:
            holder.kill()
    with open_store(db) as s:  # free again once the writer is gone
        assert s.schema_version() == LATEST_VERSION


HOLD_LOCK = """
import sys, time
from tieline.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


def test_public_names_complete() -> None:
    import tieline.store as pkg

    assert len(pkg.__all__) == len(set(pkg.__all__))  # order is ruff's (RUF022)
    public = {n for n in vars(pkg) if not n.startswith("_") and n not in {"annotations"}}
    public -= {"base", "duckdb", "migrations"}  # submodules
    assert public == set(pkg.__all__)
