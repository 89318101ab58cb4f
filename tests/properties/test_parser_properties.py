"""Property tests for every parser: never raises on any input, output is deterministic, and the text
invariants hold (cleaned text has no control characters, no CR, no leading/trailing blanks)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieline.errors import SKIP_CODES
from tieline.events.dates import resolve_date
from tieline.ingest import read_paths
from tieline.ingest.clean import clean_text, decode_bytes_with_reason
from tieline.ingest.readers import parse_date, read_html, read_json, read_jsonl, read_text, record_to_article
from tieline.model import Article, SkipRecord

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news text and of hostile text, mixed with arbitrary characters.
PIECES = st.sampled_from(
    [
        "Kenya", "Somalia", "signed", "a pact", "on Tuesday", "last week", "in March 2023", "2024-02-30",
        "\n", "\n\n", "\r\n", "\r", "\t", " ", "\x00", "\x07", "\x1b", "\x7f", "\ufeff", "\u2028", "\u0085",
        "\u202e", "\u200d", "\U0001f600", "\u0301", "\u4e2d\u56fd", "\u0643\u064a\u0646\u064a\u0627",
        "Advertisement", "Share this article", "<p>", "</p>", "<div>", "&amp;", "&#0;", "<script>", "\"",
        ".", "?", "# ", "\ud7ff", "\U0010ffff",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join),
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
RECORDS = st.one_of(
    JSON_VALUES,
    st.fixed_dictionaries(
        {"text": TEXTS},
        optional={
            "id": st.one_of(
                st.text(max_size=10), st.integers(), st.booleans(), st.none(), st.lists(st.integers())
            ),
            "title": st.one_of(TEXTS, st.integers(), st.none()),
            "date": st.one_of(st.text(max_size=25), st.dates().map(str), st.integers(), st.none()),
            "url": st.one_of(st.text(max_size=20), st.none()),
            "source": st.one_of(st.text(max_size=20), st.floats()),
            "extra": JSON_VALUES,
        },
    ),
)


def _check_article_or_skip(item: Article | SkipRecord) -> None:
    if isinstance(item, SkipRecord):
        assert item.reason in SKIP_CODES and item.code == SKIP_CODES[item.reason]
        assert isinstance(item.detail, str)
        return
    assert isinstance(item, Article)
    assert item.text.strip() and item.text == item.text.rstrip()  # a body after a title may keep an indent
    assert not CONTROL.search(item.text) and "\r" not in item.text
    assert item.id
    assert item.title is None or "\n" not in item.title


def _key(item: Article | SkipRecord) -> Any:
    if isinstance(item, SkipRecord):
        return ("skip", item.source, item.reason, item.detail)
    return ("article", item.id, item.text, item.title, item.date, item.url, item.source, item.path)


@FAST
@given(TEXTS)
def test_clean_text_is_total_idempotent_and_clean(text: str) -> None:
    out = clean_text(text)
    assert out == clean_text(text)
    assert clean_text(out) == out
    assert not CONTROL.search(out) and "\r" not in out and "\n\n\n" not in out
    assert out == out.strip()


@FAST
@given(st.binary(max_size=400) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decode_and_read_text_never_raise_on_bytes(data: bytes) -> None:
    text, reason = decode_bytes_with_reason(data)
    assert (text is None) == bool(reason)
    assert reason in ("", "binary", "undecodable")
    item = read_text(data, source="prop.txt")
    _check_article_or_skip(item)
    assert _key(item) == _key(read_text(data, source="prop.txt"))


@FAST
@given(TEXTS, st.none() | st.dates())
def test_read_text_on_any_string(text: str, date: dt.date | None) -> None:
    item = read_text(text, source="prop.txt", default_date=date)
    _check_article_or_skip(item)
    if isinstance(item, Article):
        assert item.date == date
        assert item.text in clean_text(text)


@FAST
@given(RECORDS)
def test_record_to_article_on_any_json_value(rec: Any) -> None:
    item = record_to_article(rec, source="prop:1")
    _check_article_or_skip(item)
    assert _key(item) == _key(record_to_article(rec, source="prop:1"))
    if (
        isinstance(item, Article)
        and isinstance(rec, dict)
        and isinstance(rec.get("id"), str)
        and rec["id"].strip()
    ):
        assert item.id == rec["id"].strip()


@FAST
@given(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.dates(), st.datetimes()))
def test_parse_date_returns_a_date_or_value_error(value: Any) -> None:
    try:
        got = parse_date(value)
    except ValueError:
        return
    assert got is None or (isinstance(got, dt.date) and not isinstance(got, dt.datetime))


@FAST
@given(TEXTS, st.none() | st.dates(min_value=dt.date(1, 3, 1), max_value=dt.date(9998, 10, 1)))
def test_resolve_date_never_raises_and_is_deterministic(text: str, ref: dt.date | None) -> None:
    got = resolve_date(text, ref)
    assert got == resolve_date(text, ref)
    if got is not None:
        assert isinstance(got.date, dt.date) and got.precision in ("day", "month", "year")


@SLOW
@given(
    st.lists(
        st.one_of(
            JSON_VALUES.map(json.dumps),
            st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
            TEXTS.map(lambda t: t.replace("\n", " ")),
        ),
        max_size=8,
    )
)
def test_read_jsonl_one_outcome_per_nonblank_line(tmp_path_factory: Any, lines: list[str]) -> None:
    p: Path = tmp_path_factory.mktemp("jl") / "x.jsonl"
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    p.write_bytes(data)
    items = list(read_jsonl(p))
    for item in items:
        _check_article_or_skip(item)
    expected = 0
    for raw in data.split(b"\n"):
        try:
            expected += bool(raw.decode("utf-8").strip())
        except UnicodeDecodeError:
            expected += 1
    assert len(items) == (expected or 1), "one article or skip record per non-blank line"
    assert [_key(i) for i in items] == [_key(i) for i in read_jsonl(p)]


@SLOW
@given(st.binary(max_size=300) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_read_json_never_raises(data: bytes) -> None:
    items = list(read_json(data, source="x.json"))
    assert items
    for item in items:
        _check_article_or_skip(item)


HTML = st.lists(
    st.one_of(
        PIECES,
        st.sampled_from(
            [
                "<html>",
                "<body>",
                "<article>",
                "</article>",
                "<title>",
                "</title>",
                "<meta charset=x>",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "<table><tr><td>",
                "<time datetime='2024-99-99'>",
                "<p>Kenya and Somalia signed a defence pact in Nairobi on Tuesday, officials said.</p>",
            ]
        ),
    ),
    max_size=40,
).map("".join)


@SLOW
@given(HTML | st.text(max_size=200))
def test_read_html_never_raises_and_is_deterministic(html: str) -> None:
    item = read_html(html, source="x.html")
    _check_article_or_skip(item)
    assert _key(item) == _key(read_html(html, source="x.html"))
    data = html.encode("utf-8", "surrogatepass")
    _check_article_or_skip(read_html(data, source="x.html"))


@SLOW
@given(
    st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".rss", ".xml", ".warc", ".csv", ""]),
    st.binary(max_size=300) | HTML.map(lambda t: t.encode("utf-8", "surrogatepass")),
)
def test_read_paths_any_file_any_extension(tmp_path_factory: Any, ext: str, data: bytes) -> None:
    p: Path = tmp_path_factory.mktemp("any") / f"input{ext}"
    p.write_bytes(data)
    items = list(read_paths([p]))
    assert items, "every file yields at least one article or skip record"
    for item in items:
        _check_article_or_skip(item)


def test_an_empty_warc_file_yields_a_skip_record(tmp_path: Path) -> None:
    p = tmp_path / "empty.warc"
    p.write_bytes(b"")
    assert list(read_paths([p])), "an empty .warc disappears from the run without a skip record"
