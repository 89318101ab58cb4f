"""Read-only helpers over an article's dependency parse (tieline's own Token records).

Kept free of spaCy so that the resolver and coder can be tested on hand-built parses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .model import Article, Token

__all__ = ["Tree"]

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# entity labels of names that can be listed as parties ("The US, Russia, and Switzerland")
LIST_NAMES = frozenset({"GPE", "ORG", "NORP"})
NP_SKIP = frozenset({"relcl", "acl", "punct", "cc", "conj", "appos", "prep", "advcl", "ccomp", "xcomp"})
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "him",
        "her",
        "his",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "we",
        "our",
        "us",
    }
)


@dataclass
class Tree:
    """Children lists and navigation over one article's tokens."""

    tokens: Sequence[Token]
    children: list[list[int]] = field(default_factory=list)
    sent_of: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, article: Article) -> Tree:
        toks = article.tokens
        children: list[list[int]] = [[] for _ in toks]
        for t in toks:
            if t.head != t.i:
                children[t.head].append(t.i)
        sent_of = [0] * len(toks)
        for si, s in enumerate(article.sentences):
            for i in range(s.tok_start, min(s.tok_end, len(toks))):
                sent_of[i] = si
        return cls(tokens=toks, children=children, sent_of=sent_of)

    # -- navigation -------------------------------------------------------------------------
    def kids(self, i: int, *deps: str) -> list[Token]:
        toks = self.tokens
        if not deps:
            return [toks[c] for c in self.children[i]]
        return [toks[c] for c in self.children[i] if toks[c].dep in deps]

    def kid(self, i: int, *deps: str) -> Token | None:
        for c in self.children[i]:
            if self.tokens[c].dep in deps:
                return self.tokens[c]
        return None

    def head(self, i: int) -> Token | None:
        t = self.tokens[i]
        return None if t.head == i else self.tokens[t.head]

    def ancestors(self, i: int) -> Iterator[Token]:
        seen = {i}
        t = self.tokens[i]
        while t.head != t.i and t.head not in seen:
            seen.add(t.head)
            t = self.tokens[t.head]
            yield t

    def subtree(self, i: int) -> list[int]:
        out = [i]
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                out.append(c)
                stack.append(c)
        out.sort()
        return out

    def conjuncts(self, i: int) -> list[int]:
        """The token and every token coordinated with it (``X, Y and Z``), in order.

        A list of names the parser splits is one coordination too: "The US, Russia, and Switzerland met" with
        "Russia" as an apposition of "US" and "Switzerland" its conjunct, or "The EU, Russia, and China condemned"
        with "China" as a second subject of the verb after the first subject's "and" (see ``_list_members``)."""
        out = [i]
        stack = [i]
        while stack:
            j = stack.pop()
            listed = self._list_members(j)
            for c in [*self.children[j], *listed]:
                if c not in out and (self.tokens[c].dep == "conj" or c in listed):
                    out.append(c)
                    stack.append(c)
        out.sort()
        return out

    def _list_members(self, j: int) -> list[int]:
        """Names the parser hung on name ``j`` as an apposition, or beside it as a second subject, where the
        words are a list ("X, Y, and Z"): the apposition is a name of the same kind set off by a comma and the
        list has its "and"/"or" (on ``j`` or on the apposition); the second subject directly follows ``j``'s
        own "and"/"or". An apposition that describes ("Kofi Annan, UN secretary-general") has no "and"."""
        toks = self.tokens
        t = toks[j]
        if t.pos != "PROPN" or t.ent_type not in LIST_NAMES:
            return []
        cc = [c for c in self.children[j] if toks[c].dep == "cc"]
        out: list[int] = []
        for c in self.children[j]:
            a = toks[c]
            if a.dep != "appos" or a.pos != "PROPN" or a.ent_type not in LIST_NAMES or c < j:
                continue
            if not any(toks[k].dep == "punct" and toks[k].text == "," for k in range(j + 1, c)):
                continue
            if cc or any(toks[k].dep == "cc" for k in self.children[c]):
                out.append(c)
        if cc and t.dep in SUBJ and t.head != j:
            k = (
                max(cc) + 1
            )  # "The EU, Russia, and China condemned": China is a subject right after EU's "and"
            if k < len(toks) and toks[k].head == t.head and toks[k].dep == t.dep and toks[k].pos == "PROPN":
                out.append(k)
        return out

    def conj_root(self, i: int) -> int:
        """Climb ``conj`` links to the first conjunct."""
        t = self.tokens[i]
        while t.dep == "conj" and t.head != t.i:
            t = self.tokens[t.head]
        return t.i

    def np_span(self, i: int) -> tuple[int, int]:
        """Token range [lo, hi) of the noun phrase headed by ``i``: its pre-modifiers, head and ``of``-complements,
        without relative clauses, coordination or appositions."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                tc = self.tokens[c]
                if tc.dep in NP_SKIP and not (tc.dep == "prep" and tc.lower == "of" and j == i):
                    continue
                if tc.dep == "prep":  # "of" complement of the head
                    pass
                lo = min(lo, c)
                hi = max(hi, c)
                stack.append(c)
        # trim punctuation at the edges
        toks = self.tokens
        while lo < hi and toks[lo].pos in ("PUNCT", "SPACE"):
            lo += 1
        while hi > lo and toks[hi].pos in ("PUNCT", "SPACE"):
            hi -= 1
        return lo, hi + 1

    def char_span(self, lo: int, hi: int) -> tuple[int, int]:
        return self.tokens[lo].start, self.tokens[hi - 1].end

    def is_pronoun(self, i: int) -> bool:
        t = self.tokens[i]
        if len(t.text) > 1 and t.text.isupper() and t.pos == "PROPN":
            return False  # "the US", "IT firms": an all-capital proper noun is a name, not "us" or "it"
        return t.pos == "PRON" or t.lower in PRONOUNS

    def negated(self, i: int) -> bool:
        return any(self.tokens[c].dep == "neg" for c in self.children[i])

    def subject(self, i: int) -> tuple[Token | None, bool]:
        """The subject of verb ``i`` and whether the clause is passive. Inherits the subject of a governing verb for
        coordinated verbs, ``xcomp``/``advcl`` complements and gerunds."""
        seen: set[int] = set()
        j = i
        while j not in seen:
            seen.add(j)
            for c in self.children[j]:
                tc = self.tokens[c]
                if tc.dep in ("nsubj", "csubj"):
                    return tc, False
                if tc.dep in ("nsubjpass", "csubjpass"):
                    return tc, True
            t = self.tokens[j]
            if t.head == j:
                return None, False
            h = self.tokens[t.head]
            if t.dep in ("conj", "xcomp", "advcl") and h.pos in ("VERB", "AUX"):
                j = h.i
                continue
            if t.dep == "xcomp" and h.pos == "ADJ" and h.head != h.i:
                # "France is ready to contribute troops": the subject of the copula
                j = h.head
                continue
            if t.dep == "pcomp" or (t.dep in ("pobj",) and t.tag == "VBG"):
                # "support in countering X": gerund under a preposition; the possessor of the noun, or the
                # subject of the verb the preposition hangs on
                prep = h
                gov = self.head(prep.i)
                if gov is None:
                    return None, False
                if gov.pos in ("NOUN", "PROPN"):
                    poss = self.kid(gov.i, "poss")
                    if poss is not None:
                        return poss, False
                    gov2 = self.head(gov.i)
                    if (
                        gov2 is not None
                        and gov.dep in ("dobj", "nsubj", "pobj")
                        and gov2.pos in ("VERB", "AUX")
                    ):
                        j = gov2.i
                        continue
                    return None, False
                if gov.pos in ("VERB", "AUX"):
                    # "X commended Y's support in countering Z": Y, the possessor of the object, does it
                    obj = self.kid(gov.i, "dobj")
                    poss = self.kid(obj.i, "poss") if obj is not None else None
                    if poss is not None:
                        return poss, False
                    j = gov.i
                    continue
                return None, False
            if t.dep in ("relcl", "acl") and h.pos in ("NOUN", "PROPN", "PRON"):
                # "the group that attacked": the head noun is the subject of an active relative clause
                if t.tag == "VBN":
                    return None, True
                return h, False
            return None, False
        return None, False

    def _dangling_object(self, i: int, p: int) -> Token | None:
        """The object of a preposition the parser left without one, a common misparse: the noun phrase right after
        it is read as the verb's direct object ("called on [dobj Minister X] to resign") or as the subject of a
        following reduced clause ("granted asylum to [nsubj five officers] holed up in ...")."""
        nxt = p + 1
        while nxt < len(self.tokens) and self.tokens[nxt].dep in (
            "det",
            "nummod",
            "amod",
            "compound",
            "poss",
            "quantmod",
        ):
            nxt = self.tokens[nxt].head if self.tokens[nxt].head > nxt else nxt + 1
        if nxt >= len(self.tokens):
            return None
        n = self.tokens[nxt]
        if n.pos not in ("NOUN", "PROPN", "PRON") or self.np_span(n.i)[0] != p + 1:
            return None
        if n.dep == "dobj" and n.head == i:
            return n
        h = self.tokens[n.head]
        if n.dep in ("nsubj", "nsubjpass") and h.dep in ("advcl", "acl", "relcl", "ccomp") and h.head == i:
            return n
        return None

    def preps(self, i: int) -> Iterator[tuple[Token, Token]]:
        """(preposition, object) pairs attached to ``i`` (also particles with an object further on)."""
        for c in self.children[i]:
            tc = self.tokens[c]
            if tc.dep in ("prep", "agent", "dative") and tc.pos in ("ADP", "SCONJ", "ADV"):
                objs = [self.tokens[o] for o in self.children[c] if self.tokens[o].dep in ("pobj", "pcomp")]
                if not objs and tc.dep in ("prep", "dative"):
                    dangling = self._dangling_object(i, c)
                    if dangling is not None:
                        objs = [dangling]
                yield from ((tc, to) for to in objs)
            elif tc.dep == "dative" and tc.pos in ("PROPN", "NOUN", "PRON"):
                yield tc, tc
