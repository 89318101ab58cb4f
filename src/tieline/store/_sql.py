"""``SqlStore``: everything a SQL backend shares (migrations, batch writes, queries).

A backend subclass supplies the plumbing: how to run a statement on its connection, open a write
transaction (taking its writer lock), bulk-insert rows, run an ``IN (...)`` list, and which driver
exceptions to turn into ``StoreError``. All SQL here is portable with ``?`` placeholders.
"""

from __future__ import annotations

import datetime as _dt
import gc
import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any, ClassVar, Self

from tieline.errors import StoreError
from tieline.model import Article, SkipRecord
from tieline.store import _queries as q
from tieline.store import _records as r
from tieline.store._happenings import HAPPENING_TABLES, HappeningsMixin, dedup_view, link
from tieline.store.base import WriteResult
from tieline.store.migrations import LATEST_VERSION, MIGRATIONS, SCHEMA_MIGRATIONS_DDL, Dialect

__all__ = ["COUNTED_TABLES", "PreparedBatch", "SqlStore", "now", "prepare_batch"]

# Pages up to this size are read in two steps (ids in order, then their records).
PAGE_BY_ID_MAX = 1000

COUNTED_TABLES: tuple[str, ...] = ("articles", "events", "mentions", "actors", "skips")
# Child tables first, so a full wipe never leaves dangling rows.
DATA_TABLES: tuple[str, ...] = (
    *HAPPENING_TABLES, "event_actors", "events", "mentions", "articles", "actors", "skips",
)  # fmt: skip


def now() -> _dt.datetime:
    """The current UTC time without a zone (stored in TIMESTAMP columns)."""
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (on again after, if it was on).

    A batch write allocates a great many objects that live until it ends (prepared mentions, clusters,
    summaries, rows), so the collector's thresholds trip again and again during it, full collections
    included, each traversing every object in the process: measured, a quarter of the writer's CPU
    (512 articles in batches of 64: 15 full collections, 1.1 s, and not one object collected). What
    the write leaves behind is reference-counted away; cycles, if any, are collected after it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass
class PreparedBatch:
    """The rows of a batch of coded articles, ready to insert: built by ``prepare_batch`` where the
    articles were coded (a worker process), so the writer only inserts. Plain tuples pickle small."""

    ids: list[str] = field(default_factory=list)
    article_rows: list[r.Row] = field(default_factory=list)
    mention_rows: list[r.Row] = field(default_factory=list)
    event_rows: list[r.Row] = field(default_factory=list)
    actor_rows: list[r.Row] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    articles: int = 0  # articles given, repeated ids included
    # The events' records (``Event.to_dict()``) when the batch was built in the writing process, so the
    # dedup step needs not decode the JSON it was just given; None across processes (pickled small).
    records: list[dict[str, Any]] | None = None
    # Otherwise what dedup reads of each event (``_happenings.dedup_view`` of its record), built where the
    # batch was: unpickling these costs the writer a fraction of decoding the events' JSON records.
    views: list[dict[str, Any]] | None = None

    def __len__(self) -> int:
        return self.articles

    def overlaps(self, other: PreparedBatch) -> bool:
        """Whether ``other`` repeats an article id of this batch (then write this one first)."""
        return not set(self.ids).isdisjoint(other.ids)

    def extend(self, other: PreparedBatch) -> None:
        """Append ``other`` (no article id in common; an event id in common is a StoreError)."""
        if self.overlaps(other):
            raise ValueError("batches with an article id in common: write the first before the second")
        twice = set(self.event_ids).intersection(other.event_ids)
        if twice:
            raise StoreError(
                f"event id {min(twice)} occurs twice in one batch", hint="event ids must be unique"
            )
        self.ids += other.ids
        self.article_rows += other.article_rows
        self.mention_rows += other.mention_rows
        self.event_rows += other.event_rows
        self.actor_rows += other.actor_rows
        self.event_ids += other.event_ids
        self.articles += other.articles
        self.records = (
            self.records + other.records if self.records is not None and other.records is not None else None
        )
        self.views = self.views + other.views if self.views is not None and other.views is not None else None


