"""A stored happening that only gains members is built from its summary (migration 7) and the new
mentions, reading one representative a signature instead of every member: the rows are those of
building it from every member (happenings with their summaries, links, merge log), and the members a
write reads no longer grow with the happenings it adds to."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator

import pytest
from store_samples import event, state
from test_dedup_bound import _dump
from test_dedup_reps import _wipe

import tieline.store._happenings as hp
from tieline.dedup import cluster as dc
from tieline.dedup.rules import load_rules
from tieline.model import Actor, Article, Location
from tieline.store import LATEST_VERSION
from tieline.store._sql import SqlStore
from tieline.store.base import WriteResult

TEXT = (
    "Kenya and Uganda met in Mombasa and signed a pact, and Tanzania fought Somali militants near Kampala. "
    "Uganda accused Kenya of an attack and agreed a ceasefire with Tanzania in Arusha."
)
FIRST, SECOND = TEXT.split(". ")[0], TEXT.split(". ")[1].rstrip(".")
PARTIES = {
    "KEN": "Kenya",
    "UGA": "Uganda",
    "TZA": "Tanzania",
}
PLACES = [
    ("Mombasa", "KEN", -4.04, 39.67),
    ("Kampala", "UGA", 0.35, 32.58),
    ("Arusha", "TZA", -3.37, 36.68),
]
# (type, mode, CAMEO codes, trigger): reciprocal types, a compatible pair (AGREE ~ RETREAT/ceasefire),
# an accusation of an act, modes that agree (visit/host) and one that does not
KINDS = [
    ("AGREE", "", ("057", "0311"), "signed", FIRST),
    ("AGREE", "", ("057",), "agreed", SECOND),
    ("RETREAT", "ceasefire", ("0872",), "ceasefire", SECOND),
    ("CONSULT", "visit", ("042", "043"), "met", FIRST),
    ("CONSULT", "host", ("044",), "met", FIRST),
    ("ASSAULT", "", ("190", "195"), "fought", FIRST),
    ("ACCUSE", "", ("112",), "accused", SECOND),
]


def _party(code: str) -> Actor:
    if code == "SOMREB":
        s = TEXT.index("Somali militants")
        return Actor(text="Somali militants", start=s, end=s + 16, name="al-Shabaab", country="SOM",
                     sector="REB", kind="armed_group", code="SOMREB")  # fmt: skip
    return state(TEXT, PARTIES[code], code)


def _article(rng: random.Random, aid: str, version: int) -> Article:
    """An article of 0-3 events drawn at random: few parties, types, days and places, so that many
    mentions of one happening share a signature and counts tie."""
    day = dt.date(2024, 3, 4) + dt.timedelta(days=rng.randrange(6))
    a = Article.create(TEXT, id=aid, title="news", date=day.isoformat(), source=f"S{rng.randrange(4)}")
    events = []
    for n in range(rng.choice((0, 1, 1, 1, 2, 3)) if version else rng.choice((1, 1, 2, 3))):
        kind, mode, cameos, trigger, sentence = rng.choice(KINDS)
        codes = rng.sample([*PARTIES, "SOMREB"], 2)
        actor = [_party(codes[0])]
        recipient = [_party(codes[1])] if rng.random() < 0.9 else []
        if rng.random() < 0.15:
            recipient.append(_party(rng.choice(list(PARTIES))))  # a party on both sides
        place = None
        if rng.random() < 0.4:
            name, country, lat, lon = rng.choice(PLACES)
            s = TEXT.index(name)
            place = Location(text=name, start=s, end=s + len(name), name=name, kind="city",
                             country=country, lat=lat, lon=lon, precision=rng.choice(("city", "exact")))  # fmt: skip
        e = event(a, n + 1, actor=actor, recipient=recipient, kind=kind, cameo=rng.choice(cameos),
                  quad=rng.choice((1, 4)), goldstein=rng.choice((3.0, -10.0)), date=day.isoformat(),
                  evidence=sentence, trigger=trigger, location=place)  # fmt: skip
        e.mode = mode
        e.modality = rng.choice(("asserted", "asserted", "asserted", "pledged"))
        if rng.random() < 0.1:
            e.date, e.date_precision = day.strftime("%Y-%m"), "month"
        elif rng.random() < 0.3:
            e.date = (day - dt.timedelta(days=rng.randrange(3))).isoformat()
            e.date_source = "text"
        events.append(e)
    a.events = events
    return a


def _random_writes(store: SqlStore, seed: int, batches: int = 24) -> Iterator[object]:
    """Batches of new articles, re-codes of earlier ones (other events, or none), splits by hand and
    one rebuild, drawn from ``seed``; yields each write's result."""
    rng = random.Random(seed)
    written: list[str] = []
    for b in range(batches):
        batch = [_article(rng, f"s{seed}-{b}-{i}", 0) for i in range(rng.randrange(3, 9))]
        if written and rng.random() < 0.35:  # re-code one or two earlier articles
            batch += [_article(rng, aid, b) for aid in rng.sample(written, min(2, len(written)))]
        written += [a.id for a in batch if a.id not in written]
        yield store.write_articles(batch, coder=f"c{b % 3}")
        if rng.random() < 0.2:
            merged = store._all(
                "SELECT he.event_id FROM happening_events he JOIN happenings h ON h.id = he.happening_id"
                " WHERE h.n_mentions > 1 ORDER BY he.event_id"
            )
            if merged:
                yield store.split_event(rng.choice(merged)[0])
        if b == batches // 2 and seed % 2:
            yield store.rebuild_happenings()


