"""The embedded default store: one DuckDB file, one connection, one writer.

Everything here is portable SQL from ``_queries`` / ``_records`` except two DuckDB-specific bits,
kept in this module: large inserts go through a registered pandas frame (measured ~20x faster than
``executemany`` for 1000 events), and connection errors are mapped from DuckDB exceptions.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb

from tieline.errors import StoreError
from tieline.model import Article, SkipRecord
from tieline.store import _queries as q
from tieline.store import _records as r
from tieline.store.base import WriteResult
from tieline.store.migrations import LATEST_VERSION, MIGRATIONS, SCHEMA_MIGRATIONS_DDL

__all__ = ["DuckDBStore"]

BulkMode = Literal["auto", "frame", "values"]

# Measured on a batch of 1002 events (334 articles, ~4000 rows over 4 tables), whole write_articles:
# registered pandas frame 0.2-0.4 s, multi-row VALUES 1.6 s, executemany 4.4-6.4 s. A frame costs
# ~10 ms to build, so small inserts (one article's rows) use VALUES; the two break even near 30 rows.
FRAME_MIN_ROWS = 32
VALUES_CHUNK = 256

_COUNTED_TABLES: tuple[str, ...] = ("articles", "events", "mentions", "actors", "skips")


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


class DuckDBStore:
    """A ``Store`` on a DuckDB database file (or ``":memory:"``).

    Holds a single connection; calls are serialised with a lock, so one ``DuckDBStore`` may be
    shared between threads, but only one process may write a database file at a time.
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False, bulk: BulkMode = "auto"):
        self.path = str(path)
        self.read_only = read_only
        if bulk not in ("auto", "frame", "values"):
            raise ValueError(f"bulk must be 'auto', 'frame' or 'values', not {bulk!r}")
        self._bulk: BulkMode = bulk
        self._lock = threading.RLock()
        self._frames = 0
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
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open DuckDB database {self.path}: {exc}",
                hint="is another tieline process writing to it? Otherwise check the --db path or TIELINE_DB",
            ) from exc

    # -- plumbing -----------------------------------------------------------------------------------

    def __repr__(self) -> str:
        return f"DuckDBStore({self.path!r}, read_only={self.read_only})"

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("the store is closed", hint="open it again with open_store()")
        return self._con

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self.con.execute(sql, list(params)).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"query failed: {exc}", hint="run `tieline db migrate`?") from exc

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                cur = self.con.execute(sql, list(params))
                names = [d[0] for d in cur.description or ()]
                rows = cur.fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"query failed: {exc}", hint="run `tieline db migrate`?") from exc
        return [{k: r.iso(v) for k, v in zip(names, row, strict=True)} for row in rows]

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only", hint="open it without read_only")
        with self._lock:
            con = self.con
            con.begin()
            try:
                yield con
            except BaseException:
                con.rollback()
                raise
            con.commit()

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
        """DuckDB path: register a pandas frame (object columns) and INSERT ... SELECT with explicit casts."""
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
        finally:
            con.unregister(name)

    def _in_list(
        self, con: duckdb.DuckDBPyConnection, sql: str, values: Sequence[Any]
    ) -> list[tuple[Any, ...]]:
        """Run ``sql`` containing one ``IN ({values})`` placeholder, in chunks."""
        out: list[tuple[Any, ...]] = []
        values = list(values)
        for i in range(0, len(values), 1000):
            chunk = values[i : i + 1000]
            marks = ", ".join("?" for _ in chunk)
            out += con.execute(sql.format(values=marks), chunk).fetchall()
        return out

    # -- schema -------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        rows = self._all(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        )
        if not rows[0][0]:
            return 0
        rows = self._all("SELECT MAX(version) FROM schema_migrations")
        return int(rows[0][0] or 0)

    def migrate(self) -> int:
        with self._lock:
            current = self.schema_version()
            if current > LATEST_VERSION:
                raise StoreError(
                    f"database {self.path} has schema version {current}, newer than this tieline "
                    f"({LATEST_VERSION})",
                    hint="upgrade tieline",
                )
            pending = [m for m in MIGRATIONS if m.version > current]
            if not pending:
                return current
            if self.read_only:
                raise StoreError(
                    f"database {self.path} needs migrations {[m.version for m in pending]} but is read-only",
                    hint="run `tieline db migrate`",
                )
            for m in pending:
                try:
                    with self._transaction() as con:
                        con.execute(SCHEMA_MIGRATIONS_DDL)
                        for statement in m.statements:
                            con.execute(statement)
                        con.execute(
                            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                            [m.version, m.name, _now()],
                        )
                except duckdb.Error as exc:
                    raise StoreError(f"migration {m.version} ({m.name}) failed: {exc}") from exc
            return self.schema_version()

    def check_schema(self) -> int:
        """The schema version, or a StoreError if it is not the one this tieline expects."""
        version = self.schema_version()
        if version != LATEST_VERSION:
            newer = version > LATEST_VERSION
            raise StoreError(
                f"database {self.path} has schema version {version}, this tieline expects {LATEST_VERSION}",
                hint="upgrade tieline" if newer else "run `tieline db migrate`",
            )
        return version

    # -- writes -------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._all("SELECT COUNT(*) FROM articles WHERE id = ?", [article_id])[0][0])

    def write_articles(self, articles: Sequence[Article], *, coder: str) -> WriteResult:
        if not articles:
            return WriteResult()
        batch: dict[str, Article] = {}
        for a in articles:
            batch[a.id] = a  # the last copy of a repeated id wins
        coded_at = _now()
        article_rows = [r.article_row(a, coder=coder, coded_at=coded_at) for a in batch.values()]
        mention_rows = [row for a in batch.values() for row in r.mention_rows(a)]
        event_rows: list[r.Row] = []
        actor_rows: list[r.Row] = []
        event_ids: set[str] = set()
        for a in batch.values():
            for e in a.events:
                if e.article_id != a.id:
                    raise StoreError(
                        f"event {e.id} names article {e.article_id} but was written with article {a.id}",
                        hint="an event's article_id must be the id of the article holding it",
                    )
                if e.id in event_ids:
                    raise StoreError(
                        f"event id {e.id} occurs twice in one batch", hint="event ids must be unique"
                    )
                event_ids.add(e.id)
                event_rows.append(r.event_row(e))
                actor_rows += r.event_actor_rows(e)
        ids = list(batch)
        new_keys = {row[-1] for row in actor_rows}
        with self._transaction() as con:
            try:
                existing = {
                    row[0]
                    for row in self._in_list(con, "SELECT id FROM articles WHERE id IN ({values})", ids)
                }
                # Events to replace: this batch's articles' events, plus any stored event reusing a new id.
                old_events = {
                    row[0]
                    for row in self._in_list(con, "SELECT id FROM events WHERE article_id IN ({values})", ids)
                }
                old_events |= {
                    row[0]
                    for row in self._in_list(
                        con, "SELECT id FROM events WHERE id IN ({values})", list(event_ids)
                    )
                }
                old_keys = {
                    row[0]
                    for row in self._in_list(
                        con,
                        "SELECT DISTINCT actor_key FROM event_actors WHERE event_id IN ({values})",
                        list(old_events),
                    )
                }
                self._in_list(con, "DELETE FROM event_actors WHERE event_id IN ({values})", list(old_events))
                self._in_list(con, "DELETE FROM events WHERE id IN ({values})", list(old_events))
                self._in_list(con, "DELETE FROM mentions WHERE article_id IN ({values})", ids)
                self._in_list(con, "DELETE FROM articles WHERE id IN ({values})", ids)
                self._insert(con, "articles", r.ARTICLE_COLUMNS, article_rows)
                self._insert(con, "mentions", r.MENTION_COLUMNS, mention_rows)
                self._insert(con, "events", r.EVENT_COLUMNS, event_rows)
                self._insert(con, "event_actors", r.EVENT_ACTOR_COLUMNS, actor_rows)
                self._refresh_actors(con, old_keys | new_keys)
            except duckdb.Error as exc:
                raise StoreError(f"writing {len(ids)} articles failed: {exc}") from exc
        return WriteResult(
            articles_new=len(ids) - len(existing),
            articles_updated=len(existing),
            events_written=len(event_rows),
        )

    def _refresh_actors(self, con: duckdb.DuckDBPyConnection, keys: set[str]) -> None:
        """Recompute the ``actors`` roll-up for the given actor keys from ``event_actors``."""
        if not keys:
            return
        self._in_list(con, "DELETE FROM actors WHERE actor_key IN ({values})", sorted(keys))
        self._in_list(
            con,
            "INSERT INTO actors (actor_key, code, name, kind, country, sector, wikidata, first_seen, last_seen,"
            " n_events)"
            " SELECT ea.actor_key, MIN(ea.code), MIN(ea.name), MIN(ea.kind), MIN(ea.country), MIN(ea.sector),"
            " MIN(ea.wikidata), MIN(e.date), MAX(e.date), COUNT(DISTINCT ea.event_id)"
            " FROM event_actors ea JOIN events e ON e.id = ea.event_id"
            " WHERE ea.actor_key IN ({values}) GROUP BY ea.actor_key",
            sorted(keys),
        )

    def write_skips(self, skips: Sequence[SkipRecord], *, run_id: str) -> None:
        if not skips:
            return
        at = _now()
        latest: dict[str, SkipRecord] = {}
        for s in skips:
            latest[s.source] = s  # the last record for a source wins
        rows = [
            (r.clean_text(s.source), s.code, s.reason, r.clean_text(s.detail), run_id, at)
            for s in latest.values()
        ]
        with self._transaction() as con:
            try:
                self._in_list(con, "DELETE FROM skips WHERE source IN ({values})", [row[0] for row in rows])
                self._insert(con, "skips", r.SKIP_COLUMNS, rows)
            except duckdb.Error as exc:
                raise StoreError(f"writing {len(rows)} skip records failed: {exc}") from exc

    # -- reads --------------------------------------------------------------------------------------

    def events(
        self,
        *,
        dyad: tuple[str, str] | None = None,
        actor: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        sql, params = q.events_query(
            dyad=dyad,
            actor=actor,
            since=since,
            until=until,
            event_type=event_type,
            article_id=article_id,
            limit=limit,
            offset=offset,
        )
        return [r.event_from_record(row[0]) for row in self._all(sql, params)]

    def articles(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        sql, params = q.articles_query(since=since, until=until, source=source, limit=limit, offset=offset)
        return self._dicts(sql, params)

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self._dicts(q.ARTICLE_LIST_SQL + ", a.text FROM articles a WHERE a.id = ?", [article_id])
        return rows[0] if rows else None

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        rows = self._all(
            'SELECT start, "end", text, label, entity_id FROM mentions WHERE article_id = ?'
            ' ORDER BY start, "end", label',
            [article_id],
        )
        out: list[dict[str, Any]] = []
        for start, end, text, label, entity_id in rows:
            d: dict[str, Any] = {
                "article_id": article_id,
                "start": start,
                "end": end,
                "text": text,
                "label": label,
            }
            if entity_id:
                d["entity_id"] = entity_id
            out.append(d)
        return out

    def dyad_summary(
        self,
        *,
        limit: int | None = 20,
        since: date | None = None,
        until: date | None = None,
    ) -> list[dict[str, Any]]:
        sql, params = q.dyad_summary_query(limit=limit, since=since, until=until)
        out: list[dict[str, Any]] = []
        for a, b, n, coop, conflict, gsum, gmean, first, last in self._all(sql, params):
            out.append(
                {
                    "dyad": f"{a}-{b}",
                    "a": a,
                    "b": b,
                    "events": int(n),
                    "cooperation": int(coop),
                    "conflict": int(conflict),
                    "goldstein_sum": float(gsum) if gsum is not None else None,
                    "goldstein_mean": float(gmean) if gmean is not None else None,
                    "first": r.iso(first),
                    "last": r.iso(last),
                }
            )
        return out

    def actors(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The actor roll-up, most active first."""
        tail, params = q.page(limit, offset)
        return self._dicts(
            "SELECT actor_key, code, name, kind, country, sector, wikidata, first_seen, last_seen, n_events"
            " FROM actors ORDER BY n_events DESC, actor_key" + tail,
            params,
        )

    def skips(self, *, run_id: str | None = None) -> list[dict[str, Any]]:
        """Stored skip records, by source."""
        sql = 'SELECT source, code, reason, detail, run_id, "at" FROM skips'
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        return self._dicts(sql + " ORDER BY source", params)

    def counts(self) -> dict[str, int]:
        return {t: int(self._all(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in _COUNTED_TABLES}

    # -- lifecycle ----------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
