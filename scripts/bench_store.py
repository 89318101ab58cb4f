#!/usr/bin/env python
"""Store benchmark (not a test): synthetic events into DuckDB and PostgreSQL, then query medians.

    .venv/bin/python scripts/bench_store.py --events 1000000            # both backends
    .venv/bin/python scripts/bench_store.py --events 20000 --backends duckdb
    .venv/bin/python scripts/bench_store.py --pg postgresql://me@host/bench   # else a throwaway cluster

Synthetic data: 60 countries with Zipf-like weights (so a few dyads dominate, as in news), actors
as states or GOV/MIL sectors, PLOVER/CAMEO types weighted towards CONSULT and verbal events,
dates over 2015-2024 with volume growing and bursts, 1-6 events an article.

Phases per backend, each reported:
1. bulk load: all but the last ``--api-events`` events as rows through the store's own bulk insert
   (DuckDB: registered frame; PostgreSQL: COPY) in transactions of ``--chunk`` events, then the
   actor roll-up. Rows are built directly (``Event.to_dict`` costs ~0.3-0.7 ms an event, which would
   dominate); the records have the same shape as ``Event.to_dict()``.
2. ingest: the last ``--api-events`` events as real ``Event`` objects through ``write_articles`` in
   batches of 64 articles (what ``tieline ingest`` does), into the already-loaded store.
3. queries, medians of ``--repeat`` runs, through the library functions the CLI, API and web call:
   ``tieline.analysis.dyad_timeline`` (whole history and 2023) and ``tieline.analysis.dossier`` for a
   top, a middle and a rare dyad; the API's ``Desk`` (timeline, event pages with each filter, one
   event's detail, an actor page) and ``store.dyad_summary`` (the /dyads endpoint).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tieline.model import Actor, Article, Event, Evidence
from tieline.store import _records as r
from tieline.store._sql import SqlStore

COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "UKR",
    "ISR",
    "IRN",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "PAK",
    "TUR",
    "SAU",
    "KOR",
    "PRK",
    "JPN",
    "TWN",
    "SYR",
    "IRQ",
    "AFG",
    "EGY",
    "KEN",
    "SOM",
    "ETH",
    "NGA",
    "ZAF",
    "POL",
    "ITA",
    "ESP",
    "CAN",
    "AUS",
    "BRA",
    "MEX",
    "VEN",
    "COL",
    "YEM",
    "LBN",
    "JOR",
    "ARE",
    "QAT",
    "MLI",
    "NER",
    "SDN",
    "SSD",
    "LBY",
    "DZA",
    "MAR",
    "TUN",
    "PHL",
    "VNM",
    "IDN",
    "MYS",
    "THA",
    "MMR",
    "BGD",
    "LKA",
    "NPL",
    "KAZ",
    "AZE",
    "ARM",
]
TYPES: tuple[tuple[str, str, float, int, float], ...] = (
    # PLOVER, CAMEO, Goldstein, quad, weight
    ("CONSULT", "040", 1.0, 1, 30),
    ("CONSULT", "043", 2.8, 1, 8),
    ("AGREE", "057", 8.0, 1, 6),
    ("SUPPORT", "051", 3.4, 1, 6),
    ("COOPERATE", "061", 6.4, 2, 5),
    ("AID", "070", 7.0, 2, 4),
    ("REQUEST", "020", 3.0, 1, 5),
    ("DISAPPROVE", "111", -2.0, 3, 8),
    ("ACCUSE", "112", -2.0, 3, 6),
    ("THREATEN", "138", -7.0, 3, 4),
    ("SANCTION", "163", -8.0, 4, 3),
    ("MOBILIZE", "150", -7.2, 4, 3),
    ("ASSAULT", "190", -10.0, 4, 6),
    ("ASSAULT", "195", -10.0, 4, 3),
    ("COERCE", "173", -5.0, 4, 3),
)
START = dt.date(2015, 1, 1)
DAYS = (dt.date(2024, 12, 31) - START).days


class Synth:
    """Deterministic synthetic events with realistic skew."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.cweights = [1.0 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
        self.tweights = [t[4] for t in TYPES]
        self.bursts = [self.rng.randrange(DAYS) for _ in range(40)]

    def country(self, other: str | None = None) -> str:
        while True:
            c = self.rng.choices(COUNTRIES, self.cweights)[0]
            if c != other:
                return c

    def day(self) -> dt.date:
        if self.rng.random() < 0.15:
            d = self.rng.choice(self.bursts) + int(self.rng.gauss(0, 4))
        else:
            d = int(DAYS * self.rng.random() ** 0.7)  # more news lately
        return START + dt.timedelta(days=min(max(d, 0), DAYS))

    def articles(self, n_events: int, prefix: str) -> Iterator[tuple[str, dt.date, list[dict[str, Any]]]]:
        made = i = 0
        while made < n_events:
            k = min(self.rng.randint(1, 6), n_events - made)
            day = self.day()
            a = self.country()
            b = self.country(a)
            specs = []
            for j in range(k):
                plover, cameo, gold, quad, _ = self.rng.choices(TYPES, self.tweights)[0]
                x, y = (a, b) if self.rng.random() < 0.6 else (b, a)
                if self.rng.random() < 0.2:
                    y = self.country(x)
                specs.append(
                    {
                        "n": j,
                        "event": plover,
                        "cameo": cameo,
                        "goldstein": gold,
                        "quad": quad,
                        "actor": (x, self.rng.choice((None, None, "GOV", "MIL"))),
                        "recipient": (y, self.rng.choice((None, None, "GOV", "MIL"))),
                        "date": day - dt.timedelta(days=self.rng.choice((0, 0, 0, 1, 2))),
                    }
                )
            yield f"{prefix}{i:08d}", day, specs
            made += k
            i += 1


