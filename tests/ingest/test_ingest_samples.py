"""Tests for the packaged sample articles and their index."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest

from tieline.errors import DataFileError
from tieline.ingest.samples import SAMPLES_DIR, _check_index, load_sample_index, sample_articles

WEEKDAY = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
DATELINE = re.compile(r"^([A-Z][A-Z /]+), ([A-Z][a-z]+\.?) (\d{1,2}) \(tieline sample\) — ")
MONTHS = {
    "Jan": 1, "Feb": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "Aug": 8,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip


def raw_sample(name: str) -> str:
    return (resources.files("tieline") / SAMPLES_DIR / name).read_text(encoding="utf-8")


def test_ten_samples_load_with_index_metadata() -> None:
    articles = sample_articles()
    assert len(articles) == 11
    assert len({a.id for a in articles}) == 11
    index = load_sample_index()
    assert [a.id for a in articles] == [e.id for e in index]
    assert len({e.topic for e in index}) == 11
    for article, entry in zip(articles, index, strict=True):
        assert article.date == entry.date
        assert dt.date(2023, 1, 1) <= article.date <= dt.date(2025, 12, 31)
        assert article.source == "tieline samples"
        assert article.title and len(article.title) <= 200
        assert article.path is not None and article.path.endswith(entry.file)
        words = len(article.text.split())
        assert 200 <= words <= 800, (entry.file, words)


def test_samples_are_fresh_objects() -> None:
    first, second = sample_articles(), sample_articles()
    first[0].meta["touched"] = True
    assert "touched" not in second[0].meta


def test_sample_datelines_match_index_dates() -> None:
    for article in sample_articles():
        m = DATELINE.match(article.text)
        assert m, article.text[:80]
        month = MONTHS[m.group(2).rstrip(".")]
        assert article.date is not None
        assert (month, int(m.group(3))) == (article.date.month, article.date.day), article.id


def test_samples_have_relative_dates_and_reported_speech() -> None:
    articles = sample_articles()
    for article in articles:
        assert WEEKDAY.search(article.text), article.id
        assert " said " in article.text, article.id
    with_past_year = [a for a in articles if re.search(r"\b(19[89]\d|20[01]\d|202[0-2])\b", a.text)]
    assert len(with_past_year) >= 2


def test_boilerplate_in_two_raw_files_is_removed_on_load() -> None:
    names = [e.file for e in load_sample_index()]
    with_boilerplate = [
        n
        for n in names
        if re.search(r"^Advertisement$", raw_sample(n), re.M) and "\nRead more: " in raw_sample(n)
    ]
    assert len(with_boilerplate) == 2
    by_file = {e.file: a for e, a in zip(load_sample_index(), sample_articles(), strict=True)}
    for name in with_boilerplate:
        text = by_file[name].text
        assert not re.search(r"^Advertisement$", text, re.M)
        assert "Read more" not in text
        assert "\n\n\n" not in text


def test_samples_avoid_the_seed_article_topic() -> None:
    for article in sample_articles():
        assert not ("Kenya" in article.text and "Pentagon" in article.text), article.id


def test_index_schema_errors() -> None:
    good = {"file": "a.txt", "id": "x", "date": "2024-01-01", "source": "s", "topic": "t"}
    assert _check_index({"version": 1, "articles": [good]}, "idx")[0].date == dt.date(2024, 1, 1)
    cases = [
        ({"articles": [good]}, "version"),
        ({"version": 1, "articles": []}, "non-empty list"),
        ({"version": 1, "articles": [{**good, "date": "March"}]}, r"articles\[0\].*date"),
        ({"version": 1, "articles": [{k: v for k, v in good.items() if k != "topic"}]}, "missing keys"),
        ({"version": 1, "articles": [{**good, "extra": 1}]}, "unknown keys"),
        ({"version": 1, "articles": [good, {**good, "file": "b.txt"}]}, "duplicate id"),
        ({"version": 1, "articles": [{**good, "id": 3}]}, "'id' must be"),
    ]
    for data, pattern in cases:
        with pytest.raises(DataFileError, match=pattern):
            _check_index(data, "idx")
