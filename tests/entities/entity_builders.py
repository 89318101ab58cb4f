"""Hand-built parsed articles for the entity tests (no spaCy model needed)."""

from __future__ import annotations

from collections.abc import Sequence

from tieline.model import Actor, Article, Event, Evidence, Mention, Sentence, Token

# a token: (text, pos, dep, head index) or (text, pos, dep, head index, tag, lemma)
Tok = tuple[str, str, str, int] | tuple[str, str, str, int, str, str]

_TAGS = {"NOUN": "NN", "PROPN": "NNP", "VERB": "VBD", "DET": "DT", "ADJ": "JJ", "ADP": "IN", "PUNCT": ".",
         "PRON": "PRP", "NUM": "CD", "CCONJ": "CC", "ADV": "RB", "AUX": "VBD", "PART": "RP"}  # fmt: skip


def article(toks: Sequence[Tok], ner: Sequence[tuple[int, int, str]] = (), *, id: str = "t1") -> Article:
    """An article of one sentence from token specs; ``ner`` = (first token, token after last, label)."""
    parts: list[str] = []
    tokens: list[Token] = []
    pos_char = 0
    for i, spec in enumerate(toks):
        text, pos, dep, head = spec[0], spec[1], spec[2], spec[3]
        tag = spec[4] if len(spec) > 4 else _TAGS.get(pos, "XX")  # type: ignore[misc]
        lemma = spec[5] if len(spec) > 5 else text.lower()  # type: ignore[misc]
        if i and pos != "PUNCT":
            parts.append(" ")
            pos_char += 1
        tokens.append(Token(i=i, start=pos_char, end=pos_char + len(text), text=text, lemma=lemma, pos=pos,
                            tag=tag, dep=dep, head=head))  # fmt: skip
        parts.append(text)
        pos_char += len(text)
    text = "".join(parts)
    a = Article.create(text, id=id)
    a.tokens = tokens
    a.sentences = [Sentence(start=0, end=len(text), tok_start=0, tok_end=len(tokens))]
    a.mentions = [
        Mention(start=tokens[s].start, end=tokens[e - 1].end, text=text[tokens[s].start : tokens[e - 1].end],
                label=label)
        for s, e, label in ner
    ]  # fmt: skip
    return a


def actor(text: str, full: str) -> Actor:
    start = full.index(text)
    return Actor(text=text, start=start, end=start + len(text), name=text, country=None, sector=None,
                 kind="state", code="XXX")  # fmt: skip


def event(text: str, plover: str, trigger: str, *, sentence: tuple[int, int] | None = None,
          actors: Sequence[str] = (), recipients: Sequence[str] = ()) -> Event:  # fmt: skip
    s0, s1 = sentence or (0, len(text))
    t0 = text.index(trigger, s0)
    return Event(
        id=f"e-{plover}-{t0}", article_id="t1", date="2024-01-24", event=plover, mode="", context=[], cameo="000",
        goldstein=0.0, quad=1, actor=[actor(a, text) for a in actors], recipient=[actor(r, text) for r in recipients],
        location=None, modality="asserted", confidence=0.5,
        evidence=Evidence(text=text[s0:s1], start=s0, end=s1,
                          trigger={"text": trigger, "start": t0, "end": t0 + len(trigger)}),
        reason="", coder="test",
    )  # fmt: skip


def mention(text: str, full: str, label: str, entity_id: str | None = None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = full.index(text, start + 1)
    return Mention(
        start=start, end=start + len(text), text=text, label=label, source="pattern", entity_id=entity_id
    )
