"""``Desk``: the read and write operations behind the REST API and the dashboard.

One ``Desk`` wraps one open ``Store`` (any backend, through the Store protocol only), the operator's
settings (token, limits) and, for writes, a pipeline loaded on first use. It holds no global state.
"""

from __future__ import annotations

import copy
import datetime as _dt
import hmac
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from tieline import analysis
from tieline.api import derive
from tieline.errors import UsageError
from tieline.model import Article, SkipRecord
from tieline.store.base import Store

__all__ = ["Desk", "DeskConfig", "EventFilter", "Page", "parse_dyad"]

SCAN_CHUNK = 1000


@dataclass(frozen=True)
class DeskConfig:
    """What the operator chose. No token: the server is read-only."""

    token: str | None = None
    max_page: int = 200
    default_page: int = 50
    max_body_bytes: int = 2_000_000
    max_batch: int = 500
    cors_origins: tuple[str, ...] = ()

    @property
    def writable(self) -> bool:
        return bool(self.token)

    def check_token(self, presented: str | None) -> bool:
        if not self.token or presented is None:
            return False
        return hmac.compare_digest(self.token.encode("utf-8"), presented.encode("utf-8"))


@dataclass(frozen=True)
class EventFilter:
    """Event filters: the store's own (actor, dyad, type, dates) plus quad, confidence, modality and text."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    quad: tuple[int, ...] = ()
    since: _dt.date | None = None
    until: _dt.date | None = None
    min_confidence: float | None = None
    modality: str | None = None
    text: str | None = None
    article_id: str | None = None

    def store_kwargs(self) -> dict[str, Any]:
        """Every filter, as ``Store.events`` keywords: the database does all the filtering."""
        return {
            "actor": self.actor,
            "dyad": self.dyad,
            "event_type": self.event_type,
            "since": self.since,
            "until": self.until,
            "article_id": self.article_id,
            "quad": self.quad,
            "min_confidence": self.min_confidence,
            "modality": self.modality,
            "text": self.text,
        }

    def accepts(self, e: dict[str, Any]) -> bool:
        """The filters other than the store's own, in Python (a reference for the SQL; see tests/api)."""
        if self.quad and e["quad"] not in self.quad:
            return False
        if self.min_confidence and float(e["confidence"]) < self.min_confidence:
            return False
        if self.modality and e["modality"] != self.modality:
            return False
        if self.text:
            needle = self.text.casefold()
            hay = " ".join(
                [e["evidence"]["text"], e["event"], e["cameo"]]
                + [a["name"] + " " + (a["code"] or "") for side in ("actor", "recipient") for a in e[side]]
            ).casefold()
            if needle not in hay:
                return False
        return True

    def to_query(self) -> dict[str, str]:
        """The filter as query parameters (for links to the next page)."""
        out: dict[str, str] = {}
        if self.actor:
            out["actor"] = self.actor
        if self.dyad:
            out["dyad"] = f"{self.dyad[0]}-{self.dyad[1]}"
        if self.event_type:
            out["type"] = self.event_type
        if self.quad:
            out["quad"] = ",".join(str(q) for q in self.quad)
        if self.since:
            out["since"] = self.since.isoformat()
        if self.until:
            out["until"] = self.until.isoformat()
        if self.min_confidence:
            out["min_confidence"] = str(self.min_confidence)
        if self.modality:
            out["modality"] = self.modality
        if self.text:
            out["q"] = self.text
        return out


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    limit: int
    offset: int
    has_more: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "limit": self.limit,
            "offset": self.offset,
            "count": len(self.items),
            "has_more": self.has_more,
            "next_offset": self.offset + self.limit if self.has_more else None,
        }


def parse_dyad(value: str) -> tuple[str, str]:
    """``USA-KEN``, ``USA:KEN`` or ``USA,KEN`` -> ``("USA", "KEN")``."""
    parts = [p.strip().upper() for p in value.replace(":", "-").replace(",", "-").split("-")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f"dyad {value!r} is not two codes", hint="e.g. dyad=USA-KEN")
    return parts[0], parts[1]


def parse_quads(value: str | None) -> tuple[int, ...]:
    if not value:
        return ()
    out: list[int] = []
    for part in value.split(","):
        part = part.strip()
        if part not in ("1", "2", "3", "4"):
            raise UsageError(f"quad {part!r} is not 1, 2, 3 or 4", hint="e.g. quad=3,4 for conflict")
        out.append(int(part))
    return tuple(sorted(set(out)))


