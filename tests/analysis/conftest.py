"""Fixtures for the analysis tests; the event builders are in ``analysis_kit``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tieline.store import Store, open_store


@pytest.fixture
def memory_store() -> Iterator[Store]:
    """An empty DuckDB store in memory."""
    with open_store(":memory:") as s:
        yield s
