"""Happenings in the store, on every backend: one record per real-world happening, assigned in the write
transaction; re-writes and re-codes update mentions instead of duplicating them; merges are logged with
their rules and score and can be undone; a split stays split."""

from __future__ import annotations

import pytest
from store_samples import event, kenya_article, state

from tieline.errors import StoreError
from tieline.model import Article
from tieline.store._sql import SqlStore

PACT = "Kenya and the United States signed a defence pact in Nairobi on {day}."


def pact(article_id: str, *, source: str, date: str = "2024-03-04", day: str = "Monday") -> Article:
    """One report of a KEN-USA agreement: an AGREE event dated ``date``."""
    text = PACT.format(day=day)
    a = Article.create(text, id=article_id, title="pact", date=date, source=source)
    a.events = [
        event(
            a,
            1,
            actor=[state(text, "Kenya", "KEN")],
            recipient=[state(text, "United States", "USA")],
            kind="AGREE",
            cameo="057",
            quad=1,
            goldstein=8.0,
            date=date,
            evidence=text[:-1],
            trigger="signed",
        )
    ]
    return a


def by_type(store: SqlStore) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for h in store.happenings():
        out.setdefault(h["event"], []).append(h)
    return out


def test_two_outlets_one_happening_with_its_sources(store: SqlStore) -> None:
    store.write_articles([pact("p1", source="Reuters")], coder="c")
    store.write_articles([pact("p2", source="AFP"), pact("p3", source="Reuters")], coder="c")
    [h] = store.happenings()
    assert (h["n_mentions"], h["n_articles"], h["n_sources"]) == (3, 3, 2)
    assert h["sources"] == ["AFP", "Reuters"]
    assert h["articles"] == ["p1", "p2", "p3"]
    assert h["event"] == "AGREE" and h["date"] == "2024-03-04"
    assert {p["key"] for p in h["actors"] + h["recipients"]} == {"KEN", "USA"}
    merges = [x for x in store.dedup_log() if x["action"] == "merge"]
    assert [x["event_id"] for x in merges] == ["p2-e1", "p3-e1"]
    assert all(x["happening_id"] == h["id"] and x["score"] > 0 for x in merges)
    assert set(merges[0]["rules"]) >= {"type", "actors", "date", "modality", "place"}
    full = store.happening(h["id"])
    assert full is not None
    assert [m["event_id"] for m in full["mentions"]] == ["p1-e1", "p2-e1", "p3-e1"]
    assert {m["source"] for m in full["mentions"]} == {"AFP", "Reuters"}
    assert store.happening_of("p2-e1")["id"] == h["id"]  # type: ignore[index]
    assert store.event_happenings(["p1-e1", "nope"]) == {
        "p1-e1": {"happening_id": h["id"], "sources": ["AFP", "Reuters"], "n_sources": 2}
    }


def test_rewrite_changes_nothing_and_logs_nothing(store: SqlStore) -> None:
    arts = [pact("p1", source="A"), pact("p2", source="B"), kenya_article()]
    store.write_articles(arts, coder="c")
    before = (store.happenings(), store.dedup_counts())
    store.write_articles([pact("p2", source="B"), kenya_article()], coder="c")
    store.write_articles([pact("p1", source="A")], coder="c")
    after = (store.happenings(), store.dedup_counts())
    assert after == before
    assert before[1]["unlinked_events"] == 0
    assert before[1]["linked_events"] == store.counts()["events"] == 5


def test_recode_updates_mentions(store: SqlStore) -> None:
    store.write_articles([pact("p1", source="A"), pact("p2", source="B")], coder="c")
    [h] = store.happenings()
    recoded = pact("p2", source="B")
    recoded.events = []  # the new coder finds nothing in p2
    store.write_articles([recoded], coder="c2")
    [h2] = store.happenings()
    assert h2["id"] == h["id"]
    assert (h2["n_mentions"], h2["articles"]) == (1, ["p1"])
    assert store.dedup_log()[-1]["action"] == "drop"
    # the event comes back under a new id: it joins again, once
    again = pact("p2", source="B")
    again.events[0].id = "p2-x1"
    store.write_articles([again], coder="c3")
    [h3] = store.happenings()
    assert h3["n_mentions"] == 2 and store.dedup_counts()["linked_events"] == 2


def test_recoded_namesake_mention_leaves_without_a_name_clash(store: SqlStore) -> None:
    """A happening is named after its first mention; when that mention is re-coded into another
    happening while the rest stay, the new happening gets another id (it used to clash: a primary-key
    violation that failed the batch)."""
    store.write_articles([pact("p1", source="A"), pact("p2", source="B")], coder="c")
    [h] = store.happenings()
    moved = pact("p1", source="A", date="2024-06-10")  # same event id, now a later signing
    store.write_articles([moved], coder="c2")
    got = {x["date"]: x for x in store.happenings()}
    assert set(got) == {"2024-03-04", "2024-06-10"}
    assert got["2024-03-04"]["id"] == h["id"] and got["2024-03-04"]["articles"] == ["p2"]
    assert got["2024-06-10"]["id"] != h["id"] and got["2024-06-10"]["articles"] == ["p1"]
    assert store.dedup_counts()["linked_events"] == 2


