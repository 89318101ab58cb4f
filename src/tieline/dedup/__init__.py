"""One record per real-world happening: cross-article event coreference over event dicts.

>>> from tieline.dedup import cluster_events, split, assign
>>> happenings = cluster_events(e.to_dict() for e in events)
"""

from __future__ import annotations

from .cluster import Happening, assign, cluster_events, compare, split
from .metrics import PairScores, article_links, pairwise_scores
from .rules import Rules, load_rules

__all__ = [
    "Happening",
    "PairScores",
    "Rules",
    "article_links",
    "assign",
    "cluster_events",
    "compare",
    "load_rules",
    "pairwise_scores",
    "split",
]
