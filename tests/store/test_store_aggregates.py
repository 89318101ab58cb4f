"""The SQL the analysis, the API and the dashboard now run (filters, per-period totals, conflict
parties, narrow facts, pages by id) gives exactly what the Python over whole event records gives,
on both backends, over a seeded mix of events (every modality, date precision, quad class, party
kind; accents and mixed case for the text search)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Any

import pytest

from tieline.analysis import COUNTED_MODALITIES, PERIODS, dyad_timeline, iter_events, timeline_rows
from tieline.analysis.dossier import conflict_parties_from_events, dossier
from tieline.api import derive
from tieline.api.desk import Desk, EventFilter
from tieline.model import Actor, Article, Event, Evidence, Location
from tieline.store._queries import FACT_COLUMNS
from tieline.store._sql import SqlStore

PARTIES: list[tuple[str, str | None, str, str, str]] = [
    # code, country, kind, name, sector
    ("USA", "USA", "state", "United States", ""),
    ("USAMIL", "USA", "sector", "US Army", "MIL"),
    ("KEN", "KEN", "state", "Kenya", ""),
    ("KENGOV", "KEN", "sector", "Kenyan Government", "GOV"),
    ("SOM", "SOM", "state", "Somalia", ""),
    ("SOMREB", "SOM", "armed_group", "al-Shabaab", "REB"),
    ("ETH", "ETH", "state", "Éthiopie", ""),
    ("NATO", None, "igo", "NATO", ""),
    ("AU", None, "igo", "African Union", ""),
]
TYPES = [("CONSULT", "040", 1.0, 1), ("AGREE", "057", 8.0, 1), ("AID", "070", 7.0, 2),
         ("COOPERATE", "061", 6.4, 2), ("ACCUSE", "112", -2.0, 3), ("THREATEN", "138", -7.0, 3),
         ("ASSAULT", "190", -10.0, 4), ("SANCTION", "163", -8.0, 4)]  # fmt: skip
MODALITIES = ["asserted"] * 6 + ["pledged", "threatened", "negated", "hypothetical"]
PRECISIONS = ["day"] * 6 + ["month", "year", "unknown"]


def actor(rng: random.Random, text: str) -> Actor:
    code, country, kind, name, sector = rng.choice(PARTIES)
    start = rng.randrange(0, 10)
    return Actor(text[start : start + 4], start, start + 4, name, country, sector or None, kind, code)


def seeded_articles(seed: int = 11, n_articles: int = 70) -> list[Article]:
    rng = random.Random(seed)
    out: list[Article] = []
    base = dt.date(2023, 1, 1)
    for i in range(n_articles):
        words = rng.choice(
            ["Border RAIDS near Baidoa", "talks in Nairobi", "Éthiopie et la Somalie", "aid 100%_off"]
        )
        text = f"Report {i}: {words}. Officials said more would follow."
        art = Article.create(text, id=f"a{i:03d}", date=(base + dt.timedelta(days=rng.randrange(600))).isoformat(),
                             source=f"outlet-{i % 5}")  # fmt: skip
        for k in range(rng.randint(1, 4)):
            kind, cameo, gold, quad = rng.choice(TYPES)
            day = base + dt.timedelta(days=rng.randrange(600))
            sent_end = text.index(".") + 1
            loc = (
                Location("Nairobi", 0, 6, "Nairobi", "city", "KEN", -1.29, 36.82, "city")
                if rng.random() < 0.2
                else None
            )
            art.events.append(Event(
                id=f"a{i:03d}-e{k}", article_id=art.id, date=day.isoformat(), event=kind, mode="",
                context=["military"] if rng.random() < 0.5 else [], cameo=cameo, goldstein=gold, quad=quad,
                actor=[actor(rng, text) for _ in range(rng.randint(1, 2))],
                recipient=[actor(rng, text) for _ in range(rng.randint(0, 2))], location=loc,
                modality=rng.choice(MODALITIES), confidence=round(rng.uniform(0.1, 0.95), 2),
                evidence=Evidence(text[:sent_end], 0, sent_end, {"text": "Report", "start": 0, "end": 6}),
                reason="seeded", coder="test", date_precision=rng.choice(PRECISIONS),
                date_source="text",
            ))  # fmt: skip
        out.append(art)
    return out


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    store.write_articles(seeded_articles(), coder="test")
    return store


DYADS = [("USA", "KEN"), ("KEN", "SOM"), ("SOM", "ETH"), ("USA", "NATO"), ("KENGOV", "SOMREB"), ("AU", "SOM")]
RANGES = [(None, None), (dt.date(2023, 6, 1), None), (dt.date(2023, 3, 15), dt.date(2024, 2, 10))]


def with_happenings(store: SqlStore, events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with ``happening_id`` and ``sources`` (the happening's outlets) from the store's dedup, in
    event-id order (the order in which the database gives a happening's weight to its first mention)."""
    events = sorted(events, key=lambda e: e["id"])
    found = store.event_happenings([e["id"] for e in events])
    return [
        {**e, "happening_id": found[e["id"]]["happening_id"], "sources": found[e["id"]]["sources"]}
        if e["id"] in found
        else e
        for e in events
    ]