def prepare_batch(
    articles: Sequence[Article],
    *,
    coder: str,
    coded_at: _dt.datetime | None = None,
    keep_records: bool = False,
) -> PreparedBatch:
    """Check a batch of coded articles and build its rows (no database needed; the last copy of a
    repeated article id wins; an event naming another article, or an event id twice, is a StoreError).
    ``keep_records`` also keeps each event's record dict (for a write in this process); without it, the
    batch keeps what dedup reads of each (``PreparedBatch.views``)."""
    by_id: dict[str, Article] = {}
    for a in articles:
        by_id[a.id] = a  # the last copy of a repeated id wins
    at = coded_at or now()
    out = PreparedBatch(ids=list(by_id), articles=len(articles))
    out.article_rows = [r.article_row(a, coder=coder, coded_at=at) for a in by_id.values()]
    out.mention_rows = [row for a in by_id.values() for row in r.mention_rows(a)]
    seen: set[str] = set()
    records: list[dict[str, Any]] = []
    for a in by_id.values():
        for e in a.events:
            if e.article_id != a.id:
                raise StoreError(
                    f"event {e.id} names article {e.article_id} but was written with article {a.id}",
                    hint="an event's article_id must be the id of the article holding it",
                )
            if e.id in seen:
                raise StoreError(
                    f"event id {e.id} occurs twice in one batch", hint="event ids must be unique"
                )
            seen.add(e.id)
            out.event_ids.append(e.id)
            record = e.to_dict()
            out.event_rows.append(r.event_row(e, record))
            out.actor_rows += r.event_actor_rows(e)
            records.append(record if keep_records else dedup_view(record))
    if keep_records:
        out.records = records
    else:
        out.views = records
    return out


def _dedup_events(batch: PreparedBatch) -> list[dict[str, Any]]:
    """The batch's events as dedup reads them: their records or views when the batch holds them (one
    an event row), else decoded from the rows' JSON records."""
    n = len(batch.event_rows)
    if batch.records is not None and len(batch.records) == n:
        return batch.records
    views = getattr(batch, "views", None)  # (a batch pickled by a version without them)
    if views is not None and len(views) == n:
        return views
    return [r.event_from_record(row[-1]) for row in batch.event_rows]