TEXT = (
    "{a} and {b} held talks in the capital on Tuesday, officials said, after weeks of strain over "
    "the border. The ministers agreed to meet again next month. Analysts said the visit mattered."
)


def make_actor(country: str, sector: str | None, start: int) -> Actor:
    return Actor(
        text=country,
        start=start,
        end=start + 3,
        name=country if sector is None else f"{country} {sector.lower()}",
        country=country,
        sector=sector,
        kind="state" if sector is None else "sector",
        code=country + (sector or ""),
    )


def make_event(article_id: str, spec: dict[str, Any]) -> Event:
    ev_start = 0
    return Event(
        id=f"{article_id}-{spec['n']}",
        article_id=article_id,
        date=spec["date"].isoformat(),
        event=spec["event"],
        mode="",
        context=["military"] if spec["quad"] >= 3 else [],
        cameo=spec["cameo"],
        goldstein=spec["goldstein"],
        quad=spec["quad"],
        actor=[make_actor(*spec["actor"], 0)],
        recipient=[make_actor(*spec["recipient"], 8)],
        location=None,
        modality="asserted",
        confidence=0.8,
        evidence=Evidence(
            text="held talks",
            start=ev_start,
            end=ev_start + 10,
            trigger={"text": "held", "start": 0, "end": 4},
        ),
        reason="synthetic",
        coder="bench 1",
    )


def make_article(article_id: str, day: dt.date, specs: list[dict[str, Any]]) -> Article:
    a0, b0 = specs[0]["actor"][0], specs[0]["recipient"][0]
    art = Article.create(
        TEXT.format(a=a0, b=b0), id=article_id, title=f"{a0}-{b0}", date=day.isoformat(), source="synthetic"
    )
    art.events = [make_event(article_id, s) for s in specs]
    return art


