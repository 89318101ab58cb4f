"""Stored members of one shape (everything dedup reads but their id, article, date and evidence offsets;
migration 5 keeps it on each link) are read once a shape: the parties and places a write reads no longer
grow with the happenings' size, only one narrow row a member does, and every decision is the one reading
every member in full gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from store_samples import event, kenya_article, state
from test_dedup_bound import _dump, deal

import tieline.store._happenings as hp
from tieline.dedup import cluster as dc
from tieline.errors import StoreError
from tieline.model import Article
from tieline.store import LATEST_VERSION
from tieline.store._sql import SqlStore
from tieline.store.base import WriteResult


def _report(article_id: str, partner: str, *, date: str, source: str, modality: str = "asserted") -> Article:
    """Kenya and ``partner`` agree on something (AGREE is reciprocal): reports of one partner on nearby
    days merge; another partner's never do (the parties differ), though both are candidates (KEN)."""
    text = f"Kenya and {partner} signed a defence pact in Nairobi on Monday."
    a = Article.create(text, id=article_id, title="pact", date=date, source=source)
    e = event(
        a,
        1,
        actor=[state(text, "Kenya", "KEN")],
        recipient=[state(text, partner, partner)],
        kind="AGREE",
        cameo="057",
        quad=1,
        goldstein=8.0,
        date=date,
        evidence=text[:-1],
        trigger="signed",
    )
    e.modality = modality
    a.events = [e]
    return a


