"""Hand-built articles and events for the store tests (no NLP involved)."""

from __future__ import annotations

from tieline.model import Actor, Article, Event, Evidence, Location, Mention

TEXT = (
    "Kenya and the United States signed a security pact on Monday. "
    "Somali militants attacked a Kenyan border post. "
    "Washington condemned the attack, a spokesman said."
)


def span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def state(
    text: str, needle: str, country: str, *, sector: str | None = None, name: str | None = None
) -> Actor:
    s, e = span(text, needle)
    code = country + (sector or "")
    return Actor(
        text=needle,
        start=s,
        end=e,
        name=name or country,
        country=country,
        sector=sector,
        kind="state" if sector is None else "sector",
        code=code,
        wikidata=None,
    )


def event(
    article: Article,
    n: int,
    *,
    actor: list[Actor],
    recipient: list[Actor],
    kind: str,
    cameo: str,
    quad: int,
    goldstein: float,
    date: str,
    evidence: str,
    trigger: str,
    attribution: list[Actor] | None = None,
    location: Location | None = None,
) -> Event:
    es, ee = span(article.text, evidence)
    ts, te = span(article.text, trigger, es)
    return Event(
        id=f"{article.id}-e{n}",
        article_id=article.id,
        date=date,
        event=kind,
        mode="",
        context=["military"] if quad >= 3 else [],
        cameo=cameo,
        goldstein=goldstein,
        quad=quad,
        actor=actor,
        recipient=recipient,
        location=location,
        modality="asserted",
        confidence=0.8,
        evidence=Evidence(text=evidence, start=es, end=ee, trigger={"text": trigger, "start": ts, "end": te}),
        reason=f"pattern {kind.lower()}-{n}",
        coder="test-coder 1",
        attribution=attribution or [],
        entities=[{"text": trigger, "kind": "trigger"}],
    )


def kenya_article(text: str = TEXT, *, article_id: str | None = None) -> Article:
    a = Article.create(
        text, id=article_id, title="Pact and attack", date="2024-03-04", source="wire", url="u:1"
    )
    ken = state(text, "Kenya", "KEN")
    usa = state(text, "United States", "USA")
    som = Actor(
        text="Somali militants",
        start=span(text, "Somali militants")[0],
        end=span(text, "Somali militants")[1],
        name="al-Shabaab",
        country="SOM",
        sector="REB",
        kind="armed_group",
        code="SOMREB",
        wikidata="Q191024",
    )
    kenmil = state(text, "Kenyan border post", "KEN", sector="MIL", name="Kenya Defence Forces")
    wash = state(text, "Washington", "USA", sector="GOV", name="United States government")
    wash.role = "government"
    spokesman = Actor(
        text="a spokesman",
        start=span(text, "a spokesman")[0],
        end=span(text, "a spokesman")[1],
        name="spokesman",
        country="USA",
        sector="GOV",
        kind="person",
        code="USAGOV",
    )
    loc = Location(
        text="Kenyan border post",
        start=kenmil.start,
        end=kenmil.end,
        name="Kenya",
        kind="country",
        country="KEN",
        lat=0.5,
        lon=38.0,
        precision="country",
    )
    a.mentions = [
        Mention(*span(text, "Kenya"), text="Kenya", label="GPE", entity_id="KEN"),
        Mention(*span(text, "United States"), text="United States", label="GPE", entity_id="USA"),
        Mention(*span(text, "Monday"), text="Monday", label="DATE"),
        Mention(*span(text, "Kenya"), text="Kenya", label="GPE", source="gazetteer"),  # same key: dropped
    ]
    a.events = [
        # deliberately out of date order
        event(
            a,
            3,
            actor=[wash],
            recipient=[som],
            kind="REJECT",
            cameo="111",
            quad=3,
            goldstein=-2.0,
            date="2024-03-05",
            evidence="Washington condemned the attack",
            trigger="condemned",
            attribution=[spokesman],
        ),
        event(
            a,
            1,
            actor=[ken],
            recipient=[usa],
            kind="AGREE",
            cameo="057",
            quad=1,
            goldstein=8.0,
            date="2024-03-04",
            evidence="Kenya and the United States signed a security pact",
            trigger="signed",
        ),
        event(
            a,
            2,
            actor=[som],
            recipient=[kenmil],
            kind="ASSAULT",
            cameo="190",
            quad=4,
            goldstein=-10.0,
            date="2024-03-04",
            evidence="Somali militants attacked a Kenyan border post",
            trigger="attacked",
            location=loc,
        ),
    ]
    return a


def ids(records: list[dict]) -> list[str]:
    return [r["id"] for r in records]


def kenya_batch(n: int, *, tag: str = "m") -> list[Article]:
    """``n`` copies of the Kenya article, each with its own id (``tag`` and a number) and event ids."""
    arts = []
    for i in range(n):
        a = kenya_article(TEXT + f" {tag}{i}.", article_id=f"{tag}{i:04d}")
        for e in a.events:
            e.id = f"{a.id}-{e.id}"
            e.article_id = a.id
        arts.append(a)
    return arts