def test_distinct_happenings_stay_apart(store: SqlStore) -> None:
    # the same pair signing again five weeks later is another happening; the attack is another type
    k = kenya_article()
    store.write_articles([pact("p1", source="A"), pact("p2", source="B", date="2024-04-08"), k], coder="c")
    groups = by_type(store)
    assert set(groups) == {"AGREE", "ASSAULT", "REJECT"}
    agree = {h["date"]: h["articles"] for h in groups["AGREE"]}
    # kenya_article's KEN-USA pact of the same day has no place: it joins p1 (Nairobi), not p2
    assert agree == {"2024-03-04": sorted(["p1", k.id]), "2024-04-08": ["p2"]}


def test_undo_a_merge_and_it_stays_undone(store: SqlStore) -> None:
    store.write_articles([pact("p1", source="A"), pact("p2", source="B")], coder="c")
    [merge] = [x for x in store.dedup_log() if x["action"] == "merge"]
    done = store.undo_merge(merge["seq"])
    assert done["event_id"] == "p2-e1"
    assert len(store.happenings()) == 2
    log = {x["seq"]: x for x in store.dedup_log()}
    assert log[merge["seq"]]["undone_by"] == done["log_id"]
    assert log[done["log_id"]]["action"] == "undo"
    with pytest.raises(StoreError, match="already undone"):
        store.undo_merge(merge["seq"])
    # re-ingesting both articles keeps them apart
    store.write_articles([pact("p2", source="B"), pact("p1", source="A")], coder="c")
    assert sorted(h["n_mentions"] for h in store.happenings()) == [1, 1]
    with pytest.raises(StoreError, match="only mention"):
        store.split_event("p1-e1")
    with pytest.raises(StoreError, match="no happening"):
        store.split_event("nope")
    with pytest.raises(StoreError, match="not a merge"):
        store.undo_merge(done["log_id"])


def test_split_by_hand(store: SqlStore) -> None:
    store.write_articles([pact(f"p{i}", source=f"S{i}") for i in range(3)], coder="c")
    [h] = store.happenings()
    out = store.split_event("p1-e1")
    assert out["happening"] == h["id"]
    sizes = {x["id"]: x["n_mentions"] for x in store.happenings()}
    assert sizes == {h["id"]: 2, out["split_off"]: 1}
    full = store.happening(h["id"])
    assert full is not None and full["excluded"] == ["p1-e1"]


def test_unlinked_events_and_rebuild(store: SqlStore) -> None:
    store.write_articles([pact("p1", source="A"), pact("p2", source="B")], coder="c", dedup=False)
    assert store.dedup_counts()["unlinked_events"] == 2
    assert store.happenings() == []
    res = store.link_unlinked()
    assert res.merges == 1
    assert store.dedup_counts()["unlinked_events"] == 0
    first = store.happenings()
    res = store.rebuild_happenings()
    assert res.happenings_removed == 1 and res.happenings_new == 1
    assert store.happenings() == first
    assert store.dedup_log()[-1]["action"] == "rebuild"


def test_filters(store: SqlStore) -> None:
    store.write_articles([pact("p1", source="A"), pact("p2", source="B"), kenya_article()], coder="c")
    assert {h["event"] for h in store.happenings(dyad=("USA", "KEN"))} == {"AGREE"}
    assert {h["event"] for h in store.happenings(actor="SOM")} == {"ASSAULT", "REJECT"}
    assert [h["n_sources"] for h in store.happenings(min_sources=2)] == [3]
    assert store.happenings(event_type="REJECT")[0]["date"] == "2024-03-05"
    assert len(store.happenings(limit=1, offset=1)) == 1


def test_failed_batch_leaves_happenings_untouched(store: SqlStore) -> None:
    store.write_articles([pact("p1", source="A")], coder="c")
    before = (store.happenings(), store.dedup_log())
    bad = pact("p2", source="B")
    bad.events[0].article_id = "elsewhere"
    with pytest.raises(StoreError):
        store.write_articles([bad], coder="c")
    assert (store.happenings(), store.dedup_log()) == before


def test_a_dedup_failure_keeps_the_batch(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Fault injection: if clustering raises, the articles and events are still stored, each event its
    own happening, and the log says why."""
    from tieline.dedup import cluster

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected")

    monkeypatch.setattr(cluster, "assign_changes", broken)
    store.write_articles([pact("p1", source="A"), pact("p2", source="B")], coder="c")
    assert store.counts()["events"] == 2
    assert sorted(h["n_mentions"] for h in store.happenings()) == [1, 1]
    assert all("injected" in (x["detail"] or "") for x in store.dedup_log())
    assert "dedup failed" in caplog.text
    monkeypatch.undo()
    assert store.rebuild_happenings().happenings_new == 1  # a rebuild merges them once the bug is gone