@dataclass
class Desk:
    store: Store
    config: DeskConfig = field(default_factory=DeskConfig)
    pipeline_factory: Callable[[], Any] | None = None
    _pipeline: Any = field(default=None, repr=False)
    _write_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _geo: Any = field(default=None, repr=False)
    _cache: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _computing: dict[tuple[Any, ...], threading.Lock] = field(default_factory=dict, repr=False)

    CACHE_MAX = 256

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered when the store cannot change under this process (a DuckDB file
        open read-only: DuckDB then lets no process write it), at most ``CACHE_MAX`` answers."""
        if not getattr(self.store, "immutable", False):
            return compute()
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]
            # One computation per key: concurrent callers of the same key wait for the first.
            pending = self._computing.setdefault(key, threading.Lock())
        with pending:
            with self._cache_lock:
                if key in self._cache:
                    return self._cache[key]
            value = compute()
            with self._cache_lock:
                if len(self._cache) >= self.CACHE_MAX:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = value
                self._computing.pop(key, None)
        return value

    # -- events ---------------------------------------------------------------------------------

    def _iter_events(self, f: EventFilter, *, located: bool = False) -> Iterator[dict[str, Any]]:
        """Every event matching ``f`` in store order, read in chunks (``located``: only events with a
        location)."""
        pos = 0
        while True:
            rows = self.store.events(**f.store_kwargs(), located=located, limit=SCAN_CHUNK, offset=pos)
            yield from rows
            if len(rows) < SCAN_CHUNK:
                return
            pos += SCAN_CHUNK

    def all_events(self, f: EventFilter) -> list[dict[str, Any]]:
        return list(self._iter_events(f))

    def events(self, f: EventFilter, *, limit: int, offset: int = 0) -> Page:
        """One page of events, ordered by date (oldest first) as the store orders them."""
        rows = self.store.events(**f.store_kwargs(), limit=limit + 1, offset=offset)
        return Page(rows[:limit], limit, offset, len(rows) > limit)

    def latest_events(self, n: int = 20) -> list[dict[str, Any]]:
        """The ``n`` most recent dated events, newest first."""
        total = self.store.counts()["events"]
        rows = self.store.events(limit=max(n * 3, 60), offset=max(0, total - max(n * 3, 60)))
        dated = [e for e in rows if e.get("date")]
        return list(reversed(dated))[:n]

    def event(self, event_id: str, *, article_id: str | None = None) -> dict[str, Any] | None:
        """One event by id (the store's primary-key lookup); ``article_id``, if given, must match."""
        found = self.store.event(event_id)
        if found is None or (article_id is not None and found.get("article_id") != article_id):
            return None
        return found

    def event_detail(self, event_id: str, *, article_id: str | None = None) -> dict[str, Any] | None:
        """An event with its article (text), the article's mentions and other events, and reports of the
        same thing from other sources (same dyad and type within three days, other articles)."""
        e = self.event(event_id, article_id=article_id)
        if e is None:
            return None
        article = self.store.article(e["article_id"])
        siblings = [x for x in self.store.events(article_id=e["article_id"]) if x["id"] != e["id"]]
        related: list[dict[str, Any]] = []
        a, b = sorted(derive.side_codes(e["actor"])), sorted(derive.side_codes(e["recipient"]))
        if a and b and e.get("date") and e.get("date_precision", "day") == "day":
            d = _dt.date.fromisoformat(e["date"][:10])
            window = _dt.timedelta(days=3)
            for x in self.store.events(
                dyad=(a[0], b[0]), event_type=e["event"], since=d - window, until=d + window, limit=50
            ):
                if x["article_id"] != e["article_id"]:
                    related.append(x)
        return {
            "event": e,
            "article": article,
            "mentions": self.store.mentions(e["article_id"]),
            "other_events": siblings,
            "other_sources": related,
        }

    # -- dyads and network ----------------------------------------------------------------------

    def dyads(
        self, *, limit: int, since: _dt.date | None = None, until: _dt.date | None = None
    ) -> list[dict[str, Any]]:
        return copy.deepcopy(
            self._cached(
                ("dyads", limit, since, until),
                lambda: self.store.dyad_summary(limit=limit, since=since, until=until),
            )
        )

    def latest_dyad_events(self, a: str, b: str, n: int = 100) -> list[dict[str, Any]]:
        """The ``n`` latest events between ``a`` and ``b`` (store order: by date), newest first."""
        total = sum(k for _, _, k in self.store.event_counts(dyad=(a, b)))
        return list(reversed(self.store.events(dyad=(a, b), limit=n, offset=max(0, total - n))))

    def timeline(
        self,
        a: str,
        b: str,
        *,
        by: str = "month",
        since: _dt.date | None = None,
        until: _dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """``tieline.analysis.dyad_timeline``: the rows ``tieline dyad`` prints."""
        return analysis.dyad_timeline(self.store, a, b, by=by, since=since, until=until)

    def dossier(
        self,
        a: str,
        b: str,
        *,
        since: _dt.date | None = None,
        until: _dt.date | None = None,
        limit: int | None = 20,
    ) -> dict[str, Any]:
        """``tieline.analysis.dossier``: the report ``tieline dossier`` prints."""
        return analysis.dossier(self.store, a, b, since=since, until=until, limit=limit)

    def network(
        self, *, since: _dt.date | None = None, until: _dt.date | None = None, min_weight: int = 1
    ) -> dict[str, Any]:
        """``tieline.analysis.network``: the graph ``tieline network`` writes."""
        return analysis.network(self.store, since=since, until=until, min_weight=min_weight)

    # -- actors ---------------------------------------------------------------------------------

    def actors(self, *, q: str | None, limit: int, offset: int) -> Page:
        if not q:
            rows = self.store.actors(limit=limit + 1, offset=offset)
            return Page(rows[:limit], limit, offset, len(rows) > limit)
        needle = q.casefold()
        hits = [
            a
            for a in self.store.actors()
            if needle
            in " ".join(str(a.get(k) or "") for k in ("name", "code", "country", "actor_key")).casefold()
        ]
        return Page(hits[offset : offset + limit], limit, offset, len(hits) > offset + limit)

    def actor(self, code: str) -> dict[str, Any]:
        """An actor code or country: the entities under it, roles over time, partners and adversaries."""
        code = code.strip().upper()
        if not code:
            raise UsageError("empty actor code", hint="e.g. /actors/KEN")
        entities = [a for a in self.store.actors() if code in (a.get("code"), a.get("country"))]
        # Counted and ranked in the database; only the 25 most recent events are read whole.
        counts = self.store.event_counts(actor=code)
        n_events = sum(n for _, _, n in counts)
        recent = self.store.events(actor=code, limit=25, offset=max(0, n_events - 25)) if n_events else []
        roles = self._roles(code, entities)
        sides = derive.counterparts_from_counts(self.store.counterparts(code))
        names = Counter(a["name"] for a in entities if a.get("code") == code or a.get("kind") == "state")
        kb_country = self._kb_country(code)
        name = kb_country or (names.most_common(1)[0][0] if names else code)
        by_type: Counter[str] = Counter()
        for kind, _, n in counts:
            by_type[str(kind)] += n
        return {
            "code": code,
            "name": name,
            "entities": entities,
            "roles": roles,
            "partners": sides["partners"],
            "adversaries": sides["adversaries"],
            "counts": {
                "events": n_events,
                "cooperation": sum(n for _, quad, n in counts if quad in derive.COOPERATION),
                "conflict": sum(n for _, quad, n in counts if quad in derive.CONFLICT),
                "by_type": dict(sorted(by_type.items())),
            },
            "recent_events": list(reversed(recent)),
        }

    @staticmethod
    def _kb() -> Any:
        from tieline.actors.kb import load_kb

        return load_kb()

    def _kb_country(self, code: str) -> str | None:
        c = self._kb().country(code) if len(code) == 3 else None
        return c.name if c else None

    def _roles(self, code: str, entities: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Dated offices: of the people seen under this code, and for a country, its office holders."""
        kb = self._kb()
        out: list[dict[str, Any]] = []
        seen: set[str] = set()

        def add(person: Any) -> None:
            if person.id in seen:
                return
            seen.add(person.id)
            for r in person.roles:
                if (
                    len(code) == 3
                    and r.holder_of not in (code,)
                    and not any(e.get("actor_key", "").endswith("person:" + person.id) for e in entities)
                ):
                    continue
                out.append(
                    {
                        "person": person.name,
                        "person_id": person.id,
                        "role": r.role,
                        "title": r.title,
                        "of": r.holder_of,
                        "start": r.start.isoformat(),
                        "end": r.end.isoformat() if r.end else None,
                        "acting": r.acting,
                    }
                )

        for ent in entities:
            key = str(ent.get("actor_key") or "")
            if "|person:" in key:
                p = kb.person(key.split("|person:", 1)[1])
                if p is not None:
                    add(p)
        if len(code) == 3 and kb.country(code) is not None:
            for p in kb.people.values():
                if any(r.holder_of == code for r in p.roles):
                    add(p)
        out.sort(key=lambda r: (r["start"], r["person"]))
        return out

    def lookup(self, name: str, date: _dt.date | None) -> list[dict[str, Any]]:
        """Knowledge-base readings of a name on a date (``tieline.actors.lookup``)."""
        if not name.strip():
            raise UsageError("empty name", hint="e.g. /api/v1/actors/lookup?name=Duale&date=2024-03-01")
        from tieline.actors.lookup import lookup

        return [r.to_dict() for r in lookup(self._kb(), name, date)]

    # -- articles and sources -------------------------------------------------------------------

    def articles(
        self, *, since: _dt.date | None, until: _dt.date | None, source: str | None, limit: int, offset: int
    ) -> Page:
        rows = self.store.articles(since=since, until=until, source=source, limit=limit + 1, offset=offset)
        return Page(rows[:limit], limit, offset, len(rows) > limit)

    def article(self, article_id: str) -> dict[str, Any] | None:
        a = self.store.article(article_id)
        if a is None:
            return None
        return {
            "article": a,
            "events": self.store.events(article_id=article_id),
            "mentions": self.store.mentions(article_id),
        }

    def sources(self) -> list[dict[str, Any]]:
        counts: dict[str, dict[str, Any]] = {}
        for a in self.store.articles():
            key = a.get("source") or "(unknown)"
            row = counts.setdefault(
                key, {"source": key, "articles": 0, "events": 0, "first": None, "last": None}
            )
            row["articles"] += 1
            row["events"] += int(a.get("n_events") or 0)
            if a.get("date"):
                row["first"] = min(filter(None, [row["first"], a["date"]]))
                row["last"] = max(filter(None, [row["last"], a["date"]]))
        return sorted(counts.values(), key=lambda r: (-r["articles"], r["source"]))

    # -- places ---------------------------------------------------------------------------------

    def places(
        self,
        *,
        limit: int = 2000,
        events: Iterable[dict[str, Any]] | None = None,
        dyad: tuple[str, str] | None = None,
    ) -> list[dict[str, Any]]:
        """Events with coordinates (location lat/lon, else the geocoder when installed), grouped by place;
        all stored events (a dyad's with ``dyad``), or the given ones."""
        if self._geo is None:
            self._geo = (self._geocoder(),)
        geocode = self._geo[0]
        groups: dict[tuple[float, float], dict[str, Any]] = {}
        n = 0
        for e in self._iter_events(EventFilter(dyad=dyad), located=True) if events is None else events:
            loc = e.get("location") or None
            if not loc:
                continue
            lat, lon = loc.get("lat"), loc.get("lon")
            if (lat is None or lon is None) and geocode is not None:
                lat, lon = geocode(loc)
            if lat is None or lon is None:
                continue
            key = (round(float(lat), 2), round(float(lon), 2))
            g = groups.setdefault(
                key,
                {
                    "name": loc.get("name") or loc.get("text"),
                    "lat": key[0],
                    "lon": key[1],
                    "events": 0,
                    "cooperation": 0,
                    "conflict": 0,
                    "event_ids": [],
                },
            )
            g["events"] += 1
            g["cooperation" if e["quad"] in derive.COOPERATION else "conflict"] += 1
            if len(g["event_ids"]) < 5:
                g["event_ids"].append([e["id"], e["article_id"]])
            n += 1
            if n >= limit:
                break
        return sorted(groups.values(), key=lambda g: -g["events"])

    @staticmethod
    def _geocoder() -> Callable[[dict[str, Any]], tuple[float | None, float | None]] | None:
        try:
            from tieline.geo import Geocoder
        except ImportError:
            return None
        try:
            gc = Geocoder.load()
        except Exception:  # a broken optional gazetteer must not take the dashboard down
            return None

        def resolve(loc: dict[str, Any]) -> tuple[float | None, float | None]:
            ctx = [loc["country"]] if loc.get("country") else []
            place = gc.resolve(loc.get("name") or loc.get("text") or "", context_countries=ctx)
            if place is None:
                return None, None
            return place.lat, place.lon

        return resolve

    # -- writes ---------------------------------------------------------------------------------

    def pipeline(self) -> Any:
        if self._pipeline is None:
            if self.pipeline_factory is None:
                from tieline.pipeline import load

                self._pipeline = load()
            else:
                self._pipeline = self.pipeline_factory()
        return self._pipeline

    def ingest(self, items: Sequence[Article | SkipRecord]) -> dict[str, Any]:
        """Code and store articles (one transaction); skip records are stored with their reason."""
        from tieline.cli import ingest_articles

        with self._write_lock:
            summary = ingest_articles(self.pipeline(), self.store, items, date=None, progress=False)
        summary["article_ids"] = [a.id for a in items if isinstance(a, Article)]
        return summary

    def recode(self, article_id: str) -> dict[str, Any] | None:
        """Code a stored article again with the current pipeline; its events are replaced."""
        stored = self.store.article(article_id)
        if stored is None:
            return None
        date = _dt.date.fromisoformat(stored["date"][:10]) if stored.get("date") else None
        article = Article(
            id=stored["id"],
            text=stored["text"],
            title=stored.get("title"),
            date=date,
            url=stored.get("url"),
            source=stored.get("source"),
            path=stored.get("path"),
        )
        with self._write_lock:
            pipe = self.pipeline()
            coded = list(pipe.process([article]))
            result = self.store.write_articles(coded, coder=pipe.version)
        return {"article_id": article_id, "events": result.events_written, "coder": pipe.version}
