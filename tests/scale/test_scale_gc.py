"""The loaded pipeline's long-lived objects are kept out of the cyclic garbage collector's way (gc.freeze):
a full collection does not walk the knowledge base, lexicon and gazetteer on every pass."""

from __future__ import annotations

import gc


def test_the_loaded_knowledge_is_frozen_out_of_the_collector(pipe) -> None:
    pipe.nlp  # noqa: B018 - loads spaCy (frozen too)
    assert gc.get_freeze_count() > 100_000
    tracked = {id(o) for o in gc.get_objects()}
    for long_lived in (pipe.kb.people, pipe.kb.countries, pipe.lexicon, pipe.coder, pipe.nlp.nlp):
        assert id(long_lived) not in tracked
