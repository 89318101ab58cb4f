"""Pairwise merge precision and recall of a clustering against gold cluster labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from .cluster import Happening

__all__ = ["PairScores", "article_links", "group_scores", "pairwise_scores"]


@dataclass(frozen=True)
class PairScores:
    true_pairs: int  # predicted merged and gold same
    predicted_pairs: int
    gold_pairs: int
    false_merges: tuple[tuple[str, str], ...]
    missed_merges: tuple[tuple[str, str], ...]

    @property
    def precision(self) -> float:
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        out.update(combinations(sorted(set(g)), 2))
    return out


def article_links(happenings: Iterable[Happening]) -> set[tuple[str, str]]:
    """Pairs of articles that the clustering says report one happening (they share a happening)."""
    return _pairs(h.sources for h in happenings)


def pairwise_scores(happenings: Iterable[Happening], gold: Mapping[str, str]) -> PairScores:
    """Article-pair precision and recall: a pair is merged when the two articles share a happening, and
    right when both carry the same gold cluster id. Articles outside ``gold`` are ignored."""
    return group_scores((h.sources for h in happenings), gold)


def group_scores(groups: Iterable[Iterable[str]], gold: Mapping[str, str]) -> PairScores:
    """``pairwise_scores`` over groups of article ids (e.g. the ``articles`` of stored happenings)."""
    predicted = {p for p in _pairs(groups) if p[0] in gold and p[1] in gold}
    by_cluster: dict[str, list[str]] = {}
    for art, cid in gold.items():
        by_cluster.setdefault(cid, []).append(art)
    gold_pairs = _pairs(by_cluster.values())
    true = predicted & gold_pairs
    return PairScores(
        true_pairs=len(true),
        predicted_pairs=len(predicted),
        gold_pairs=len(gold_pairs),
        false_merges=tuple(sorted(predicted - gold_pairs)),
        missed_merges=tuple(sorted(gold_pairs - predicted)),
    )
