"""``norm_key`` (the alias index key) takes shortcuts for ASCII text; it must give what the plain recipe gives."""

from __future__ import annotations

import random
import re
import unicodedata

from tieline.actors.resolver import norm_key

_DASHES = re.compile(r"\s*[-‐‑–—]\s*")
_SPACES = re.compile(r"\s+")


def plain_norm_key(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text).strip().lower()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    return text


def test_norm_key_equals_the_plain_recipe_on_random_strings() -> None:
    rng = random.Random(5)
    pieces = [*"aB -\t\n\x1c\x1f`'’‘s", "the ", "The ", "é", "–", "—", "‐", " - ", "\u00a0", "\u2003", "İ", "ß",
              "'s", "Kenya", "al-", "Côte d’Ivoire"]  # fmt: skip
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert norm_key(text) == plain_norm_key(text), repr(text)


def test_norm_key_examples() -> None:
    assert norm_key("The  Kenya  Defence\tForces") == "kenya defence forces"
    assert norm_key("al - Shabaab's") == "al-shabaab"
    assert norm_key("Côte d’Ivoire") == "cote d'ivoire"