class FastRows:
    """Table rows for synthetic events without ``Event.to_dict`` (same record shape, ~30x faster)."""

    def __init__(self) -> None:
        sample = make_event("t", {"n": 0, "event": "CONSULT", "cameo": "040", "goldstein": 1.0, "quad": 1,
                                  "actor": ("USA", None), "recipient": ("KEN", "GOV"), "date": START})  # fmt: skip
        self.template = sample.to_dict()
        self.coded_at = dt.datetime(2025, 1, 1)

    def actor_dict(self, country: str, sector: str | None, start: int) -> dict[str, Any]:
        a = make_actor(country, sector, start)
        return {"text": a.text, "start": a.start, "end": a.end, "name": a.name, "country": a.country,
                "sector": a.sector, "kind": a.kind, "code": a.code}  # fmt: skip

    def rows(
        self, article_id: str, day: dt.date, specs: list[dict[str, Any]]
    ) -> tuple[r.Row, list[r.Row], list[r.Row], list[r.Row]]:
        a0, b0 = specs[0]["actor"][0], specs[0]["recipient"][0]
        text = TEXT.format(a=a0, b=b0)
        art = (
            article_id,
            f"{a0}-{b0}",
            day,
            None,
            "synthetic",
            None,
            text,
            len(text),
            "bench 1",
            self.coded_at,
        )
        mentions = [(article_id, 0, 3, a0, "GPE", a0, "ner"), (article_id, 8, 11, b0, "GPE", b0, "ner")]
        events: list[r.Row] = []
        actors: list[r.Row] = []
        for s in specs:
            rec = dict(self.template)
            eid = f"{article_id}-{s['n']}"
            actor = [self.actor_dict(*s["actor"], 0)]
            recipient = [self.actor_dict(*s["recipient"], 8)]
            rec.update(id=eid, article_id=article_id, date=s["date"].isoformat(), event=s["event"], cameo=s["cameo"],
                       goldstein=s["goldstein"], quad=s["quad"], actor=actor, recipient=recipient,
                       context=["military"] if s["quad"] >= 3 else [])  # fmt: skip
            cols = {
                "id": eid, "article_id": article_id, "date": s["date"], "date_precision": "day",
                "date_source": rec["date_source"], "event": s["event"], "mode": "", "context": json.dumps(rec["context"]),
                "cameo": s["cameo"], "cameo_root": s["cameo"][:2], "goldstein": float(s["goldstein"]), "quad": s["quad"],
                "modality": "asserted", "confidence": 0.8, "evidence_start": 0, "evidence_end": 10,
                "trigger_start": 0, "trigger_end": 4, "location": None, "reason": "synthetic", "coder": "bench 1",
                "record": json.dumps(rec, ensure_ascii=False),
            }  # fmt: skip
            events.append(tuple(cols[c] for c in r.EVENT_COLUMNS))
            for side, lst in (("actor", actor), ("recipient", recipient)):
                for idx, a in enumerate(lst):
                    key = f"{a['code']}|{a['name']}"
                    actors.append((eid, article_id, side, idx, a["text"], a["start"], a["end"], a["name"],
                                   a["country"], a["sector"], a["kind"], a["code"], None, None, None, key))  # fmt: skip
        return art, mentions, events, actors


def bulk_load(store: SqlStore, n_events: int, chunk: int) -> dict[str, float]:
    synth, fast = Synth(1), FastRows()
    gen_s = ins_s = 0.0
    keys: set[str] = set()
    buf: tuple[list[r.Row], list[r.Row], list[r.Row], list[r.Row]] = ([], [], [], [])
    done = 0

    def flush() -> None:
        nonlocal ins_s
        t = time.perf_counter()
        with store._transaction() as con:
            for table, cols, rows in zip(("articles", "mentions", "events", "event_actors"),
                                         (r.ARTICLE_COLUMNS, r.MENTION_COLUMNS, r.EVENT_COLUMNS, r.EVENT_ACTOR_COLUMNS),
                                         buf, strict=True):  # fmt: skip
                store._insert(con, table, cols, rows)
                rows.clear()
        ins_s += time.perf_counter() - t

    t0 = time.perf_counter()
    for aid, day, specs in synth.articles(n_events, "b"):
        t = time.perf_counter()
        art, ments, evs, acts = fast.rows(aid, day, specs)
        buf[0].append(art)
        buf[1].extend(ments)
        buf[2].extend(evs)
        buf[3].extend(acts)
        keys.update(a[-1] for a in acts)
        done += len(evs)
        gen_s += time.perf_counter() - t
        if len(buf[2]) >= chunk:
            flush()
            print(f"  bulk {done:,} events", file=sys.stderr, end="\r")
    flush()
    t = time.perf_counter()
    with store._transaction() as con:
        store._refresh_actors(con, keys)
    rollup_s = time.perf_counter() - t
    total = time.perf_counter() - t0
    return {"events": done, "insert_s": ins_s, "rollup_s": rollup_s, "generate_s": gen_s,
            "insert_events_per_s": done / ins_s if ins_s else 0.0, "total_s": total}  # fmt: skip


