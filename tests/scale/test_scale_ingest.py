"""`tieline ingest --processes/--checkpoint` (the runner's code), worker-built store rows, the writer's memory cap."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from scale_kit import fresh, reference_events, small_articles, write_jsonl

from tieline.cli import cli
from tieline.errors import StoreError
from tieline.runner import RECYCLE_EVERY, WRITER_MEMORY, CodingPool, run_ingest
from tieline.store import open_store


def _stored(db: Path) -> tuple[list[dict], list[dict], list[str]]:
    with open_store(db) as store:
        events = sorted(store.events(), key=lambda e: e["id"])
        actors = sorted(store.actors(limit=100_000), key=lambda a: a["actor_key"])
        ids = sorted(a["id"] for a in store.articles())
    return events, actors, ids


def test_ingest_command_with_processes_and_checkpoint(pipe, tmp_path: Path) -> None:
    arts = small_articles(10, seed=21)
    src = write_jsonl(tmp_path / "in.jsonl", arts)
    one, two, ckpt = tmp_path / "one.duckdb", tmp_path / "two.duckdb", tmp_path / "two.ckpt"
    r1 = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(one), "--no-progress"])
    assert r1.exit_code == 0, r1.output
    args = [
        "ingest",
        str(src),
        "--db",
        str(two),
        "--processes",
        "2",
        "--checkpoint",
        str(ckpt),
        "--batch",
        "3",
    ]
    r2 = CliRunner().invoke(cli, [*args, "--no-progress"])
    assert r2.exit_code == 0, r2.output
    assert "read 10 / skipped 0" in r2.output
    assert set(ckpt.read_text(encoding="utf-8").split()) == {a.id for a in arts}
    events, actors, ids = _stored(two)
    assert events == reference_events(pipe, arts)  # the workers code exactly like one process
    assert (events, actors, ids) == _stored(one)  # rows built in the workers = rows built by the writer
    # a re-run with the checkpoint codes nothing and adds nothing
    r3 = CliRunner().invoke(cli, [*args, "--no-progress"])
    assert r3.exit_code == 0, r3.output
    assert "events 0 (new articles 0, updated 0)" in r3.output
    assert _stored(two) == (events, actors, ids)


def test_a_repeated_article_id_across_worker_chunks(pipe, tmp_path: Path) -> None:
    arts = small_articles(5, seed=23)
    later = small_articles(6, seed=24)[5]
    later.id = arts[1].id  # the same id again, other text: the later copy must win, stored once
    with CodingPool(2, chunk=2) as pool, open_store(tmp_path / "r.duckdb") as store:
        summary = run_ingest(fresh([*arts, later]), store, pipe, batch=8, pool=pool)
        stored = sorted(a["id"] for a in store.articles())
        got = sorted(store.events(), key=lambda e: e["id"])
    assert summary["coded"] == 6 and summary["articles_updated"] == 1
    assert stored == sorted(a.id for a in arts)
    assert got == reference_events(pipe, [arts[0], later, *arts[2:]])


def test_the_writer_memory_cap(pipe, tmp_path: Path) -> None:
    with open_store(tmp_path / "m.duckdb") as store:
        run_ingest([], store, pipe, store_memory=WRITER_MEMORY)
        assert store.memory_limit_mib == pytest.approx(32e6 / 2**20)  # WRITER_MEMORY
        with pytest.raises(StoreError, match="not a size"):
            run_ingest([], store, pipe, store_memory="64 parsecs")
    db = tmp_path / "x.duckdb"
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(db), "--db-memory", "lots"])
    assert r.exit_code != 0 and "E040" in r.output and len(r.output.strip().splitlines()) <= 2, r.output


def _threads(store) -> int:
    return int(store.con.execute("SELECT current_setting('threads')").fetchone()[0])


def _counting_recycles(store) -> list[int]:
    """The store's own ``recycle``, counted (each call still closes and reopens the real database)."""
    calls: list[int] = []
    real = store.recycle

    def recycle() -> bool:
        calls.append(store.counts()["articles"])
        return real()

    store.recycle = recycle
    return calls


