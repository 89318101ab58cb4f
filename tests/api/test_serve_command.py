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
