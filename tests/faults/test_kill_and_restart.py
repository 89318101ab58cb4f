"""Faults during ``tieline ingest``: SIGKILL mid-run (DuckDB and PostgreSQL), then a re-run; PostgreSQL
restarted mid-run. After the re-run the database opens, every article is there exactly once, no event is
half-written (every event and actor row belongs to a stored article/event) and the counts equal a clean run.

Each case runs the real CLI in a subprocess (``python -m tieline.cli ingest``), so these are slow-ish
(about 5 s per run on two cores), so they are kept to few runs.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))  # the PostgreSQL test helper
import store_pg as pg

pytestmark = pytest.mark.model

N_ARTICLES = 480  # short articles: a run must outlast the first commit by more than the kill delay
SUBJECTS = ("Kenya", "Somalia", "Ethiopia", "China", "Japan", "the Philippines", "the United States", "India")
VERBS = (
    "signed a defence pact with",
    "attacked",
    "met",
    "condemned",
    "accused",
    "pledged aid to",
    "threatened",
)


def write_input(path: Path, n: int = N_ARTICLES) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            r = random.Random(i)
            s = r.choice(SUBJECTS)
            o = r.choice([x for x in SUBJECTS if x != s])
            text = (f"{s} {r.choice(VERBS)} {o} on Tuesday, officials said. "
                    f"{o} {r.choice(VERBS)} {s} in May {2020 + i % 5}. Report number {i}.")  # fmt: skip
            fh.write(json.dumps({"id": f"a{i:04d}", "text": text, "date": "2024-01-24"}) + "\n")
    return path


def ingest_cmd(src: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "tieline.cli", "ingest", str(src), "--db", db, "--no-progress"]


def run(src: Path, db: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(ingest_cmd(src, db), capture_output=True, text=True, timeout=timeout)


def kill_when(src: Path, db: str, started: Any, extra_delay: float) -> int:
    """Start an ingest, wait until ``started()`` says writing began, wait ``extra_delay``, SIGKILL it."""
    proc = subprocess.Popen(ingest_cmd(src, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not started() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(extra_delay)
        still_running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert still_running, "the ingest finished before it could be killed: give it more input"
        return int(proc.returncode)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


INTEGRITY = {
    "orphan_events": "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)",
    "orphan_event_actors": "SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)",
    "orphan_mentions": "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)",
    "duplicate_articles": "SELECT count(*) - count(DISTINCT id) FROM articles",
    "duplicate_events": "SELECT count(*) - count(DISTINCT id) FROM events",
}


def snapshot(db: str) -> dict[str, Any]:
    """Counts, integrity checks and the exact sets of article and event ids of a store."""
    from tieline.store import open_store

    with open_store(db) as store:
        out: dict[str, Any] = {"counts": store.counts()}
        out.update({k: store._all(sql)[0][0] for k, sql in INTEGRITY.items()})  # type: ignore[attr-defined]
        out["article_ids"] = sorted(r[0] for r in store._all("SELECT id FROM articles"))  # type: ignore[attr-defined]
        out["events"] = sorted(json.dumps(e, sort_keys=True) for e in store.events())
    return out


def assert_complete(after: dict[str, Any], clean: dict[str, Any]) -> None:
    for key in INTEGRITY:
        assert after[key] == 0, f"{key}: {after[key]}"
    assert after["article_ids"] == [f"a{i:04d}" for i in range(N_ARTICLES)]
    assert after["counts"]["articles"] == clean["counts"]["articles"] == N_ARTICLES
    assert after["counts"]["events"] == clean["counts"]["events"] > 0
    assert after["events"] == clean["events"], "the re-run stores exactly the events of a clean run"


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_input(tmp_path_factory.mktemp("faults") / "in.jsonl")


@pytest.fixture(scope="module")
def clean_duckdb(src: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = str(tmp_path_factory.mktemp("clean") / "clean.duckdb")
    done = run(src, db)
    assert done.returncode == 0, done.stderr
    return snapshot(db)


def test_sigkill_during_duckdb_ingest_then_rerun(
    src: Path, clean_duckdb: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "k.duckdb"
    wal = Path(str(db) + ".wal")
    rc = kill_when(src, str(db), lambda: wal.exists() and wal.stat().st_size > 0, 0.2)
    assert rc == -signal.SIGKILL
    partial = snapshot(str(db))  # the killed database opens (DuckDB replays or drops its WAL)
    for key in INTEGRITY:
        assert partial[key] == 0, f"after the kill, {key}: {partial[key]}"
    assert partial["counts"]["articles"] < N_ARTICLES
    done = run(src, str(db))
    assert done.returncode == 0, done.stderr
    assert_complete(snapshot(str(db)), clean_duckdb)


# -- PostgreSQL -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[pg.Cluster]:
    """A private throwaway cluster (it is restarted by a test, so it is not the shared one)."""
    bindir = pg.pg_bindir()
    if bindir is None:
        pg.unavailable("no PostgreSQL server binaries under /usr/lib/postgresql")
        raise AssertionError  # unreachable
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="tieline-faults-pg-"))
    c = pg.Cluster(bindir=bindir, root=root, port=pg._free_port(), as_postgres=as_postgres)
    c.start()
    try:
        yield c
    finally:
        c.stop()


@pytest.fixture
def pg_db(cluster: pg.Cluster) -> Iterator[str]:
    with pg.fresh_database(cluster.url) as url:
        yield url


def _pg_articles(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=2) as con:
            row = con.execute("SELECT count(*) FROM articles").fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error:
        return 0


def test_sigkill_during_postgres_ingest_then_rerun(
    src: Path, pg_db: str, clean_duckdb: dict[str, Any]
) -> None:
    rc = kill_when(src, pg_db, lambda: _pg_articles(pg_db) > 0, 0.3)
    assert rc == -signal.SIGKILL
    partial = snapshot(pg_db)
    for key in INTEGRITY:
        assert partial[key] == 0, f"after the kill, {key}: {partial[key]}"
    assert 0 < partial["counts"]["articles"] < N_ARTICLES, "killed between committed batches"
    assert partial["counts"]["articles"] % 64 == 0, "only whole batches are committed"
    done = run(src, pg_db)
    assert done.returncode == 0, done.stderr
    after = snapshot(pg_db)
    assert_complete(after, clean_duckdb)  # the same events as a clean run (on DuckDB: same coder, same data)


def test_postgres_restarted_mid_run(
    src: Path, pg_db: str, cluster: pg.Cluster, clean_duckdb: dict[str, Any]
) -> None:
    proc = subprocess.Popen(ingest_cmd(src, pg_db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while _pg_articles(pg_db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest finished before the restart"
        cluster._run(str(cluster.bindir / "pg_ctl"), "-D", str(cluster.data), "-m", "fast", "-w", "restart",
                     "-o", f"-c listen_addresses=127.0.0.1 -c port={cluster.port} "
                     f"-c unix_socket_directories={cluster.root} -c fsync=off",
                     "-l", str(cluster.root / "server.log"))  # fmt: skip
        _out, err = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    print(f"restart outcome: exit {proc.returncode}; stderr: {err.strip()[-400:]!r}")
    if proc.returncode == 0:  # the run survived (retried): it must be complete
        assert_complete(snapshot(pg_db), clean_duckdb)
    else:  # it failed: with one clear line, not a traceback
        lines = [ln for ln in err.strip().splitlines() if ln.strip()]
        assert len(lines) == 1, f"want one line on stderr, got:\n{err[-3000:]}"
        assert lines[0].startswith("error E"), lines[0]
    partial = snapshot(pg_db)
    for key in INTEGRITY:
        assert partial[key] == 0, f"after the restart, {key}: {partial[key]}"
    done = run(src, pg_db)
    assert done.returncode == 0, done.stderr
    assert_complete(snapshot(pg_db), clean_duckdb)
