"""The dedup step's reads and writes inside the write transaction, on every backend: what they read is
what the clusterer would read from the stored records, the candidates are those of the plain join,
links are changed (not rewritten) and stay consistent, and DuckDB keeps its primary keys only."""

from __future__ import annotations

import dataclasses
import datetime as dt

from store_samples import kenya_article
from test_happenings import pact

import tieline.store._happenings as hp
from tieline.dedup import cluster as dc
from tieline.dedup.rules import load_rules
from tieline.model import Article
from tieline.store._happenings import _Io
from tieline.store._sql import SqlStore


def _articles() -> list[Article]:
    """Kenya's three events (one of month precision, one with a trigger-less evidence), and pacts of
    several outlets and days, so that happenings of one and of several mentions are stored."""
    k = kenya_article()
    k.events[0].date = "2024-03"
    k.events[0].date_precision = "month"
    k.events[1].evidence = dataclasses.replace(k.events[1].evidence, trigger={})
    days = ("2024-03-04", "2024-03-05", "2024-04-20")
    return [k] + [pact(f"p{i}", source=f"S{i % 3}", date=days[i % 3]) for i in range(6)]


def _seen_by_clusterer(e: dict) -> tuple:
    m = dc._prepare(e, load_rules())
    return (m.id, m.article_id, m.cameo, m.signature(), m.sentence, m.trigger, m.complete)


def test_members_read_from_flat_columns_are_what_the_records_give(store: SqlStore) -> None:
    store.write_articles(_articles(), coder="c")
    records = {e["id"]: e for e in store.events()}
    with store._transaction() as con:
        io = _Io(store, con)
        members = io.member_events(io.rows("SELECT event_id, happening_id, NULL FROM happening_events"))
    assert len(members) == len(records) == 9
    linked = dict(store._all("SELECT event_id, happening_id FROM happening_events"))
    shape = dict(store._all("SELECT event_id, shape FROM happening_events"))
    for hid, e in members:
        rec = records[e["id"]]
        assert linked[e["id"]] == hid
        assert dc.clusterable(e) == dc.clusterable(rec)
        if dc.clusterable(rec):
            assert _seen_by_clusterer(e) == _seen_by_clusterer(rec)
        # the shape kept on the link (from the record written) is the one its flat columns give
        assert shape[e["id"]] == hp.shape_of(e) == hp.shape_of(rec)
        # what the happening row is built from
        assert (e["quad"], e["goldstein"], e["event"], e["date_precision"]) == (
            rec["quad"], rec["goldstein"], rec["event"], rec["date_precision"],
        )  # fmt: skip
        parties = [{k: a.get(k) for k in ("name", "country", "code", "kind")} for a in rec["actor"]]
        assert [{k: a.get(k) for k in ("name", "country", "code", "kind")} for a in e["actor"]] == parties
        assert e["location"] == rec["location"]


def _plain_join_candidates(io: _Io, events: list[dict]) -> set[str]:
    """The candidates as one join of the windows with both tables, each event's window with the
    happenings whose stored type and mode the type rule lets it join (the reference; no cap binds)."""
    reach = dt.timedelta(days=max([load_rules().default_window, *load_rules().windows.values()]))
    rows = sorted(
        {
            (k, lo - reach, hi + reach, e["event"], e.get("mode") or "")
            for e in events
            for k in dc.party_keys(e)
            for lo, hi in [dc.mention_span(e)]
        }
    )
    values = ", ".join("(?, CAST(? AS DATE), CAST(? AS DATE), ?, ?)" for _ in rows)
    return {
        hid
        for hid, kind, mode, h_kind, h_mode in io.rows(
            f"SELECT DISTINCT hp.happening_id, w.kind, w.mode, h.event, h.mode"
            f" FROM (VALUES {values}) AS w (party, lo, hi, kind, mode)"
            " JOIN happening_parties hp ON hp.party = w.party"
            " JOIN happenings h ON h.id = hp.happening_id WHERE h.date_hi >= w.lo AND h.date_lo <= w.hi",
            [v for row in rows for v in row],
        )
        if dc.types_agree((kind, mode), (h_kind, h_mode or ""))
    }


def test_candidates_are_those_of_the_plain_join(store: SqlStore) -> None:
    store.write_articles(_articles(), coder="c")
    probes = [
        [e.to_dict() for e in pact("q1", source="X", date=day).events]
        for day in ("2024-03-01", "2024-03-09", "2024-03-30", "2024-04-18", "2025-01-01")
    ]
    probes.append([e.to_dict() for e in kenya_article(article_id="q2").events])
    probes.append([e for p in probes for e in p])  # windows of one party that overlap and that do not
    found = []
    with store._transaction() as con:
        io = _Io(store, con)
        for events in probes:
            got = io.candidates([e for e in events if dc.clusterable(e)])
            assert got == _plain_join_candidates(io, [e for e in events if dc.clusterable(e)])
            found.append(len(got))
    assert found[-1] > 0 and 0 in found  # both some and none found


def _links(store: SqlStore) -> set[tuple[str, str, str]]:
    return {
        tuple(row) for row in store._all("SELECT event_id, happening_id, article_id FROM happening_events")
    }


def _derived_links(store: SqlStore) -> set[tuple[str, str, str]]:
    out = set()
    for h in store.happenings():
        full = store.happening(h["id"])
        assert full is not None
        out |= {(m["event_id"], h["id"], m["article_id"]) for m in full["mentions"]}
        assert len(full["mentions"]) == h["n_mentions"]
    return out


def test_links_stay_consistent_through_rewrites_recodes_and_splits(store: SqlStore) -> None:
    arts = _articles()
    store.write_articles(arts[:4], coder="c")
    store.write_articles(arts[4:], coder="c")
    store.write_articles(arts[2:6], coder="c")  # a re-write across both batches changes nothing
    before = _links(store)
    assert before == _derived_links(store)
    moved = pact("p1", source="S1", date="2024-06-10")  # re-coded: the event leaves its happening
    store.write_articles([moved], coder="c2")
    out = store.split_event("p3-e1")
    store.write_articles([pact("p7", source="S7")], coder="c")  # a new mention joins one of them
    after = _links(store)
    assert after == _derived_links(store)
    assert {e for e, _, _ in after} == {e["id"] for e in store.events()}  # every event linked, once
    was = {e: h for e, h, _ in before}
    now = {e: h for e, h, _ in after}
    assert now["p1-e1"] != was["p1-e1"] and now["p3-e1"] == out["split_off"] != was["p3-e1"]
    assert store.dedup_counts()["unlinked_events"] == 0


def test_duckdb_keeps_only_small_primary_keys_postgresql_every_index(store: SqlStore) -> None:
    if store.backend == "duckdb":
        assert store._all("SELECT index_name FROM duckdb_indexes()") == []
        # the primary keys of the small tables still guard their identity; the big append-mostly
        # tables have none since migration 6 (the writer deletes before it inserts)
        keyed = {
            row[0]
            for row in store._all(
                "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
            )
        }
        # happenings, articles and actors none since migration 8 (deleted by key and inserted again)
        assert keyed == {"skips", "dedup_apart", "schema_migrations"}
    else:
        names = {
            row[0]
            for row in store._all("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        }
        assert {"events_article_idx", "happening_parties_party_idx", "event_actors_country_side_idx"} <= names
