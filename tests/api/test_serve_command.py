"""``tieline serve``: options, one-line errors, read-only unless a token is set (without starting a server)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tieline.commands.serve import build_app, serve


def test_help_lists_the_options() -> None:
    out = CliRunner().invoke(serve, ["--help"]).output
    for opt in ("--db", "--host", "--port", "--token-env", "--cors", "--max-page", "--max-body"):
        assert opt in out
    assert "127.0.0.1" in out


def test_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(serve, ["--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1
    assert res.output.strip().startswith("error E040: no store at")
    assert len(res.output.strip().splitlines()) == 1


def test_short_token_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_TOKEN", "short")
    res = CliRunner().invoke(serve, ["--db", str(tmp_path / "x.duckdb"), "--token-env", "MY_TOKEN"])
    assert res.exit_code == 2
    assert "shorter than 16" in res.output


def test_build_app_read_only_without_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tieline.store import open_store

    db = tmp_path / "s.duckdb"
    open_store(db).close()
    monkeypatch.delenv("TIELINE_TOKEN", raising=False)
    app, store = build_app(str(db), token_env="TIELINE_TOKEN")
    try:
        assert app.state.desk.config.writable is False
        assert store.read_only is True
    finally:
        store.close()
    monkeypatch.setenv("TIELINE_TOKEN", "x" * 32)
    app, store = build_app(str(db), token_env="TIELINE_TOKEN", max_page=7)
    try:
        assert app.state.desk.config.writable is True and app.state.desk.config.max_page == 7
        assert store.read_only is False
    finally:
        store.close()


def test_workers_with_a_token_on_duckdb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tieline.store import open_store

    db = tmp_path / "w.duckdb"
    open_store(db).close()
    monkeypatch.setenv("MY_TOKEN", "y" * 32)
    res = CliRunner().invoke(serve, ["--db", str(db), "--token-env", "MY_TOKEN", "--workers", "2"])
    assert res.exit_code == 2
    assert "needs PostgreSQL" in res.output


def test_two_worker_processes_serve_a_read_only_store(tmp_path: Path) -> None:
    """A real ``tieline serve --workers 2`` on 127.0.0.1: both worker processes open the DuckDB file
    read-only and answer; the server stops on SIGTERM."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx
    from api_kit import articles

    from tieline.store import open_store

    db = tmp_path / "r.duckdb"
    with open_store(db) as s:
        s.write_articles(articles(), coder="test")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "TIELINE_TOKEN"}
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tieline.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=log, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
                break
            except httpx.HTTPError:
                time.sleep(0.3)
        assert health is not None and health.status_code == 200, (tmp_path / "serve.log").read_text()
        assert health.json()["read_only"] is True and health.json()["counts"]["events"] == 5
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as c:
            for _ in range(20):
                r = c.get("/api/v1/events?dyad=KEN-SOM")
                assert r.status_code == 200 and len(r.json()["items"]) == 3
        children = subprocess.run(
            ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True
        ).stdout.split()
        assert len(children) >= 2  # uvicorn's worker processes
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
