"""A generated hostile corpus goes through reading, coding and the store: each input ends as a skip
record with a clear reason or as a correctly coded article; the good articles in the same batch are
processed; the secret behind an external entity never leaks; memory stays bounded."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

import psutil
import pytest
from hostile_kit import SECRET, build_corpus

from tieline.errors import SKIP_CODES
from tieline.ingest import read_paths
from tieline.model import Article, SkipRecord
from tieline.store import DuckDBStore

pytestmark = pytest.mark.model

DATE = dt.date(2024, 1, 24)


def _case_of(name: str) -> str:
    """The corpus file an item came from (``records.jsonl:3`` / ``crawl.warc#uri`` / ``x.rss[0]``)."""
    for sep in (":", "#", "[", "@"):
        name = name.split(sep)[0]
    return name


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[Any], list[Article | SkipRecord], int]:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    cases = build_corpus(folder)
    proc = psutil.Process()
    before = proc.memory_info().rss
    items = list(read_paths([folder], default_date=DATE))
    growth = proc.memory_info().rss - before
    return folder, cases, items, growth


def _by_case(folder: Path, items: list[Article | SkipRecord]) -> dict[str, list[Article | SkipRecord]]:
    out: dict[str, list[Article | SkipRecord]] = defaultdict(list)
    for it in items:
        where = it.source if isinstance(it, SkipRecord) else (it.path or "")
        out[_case_of(where.removeprefix(str(folder) + "/"))].append(it)
    return out


def test_every_hostile_input_has_an_acceptable_outcome(corpus: Any) -> None:
    folder, cases, items, _ = corpus
    got = _by_case(folder, items)
    assert set(got) == {c.name for c in cases}, "every file yields something, nothing else appears"
    for case in cases:
        for it in got[case.name]:
            outcome = it.reason if isinstance(it, SkipRecord) else "article"
            assert outcome in case.outcomes, f"{case.name} ({case.what}): got {outcome}: {it}"
            if isinstance(it, SkipRecord):
                assert it.code == SKIP_CODES[it.reason]
                assert it.detail.strip(), f"{case.name}: a skip needs a clear detail"
                assert "\n" not in it.detail
            else:
                assert it.text.strip() and it.text == it.text.strip()
                assert "\x00" not in it.text and "\x07" not in it.text


def test_specific_outcomes(corpus: Any) -> None:
    folder, _cases, items, _ = corpus
    got = _by_case(folder, items)

    def reasons(name: str) -> list[str]:
        return [it.reason if isinstance(it, SkipRecord) else "article" for it in got[name]]

    assert reasons("big_50mb.txt") == ["too_large"]
    assert reasons("bin_png.txt") == ["binary"]
    assert reasons("utf16_nobom.txt") == ["binary"]
    assert reasons("utf16_badbom.txt") == ["undecodable"]
    assert reasons("crawl.warc") == ["article", "unreadable"]
    warc_skip = got["crawl.warc"][1]
    assert isinstance(warc_skip, SkipRecord) and "truncated" in warc_skip.detail
    # JSONL: each of the 16 lines has its own outcome, good lines are kept
    jl = got["records.jsonl"]
    assert len(jl) == 16
    kept = sorted(it.id for it in jl if isinstance(it, Article))
    assert kept == ["dup2", "nan", "nul", "ok-1", "ok-2", "t-date"]
    bad_date = next(it for it in jl if isinstance(it, Article) and it.id == "t-date")
    assert bad_date.date is None and bad_date.meta["warnings"]
    nested = [it for it in jl if isinstance(it, SkipRecord) and it.source.endswith(":10")]
    assert nested and nested[0].reason == "bad_json"
    assert (
        sum(isinstance(it, Article) for it in got["good_0.txt"] + got["good_1.txt"] + got["good_2.txt"]) == 3
    )


def test_entities_are_not_expanded_and_local_files_do_not_leak(corpus: Any) -> None:
    folder, _cases, items, _ = corpus
    for it in items:
        text = it.text if isinstance(it, Article) else it.detail
        assert SECRET not in text
        assert len(text) < 200_000, "an entity bomb must not expand"
    bomb = _by_case(folder, items)["bomb.rss"]
    assert all(len(it.text) < 1000 for it in bomb if isinstance(it, Article))


def test_memory_stays_bounded_while_reading(corpus: Any) -> None:
    folder, _cases, _items, first_growth = corpus
    # first pass pays for imports (trafilatura, lxml, feedparser, warcio): generous bound
    assert first_growth < 400 * 2**20, f"RSS grew {first_growth / 2**20:.0f} MB reading the corpus"
    proc = psutil.Process()
    before = proc.memory_info().rss
    for _ in range(3):
        for _it in read_paths([folder], default_date=DATE):
            pass
    again = proc.memory_info().rss - before
    assert again < 150 * 2**20, f"RSS grew {again / 2**20:.0f} MB on three more passes (a leak?)"


def test_the_batch_is_coded_and_stored(corpus: Any, pipe: Any) -> None:
    _folder, _cases, items, _ = corpus
    articles = [it for it in items if isinstance(it, Article)]
    skips = [it for it in items if isinstance(it, SkipRecord)]
    proc = psutil.Process()
    before = proc.memory_info().rss
    coded = list(pipe.process(iter(articles), date=DATE))
    growth = proc.memory_info().rss - before
    assert growth < 800 * 2**20, f"RSS grew {growth / 2**20:.0f} MB coding the batch"
    assert [a.id for a in coded] == [a.id for a in articles], "every article comes out, in order"
    for art in coded:
        for ev in art.events:
            d = ev.to_dict()
            assert art.text[d["evidence"]["start"] : d["evidence"]["end"]] == d["evidence"]["text"]
            trig = d["evidence"]["trigger"]
            assert art.text[trig["start"] : trig["end"]] == trig["text"]
            for side in ("actor", "recipient"):
                for a in d[side]:
                    assert art.text[a["start"] : a["end"]] == a["text"]
    good = [a for a in coded if (a.path or "").endswith(("good_0.txt", "ok-1"))]
    assert good and all(any(e.event == "AGREE" for e in a.events) for a in good), "good articles still code"
    with DuckDBStore(":memory:") as store:
        store.migrate()
        res = store.write_articles(coded, coder=pipe.version)
        store.write_skips(skips, run_id="hostile")
        counts = store.counts()
    unique = {a.id for a in coded}
    assert counts["articles"] == len(unique)
    assert counts["skips"] == len(skips)
    assert counts["events"] == res.events_written
