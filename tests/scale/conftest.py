"""Fixtures for the scale tests (helpers in ``scale_kit``)."""

from __future__ import annotations

import pytest
from scale_kit import small_articles

from tieline.model import Article


@pytest.fixture(scope="session")
def corpus() -> list[Article]:
    return small_articles(8)
