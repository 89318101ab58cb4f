"""dyad_timeline and change points: numbers checked by hand on hand-built events in a DuckDB store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from analysis_kit import KEN, USA, Spec, relationship_specs, write

from tieline.analysis import (
    TIMELINE_COLUMNS,
    change_points,
    detect_change_points,
    dyad_timeline,
    iter_events,
    timeline_rows,
)
from tieline.errors import UsageError
from tieline.store import DuckDBStore, Store


def test_monthly_timeline_by_hand(memory_store: Store) -> None:
    rows = dyad_timeline(write(memory_store, relationship_specs()), "USA", "KEN", by="month")
    assert [r["period"] for r in rows] == ["2024-01", "2024-02", "2024-03"]
    jan, feb, mar = rows
    assert list(jan) == list(TIMELINE_COLUMNS)
    # CONSULT (+1.0, conf .8), AGREE (+3.0, conf .6), THREATEN (-4.0, conf .5); the USA-SOM attack is not in the dyad
    assert (jan["start"], jan["end"]) == ("2024-01-01", "2024-01-31")
    assert jan["events"] == 3
    assert (jan["verbal_cooperation"], jan["material_cooperation"]) == (2, 0)
    assert (jan["verbal_conflict"], jan["material_conflict"]) == (1, 0)
    assert (jan["cooperation"], jan["conflict"]) == (2, 1)
    assert jan["goldstein_sum"] == 0.0
    assert jan["goldstein_mean"] == 0.0
    assert jan["confidence_sum"] == pytest.approx(1.9)
    assert jan["cooperation_by_confidence"] == pytest.approx(1.4)
    assert jan["conflict_by_confidence"] == pytest.approx(0.5)
    assert jan["goldstein_sum_by_confidence"] == pytest.approx(0.8 + 1.8 - 2.0)
    assert jan["goldstein_mean_by_confidence"] == pytest.approx(0.6 / 1.9, abs=1e-6)
    assert jan["sources"] == 2  # articles a1 and a2
    assert jan["source_weight"] == 3
    # an empty month between is kept, with no mean
    assert feb["events"] == 0 and feb["goldstein_mean"] is None and feb["goldstein_sum"] == 0.0
    # March: the aid counts; the negated attack does not
    assert (mar["events"], mar["material_cooperation"], mar["conflict"]) == (1, 1, 0)
    assert mar["goldstein_mean"] == 7.0


def test_year_only_dates_stay_out_of_months_but_not_years(memory_store: Store) -> None:
    write(memory_store, relationship_specs())
    years = dyad_timeline(memory_store, "KEN", "USA", by="year")
    assert years[0]["period"] == "2010" and years[0]["material_conflict"] == 1
    assert years[-1]["period"] == "2024" and years[-1]["events"] == 4
    assert len(years) == 15  # 2010..2024, the empty years kept


def test_weeks_days_and_window(memory_store: Store) -> None:
    write(memory_store, relationship_specs())
    weeks = dyad_timeline(memory_store, "USA", "KEN", by="week", until=dt.date(2024, 1, 31))
    # 2024-01-05 is a Friday (ISO week 1 starts Monday 1 January); 2024-01-20 a Saturday in week 3
    assert [(w["period"], w["start"], w["events"]) for w in weeks] == [
        ("2024-W01", "2024-01-01", 2),
        ("2024-W02", "2024-01-08", 0),
        ("2024-W03", "2024-01-15", 1),
        ("2024-W04", "2024-01-22", 0),
        ("2024-W05", "2024-01-29", 0),
    ]
    days = dyad_timeline(
        memory_store, "USA", "KEN", by="day", since=dt.date(2024, 1, 10), until=dt.date(2024, 1, 20)
    )
    assert len(days) == 11 and days[0]["period"] == "2024-01-10"
    assert sum(d["events"] for d in days) == 1 and days[-1]["conflict"] == 1


def test_since_drops_earlier_events_and_the_window_sets_the_periods(memory_store: Store) -> None:
    write(memory_store, relationship_specs())
    rows = dyad_timeline(memory_store, "usa", "ken", since=dt.date(2024, 1, 10), until=dt.date(2024, 4, 30))
    assert [r["period"] for r in rows] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert rows[0]["events"] == 1 and rows[0]["conflict"] == 1
    assert dyad_timeline(memory_store, "USA", "ETH") == []
    empty = dyad_timeline(memory_store, "USA", "ETH", since=dt.date(2024, 1, 1), until=dt.date(2024, 2, 10))
    assert [r["events"] for r in empty] == [0, 0]


def test_modalities_can_be_widened(memory_store: Store) -> None:
    write(memory_store, relationship_specs())
    rows = dyad_timeline(memory_store, "USA", "KEN", modalities=None)
    assert rows[-1]["events"] == 2 and rows[-1]["material_conflict"] == 1


def test_sources_weighting_uses_merged_sources() -> None:
    events = [
        {"id": "x1", "article_id": "a1", "date": "2024-05-02", "quad": 1, "goldstein": 2.0, "confidence": 1.0,
         "modality": "asserted", "sources": ["a1", "a7", {"outlet": "Daily Nation"}]},
        {"id": "x2", "article_id": "a2", "date": "2024-05-03", "quad": 4, "goldstein": -8.0, "confidence": 0.5,
         "modality": "asserted"},
    ]  # fmt: skip
    (row,) = timeline_rows(events, by="month")
    assert row["sources"] == 4  # a1, a7, Daily Nation, a2
    assert row["source_weight"] == 4
    assert (row["cooperation_by_sources"], row["conflict_by_sources"]) == (3, 1)
    assert row["goldstein_sum_by_sources"] == pytest.approx(3 * 2.0 - 8.0)
    assert row["goldstein_mean_by_sources"] == pytest.approx(-2.0 / 4)
    assert row["goldstein_mean"] == pytest.approx(-3.0)
    assert row["goldstein_mean_by_confidence"] == pytest.approx((2.0 - 4.0) / 1.5)


def test_bad_arguments_are_usage_errors(memory_store: Store) -> None:
    with pytest.raises(UsageError):
        dyad_timeline(memory_store, "USA", "usa")
    with pytest.raises(UsageError):
        dyad_timeline(memory_store, "USA", "KEN", by="fortnight")
    with pytest.raises(UsageError):
        dyad_timeline(memory_store, "USA", " ")
    with pytest.raises(UsageError):
        dyad_timeline(memory_store, "USA", "KEN", since=dt.date(2024, 2, 1), until=dt.date(2024, 1, 1))


def _rows(coop: list[int], conflict: list[int] | None = None) -> list[dict[str, object]]:
    conflict = conflict or [0] * len(coop)
    return [
        {"period": f"p{i}", "start": f"2024-01-{i + 1:02d}", "cooperation": c, "conflict": k}
        for i, (c, k) in enumerate(zip(coop, conflict, strict=True))
    ]


def test_change_points_by_hand() -> None:
    # history 2,4,2,4: mean 3, sample sd 1.1547; 3 is inside, 9 is 5.196 sd above
    assert detect_change_points(_rows([2, 4, 2, 4, 3])) == []
    (cp,) = detect_change_points(_rows([2, 4, 2, 4, 9]))
    assert (cp["period"], cp["series"], cp["direction"], cp["value"], cp["mean"]) == (
        "p4",
        "cooperation",
        "rise",
        9.0,
        3.0,
    )
    assert cp["z"] == pytest.approx(6 / 1.154701, abs=1e-3)
    # a drop in conflict after a steady history (5, 5, 6, 5: mean 5.25, sd 0.5)
    (drop,) = detect_change_points(_rows([1, 1, 1, 1, 1], [5, 5, 6, 5, 0]))
    assert (drop["series"], drop["direction"]) == ("conflict", "drop")
    # a flat history: any move of at least min_change counts, and z is undefined
    (flat,) = detect_change_points(_rows([1, 1, 1, 5]))
    assert flat["period"] == "p3" and flat["z"] is None
    assert detect_change_points(_rows([0, 0, 0, 1]), min_change=2) == []
    # too little history: nothing is judged
    assert detect_change_points(_rows([1, 1, 9])) == []
    # a window forgets old history: 0,0,0 then 10,10,10 -> with window 3, the last 10 is ordinary
    flagged = detect_change_points(_rows([0, 0, 0, 10, 10, 10, 10]), window=3)
    assert [c["period"] for c in flagged] == ["p3"]


def test_change_points_arguments() -> None:
    with pytest.raises(UsageError):
        detect_change_points(_rows([1, 2, 3]), min_history=1)
    with pytest.raises(UsageError):
        detect_change_points(_rows([1, 2, 3]), series=["friendship"])


def test_change_points_on_the_store(memory_store: Store) -> None:
    specs = [
        Spec(f"c{m}", f"2024-{m:02d}-10", "CONSULT", "040", 1, 1.0, [USA], [KEN]) for m in range(1, 6)
    ] + [Spec(f"d{i}", "2024-06-10", "ASSAULT", "190", 4, -10.0, [KEN], [USA]) for i in range(3)]
    write(memory_store, specs)
    # five months of one meeting each, then three attacks and no meeting
    found = [
        (c["period"], c["series"], c["direction"], c["value"])
        for c in change_points(memory_store, "USA", "KEN")
    ]
    assert found == [("2024-06", "cooperation", "drop", 0.0), ("2024-06", "conflict", "rise", 3.0)]
    assert change_points(memory_store, "USA", "KEN", series=["conflict"], min_history=5) == change_points(
        memory_store, "USA", "KEN", series=["conflict"]
    )


def test_iter_events_pages_through_the_store_in_order(memory_store: Store) -> None:
    specs = [Spec(f"p{i}", f"2024-02-{i + 1:02d}", "CONSULT", "040", 1, 1.0, [USA], [KEN]) for i in range(7)]
    write(memory_store, specs)
    paged = [e["id"] for e in iter_events(memory_store, batch=3)]
    assert paged == [e["id"] for e in memory_store.events()]
    assert len(paged) == 7
    assert [
        e["id"] for e in iter_events(memory_store, dyad=("KEN", "USA"), since=dt.date(2024, 2, 6), batch=1)
    ] == [
        "p5-e0",
        "p6-e0",
    ]


class CursorStore(DuckDBStore):
    """A real store that also offers the optional ``iter_events`` cursor, counting its calls."""

    calls: list[dict[str, object]]

    def iter_events(self, *, batch: int, **filters: Any) -> Iterator[dict[str, Any]]:
        self.calls.append({"batch": batch, **filters})
        yield from self.events(**filters)


def test_a_store_cursor_is_used_when_offered() -> None:
    store = CursorStore(":memory:")
    store.calls = []
    try:
        store.migrate()
        write(store, relationship_specs())
        rows = timeline_rows(
            iter_events(store, dyad=("USA", "KEN"), since=dt.date(2024, 1, 1)), since=dt.date(2024, 1, 1)
        )
        assert [r["events"] for r in rows] == [3, 0, 1]
        assert store.calls == [
            {"batch": 5000, "dyad": ("USA", "KEN"), "actor": None, "since": dt.date(2024, 1, 1), "until": None,
             "event_type": None}
        ]  # fmt: skip
    finally:
        store.close()


def test_sources_weighting_counts_each_happening_once(memory_store: Store) -> None:
    """Three reports of one agreement (two from the same outlet) and one other agreement a month later:
    the store's dedup makes two happenings; a happening weighs its distinct outlets once."""
    from analysis_kit import KEN, USA, Spec, build_articles

    specs = [
        Spec(f"r{i}", "2024-05-06", "AGREE", "057", 1, 8.0, [USA], [KEN], sentence=f"Report {i} of the pact.")
        for i in range(3)
    ] + [Spec("r9", "2024-06-20", "AGREE", "057", 1, 8.0, [KEN], [USA], sentence="Another pact.")]
    articles = build_articles(specs)
    articles[1].source = articles[0].source  # r0 and r1 come from one outlet
    memory_store.write_articles(articles, coder="test")
    may, june = dyad_timeline(memory_store, "USA", "KEN", by="month")
    assert (may["events"], may["happenings"], may["sources"]) == (3, 1, 2)
    assert may["source_weight"] == may["cooperation_by_sources"] == 2
    assert may["goldstein_sum_by_sources"] == pytest.approx(16.0)
    assert (june["events"], june["happenings"], june["source_weight"]) == (1, 1, 1)


def test_undated_events_are_in_no_period(memory_store: Store) -> None:
    """An article with no date gives its events the placeholder 1970-01-01 with precision "unknown":
    no timeline (pure or in the database) places them, at any period length."""
    undated = Spec("u1", "1970-01-01", "ASSAULT", "190", 4, -10.0, [KEN], [USA], precision="unknown")
    write(memory_store, [*relationship_specs(), undated])
    for by in ("day", "week", "month", "year"):
        rows = dyad_timeline(memory_store, "USA", "KEN", by=by)
        assert rows and all(r["start"] >= "2010-01-01" for r in rows), by  # the kit starts in 2010
    pure = {"id": "x", "article_id": "u1", "date": "1970-01-01", "date_precision": "unknown", "quad": 4,
            "goldstein": -10.0, "modality": "asserted"}  # fmt: skip
    assert timeline_rows([pure], by="year") == []
