"""Checkpointed ingest: checkpoints, resume after SIGKILL, the worker pool, the bench and run commands."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from scale_kit import PYTHON, fresh, reference_events, small_articles, write_jsonl

from tieline.bench import generate_corpus, make_article
from tieline.commands.scale import bench, run
from tieline.ingest import read_jsonl
from tieline.model import Article
from tieline.runner import Checkpoint, count_inputs, run_ingest
from tieline.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_generated_corpus_is_seeded_and_about_500_words() -> None:
    a = list(generate_corpus(5, seed=3))
    b = list(generate_corpus(5, seed=3))
    assert [x.text for x in a] == [x.text for x in b]
    assert a[0].text != make_article(0, seed=4).text
    assert len({x.text for x in a}) == 5
    for x in a:
        assert 500 <= len(x.text.split()) < 600
        assert x.title and x.date is not None


def test_generated_corpus_packed_into_a_year_or_streamed_in_date_order() -> None:
    import datetime as dt

    packed = [a.date for a in generate_corpus(800, seed=3)]
    assert packed[0] == packed[366] == dt.date(2024, 1, 1) and packed[365] == dt.date(2024, 12, 31)
    stream = [a.date for a in generate_corpus(300, seed=3, per_day=100)]
    assert stream == sorted(stream)
    assert [stream.count(dt.date(2024, 1, d)) for d in (1, 2, 3)] == [100, 100, 100]
    # the texts do not depend on the dating
    assert [a.text for a in generate_corpus(3, seed=3, per_day=2)] == [
        a.text for a in generate_corpus(3, seed=3)
    ]


def test_checkpoint_ignores_a_partial_last_line(tmp_path: Path) -> None:
    path = tmp_path / "run.ckpt"
    path.write_text("a1\na2\na3", encoding="utf-8")  # killed while writing a3
    with Checkpoint(path) as ckpt:
        assert "a1" in ckpt and "a2" in ckpt and "a3" not in ckpt
        ckpt.add(["a2", "a4"])
    assert path.read_text(encoding="utf-8") == "a1\na2\na4\n"
    assert Checkpoint(path).done == {"a1", "a2", "a4"}


def test_run_ingest_resumes_from_a_checkpoint(pipe, tmp_path: Path) -> None:
    arts = small_articles(6)
    ckpt = tmp_path / "c.ckpt"
    ckpt.write_text("".join(f"{a.id}\n" for a in arts[:4]), encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        summary = run_ingest(fresh(arts), store, pipe, checkpoint=ckpt, batch=1)
        stored = {a["id"] for a in store.articles()}
    assert summary["resumed"] == 4 and summary["coded"] == 2
    assert stored == {a.id for a in arts[4:]}
    assert set(ckpt.read_text().split()) == {a.id for a in arts}


def test_worker_pool_codes_exactly_like_one_process(pipe, tmp_path: Path) -> None:
    arts = small_articles(6, seed=11)
    expected = reference_events(pipe, arts)
    assert expected  # the generated text holds events
    with open_store(tmp_path / "p.duckdb") as store:
        summary = run_ingest(fresh(arts), store, pipe, processes=2, batch=4)
        got = sorted(store.events(), key=lambda e: e["id"])
        assert store.counts()["articles"] == 6
    assert summary["coded"] == 6
    assert got == expected


def _ids(db: Path) -> list[str]:
    with open_store(db) as store:
        return [a["id"] for a in store.articles()]


def test_sigkill_midway_then_resume_loses_and_duplicates_nothing(pipe, tmp_path: Path) -> None:
    arts = small_articles(40, seed=5, words=40)
    src = write_jsonl(tmp_path / "in.jsonl", arts)
    db, ckpt = tmp_path / "k.duckdb", tmp_path / "k.ckpt"
    args = ["-m", "tieline.commands.scale", str(src), "--db", str(db), "--checkpoint", str(ckpt)]
    args += ["--batch", "2", "--no-progress"]
    log = tmp_path / "k.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([PYTHON, *args], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            if ckpt.exists() and len(ckpt.read_text().split()) >= 6:
                break
            if proc.poll() is not None:
                pytest.fail(f"ingest ended before it could be killed: {log.read_text()}")
            time.sleep(0.05)
        else:
            pytest.fail("no checkpoint progress")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    done_before = set(ckpt.read_text().split())
    assert 6 <= len(done_before) < 40, "the kill must land midway"

    result = CliRunner().invoke(
        run, [str(src), "--db", str(db), "--checkpoint", str(ckpt), "--batch", "2", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    ids = _ids(db)
    assert sorted(ids) == sorted(a.id for a in arts)  # none missing, none duplicated
    assert len(ids) == len(set(ids))
    line = result.output.splitlines()[-1]
    resumed = int(line.split("resumed past ")[1].split(")")[0])
    assert resumed == len(done_before)
    # and the events are those of one uninterrupted run
    with open_store(db) as store:
        got = sorted(store.events(), key=lambda e: e["id"])
    assert got == reference_events(pipe, [a for a in read_jsonl(src) if isinstance(a, Article)])


def test_count_inputs(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", small_articles(3))
    (tmp_path / "b.txt").write_text("Kenya and Somalia signed a pact.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    assert count_inputs([tmp_path]) == 4
    (tmp_path / "c.warc.gz").write_bytes(b"")
    assert count_inputs([tmp_path]) is None
    assert count_inputs(["https://example.org/feed"]) is None


def test_bench_command_json(pipe) -> None:
    result = CliRunner().invoke(bench, ["--articles", "3", "--repeat", "2", "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert d["articles"] == 3 and d["processes"] == 1
    # each repeat's own ratio, and their median, besides the ratio of the medians
    pairs = zip(d["ratios"], d["bare_seconds"], d["e2e_seconds"], strict=True)
    assert all(abs(r - b / e) < 0.01 for r, b, e in pairs)
    lo, hi = sorted(d["ratios"])
    assert lo <= d["ratio_median_of_repeats"] <= hi and len(d["cpu_ratios"]) == 2
    assert d["bare_articles_per_s"] > 0 and d["e2e_articles_per_s"] > 0
    assert 0 < d["ratio"] < 5 and d["events"] > 0
    assert d["peak_rss_mib"] > 50
    assert 500 <= d["words_per_article"] < 600
    # bare spaCy with the pipeline's ops, timed in each repeat beside the other two
    assert d["blas"] == "numpy" and len(d["same_ops_seconds"]) == 2
    pairs = zip(d["same_ops_ratios"], d["same_ops_seconds"], d["e2e_seconds"], strict=True)
    assert all(abs(r - b / e) < 0.01 for r, b, e in pairs)
    assert d["same_ops_articles_per_s"] > 0


def test_bench_same_ops_in_worker_processes(pipe) -> None:
    """With 2 processes the same-ops side parses in a pool of its own (cold: started in each repeat); without
    it, nothing is timed for it."""
    result = CliRunner().invoke(bench, ["--articles", "4", "--repeat", "1", "--processes", "2", "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert len(d["same_ops_seconds"]) == 1 and d["same_ops_articles_per_s"] > 0
    result = CliRunner().invoke(bench, ["--articles", "2", "--repeat", "1", "--no-same-ops", "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert d["same_ops_seconds"] == [] and d["same_ops_articles_per_s"] is None
    assert d["store_memory"] == "32MB"  # the writer's cap of `tieline run`, by default


def test_bench_db_memory_reaches_the_writer(pipe) -> None:
    """--db-memory is the end-to-end writer's DuckDB cap, as `tieline run` takes it: reported, '' for none, and
    a value that is not a size fails as the store refuses it (so it reached the store)."""
    args = ["--articles", "2", "--repeat", "1", "--no-same-ops", "--json"]
    result = CliRunner().invoke(bench, [*args, "--db-memory", "48MB"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["store_memory"] == "48MB"
    result = CliRunner().invoke(bench, [*args, "--db-memory", ""])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["store_memory"] is None
    result = CliRunner().invoke(bench, [*args, "--db-memory", "lots"])
    assert result.exit_code != 0 and "is not a size" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_run_command_errors_are_one_line(tmp_path: Path) -> None:
    r = CliRunner().invoke(run, [str(tmp_path), "--engine", "dask"])
    assert r.exit_code == 2 and "needs --out" in r.output and "error E060" in r.output
    r = CliRunner().invoke(run, [str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert r.exit_code == 2 and "--engine dask" in r.output
