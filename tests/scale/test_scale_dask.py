"""The Dask engine on a real LocalCluster and on a scheduler + worker started as separate processes."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from scale_kit import PYTHON, fresh, reference_events, small_articles, write_jsonl

from tieline.distributed import load_parts, run_dask
from tieline.ingest import read_jsonl
from tieline.model import Article
from tieline.store import open_store

pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.model
BIN = Path(PYTHON).parent


def _stored_events(out: Path) -> tuple[list[dict], dict[str, int]]:
    with open_store(":memory:") as store:
        loaded = load_parts(out, store)
        return sorted(store.events(), key=lambda e: e["id"]), loaded


def test_local_cluster_gives_the_single_process_events(pipe, tmp_path: Path) -> None:
    arts = small_articles(10, seed=21)
    expected = reference_events(pipe, arts)
    assert len(expected) >= 10
    summary = run_dask(fresh(arts), tmp_path / "out", workers=2, partition_size=3)
    assert summary["parts"] == 4 and summary["articles"] == 10
    assert summary["events"] == len(expected)
    assert len(list((tmp_path / "out").glob("events-*.parquet"))) == 4
    got, loaded = _stored_events(tmp_path / "out")
    assert loaded["articles"] == 10
    assert [e["id"] for e in got] == [e["id"] for e in expected]
    assert got == expected


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def test_separate_scheduler_and_worker_processes_through_the_cli(pipe, tmp_path: Path) -> None:
    arts = small_articles(6, seed=33)
    src = write_jsonl(tmp_path / "in.jsonl", arts)
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (tmp_path / "dask.log").open("wb")
    procs = [
        subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
             "--dashboard-address", ":0", "--no-show"],
            stdout=log, stderr=subprocess.STDOUT,
        )
    ]  # fmt: skip
    try:
        _wait_for_port(port)
        procs.append(
            subprocess.Popen(
                [str(BIN / "dask"), "worker", address, "--nthreads", "1", "--nworkers", "1",
                 "--no-dashboard", "--host", "127.0.0.1"],
                stdout=log, stderr=subprocess.STDOUT,
            )
        )  # fmt: skip
        db, out = tmp_path / "d.duckdb", tmp_path / "parts"
        result = CliRunner().invoke(
            __import__("tieline.commands.scale", fromlist=["run"]).run,
            [str(src), "--engine", "dask", "--scheduler", address, "--out", str(out), "--db", str(db),
             "--batch", "2", "--no-progress"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output + (tmp_path / "dask.log").read_text()
        assert "parts: 3" in result.output
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:  # pragma: no cover
                p.kill()
                p.wait()
        log.close()
    with open_store(db) as store:
        got = sorted(store.events(), key=lambda e: e["id"])
        ids = sorted(a["id"] for a in store.articles())
    assert ids == sorted(a.id for a in arts)
    inputs = [a for a in read_jsonl(src) if isinstance(a, Article)]  # the same input, read the same way
    expected = reference_events(pipe, inputs)
    for g, e in zip(got, expected, strict=True):
        assert g == e, {k: (g[k], e[k]) for k in g if g[k] != e.get(k)}
