"""DuckDB-only behaviour: files, paths, the file lock, bulk modes. The shared contract is in
test_store_contract.py (run on both backends)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from store_samples import TEXT, kenya_article

from tieline.errors import StoreError
from tieline.model import SkipRecord
from tieline.store import LATEST_VERSION, DuckDBStore, open_store
from tieline.store.duckdb import BulkMode


def test_file_store_persists_and_reopens_read_only(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "events.duckdb"
    a = kenya_article()
    with open_store(db) as s:
        s.write_articles([a], coder="c")
    with open_store(str(db), read_only=True) as s:
        assert s.events() == [e.to_dict() for e in sorted(a.events, key=lambda e: (e.date, e.evidence.start))]
        with pytest.raises(StoreError, match="read-only"):
            s.write_articles([a], coder="c")


def test_open_store_default_path_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.duckdb"
    monkeypatch.setenv("TIELINE_DB", str(db))
    with open_store() as s:
        assert s.schema_version() == LATEST_VERSION
    assert db.exists()
    monkeypatch.delenv("TIELINE_DB")
    monkeypatch.chdir(tmp_path)
    with open_store(None) as s:
        s.write_skips([SkipRecord("x", "E104", "empty")], run_id="r")
    assert (tmp_path / "tieline.duckdb").exists()


def test_open_store_urls() -> None:
    with pytest.raises(StoreError, match="unsupported") as info:
        open_store("mysql://x")
    assert info.value.code == "E040"
    assert "postgresql://" in info.value.hint
    with open_store("duckdb::memory:") as s:
        assert s.counts()["events"] == 0


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(junk)


def test_bulk_modes_agree() -> None:
    articles = [kenya_article(TEXT + f" Item {i}.") for i in range(5)]
    results = []
    modes: tuple[BulkMode, ...] = ("frame", "values", "auto")
    for mode in modes:
        with DuckDBStore(":memory:", bulk=mode) as s:
            s.migrate()
            s.write_articles(articles, coder="c")
            results.append((s.events(), s.counts(), s.actors(), s.dyad_summary(), s.mentions(articles[0].id)))
    assert results[0] == results[1] == results[2]
    assert results[0][1]["events"] == 15


def test_second_process_cannot_open_a_locked_file(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    open_store(db).close()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "ready"
            with pytest.raises(StoreError) as info:
                open_store(db)
            assert "another tieline process" in info.value.hint
        finally:
            holder.kill()
    with open_store(db) as s:  # free again once the writer is gone
        assert s.schema_version() == LATEST_VERSION


HOLD_LOCK = """
import sys, time
from tieline.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


def test_public_names_complete() -> None:
    import tieline.store as pkg

    assert len(pkg.__all__) == len(set(pkg.__all__))  # order is ruff's (RUF022)
    public = {n for n in vars(pkg) if not n.startswith("_") and n not in {"annotations"}}
    public -= {"base", "duckdb", "migrations", "postgres"}  # submodules (postgres is imported lazily)
    assert public == set(pkg.__all__)


def test_a_file_open_read_only_cannot_be_written_by_another_process(tmp_path: Path) -> None:
    """What ``DuckDBStore.immutable`` (and the API's cache of aggregate answers) relies on."""
    db = tmp_path / "ro.duckdb"
    with open_store(db) as s:
        s.write_articles([kenya_article()], coder="c")
    with open_store(db, read_only=True) as ro:
        assert ro.immutable
        writer = subprocess.run(
            [sys.executable, "-c", f"from tieline.store import open_store; open_store({str(db)!r}).close()"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert writer.returncode != 0 and "lock" in writer.stderr.lower()
        assert ro.counts()["events"] == 3
    with open_store(db) as rw:
        assert not rw.immutable
    with open_store(":memory:") as mem:
        assert not mem.immutable
