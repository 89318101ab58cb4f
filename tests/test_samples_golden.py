"""Golden test: the events of the project's own sample articles. After a deliberate change to patterns or the
coder, review the difference and refresh with `.venv/bin/python tests/golden_samples.py`."""

from __future__ import annotations

from typing import Any

import pytest

from golden_samples import read, summarise

pytestmark = pytest.mark.model


def test_sample_events_match_golden(pipe: Any) -> None:
    got = summarise(pipe)
    want = read()
    key = lambda r: (r["article"], r["at"], r["cameo"])  # noqa: E731
    got_keys = {key(r): r for r in got}
    want_keys = {key(r): r for r in want}
    missing = [want_keys[k] for k in want_keys.keys() - got_keys.keys()]
    extra = [got_keys[k] for k in got_keys.keys() - want_keys.keys()]
    changed = [
        (want_keys[k], got_keys[k]) for k in want_keys.keys() & got_keys.keys() if want_keys[k] != got_keys[k]
    ]
    assert not missing and not extra and not changed, (missing[:5], extra[:5], changed[:5])


def test_every_sample_has_events_and_a_dyad(pipe: Any) -> None:
    rows = summarise(pipe)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    assert len(by_article) == 11
    for article, events in by_article.items():
        assert any(r["actor"] and r["recipient"] for r in events), article
