"""Plain typed records shared by every stage.

Every span (sentence, token, mention, actor, trigger, evidence) is a pair of character
offsets ``[start, end)`` into ``Article.text``; nothing copies text it can point to,
except the ``text`` fields of output records, which are always ``article.text[start:end]``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Evidence",
    "Location",
    "Mention",
    "Sentence",
    "SkipRecord",
    "Token",
    "content_id",
]


def content_id(text: str, *, prefix: str = "a", length: int = 16) -> str:
    """Stable content-hash id: the same text always gets the same id."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{prefix}{digest[:length]}"


@dataclass(slots=True)
class Token:
    """One token of the parse. ``head`` is the index of the head token in the article's token list."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str = ""
    ent_iob: str = ""
    ws: bool = True

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Sentence:
    start: int  # character offset
    end: int
    tok_start: int  # index of first token
    tok_end: int  # index after last token


@dataclass(slots=True)
class Mention:
    """A named or nominal mention found in an article (entity recognition output)."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, DATE, ...
    source: str = "ner"  # ner | gazetteer | pattern
    entity_id: str | None = None  # knowledge-base id where resolved

    def to_dict(self, article_id: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if article_id is not None:
            d["article_id"] = article_id
        d.update(start=self.start, end=self.end, text=self.text, label=self.label)
        if self.entity_id:
            d["entity_id"] = self.entity_id
        return d


@dataclass(slots=True)
class Actor:
    """An event participant resolved against the knowledge base."""

    text: str
    start: int
    end: int
    name: str
    country: str | None  # ISO 3166 alpha-3
    sector: str | None  # GOV, MIL, COP, REB, ...
    kind: str  # state | person | igo | armed_group | org | sector
    code: str  # CAMEO-style actor code, e.g. USAGOV, IGOAFRAU
    role: str | None = None
    wikidata: str | None = None
    entity_id: str | None = None
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "code": self.code,
        }
        if self.role is not None:
            d["role"] = self.role
        if self.wikidata is not None:
            d["wikidata"] = self.wikidata
        return d


@dataclass(slots=True)
class Location:
    text: str
    start: int
    end: int
    name: str
    kind: str  # country | city | region | sea | facility | ...
    country: str | None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # exact | city | region | country | sea | unknown
    geonames_id: int | None = None
    source: str = (
        "sentence"  # sentence: named in the event's sentence; dateline | article: the article's fallback
    )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "source": self.source,
        }
        if self.geonames_id is not None:
            d["geonames_id"] = self.geonames_id
        return d


@dataclass(slots=True)
class Evidence:
    text: str
    start: int
    end: int
    trigger: dict[str, Any]  # {"text", "start", "end"}

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "trigger": dict(self.trigger)}


@dataclass(slots=True)
class Event:
    id: str
    article_id: str
    date: str  # ISO date YYYY-MM-DD
    event: str  # PLOVER type
    mode: str
    context: list[str]
    cameo: str
    goldstein: float
    quad: int
    actor: list[Actor]
    recipient: list[Actor]
    location: Location | None
    modality: str  # asserted | pledged | threatened | negated | hypothetical
    confidence: float
    evidence: Evidence
    reason: str
    coder: str
    date_precision: str = "day"  # day | month | year
    date_source: str = "article"  # article | text | given
    attribution: list[Actor] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    reciprocal: bool = (
        False  # the parties act on each other ("X and Y signed"): actor/recipient order is arbitrary
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad": self.quad,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "attribution": [a.to_dict() for a in self.attribution],
            "reciprocal": self.reciprocal,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "confidence": self.confidence,
            "evidence": self.evidence.to_dict(),
            "reason": self.reason,
            "coder": self.coder,
            "entities": list(self.entities),
        }


@dataclass(slots=True)
class SkipRecord:
    """An input that could not be read, with its reason. Bad input is data, not a crash."""

    source: str  # path, or path:line for JSONL
    code: str  # error code, e.g. E101
    reason: str  # short machine-friendly reason, e.g. "binary", "empty", "undecodable"
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "code": self.code, "reason": self.reason, "detail": self.detail}


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    date: _dt.date | None = None
    url: str | None = None
    source: str | None = None  # outlet or origin path
    path: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        text: str,
        *,
        id: str | None = None,
        title: str | None = None,
        date: _dt.date | str | None = None,
        url: str | None = None,
        source: str | None = None,
        path: str | None = None,
    ) -> Article:
        if isinstance(date, str):
            date = _dt.date.fromisoformat(date[:10])
        return cls(
            id=id or content_id(text),
            text=text,
            title=title,
            date=date,
            url=url,
            source=source,
            path=path,
        )

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "source": self.source,
            "text": self.text,
        }
