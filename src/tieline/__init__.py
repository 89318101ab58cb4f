"""tieline: auditable event data about defence, security and international relations.

>>> import tieline
>>> nlp = tieline.load()
>>> events = nlp.code("Kenya and Somalia signed a defence pact on Tuesday.", date="2024-01-24")
"""

__version__ = "0.1.0"

from .errors import TielineError
from .events.explain import Explanation, explain
from .ingest import read_paths
from .model import Actor, Article, Event, Evidence, Location, Mention, SkipRecord
from .pipeline import Pipeline, load, to_frame

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Evidence",
    "Explanation",
    "Location",
    "Mention",
    "Pipeline",
    "SkipRecord",
    "TielineError",
    "__version__",
    "explain",
    "load",
    "read_paths",
    "to_frame",
]
