"""``nlp.parse_doc`` reads the token attributes as one array: the records are those of spaCy's own ``Token``s."""

from __future__ import annotations

import json

import pytest

from tieline.bench import make_article
from tieline.model import Article, Token
from tieline.nlp import parse_doc


def _plain_tokens(doc) -> list[Token]:
    """The per-token recipe the array version replaces (spaCy's ``Token`` properties, one by one)."""
    out = []
    for t in doc:
        out.append(
            Token(
                i=t.i, start=t.idx, end=t.idx + len(t.text), text=t.text, lemma=t.lemma_, pos=t.pos_, tag=t.tag_,
                dep=t.dep_, head=t.head.i, ent_type=t.ent_type_, ent_iob=t.ent_iob_, ws=bool(t.whitespace_),
            )
        )  # fmt: skip
    return out


TEXTS = [
    "",
    " ",
    "Kenya and Somalia signed a defence pact on Tuesday.",
    "  Leading spaces,\n\nline breaks\tand tabs   and trailing space ",
    "NAIROBI, June 22 (Reuters) — Kenya's President said: \"We won't\" — then left.\n",
    "Café ‘déjà vu’ in Zürich; 3.5 km² … emoji 🙂 and Ukraine’s forces crossed the Dnipro.",
]


@pytest.mark.parametrize("text", TEXTS + [make_article(i).text for i in range(3)])
def test_array_records_equal_the_token_properties(pipe, text):
    doc = pipe.nlp.nlp(text)
    article = parse_doc(doc, Article.create(text, id="x"))
    assert article.tokens == _plain_tokens(doc)
    assert "".join(t.text + (" " if t.ws else "") for t in article.tokens) == text


def test_eval_documents(pipe, shared):
    path = shared / "eval" / "re3d_dev_documents.jsonl"
    if not path.exists():
        pytest.skip("re3d dev documents absent")
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:30]
    for doc, text in zip(pipe.nlp.nlp.pipe(texts), texts, strict=True):
        assert parse_doc(doc, Article.create(text, id="x")).tokens == _plain_tokens(doc)
