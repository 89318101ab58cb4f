"""Hand-built events for the analysis and export tests (imported as ``analysis_kit``).

``Spec`` describes one event in a few words; ``build_articles`` turns specs into articles whose text
holds each event's evidence sentence (so every span is true), and ``write`` stores them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tieline.model import Actor, Article, Event, Evidence, Location
from tieline.store import Store, open_store


def party(
    code: str, *, kind: str | None = None, country: str | None = None, name: str | None = None
) -> Actor:
    """``USA`` -> the state; ``USAMIL`` -> its military; ``kind="armed_group"`` etc. for others."""
    if kind is None:
        kind = "state" if len(code) == 3 else "sector"
    if country is None and kind in ("state", "sector"):
        country = code[:3]
    sector = code[3:] if kind == "sector" and len(code) > 3 else None
    return Actor(
        text=name or code,
        start=0,
        end=0,
        name=name or code,
        country=country,
        sector=sector,
        kind=kind,
        code=code,
    )


SHABAAB = party("SOMREB", kind="armed_group", country="SOM", name="al-Shabaab")


@dataclass
class Spec:
    article: str
    date: str
    kind: str
    cameo: str
    quad: int
    goldstein: float
    actor: Sequence[Actor]
    recipient: Sequence[Actor]
    modality: str = "asserted"
    confidence: float = 0.8
    context: Sequence[str] = ()
    precision: str = "day"
    sentence: str = ""
    location: Location | None = None
    mode: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def build_articles(specs: Sequence[Spec]) -> list[Article]:
    by_article: dict[str, list[Spec]] = {}
    for s in specs:
        by_article.setdefault(s.article, []).append(s)
    articles: list[Article] = []
    for aid, items in by_article.items():
        sentences = [
            s.sentence or f"Event {i} of {aid} was reported ({s.kind})." for i, s in enumerate(items)
        ]
        text = " ".join(sentences)
        article = Article.create(
            text, id=aid, date=items[0].date[:10], source=f"outlet-{aid}", url=f"https://example.org/{aid}"
        )
        pos = 0
        for i, (s, sent) in enumerate(zip(items, sentences, strict=True)):
            start = text.index(sent, pos)
            end = start + len(sent)
            pos = end
            word = sent.split()[0]
            article.events.append(
                Event(
                    id=f"{aid}-e{i}",
                    article_id=aid,
                    date=s.date,
                    event=s.kind,
                    mode=s.mode,
                    context=list(s.context),
                    cameo=s.cameo,
                    goldstein=s.goldstein,
                    quad=s.quad,
                    actor=list(s.actor),
                    recipient=list(s.recipient),
                    location=s.location,
                    modality=s.modality,
                    confidence=s.confidence,
                    evidence=Evidence(
                        text=sent,
                        start=start,
                        end=end,
                        trigger={"text": word, "start": start, "end": start + len(word)},
                    ),
                    reason="hand-built for a test",
                    coder="test",
                    date_precision=s.precision,
                    date_source="article",
                )
            )
        articles.append(article)
    return articles


def write(store: Store, specs: Sequence[Spec]) -> Store:
    store.write_articles(build_articles(specs), coder="test")
    return store


def file_store(path: Path, specs: Sequence[Spec]) -> Path:
    with open_store(path) as s:
        write(s, specs)
    return path


USA, KEN, SOM, ETH, IRN = (party(c) for c in ("USA", "KEN", "SOM", "ETH", "IRN"))
USAMIL, KENMIL = party("USAMIL"), party("KENMIL")

AGREEMENT_SENTENCE = "Kenya and the United States signed a defence cooperation agreement in Nairobi."


def relationship_specs() -> list[Spec]:
    """The USA-KEN relationship used across the tests (numbers checked by hand in the tests)."""
    return [
        # January 2024: article a1 (two events), article a2 (one)
        Spec("a1", "2024-01-05", "CONSULT", "040", 1, 1.0, [USA], [KEN], confidence=0.8),
        Spec(
            "a1",
            "2024-01-05",
            "AGREE",
            "057",
            1,
            3.0,
            [KEN],
            [USA],
            confidence=0.6,
            sentence=AGREEMENT_SENTENCE,
        ),
        Spec("a2", "2024-01-20", "THREATEN", "130", 3, -4.0, [KEN], [USA], confidence=0.5),
        # March 2024
        Spec("a3", "2024-03-15", "AID", "070", 2, 7.0, [USA], [KENMIL], confidence=1.0),
        Spec("a3", "2024-03-16", "ASSAULT", "190", 4, -10.0, [USA], [KEN], modality="negated"),
        # a year-only historical reference and an unrelated dyad
        Spec("a4", "2010-01-01", "ASSAULT", "190", 4, -10.0, [KEN], [USA], precision="year"),
        Spec("a5", "2024-01-07", "ASSAULT", "190", 4, -10.0, [USA], [SOM]),
    ]
