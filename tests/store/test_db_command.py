"""``tieline db migrate|info|vacuum`` on both backends, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_samples import kenya_article

from tieline.commands.db import commands, db, format_size
from tieline.store import LATEST_VERSION, open_store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(db, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_exposes_the_group() -> None:
    assert commands == [db]
    assert set(db.commands) == {"migrate", "info", "vacuum"}


def test_migrate_info_vacuum(store_url: str) -> None:
    code, out, _ = run("migrate", "--db", store_url)
    assert code == 0, out
    assert f"schema version 0 -> {LATEST_VERSION}" in out
    code, out, _ = run("migrate", "--db", store_url)
    assert code == 0
    assert "nothing to do" in out
    with open_store(store_url) as s:
        s.write_articles([kenya_article()], coder="c")
    code, out, _ = run("info", "--db", store_url, "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["schema_version"] == LATEST_VERSION
    assert data["counts"] == {"articles": 1, "events": 3, "mentions": 3, "actors": 6, "skips": 0}
    assert data["backend"] in ("duckdb", "postgresql")
    assert data["size_bytes"] > 0
    code, out, _ = run("info", "--db", store_url)
    assert code == 0
    assert f"schema version  {LATEST_VERSION} (current)" in out
    assert "events          3" in out
    code, out, _ = run("vacuum", "--db", store_url)
    assert code == 0, out
    assert "vacuumed" in out
    with open_store(store_url, read_only=True) as s:
        assert s.counts()["events"] == 3


def test_info_before_migrating(store_url: str) -> None:
    if "://" not in store_url:
        open_store(store_url, migrate=False, check=False).close()  # an empty DuckDB file
    code, out, _ = run("info", "--db", store_url)
    assert code == 0, out
    assert f"schema version  0 (this tieline expects {LATEST_VERSION})" in out
    assert "tieline db migrate" in out
    code, _, err = run("vacuum", "--db", store_url)
    assert code == 1
    assert err.startswith("error E040:") and "db migrate" in err


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "env.duckdb"
    monkeypatch.setenv("TIELINE_DB", str(target))
    code, out, _ = run("migrate")
    assert code == 0, out
    assert target.exists()


def test_errors_are_one_line(tmp_path: Path) -> None:
    code, _, err = run("info", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 1
    assert err.count("\n") == 1 and "no store at" in err
    assert not (tmp_path / "missing.duckdb").exists()
    code, _, err = run("info", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert code == 1
    assert err.startswith("error E040: cannot connect to PostgreSQL")
    code, _, err = run("migrate", "--db", "postgresql://u:secret@127.0.0.1:1/x")
    assert code == 1
    assert "secret" not in err and "u:***@" in err


def test_format_size() -> None:
    assert format_size(None) == "-"
    assert format_size(512) == "512 B"
    assert format_size(2048) == "2.0 KiB"
    assert format_size(5 * 1024**3) == "5.0 GiB"


def test_postgres_fixture_fails_under_ci_instead_of_skipping(monkeypatch: pytest.MonkeyPatch) -> None:
    import store_pg

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="required under CI=true"):
        store_pg.unavailable("no server")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        store_pg.unavailable("no server")


def test_postgres_urls_are_recognised_and_redacted() -> None:
    from tieline.store.postgres import is_postgres_url, pg_sql, redact_url

    assert is_postgres_url("postgresql://h/db") and is_postgres_url("POSTGRES://h/db")
    assert is_postgres_url("postgresql+psycopg://h/db")
    assert not is_postgres_url("tieline.duckdb")
    assert redact_url("postgresql://me:pw@h:5432/db") == "postgresql://me:***@h:5432/db"
    assert (
        redact_url("postgresql://h/db?password=pw&sslmode=require")
        == "postgresql://h/db?password=***&sslmode=require"
    )
    assert pg_sql("SELECT 1 WHERE a LIKE '5%' AND b = ?") == "SELECT 1 WHERE a LIKE '5%%' AND b = %s"
