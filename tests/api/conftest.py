"""A small store built by hand (no spaCy) and a TestClient over it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tieline.model import Actor, Article, Event, Evidence, Location

TOKEN = "s3cret-token-for-tests-0123456789"

TEXTS = {
    "art-1": "Kenya and Somalia signed a defence pact in Nairobi on Tuesday. Al-Shabaab attacked a base in Somalia.",
    "art-2": "Kenya accused Somalia of border raids. Ethiopia attacked al-Shabaab positions near Baidoa.",
    "art-3": "Kenya and Somalia signed the pact, officials said. <script>alert(1)</script>",
}


def state(text: str, needle: str, iso: str, name: str) -> Actor:
    start = text.index(needle)
    return Actor(needle, start, start + len(needle), name, iso, None, "state", iso)


def group(text: str, needle: str) -> Actor:
    start = text.index(needle)
    return Actor(needle, start, start + len(needle), "al-Shabaab", "SOM", "REB", "armed_group", "SOMREBSHB")


def event(
    aid: str, n: int, date: str, kind: str, cameo: str, quad: int, gold: float, actor: list[Actor],
    recipient: list[Actor], trigger: str, *, sentence: int = 0, modality: str = "asserted", conf: float = 0.8,
    location: Location | None = None,
) -> Event:
    text = TEXTS[aid]
    sentences = [s for s in text.split(". ")]
    s_start = text.index(sentences[sentence])
    s_end = s_start + len(sentences[sentence])
    t = text.index(trigger, s_start)
    return Event(
        id=f"ev-{aid}-{n}",
        article_id=aid,
        date=date,
        event=kind,
        mode="",
        context=[],
        cameo=cameo,
        goldstein=gold,
        quad=quad,
        actor=actor,
        recipient=recipient,
        location=location,
        modality=modality,
        confidence=conf,
        evidence=Evidence(text[s_start:s_end], s_start, s_end, {"text": trigger, "start": t, "end": t + len(trigger)}),
        reason=f"hand-built {kind}",
        coder="test",
    )


def articles() -> list[Article]:
    t1, t2, t3 = TEXTS["art-1"], TEXTS["art-2"], TEXTS["art-3"]
    a1 = Article.create(t1, id="art-1", title="Pact", date="2024-03-05", source="Daily A")
    nairobi = Location("Nairobi", t1.index("Nairobi"), t1.index("Nairobi") + 7, "Nairobi", "city", "KEN", -1.29, 36.82, "city")
    a1.events = [
        event("art-1", 1, "2024-03-05", "AGREE", "057", 1, 8.0,
              [state(t1, "Kenya", "KEN", "Kenya")], [state(t1, "Somalia", "SOM", "Somalia")], "signed",
              location=nairobi),
        event("art-1", 2, "2024-03-04", "ASSAULT", "190", 4, -10.0,
              [group(t1, "Al-Shabaab")], [state(t1, "Somalia", "SOM", "Somalia")], "attacked", sentence=1),
    ]
    a2 = Article.create(t2, id="art-2", title="Raids", date="2024-04-10", source="Daily B")
    a2.events = [
        event("art-2", 1, "2024-04-10", "ACCUSE", "112", 3, -2.0,
              [state(t2, "Kenya", "KEN", "Kenya")], [state(t2, "Somalia", "SOM", "Somalia")], "accused",
              conf=0.4),
        event("art-2", 2, "2024-04-09", "ASSAULT", "190", 4, -10.0,
              [state(t2, "Ethiopia", "ETH", "Ethiopia")], [group(t2, "al-Shabaab")], "attacked", sentence=1),
    ]
    a3 = Article.create(t3, id="art-3", title="<b>Pact</b> again", date="2024-03-06", source="Daily B")
    a3.events = [
        event("art-3", 1, "2024-03-06", "AGREE", "057", 1, 8.0,
              [state(t3, "Kenya", "KEN", "Kenya")], [state(t3, "Somalia", "SOM", "Somalia")], "signed",
              modality="pledged"),
    ]
    return [a1, a2, a3]


@pytest.fixture()
def store() -> Iterator[Any]:
    from tieline.store import open_store

    with open_store(":memory:") as s:
        s.write_articles(articles(), coder="test")
        yield s


def _client(store: Any, **config: Any) -> Any:
    from fastapi.testclient import TestClient

    from tieline.api import DeskConfig, create_app

    return TestClient(create_app(store, config=DeskConfig(**config)), raise_server_exceptions=False)


@pytest.fixture()
def make_client(store: Any) -> Any:
    """A client factory with DeskConfig options (e.g. cors_origins)."""
    return lambda **config: _client(store, **config)


@pytest.fixture()
def token() -> str:
    return TOKEN


@pytest.fixture()
def client(store: Any) -> Any:
    """Read-only: no token configured."""
    return _client(store, max_page=10)


@pytest.fixture()
def writer(store: Any, pipe: Any) -> Any:
    """A token is configured; writes use the real pipeline."""
    from fastapi.testclient import TestClient

    from tieline.api import DeskConfig, create_app

    app = create_app(store, config=DeskConfig(token=TOKEN, max_body_bytes=20_000, max_batch=5),
                     pipeline_factory=lambda: pipe)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def tokened(store: Any) -> Any:
    """A token is configured; for auth failures (no pipeline needed)."""
    return _client(store, token=TOKEN, max_body_bytes=2_000)
