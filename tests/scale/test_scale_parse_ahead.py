"""The 1-process run parses on a thread of its own while it codes: the same rows as parsing in line, an error on
the parse thread raised in the run after what was parsed before it, the thread stopped and joined on the way out,
checkpoints only after commits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scale_kit import fresh, small_articles
from test_scale_write_behind import _dump, _inputs, _Recording

from tieline.errors import StoreError
from tieline.model import Article, SkipRecord
from tieline.runner import run_ingest
from tieline.store import open_store


def _parsers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "tieline-parser"]


@pytest.mark.parametrize("behind", [False, True])
def test_parse_ahead_stores_exactly_what_parsing_in_line_stores(pipe, tmp_path: Path, behind: bool) -> None:
    arts = small_articles(10, seed=31)
    sums = {}
    for ahead in (False, True):
        with open_store(tmp_path / f"{ahead}.duckdb") as store:
            sums[ahead] = run_ingest(
                _inputs(arts), store, pipe, batch=3, parse_ahead=ahead, write_behind=behind and ahead
            )
    assert sums[True]["coded"] == sums[False]["coded"] == 10
    assert sums[True]["events"] == sums[False]["events"] > 0
    assert sums[True]["skipped"] == sums[False]["skipped"] == 1
    inline, ahead_ = _dump(tmp_path / "False.duckdb"), _dump(tmp_path / "True.duckdb")
    assert ahead_["skips"] and ahead_["happenings"]
    assert ahead_ == inline
    assert not _parsers()


def test_an_error_reading_the_input_is_raised_after_the_articles_before_it(pipe, tmp_path: Path) -> None:
    arts = small_articles(40, seed=32)  # more than one spaCy batch (32) before the error

    def inputs() -> Iterator[Article | SkipRecord]:
        yield from fresh(arts)
        raise OSError("the input went away (injected)")

    stored, done = {}, {}
    for ahead in (False, True):
        ckpt = tmp_path / f"{ahead}.ckpt"
        with open_store(tmp_path / f"e{ahead}.duckdb") as store:
            with pytest.raises(OSError, match="went away"):
                run_ingest(inputs(), store, pipe, batch=3, checkpoint=ckpt, parse_ahead=ahead)
            stored[ahead] = sorted(a["id"] for a in store.articles())
        done[ahead] = ckpt.read_text(encoding="utf-8").split()
    # what was parsed before the error is coded and committed in whole batches, as when parsing in line
    assert stored[True] == stored[False] == sorted(done[True])
    assert done[True] == done[False] == [a.id for a in arts[: len(done[True])]]
    assert 0 < len(done[True]) < len(arts)
    assert not _parsers()


def test_a_failed_write_stops_and_joins_the_parse_thread(pipe, tmp_path: Path) -> None:
    # more than the parse thread holds ahead (64 waiting, a batch of 32 parsing)
    arts = small_articles(160, seed=33)
    ckpt = tmp_path / "run.ckpt"
    read: list[str] = []

    def inputs() -> Iterator[Article]:
        for a in fresh(arts):
            read.append(a.id)
            yield a

    with open_store(tmp_path / "f.duckdb") as real:
        store = _Recording(real, fail_on=1)
        with pytest.raises(StoreError, match="disk full"):
            run_ingest(inputs(), store, pipe, batch=2, checkpoint=ckpt, parse_ahead=True)
        assert not _parsers(), "the parse thread is joined before the run returns"
        assert list(real.articles()) == []
    assert not ckpt.exists() or ckpt.read_text(encoding="utf-8") == ""
    n = len(read)
    time.sleep(0.3)
    assert len(read) == n < len(arts), "nothing is read once the run stopped"


def test_resume_with_parse_ahead_skips_what_was_committed(pipe, tmp_path: Path) -> None:
    arts = small_articles(8, seed=34)
    ckpt = tmp_path / "run.ckpt"

    def stop(done: int) -> None:
        if done >= 4:
            raise KeyboardInterrupt

    with open_store(tmp_path / "r.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            run_ingest(fresh(arts), store, pipe, batch=2, checkpoint=ckpt, on_batch=stop, parse_ahead=True)
        assert not _parsers()
        summary: dict[str, Any] = run_ingest(
            fresh(arts), store, pipe, batch=2, checkpoint=ckpt, parse_ahead=True
        )
        assert summary["resumed"] == 4 and summary["coded"] == 4
        assert sorted(a["id"] for a in store.articles()) == sorted(a.id for a in arts)
    assert sorted(ckpt.read_text(encoding="utf-8").split()) == sorted(a.id for a in arts)
