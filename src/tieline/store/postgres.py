"""The shared-server store: PostgreSQL through psycopg 3, the same SQL as DuckDB.

Dialect differences are kept here and in ``migrations.render``: ``?`` placeholders become ``%s``,
``IN (...)`` lists become ``= ANY(?)`` with one array parameter, text columns use the C collation,
NUL characters (which PostgreSQL text cannot hold) are stored as U+FFFD (one character for one, so
offsets hold; event records are JSON-escaped and round-trip exactly). Bulk rows go through ``COPY``.

One writer: every write transaction first takes a transaction-scoped advisory lock, so several
tieline processes may share a database and their batches (and migrations) run one at a time.
The connection is in autocommit mode; each batch is one explicit transaction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, ClassVar, Literal

import psycopg

from tieline.errors import StoreError
from tieline.store import _records as r
from tieline.store._sql import DATA_TABLES, SqlStore
from tieline.store.migrations import Dialect

__all__ = ["PG_SCHEMES", "PgBulkMode", "PostgresStore", "is_postgres_url", "redact_url"]

PgBulkMode = Literal["auto", "copy", "executemany"]
PG_SCHEMES: tuple[str, ...] = (
    "postgresql://",
    "postgres://",
    "postgresql+psycopg://",
    "postgresql+psycopg2://",
)

# pg_advisory_xact_lock key for "the tieline writer" (advisory locks are per database).
WRITER_LOCK_KEY = 0x7469656C696E65  # "tieline"


def is_postgres_url(target: str) -> bool:
    return target.lower().startswith(PG_SCHEMES)


def redact_url(url: str) -> str:
    """The URL without its password, for messages."""
    url = re.sub(r"(://[^:/@?]*):[^@/]*@", r"\1:***@", url)
    return re.sub(r"(?i)(password=)[^&\s]*", r"\1***", url)


def _libpq_url(url: str) -> str:
    """``postgresql+psycopg://`` (SQLAlchemy style) as a libpq URL."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if "+" in scheme else url


@functools.lru_cache(maxsize=512)
def pg_sql(sql: str) -> str:
    """Portable SQL with ``?`` placeholders as psycopg SQL (``%s``, literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _pg_value(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def _pg_rows(rows: list[r.Row]) -> list[r.Row]:
    return [tuple(_pg_value(v) for v in row) for row in rows]


class PostgresStore(SqlStore):
    """A ``Store`` on a PostgreSQL database given by URL (``postgresql://user@host:5432/db``)."""

    backend: ClassVar[str] = "postgresql"
    dialect: ClassVar[Dialect] = "postgresql"

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        bulk: PgBulkMode = "auto",
        connect_timeout: int = 10,
    ) -> None:
        super().__init__()
        if bulk not in ("auto", "copy", "executemany"):
            raise ValueError(f"bulk must be 'auto', 'copy' or 'executemany', not {bulk!r}")
        self.url = url
        self.read_only = read_only
        self._bulk: PgBulkMode = bulk
        try:
            self._con: psycopg.Connection[Any] | None = psycopg.connect(
                _libpq_url(url),
                autocommit=True,
                connect_timeout=connect_timeout,
                application_name="tieline",
            )
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {redact_url(url)}: {str(exc).strip()}",
                hint="is the server running and the URL right? Check --db or TIELINE_DB",
            ) from exc
        if read_only:
            self._con.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        # Text columns use the C collation, whose LOWER() folds ASCII only; the ICU root collation
        # (in most builds) lower-cases every script, as DuckDB and Python do.
        try:
            icu = self._con.execute("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'").fetchall()
        except psycopg.Error:
            icu = []
        if icu:
            self.text_fold = 'LOWER(({}) COLLATE "und-x-icu")'

    def __repr__(self) -> str:
        return f"PostgresStore({redact_url(self.url)!r}, read_only={self.read_only})"

    # -- plumbing -----------------------------------------------------------------------------------

    @property
    def target(self) -> str:
        return redact_url(self.url)

    @property
    def driver_errors(self) -> tuple[type[BaseException], ...]:
        return (psycopg.Error,)

    @property
    def con(self) -> psycopg.Connection[Any]:
        if self._con is None:
            raise StoreError("the store is closed", hint="open it again with open_store()")
        return self._con

    def _connection(self) -> psycopg.Connection[Any]:
        return self.con

    def _execute(self, con: psycopg.Connection[Any], sql: str, params: Sequence[Any] = ()) -> Any:
        return con.execute(pg_sql(sql), [_pg_value(p) for p in params])

    def _begin(self, con: psycopg.Connection[Any]) -> AbstractContextManager[Any]:
        return con.transaction()

    def _writer_lock(self, con: psycopg.Connection[Any]) -> None:
        con.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK_KEY])

    def _in_list(
        self, con: psycopg.Connection[Any], sql: str, values: Sequence[Any]
    ) -> list[tuple[Any, ...]]:
        """One statement with an array parameter instead of a list of placeholders."""
        values = list(values)
        if not values:
            return []
        cur = self._execute(con, sql.replace("IN ({values})", "= ANY(?)"), [[_pg_value(v) for v in values]])
        return list(cur.fetchall()) if cur.description is not None else []

    def _insert(
        self, con: psycopg.Connection[Any], table: str, columns: Sequence[str], rows: list[r.Row]
    ) -> None:
        if not rows:
            return
        cols = ", ".join(r.quote(c) for c in columns)
        clean = _pg_rows(rows)
        with con.cursor() as cur:
            if self._bulk == "executemany":
                marks = ", ".join("%s" for _ in columns)
                cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", clean)
                return
            with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in clean:
                    copy.write_row(row)

    # -- maintenance --------------------------------------------------------------------------------

    def size_bytes(self) -> int | None:
        return int(self._all("SELECT pg_database_size(current_database())")[0][0])

    def vacuum(self) -> None:
        """``VACUUM (ANALYZE)`` the tieline tables (outside a transaction; needs table ownership)."""
        if self.read_only:
            raise StoreError(f"database {self.target} is open read-only", hint="open it without read_only")
        with self._lock:
            try:
                for table in (*DATA_TABLES, "schema_migrations"):
                    self.con.execute(f"VACUUM (ANALYZE) {table}")
            except psycopg.Error as exc:
                raise StoreError(f"vacuum failed: {exc}") from exc

    def _close_connection(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
