"""Defence entities: platforms, weapons, units, operations and agreements (gazetteers + patterns).

>>> from tieline.entities import EntityRecognizer, link_entities
>>> rec = EntityRecognizer.load()
>>> mentions = rec.find(parsed_article)          # spaCy's mentions merged with the new labels
>>> link_entities(parsed_article.events, mentions)  # fills Event.entities
"""

from __future__ import annotations

from .gazetteer import EntityData, GazetteerEntry, Lexicon, load_entity_data
from .link import LINKS, link_entities
from .recognizer import NEW_LABELS, EntityRecognizer

__all__ = [
    "LINKS",
    "NEW_LABELS",
    "EntityData",
    "EntityRecognizer",
    "GazetteerEntry",
    "Lexicon",
    "link_entities",
    "load_entity_data",
]
