"""A real PostgreSQL for the store tests.

``TIELINE_TEST_PG`` (a URL) names a server to use; otherwise, when PostgreSQL server binaries are
installed (``/usr/lib/postgresql/*/bin``), a throwaway cluster is started for the session on
127.0.0.1 and a free port (as the ``postgres`` user when running as root: initdb refuses root) and
removed at the end. Without either the PostgreSQL tests are skipped, except under ``CI=true``,
where they fail: CI must really run them (``.ci/postgres.sh`` installs the binaries).

Each test module gets a fresh database (or, when the role may not create databases, a fresh schema).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

ENV_URL = "TIELINE_TEST_PG"


def pg_bindir() -> Path | None:
    """The newest PostgreSQL server bin directory with pg_ctl and initdb, if any."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")]
    found = [d for d in found if (d / "initdb").exists()]

    def version(d: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in d.parent.name.split(".") if x.isdigit())

    return max(found, key=version) if found else None


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """A throwaway PostgreSQL cluster; ``url`` connects as the superuser ``postgres``."""

    bindir: Path
    root: Path
    port: int
    as_postgres: bool

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = (["runuser", "-u", "postgres", "--"] if self.as_postgres else []) + list(args)
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.root, user="postgres", group="postgres")
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
        )
        done = self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.root / "server.log"), "-w", "-t", "60", "start",
            check=False,
        )  # fmt: skip
        if done.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()}\n{log}")

    def stop(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False
        )
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def server() -> Iterator[str]:
    """The admin URL of a PostgreSQL server for this session (skips or fails when there is none)."""
    url = os.environ.get(ENV_URL)
    if url:
        yield url
        return
    bindir = pg_bindir()
    if bindir is None:
        unavailable(f"no PostgreSQL server binaries under /usr/lib/postgresql and {ENV_URL} is unset")
        return
    as_postgres = os.geteuid() == 0
    if as_postgres and shutil.which("runuser") is None:
        unavailable("running as root without runuser: cannot start PostgreSQL as the postgres user")
    root = Path(tempfile.mkdtemp(prefix="tieline-pg-"))
    cluster = Cluster(bindir=bindir, root=root, port=_free_port(), as_postgres=as_postgres)
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.stop()


def with_database(url: str, dbname: str, *, schema: str | None = None) -> str:
    """``url`` pointing at another database (and optionally a search_path schema)."""
    parts = urlsplit(url)
    query = parts.query
    if schema is not None:
        query = (query + "&" if query else "") + "options=" + quote(f"-csearch_path={schema}")
    return urlunsplit((parts.scheme, parts.netloc, "/" + dbname, query, parts.fragment))


@contextlib.contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new empty database on the server, dropped afterwards; a new schema if CREATE DATABASE is refused."""
    import psycopg

    name = "tieline_test_" + uuid.uuid4().hex[:10]
    with psycopg.connect(admin_url, autocommit=True) as con:
        try:
            con.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
            kind = "database"
        except psycopg.errors.InsufficientPrivilege:
            con.execute(f"CREATE SCHEMA {name}")  # type: ignore[arg-type]
            kind = "schema"
    parts = urlsplit(admin_url)
    url = admin_url if kind == "schema" else with_database(admin_url, name)
    if kind == "schema":
        url = with_database(admin_url, parts.path.lstrip("/") or "postgres", schema=name)
    try:
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as con:
            if kind == "database":
                con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]
            else:
                con.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")  # type: ignore[arg-type]


# Tables of the current schema, for wiping a database between tests (children first).
DATA_TABLES = (
    "happening_events, happening_parties, happenings, dedup_apart, dedup_log, event_actors, events, mentions,"
    " articles, actors, skips"
)
ALL_TABLES = (
    "happening_events", "happening_parties", "happenings", "dedup_apart", "dedup_log",
    "event_actors", "events", "mentions", "articles", "actors", "skips", "schema_migrations",
)  # fmt: skip


def reset_postgres(url: str, *, migrated: bool = True) -> Any:
    """A PostgresStore on ``url`` with no data: truncated if current, rebuilt otherwise (or left blank)."""
    from tieline.store import LATEST_VERSION
    from tieline.store.postgres import PostgresStore

    store = PostgresStore(url)
    if migrated and store.schema_version() == LATEST_VERSION:
        store.con.execute(f"TRUNCATE {DATA_TABLES}")  # type: ignore[arg-type]
        return store
    for table in ALL_TABLES:
        store.con.execute(f"DROP TABLE IF EXISTS {table} CASCADE")  # type: ignore[arg-type]
    if migrated:
        store.migrate()
    return store
