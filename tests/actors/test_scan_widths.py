"""The actor scan's pruned search for alias stretches (``Resolver._widths``) finds exactly the widths that
trying every width finds: the pruning only skips stretches whose key cannot be an alias key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tieline.actors.resolver import norm_key
from tieline.model import Article

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "tieline" / "data" / "samples"

# Stretches that reach the pruning's exceptions: a bare "the" before a name, dashes with and without spaces
# (norm_key closes them up), possessives with and without a space, double spaces (spaCy's whitespace tokens),
# accents and curly quotes, line breaks inside a name, and long names of many words.
EDGES = (
    "The the Pentagon said al - Shabaab and al-Shabaab and Al–Shabaab, al — Shabaab struck. Kenya 's troops and "
    "Kenya's Defence Forces and the Kenya Defence Forces' bases, the Democratic Republic of the Congo and the "
    "Democratic  Republic of  the Congo, the United  States and the United\nStates, Bogotá and Bogota, "
    "Côte d’Ivoire and Cote d'Ivoire, the U.S. and the US Navy's Fifth Fleet, the Islamic Revolutionary Guard "
    "Corps - Quds Force, the North Atlantic Treaty Organization's Secretary-General, the Houthis' drones, "
    "the - the African Union, the Hague, The Hague, the Republic of Korea, South Korea ' s navy, the '. "
    "ISIS - Khorasan and ISIS -Somalia and Porto - Novo, G - 20 and Nur- Sultan; Tirana  said, Luanda   and "
    "Albania \u2003and Algiers \t sent envoys."
)


def _brute(res, toks, text: str, i: int) -> list[int]:
    """Every width from token ``i`` whose key is an alias key and that crosses no line break (the scan's
    search before the pruning)."""
    t, out = toks[i], []
    nl = text.find("\n", t.start)
    for width in range(1, min(res._max_len, len(toks) - i) + 1):
        last = toks[i + width - 1]
        if 0 <= nl < last.end:
            continue
        if norm_key(text[t.start : last.end]) in res._index:
            out.append(width)
    return out


def _check(pipe, texts: list[str]) -> tuple[int, int]:
    res = pipe.coder.resolver
    starts = found = 0
    for text in texts:
        article = pipe.nlp.parse(Article.create(text))
        toks = article.tokens
        for i in range(len(toks)):
            want = _brute(res, toks, text, i)
            assert res._widths(toks, text, i) == want, (text[toks[i].start : toks[i].start + 60], i)
            starts += 1
            found += bool(want)
    return starts, found


def test_widths_match_trying_every_width_on_edge_cases(pipe) -> None:
    starts, found = _check(pipe, [EDGES, "", "the", "Kenya", "Kenya 's", "al -", "- Shabaab"])
    assert starts > 120 and found > 30  # the text does reach aliases


def test_widths_match_trying_every_width_on_the_samples(pipe) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    starts, found = _check(pipe, texts)
    assert starts > 3000 and found > 300


def test_widths_match_trying_every_width_on_shared_eval(pipe, shared: Path) -> None:
    path = shared / "eval" / "re3d_dev_documents.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    texts = [
        json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    starts, found = _check(pipe, texts[:40])
    assert starts > 5000 and found > 500
