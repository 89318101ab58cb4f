"""The recogniser's phrase index finds what a plain scan of every word start finds (it only skips work)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest

from tieline.bench import generate_corpus
from tieline.entities.recognizer import EntityRecognizer, _PhraseIndex

_WORD_START = re.compile(r"(?<![\w-])[\w\"'“(]")


def plain_finditer(phrases: Iterable[str], text: str) -> list[tuple[int, int, str]]:
    """The reference: at every word start, the phrases sharing its first two characters, longest first."""
    by_key: dict[str, list[str]] = {}
    for p in sorted(set(phrases), key=len, reverse=True):
        if len(p) >= 2:
            by_key.setdefault(p[:2], []).append(p)
    out, last = [], 0
    for m in _WORD_START.finditer(text):
        pos = m.start()
        if pos < last:
            continue
        for p in by_key.get(text[pos : pos + 2], ()):
            end = pos + len(p)
            if text.startswith(p, pos) and (
                end == len(text) or not (text[end].isalnum() or text[end] == "_")
            ):
                out.append((pos, end, p))
                last = end
                break
    return out


PHRASES = ["US", "USS Carney", "U.S.", "Su-35", "Su-35S", "Kenya", "Kenya Defence Forces", "(DRC)", '"Hornet"',
           "'Ndrangheta", "Ab", "Abc", "Abc Def", "Écija", "x", "Al Qaeda", "Al-Shabaab", "Al"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "The USS Carney met US and U.S. ships; Su-35S and Su-35s flew over Kenya Defence Forces bases.",
        '("Hornet") and "Hornet"s, (DRC) and the-DRC, Abc Def, Abcd, Abc_, Abc Defg, Écija, xAb Ab',
        "Al-Shabaab and Al Qaeda; Al, Alx Al_ Al-Qaeda 'Ndrangheta",
        "", "A", "Ab", "US",
    ],
)  # fmt: skip
def test_matches_the_plain_scan_on_edge_cases(text: str) -> None:
    assert list(_PhraseIndex(PHRASES).finditer(text)) == plain_finditer(PHRASES, text)


def test_matches_the_plain_scan_on_random_texts() -> None:
    rng = random.Random(7)
    alphabet = [
        "Ab",
        "Abc",
        " ",
        "-",
        "_",
        "Def",
        "US",
        ".",
        "S",
        "(",
        '"',
        "Al",
        "Qaeda",
        "é",
        "Écija",
        "\n",
    ]
    index = _PhraseIndex(PHRASES)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert list(index.finditer(text)) == plain_finditer(PHRASES, text), text


def test_the_recognisers_indexes_match_the_plain_scan_on_news_text() -> None:
    rec = EntityRecognizer.load()
    texts = [a.text for a in generate_corpus(5, seed=2)]
    texts.append("The Hamas-led attack near Gaza's border: Hezbollah, Da'esh and the Kenya Defence Forces.")
    found = 0
    for phrases in (rec._alias, rec._named, rec._kb_alias):
        index = _PhraseIndex(phrases)
        for text in texts:
            got = list(index.finditer(text))
            assert got == plain_finditer(phrases, text)
            found += len(got)
    assert found > 50


def plain_kb_hits(rec: EntityRecognizer, text: str) -> list[tuple[int, int, str, str | None]]:
    """The reference for the knowledge-base pass: names as written, then with inner apostrophes cut out,
    mapped back character by character."""
    out, seen = [], set()
    for start, end, alias in plain_finditer(rec._kb_alias, text):
        out.append((start, end, rec._kb_alias[alias][0], rec._kb_alias[alias][1]))
        seen.add(start)
    if re.search(r"\w['’]\w", text):
        keep = [k for k, ch in enumerate(text) if not (ch in "'’" and 0 < k < len(text) - 1
                and text[k - 1].isalnum() and text[k + 1].isalnum())]  # fmt: skip
        folded = "".join(text[k] for k in keep)
        for start, end, alias in plain_finditer(rec._kb_alias, folded):
            s0, s1 = keep[start], keep[end - 1] + 1
            if s0 not in seen and s1 - s0 != end - start:
                out.append((s0, s1, rec._kb_alias[alias][0], rec._kb_alias[alias][1]))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Da’esh and Da'esh fighters met Hezbollah's envoy; Ha'mas, Hez'bollah, Kenya's and Somalia’s troops.",
        "'Daesh' ’Kenya’ a'’b Da''esh _'s x'y'z Al-Qa'ida Al Qa’ida Nige'ria",
        "no apostrophe here, Kenya and Somalia", "'", "a'b",
    ],
)  # fmt: skip
def test_kb_hits_match_the_character_by_character_fold(text: str) -> None:
    rec = EntityRecognizer.load()
    got = [(c.start, c.end, c.label, c.entity_id) for c in rec._kb_hits(text)]
    assert got == plain_kb_hits(rec, text)
