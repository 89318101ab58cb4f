"""The clustering on the project's labelled set, coded by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tieline.dedup.labelled import evaluate_labelled, read_labelled

SET = Path(__file__).resolve().parents[1] / "fixtures" / "dedup" / "reports.jsonl"


@pytest.mark.model
def test_pairwise_merge_precision_and_recall(pipe) -> None:
    rows = read_labelled(SET)
    assert len(rows) >= 120
    result = evaluate_labelled(rows, pipe)
    s = result.scores
    assert s.gold_pairs > 100
    assert s.precision >= 0.9, s.false_merges
    # Measured 0.84: every missed pair involves a report the coder did not code as the happening
    # (see the report of issue 7 part C); the floor below pins it so it cannot slip.
    assert s.recall >= 0.8, s.missed_merges
