"""What an appeal asks for: a nominal act named as the object of a request is not done.

"The United Nations called for an immediate ceasefire" names a ceasefire that nobody has declared, and the UN is not
the one who would declare it. The coder already treats a verb asked for ("urged Iran to release") as hypothetical and
takes its doer from the object of control; this module finds the same for a noun: the direct object of a request verb
("urged a ceasefire", "demanded talks", "sought a truce"), the ``for`` phrase of a request verb or noun ("called for",
"appealed for", "pressed for", "the UN's call for"), and a phrase or object of a to-infinitive that is itself asked for
("urged both sides to return to negotiations"). The cue words are data (``events/data/modality.yaml``
``asked_objects`` and ``asked_for``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError
from ..model import Token
from ..parse import Tree

__all__ = ["AskedFor"]


def _lemma(t: Token) -> str:
    return (t.lemma or t.text).lower()


@dataclass(frozen=True)
class AskedFor:
    """The request cues: verbs whose direct object is asked for, verbs and nouns whose ``for`` phrase is, and the
    request verbs whose to-infinitive is (modality.yaml ``requested``)."""

    object_verbs: frozenset[str]
    for_words: frozenset[str]
    requested: frozenset[str]

    @classmethod
    def from_modality(cls, mod: Mapping[str, Any]) -> AskedFor:
        objects, fors = mod.get("asked_objects"), mod.get("asked_for")
        if not objects or not fors:
            raise DataFileError(
                "events/data/modality.yaml: the cue sets 'asked_objects' and 'asked_for' are missing or empty",
                hint="list the request verbs whose object, and the request words whose 'for' phrase, is asked for",
            )
        return cls(
            object_verbs=frozenset(str(w).lower() for w in objects),
            for_words=frozenset(str(w).lower() for w in fors),
            requested=frozenset(str(w).lower() for w in mod.get("requested", ())),
        )

    def asker(self, tree: Tree, t: Token) -> tuple[Token, bool] | None:
        """The request word that asks for the nominal act ``t``, and whether it asks for it directly (its object or
        for-phrase: the asker's subject is then no participant) rather than through an asked-for verb ("urged both
        sides to return to negotiations": the verb's controller takes part). None when ``t`` is not asked for."""
        cur = t
        for _ in range(3):  # "called for a ceasefire and talks": a conjunct shares its first noun's place
            if cur.dep == "conj" and cur.head != cur.i and tree.tokens[cur.head].pos in ("NOUN", "PROPN"):
                cur = tree.tokens[cur.head]
        h = tree.head(cur.i)
        if h is None:
            return None
        if cur.dep == "dobj" and h.pos == "VERB":
            if _lemma(h) in self.object_verbs:
                return h, True  # "urged a ceasefire", "demanded talks with the rebels"
            return self._asked_verb(tree, h)  # "urged Israel to accept talks"
        if cur.dep != "pobj" or h.dep != "prep" or h.head == h.i:
            return None
        g = tree.tokens[h.head]
        if h.lower == "for" and g.pos in ("VERB", "NOUN") and _lemma(g) in self.for_words:
            return g, True  # "called for a ceasefire", "the UN's appeal for aid"
        if g.pos == "VERB":
            return self._asked_verb(tree, g)  # "urged both sides to return to negotiations"
        return None

    def _asked_verb(self, tree: Tree, v: Token) -> tuple[Token, bool] | None:
        """The request verb whose to-infinitive ``v`` is ("urged X to return"), when ``v`` has no subject of its own."""
        if v.dep != "xcomp" or v.head == v.i:
            return None
        if any(tree.tokens[c].dep in ("nsubj", "nsubjpass") for c in tree.children[v.i]):
            return None
        g = tree.tokens[v.head]
        if g.pos == "VERB" and _lemma(g) in self.requested:
            return g, False
        return None