def api_ingest(store: SqlStore, n_events: int, batch_articles: int = 64) -> dict[str, float]:
    synth = Synth(2)
    arts = [make_article(aid, day, specs) for aid, day, specs in synth.articles(n_events, "w")]
    t0 = time.perf_counter()
    events = 0
    for i in range(0, len(arts), batch_articles):
        events += store.write_articles(arts[i : i + batch_articles], coder="bench 1").events_written
    first = time.perf_counter() - t0
    t1 = time.perf_counter()
    for i in range(0, len(arts), batch_articles):
        store.write_articles(arts[i : i + batch_articles], coder="bench 1")
    again = time.perf_counter() - t1
    return {"events": events, "articles": len(arts), "seconds": first, "events_per_s": events / first,
            "reingest_seconds": again, "reingest_events_per_s": events / again}  # fmt: skip


def median_ms(fn: Any, repeat: int) -> tuple[float, int]:
    """Median wall time of ``repeat`` calls (after none discarded: the first call is a cold one)."""
    times, n = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
        n = len(out) if hasattr(out, "__len__") else 1
    return statistics.median(times), n


def queries(store: SqlStore, repeat: int) -> dict[str, Any]:
    """Medians through the library functions the CLI, API and dashboard call."""
    from tieline.analysis import dossier, dyad_timeline
    from tieline.api.desk import Desk, EventFilter

    desk = Desk(store)
    top = store.dyad_summary(limit=None)
    picks = {"top": top[0], "middle": top[len(top) // 2], "rare": top[int(len(top) * 0.9)]}
    y2023 = {"since": dt.date(2023, 1, 1), "until": dt.date(2023, 12, 31)}
    out: dict[str, Any] = {}

    def add(label: str, fn: Any, times: int = repeat) -> None:
        ms, n = median_ms(fn, times)
        out[f"{label} [{n} rows]"] = ms
        print(f"  {ms:9.1f} ms  {label}", file=sys.stderr)

    for label, d in picks.items():
        a, b = d["a"], d["b"]
        tag = f"{label} {d['dyad']} ({d['events']} events)"
        add(f"analysis.dyad_timeline by month, {tag}", lambda a=a, b=b: dyad_timeline(store, a, b))
        add(
            f"analysis.dyad_timeline by month 2023, {tag}",
            lambda a=a, b=b: dyad_timeline(store, a, b, **y2023),
        )
        add(f"analysis.dossier, {tag}", lambda a=a, b=b: dossier(store, a, b))
        add(f"API timeline (Desk.timeline), {tag}", lambda a=a, b=b: desk.timeline(a, b))
        add(
            f"API events page dyad=, {tag}",
            lambda a=a, b=b: desk.events(EventFilter(dyad=(a, b)), limit=50).items,
        )
        if label != "top":
            add(f"store.events(dyad=) all records, {tag}", lambda a=a, b=b: store.events(dyad=(a, b)))
    a, b = picks["top"]["a"], picks["middle"]["b"]
    add("API events page, no filter, offset 0", lambda: desk.events(EventFilter(), limit=50).items)
    add(
        "API events page, no filter, offset 500000",
        lambda: desk.events(EventFilter(), limit=50, offset=500_000).items,
    )
    add(f"API events page actor={a}", lambda: desk.events(EventFilter(actor=a), limit=50).items)
    add(
        f"API events page actor={b} offset 1000",
        lambda: desk.events(EventFilter(actor=b), limit=50, offset=1000).items,
    )
    add(
        "API events page quad=3,4 min_confidence=0.5 modality=asserted",
        lambda: (
            desk.events(EventFilter(quad=(3, 4), min_confidence=0.5, modality="asserted"), limit=50).items
        ),
    )
    add(
        f"API events page q=talks actor={b}",
        lambda: desk.events(EventFilter(text="talks", actor=b), limit=50).items,
    )
    add(
        "API events page q=held (text search, all events)",
        lambda: desk.events(EventFilter(text="held"), limit=50).items,
    )
    some = (
        store.events(limit=1, offset=400_000)[0]["id"]
        if store.counts()["events"] > 400_000
        else store.events(limit=1)[0]["id"]
    )
    add("API event detail /events/{id}", lambda: [desk.event_detail(some)])
    add("API dyads (store.dyad_summary top 20)", lambda: store.dyad_summary())
    add("API dyads 2024 (store.dyad_summary top 20)", lambda: store.dyad_summary(since=dt.date(2024, 1, 1)))
    add(f"API actor page {b}", lambda: [desk.actor(b)])
    add(f"API actor page {a} (1 run)", lambda: [desk.actor(a)], times=1)
    return out


@contextlib.contextmanager
def postgres_url(given: str | None) -> Iterator[str]:
    if given:
        yield given
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
    import store_pg  # the test suite's throwaway-cluster helper

    with store_pg.server() as admin, store_pg.fresh_database(admin) as url:
        yield url


def run_backend(name: str, store: SqlStore, args: argparse.Namespace) -> dict[str, Any]:
    store.migrate()
    if args.queries_only:
        print(f"[{name}] queries only, over the {store.counts()['events']:,} events stored", file=sys.stderr)
        return {"backend": name, "counts": store.counts(), "size_bytes": store.size_bytes(),
                "query_median_ms": queries(store, args.repeat)}  # fmt: skip
    n_bulk = max(args.events - args.api_events, 0)
    print(f"[{name}] bulk loading {n_bulk:,} events", file=sys.stderr)
    bulk = bulk_load(store, n_bulk, args.chunk)
    print(f"[{name}] write_articles {args.api_events:,} events", file=sys.stderr)
    api = api_ingest(store, args.api_events)
    store.vacuum()
    print(f"[{name}] queries", file=sys.stderr)
    q = queries(store, args.repeat)
    return {"backend": name, "counts": store.counts(), "size_bytes": store.size_bytes(),
            "bulk": bulk, "write_articles": api, "query_median_ms": q}  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument(
        "--api-events", type=int, default=20_000, help="events through write_articles (end to end)"
    )
    p.add_argument("--chunk", type=int, default=50_000, help="events per bulk-load transaction")
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--backends", default="duckdb,postgresql")
    p.add_argument("--duckdb", help="DuckDB file (default: a temporary file)")
    p.add_argument("--pg", help="PostgreSQL URL (default: a throwaway cluster, as in the tests)")
    p.add_argument("--pg-bulk", default="auto", choices=["auto", "copy", "executemany"])
    p.add_argument("--json", help="also write the results here")
    p.add_argument(
        "--queries-only", action="store_true", help="only the queries, over the store given by --duckdb/--pg"
    )
    args = p.parse_args()
    args.api_events = min(args.api_events, args.events)
    results = []
    for backend in args.backends.split(","):
        if backend == "duckdb":
            from tieline.store import DuckDBStore

            with tempfile.TemporaryDirectory() as tmp:
                path = args.duckdb or str(Path(tmp) / "bench.duckdb")
                with DuckDBStore(path) as store:
                    results.append(run_backend("duckdb", store, args))
        elif backend == "postgresql":
            from tieline.store.postgres import PostgresStore

            with postgres_url(args.pg) as url, PostgresStore(url, bulk=args.pg_bulk) as store:
                results.append(run_backend(f"postgresql ({args.pg_bulk})", store, args))
        else:
            p.error(f"unknown backend {backend!r}")
    for res in results:
        print(f"\n== {res['backend']}: {res['counts']['events']:,} events, {res['size_bytes'] or 0:,} bytes")
        if "bulk" not in res:
            for k, v in res["query_median_ms"].items():
                print(f"  {v:9.1f} ms  {k}")
            continue
        b, a = res["bulk"], res["write_articles"]
        print(f"bulk load      {b['events']:,} events: insert {b['insert_s']:.1f} s ({b['insert_events_per_s']:,.0f} events/s),"
              f" actor roll-up {b['rollup_s']:.1f} s")  # fmt: skip
        print(f"write_articles {a['events']:,} events in {a['articles']:,} articles: {a['events_per_s']:,.0f} events/s"
              f" (re-ingest {a['reingest_events_per_s']:,.0f} events/s)")  # fmt: skip
        for k, v in res["query_median_ms"].items():
            print(f"  {v:9.1f} ms  {k}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