def _read_every_member(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer before migration 5: every member read in full (as a link without a shape is)."""
    member_events = hp._Io.member_events

    def full(self: hp._Io, links, *, skip=()):  # type: ignore[no-untyped-def]
        return member_events(self, [(e, h, None) for e, h, _ in links], skip=skip)

    monkeypatch.setattr(hp._Io, "member_events", full)


def _no_summaries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer before migration 7: every candidate's members read (once a shape)."""
    monkeypatch.setattr(hp.dc, "summary_usable", lambda summary: False)


def test_a_candidate_is_read_once_a_shape_however_many_members_it_has(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one happening of many members of one shape (one pair, one type, the same words)
    _no_summaries(monkeypatch)
    read = []
    for i in range(30):
        store.write_articles([deal(f"d{i:02d}", "P0")], coder="c")
        if i in (4, 14, 29):
            # another partner the same day: a candidate (KEN, AGREE), compared, and kept apart
            res = store.write_articles([deal(f"x{i:02d}", f"Q{i:02d}")], coder="c")
            read.append((res.happenings_read, res.members_read, res.shapes_read))
    counts = store.dedup_counts()
    assert counts["happenings"] == 4 and counts["linked_events"] == 33
    # happenings read: the P0 pact and the other partners so far; one shape each, not 5, 15 or 30
    assert read == [(1, 5, 1), (2, 16, 2), (3, 32, 3)]
    res = store.write_articles([deal("d30", "P0")], coder="c")  # joins the pact: built from 31 members
    assert (res.happenings_read, res.members_read, res.shapes_read) == (4, 33, 4)
    assert store._all("SELECT MAX(n_mentions) FROM happenings") == [(31,)]


def test_shapes_read_stay_flat_as_happenings_grow(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every round adds four members to each of three happenings (three partners, one day); a probe
    that joins none of them reads one shape a happening, whatever their size."""
    _no_summaries(monkeypatch)
    probes = []
    for rnd in range(5):
        store.write_articles(
            [deal(f"r{rnd}-{p}-{k}", f"P{p}") for p in range(3) for k in range(4)], coder="c"
        )
        res = store.write_articles([deal(f"probe{rnd}", f"Z{rnd}")], coder="c")
        probes.append(res.shapes_read)
    assert store.dedup_counts()["happenings"] == 3 + 5
    sizes = store._all("SELECT n_mentions FROM happenings WHERE n_mentions > 1")
    assert sorted(sizes) == [(20,)] * 3
    # the three pacts (4, 8 ... 20 members) and the earlier probes: one shape each
    assert probes == [3 + i for i in range(5)]


def _scenario(store: SqlStore) -> Iterator[object]:
    """Writes with several signatures a happening (days, outlets, modalities), re-writes, a re-code that
    moves a member, a split by hand (an apart pair), and new reports after it; yields after each."""
    first = dt.date(2024, 3, 4)
    for day in range(4):
        date = (first + dt.timedelta(days=day)).isoformat()
        batch = [
            _report(f"a{day}-{p}-{s}", f"P{p}", date=date, source=f"S{s}", modality=m)
            for p in range(3)
            for s, m in enumerate(("asserted", "asserted", "pledged"))
        ]
        yield store.write_articles(batch, coder="c")
    yield store.write_articles([_report("a1-0-0", "P0", date="2024-03-05", source="S0")], coder="c")
    yield store.write_articles([_report("a2-1-1", "P1", date="2024-04-20", source="S1")], coder="c2")
    # the first member (by id) of a shape re-coded elsewhere, and another re-coded with no event at all
    yield store.write_articles([_report("a0-0-0", "P0", date="2024-05-20", source="S0")], coder="c2")
    gone = Article.create("Nothing happened.", id="a0-1-0", title="pact", date="2024-03-04", source="S0")
    yield store.write_articles([gone], coder="c2")
    hid = store._all("SELECT happening_id FROM happening_events WHERE event_id = 'a3-2-0-e1'")[0][0]
    members = store._all("SELECT COUNT(*) FROM happening_events WHERE happening_id = ?", [hid])[0][0]
    assert members > 2
    yield store.split_event("a3-2-0-e1")
    yield store.write_articles(
        [_report("a3-2-0", "P2", date="2024-03-07", source="S0")], coder="c3"
    )  # the split mention, re-coded
    yield store.write_articles(
        [_report(f"late-{p}", f"P{p}", date="2024-03-08", source="S9") for p in range(3)], coder="c"
    )
    yield store.rebuild_happenings()
    yield store.write_articles([_report("after", "P1", date="2024-03-06", source="S8")], coder="c")


def _run(store: SqlStore, run: Callable[[SqlStore], Iterator[object]]) -> tuple[list, tuple]:
    reads = [(res.members_read, res.shapes_read) for res in run(store) if isinstance(res, WriteResult)]
    return reads, _dump(store)


def test_the_representatives_decide_as_every_member_would(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_summaries(monkeypatch)  # the full path's reads (summaries: test_dedup_summaries.py)
    shaped_reads, shaped = _run(store, _scenario)
    assert store.dedup_counts()["unlinked_events"] == 0
    n_events = store.counts()["events"]
    assert len(shaped[1]) == n_events  # one link an event: the re-writes duplicated nothing
    assert len(shaped[0]) < n_events  # some merged: the check has teeth
    # the same writes on a fresh store of the same backend, reading every member
    _wipe(store)
    with monkeypatch.context() as m:
        _read_every_member(m)
        full_reads, full = _run(store, _scenario)
    assert shaped == full  # happenings, links and the merge log, row for row
    # the same members read, far fewer of them with their parties
    assert [m for m, _ in shaped_reads] == [m for m, _ in full_reads]
    assert sum(s for _, s in shaped_reads) < sum(s for _, s in full_reads) / 2


def _link_columns(store: SqlStore) -> set[str]:
    return {
        row[0]
        for row in store._all(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'happening_events' AND table_schema = current_schema()"
        )
    }


def _wipe(store: SqlStore) -> None:
    with store._transaction() as con:
        for table in (*hp.HAPPENING_TABLES, "event_actors", "events", "mentions", "articles", "actors"):
            store._execute(con, f"DELETE FROM {table}")


def _downgrade_to_v4(store: SqlStore) -> None:
    """A store as migration 4 left it: links without the signature column."""
    with store._transaction() as con:
        store._execute(con, "ALTER TABLE happening_events DROP COLUMN shape")
        store._execute(con, "ALTER TABLE happenings DROP COLUMN summary")
        store._execute(con, "DELETE FROM schema_migrations WHERE version >= 5")


def test_a_store_of_version_4_migrates_and_decides_the_same(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _scenario(store)
    for _ in range(3):  # three days written before the upgrade
        next(steps)
    before = _dump(store, summary=False)
    _downgrade_to_v4(store)
    assert store.schema_version() == 4
    assert "shape" not in _link_columns(store)
    assert store.migrate() == LATEST_VERSION
    assert "shape" in _link_columns(store)
    assert _dump(store, summary=False) == before  # nothing rewritten
    assert store._all("SELECT COUNT(*) FROM happening_events WHERE shape IS NOT NULL") == [(0,)]
    rest = list(steps)
    migrated = _dump(store, summary=False)
    # links written since carry a shape; the old ones are read in full, as before
    assert store._all("SELECT COUNT(*) FROM happening_events WHERE shape IS NOT NULL")[0][0] > 0
    assert rest  # the scenario ran on
    _wipe(store)
    _run(store, _scenario)
    assert migrated == _dump(store, summary=False)  # (a summary is written when a happening is)


# -- migration 6: DuckDB's big append-mostly tables without primary keys --------------------------

_BIG = ("mentions", "events", "event_actors", "happening_events", "happening_parties", "dedup_log")
_GROWING = ("happenings", "articles", "actors")  # keyless on DuckDB since migration 8


def _rows(store: SqlStore) -> dict[str, list[tuple]]:
    out = {}
    for table in (*_BIG, "articles", "happenings", "actors"):
        skip = ("updated_at", "at", "coded_at", "shape", "summary")
        cols = [c for c in _columns(store, table) if c not in skip]
        out[table] = sorted(store._all(f"SELECT {_cols(cols)} FROM {table}"), key=repr)
    return out


def _columns(store: SqlStore, table: str) -> list[str]:
    return [
        row[0]
        for row in store._all(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
            " AND table_schema = current_schema() ORDER BY ordinal_position",
            [table],
        )
    ]


def test_a_rerun_duplicates_nothing_in_the_tables_without_keys(store: SqlStore) -> None:
    steps = _scenario(store)
    for _ in range(4):
        next(steps)
    store.write_articles([kenya_article(article_id="k1"), kenya_article(article_id="k2")], coder="c")
    once = _rows(store)
    assert all(once[t] for t in _BIG)
    again = [
        _report(f"a{day}-{p}-0", f"P{p}", date=f"2024-03-0{4 + day}", source="S0")
        for day in range(4)
        for p in range(3)
    ]
    store.write_articles([*again, kenya_article(article_id="k1")], coder="c")  # again, in one batch
    store.write_articles(again[:5], coder="c")  # and some of them once more
    twice = _rows(store)
    for table in (*_BIG, "articles"):  # (a happening's explanation may name another equal match)
        assert twice[table] == once[table], table
    assert len(twice["happenings"]) == len(once["happenings"])
    # re-coded with no events: its rows go, none are left twice
    store.write_articles(
        [Article.create("Nothing.", id="a0-0-0", date="2024-03-04", source="S0")], coder="c2"
    )
    after = _rows(store)
    assert len(after["events"]) == len(once["events"]) - 1
    assert len(after["event_actors"]) == len(once["event_actors"]) - 2
    for table in (*_BIG, *_GROWING):
        key = {"events": 1, "happening_events": 1, **dict.fromkeys(_GROWING, 1)}.get(table)
        if key:
            ids = [row[0] for row in after[table]]
            assert len(ids) == len(set(ids)), table


def _old_and_new(tmp_path, monkeypatch: pytest.MonkeyPatch, version: int) -> tuple[SqlStore, SqlStore]:
    """A store made new, five steps into the scenario, and one of schema ``version`` holding its rows."""
    import tieline.store._sql as sql_module
    from tieline.store import DuckDBStore
    from tieline.store.migrations import MIGRATIONS

    new = DuckDBStore(":memory:")
    new.migrate()
    steps = _scenario(new)
    for _ in range(5):
        next(steps)
    with monkeypatch.context() as m:
        m.setattr(sql_module, "MIGRATIONS", tuple(x for x in MIGRATIONS if x.version <= version))
        old = DuckDBStore(tmp_path / f"v{version}.duckdb")
        assert old.migrate() == version
    keyed = _keyed(old)
    with old._transaction() as con:  # the same rows (the columns the old version has)
        for table in (*_BIG, "articles", "happenings", "actors"):
            cols = _columns(old, table)
            old._insert(con, table, cols, new._all(f"SELECT {_cols(cols)} FROM {table}"))
    assert _keyed(old) == keyed
    return old, new


def test_migration_6_moves_every_row_and_drops_the_keys(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _old_and_new(tmp_path, monkeypatch, 4)  # (no shapes yet)
    assert set(_BIG) <= _keyed(old)
    assert _rows(old) == _rows(new)
    assert old.migrate() == LATEST_VERSION
    assert _keyed(old).isdisjoint(_BIG)  # (and since migration 8 articles, happenings and actors have none)
    assert _rows(old) == _rows(new)  # every row moved, none twice
    assert "shape" in _columns(old, "happening_events")
    # NOT NULL kept: an event without an article is refused as before
    with pytest.raises(Exception, match="NOT NULL"), old._transaction() as con:
        old._execute(con, "INSERT INTO events (id, article_id, record) VALUES ('x', NULL, '{}')")
    # and the writes go on deciding as on the store made new
    for store in (old, new):
        rest = _scenario(store)
        for _ in range(5):
            next(rest)
        for _ in rest:
            pass
    assert _dump(old, summary=False) == _dump(new, summary=False)
    old.close()
    new.close()


# -- migration 8: DuckDB's happenings, articles and actors without primary keys -------------------


def test_migration_8_moves_every_row_and_drops_the_keys(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _old_and_new(tmp_path, monkeypatch, 7)  # summaries too
    assert set(_GROWING) <= _keyed(old)
    tables = (*_BIG, "articles", "happenings", "actors")
    everything = {t: sorted(new._all(f"SELECT * FROM {t}"), key=repr) for t in tables}
    assert everything["happenings"] and all(row[-1] for row in everything["happenings"])  # summaries
    assert old.migrate() == LATEST_VERSION
    assert _keyed(old) == {"skips", "dedup_apart", "schema_migrations"}
    for table in _GROWING:  # the columns' order kept (summary last)
        assert _columns(old, table) == _columns(new, table)
    assert {t: sorted(old._all(f"SELECT * FROM {t}"), key=repr) for t in tables} == everything
    for sql in (
        "INSERT INTO happenings (id, n_mentions, n_articles, n_sources, updated_at) VALUES (NULL, 1, 1, 1, now())",
        "INSERT INTO articles (id, text, n_chars, coder, coded_at) VALUES (NULL, 'x', 1, 'c', now())",
        "INSERT INTO actors (actor_key, n_events) VALUES (NULL, 1)",
    ):  # the key columns are still never empty
        with pytest.raises(Exception, match="NOT NULL"), old._transaction() as con:
            old._execute(con, sql)
    for store in (old, new):  # and the writes go on deciding as on the store made new
        for _ in _scenario(store):
            pass
    assert _dump(old, summary=False) == _dump(new, summary=False)
    for table, key in (("happenings", "id"), ("articles", "id"), ("actors", "actor_key")):
        ids = [row[0] for row in old._all(f"SELECT {key} FROM {table}")]
        assert ids and len(ids) == len(set(ids)), table
    old.close()
    new.close()


def test_a_write_naming_one_happening_twice_is_refused(store: SqlStore) -> None:
    store.write_articles([_report("w1", "P1", date="2024-03-04", source="S1")], coder="c")
    (h,) = store.happenings()
    before = store._all("SELECT * FROM happenings")
    again = dc.rebuild(h["id"], tuple(store.events()))
    twice = f"happening id {h['id']} occurs twice in one write"
    with pytest.raises(StoreError, match=twice), store._transaction() as con:
        hp._Io(store, con).write([again, again])
    assert store._all("SELECT * FROM happenings") == before  # nothing written, nothing lost


def _keyed(store: SqlStore) -> set[str]:
    return {
        row[0]
        for row in store._all(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        )
    }


def _cols(cols: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in cols)