def test_timeline_totals_equal_the_python_timeline(filled: SqlStore) -> None:
    checked = 0
    for a, b in DYADS:
        for since, until in RANGES:
            for by in PERIODS:
                for modalities in (COUNTED_MODALITIES, None, ("negated",)):
                    events = with_happenings(
                        filled, iter_events(filled, dyad=(a, b), since=since, until=until)
                    )
                    want = timeline_rows(events, by=by, since=since, until=until, modalities=modalities)
                    got = dyad_timeline(filled, a, b, by=by, since=since, until=until, modalities=modalities)
                    assert got == want, (a, b, since, until, by, modalities)
                    checked += sum(r["events"] for r in want)
    assert checked > 500  # the comparison saw real events, not only empty timelines


def test_conflict_parties_equal_the_python_scan(filled: SqlStore) -> None:
    seen = 0
    for code in ("USA", "KEN", "SOM", "ETH", "NATO", "SOMREB", "KENGOV"):
        for since, until in RANGES:
            for modalities in (COUNTED_MODALITIES, ("asserted",)):
                want = conflict_parties_from_events(filled, code, since, until, modalities)
                got = filled.conflict_parties(code, modalities=modalities, since=since, until=until)
                assert got == want, (code, since, until, modalities)
                seen += len(want)
    assert seen > 20


def test_event_facts_are_the_records_fields(filled: SqlStore) -> None:
    for a, b in DYADS[:3]:
        records = filled.events(dyad=(a, b))
        facts = filled.event_facts(dyad=(a, b))
        assert facts == [{k: e.get(k) for k in FACT_COLUMNS} for e in records]


def test_dossier_lists_and_counts(filled: SqlStore) -> None:
    d = dossier(filled, "KEN", "SOM", limit=3)
    records = {e["id"]: e for e in filled.events(dyad=("KEN", "SOM"))}
    for name in ("meetings", "agreements", "pledges", "aid", "joint_operations"):
        assert len(d[name]) <= 3
        for item in d[name]:
            assert item["evidence"] == records[item["id"]]["evidence"]["text"]
    counted = [e for e in records.values() if (e.get("modality") or "asserted") in COUNTED_MODALITIES]
    assert d["counts"]["events"] == len(counted)
    assert d["counts"]["negated"] == sum(1 for e in records.values() if e["modality"] == "negated")


def python_filter(store: SqlStore, f: EventFilter) -> list[str]:
    """The reference: the store's own filters, then ``EventFilter.accepts`` in Python."""
    base = EventFilter(actor=f.actor, dyad=f.dyad, event_type=f.event_type, since=f.since, until=f.until,
                       article_id=f.article_id)  # fmt: skip
    return [e["id"] for e in store.events(**base.store_kwargs()) if f.accepts(e)]


FILTERS = [
    EventFilter(quad=(3, 4)),
    EventFilter(quad=(1,), min_confidence=0.5),
    EventFilter(modality="pledged"),
    EventFilter(modality="negated", dyad=("KEN", "SOM")),
    EventFilter(text="border raids"),
    EventFilter(text="BORDER"),
    EventFilter(text="éthiopie"),  # a name and an evidence word with an accent, lower-cased
    EventFilter(text="shabaab", quad=(4,)),
    EventFilter(text="100%_"),  # LIKE wildcards are literal
    EventFilter(text="%"),
    EventFilter(text="consult"),  # the PLOVER type
    EventFilter(text="19"),  # the CAMEO code
    EventFilter(text="usamil"),  # an actor code
    EventFilter(actor="NATO", min_confidence=0.3, since=dt.date(2023, 5, 1)),
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.to_query().items()))
def test_sql_filters_equal_the_python_filters(filled: SqlStore, f: EventFilter) -> None:
    want = python_filter(filled, f)
    got = [e["id"] for e in filled.events(**f.store_kwargs())]
    assert got == want
    # and page by page through the API's Desk
    desk = Desk(filled)
    paged: list[str] = []
    offset = 0
    while True:
        page = desk.events(f, limit=7, offset=offset)
        paged += [e["id"] for e in page.items]
        if not page.has_more:
            break
        offset += 7
    assert paged == want


