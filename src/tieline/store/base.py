"""The ``Store`` protocol every backend implements, and the result of a write.

Backends: ``tieline.store.duckdb.DuckDBStore`` (embedded, the default) and
``tieline.store.postgres.PostgresStore`` (a shared server); both share their SQL (``_sql.SqlStore``). Every read returns plain ``dict`` records that are JSON-ready: dates
are ISO strings, events are exactly ``Event.to_dict()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from tieline.model import Article, SkipRecord

__all__ = ["Store", "WriteResult"]


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one ``write_articles`` batch did."""

    articles_new: int = 0  # article ids not in the store before
    articles_updated: int = 0  # article ids already stored, now replaced
    events_written: int = 0
    # the dedup step's working set (not part of equality): candidate happenings it read, the member
    # events it read, and of those the ones read with their parties and place (one a shape: members
    # of one shape share them, ``_happenings.shape_of``); the happenings and shapes stay bounded as
    # the store grows
    happenings_read: int = field(default=0, compare=False)
    members_read: int = field(default=0, compare=False)
    shapes_read: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@runtime_checkable
class Store(Protocol):
    """A place to keep coded articles and events, and query them back.

    One ``Store`` holds one connection and is the single writer for its database.
    """

    def migrate(self) -> int:
        """Apply pending migrations in order; return the schema version now in effect."""
        ...

    def schema_version(self) -> int:
        """The highest applied migration, 0 for an empty database."""
        ...

    def check_schema(self) -> int:
        """The schema version, or a StoreError if it is not the one this tieline expects."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def write_articles(self, articles: Sequence[Article], *, coder: str, dedup: bool = True) -> WriteResult:
        """Store a batch in one transaction; an article's mentions and events replace any stored ones,
        and (with ``dedup``) its events join their happenings in the same transaction."""
        ...

    def write_skips(self, skips: Sequence[SkipRecord], *, run_id: str) -> None:
        """Record inputs that could not be read; keyed on ``source``, so a re-run updates, not duplicates."""
        ...

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
        """Events as ``Event.to_dict()`` records, ordered by date, article id, evidence start.

        Every filter runs in the database: ``quad`` (classes to keep), ``min_confidence``, ``modality``,
        ``text`` (case-insensitive substring of the evidence sentence, type, CAMEO code, or an actor's
        or recipient's name or code), ``ids`` and ``located`` (has a location), besides dyad, actor, dates, type and article.
        """
        ...

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id (an indexed lookup), or ``None``."""
        ...

    def event_facts(self, **filters: Any) -> list[dict[str, Any]]:
        """The scalar fields of matching events without their JSON records (filters as ``events``)."""
        ...

    def timeline_totals(
        self,
        *,
        by: str,
        modalities: Sequence[str] | None = None,
        too_coarse: Sequence[str] = (),
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """Per-period (and per-quad) counts and sums of matching dated events, aggregated in the database."""
        ...

    def counterparts(self, code: str) -> dict[str, dict[str, int]]:
        """Who ``code`` has events with: other party -> events in quads 1-2 and in the other classes."""
        ...

    def event_counts(self, **filters: Any) -> list[tuple[str | None, int | None, int]]:
        """(type, quad, count) over matching events, counted in the database."""
        ...

    def conflict_parties(
        self,
        code: str,
        *,
        modalities: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> dict[str, dict[str, Any]]:
        """Third parties in conflict events with ``code``: party -> events, last date, first three ids."""
        ...

    def articles(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Article metadata (no text), ordered by date, id."""
        ...

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article's metadata and text, or ``None``."""
        ...

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        """An article's mentions as ``Mention.to_dict(article_id)`` records, in text order."""
        ...

    def dyad_summary(
        self,
        *,
        limit: int | None = 20,
        since: date | None = None,
        until: date | None = None,
    ) -> list[dict[str, Any]]:
        """Per undirected country dyad: counts, quad split, Goldstein sum/mean, first/last date."""
        ...

    def actors(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The actor roll-up (key, code, name, kind, country, sector, wikidata, first/last seen, n_events)."""
        ...

    def skips(self, *, run_id: str | None = None) -> list[dict[str, Any]]:
        """Stored skip records (source, code, reason, detail, run_id, at), by source."""
        ...

    def happenings(
        self,
        *,
        dyad: tuple[str, str] | None = None,
        actor: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        min_sources: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """One record per real-world happening (representative type, date, parties, place; n_mentions,
        n_articles, n_sources; its outlets and articles), by date and id."""
        ...

    def happening(self, happening_id: str) -> dict[str, Any] | None:
        """One happening with its mentions, merge explanation and merge log, or ``None``."""
        ...

    def happening_of(self, event_id: str) -> dict[str, Any] | None:
        """The happening (as ``happening``) an event is a mention of, or ``None``."""
        ...

    def event_happenings(self, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """``{event_id: {happening_id, sources, n_sources}}`` for the given events."""
        ...

    def dedup_log(
        self, *, happening_id: str | None = None, event_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Merge-log entries (seq, at, action, happening_id, event_id, matched_with, rules, score, detail,
        undone_by), oldest first."""
        ...

    def dedup_counts(self) -> dict[str, int]:
        """happenings, linked_events, unlinked_events, log_entries."""
        ...

    def link_unlinked(self) -> Any:
        """Assign stored events that belong to no happening (a store migrated from version 1)."""
        ...

    def rebuild_happenings(self) -> Any:
        """Cluster every stored event again from scratch."""
        ...

    def split_event(self, event_id: str, *, reason: str = "split by hand") -> dict[str, Any]:
        """Take a mention out of its happening for good."""
        ...

    def undo_merge(self, log_id: int) -> dict[str, Any]:
        """Undo the merge recorded in one log entry."""
        ...

    def counts(self) -> dict[str, int]:
        """Row counts: articles, events, mentions, actors, skips."""
        ...

    def info(self) -> dict[str, Any]:
        """backend, database (safe to print), schema_version, latest_version, counts, size_bytes, read_only."""
        ...

    def vacuum(self) -> None:
        """Reclaim space and refresh statistics."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
