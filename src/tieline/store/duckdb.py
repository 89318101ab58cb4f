"""The embedded default store: one DuckDB file, one connection, one writer.

The SQL is shared with every backend (``_sql.SqlStore``); this module holds the DuckDB plumbing:
opening the file, transactions, and bulk inserts through a registered Arrow (or pandas) frame
(measured ~20x faster than ``executemany`` for 1000 events). DuckDB's file lock makes one process the
only writer.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, ClassVar, Literal

import duckdb

from tieline.errors import StoreError
from tieline.store import _records as r
from tieline.store._sql import PreparedBatch, SqlStore
from tieline.store.base import WriteResult
from tieline.store.migrations import Dialect

__all__ = ["MMAP_THRESHOLD", "ROW_GROUP_SIZE", "BulkMode", "DuckDBStore", "map_big_blocks"]

BulkMode = Literal["auto", "frame", "values"]

# Measured on a batch of 1002 events (334 articles, ~4000 rows over 4 tables), whole write_articles:
# registered pandas frame 0.2-0.4 s, multi-row VALUES 1.6 s, executemany 4.4-6.4 s. A frame costs
# ~10 ms to build, so small inserts (one article's rows) use VALUES; the two break even near 30 rows.
FRAME_MIN_ROWS = 32
# Reads that may run at once on per-thread cursors (the rest wait); see docs/hardening.md.
READ_CONCURRENCY = 2
# Per-thread cursors kept at most (a server's thread pool is ~40 threads; they are closed with the store).
MAX_CURSORS = 128
VALUES_CHUNK = 256
_MEMORY_RE = re.compile(r"(\d+(\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)
_UNITS = {
    "b": 1,
    "kb": 1e3,
    "mb": 1e6,
    "gb": 1e9,
    "tb": 1e12,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
}
log = logging.getLogger("tieline.store")

_MAX_RAISES = 6  # a write that hits the cap raises it by one step, at most this many times a write

# Rows a row group holds in a database file this store writes (DuckDB's default: 122,880). DuckDB compresses a
# row group when it fills, and rewrites the unfilled last one at each checkpoint: with the default, a long
# ingest's writer stalled ~3 s and its peak memory stepped up once every ~4,900 articles (when the events
# table filled one), and each checkpoint rewrote more of it. The size is not stored in the file: a database
# written with it reads (and is written by other tools) as any other. docs/scale.md, "Round 16".
ROW_GROUP_SIZE = 8192
_CATALOG = "tieline"  # the name the database file is attached under (see ``_connect``)


def _out_of_memory(err: BaseException | None) -> bool:
    """Whether a failed write ran into DuckDB's memory cap: during the statements, or at the commit
    (a commit that cannot allocate a block fails as a TransactionException and rolls back)."""
    if isinstance(err, duckdb.OutOfMemoryException):
        return True
    return isinstance(err, duckdb.TransactionException) and "could not allocate" in str(err)


class DuckDBStore(SqlStore):
    """A ``Store`` on a DuckDB database file (or ``":memory:"``).

    Holds a single connection; calls are serialised with a lock, so one ``DuckDBStore`` may be
    shared between threads, but only one process may write a database file at a time.
    """

    backend: ClassVar[str] = "duckdb"
    dialect: ClassVar[Dialect] = "duckdb"

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        bulk: BulkMode = "auto",
        read_concurrency: int = READ_CONCURRENCY,
    ):
        super().__init__()
        if read_concurrency < 1:
            raise ValueError(f"read_concurrency must be at least 1, not {read_concurrency}")
        # DuckDB runs each query on all cores; more concurrent queries than that only thrash.
        self._read_slots = threading.BoundedSemaphore(read_concurrency)
        self.path = str(path)
        self.read_only = read_only
        if bulk not in ("auto", "frame", "values"):
            raise ValueError(f"bulk must be 'auto', 'frame' or 'values', not {bulk!r}")
        self._bulk: BulkMode = bulk
        self._limit_mib: float | None = None  # set_memory_limit's cap, raised when a write needs more
        self._step_mib: float | None = None  # the cap as first set: the step a raise adds
        self._frames = 0
        self._threads: int | None = None  # set_threads's count, kept across recycle
        if self.path != ":memory:":
            p = Path(self.path)
            if p.is_dir():
                raise StoreError(f"{p} is a directory, not a database file", hint="give a file path for --db")
            if read_only and not p.exists():
                raise StoreError(
                    f"database {p} does not exist", hint="run `tieline ingest` first to create it"
                )
            if not read_only:
                try:
                    p.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the folder for {p}: {exc}") from exc
        self._local = threading.local()  # this store's per-thread read cursors
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._con: duckdb.DuckDBPyConnection | None = self._connect()

    @property
    def _attached(self) -> bool:
        """Whether the file is attached to an in-memory database (``_connect``) rather than opened."""
        return not self.read_only and self.path != ":memory:"

    def _connect(self) -> duckdb.DuckDBPyConnection:
        """A connection on the database: a file opened for writing is attached (``ATTACH``) to an in-memory
        database, the one way to give it a row group size (``ROW_GROUP_SIZE``), and made the default
        (``USE``); its spill folder stays where DuckDB puts a file's (``<file>.tmp``). Other connections
        (``_read_connection``'s cursors) start on the in-memory one and ``USE`` it too."""
        con: duckdb.DuckDBPyConnection | None = None
        try:
            if self._attached:
                con = duckdb.connect(":memory:")
                con.execute(f"SET temp_directory = {_literal(self.path + '.tmp')}")
                con.execute(f"ATTACH {_literal(self.path)} AS {_CATALOG} (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
                con.execute(f"USE {_CATALOG}")
            else:
                con = duckdb.connect(self.path, read_only=self.read_only)
            con.execute("SET enable_progress_bar = false")
            if self._threads is not None:
                con.execute(f"SET threads = {self._threads}")
        except duckdb.Error as exc:
            if con is not None:
                con.close()
            raise StoreError(
                f"cannot open DuckDB database {self.path}: {exc}",
                hint="is another tieline process writing to it? Otherwise check the --db path or TIELINE_DB",
            ) from exc
        return con

    # -- plumbing -----------------------------------------------------------------------------------

    def __repr__(self) -> str:
        return f"DuckDBStore({self.path!r}, read_only={self.read_only})"

    @property
    def target(self) -> str:
        return self.path

    @property
    def immutable(self) -> bool:
        """True for a database file open read-only: DuckDB lets no process write it meanwhile, so
        answers computed from it may be kept (the API caches its aggregate ones)."""
        return self.read_only and self.path != ":memory:"

    @property
    def driver_errors(self) -> tuple[type[BaseException], ...]:
        return (duckdb.Error,)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("the store is closed", hint="open it again with open_store()")
        return self._con

    def _connection(self) -> duckdb.DuckDBPyConnection:
        return self.con

    def _read_connection(self) -> duckdb.DuckDBPyConnection | None:
        """This thread's cursor on the database: reads from several threads (the server's thread pool)
        run at once instead of queuing on one connection. Writes stay on the one connection."""
        cur: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cur is not None:
            return cur
        with self._lock:
            if len(self._cursors) >= MAX_CURSORS:
                return None  # many short-lived threads: the rest share the locked connection
            cur = self.con.cursor()
            if self._attached:
                cur.execute(f"USE {_CATALOG}")
            self._cursors.append(cur)
        self._local.cursor = cur
        return cur

    def _execute(self, con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
        return con.execute(sql, list(params))

    def _in_list(
        self, con: duckdb.DuckDBPyConnection, sql: str, values: Sequence[Any]
    ) -> list[tuple[Any, ...]]:
        """Strings go in one list parameter (``IN (SELECT unnest(?))``): DuckDB binds a thousand
        placeholders slowly (10 ms for 1,000 ids against 1.9 ms, measured on a 1,000-row table; it
        turns both into a hash join, so a large table costs the same either way). Other values take
        the generic path."""
        values = list(values)
        if not values:
            return []
        if not all(type(v) is str for v in values):
            return super()._in_list(con, sql, values)
        cur = self._execute(con, sql.replace("IN ({values})", "IN (SELECT unnest(?::VARCHAR[]))"), [values])
        return list(cur.fetchall()) if cur.description is not None else []

    def _begin(self, con: duckdb.DuckDBPyConnection) -> AbstractContextManager[Any]:
        return _duck_transaction(con, self._commit_room if self._limit_mib is not None else None)

    @contextmanager
    def _commit_room(self) -> Iterator[None]:
        """Twice the cap for the commit itself, the cap again after it.

        A commit that cannot allocate a block invalidates the DuckDB database for the rest of the process
        (a statement that hits the cap is only rolled back), so the commit gets room the statements do
        not; setting the cap back afterwards makes DuckDB evict the cache down to it, so the room is not
        kept as cache and memory stays at the cap, whatever the number of batches written."""
        base = self._limit_mib
        assert base is not None
        self.con.execute(f"SET memory_limit = '{max(2, round(2 * base))}MiB'")
        try:
            yield
        finally:
            self._restore_cap(base)

    def _restore_cap(self, base: float) -> None:
        """Set the cap back after a commit; when DuckDB cannot evict down to it (what it cannot evict,
        the indexes, has outgrown it) raise it by steps until it can."""
        for _ in range(_MAX_RAISES + 1):
            try:
                self.con.execute(f"SET memory_limit = '{max(1, round(base))}MiB'")
            except duckdb.Error:
                base += self._step_mib or base
                continue
            self._limit_mib = base
            return

    def _insert(
        self, con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[r.Row]
    ) -> None:
        """Bulk insert rows (tuples in ``columns`` order), choosing the faster path for the size."""
        if not rows:
            return
        if self._bulk == "frame" or (self._bulk == "auto" and len(rows) >= FRAME_MIN_ROWS):
            self._insert_frame(con, table, columns, rows)
        else:
            self._insert_values(con, table, columns, rows)

    @staticmethod
    def _insert_values(
        con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[r.Row]
    ) -> None:
        """Portable path: multi-row ``INSERT ... VALUES (?, ...), (?, ...)`` in chunks."""
        cols = ", ".join(r.quote(c) for c in columns)
        one = "(" + ", ".join("?" for _ in columns) + ")"
        for i in range(0, len(rows), VALUES_CHUNK):
            chunk = rows[i : i + VALUES_CHUNK]
            sql = f"INSERT INTO {table} ({cols}) VALUES " + ", ".join(one for _ in chunk)
            con.execute(sql, [v for row in chunk for v in row])

    def _insert_frame(
        self, con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[r.Row]
    ) -> None:
        """DuckDB path: register a frame and INSERT ... SELECT with explicit casts.

        The frame is an Arrow table (its columns typed by Arrow from the values: measured ~40% less CPU
        than a pandas frame of object columns, mostly in DuckDB's scan of the objects); values Arrow cannot
        hold in one typed column (e.g. a column mixing numbers and strings, lone surrogates) go in a
        pandas frame of object columns instead. Either way the casts give the columns' types."""
        frame: Any = _arrow_frame(rows, len(columns))
        if frame is None:
            import pandas as pd  # imported lazily: only large writes pay for it

            frame = pd.DataFrame(
                {f"c{i}": pd.Series([row[i] for row in rows], dtype=object) for i in range(len(columns))}
            )
        self._frames += 1
        name = f"_tieline_bulk_{self._frames}"
        cols = ", ".join(r.quote(c) for c in columns)
        select = ", ".join(f"CAST(c{i} AS {r.column_type(c)})" for i, c in enumerate(columns))
        con.register(name, frame)
        try:
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {select} FROM {name}")
        except BaseException:
            # an aborted transaction refuses the unregister too: keep the insert's own error (an
            # out-of-memory error must reach the retry in write_prepared, not a TransactionException)
            with contextlib.suppress(duckdb.Error):
                con.unregister(name)
            raise
        con.unregister(name)

    # -- memory -------------------------------------------------------------------------------------

    def set_memory_limit(self, limit: str) -> None:
        """Cap DuckDB's memory (its buffer pool caches table pages up to 80% of RAM by default).

        A long ingest reads back little of what it writes, so without a cap the cache grows with the
        database (~22 KB an article measured); ``tieline run``/``ingest`` cap it (``--db-memory``).
        ``limit`` is a DuckDB size such as ``"128MB"`` or ``"1GiB"``. Part of DuckDB's memory cannot
        be evicted (the primary keys' ART indexes grow with the database): a write that hits the cap
        raises it by one step (this first cap) and is retried (``write_prepared``), and each commit
        runs at twice the cap (``_commit_room``), so a cap never fails a run.
        """
        value = limit.strip()
        m = _MEMORY_RE.fullmatch(value)
        if not m:
            raise StoreError(
                f"memory limit {limit!r} is not a size", hint="give a size such as 128MB, 512MiB or 2GB"
            )
        mib = float(m.group(1)) * _UNITS[m.group(3).lower()] / 2**20
        self._set_limit_mib(mib)
        self._step_mib = mib

    def _set_limit_mib(self, mib: float) -> None:
        with self._lock:
            try:
                self.con.execute(f"SET memory_limit = '{max(1, round(mib))}MiB'")
            except duckdb.Error as exc:
                raise StoreError(f"cannot set DuckDB's memory limit to {mib:.0f} MiB: {exc}") from exc
        self._limit_mib = mib

    def set_threads(self, threads: int | None) -> None:
        """Run DuckDB's statements on at most ``threads`` threads (None: DuckDB's default, one a core), also
        after a ``recycle``. ``run_ingest`` gives its writer one while worker processes parse on the cores:
        DuckDB's threads only took CPU from them, and with two the free part of the writer's C heap grew
        from ~9 to 41-54 MiB over 20,000 articles (docs/scale.md, "Round 16")."""
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be at least 1, not {threads}")
        with self._lock:
            try:
                self.con.execute("RESET threads" if threads is None else f"SET threads = {int(threads)}")
            except duckdb.Error as exc:
                raise StoreError(f"cannot set DuckDB's threads to {threads}: {exc}") from exc
        self._threads = None if threads is None else int(threads)

    @property
    def threads(self) -> int | None:
        """The count ``set_threads`` gave, or None for DuckDB's default."""
        return self._threads

    @property
    def memory_limit_mib(self) -> float | None:
        """The cap set by ``set_memory_limit`` (raised by writes that needed more), or None."""
        return self._limit_mib

    def write_prepared(self, batch: PreparedBatch, *, dedup: bool = True) -> WriteResult:
        raises = 0
        while True:
            try:
                return super().write_prepared(batch, dedup=dedup)
            except StoreError as exc:
                if self._limit_mib is None or not _out_of_memory(exc.__cause__):
                    raise
                if raises == _MAX_RAISES:
                    break
                # the transaction was rolled back: raise the cap by one step (the cap first set: what
                # DuckDB cannot evict, its indexes, grows by little a batch) and write the batch again
                raises += 1
                self._set_limit_mib(self._limit_mib + (self._step_mib or self._limit_mib))
                log.info("DuckDB memory cap raised to %.0f MiB after: %s", self._limit_mib, exc.__cause__)
        raise StoreError(
            f"writing {len(batch.ids)} articles ran out of memory at a DuckDB cap of {max(1, round(self._limit_mib))} MiB",
            hint="raise --db-memory, or give '' for DuckDB's default",
        )

    def recycle(self) -> bool:
        """Close the connection and open the file again, and give the freed heap back to the system.

        A long ingest's writer keeps memory that nothing holds: DuckDB's freed blocks and the C heap's
        retained pages grow by a few MiB every 1,000 articles (docs/scale.md, "Memory round 9"); closing
        the database frees what DuckDB kept and ``malloc_trim`` returns it. The runner calls this between
        batches (``RECYCLE_EVERY``). The cap (as raised by writes) and the settings of ``__init__`` carry
        over; read cursors are opened again on their next use. Returns False, and does nothing, for an
        in-memory database (closing it would drop it) or a closed store.
        """
        if self.path == ":memory:":
            return False
        with self._lock:
            if self._con is None:
                return False
            self._close_connection()
            _give_back_heap()
            self._con = self._connect()
            if self._limit_mib is not None:
                self._set_limit_mib(self._limit_mib)
        return True

    # -- maintenance --------------------------------------------------------------------------------

    def migrate(self) -> int:
        """``SqlStore.migrate``, then a checkpoint when a migration ran: DuckDB holds what an ``ALTER
        TABLE`` touched (the table's indexes among it) in memory until the next checkpoint, which a
        writer with a small memory cap would otherwise start with."""
        applied = self._applied_versions()
        version = super().migrate()
        if not self.read_only and self._applied_versions() != applied:
            with self._lock:
                try:
                    self.con.execute("CHECKPOINT")
                except duckdb.Error as exc:
                    raise StoreError(f"checkpoint after migrating failed: {exc}") from exc
        return version

    def size_bytes(self) -> int | None:
        if self.path == ":memory:":
            return None
        total = 0
        for p in (Path(self.path), Path(self.path + ".wal")):
            if p.exists():
                total += p.stat().st_size
        return total

    def vacuum(self) -> None:
        """Refresh statistics and checkpoint the write-ahead log into the file."""
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only", hint="open it without read_only")
        with self._lock:
            try:
                self.con.execute("VACUUM ANALYZE")
                self.con.execute("CHECKPOINT")
            except duckdb.Error as exc:
                raise StoreError(f"vacuum failed: {exc}") from exc

    def _close_connection(self) -> None:
        for cur in self._cursors:
            cur.close()
        self._cursors.clear()
        self._local = threading.local()
        if self._con is not None:
            self._con.close()
            self._con = None


def _literal(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _arrow_frame(rows: list[r.Row], width: int) -> Any | None:
    """Rows as an Arrow table of columns ``c0``.. (NaN read as NULL, as in a pandas frame), or None
    when a column's values do not fit one Arrow type, or a row is not ``width`` long."""
    import pyarrow as pa  # imported lazily, as pandas

    try:
        cols = list(zip(*rows, strict=True))
    except ValueError:
        return None
    if len(cols) != width:
        return None
    try:
        return pa.Table.from_arrays(
            [pa.array(c, from_pandas=True) for c in cols], names=[f"c{i}" for i in range(width)]
        )
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None


def _give_back_heap() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``); nothing elsewhere."""
    global _malloc_trim
    if _malloc_trim is None:
        try:
            _malloc_trim = ctypes.CDLL(None).malloc_trim
        except (AttributeError, OSError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim: Any = None  # glibc's malloc_trim once looked up, False where there is none

# glibc's M_MMAP_THRESHOLD (mallopt's parameter number) and the value a capped writer sets
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024


def map_big_blocks(threshold: int = MMAP_THRESHOLD) -> bool:
    """Fix glibc's threshold for mapping a block on its own (``mallopt(M_MMAP_THRESHOLD)``): a block of
    ``threshold`` bytes or more that the heap's free pieces cannot hold is then a mapping of its own,
    given back to the system when it is freed, instead of growing the heap. False where there is no
    glibc.

    glibc starts at 128 KiB but raises the threshold each time such a mapping is freed (up to 32 MiB),
    so DuckDB's blocks soon grow the heap, where the freed ones stay as free pieces between live ones:
    measured, the heap's free part grew from 23 to 47 MiB from 1,024 to 7,168 articles of a capped ingest
    while what was in use stayed at 76 MiB (``docs/scale.md``, memory round 10). It is the process's
    setting: set once, it stays. ``run_ingest`` sets it in a writer that codes in a pool (its big
    blocks are DuckDB's), not where spaCy runs: benches with it there were slower, by no more than
    the machine's speed varied, so its cost there is not settled.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, threshold))


@contextmanager
def _duck_transaction(
    con: duckdb.DuckDBPyConnection, commit_room: Callable[[], AbstractContextManager[None]] | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    if commit_room is None:
        con.commit()
        return
    with commit_room():
        con.commit()
