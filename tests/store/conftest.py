"""Store fixtures: the same tests run on DuckDB (in memory) and on a real PostgreSQL (see ``pg.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import store_pg as pg
from store_pg import reset_postgres

from tieline.store import DuckDBStore
from tieline.store._sql import SqlStore

BACKENDS = ("duckdb", "postgresql")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with pg.server() as url:
        yield url


@pytest.fixture(scope="module")
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh PostgreSQL database for this test module."""
    with pg.fresh_database(pg_server) as url:
        yield url


def _make(backend: str, request: pytest.FixtureRequest, *, migrated: bool) -> SqlStore:
    if backend == "duckdb":
        store: SqlStore = DuckDBStore(":memory:")
        if migrated:
            store.migrate()
        return store
    return reset_postgres(request.getfixturevalue("pg_url"), migrated=migrated)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[SqlStore]:
    """An empty, migrated store on each backend."""
    s = _make(request.param, request, migrated=True)
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def blank_store(request: pytest.FixtureRequest) -> Iterator[SqlStore]:
    """An empty store on each backend with no schema at all (schema version 0)."""
    s = _make(request.param, request, migrated=False)
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """What ``open_store`` takes for an empty store on each backend: a file path or a URL."""
    if request.param == "duckdb":
        yield str(tmp_path_factory.mktemp("db") / "t.duckdb")
        return
    url = request.getfixturevalue("pg_url")
    reset_postgres(url, migrated=False).close()
    yield url
