"""The ordered stages, Article -> Article: parse (spaCy), resolve actors and code events.

>>> import tieline
>>> nlp = tieline.load()
>>> events = nlp.code("Kenya and Somalia signed a defence pact on Tuesday.", date="2024-01-24")
>>> tieline.to_frame(events)  # a pandas DataFrame
"""

from __future__ import annotations

import datetime as _dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import __version__
from .actors.kb import KnowledgeBase, load_kb
from .actors.resolver import Resolver
from .config import Settings
from .events.coder import Coder
from .events.lexicon import Lexicon, load_lexicon
from .events.ontology import Ontology, load_ontology
from .events.trace import CoderTrace
from .model import Article, Event, Mention

if TYPE_CHECKING:
    from .events.explain import Explanation

__all__ = ["Pipeline", "Stage", "load", "to_frame"]


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline, with what it needs on the article and what it adds."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: Callable[[Article], Article]


@dataclass
class Pipeline:
    settings: Settings
    kb: KnowledgeBase
    ontology: Ontology
    lexicon: Lexicon
    resolver: Resolver
    coder: Coder
    _nlp: Any = None
    _recognizer: Any = None
    stages: list[Stage] = field(default_factory=list)

    @property
    def nlp(self) -> Any:
        """The spaCy wrapper, loaded on first use (tieline.nlp.NLP)."""
        if self._nlp is None:
            from .nlp import NLP

            self._nlp = NLP.load(
                self.settings.model, batch_size=self.settings.batch_size, blas=self.settings.blas
            )
            _freeze_loaded()
        return self._nlp

    @property
    def version(self) -> str:
        return self.coder.version

    def _check_stages(self) -> None:
        have = {"text"}
        for st in self.stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise RuntimeError(f"stage {st.name} needs {missing}, which no earlier stage assigns")
            have.update(st.assigns)

    # -- coding -------------------------------------------------------------------------------
    def process(self, articles: Iterable[Article], *, date: _dt.date | None = None) -> Iterator[Article]:
        """Parse and code articles in batches (spaCy ``nlp.pipe``); yields each article with its events."""
        for article in self.nlp.parse_many(articles):
            self.code_parsed(article, date=date)
            yield article

    @property
    def recognizer(self) -> Any:
        """Entity recognition beyond spaCy's labels (platforms, weapons, units, operations, agreements)."""
        if self._recognizer is None:
            from .entities import EntityRecognizer

            self._recognizer = EntityRecognizer.load()
        return self._recognizer

    def code_parsed(
        self, article: Article, *, date: _dt.date | None = None, trace: CoderTrace | None = None
    ) -> list[Event]:
        """Code an article that already carries its parse (tokens, sentences, mentions); ``trace`` records the
        coder's decisions (tieline.events.explain)."""
        ref = article.date or date
        if article.date is None and date is not None:
            article.date = date
        events = self.coder.code(article, date=ref, trace=trace)
        if events:
            from .entities import link_entities

            link_entities(events, self.entities(article))
        if self.settings.min_confidence > 0:
            events = [e for e in events if e.confidence >= self.settings.min_confidence]
            article.events = events
        return events

    def code(
        self, text: str | Article, *, date: _dt.date | str | None = None, id: str | None = None
    ) -> list[Event]:
        """Code one text (or Article) and return its events."""
        d = _dt.date.fromisoformat(date) if isinstance(date, str) else date
        article = text if isinstance(text, Article) else Article.create(text, id=id, date=d)
        if article.date is None and d is not None:
            article.date = d
        return next(self.process([article])).events

    def explain(self, text: str | Article, *, date: _dt.date | str | None = None) -> Explanation:
        """Why ``text`` was or was not coded: a :class:`tieline.events.explain.Explanation`."""
        from .events.explain import explain

        return explain(text, date=date, pipeline=self)

    def entities(self, article: Article) -> list[Mention]:
        """Entity mentions of a parsed article: spaCy's labels merged with MILITARY_PLATFORM, WEAPON,
        MILITARY_UNIT, OPERATION, AGREEMENT and nominal mentions of actors (computed once per article)."""
        if not article.tokens:
            article = self.nlp.parse(article)
        cached = article.meta.get("entities")
        if cached is None:
            cached = sorted(self.recognizer.find(article), key=lambda m: (m.start, m.end))
            article.meta["entities"] = cached
        return list(cached)


def load(model: str | None = None, *, settings: Settings | None = None) -> Pipeline:
    """Build the default pipeline: knowledge base, ontology, lexicon, resolver and coder (spaCy loads lazily)."""
    settings = settings or Settings.from_env(model=model)
    if model:
        settings = settings.with_(model=model)
    kb = load_kb()
    ontology = load_ontology()
    lexicon = load_lexicon()
    resolver = Resolver(kb)
    version = f"tieline-{__version__}+kb.{kb.version}.lex.{lexicon.version}"
    coder = Coder(ontology, lexicon, resolver, version=version)
    if settings.geocode:
        from .geo import load_geocoder

        coder.geocoder = resolver.geocoder = load_geocoder()
    pipe = Pipeline(settings, kb, ontology, lexicon, resolver, coder)
    pipe.stages = [
        Stage("parse", ("text",), ("tokens", "sentences", "mentions"), lambda a: pipe.nlp.parse(a)),
        Stage(
            "code", ("tokens", "sentences", "mentions"), ("events",), lambda a: (pipe.code_parsed(a), a)[1]
        ),
    ]
    pipe._check_stages()
    _freeze_loaded()
    return pipe


def _freeze_loaded() -> None:
    """Keep the cyclic garbage collector off what was just loaded: the knowledge base, lexicon, gazetteer and
    model are hundreds of thousands of objects that live as long as the process, and each full collection
    walked them all (~0.3 s, about once every 40 articles coded). Garbage is collected first, then every object
    alive is moved to the permanent generation (``gc.freeze``); reference counting still frees them."""
    gc.collect()
    gc.freeze()


def to_frame(events: Iterable[Event | dict[str, Any]], *, library: str = "pandas") -> Any:
    """Events as a flat DataFrame (pandas, or polars with ``library="polars"``): one row an event."""
    rows = []
    for e in events:
        d = e.to_dict() if isinstance(e, Event) else e
        rows.append(
            {
                "id": d["id"],
                "article_id": d["article_id"],
                "date": d["date"],
                "event": d["event"],
                "mode": d["mode"],
                "cameo": d["cameo"],
                "goldstein": d["goldstein"],
                "quad": d["quad"],
                "actor": "; ".join(a["name"] for a in d["actor"]),
                "actor_country": "; ".join(a["country"] or "" for a in d["actor"]),
                "actor_code": "; ".join(a["code"] for a in d["actor"]),
                "recipient": "; ".join(a["name"] for a in d["recipient"]),
                "recipient_country": "; ".join(a["country"] or "" for a in d["recipient"]),
                "recipient_code": "; ".join(a["code"] for a in d["recipient"]),
                "modality": d["modality"],
                "confidence": d["confidence"],
                "location": (d["location"] or {}).get("name"),
                "evidence": d["evidence"]["text"],
                "trigger": d["evidence"]["trigger"]["text"],
                "reason": d["reason"],
            }
        )
    if library == "polars":
        import polars as pl

        return pl.DataFrame(rows)
    import pandas as pd

    return pd.DataFrame(rows)