def test_some_filters_select_something(filled: SqlStore) -> None:
    """Guard for the test above: the reference is not trivially empty."""
    sizes = [len(python_filter(filled, f)) for f in FILTERS]
    assert sum(1 for n in sizes if n > 0) >= 10
    assert len(python_filter(filled, EventFilter(text="100%_"))) > 0
    assert len(python_filter(filled, EventFilter(text="%"))) > 0


def test_event_by_id_and_pages_by_id(filled: SqlStore) -> None:
    every = filled.events()
    assert filled.event(every[5]["id"]) == every[5]
    assert filled.event("no-such-event") is None
    for limit, offset in ((1, 0), (10, 3), (50, 100), (1000, 0), (5, len(every) - 2), (5, len(every) + 5)):
        assert filled.events(limit=limit, offset=offset) == every[offset : offset + limit]
    assert filled.events(ids=[every[3]["id"], every[1]["id"], "nope"]) == [every[1], every[3]]
    assert filled.events(ids=[]) == []
    located = filled.events(located=True)
    assert located and [e["id"] for e in located] == [e["id"] for e in every if e.get("location")]


def test_reads_from_several_threads_at_once(filled: SqlStore) -> None:
    """The server's thread pool reads concurrently (DuckDB: a cursor per thread); answers stay exact."""
    from concurrent.futures import ThreadPoolExecutor

    want = {d: [e["id"] for e in filled.events(dyad=d)] for d in DYADS}

    def read(d: tuple[str, str]) -> tuple[tuple[str, str], list[str]]:
        return d, [e["id"] for e in filled.events(dyad=d)]

    with ThreadPoolExecutor(8) as pool:
        for d, got in pool.map(read, DYADS * 8):
            assert got == want[d]


def test_incremental_actor_rollup_equals_a_full_recount(store: SqlStore) -> None:
    """write_articles folds new events into the actors roll-up instead of recounting every key;
    after batches of new articles, re-ingests and re-codes the roll-up equals a full recount."""
    arts = seeded_articles(seed=5, n_articles=60)
    for i in range(0, 40, 7):
        store.write_articles(arts[i : i + 7], coder="test")
    store.write_articles(arts[10:25], coder="test")  # re-ingest, overlapping batches
    recoded = seeded_articles(seed=6, n_articles=60)[30:50]  # same ids, other events
    store.write_articles(recoded + arts[40:60], coder="test")
    for batch in (arts[:60], recoded[:5], arts[:5]):  # every key loses all its events, then a re-code
        store.write_articles(batch, coder="test")
        incremental = store.actors()
        assert len(incremental) >= 8
        keys = {row[0] for row in store._all("SELECT DISTINCT actor_key FROM event_actors")}
        with store._transaction() as con:
            store._in_list(con, "DELETE FROM actors WHERE actor_key IN ({values})", sorted(keys))
            store._refresh_actors(con, keys)
        assert store.actors() == incremental


def test_actor_page_counts_in_sql_equal_the_record_scan(filled: SqlStore) -> None:
    desk = Desk(filled)
    compared = 0
    for code in ("USA", "KEN", "SOM", "NATO", "SOMREB", "USAMIL", "ZZZ"):
        events = filled.events(actor=code)
        want_sides = derive.counterparts(events, code)
        assert derive.counterparts_from_counts(filled.counterparts(code)) == want_sides
        page = desk.actor(code)
        assert page["counts"]["events"] == len(events)
        assert page["counts"]["cooperation"] == sum(1 for e in events if e["quad"] in (1, 2))
        assert page["counts"]["conflict"] == sum(1 for e in events if e["quad"] in (3, 4))
        by_type: dict[str, int] = {}
        for e in events:
            by_type[e["event"]] = by_type.get(e["event"], 0) + 1
        assert page["counts"]["by_type"] == dict(sorted(by_type.items()))
        assert page["recent_events"] == list(reversed(events[-25:]))
        assert page["partners"] == want_sides["partners"] and page["adversaries"] == want_sides["adversaries"]
        compared += len(want_sides["partners"]) + len(want_sides["adversaries"])
    assert compared > 10