class SqlStore(HappeningsMixin, ABC):
    """The shared half of a SQL ``Store``; see ``DuckDBStore`` and ``PostgresStore``."""

    backend: ClassVar[str]
    dialect: ClassVar[Dialect]
    read_only: bool
    # How the text search lower-cases an SQL expression (``{}``); see PostgresStore.
    text_fold: str = "LOWER({})"

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._read_slots = threading.BoundedSemaphore(64)  # a backend with per-thread reads narrows it

    # -- backend plumbing ----------------------------------------------------------------------------

    @property
    def immutable(self) -> bool:
        """Whether no one can change the data while this store is open (see ``DuckDBStore``)."""
        return False

    @property
    @abstractmethod
    def target(self) -> str:
        """Where the data lives, safe to print (a path, or a URL without its password)."""

    @property
    @abstractmethod
    def driver_errors(self) -> tuple[type[BaseException], ...]:
        """Driver exceptions that become ``StoreError``."""

    @abstractmethod
    def _execute(self, con: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement with ``?`` placeholders; return something with ``fetchall`` and ``description``."""

    @abstractmethod
    def _connection(self) -> Any:
        """The open connection, or a StoreError if the store is closed."""

    @abstractmethod
    def _begin(self, con: Any) -> AbstractContextManager[Any]:
        """A transaction on ``con`` that commits on success and rolls back on error."""

    def _writer_lock(self, con: Any) -> None:  # an optional hook
        """Called first in every write transaction: serialise writers across processes if needed."""

    @abstractmethod
    def _insert(self, con: Any, table: str, columns: Sequence[str], rows: list[r.Row]) -> None:
        """Insert rows (tuples in ``columns`` order) as fast as the backend allows."""

    def _in_list(self, con: Any, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run ``sql`` holding one ``IN ({values})`` placeholder for ``values``, in chunks."""
        out: list[tuple[Any, ...]] = []
        values = list(values)
        for i in range(0, len(values), 1000):
            chunk = values[i : i + 1000]
            marks = ", ".join("?" for _ in chunk)
            cur = self._execute(con, sql.format(values=marks), chunk)
            if cur.description is not None:
                out += cur.fetchall()
        return out

    @abstractmethod
    def _close_connection(self) -> None: ...

    @abstractmethod
    def size_bytes(self) -> int | None:
        """The database's size on disk, if known."""

    @abstractmethod
    def vacuum(self) -> None:
        """Reclaim space and refresh planner statistics."""

    # -- helpers -------------------------------------------------------------------------------------

    def _read_connection(self) -> Any | None:
        """A connection this thread may read on without the store's lock, or ``None`` (use the lock).

        A backend whose driver runs queries from several threads at once returns one per thread.
        """
        return None

    def _query(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read: column names and rows."""
        reader = None if self._lock_held() else self._read_connection()
        try:
            if reader is not None:
                with self._read_slots:
                    cur = self._execute(reader, sql, list(params))
                    return [d[0] for d in cur.description or ()], list(cur.fetchall())
            with self._lock:
                cur = self._execute(self._connection(), sql, list(params))
                return [d[0] for d in cur.description or ()], list(cur.fetchall())
        except self.driver_errors as exc:
            raise StoreError(f"query failed: {exc}", hint="run `tieline db migrate`?") from exc

    def _lock_held(self) -> bool:
        """True while this thread holds the store's lock (inside a write or a migration)."""
        is_owned = getattr(self._lock, "_is_owned", None)
        return bool(is_owned()) if callable(is_owned) else False

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._query(sql, params)[1]

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        names, rows = self._query(sql, params)
        return [{k: r.iso(v) for k, v in zip(names, row, strict=True)} for row in rows]

    def _transaction(self) -> AbstractContextManager[Any]:
        if self.read_only:
            raise StoreError(f"database {self.target} is open read-only", hint="open it without read_only")
        return _Transaction(self)

    # -- schema --------------------------------------------------------------------------------------

    def _has_migrations_table(self) -> bool:
        rows = self._all(
            "SELECT COUNT(*) FROM information_schema.tables"
            " WHERE table_name = 'schema_migrations' AND table_schema = current_schema()"
        )
        return bool(rows[0][0])

    def schema_version(self) -> int:
        if not self._has_migrations_table():
            return 0
        rows = self._all("SELECT MAX(version) FROM schema_migrations")
        return int(rows[0][0] or 0)

    def _applied_versions(self) -> set[int]:
        if not self._has_migrations_table():
            return set()
        return {int(row[0]) for row in self._all("SELECT version FROM schema_migrations")}

    def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction under the writer lock."""
        with self._lock:
            current = self.schema_version()
            if current > LATEST_VERSION:
                raise StoreError(
                    f"database {self.target} has schema version {current}, newer than this tieline "
                    f"({LATEST_VERSION})",
                    hint="upgrade tieline",
                )
            # Every known migration not yet recorded, in order (not only those above the highest
            # applied: branches may add versions out of order, e.g. 3 before 2).
            applied = self._applied_versions()
            pending = [m for m in MIGRATIONS if m.version not in applied]
            if not pending:
                return current
            if self.read_only:
                raise StoreError(
                    f"database {self.target} needs migrations {[m.version for m in pending]} but is read-only",
                    hint="run `tieline db migrate`",
                )
            for m in pending:
                try:
                    with self._transaction() as con:
                        self._execute(con, SCHEMA_MIGRATIONS_DDL)
                        # Another writer may have applied it while we waited for the lock.
                        done = self._execute(
                            con, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", [m.version]
                        ).fetchall()
                        if done[0][0]:
                            continue
                        for statement in m.sql(self.dialect):
                            self._execute(con, statement)
                        self._execute(
                            con,
                            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                            [m.version, m.name, now()],
                        )
                except self.driver_errors as exc:
                    raise StoreError(f"migration {m.version} ({m.name}) failed: {exc}") from exc
            return self.schema_version()

    def check_schema(self) -> int:
        """The schema version, or a StoreError if it is not the one this tieline expects."""
        version = self.schema_version()
        if version != LATEST_VERSION:
            newer = version > LATEST_VERSION
            raise StoreError(
                f"database {self.target} has schema version {version}, this tieline expects {LATEST_VERSION}",
                hint="upgrade tieline" if newer else "run `tieline db migrate`",
            )
        missing = sorted({m.version for m in MIGRATIONS} - self._applied_versions())
        if missing:
            raise StoreError(
                f"database {self.target} lacks migrations {missing}", hint="run `tieline db migrate`"
            )
        return version

    # -- writes --------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._all("SELECT COUNT(*) FROM articles WHERE id = ?", [article_id])[0][0])

    def write_articles(self, articles: Sequence[Article], *, coder: str, dedup: bool = True) -> WriteResult:
        """Store a batch in one transaction; with ``dedup`` (the default) its events join their happenings
        in the same transaction (``_happenings.link``)."""
        if not articles:
            return WriteResult()
        return self.write_prepared(prepare_batch(articles, coder=coder, keep_records=True), dedup=dedup)

    def write_prepared(self, batch: PreparedBatch, *, dedup: bool = True) -> WriteResult:
        """Write rows built by ``prepare_batch`` (possibly in another process) in one transaction; with
        ``dedup`` its events join their happenings there too."""
        if not batch.ids:
            return WriteResult()
        ids = batch.ids
        event_ids = batch.event_ids
        article_rows, mention_rows = batch.article_rows, batch.mention_rows
        event_rows, actor_rows = batch.event_rows, batch.actor_rows
        new_keys = {row[-1] for row in actor_rows}
        with _collector_paused(), self._transaction() as con:
            try:
                existing = {
                    row[0]
                    for row in self._in_list(con, "SELECT id FROM articles WHERE id IN ({values})", ids)
                }
                # Events to replace: this batch's articles' events, plus any stored event reusing a new id.
                # A stored article's rows are written and deleted with it, in this method only: when
                # none of the batch's articles is stored, none of their events, mentions or links is
                # either (a full read of those key columns a batch, skipped for a batch of new articles).
                old_events: set[str] = set()
                if existing:
                    old_events = {
                        row[0]
                        for row in self._in_list(
                            con, "SELECT id FROM events WHERE article_id IN ({values})", sorted(existing)
                        )
                    }
                old_events |= {
                    row[0]
                    for row in self._in_list(con, "SELECT id FROM events WHERE id IN ({values})", event_ids)
                }
                old_keys = {
                    row[0]
                    for row in self._in_list(
                        con,
                        "SELECT DISTINCT actor_key FROM event_actors WHERE event_id IN ({values})",
                        list(old_events),
                    )
                }
                removed = self._removed_totals(con, old_events)
                self._in_list(con, "DELETE FROM event_actors WHERE event_id IN ({values})", list(old_events))
                self._in_list(con, "DELETE FROM events WHERE id IN ({values})", list(old_events))
                if existing:
                    self._in_list(
                        con, "DELETE FROM mentions WHERE article_id IN ({values})", sorted(existing)
                    )
                    self._in_list(con, "DELETE FROM articles WHERE id IN ({values})", sorted(existing))
                self._take_from_actors(con, old_keys, removed)  # before the new rows go in
                self._insert(con, "articles", r.ARTICLE_COLUMNS, article_rows)
                self._insert(con, "mentions", r.MENTION_COLUMNS, mention_rows)
                self._insert(con, "events", r.EVENT_COLUMNS, event_rows)
                self._insert(con, "event_actors", r.EVENT_ACTOR_COLUMNS, actor_rows)
                # The roll-up is updated, not recounted (recounting a key seen in 400,000 events took
                # ~0.4 s a batch on DuckDB and ~3 s on PostgreSQL at 1M events): keys that lost events
                # had them taken out above, now this batch's rows are folded in.
                self._add_to_actors(con, new_keys, event_rows, actor_rows)
                linked = None
                if dedup:
                    linked = link(
                        self,
                        con,
                        new_events=_dedup_events(batch),
                        gone_event_ids=old_events,
                        fresh=not existing and not old_events,
                    )
            except self.driver_errors as exc:
                raise StoreError(f"writing {len(ids)} articles failed: {exc}") from exc
        return WriteResult(
            articles_new=len(ids) - len(existing),
            articles_updated=len(existing),
            events_written=len(event_rows),
            happenings_read=linked.happenings_read if linked else 0,
            members_read=linked.members_read if linked else 0,
            shapes_read=linked.shapes_read if linked else 0,
        )

    def _removed_totals(self, con: Any, event_ids: set[str]) -> dict[str, tuple[int, Any, Any]]:
        """Per actor key, over events about to be deleted: (distinct events, first date, last date)."""
        rows = self._in_list(
            con,
            "SELECT ea.actor_key, COUNT(DISTINCT ea.event_id), MIN(e.date), MAX(e.date)"
            " FROM event_actors ea JOIN events e ON e.id = ea.event_id"
            " WHERE ea.event_id IN ({values}) GROUP BY ea.actor_key",
            sorted(event_ids),
        )
        out: dict[str, tuple[int, Any, Any]] = {}
        for key, n, first, last in rows:  # chunks of the IN list may repeat a key
            if key in out:
                m, f, la = out[key]
                out[key] = (m + int(n), r._least(f, first), r._greatest(la, last))
            else:
                out[key] = (int(n), first, last)
        return out

    def _take_from_actors(self, con: Any, keys: set[str], removed: dict[str, tuple[int, Any, Any]]) -> None:
        """After deleting events, make the roll-up of ``keys`` what a recount would give, cheaply:
        counts go down by the removed events, dates are recounted only when a removed event held
        the first or last one, the MIN columns are recomputed from ``event_actors`` alone."""
        if not keys:
            return
        stored = {
            row[0]: row
            for row in self._in_list(
                con, "SELECT actor_key, first_seen, last_seen, n_events FROM actors WHERE actor_key IN ({values})",
                sorted(keys),
            )
        }  # fmt: skip
        mins = {
            row[0]: list(row[1:])
            for row in self._in_list(
                con,
                "SELECT actor_key, " + ", ".join(f"MIN({c})" for c in r.ACTOR_VALUE_COLUMNS)
                + " FROM event_actors WHERE actor_key IN ({values}) GROUP BY actor_key",
                sorted(keys),
            )
        }  # fmt: skip
        dates: dict[str, list[Any]] = {}
        recount: list[str] = []
        for key in sorted(mins):
            old = stored.get(key)
            _, first, last = removed.get(key, (0, None, None))
            if old is None:
                recount.append(key)
                continue
            _, s_first, s_last, _ = old
            first_ok = first is None or (s_first is not None and first > s_first)
            last_ok = last is None or (s_last is not None and last < s_last)
            if first_ok and last_ok:
                dates[key] = [s_first, s_last]
            else:
                recount.append(key)
        for row in self._in_list(
            con,
            "SELECT ea.actor_key, MIN(e.date), MAX(e.date) FROM event_actors ea JOIN events e ON e.id = ea.event_id"
            " WHERE ea.actor_key IN ({values}) GROUP BY ea.actor_key",
            recount,
        ):
            dates[row[0]] = [row[1], row[2]]
        rows: list[r.Row] = []
        for key in sorted(mins):
            old = stored.get(key)
            n_left = (int(old[3]) if old is not None else 0) - removed.get(key, (0, None, None))[0]
            if key in dates and n_left > 0:
                rows.append((key, *mins[key], *dates[key], n_left))
        self._in_list(con, "DELETE FROM actors WHERE actor_key IN ({values})", sorted(keys))
        self._insert(con, "actors", r.ACTOR_COLUMNS, rows)
        inconsistent = {
            key
            for key in mins
            if key not in stored or int(stored[key][3]) - removed.get(key, (0, None, None))[0] <= 0
        }
        if inconsistent:
            # Rows without a (right) roll-up, e.g. a database edited by hand: recount those keys.
            self._refresh_actors(con, inconsistent)

    def _add_to_actors(
        self, con: Any, keys: set[str], event_rows: list[r.Row], actor_rows: list[r.Row]
    ) -> None:
        """Fold newly inserted events into the ``actors`` roll-up of ``keys``, which lost no events:
        the same values ``_refresh_actors`` would compute (MIN/MAX/COUNT DISTINCT are mergeable)."""
        if not keys:
            return
        date_at = r.EVENT_COLUMNS.index("date")
        dates = {row[0]: row[date_at] for row in event_rows}
        key_at, event_at = r.EVENT_ACTOR_COLUMNS.index("actor_key"), r.EVENT_ACTOR_COLUMNS.index("event_id")
        value_at = [r.EVENT_ACTOR_COLUMNS.index(c) for c in r.ACTOR_VALUE_COLUMNS]
        fresh: dict[str, list[Any]] = {}
        events_of: dict[str, set[str]] = {}
        for row in actor_rows:
            key = row[key_at]
            if key not in keys:
                continue
            eid = row[event_at]
            d = dates.get(eid)
            vals = [*map(row.__getitem__, value_at), d, d]
            cur = fresh.get(key)
            if cur is None:
                fresh[key] = vals
                events_of[key] = {eid}
            else:
                fresh[key] = r.merge_actor_values(cur, vals)
                events_of[key].add(eid)
        stored = {
            row[0]: row
            for row in self._in_list(
                con,
                "SELECT " + ", ".join(r.ACTOR_COLUMNS) + " FROM actors WHERE actor_key IN ({values})",
                sorted(fresh),
            )
        }
        rows: list[r.Row] = []
        for key in sorted(fresh):
            vals, n = fresh[key], len(events_of[key])
            old = stored.get(key)
            if old is not None:
                vals = r.merge_actor_values(list(old[1:-1]), vals)
                n += int(old[-1])
            rows.append((key, *vals, n))
        self._in_list(con, "DELETE FROM actors WHERE actor_key IN ({values})", sorted(stored))
        self._insert(con, "actors", r.ACTOR_COLUMNS, rows)

    def _refresh_actors(self, con: Any, keys: set[str]) -> None:
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
        at = now()
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
            except self.driver_errors as exc:
                raise StoreError(f"writing {len(rows)} skip records failed: {exc}") from exc

    # -- reads ---------------------------------------------------------------------------------------

    def events(
        self,
        *,
        dyad: tuple[str, str] | None = None,
        actor: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        article_id: str | None = None,
        quad: Sequence[int] = (),
        min_confidence: float | None = None,
        modality: str | None = None,
        text: str | None = None,
        ids: Sequence[str] | None = None,
        located: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        filters: dict[str, Any] = {
            "dyad": dyad,
            "actor": actor,
            "since": since,
            "until": until,
            "event_type": event_type,
            "article_id": article_id,
            "quad": quad,
            "min_confidence": min_confidence,
            "modality": modality,
            "text": text,
            "ids": ids,
            "located": located,
            "dialect": self.dialect,
            "fold": self.text_fold,
        }
        if limit is not None and limit <= PAGE_BY_ID_MAX:
            # A page: find its ids in order first (narrow columns only), then read just those records.
            # Sorting the wide JSON records to cut one page out was most of a page's time at 1M events.
            sql, params = q.events_query(column="id", limit=limit, offset=offset, **filters)
            page_ids = [row[0] for row in self._all(sql, params)]
            if not page_ids:
                return []
            marks = ", ".join("?" for _ in page_ids)
            found = dict(self._all(f"SELECT id, record FROM events WHERE id IN ({marks})", page_ids))
            return [r.event_from_record(found[i]) for i in page_ids if i in found]
        sql, params = q.events_query(limit=limit, offset=offset, **filters)
        return [r.event_from_record(row[0]) for row in self._all(sql, params)]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id (the primary key), or ``None``."""
        rows = self._all("SELECT record FROM events WHERE id = ?", [event_id])
        return r.event_from_record(rows[0][0]) if rows else None

    def event_facts(self, **filters: Any) -> list[dict[str, Any]]:
        """The scalar fields of matching events (``id``, ``article_id``, ``date``, ``date_precision``,
        ``event``, ``quad``, ``goldstein``, ``modality``, ``confidence``, ``context``) without reading
        the JSON records, in store order; filters as ``events``. Values equal the records' own."""
        sql, params = q.facts_query(dialect=self.dialect, fold=self.text_fold, **filters)
        out: list[dict[str, Any]] = []
        for row in self._all(sql, params):
            d = dict(zip(q.FACT_COLUMNS, row, strict=True))
            d["date"] = r.iso(d["date"])
            d["context"] = json.loads(d["context"]) if d["context"] else []
            out.append(d)
        return out

    def timeline_totals(
        self,
        *,
        by: str,
        modalities: Sequence[str] | None = None,
        too_coarse: Sequence[str] = (),
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Aggregates of matching dated events per period (``by``: day, week, month, year) in SQL.

        One dict per period start, in order: ``start`` (a date), ``events``, ``articles`` (distinct),
        ``goldstein``, ``confidence``, ``goldstein_conf`` (sum of goldstein x confidence),
        ``source_weight`` and ``goldstein_sources`` (each happening weighted once by its distinct outlets),
        ``outlets`` and ``happenings`` (distinct), and
        ``quads``: quad class -> the same totals for that class. Filters as ``events``, plus
        ``modalities`` (a missing modality counts as ``asserted``) and ``too_coarse`` date precisions to leave out.
        """
        sql, params = q.timeline_query(
            by=by,
            modalities=modalities,
            too_coarse=too_coarse,
            dialect=self.dialect,
            fold=self.text_fold,
            **filters,
        )
        out: dict[date, dict[str, Any]] = {}
        for period, quad, g, n, gold, conf, gconf, articles, sw, gsw, outlets, hids in self._all(sql, params):
            start = period.date() if isinstance(period, _dt.datetime) else period
            totals = {
                "events": int(n),
                "goldstein": float(gold or 0.0),
                "confidence": float(conf or 0.0),
                "goldstein_conf": float(gconf or 0.0),
                "articles": int(articles),
                "source_weight": int(sw or 0),
                "goldstein_sources": float(gsw or 0.0),
                "outlets": int(outlets),
                "happenings": int(hids),
            }
            bucket = out.setdefault(start, {"start": start, "quads": {}})
            if int(g) == 1:
                bucket.update(totals)
            else:
                bucket["quads"][quad] = totals
        return list(out.values())

    def counterparts(self, code: str) -> dict[str, dict[str, int]]:
        """Counterparts of ``code`` in SQL: other party -> ``{"cooperation": n, "other": n}`` events
        (see ``_queries.counterparts_query``)."""
        sql, params = q.counterparts_query(code)
        return {
            other: {"cooperation": int(coop), "other": int(rest)}
            for other, coop, rest in self._all(sql, params)
        }

    def event_counts(self, **filters: Any) -> list[tuple[str | None, int | None, int]]:
        """(PLOVER type, quad class, number of events) for matching events; filters as ``events``."""
        sql, params = q.event_counts_query(dialect=self.dialect, fold=self.text_fold, **filters)
        return [(kind, quad, int(n)) for kind, quad, n in self._all(sql, params)]

    def conflict_parties(
        self,
        code: str,
        *,
        modalities: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> dict[str, dict[str, Any]]:
        """Third parties ``code`` has conflict events with (either direction), computed in SQL:
        party -> ``{"events", "last", "examples"}`` (see ``_queries.conflict_parties_query``)."""
        sql, params = q.conflict_parties_query(code=code, modalities=modalities, since=since, until=until)
        return {
            party: {
                "events": int(n),
                "last": r.iso(last),
                "examples": [x for x in (ex1, ex2, ex3) if x is not None],
            }
            for party, n, last, ex1, ex2, ex3 in self._all(sql, params)
        }

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
        return {t: int(self._all(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in COUNTED_TABLES}

    def info(self) -> dict[str, Any]:
        """Backend, where, schema version (and the one expected), row counts (when current), size."""
        version = self.schema_version()
        return {
            "backend": self.backend,
            "database": self.target,
            "schema_version": version,
            "latest_version": LATEST_VERSION,
            "counts": self.counts() if version == LATEST_VERSION else None,
            "size_bytes": self.size_bytes(),
            "read_only": self.read_only,
        }

    # -- lifecycle -----------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._close_connection()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _Transaction(AbstractContextManager[Any]):
    """Hold the store's lock, open a backend transaction and take the writer lock."""

    def __init__(self, store: SqlStore) -> None:
        self._store = store
        self._inner: AbstractContextManager[Any] | None = None

    def __enter__(self) -> Any:
        store = self._store
        store._lock.acquire()
        try:
            con = store._connection()
            self._inner = store._begin(con)
            self._inner.__enter__()
            try:
                store._writer_lock(con)
            except BaseException as exc:
                self._inner.__exit__(type(exc), exc, exc.__traceback__)
                raise
        except store.driver_errors as exc:
            store._lock.release()
            raise StoreError(f"cannot start a write on {store.target}: {exc}") from exc
        except BaseException:
            store._lock.release()
            raise
        return con

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        store = self._store
        try:
            assert self._inner is not None
            return self._inner.__exit__(exc_type, exc, tb)
        except store.driver_errors as err:
            if exc is not None:
                raise
            raise StoreError(f"committing to {store.target} failed: {err}") from err
        finally:
            store._lock.release()