@pytest.mark.parametrize("processes", [1, 2])
def test_the_writer_connection_is_recycled_every_few_batches(pipe, tmp_path: Path, processes: int) -> None:
    arts = small_articles(7, seed=25)
    with contextlib.ExitStack() as stack:
        # the workers hand over one article a chunk: batches of 2, 2, 2 and 1 in both paths
        pool = stack.enter_context(CodingPool(processes, chunk=1)) if processes > 1 else None
        store = stack.enter_context(open_store(tmp_path / "r.duckdb"))
        calls = _counting_recycles(store)
        committed: list[int] = []  # the articles committed so far, after each commit
        threads: list[int] = []  # DuckDB's threads at each commit

        def on_batch(n: int) -> None:
            committed.append(n)
            threads.append(_threads(store))

        default = _threads(store)
        summary = run_ingest(
            fresh(arts),
            store,
            pipe,
            batch=2,
            store_memory=WRITER_MEMORY,
            recycle_every=2,
            pool=pool,
            on_batch=on_batch,
        )
        # the writer of a pooled run has one thread (after each reopening too), given back after the run
        assert set(threads) == ({1} if processes > 1 else {default})
        assert store.threads is None and _threads(store) == default
        got = sorted(store.events(), key=lambda e: e["id"])
        assert store.memory_limit_mib == pytest.approx(32e6 / 2**20)  # the cap survives the reopening
    assert summary["coded"] == 7
    assert committed == [2, 4, 6, 7]  # batches of 2, 2, 2 and 1 in both paths
    assert calls == [4, 7]  # after the 2nd and the 4th commit
    assert got == reference_events(pipe, arts)  # the same events as a run without recycling


def test_no_recycling_without_a_cap_or_when_turned_off(pipe, tmp_path: Path) -> None:
    arts = small_articles(3, seed=26)
    with open_store(tmp_path / "n.duckdb") as store:
        calls = _counting_recycles(store)
        run_ingest(fresh(arts), store, pipe, batch=1, recycle_every=1)  # no cap: the store as it is
        run_ingest(fresh(arts), store, pipe, batch=1, store_memory=WRITER_MEMORY, recycle_every=None)
        assert calls == []
        run_ingest(fresh(arts), store, pipe, batch=1, store_memory=WRITER_MEMORY, recycle_every=1)
        assert len(calls) == 3
        with pytest.raises(ValueError, match="recycle_every"):
            run_ingest([], store, pipe, store_memory=WRITER_MEMORY, recycle_every=0)
    assert RECYCLE_EVERY >= 1


def test_the_workers_have_a_batch_of_chunks_in_flight_while_the_parent_writes(pipe, tmp_path: Path) -> None:
    """The parent writes between batches without taking chunks; the chunks it submitted before the write
    keep both workers busy through it (2 x processes, and a batch's worth more)."""
    arts = small_articles(16, seed=27)
    with CodingPool(2, chunk=1) as pool, open_store(tmp_path / "f.duckdb") as store:
        submitted: list[int] = []
        at_write: list[int] = []
        submit, write = pool._pool.apply_async, store.write_prepared

        def counted_submit(*args, **kwargs):
            submitted.append(1)
            return submit(*args, **kwargs)

        def counted_write(batch):
            at_write.append(len(submitted))
            return write(batch)

        pool._pool.apply_async = counted_submit
        store.write_prepared = counted_write
        summary = run_ingest(fresh(arts), store, pipe, batch=4, pool=pool)
        got = sorted(store.events(), key=lambda e: e["id"])
    assert summary["coded"] == 16
    # at the first write 4 chunks (one article each) were taken and 2 x 2 + 4 - 1 more are in flight
    assert at_write[0] == 4 + (2 * 2 + 4 - 1)
    assert got == reference_events(pipe, arts)
