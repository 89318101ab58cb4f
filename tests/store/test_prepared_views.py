"""A prepared batch carries what dedup reads of its events (``PreparedBatch.views``): writing it gives
the same rows as decoding the events' JSON records; and DuckDB's Arrow frames insert what pandas
frames of object columns insert."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest
from test_dedup_write_path import _articles
from test_happenings import pact

from tieline.store import _records as r
from tieline.store._happenings import dedup_view
from tieline.store._sql import PreparedBatch, SqlStore, prepare_batch
from tieline.store.duckdb import DuckDBStore, _arrow_frame

AT = dt.datetime(2024, 5, 6, 7, 8, 9)
SKIP = {"updated_at", "at", "applied_at"}


def _tables(store: SqlStore) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for table in ("articles", "events", "event_actors", "mentions", "actors", "happenings",
                  "happening_events", "happening_parties", "dedup_log"):  # fmt: skip
        cols = [
            d[0] for d in store._execute(store._connection(), f"SELECT * FROM {table} LIMIT 0").description
        ]
        keep = ", ".join(f'"{c}"' for c in cols if c not in SKIP)
        out[table] = sorted(map(repr, store._all(f"SELECT {keep} FROM {table}")))
    return out


def _batches() -> list[PreparedBatch]:
    first = _articles()
    again = [*first[:2], *(pact(f"q{i}", source=f"S{i}", date="2024-03-05") for i in range(3))]
    return [prepare_batch(b, coder="c", coded_at=AT) for b in (first, again)]


def test_views_write_what_the_records_give(store: SqlStore) -> None:
    batches = [pickle.loads(pickle.dumps(b)) for b in _batches()]  # as a worker ships them
    assert all(b.views is not None and b.records is None for b in batches)
    for b in batches:
        store.write_prepared(b)
    with_views = _tables(store)
    with store._transaction() as con:
        for t in ("happening_events", "happening_parties", "happenings", "dedup_log", "event_actors",
                  "events", "mentions", "articles", "actors"):  # fmt: skip
            store._execute(con, f"DELETE FROM {t}")
    for b in _batches():
        b.views = None  # decoded from the JSON records
        store.write_prepared(b)
    assert _tables(store) == with_views


def test_a_view_is_the_record_but_what_dedup_never_reads() -> None:
    record = prepare_batch(_articles()[:1], coder="c", keep_records=True).records[0]  # type: ignore[index]
    view = dedup_view(record)
    assert set(view) < set(record)
    assert {"reason", "context", "coder"}.isdisjoint(view)
    assert view["location"] == record["location"]
    assert view["evidence"]["trigger"] == {k: record["evidence"]["trigger"][k] for k in ("start", "end")}


@pytest.mark.parametrize(
    "column",
    [
        [1, None, 3],
        [1.5, float("nan"), None],
        ["a", None],
        [dt.date(2024, 1, 2)],
        [None, None],
        [True, False],
    ],
)
def test_arrow_frames_hold_what_pandas_frames_hold(column: list[Any]) -> None:
    assert _arrow_frame([(v,) for v in column], 1) is not None


@pytest.mark.parametrize("column", [[1, "a"], [2**70], ["a\ud800"], [True, 1]])
def test_values_arrow_cannot_type_go_in_a_pandas_frame(column: list[Any]) -> None:
    assert _arrow_frame([(v,) for v in column], 1) is None


def test_both_frames_insert_the_same_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        ("x", "t", dt.date(2024, 1, 2), None, "s", None, "text", 4, "c", AT),
        ("y", None, None, "u", None, "p", "", 0, "c", AT),
    ]
    got = []
    for arrow in (True, False):
        if not arrow:
            monkeypatch.setattr("tieline.store.duckdb._arrow_frame", lambda rows, width: None)
        s = DuckDBStore(bulk="frame")
        s.migrate()
        with s._transaction() as con:
            s._insert(con, "articles", r.ARTICLE_COLUMNS, rows)
        got.append(s._all("SELECT * FROM articles ORDER BY id"))
        s.close()
    assert got[0] == got[1]
    assert got[0][0][2] == dt.date(2024, 1, 2) and got[0][1][3] == "u"
