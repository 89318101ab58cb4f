"""Property tests: any events round-trip through the store exactly (DuckDB and PostgreSQL); the dyad
filter is undirected."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_pg import DATA_TABLES, reset_postgres

from tieline.model import Actor, Article, Event, Evidence, Location
from tieline.store import DuckDBStore
from tieline.store._sql import SqlStore
from tieline.store.duckdb import BulkMode


@functools.cache
def _shared_store(bulk: BulkMode) -> DuckDBStore:
    store = DuckDBStore(":memory:", bulk=bulk)
    store.migrate()
    return store


def empty_store(bulk: BulkMode = "auto") -> DuckDBStore:
    """One migrated in-memory store per bulk mode, emptied for each example (migrating costs ~50 ms)."""
    store = _shared_store(bulk)
    for table in ("event_actors", "events", "mentions", "articles", "actors", "skips"):
        store.con.execute(f"DELETE FROM {table}")
    assert store.counts() == dict.fromkeys(("articles", "events", "mentions", "actors", "skips"), 0)
    return store


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

codes = st.sampled_from(["KEN", "USA", "SOM", "CHN"])
maybe_str = st.none() | st.text(max_size=8)
offsets = st.integers(min_value=0, max_value=10_000)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def actors(draw: st.DrawFn) -> Actor:
    c = draw(st.none() | codes)
    start = draw(offsets)
    return Actor(
        text=draw(st.text(max_size=12)),
        start=start,
        end=start + draw(st.integers(0, 40)),
        name=draw(st.text(max_size=12)),
        country=c,
        sector=draw(st.none() | st.sampled_from(["GOV", "MIL", "REB"])),
        kind=draw(st.sampled_from(["state", "person", "igo", "armed_group", "org", "sector"])),
        code=draw(st.text(max_size=8)),
        role=draw(maybe_str),
        wikidata=draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,6}", fullmatch=True)),
        entity_id=draw(maybe_str),
    )


@st.composite
def locations(draw: st.DrawFn) -> Location:
    start = draw(offsets)
    return Location(
        text=draw(st.text(max_size=10)),
        start=start,
        end=start + draw(st.integers(0, 20)),
        name=draw(st.text(max_size=10)),
        kind=draw(st.sampled_from(["country", "city", "sea"])),
        country=draw(st.none() | codes),
        lat=draw(st.none() | st.floats(-90, 90)),
        lon=draw(st.none() | st.floats(-180, 180)),
        precision=draw(st.sampled_from(["exact", "city", "unknown"])),
        geonames_id=draw(st.none() | st.integers(1, 10**9)),
    )


@st.composite
def events(draw: st.DrawFn, article_id: str, n: int) -> Event:
    start = draw(offsets)
    date = draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    text_date = {"day": date.isoformat(), "month": date.isoformat()[:7], "year": str(date.year)}[precision]
    side = st.lists(actors(), max_size=3)
    return Event(
        id=f"{article_id}-{n}-{draw(st.text(max_size=4))}",
        article_id=article_id,
        date=draw(st.sampled_from([date.isoformat(), text_date])),
        event=draw(st.sampled_from(["AGREE", "ASSAULT", "REJECT", "CONSULT"])),
        mode=draw(st.text(max_size=6)),
        context=draw(st.lists(st.text(max_size=6), max_size=3)),
        cameo=draw(st.from_regex(r"[0-9]{2,4}", fullmatch=True) | st.just("")),
        goldstein=draw(st.floats(-10, 10) | st.integers(-10, 10)),
        quad=draw(st.integers(0, 4)),
        actor=draw(side),
        recipient=draw(side),
        location=draw(st.none() | locations()),
        modality=draw(st.sampled_from(["asserted", "pledged", "negated"])),
        confidence=draw(st.floats(0, 1)),
        evidence=Evidence(
            text=draw(st.text(max_size=30)),
            start=start,
            end=start + draw(st.integers(0, 200)),
            trigger=draw(
                st.fixed_dictionaries({"text": st.text(max_size=6), "start": offsets, "end": offsets})
                | st.just({})
            ),
        ),
        reason=draw(st.text(max_size=20)),
        coder=draw(st.text(max_size=10)),
        date_precision=precision,
        date_source=draw(st.sampled_from(["article", "text", "given"])),
        attribution=draw(st.lists(actors(), max_size=2)),
        entities=draw(st.lists(st.dictionaries(st.text(max_size=5), json_values, max_size=3), max_size=2)),
    )


@st.composite
def articles(draw: st.DrawFn, article_id: str) -> Article:
    a = Article.create(draw(st.text(max_size=200)), id=article_id, title=draw(maybe_str))
    count = draw(st.integers(0, 6))
    evs = [draw(events(article_id, i)) for i in range(count)]
    a.events = list({e.id: e for e in evs}.values())  # ids unique within an article
    return a


def _day(text: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def stored_order(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documented output order: date (undated last), article id, evidence start, id."""

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        day = _day(r["date"])
        return (day is None, day or dt.date.min, r["article_id"], r["evidence"]["start"], r["id"])

    return sorted(records, key=key)


