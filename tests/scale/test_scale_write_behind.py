"""The 1-process run writes each batch on a writer thread while it codes the next: the same rows as writing
in line, writes in order, a failed write fails the run, checkpoints only after commits."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from scale_kit import fresh, small_articles

from tieline.errors import StoreError
from tieline.model import Article, SkipRecord
from tieline.runner import _WriteBehind, run_ingest
from tieline.store import open_store


def _dump(db: Path) -> dict[str, Any]:
    with open_store(db) as store:
        return {
            "articles": sorted(
                json.dumps({k: v for k, v in a.items() if k != "coded_at"}, sort_keys=True, default=str)
                for a in store.articles()
            ),
            "events": sorted(json.dumps(e, sort_keys=True, default=str) for e in store.events()),
            "skips": sorted(r[:4] for r in store._all("SELECT source, code, reason, detail FROM skips")),  # type: ignore[attr-defined]
            "happenings": store._all("SELECT count(*) FROM happenings")[0][0],  # type: ignore[attr-defined]
        }


def _inputs(arts: list[Article]) -> list[Article | SkipRecord]:
    items: list[Article | SkipRecord] = list(fresh(arts))
    items.insert(3, SkipRecord(source="broken.html", reason="unreadable", detail="test", code="E201"))
    return items


def test_write_behind_stores_exactly_what_writing_in_line_stores(pipe, tmp_path: Path) -> None:
    arts = small_articles(10, seed=21)
    sums = {}
    for behind in (False, True):
        with open_store(tmp_path / f"{behind}.duckdb") as store:
            sums[behind] = run_ingest(_inputs(arts), store, pipe, batch=3, write_behind=behind)
    assert sums[True]["coded"] == sums[False]["coded"] == 10
    assert sums[True]["events"] == sums[False]["events"] > 0
    assert sums[True]["skipped"] == 1
    inline, behind = _dump(tmp_path / "False.duckdb"), _dump(tmp_path / "True.duckdb")
    assert behind["skips"] and behind["happenings"]
    assert behind == inline


class _Recording:
    """A real store whose writes are logged (thread, ids) and can be slowed or made to fail on one call."""

    def __init__(self, store: Any, *, fail_on: int | None = None, slow: float = 0.0) -> None:
        self._store = store
        self.fail_on, self.slow = fail_on, slow
        self.calls: list[tuple[str, list[str]]] = []
        self.written: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def write_articles(self, articles: list[Article], **kw: Any) -> Any:
        ids = [a.id for a in articles]
        self.calls.append((threading.current_thread().name, ids))
        if len(self.calls) == self.fail_on:
            raise StoreError("disk full (injected)")
        time.sleep(self.slow)
        res = self._store.write_articles(articles, **kw)
        self.written += ids
        return res


def test_a_failed_write_fails_the_run_and_nothing_after_it_is_written_or_checkpointed(
    pipe, tmp_path: Path
) -> None:
    arts = small_articles(12, seed=22)
    ckpt = tmp_path / "run.ckpt"
    with open_store(tmp_path / "f.duckdb") as real:
        store = _Recording(real, fail_on=2)
        with pytest.raises(StoreError, match="disk full"):
            run_ingest(fresh(arts), store, pipe, batch=3, checkpoint=ckpt, write_behind=True)
        stored = sorted(a["id"] for a in real.articles())
    first = [a.id for a in arts[:3]]
    assert [ids for _, ids in store.calls][:2] == [first, [a.id for a in arts[3:6]]]
    assert len(store.calls) == 2, "no batch is written after the failed one"
    assert all(name == "tieline-writer" for name, _ in store.calls)
    assert stored == sorted(first)
    assert ckpt.read_text(encoding="utf-8").split() == first


def test_an_error_from_on_batch_stops_the_run(pipe, tmp_path: Path) -> None:
    def stop(done: int) -> None:
        if done >= 4:
            raise KeyboardInterrupt

    ckpt = tmp_path / "run.ckpt"
    with open_store(tmp_path / "k.duckdb") as store, pytest.raises(KeyboardInterrupt):
        run_ingest(
            fresh(small_articles(12, seed=23)),
            store,
            pipe,
            batch=2,
            checkpoint=ckpt,
            on_batch=stop,
            write_behind=True,
        )
    assert len(ckpt.read_text(encoding="utf-8").split()) == 4


def test_coding_goes_on_while_a_batch_is_written(pipe, tmp_path: Path) -> None:
    arts = small_articles(6, seed=24)
    coded_at: dict[str, float] = {}
    code = pipe.coder.code

    def timed_code(article: Article, **kw: Any) -> Any:
        coded_at[article.id] = time.monotonic()
        return code(article, **kw)

    pipe.coder.code = timed_code
    try:
        with open_store(tmp_path / "o.duckdb") as real:
            store = _Recording(real, slow=1.0)
            started = time.monotonic()
            run_ingest(fresh(arts), store, pipe, batch=3, write_behind=True)
    finally:
        del pipe.coder.code
    # the first batch's write sleeps for 1 s; the second batch was coded during that second (written in line,
    # its last article would be coded at least 1 s after the first batch's last)
    assert coded_at[arts[5].id] - coded_at[arts[2].id] < 0.9
    assert time.monotonic() - started >= 1.0
    assert store.written == [a.id for a in arts]


def test_the_writer_raises_the_first_error_once_and_runs_no_job_after_it() -> None:
    done: list[int] = []

    def fail() -> None:
        raise ValueError("first")

    w = _WriteBehind()
    w.submit(lambda: done.append(1))
    w.submit(fail)
    deadline = time.monotonic() + 10
    while w._error is None and time.monotonic() < deadline:
        time.sleep(0.01)
    with pytest.raises(ValueError, match="first"):
        w.submit(lambda: done.append(3))
    w.submit(lambda: done.append(4))  # raised once already: accepted, and dropped
    w.close()
    assert done == [1]


def test_close_raises_an_error_not_yet_seen() -> None:
    w = _WriteBehind()
    w.submit(lambda: 1 / 0)  # type: ignore[func-returns-value]
    with pytest.raises(ZeroDivisionError):
        w.close()
