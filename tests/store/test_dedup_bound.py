"""The dedup step's working set is bounded: however many stored happenings share a party, a type and a
few days with a new event, the write reads at most ``candidate_cap`` of them per party of the event
(the nearest in date first), and never those whose stored type cannot agree with the event's."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from store_samples import event, state

import tieline.store._happenings as hp
from tieline.dedup import cluster as dc
from tieline.model import Article
from tieline.store import open_store
from tieline.store._happenings import _Io
from tieline.store._sql import SqlStore

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "dedup" / "reports.jsonl"


def deal(article_id: str, partner: str, *, date: str = "2024-03-04", kind: str = "AGREE") -> Article:
    """Kenya and one partner (a made-up country code ``partner``) sign a pact: every such report
    shares the party KEN and the type, and none merges with another partner's (the parties differ)."""
    text = f"Kenya and {partner} signed a defence pact in Nairobi on Monday."
    a = Article.create(text, id=article_id, title="pact", date=date, source="wire")
    a.events = [
        event(
            a,
            1,
            actor=[state(text, "Kenya", "KEN")],
            recipient=[state(text, partner, partner)],
            kind=kind,
            cameo="057" if kind == "AGREE" else "145",
            quad=1 if kind == "AGREE" else 4,
            goldstein=8.0,
            date=date,
            evidence=text[:-1],
            trigger="signed",
        )
    ]
    return a


def _cap(monkeypatch: pytest.MonkeyPatch, cap: int) -> None:
    rules = hp.load_rules()
    monkeypatch.setattr(hp, "load_rules", lambda: dataclasses.replace(rules, candidate_cap=cap))


def test_the_packaged_rules_cap_candidates() -> None:
    assert hp.load_rules().candidate_cap == 8


@pytest.mark.parametrize("cap", [0, 4])
def test_happenings_read_per_write_stay_bounded_as_the_store_grows(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    _cap(monkeypatch, cap)
    read, members = [], []
    for i in range(12):
        res = store.write_articles([deal(f"d{i:02d}", f"P{i:02d}")], coder="c")
        read.append(res.happenings_read)
        members.append(res.members_read)
    assert store.dedup_counts()["happenings"] == 12  # nothing merged: every one a candidate of the next
    if cap:
        assert read == [min(i, cap) for i in range(12)]
        assert members == read  # one member each
    else:  # without the cap the working set grows with the store
        assert read == list(range(12))


def test_the_cap_keeps_the_nearest_in_date(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    _cap(monkeypatch, 3)
    first = dt.date(2024, 3, 1)
    days = [(first + dt.timedelta(days=i)).isoformat() for i in range(10)]
    store.write_articles([deal(f"d{i}", f"P{i}", date=d) for i, d in enumerate(days)], coder="c")
    hid_of = dict(store._all("SELECT article_id, happening_id FROM happening_events"))
    probe = deal("q", "PQ", date=days[6]).events[0].to_dict()
    with store._transaction() as con:
        got = _Io(store, con).candidates([probe])
    assert got == {hid_of["d5"], hid_of["d6"], hid_of["d7"]}  # of ten within reach, the three nearest


def test_happenings_of_a_type_that_cannot_agree_are_not_read(store: SqlStore) -> None:
    store.write_articles([deal(f"a{i}", f"P{i}", kind="ASSAULT") for i in range(5)], coder="c")
    res = store.write_articles([deal("n", "P0")], coder="c")  # AGREE, KEN and P0, the same day
    assert res.happenings_read == 0
    res = store.write_articles([deal("m", "P1", kind="ASSAULT")], coder="c")
    assert res.happenings_read >= 1 and res.members_read >= 1


def _dump(store: SqlStore, *, summary: bool = True) -> tuple[list, list, list]:
    cols = [c for c in hp.HAPPENING_COLUMNS if c != "updated_at" and (summary or c != "summary")]
    rows = store._all(f"SELECT {', '.join(cols)} FROM happenings ORDER BY id")
    links = store._all("SELECT event_id, happening_id, article_id FROM happening_events ORDER BY event_id")
    log = store._all(
        "SELECT seq, action, happening_id, event_id, matched_with, rules, score, detail FROM dedup_log ORDER BY seq"
    )
    return rows, links, log


@pytest.mark.model
def test_the_cap_changes_nothing_on_the_labelled_set(pipe, monkeypatch: pytest.MonkeyPatch) -> None:
    """The labelled reports (real news, several outlets a happening), coded once, written in batches of
    16 with the packaged cap and with none: the same happenings, links and merge log."""
    from tieline.dedup.labelled import read_labelled

    rows = read_labelled(LABELLED)
    articles = [
        Article.create(str(r["text"]), id=str(r["id"]), date=str(r["date"]), source=r.get("outlet"))
        for r in rows
    ]
    coded = list(pipe.process(articles))
    dumps = []
    for cap in (hp.load_rules().candidate_cap, 0):
        with monkeypatch.context() as m:
            _cap(m, cap)
            with open_store(":memory:") as store:
                for i in range(0, len(coded), 16):
                    store.write_articles(coded[i : i + 16], coder="eval")
                assert isinstance(store, SqlStore)
                dumps.append(_dump(store))
    assert dumps[0] == dumps[1]
    assert len(dumps[0][0]) < sum(len(a.events) for a in coded)  # some merged: the check has teeth


def test_types_agree_reads_the_type_rule() -> None:
    assert dc.types_agree(("AGREE", ""), ("AGREE", ""))
    assert dc.types_agree(("AGREE", ""), ("RETREAT", "ceasefire"))  # compatible_types in rules.yaml
    assert not dc.types_agree(("AGREE", ""), ("ASSAULT", ""))