BATCHES = st.lists(st.sampled_from(["a1", "a2", "a3"]), min_size=1, max_size=3, unique=True).flatmap(
    lambda names: st.tuples(*[articles(n) for n in names])
)


def check_round_trip(store: SqlStore, batch: tuple[Article, ...]) -> None:
    result = store.write_articles(list(batch), coder="prop")
    expected = [e.to_dict() for a in batch for e in a.events]
    assert result.events_written == len(expected)
    got = store.events()
    assert got == stored_order(expected)
    for a in batch:
        assert store.events(article_id=a.id) == stored_order([e.to_dict() for e in a.events])
    # writing the same batch again changes nothing
    before = store.counts()
    store.write_articles(list(batch), coder="prop")
    assert store.counts() == before
    assert store.events() == got


@SETTINGS
@given(BATCHES, st.sampled_from(["frame", "values"]))
def test_random_events_round_trip_exactly(batch: tuple[Article, ...], bulk: BulkMode) -> None:
    check_round_trip(empty_store(bulk), batch)


@pytest.fixture(scope="module")
def pg_store(pg_url: str) -> Iterator[SqlStore]:
    store = reset_postgres(pg_url)
    yield store
    store.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BATCHES)
def test_random_events_round_trip_exactly_postgres(pg_store: SqlStore, batch: tuple[Article, ...]) -> None:
    """The same property on PostgreSQL (fewer examples: each one is a few round trips to the server)."""
    with pg_store._transaction() as con:
        pg_store._execute(con, f"TRUNCATE {DATA_TABLES}")
    check_round_trip(pg_store, batch)


def _has(side: list[dict[str, Any]], code: str) -> bool:
    return any(a["country"] == code or a["code"] == code for a in side)


@SETTINGS
@given(st.lists(events("d1", 0), max_size=12), codes, codes)
def test_dyad_filter_matches_reference(evs: list[Event], x: str, y: str) -> None:
    for i, e in enumerate(evs):
        e.id = f"d1-{i}"
    art = Article.create("dyads", id="d1")
    art.events = evs
    store = empty_store()
    store.write_articles([art], coder="prop")
    records = [e.to_dict() for e in evs]
    want = {
        r["id"]
        for r in records
        if (_has(r["actor"], x) and _has(r["recipient"], y))
        or (_has(r["actor"], y) and _has(r["recipient"], x))
    }
    assert {r["id"] for r in store.events(dyad=(x, y))} == want
    assert {r["id"] for r in store.events(dyad=(y, x))} == want
    want_actor = {r["id"] for r in records if _has(r["actor"], x) or _has(r["recipient"], x)}
    assert {r["id"] for r in store.events(actor=x)} == want_actor