def _count_grown(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    built = [0]
    grown = dc._build_grown

    def counted(*a, **k):  # type: ignore[no-untyped-def]
        built[0] += 1
        return grown(*a, **k)

    monkeypatch.setattr(dc, "_build_grown", counted)
    return built


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_happenings_built_from_summaries_are_those_built_from_every_member(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    built = _count_grown(monkeypatch)
    reads = [r.members_read for r in _random_writes(store, seed) if isinstance(r, WriteResult)]
    summarised = _dump(store)
    counts = store.dedup_counts()
    assert counts["unlinked_events"] == 0 and counts["linked_events"] == store.counts()["events"]
    assert counts["happenings"] < counts["linked_events"]  # some merged
    assert built[0] > 0  # some happenings were built from their summaries
    assert store._all("SELECT COUNT(*) FROM happenings WHERE summary IS NULL")[0][0] == 0
    _wipe(store)
    with monkeypatch.context() as m:
        m.setattr(hp.dc, "summary_usable", lambda summary: False)  # every member read, as before
        full_reads = [r.members_read for r in _random_writes(store, seed) if isinstance(r, WriteResult)]
    # happenings (their summaries included), links and merge log, row for row
    assert summarised == _dump(store)
    assert sum(reads) < sum(full_reads)


def _members(rng: random.Random, n: int) -> list[dc._Mention]:
    rules = load_rules()
    out = []
    for i in range(n):
        art = _article(rng, f"m{i}", 0)
        for e in art.events:
            d = e.to_dict()
            d["id"], d["article_id"] = f"{art.id}-{e.id}", art.id
            out.append(dc._prepare(d, rules))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_a_summary_folded_in_any_order_decides_as_build(seed: int) -> None:
    """``_decide`` of a summary (folded in pieces, through JSON, in any order) gives what ``_build``
    reads from every member: type, mode, CAMEO code, date, sides and place; ties in counts included."""
    rng = random.Random(seed)
    rules = load_rules()
    ms = _members(rng, rng.randrange(1, 12))
    if not ms:
        return
    h = dc._build(ms, [], rules)
    rng.shuffle(ms)
    cut = rng.randrange(len(ms) + 1)
    s = dc._new_summary()
    for m in ms[:cut]:
        dc._fold(s, m)
    s = json.loads(json.dumps(s))  # as stored
    for m in ms[cut:]:
        dc._fold(s, m)
    s["reps"] = h.summary["reps"] if h.summary else []
    assert s == h.summary
    got = dc._decide(s, rules)
    want = {k: getattr(h, k) for k in got}
    assert got == want


def test_members_read_stay_flat_as_a_happening_grows(store: SqlStore) -> None:
    """A happening of 5 members gains one a batch up to 200: each write reads its representatives
    (one signature here), not its members; built from every member it would read 5 ... 199."""
    from test_dedup_bound import deal

    store.write_articles([deal(f"d{i:03d}", "P0") for i in range(5)], coder="c")
    reads = []
    for i in range(5, 200):
        res = store.write_articles([deal(f"d{i:03d}", "P0")], coder="c")
        reads.append((res.happenings_read, res.members_read))
    assert store._all("SELECT n_mentions FROM happenings") == [(200,)]
    assert set(reads) == {(1, 1)}
    log = store._all("SELECT COUNT(*) FROM dedup_log WHERE action = 'merge'")[0][0]
    assert log == 199


def test_a_happening_without_a_summary_is_read_in_full_once(store: SqlStore) -> None:
    """A store of version 6 (no summaries): its happenings are read in full the first time a write
    touches them, written with a summary, and summarised from then on."""
    from test_dedup_bound import deal

    store.write_articles([deal(f"d{i}", "P0") for i in range(6)], coder="c")
    with store._transaction() as con:
        store._execute(con, "UPDATE happenings SET summary = NULL")
    first = store.write_articles([deal("d6", "P0")], coder="c")
    second = store.write_articles([deal("d7", "P0")], coder="c")
    assert (first.members_read, second.members_read) == (6, 1)
    assert store._all("SELECT COUNT(*) FROM happenings WHERE summary IS NOT NULL") == [(1,)]
    assert store.schema_version() == LATEST_VERSION


def test_a_member_folds_and_signs_stored_as_it_did_new(store: SqlStore) -> None:
    """A summary folds a mention when it is new (``Event.to_dict()``, or its JSON record in a
    ``--processes`` run) and is read back later as the stored member (``_Io.member_events``): both
    forms must give one signature (the representative kept) and one fold."""
    from store_samples import kenya_article

    rng = random.Random(7)
    articles = [kenya_article(article_id="k1"), *(_article(rng, f"f{i}", 0) for i in range(30))]
    store.write_articles(articles, coder="c")
    rules = load_rules()
    new = {e.id: e.to_dict() for a in articles for e in a.events}
    with store._transaction() as con:
        links = store._all("SELECT event_id, happening_id, shape FROM happening_events")
        read = dict((e["id"], e) for _, e in hp._Io(store, con).member_events(links))
    assert set(read) == set(new) and len(new) > 30
    for eid, e in new.items():
        forms = [e, json.loads(json.dumps(e)), read[eid]]
        ms = [dc._prepare(f, rules) for f in forms]
        assert len({m.signature() for m in ms}) == 1, eid
        folds = []
        for m in ms:
            s = dc._new_summary()
            dc._fold(s, m)
            folds.append(json.loads(json.dumps(s)))
        assert folds[0] == folds[1] == folds[2], eid
