"""Property tests for the coder on short hostile texts: never raises, every span is inside the text and
slices to the text it claims, output is deterministic, and the store round-trips every event exactly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieline.model import Article
from tieline.store import DuckDBStore

pytestmark = pytest.mark.model

CODER = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
WORDS = st.sampled_from(
    [
        "Kenya", "Somalia", "the United States", "China", "NATO", "al-Shabaab", "President Ruto", "Hamas",
        "Israel", "signed", "attacked", "met", "condemned", "threatened to strike", "did not sign", "pledged",
        "a defence pact", "with", "and", "in Nairobi", "near Baidoa", "on Tuesday", "in May 2023", "said",
        "officials", "the ministry", ".", ",", "\"", "'s", "\n", "\n\n", "\t", "\x00", "\u202e", "\u200d",
        "\U0001f600", "\u0301", "\u4e2d\u56fd", "\u0627\u0644\u0635\u0648\u0645\u0627\u0644", "\ufeff",
        "\u2028", "(", ")", "-", "\u2014",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(WORDS, min_size=0, max_size=25).map(" ".join),
    st.lists(WORDS, max_size=15).map("".join),
    st.text(max_size=80),
)


def _spans(d: dict[str, Any]) -> list[dict[str, Any]]:
    out = [d["evidence"], d["evidence"].get("trigger") or {}]
    for side in ("actor", "recipient", "attribution"):
        out.extend(d.get(side) or [])
    if d.get("location"):
        out.append(d["location"])
    return [s for s in out if s]


def check_events(text: str, records: list[dict[str, Any]]) -> None:
    for d in records:
        for span in _spans(d):
            start, end = span["start"], span["end"]
            assert isinstance(start, int) and isinstance(end, int)
            assert 0 <= start <= end <= len(text), (span, len(text))
            assert text[start:end] == span["text"], span
        assert 0.0 <= d["confidence"] <= 1.0
        assert d["quad"] in (0, 1, 2, 3, 4)


@CODER
@given(TEXTS, st.sampled_from([None, "2024-01-24", "1999-12-31"]))
def test_coder_never_raises_spans_are_exact_and_deterministic(pipe: Any, text: str, date: str | None) -> None:
    art = Article.create(text, id="p1", date=dt.date.fromisoformat(date) if date else None)
    first = [e.to_dict() for e in pipe.code(art)]
    check_events(art.text, first)
    again = [e.to_dict() for e in pipe.code(Article.create(text, id="p1", date=art.date))]
    assert again == first
    with DuckDBStore(":memory:") as store:
        store.migrate()
        store.write_articles([art], coder=pipe.version)
        stored = store.events(article_id="p1")
        assert sorted(stored, key=lambda r: r["id"]) == sorted(first, key=lambda r: r["id"])
        assert store.counts()["events"] == len(first)
