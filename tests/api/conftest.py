"""A small store built by hand (no spaCy) and a TestClient over it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_kit import TOKEN, articles


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

    app = create_app(
        store,
        config=DeskConfig(token=TOKEN, max_body_bytes=20_000, max_batch=5),
        pipeline_factory=lambda: pipe,
    )
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def tokened(store: Any) -> Any:
    """A token is configured; for auth failures (no pipeline needed)."""
    return _client(store, token=TOKEN, max_body_bytes=2_000)
