"""Argument repairs for role filling: where the parse hides a party the coder should read (actor side).

Kept apart from the coder so that each rule is small, documented and testable on its own.
"""

from __future__ import annotations

from ..model import Token
from ..parse import Tree

__all__ = ["DATED_NAME_LABELS", "dated_name"]

# entity labels of a name the parser may hang on the day after it ("met with President X Tuesday")
DATED_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def dated_name(tree: Tree, o: Token) -> Token | None:
    """The name the parser made a compound of the day that follows it, when ``o`` is that day.

    "met with Syrian President Bashar Assad Tuesday", "met Chinese President Xi Jinping Monday": the small English
    model often reads "Assad Tuesday" as one noun phrase headed by the day, so the day becomes the object and the
    name disappears. The name (the last proper-noun compound before the day, with a person, organisation or place
    label) is the argument; the day only dates the act. None when ``o`` is no date or has no such name."""
    if o.ent_type not in ("DATE", "TIME"):
        return None
    names = [k for k in tree.kids(o.i, "compound") if k.i < o.i and k.pos == "PROPN" and k.ent_type in DATED_NAME_LABELS]
    return names[-1] if names else None
